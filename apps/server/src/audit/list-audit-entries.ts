import type { AuditEntry, AuditQuery, PageInfo } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { fieldError } from '../errors.js';
import { keysetPage } from '../http/keyset.js';

const DAY_MS = 86_400_000;

/** The first instant of a Beijing (UTC+8) date, as entries store instants (ISO-8601, UTC). */
export function beijingDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
}

/**
 * A page of the audit log, newest first unless `order=asc`: the entries of the Beijing dates
 * `from`–`to`, of one operator, action or entity, as asked. The log's own key (`seq`) orders and
 * pages it; each filter has an index of (filter, seq) (migration 0009).
 */
export async function listAuditEntries(db: Kysely<Database>, query: AuditQuery): Promise<{ entries: AuditEntry[]; page: PageInfo }> {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to)
    throw fieldError('query.to', `expected a date on or after from (${query.from})`);
  let q = db.selectFrom('audit_log').selectAll();
  if (query.from !== undefined) q = q.where('at', '>=', beijingDayStart(query.from));
  if (query.to !== undefined) q = q.where('at', '<', new Date(Date.parse(beijingDayStart(query.to)) + DAY_MS).toISOString());
  if (query.actorId !== undefined) q = q.where('actor_id', '=', query.actorId);
  if (query.action !== undefined) q = q.where('action', '=', query.action);
  if (query.entity) q = q.where('entity', '=', query.entity);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  const { rows, page } = await keysetPage(
    q,
    // seq is unique: it is the sort key and the tie-breaker both.
    { sort: 'seq', key: 'audit_log.seq', id: 'audit_log.seq', order: query.order ?? 'desc' },
    query,
    (r) => [Number(r.seq), String(r.seq)],
    // The whole log: its entries are numbered 1, 2, 3… without gap (verify-audit.ts reports a gap as
    // entries missing), so the last number is the count, read from the key's index instead of
    // counting a million rows.
    unfiltered(query)
      ? () =>
          db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.max('seq').as('last'))
            .executeTakeFirst()
            .then((r) => Number(r?.last ?? 0))
      : undefined,
  );
  const entries = rows.map((r) => ({
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
  return { entries, page };
}

function unfiltered(query: AuditQuery): boolean {
  return (
    query.from === undefined &&
    query.to === undefined &&
    query.actorId === undefined &&
    query.action === undefined &&
    !query.entity &&
    !query.entityId
  );
}
