import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { type AuditHead, anchorCommitted, lastAnchored, writeAnchor } from './anchor-audit.js';
import { sealAuditChain } from './append-audit.js';
import { attachedAuditLog } from './attach-audit-log.js';

/**
 * At start (server, command line), after createContext and the migrations: reads the key (making
 * the key file on first start), seals a chain begun before keying (ADR 0004), and anchors the
 * head when it is a keyed entry, so that entries written by migrations, outside ctx.tx, are
 * anchored too. Returns the head.
 */
export async function openAuditLog(db: Kysely<Database>, at: string): Promise<AuditHead> {
  const log = attachedAuditLog(db);
  if (!log) throw new Error('no audit key is attached to this database (createContext)');
  let done: Transaction<Database> | undefined;
  const head = await db.transaction().execute((trx) => {
    done = trx;
    return sealAuditChain(trx, at);
  });
  if (done) anchorCommitted(log, done);
  const last = lastAnchored(log.settings.auditAnchorFile);
  const isAnchored = last !== undefined && last.seq === head.seq && last.hash === head.hash;
  if (head.seq > 0 && head.hash === log.lastKeyedHash && !isAnchored) writeAnchor(log, head);
  return head;
}
