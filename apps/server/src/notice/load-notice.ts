import { measures } from '@ftai/policy-fengtai';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { subjectText } from '../ledger/milestone-tiers.js';
import { noticedApplicationIds } from './notice-applications.js';

/** One award on the notice: who gets how much, under which clause, for what. */
export interface NoticeLine {
  readonly applicationId: string;
  readonly enterpriseName: string;
  readonly creditCode: string;
  readonly measure: string;
  /** The measure's short name in Chinese (支持事项), e.g. 应用场景建设项目. */
  readonly measureName: string;
  /** The clause as the text numbers it, e.g. 第六条第（2）项. */
  readonly citation: string;
  /** The object supported (model filing, project …), the tier for 5.1; '' for other enterprise-level measures. */
  readonly subject: string;
  /** The subject as the notice prints it: a tier by its Chinese label (“5000万元”档), any other subject as is. */
  readonly subjectText: string;
  /** Whole yuan. */
  readonly amount: number;
}

export interface NoticeEnterpriseTotal {
  readonly creditCode: string;
  readonly name: string;
  readonly applicationIds: readonly string[];
  readonly total: number;
}

export interface NoticeView {
  readonly id: string;
  readonly call: { readonly id: string; readonly year: number; readonly title: string };
  readonly publishedAt: string;
  /** The Beijing calendar date of publication. */
  readonly publishedOn: string;
  /** The last day (inclusive, Beijing date) objections are taken. */
  readonly objectionsUntil: string;
  readonly isOpenForObjections: boolean;
  /** Sorted by enterprise name, then measure in catalogue order, then subject. */
  readonly lines: readonly NoticeLine[];
  /** In the order of the lines. */
  readonly enterprises: readonly NoticeEnterpriseTotal[];
  readonly total: number;
}

const CATALOGUE = new Map(measures.map((m, index) => [m.id, { index, citation: m.citation.zh, name: m.name.zh }]));
// Names in a Chinese notice read in pinyin order, the way the bureau's own lists are printed.
const byName = new Intl.Collator('zh-CN');

/** The Beijing (UTC+8) calendar date of an ISO-8601 instant. */
export function beijingDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * A notice with its lines: every award of its applications with an amount above zero. Amounts are
 * the awards' own (the allocated amounts); nothing is computed here but sums.
 */
export async function loadNotice(db: Kysely<Database>, id: string, today: string): Promise<NoticeView | undefined> {
  const notice = await db
    .selectFrom('notices as n')
    .innerJoin('calls as c', 'c.id', 'n.call_id')
    .select(['n.id', 'n.call_id', 'n.published_at', 'n.objections_until', 'c.year', 'c.title'])
    .where('n.id', '=', id)
    .executeTakeFirst();
  if (!notice) return undefined;
  const applicationIds = await noticedApplicationIds(db, notice);
  const awards =
    applicationIds.length === 0
      ? []
      : await db
          .selectFrom('awards as w')
          .innerJoin('enterprises as e', 'e.credit_code', 'w.credit_code')
          .select(['w.application_id', 'w.credit_code', 'e.name', 'w.measure', 'w.subject', 'w.amount'])
          .where('w.application_id', 'in', applicationIds)
          .where('w.amount', '>', 0)
          .execute();
  const lines: NoticeLine[] = awards.map((w) => {
    const m = CATALOGUE.get(w.measure);
    return {
      applicationId: w.application_id,
      enterpriseName: w.name,
      creditCode: w.credit_code,
      measure: w.measure,
      measureName: m?.name ?? w.measure,
      citation: m?.citation ?? w.measure,
      subject: w.subject,
      subjectText: subjectText(w.measure, w.subject, Number(notice.year)),
      amount: Number(w.amount),
    };
  });
  const order = (measure: string) => CATALOGUE.get(measure)?.index ?? Number.MAX_SAFE_INTEGER;
  lines.sort(
    (a, b) =>
      byName.compare(a.enterpriseName, b.enterpriseName) ||
      (a.creditCode < b.creditCode ? -1 : a.creditCode > b.creditCode ? 1 : 0) ||
      order(a.measure) - order(b.measure) ||
      (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0),
  );
  const enterprises = new Map<string, { creditCode: string; name: string; applicationIds: string[]; total: number }>();
  for (const line of lines) {
    const e = enterprises.get(line.creditCode) ?? { creditCode: line.creditCode, name: line.enterpriseName, applicationIds: [], total: 0 };
    if (!e.applicationIds.includes(line.applicationId)) e.applicationIds.push(line.applicationId);
    e.total += line.amount;
    enterprises.set(line.creditCode, e);
  }
  return {
    id: notice.id,
    call: { id: notice.call_id, year: notice.year, title: notice.title },
    publishedAt: notice.published_at,
    publishedOn: beijingDate(notice.published_at),
    objectionsUntil: notice.objections_until,
    isOpenForObjections: today <= notice.objections_until,
    lines,
    enterprises: [...enterprises.values()],
    total: lines.reduce((sum, l) => sum + l.amount, 0),
  };
}
