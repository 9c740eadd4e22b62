import { type Edition, makeEdition, type ParameterChange, SHIPPED_EDITION } from '@ftai/policy-fengtai';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database, PolicyVersionsTable } from '../db/schema.js';
import { notFound } from '../errors.js';

/** An edition as the platform stores it: with its status, the day it takes effect and the document behind it. */
export interface StoredEdition extends Edition {
  readonly status: PolicyVersionsTable['status'];
  readonly effectiveOn: string;
  readonly authority: string;
}

/**
 * Approved editions never change: kept by number, per database (the key is the database's dialect
 * adapter, which Kysely shares between a database and its transactions, as the audit log's is).
 */
const approved = new WeakMap<object, Map<number, StoredEdition>>();

function cacheOf(db: Kysely<Database>): Map<number, StoredEdition> {
  const key = db.getExecutor().adapter;
  let cache = approved.get(key);
  if (!cache) {
    cache = new Map();
    approved.set(key, cache);
  }
  return cache;
}

/** The edition a stored row describes (its changes against version 1, its document cited for changed figures). */
export function editionOfRow(
  row: Pick<PolicyVersionsTable, 'number' | 'status' | 'changes_json' | 'effective_on' | 'authority'>,
): StoredEdition {
  const number = Number(row.number);
  const changes = JSON.parse(row.changes_json) as ParameterChange[];
  const edition = number === 1 && changes.length === 0 ? SHIPPED_EDITION : makeEdition(number, changes, row.authority);
  return { ...edition, status: row.status, effectiveOn: row.effective_on, authority: row.authority };
}

/**
 * Parameter version `number`, whatever its status (a draft too, for a simulation): approved ones
 * from memory after the first read. 404 when there is no such version.
 *
 * @example (await editionByNumber(ctx.db, 2)).version // '2025.10.30-2+p2'
 */
export async function editionByNumber(db: Kysely<Database>, number: number): Promise<StoredEdition> {
  const cache = cacheOf(db);
  const known = cache.get(number);
  if (known) return known;
  const row = await db
    .selectFrom('policy_versions')
    .select(['number', 'status', 'changes_json', 'effective_on', 'authority'])
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row) throw notFound('policy version');
  const edition = editionOfRow(row);
  // Inside a transaction an approval may still roll back: only what has committed is kept.
  if (edition.status === 'approved' && !db.isTransaction) cache.set(number, edition);
  return edition;
}

/**
 * The number of the version in effect on `today` (Beijing): the approved version with the latest
 * effective date not after it, the highest number among those of one date; version 1 otherwise.
 * One index seek (policy_versions_in_effect), so every instance on the database agrees.
 */
export async function numberInEffect(db: Kysely<Database>, today: string): Promise<number> {
  const row = await db
    .selectFrom('policy_versions')
    .select('number')
    .where('status', '=', 'approved')
    .where('effective_on', '<=', today)
    .orderBy('effective_on', 'desc')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? Number(row.number) : 1;
}

/**
 * The edition every new calculation uses on `today` (Beijing; the context's today when given a
 * context): see numberInEffect.
 *
 * @example calculate(request, { edition: await editionInEffect(ctx) })
 */
export async function editionInEffect(source: Pick<AppContext, 'db' | 'today'> | Kysely<Database>, today?: string): Promise<StoredEdition> {
  const [db, day] = isContext(source) ? [source.db, today ?? source.today()] : [source, today];
  if (day === undefined) throw new Error('editionInEffect: give the day (Beijing) with a database');
  return editionByNumber(db, await numberInEffect(db, day));
}

function isContext(source: Pick<AppContext, 'db' | 'today'> | Kysely<Database>): source is Pick<AppContext, 'db' | 'today'> {
  return typeof (source as Partial<AppContext>).today === 'function';
}
