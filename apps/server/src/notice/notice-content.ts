import type { NoticeChange, NoticeContent, NoticeLine } from '@ftai/api';
import { measures } from '@ftai/policy-fengtai';
import type { Kysely } from 'kysely';
import { DEFAULT_NOTICE_ISSUER } from '../db/migrations/0025-call-notice-contacts.js';
import type { Database } from '../db/schema.js';
import { subjectText } from '../ledger/milestone-tiers.js';

const CATALOGUE = new Map(measures.map((m, index) => [m.id, { index, citation: m.citation.zh, name: m.name.zh }]));
// Names in a Chinese notice read in pinyin order, the way the bureau's own lists are printed.
const byName = new Intl.Collator('zh-CN');

/** The Beijing (UTC+8) calendar date of an ISO-8601 instant. */
export function beijingDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * What the notice shows if issued now, read from the records as they stand: every award of its
 * applications with an amount above zero, the enterprises' current names, the catalogue's names
 * and clauses. Amounts are the awards' own (the allocated amounts); nothing is computed but sums.
 * Only publishing, correcting and migration 0005 call this: readers get the stored versions.
 */
export async function readNoticeContent(db: Kysely<Database>, id: string): Promise<Omit<NoticeContent, 'changes'> | undefined> {
  const notice = await db
    .selectFrom('notices as n')
    .innerJoin('calls as c', 'c.id', 'n.call_id')
    // The call's every column: a schema before 0025 (migration 0005 snapshots on it) has no contacts yet.
    .selectAll('c')
    .select(['n.id as notice_id', 'n.call_id', 'n.published_at', 'n.objections_until'])
    .where('n.id', '=', id)
    .executeTakeFirst();
  if (!notice) return undefined;
  // The notice's applications by its index (migration 0014), not a list of their ids.
  const awards = await db
    .selectFrom('awards as w')
    .innerJoin('applications as a', 'a.id', 'w.application_id')
    .innerJoin('enterprises as e', 'e.credit_code', 'w.credit_code')
    .select(['w.application_id', 'w.credit_code', 'e.name', 'w.measure', 'w.subject', 'w.amount'])
    .where('a.notice_id', '=', notice.notice_id)
    .where('w.amount', '>', 0)
    .execute();
  const year = Number(notice.year);
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
      subjectText: subjectText(w.measure, w.subject, year),
      amount: Number(w.amount),
    };
  });
  const order = (measure: string) => CATALOGUE.get(measure)?.index ?? Number.MAX_SAFE_INTEGER;
  // Names collate once each (the collator is the slow part), then lines sort by rank.
  const names = [...new Set(lines.map((l) => l.enterpriseName))].sort(byName.compare);
  const rank = new Map(names.map((name, i) => [name, i]));
  const rankOf = (name: string) => rank.get(name) ?? 0;
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  lines.sort(
    (a, b) =>
      rankOf(a.enterpriseName) - rankOf(b.enterpriseName) ||
      text(a.creditCode, b.creditCode) ||
      order(a.measure) - order(b.measure) ||
      text(a.subject, b.subject) ||
      text(a.applicationId, b.applicationId),
  );
  const enterprises = new Map<string, { creditCode: string; name: string; applicationIds: string[]; total: number }>();
  for (const line of lines) {
    const e = enterprises.get(line.creditCode) ?? { creditCode: line.creditCode, name: line.enterpriseName, applicationIds: [], total: 0 };
    if (e.applicationIds.at(-1) !== line.applicationId && !e.applicationIds.includes(line.applicationId))
      e.applicationIds.push(line.applicationId);
    e.total += line.amount;
    enterprises.set(line.creditCode, e);
  }
  return {
    // The policy's own issuer (发文机构) on a schema before 0025, which made it the calls' default.
    issuer: notice.notice_issuer ?? DEFAULT_NOTICE_ISSUER,
    // Left out when not given: the page then prints no empty line.
    ...(notice.notice_phone && { contactPhone: notice.notice_phone }),
    ...(notice.notice_address && { contactAddress: notice.notice_address }),
    call: { id: notice.call_id, year, title: notice.title },
    publishedAt: notice.published_at,
    publishedOn: beijingDate(notice.published_at),
    objectionsUntil: notice.objections_until,
    lines,
    enterprises: [...enterprises.values()],
    total: lines.reduce((sum, l) => sum + l.amount, 0),
  };
}

const FIELDS = ['enterpriseName', 'creditCode', 'measureName', 'citation', 'subjectText', 'amount'] as const;

/**
 * What `next` corrects in `previous`: per line (application, measure, subject) every field that
 * differs, lines added and removed, and a new objection window; in the order of the lines.
 */
export function noticeChanges(previous: Omit<NoticeContent, 'changes'>, next: Omit<NoticeContent, 'changes'>): NoticeChange[] {
  const key = (l: NoticeLine) => JSON.stringify([l.applicationId, l.measure, l.subject]);
  const before = new Map(previous.lines.map((l) => [key(l), l]));
  const after = new Set(next.lines.map(key));
  const changes: NoticeChange[] = [];
  const about = (l: NoticeLine) => ({
    applicationId: l.applicationId,
    creditCode: l.creditCode,
    enterpriseName: l.enterpriseName,
    measure: l.measure,
    measureName: l.measureName,
    subject: l.subject,
  });
  for (const l of next.lines) {
    const old = before.get(key(l));
    if (!old) {
      changes.push({ ...about(l), field: 'line', before: null, after: l.amount });
      continue;
    }
    for (const field of FIELDS) if (old[field] !== l[field]) changes.push({ ...about(l), field, before: old[field], after: l[field] });
  }
  for (const l of previous.lines) if (!after.has(key(l))) changes.push({ ...about(l), field: 'line', before: l.amount, after: null });
  if (previous.objectionsUntil !== next.objectionsUntil) {
    changes.push({
      applicationId: '',
      creditCode: '',
      enterpriseName: '',
      measure: '',
      measureName: '',
      subject: '',
      field: 'objectionsUntil',
      before: previous.objectionsUntil,
      after: next.objectionsUntil,
    });
  }
  return changes;
}
