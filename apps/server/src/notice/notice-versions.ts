import type { NoticeContent, NoticeEnterpriseTotal, NoticeLine } from '@ftai/api';
import type { Kysely } from 'kysely';
import { type AuditHead, readAuditHead } from '../audit/read-audit-head.js';
import type { Database, NoticeVersionOrigin } from '../db/schema.js';
import { sha256 } from '../ids.js';
import { insertRows } from './insert-rows.js';

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

/**
 * Stores a version's lines, enterprise totals and header as rows (migration 0014), in multi-row
 * inserts, beside its content_json: what pages of the notice, its export and the list of notices
 * read. Call it with the version, in the same transaction; `content` is exactly what
 * content_json holds.
 */
export async function storeNoticeRows(db: Kysely<Database>, noticeId: string, version: number, content: NoticeContent): Promise<void> {
  const { lines, enterprises, ...head } = content;
  await db
    .insertInto('notice_version_heads')
    .values({
      notice_id: noticeId,
      version,
      head_json: JSON.stringify(head),
      line_count: lines.length,
      enterprise_count: enterprises.length,
      total: content.total,
    })
    .execute();
  const numbered = lines.map((l: NoticeLine, i) => ({ l, position: i + 1 }));
  await insertRows(
    db,
    'notice_lines',
    numbered.map(({ l, position }) => ({
      notice_id: noticeId,
      version,
      position,
      application_id: l.applicationId,
      credit_code: l.creditCode,
      enterprise_name: l.enterpriseName,
      measure: l.measure,
      measure_name: l.measureName,
      citation: l.citation,
      subject: l.subject,
      subject_text: l.subjectText,
      amount: l.amount,
    })),
  );
  // An enterprise's place is its first line's.
  const first = new Map<string, number>();
  numbered.forEach(({ l, position }) => {
    if (!first.has(l.creditCode)) first.set(l.creditCode, position);
  });
  await insertRows(
    db,
    'notice_enterprises',
    enterprises.map((e: NoticeEnterpriseTotal) => ({
      notice_id: noticeId,
      version,
      credit_code: e.creditCode,
      position: first.get(e.creditCode) ?? 0,
      name: e.name,
      application_ids_json: JSON.stringify(e.applicationIds),
      total: e.total,
    })),
  );
}
