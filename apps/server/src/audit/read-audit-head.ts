import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AuditHead } from './anchor-audit.js';

export type { AuditHead } from './anchor-audit.js';

/**
 * The chain's head: the last entry's sequence number and hash, as `db` sees it (inside a
 * transaction, including the entries it appended). A notice prints it right after its own entry,
 * a public copy of the head that no one can take back.
 */
export async function readAuditHead(db: Kysely<Database>): Promise<AuditHead> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}
