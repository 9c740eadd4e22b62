import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { auditEntryHash } from './append-audit.js';
import { attachedAuditLog } from './attach-audit-log.js';
import { auditKeyId } from './audit-key.js';

/**
 * Refuses to go on when the audit log ends with an entry keyed with another key than this
 * process's. Servers sharing a database, each with its own data folder, would otherwise each make
 * a key of their own (`<data>-audit/audit.key`) and write one chain under two keys, which no key
 * verifies. Every server and command on one database needs the same FTAI_AUDIT_KEY (or key file).
 * The audit key is never kept in the database (ADR 0004), so it cannot be shared through it.
 */
export async function checkAuditKey(db: Kysely<Database>): Promise<void> {
  const log = attachedAuditLog(db);
  if (!log) throw new Error('no audit key is attached to this database (createContext)');
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head || Number(head.seq) < 1) return;
  const row = await db.selectFrom('audit_log').selectAll().where('seq', '=', Number(head.seq)).executeTakeFirst();
  // A head that names no entry is for `ftai audit verify` to report, not a question of keys.
  if (!row || row.hash !== head.hash) return;
  const entry = { ...row, seq: Number(row.seq) };
  const key = log.key(true);
  if (auditEntryHash(key, row.prev_hash, entry) === row.hash) return;
  // A plain entry (written before keying) is sealed with this key at the next append.
  if (auditEntryHash(null, row.prev_hash, entry) === row.hash) return;
  throw new Error(
    `the audit log's last entry (seq ${entry.seq}) was written with another audit key than this one (id ${auditKeyId(key)}): ` +
      'give every server and command on one database the same FTAI_AUDIT_KEY (or FTAI_AUDIT_KEY_FILE with the same key); ' +
      'see docs/PLATFORM.md, "Running more than one instance"',
  );
}
