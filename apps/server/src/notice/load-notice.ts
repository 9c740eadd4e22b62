import type { Notice, NoticeContent, NoticeVersionSummary } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { beijingDate } from './notice-content.js';

/**
 * A notice as one of its stored versions shows it (the latest unless `version` is given): the
 * content written when that version was issued, never the records as they stand now. Only
 * `isOpenForObjections` depends on today and on the notice's current window.
 */
export async function loadNotice(db: Kysely<Database>, id: string, today: string, version?: number): Promise<Notice | undefined> {
  const rows = await db
    .selectFrom('notice_versions')
    .select(['version', 'origin', 'reason', 'content_sha256', 'audit_seq', 'audit_hash', 'created_at'])
    .where('notice_id', '=', id)
    .orderBy('version')
    .execute();
  const versions: NoticeVersionSummary[] = rows.map((r) => ({
    version: Number(r.version),
    origin: r.origin,
    reason: r.reason,
    at: r.created_at,
    on: beijingDate(r.created_at),
    contentSha256: r.content_sha256,
    auditHead: { seq: Number(r.audit_seq), hash: r.audit_hash },
  }));
  const latest = versions.at(-1);
  if (!latest) return undefined;
  const summary = version === undefined ? latest : versions.find((v) => v.version === version);
  if (!summary) return undefined;
  const row = await db
    .selectFrom('notice_versions')
    .select('content_json')
    .where('notice_id', '=', id)
    .where('version', '=', summary.version)
    .executeTakeFirstOrThrow();
  const content = JSON.parse(row.content_json) as NoticeContent;
  // The window is the notice's (a correction may reopen it), the same as the latest version prints.
  const window = await db.selectFrom('notices').select('objections_until').where('id', '=', id).executeTakeFirstOrThrow();
  return {
    id,
    ...content,
    ...summary,
    correction: summary.version - 1,
    latestVersion: latest.version,
    isLatest: summary.version === latest.version,
    isOpenForObjections: today <= window.objections_until,
    versions,
  };
}
