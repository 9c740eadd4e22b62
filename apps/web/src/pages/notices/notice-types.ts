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

/** GET /api/v1/notices/:id. */
export interface NoticeView extends Omit<NoticeSummary, 'count' | 'enterprises'> {
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
