import { createHmac } from 'node:crypto';
import { type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import { insertRows } from '../db/insert-rows.js';
import type { Database } from '../db/schema.js';
import { sha256 } from '../ids.js';
import { type AuditHead, anchorCommitted, noteAppended } from './anchor-audit.js';
import { type AttachedAuditLog, attachedAuditLog } from './attach-audit-log.js';
import { auditKeyId } from './audit-key.js';

export interface AuditEntry {
  readonly actorId: string | null;
  /** What happened, e.g. `application.transition`, `call.create`. */
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** An entry as stored, without its hashes. */
export interface AuditRow {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
}

/** The action of the entry that keys a chain begun before keying (ADR 0004). */
export const AUDIT_KEYED_ACTION = 'audit.keyed';

/** The text an entry's hash covers: its predecessor's hash and every field, in a fixed order. */
export function auditHashInput(prevHash: string, row: AuditRow): string {
  return JSON.stringify([prevHash, row.seq, row.at, row.actor_id, row.action, row.entity, row.entity_id, row.before_json, row.after_json]);
}

/** An entry's hash: HMAC-SHA-256 under the audit key; plain SHA-256 for entries written before keying. */
export function auditEntryHash(key: Buffer | null, prevHash: string, row: AuditRow): string {
  const input = auditHashInput(prevHash, row);
  return key ? createHmac('sha256', key).update(input).digest('hex') : sha256(input);
}

/**
 * Appends an entry to the hash-chained audit log, inside the caller's transaction so that the
 * state change and its record stand or fall together. The head row is updated first, which
 * locks it on PostgreSQL: concurrent appends queue instead of forking the chain.
 *
 * The hash is keyed with the audit key of the context that opened the database. A chain begun
 * before keying gets its seal first (`audit.keyed`, the first keyed entry), so that the plain
 * entries before it are pinned by a keyed one. The head is anchored once the transaction has
 * committed (ctx.tx); outside a transaction, at once.
 */
export async function appendAudit(trx: Kysely<Database>, entry: AuditEntry, at: string): Promise<void> {
  const log = attachedAuditLog(trx);
  const key = log ? log.key(true) : null;
  let head = await bumpHead(trx);
  const last = { seq: head.seq - 1, hash: head.hash };
  if (log && key && (await endsPlain(trx, last, key, log))) {
    await writeEntry(trx, head, sealEntry(head, key), at, key, log);
    head = await bumpHead(trx);
  } else if (!key && (await endsKeyed(trx, last))) {
    // Only migrations run before a context attaches the key: a keyed chain must get no plain entry.
    throw new Error('the audit log is keyed: attach its key (createContext) before appending');
  }
  const written = await writeEntry(trx, head, entry, at, key, log);
  if (!log) return;
  noteAppended(trx, written);
  // Outside a transaction each statement has committed already.
  if (!trx.isTransaction) anchorCommitted(log, trx);
}

/** Entries per INSERT of a batch append: 500 rows of 10 columns stay far below SQLite's bind limit. */
export const AUDIT_BATCH = 500;
/** Entries per INSERT of a batch append on PostgreSQL, where the batch is one JSON parameter. */
export const AUDIT_BATCH_POSTGRES = 5000;

/**
 * Appends `entries`, in order, as appendAudit would one by one, but set-based: the first through
 * appendAudit (which locks the head on PostgreSQL and seals a chain begun before keying), the
 * rest in multi-row INSERTs of up to AUDIT_BATCH entries (AUDIT_BATCH_POSTGRES on PostgreSQL),
 * each batch chained in memory and the head moved once per batch to its last entry (migration 0014 lets the head move forward over
 * entries that are all present). The chain is the same as one appendAudit per entry would write.
 * Inside the caller's transaction; the head is anchored once it has committed.
 */
export async function appendAuditBatch(trx: Kysely<Database>, entries: readonly AuditEntry[], at: string): Promise<void> {
  const [first, ...rest] = entries;
  if (!first) return;
  await appendAudit(trx, first, at);
  if (rest.length === 0) return;
  const log = attachedAuditLog(trx);
  const key = log ? log.key(true) : null;
  // appendAudit's UPDATE holds the head's row lock until the transaction ends: no one appends meanwhile.
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  let last: AuditHead = { seq: Number(head.seq), hash: head.hash };
  // PostgreSQL takes a batch as one JSON parameter (insertRows): ten times the rows per statement.
  const size = trx.getExecutor().adapter instanceof PostgresAdapter ? AUDIT_BATCH_POSTGRES : AUDIT_BATCH;
  for (let i = 0; i < rest.length; i += size) {
    const rows = [];
    for (const entry of rest.slice(i, i + size)) {
      const row = auditRow(last.seq + 1, entry, at);
      const hash = auditEntryHash(key, last.hash, row);
      rows.push({ ...row, prev_hash: last.hash, hash });
      last = { seq: row.seq, hash };
    }
    await insertRows(trx, 'audit_log', rows);
    await trx.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).where('id', '=', 1).execute();
  }
  if (log && key) log.lastKeyedHash = last.hash;
  if (!log) return;
  noteAppended(trx, last);
  if (!trx.isTransaction) anchorCommitted(log, trx);
}

/** An entry as stored at `seq`, without its hashes (also the scale bench's seeder: demo/seed-scale.ts). */
export function auditRow(seq: number, entry: AuditEntry, at: string): AuditRow {
  return {
    seq,
    at,
    actor_id: entry.actorId,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_json: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
    after_json: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
  };
}

/**
 * Seals a chain begun before keying without waiting for its next entry (at start): appends the
 * seal if the last entry is a plain one. Returns the head.
 */
export async function sealAuditChain(trx: Transaction<Database>, at: string): Promise<AuditHead> {
  const log = attachedAuditLog(trx);
  if (!log) throw new Error('no audit key is attached to this database (createContext)');
  const key = log.key(true);
  let q = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (log.dialect === 'postgres') q = q.forUpdate();
  const current = await q.executeTakeFirstOrThrow();
  const last = { seq: Number(current.seq), hash: current.hash };
  if (!(await endsPlain(trx, last, key, log))) return last;
  const head = await bumpHead(trx);
  const written = await writeEntry(trx, head, sealEntry(head, key), at, key, log);
  noteAppended(trx, written);
  return written;
}

/** The seal: the first keyed entry of a chain begun before keying; it pins every plain entry before it. */
function sealEntry(head: AuditHead, key: Buffer): AuditEntry {
  return {
    actorId: null,
    action: AUDIT_KEYED_ACTION,
    entity: 'audit',
    entityId: 'chain',
    before: null,
    after: { keyedFrom: head.seq, plainEntries: head.seq - 1, plainHead: head.hash, keyId: auditKeyId(key) },
  };
}

async function bumpHead(trx: Kysely<Database>): Promise<AuditHead> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(head.seq), hash: head.hash };
}

/** The entry `last` names, if the head really ends with it. */
async function entryAt(trx: Kysely<Database>, last: AuditHead) {
  if (last.seq < 1) return undefined;
  const row = await trx.selectFrom('audit_log').selectAll().where('seq', '=', last.seq).executeTakeFirst();
  return row && row.hash === last.hash ? { ...row, seq: Number(row.seq) } : undefined;
}

/** Whether the chain ends with a plain SHA-256 entry: it was begun before keying and needs its seal. */
async function endsPlain(trx: Kysely<Database>, last: AuditHead, key: Buffer, log: AttachedAuditLog): Promise<boolean> {
  // The hash this process wrote last ends a keyed chain: no need to read the entry again.
  if (last.seq < 1 || last.hash === log.lastKeyedHash) return false;
  const row = await entryAt(trx, last);
  if (!row) return false;
  if (auditEntryHash(key, row.prev_hash, row) === row.hash) {
    log.lastKeyedHash = row.hash;
    return false;
  }
  return auditEntryHash(null, row.prev_hash, row) === row.hash;
}

/** Without the key: whether the chain ends with an entry that is not a plain one. */
async function endsKeyed(trx: Kysely<Database>, last: AuditHead): Promise<boolean> {
  const row = await entryAt(trx, last);
  return row !== undefined && auditEntryHash(null, row.prev_hash, row) !== row.hash;
}

async function writeEntry(
  trx: Kysely<Database>,
  head: AuditHead,
  entry: AuditEntry,
  at: string,
  key: Buffer | null,
  log: AttachedAuditLog | undefined,
): Promise<AuditHead> {
  const row = auditRow(head.seq, entry, at);
  const hash = auditEntryHash(key, head.hash, row);
  await trx
    .insertInto('audit_log')
    .values({ ...row, prev_hash: head.hash, hash })
    .execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  if (log && key) log.lastKeyedHash = hash;
  return { seq: head.seq, hash };
}
