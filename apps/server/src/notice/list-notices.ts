import { type NoticeListQuery, type NoticeSummary, noticeTitle, type PageInfo } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { keysetPage } from '../http/keyset.js';
import type { NoticeHead } from './load-notice.js';
import { noticeBatches } from './notice-batch.js';
import { beijingDate } from './notice-content.js';

/**
 * A page of notices, newest first, with their size and total as their latest version shows them:
 * read from the versions' stored heads, no content is parsed.
 */
export async function listNotices(
  db: Kysely<Database>,
  today: string,
  query: Partial<NoticeListQuery> = {},
): Promise<{ notices: NoticeSummary[]; page: PageInfo }> {
  let q = db
    .selectFrom('notices as n')
    .innerJoin('notice_versions as v', 'v.notice_id', 'n.id')
    .innerJoin('notice_version_heads as h', (join) => join.onRef('h.notice_id', '=', 'v.notice_id').onRef('h.version', '=', 'v.version'))
    .where('v.version', '=', (eb) =>
      eb
        .selectFrom('notice_versions as l')
        .select((l) => l.fn.max('l.version').as('m'))
        .whereRef('l.notice_id', '=', 'n.id'),
    )
    .select([
      'n.id',
      'n.published_at',
      'n.objections_until',
      'v.version',
      'v.reason',
      'v.created_at',
      'v.audit_seq',
      'v.audit_hash',
      'h.head_json',
      'h.line_count',
      'h.enterprise_count',
      'h.total',
    ]);
  if (query.callId !== undefined) q = q.where('n.call_id', '=', query.callId);
  const { rows, page } = await keysetPage(
    q,
    { sort: 'published', key: 'n.published_at', id: 'n.id', order: query.order ?? 'desc' },
    { ...(query.limit !== undefined && { limit: query.limit }), ...(query.after !== undefined && { after: query.after }) },
    (r) => [r.published_at, r.id],
  );
  const batches = await noticeBatches(
    db,
    rows.map((r) => r.id),
  );
  const notices = rows.map((r): NoticeSummary => {
    const head = JSON.parse(r.head_json) as NoticeHead;
    const batch = batches.get(r.id) ?? 1;
    return {
      id: r.id,
      call: head.call,
      batch,
      title: noticeTitle(head.call.title, batch),
      publishedAt: head.publishedAt,
      publishedOn: head.publishedOn,
      objectionsUntil: head.objectionsUntil,
      isOpenForObjections: today <= r.objections_until,
      count: Number(r.line_count),
      enterprises: Number(r.enterprise_count),
      total: Number(r.total),
      version: Number(r.version),
      versionOn: beijingDate(r.created_at),
      reason: r.reason,
      auditHead: { seq: Number(r.audit_seq), hash: r.audit_hash },
    };
  });
  return { notices, page };
}
