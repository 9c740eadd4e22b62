import type { AuditEntry, AuditQuery, PageInfo } from '@ftai/api';
import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../db/schema.js';
import { fieldError } from '../errors.js';
import { keysetPage } from '../http/keyset.js';
import { describeAuditEntries } from './describe-audit-entries.js';

const DAY_MS = 86_400_000;

/** The first instant of a Beijing (UTC+8) date, as entries store instants (ISO-8601, UTC). */
export function beijingDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
}

/** The filters of the audit log: Beijing dates, operator, action, record type and record. */
export type AuditFilters = Pick<AuditQuery, 'from' | 'to' | 'actorId' | 'action' | 'entity' | 'entityId'>;

/** Refuses what the query schema cannot see: a date range that ends before it starts. */
export function checkAuditFilters(query: AuditFilters): void {
  if (query.from !== undefined && query.to !== undefined && query.from > query.to)
    throw fieldError('query.to', `expected a date on or after from (${query.from})`);
}

/**
 * The entries the filters match, every column, unordered: the list and the workbook (export-audit-xlsx.ts)
 * order and page it by the log's own key (`seq`). Each filter has an index of (filter, seq) (migration 0009).
 */
export function auditEntriesQuery(db: Kysely<Database>, query: AuditFilters) {
  checkAuditFilters(query);
  let q = db.selectFrom('audit_log').selectAll();
  if (query.from !== undefined) q = q.where('at', '>=', beijingDayStart(query.from));
  if (query.to !== undefined) q = q.where('at', '<', new Date(Date.parse(beijingDayStart(query.to)) + DAY_MS).toISOString());
  if (query.actorId !== undefined) q = q.where('actor_id', '=', query.actorId);
  if (query.action !== undefined) q = q.where('action', '=', query.action);
  if (query.entity) q = q.where('entity', '=', query.entity);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  return q;
}

/** A stored entry as the API answers it, before its names are looked up (describe-audit-entries.ts). */
export function auditEntryOf(r: Selectable<AuditLogTable>): AuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json === null ? null : JSON.parse(r.before_json),
    after: r.after_json === null ? null : JSON.parse(r.after_json),
    hash: r.hash,
  };
}

/**
 * A page of the audit log, newest first unless `order=asc`: the entries of the Beijing dates
 * `from`–`to`, of one operator, action or entity, as asked, each with the operator's name and
 * role and the record's readable name (one query per kind of record on the page, not per entry).
 * The log's own key (`seq`) orders and pages it.
 */
export async function listAuditEntries(db: Kysely<Database>, query: AuditQuery): Promise<{ entries: AuditEntry[]; page: PageInfo }> {
  const { rows, page } = await keysetPage(
    auditEntriesQuery(db, query),
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
  return { entries: await describeAuditEntries(db, rows.map(auditEntryOf)), page };
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
