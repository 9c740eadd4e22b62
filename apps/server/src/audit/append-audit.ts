import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { sha256 } from '../ids.js';

export interface AuditEntry {
  readonly actorId: string | null;
  /** What happened, e.g. `application.transition`, `call.create`. */
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** The text an entry's hash covers: its predecessor's hash and every field, in a fixed order. */
export function auditHashInput(
  prevHash: string,
  row: {
    seq: number;
    at: string;
    actor_id: string | null;
    action: string;
    entity: string;
    entity_id: string;
    before_json: string | null;
    after_json: string | null;
  },
): string {
  return JSON.stringify([prevHash, row.seq, row.at, row.actor_id, row.action, row.entity, row.entity_id, row.before_json, row.after_json]);
}

/**
 * Appends an entry to the hash-chained audit log, inside the caller's transaction so that the
 * state change and its record stand or fall together. The head row is updated first, which
 * locks it on PostgreSQL: concurrent appends queue instead of forking the chain.
 */
export async function appendAudit(trx: Kysely<Database>, entry: AuditEntry, at: string): Promise<void> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const row = {
    seq: Number(head.seq),
    at,
    actor_id: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_json: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
  };
  const hash = sha256(auditHashInput(head.hash, row));
  await trx
    .insertInto('audit_log')
    .values({ ...row, prev_hash: head.hash, hash })
    .execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}
