import type { Notice, NoticeContent, NoticeEnterpriseTotal, NoticeEntry, NoticePageInfo, NoticeVersionSummary } from '@ftai/api';
import { noticeTitle, PAGE_LIMIT_DEFAULT } from '@ftai/api';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { fieldError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/keyset.js';
import { noticeBatches } from './notice-batch.js';
import { beijingDate } from './notice-content.js';

/** A page of a notice's lines: after a line, or before one, searched or not. */
export interface NoticePageRequest {
  readonly limit?: number | undefined;
  readonly after?: string | undefined;
  readonly before?: string | undefined;
  readonly order?: 'asc' | 'desc' | undefined;
  /** Any part of an enterprise name, or the beginning of a credit code. */
  readonly q?: string | undefined;
  readonly applicationId?: string | undefined;
}

/** The cursor's sort: the line's number on the notice (unique within a version). */
const SORT = 'position';

/** The header of a version as stored beside its content: content without lines and enterprises. */
export type NoticeHead = Omit<NoticeContent, 'lines' | 'enterprises'>;

/** `text` as a LIKE pattern that matches it literally (escape character \). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The lines of a version, filtered as `page` asks (its search), unordered. */
export function noticeLinesQuery(
  db: Kysely<Database>,
  id: string,
  version: number,
  page: Pick<NoticePageRequest, 'q' | 'applicationId'> = {},
) {
  let query = db.selectFrom('notice_lines').where('notice_id', '=', id).where('version', '=', version);
  const q = page.q?.trim();
  if (q) {
    const like = likeLiteral(q);
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('enterprise_name')} like ${`%${like}%`} escape '\\'`,
        sql<boolean>`${eb.ref('credit_code')} like ${`${like}%`} escape '\\'`,
      ]),
    );
  }
  if (page.applicationId !== undefined) query = query.where('application_id', '=', page.applicationId);
  return query;
}

export const LINE_COLUMNS = [
  'position',
  'application_id',
  'credit_code',
  'enterprise_name',
  'measure',
  'measure_name',
  'citation',
  'subject',
  'subject_text',
  'amount',
] as const;

type LineRow = Pick<Database['notice_lines'], (typeof LINE_COLUMNS)[number]>;

/** A stored line as the API shows it. */
export function entryOf(r: LineRow): NoticeEntry {
  return {
    no: Number(r.position),
    applicationId: r.application_id,
    enterpriseName: r.enterprise_name,
    creditCode: r.credit_code,
    measure: r.measure,
    measureName: r.measure_name,
    citation: r.citation,
    subject: r.subject,
    subjectText: r.subject_text,
    amount: Number(r.amount),
  };
}

/**
 * One page of a version's lines in keyset order of their number (序号): the lines after the
 * cursor (or before it), `limit` of them, one range scan of the primary key. The total is the
 * version's count unless a search narrows it.
 */
export async function noticeLinesPage(
  db: Kysely<Database>,
  id: string,
  version: number,
  lineCount: number,
  page: NoticePageRequest,
): Promise<{ lines: NoticeEntry[]; page: NoticePageInfo }> {
  if (page.after !== undefined && page.before !== undefined) throw fieldError('before', 'expected either after or before, not both');
  const limit = page.limit ?? PAGE_LIMIT_DEFAULT;
  const order = page.order ?? 'asc';
  const isBackward = page.before !== undefined;
  const direction = isBackward ? (order === 'asc' ? 'desc' : 'asc') : order;
  const filtered = noticeLinesQuery(db, id, version, page);
  const isSearch = Boolean(page.q?.trim()) || page.applicationId !== undefined;
  const count = isSearch
    ? filtered
        .select(sql<number | string | bigint>`count(*)`.as('n'))
        .executeTakeFirst()
        .then((r) => Number(r?.n ?? 0))
    : Promise.resolve(lineCount);
  let rowsQuery: SelectQueryBuilder<Database, 'notice_lines', LineRow> = filtered.select([...LINE_COLUMNS]);
  const cursor = page.before ?? page.after;
  if (cursor !== undefined) {
    const at = decodeCursor(cursor, SORT);
    if (typeof at.key !== 'number') throw fieldError(isBackward ? 'before' : 'after', 'expected a cursor of this notice’s pages');
    rowsQuery = rowsQuery.where('position', direction === 'asc' ? '>' : '<', at.key);
  }
  const rows = await rowsQuery
    .orderBy('position', direction)
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  if (more) rows.length = limit;
  if (isBackward) rows.reverse();
  const cursorOf = (r: LineRow | undefined) => (r ? encodeCursor(SORT, Number(r.position), r.application_id) : null);
  const first = rows[0];
  const last = rows.at(-1);
  // Going back: "more" lies before the first row, and the page we came from after the last.
  const next = isBackward ? cursorOf(last) : more ? cursorOf(last) : null;
  const previous = isBackward ? (more ? cursorOf(first) : null) : page.after !== undefined ? cursorOf(first) : null;
  return { lines: rows.map(entryOf), page: { limit, next, previous, total: await count } };
}

/** The totals of the enterprises of `lines` on the whole version, in the order of the lines. */
async function enterprisesOf(
  db: Kysely<Database>,
  id: string,
  version: number,
  lines: readonly NoticeEntry[],
): Promise<NoticeEnterpriseTotal[]> {
  const codes = [...new Set(lines.map((l) => l.creditCode))];
  if (codes.length === 0) return [];
  // At most one page of codes (PAGE_LIMIT_MAX): a bounded list.
  const rows = await db
    .selectFrom('notice_enterprises')
    .select(['credit_code', 'name', 'application_ids_json', 'total'])
    .where('notice_id', '=', id)
    .where('version', '=', version)
    .where('credit_code', 'in', codes)
    .execute();
  const byCode = new Map(rows.map((r) => [r.credit_code, r]));
  // The readable numbers (丰科AI申〔2026〕0001号) of the applications, as given at submission: the
  // stored version names applications by id (its hash covers them); a number never changes.
  const ids = [...new Set(rows.flatMap((r) => JSON.parse(r.application_ids_json) as string[]))];
  const numbers = new Map(
    ids.length === 0
      ? []
      : (await db.selectFrom('applications').select(['id', 'number']).where('id', 'in', ids).execute()).map((a) => [a.id, a.number]),
  );
  return codes.flatMap((code) => {
    const r = byCode.get(code);
    if (!r) return [];
    const applicationIds = JSON.parse(r.application_ids_json) as string[];
    return [
      {
        creditCode: code,
        name: r.name,
        applicationIds,
        applicationNumbers: applicationIds.map((a) => numbers.get(a) ?? null),
        total: Number(r.total),
      },
    ];
  });
}

/** Every version of a notice, oldest first. */
export async function noticeVersions(db: Kysely<Database>, id: string): Promise<NoticeVersionSummary[]> {
  const rows = await db
    .selectFrom('notice_versions')
    .select(['version', 'origin', 'reason', 'content_sha256', 'audit_seq', 'audit_hash', 'created_at'])
    .where('notice_id', '=', id)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: Number(r.version),
    origin: r.origin,
    reason: r.reason,
    at: r.created_at,
    on: beijingDate(r.created_at),
    contentSha256: r.content_sha256,
    auditHead: { seq: Number(r.audit_seq), hash: r.audit_hash },
  }));
}

/**
 * A notice as one of its stored versions shows it (the latest unless `version` is given): the
 * content written when that version was issued, never the records as they stand now, with one
 * page of its lines. Only `isOpenForObjections` depends on today and on the notice's current
 * window.
 */
export async function loadNotice(
  db: Kysely<Database>,
  id: string,
  today: string,
  version?: number,
  page: NoticePageRequest = {},
): Promise<Notice | undefined> {
  const versions = await noticeVersions(db, id);
  const latest = versions.at(-1);
  if (!latest) return undefined;
  const summary = version === undefined ? latest : versions.find((v) => v.version === version);
  if (!summary) return undefined;
  const head = await db
    .selectFrom('notice_version_heads')
    .select(['head_json', 'line_count', 'enterprise_count'])
    .where('notice_id', '=', id)
    .where('version', '=', summary.version)
    .executeTakeFirstOrThrow();
  const content = JSON.parse(head.head_json) as NoticeHead;
  const lineCount = Number(head.line_count);
  const { lines, page: info } = await noticeLinesPage(db, id, summary.version, lineCount, page);
  // The window is the notice's (a correction may reopen it), the same as the latest version prints.
  const window = await db.selectFrom('notices').select('objections_until').where('id', '=', id).executeTakeFirstOrThrow();
  const batch = (await noticeBatches(db, [id])).get(id) ?? 1;
  return {
    id,
    batch,
    title: noticeTitle(content.call.title, batch),
    ...content,
    ...summary,
    correction: summary.version - 1,
    latestVersion: latest.version,
    isLatest: summary.version === latest.version,
    isOpenForObjections: today <= window.objections_until,
    versions,
    lineCount,
    enterpriseCount: Number(head.enterprise_count),
    lines,
    enterprises: await enterprisesOf(db, id, summary.version, lines),
    page: info,
  };
}
