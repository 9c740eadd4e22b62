import { createHash } from 'node:crypto';
import type { NoticeContent, NoticeEnterpriseTotal, NoticeLine } from '@ftai/api';
import type { Kysely } from 'kysely';
import { type AuditHead, readAuditHead } from '../audit/read-audit-head.js';
import { insertRows } from '../db/insert-rows.js';
import type { Database, NoticeVersionOrigin } from '../db/schema.js';
import { sha256 } from '../ids.js';
import { entryOf, LINE_COLUMNS } from './load-notice.js';

/**
 * A notice's content as one JSON text, and the SHA-256 of exactly that text. Only migration 0005
 * stores the text (content_json); publication and correction store rows and take the digest from
 * noticeContentSha256.
 */
export function serialiseNoticeContent(content: NoticeContent): { readonly json: string; readonly sha256: string } {
  const json = JSON.stringify(content);
  return { json, sha256: sha256(json) };
}

/** Characters hashed at a time: the text of a few hundred lines. */
const HASH_CHUNK = 1 << 16;

/**
 * The SHA-256 of `JSON.stringify(content)`, the text a version's digest (内容校验值) has always
 * covered, fed to the hash a few hundred lines at a time: the same bytes, without the one string
 * of the whole notice (about 100 MB at 100,000 applications) or its UTF-8 copy.
 */
export function noticeContentSha256(content: NoticeContent): string {
  const hash = createHash('sha256');
  let pending = '{';
  const write = (text: string) => {
    pending += text;
    if (pending.length >= HASH_CHUNK) {
      hash.update(pending);
      pending = '';
    }
  };
  let first = true;
  for (const [key, value] of Object.entries(content)) {
    // JSON.stringify leaves out what it cannot write; NoticeContent holds none of it, but the bytes must agree.
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    write(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (!Array.isArray(value)) {
      write(JSON.stringify(value));
      continue;
    }
    write('[');
    value.forEach((item: unknown, i) => {
      write((i === 0 ? '' : ',') + (JSON.stringify(item) ?? 'null'));
    });
    write(']');
  }
  hash.update(`${pending}}`);
  return hash.digest('hex');
}

export interface NewNoticeVersion {
  readonly noticeId: string;
  readonly version: number;
  readonly origin: NoticeVersionOrigin;
  readonly reason: string | null;
  /** Its digest, and the whole text only where a migration keeps it (0005); otherwise the rows hold it. */
  readonly content: { readonly json: string | null; readonly sha256: string };
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
 * Stores a version's lines, enterprise totals and header as rows (migration 0014): what pages of
 * the notice, its export, the list of notices and a correction read. By COPY on PostgreSQL,
 * multi-row inserts on SQLite. Call it with the version, in the same transaction; `content` is
 * what the version's digest covers.
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
  // Mapped as they are written (a generator): no second array of every line as a row.
  function* lineRows() {
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i] as NoticeLine;
      yield {
        notice_id: noticeId,
        version,
        position: i + 1,
        application_id: l.applicationId,
        credit_code: l.creditCode,
        enterprise_name: l.enterpriseName,
        measure: l.measure,
        measure_name: l.measureName,
        citation: l.citation,
        subject: l.subject,
        subject_text: l.subjectText,
        amount: l.amount,
      };
    }
  }
  await insertRows(db, 'notice_lines', lineRows());
  // An enterprise's place is its first line's.
  const places = new Map<string, number>();
  lines.forEach((l, i) => {
    if (!places.has(l.creditCode)) places.set(l.creditCode, i + 1);
  });
  function* enterpriseRows() {
    for (const e of enterprises as readonly NoticeEnterpriseTotal[]) {
      yield {
        notice_id: noticeId,
        version,
        credit_code: e.creditCode,
        position: places.get(e.creditCode) ?? 0,
        name: e.name,
        application_ids_json: JSON.stringify(e.applicationIds),
        total: e.total,
      };
    }
  }
  await insertRows(db, 'notice_enterprises', enterpriseRows());
}

/**
 * A stored version's whole content: its content_json where a migration kept one (0005), else
 * its head and rows, which hold the same (storeNoticeRows). undefined if there is no such
 * version. For a correction, which compares the version before with the records.
 */
export async function readStoredNoticeContent(db: Kysely<Database>, noticeId: string, version: number): Promise<NoticeContent | undefined> {
  const stored = await db
    .selectFrom('notice_versions')
    .select('content_json')
    .where('notice_id', '=', noticeId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!stored) return undefined;
  if (stored.content_json !== null) return JSON.parse(stored.content_json) as NoticeContent;
  const head = await db
    .selectFrom('notice_version_heads')
    .select('head_json')
    .where('notice_id', '=', noticeId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  const lines = await db
    .selectFrom('notice_lines')
    .select([...LINE_COLUMNS])
    .where('notice_id', '=', noticeId)
    .where('version', '=', version)
    .orderBy('position')
    .execute();
  const enterprises = await db
    .selectFrom('notice_enterprises')
    .select(['credit_code', 'name', 'application_ids_json', 'total'])
    .where('notice_id', '=', noticeId)
    .where('version', '=', version)
    .orderBy('position')
    .execute();
  const { total, changes, ...rest } = JSON.parse(head.head_json) as Omit<NoticeContent, 'lines' | 'enterprises'>;
  // In the order of NoticeContent's keys, as it was written.
  return {
    ...rest,
    // A line as the API shows it, without its number: the fields in the order they were written.
    lines: lines.map((r) => {
      const { no: _no, ...line } = entryOf(r);
      return line;
    }),
    enterprises: enterprises.map((e) => ({
      creditCode: e.credit_code,
      name: e.name,
      applicationIds: JSON.parse(e.application_ids_json) as string[],
      total: Number(e.total),
    })),
    total,
    changes,
  };
}
