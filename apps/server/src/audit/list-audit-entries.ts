import type { AuditEntry, AuditQuery } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** A page of the audit log, newest first: 100 entries unless `limit` says otherwise, those before `before`, of one entity if asked. */
export async function listAuditEntries(db: Kysely<Database>, query: AuditQuery): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(query.limit ?? 100);
  if (query.entity) q = q.where('entity', '=', query.entity);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  if (query.before) q = q.where('seq', '<', query.before);
  const rows = await q.execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
    hash: r.hash,
  }));
}
