import type { Kysely } from 'kysely';
import type { Database, NoticeVersionOrigin } from '../db/schema.js';
import { beijingDate, type NoticeContent } from './notice-content.js';
import type { AuditHead } from './notice-versions.js';

export { beijingDate, type NoticeEnterpriseTotal, type NoticeLine } from './notice-content.js';

/** One version of a notice as the list of versions names it. */
export interface NoticeVersionSummary {
  /** 1: the publication; 2: the first correction (第1次更正), and so on. */
  readonly version: number;
  readonly origin: NoticeVersionOrigin;
  readonly reason: string | null;
  /** When this version was issued (ISO instant) and its Beijing date. */
  readonly at: string;
  readonly on: string;
  readonly contentSha256: string;
  /** The audit chain's head right after this version's audit entry. */
  readonly auditHead: AuditHead;
}

/** A version of a notice: its frozen content, what it is among the versions, and all of them. */
export interface NoticeView extends NoticeContent, NoticeVersionSummary {
  readonly id: string;
  /** How many corrections this version is: 0 for the publication. */
  readonly correction: number;
  readonly latestVersion: number;
  readonly isLatest: boolean;
  /** Whether objections are taken today: by the notice's window, which its latest version gives. */
  readonly isOpenForObjections: boolean;
  /** Every version, oldest first. */
  readonly versions: readonly NoticeVersionSummary[];
}

/**
 * A notice as one of its stored versions shows it (the latest unless `version` is given): the
 * content written when that version was issued, never the records as they stand now. Only
 * `isOpenForObjections` depends on today and on the notice's current window.
 */
export async function loadNotice(db: Kysely<Database>, id: string, today: string, version?: number): Promise<NoticeView | undefined> {
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
