import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { loadNotice } from './load-notice.js';

export interface NoticeSummary {
  readonly id: string;
  readonly call: { readonly id: string; readonly year: number; readonly title: string };
  readonly publishedAt: string;
  readonly publishedOn: string;
  readonly objectionsUntil: string;
  readonly isOpenForObjections: boolean;
  /** Lines on the notice (awards above zero). */
  readonly count: number;
  readonly enterprises: number;
  readonly total: number;
  /** The version the notice now shows: 1 the publication, 2 its first correction (第1次更正) … */
  readonly version: number;
  /** The Beijing date of that version, and why it was corrected (null for the publication). */
  readonly versionOn: string;
  readonly reason: string | null;
  /** The audit chain's head printed on that version. */
  readonly auditHead: { readonly seq: number; readonly hash: string };
}

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
