import type { Kysely } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { type AuditKeySource, loadAuditKey } from './audit-key.js';

/** Where a database's audit log keeps what the database must not hold: its key and its anchors. */
export interface AuditLogSettings extends AuditKeySource {
  readonly auditAnchorFile: string;
  /** The clock of anchor lines. */
  readonly now: () => Date;
}

/** The audit log of one open database, as this process knows it. */
export interface AttachedAuditLog {
  readonly dialect: Dialect;
  readonly settings: AuditLogSettings;
  /** The key, read once; `create` makes the key file when absent (writers do, verification does not). */
  key(create: boolean): Buffer;
  /** The last hash this process computed with the key: a head equal to it ends a keyed chain. */
  lastKeyedHash: string | undefined;
  /** The head this process last wrote to the anchor file (`seq:hash`), not to write it twice. */
  lastAnchored: string | undefined;
}

// appendAudit is handed the caller's transaction, not the context: the log is found from the
// transaction's dialect adapter, which Kysely shares between a database and its transactions.
const attached = new WeakMap<object, AttachedAuditLog>();

function identity(db: Kysely<Database>): object {
  return db.getExecutor().adapter;
}

/**
 * Tells appendAudit and verifyAudit where the key and the anchor file of `db` are (createContext
 * does it). The key is read on first use, so that a context costs no file access until it writes.
 */
export function attachAuditLog(db: Kysely<Database>, dialect: Dialect, settings: AuditLogSettings): AttachedAuditLog {
  let key: Buffer | undefined;
  const log: AttachedAuditLog = {
    dialect,
    settings,
    key(create) {
      key ??= loadAuditKey(settings, create);
      return key;
    },
    lastKeyedHash: undefined,
    lastAnchored: undefined,
  };
  attached.set(identity(db), log);
  return log;
}

/** The audit log attached to `db` or to the database `db` is a transaction of; undefined if none. */
export function attachedAuditLog(db: Kysely<Database>): AttachedAuditLog | undefined {
  return attached.get(identity(db));
}
