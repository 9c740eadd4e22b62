import type { NoticeContent } from '@ftai/api';
import type { Kysely } from 'kysely';
import { type AuditHead, readAuditHead } from '../audit/read-audit-head.js';
import type { Database, NoticeVersionOrigin } from '../db/schema.js';
import { sha256 } from '../ids.js';

/** A notice's content as stored, and the SHA-256 of exactly that text. */
export function serialiseNoticeContent(content: NoticeContent): { readonly json: string; readonly sha256: string } {
  const json = JSON.stringify(content);
  return { json, sha256: sha256(json) };
}

export interface NewNoticeVersion {
  readonly noticeId: string;
  readonly version: number;
  readonly origin: NoticeVersionOrigin;
  readonly reason: string | null;
  readonly content: { readonly json: string; readonly sha256: string };
  readonly actorId: string | null;
  readonly at: string;
}

/**
 * Stores a version of a notice, once. Call it right after the version's own audit entry (whose
 * `after` names the content's SHA-256), in the same transaction: the version keeps the chain's
 * head at that point, which the notice prints so that the public holds a copy of it.
 */
export async function insertNoticeVersion(db: Kysely<Database>, v: NewNoticeVersion): Promise<AuditHead> {
  const head = await readAuditHead(db);
  await db
    .insertInto('notice_versions')
    .values({
      notice_id: v.noticeId,
      version: v.version,
      origin: v.origin,
      reason: v.reason,
      content_json: v.content.json,
      content_sha256: v.content.sha256,
      audit_seq: head.seq,
      audit_hash: head.hash,
      created_by: v.actorId,
      created_at: v.at,
    })
    .execute();
  return head;
}
