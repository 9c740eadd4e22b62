import type { NoticeSummary } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { loadNotice } from './load-notice.js';

/** Every notice, newest first, with its size and total as its latest version shows them. */
export async function listNotices(db: Kysely<Database>, today: string): Promise<NoticeSummary[]> {
  const ids = await db.selectFrom('notices').select('id').orderBy('published_at', 'desc').orderBy('id').execute();
  const summaries: NoticeSummary[] = [];
  for (const { id } of ids) {
    const n = await loadNotice(db, id, today);
    if (!n) continue;
    summaries.push({
      id: n.id,
      call: n.call,
      publishedAt: n.publishedAt,
      publishedOn: n.publishedOn,
      objectionsUntil: n.objectionsUntil,
      isOpenForObjections: n.isOpenForObjections,
      count: n.lines.length,
      enterprises: n.enterprises.length,
      total: n.total,
      version: n.version,
      versionOn: n.on,
      reason: n.reason,
      auditHead: n.auditHead,
    });
  }
  return summaries;
}
