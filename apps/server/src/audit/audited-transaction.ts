import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { anchorCommitted } from './anchor-audit.js';
import { attachedAuditLog } from './attach-audit-log.js';

/**
 * ctx.tx: runs `work` in one transaction, then, once it has committed, anchors the last audit
 * entry it appended. Never inside the transaction: an anchor must name a head that is in the
 * database for good, or a rollback would leave an anchor the chain cannot contain.
 */
export async function auditedTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  let done: Transaction<Database> | undefined;
  const result = await db.transaction().execute((trx) => {
    done = trx;
    return work(trx);
  });
  if (done) anchorCommitted(attachedAuditLog(db), done);
  return result;
}
