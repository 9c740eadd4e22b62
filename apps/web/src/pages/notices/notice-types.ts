/** GET /api/v1/notices: one published notice (公示) with its size and total. */
export interface NoticeSummary {
  readonly id: string;
  readonly call: { readonly id: string; readonly year: number; readonly title: string };
  readonly publishedAt: string;
  readonly publishedOn: string;
  /** The last day (inclusive, Beijing date) objections are taken. */
  readonly objectionsUntil: string;
  readonly isOpenForObjections: boolean;
  readonly count: number;
  readonly enterprises: number;
  readonly total: number;
  /** The version shown: 1 the publication, 2 its first correction (第1次更正) … */
  readonly version: number;
  /** The Beijing date of that version; why it was corrected (null for the publication). */
  readonly versionOn: string;
  readonly reason: string | null;
  /** The audit chain's head printed on that version (审计链校验值). */
  readonly auditHead: NoticeAuditHead;
}

export interface NoticeAuditHead {
  readonly seq: number;
  readonly hash: string;
}

/** One version of a notice, as its list of versions names it. */
export interface NoticeVersionSummary {
  readonly version: number;
  readonly origin: 'publication' | 'correction' | 'migration';
  readonly reason: string | null;
  readonly at: string;
  readonly on: string;
  readonly contentSha256: string;
  readonly auditHead: NoticeAuditHead;
}

export interface NoticeLine {
  readonly applicationId: string;
  readonly enterpriseName: string;
  readonly creditCode: string;
  readonly measure: string;
  readonly measureName: string;
  readonly citation: string;
  readonly subject: string;
  readonly amount: number;
}

/** GET /api/v1/notices/:id (the latest version) and …/versions/:version. */
export interface NoticeView extends Omit<NoticeSummary, 'count' | 'enterprises' | 'versionOn'>, NoticeVersionSummary {
  readonly correction: number;
  readonly latestVersion: number;
  readonly isLatest: boolean;
  readonly versions: readonly NoticeVersionSummary[];
  readonly lines: readonly NoticeLine[];
  readonly enterprises: readonly { creditCode: string; name: string; applicationIds: readonly string[]; total: number }[];
}

/** The applications on a notice, for the objection form: one option per application. */
export function applicationOptions(lines: readonly NoticeLine[]): { value: string; label: string }[] {
  const byApp = new Map<string, { name: string; measures: string[] }>();
  for (const l of lines) {
    const a = byApp.get(l.applicationId) ?? { name: l.enterpriseName, measures: [] };
    if (!a.measures.includes(l.measure)) a.measures.push(l.measure);
    byApp.set(l.applicationId, a);
  }
  return [...byApp.entries()].map(([value, a]) => ({ value, label: `${a.name}(${a.measures.join('、')})` }));
}
