import { PAGE_LIMIT_DEFAULT, type PageInfo } from '@ftai/api';
import { type SelectQueryBuilder, sql } from 'kysely';
import { fieldError } from '../errors.js';

/** A sort key value a cursor carries: text (ISO dates, numbers of record), or a whole number. */
export type KeyValue = string | number;

/** How a list is ordered for keyset paging: one sort column, then the unique id to break ties. */
export interface KeysetOrder {
  /** The sort's name, written into the cursor so that a cursor of another sort is refused. */
  readonly sort: string;
  /** The sort column, qualified (`applications.created_at`). It must hold no NULL. */
  readonly key: string;
  /** The unique id column, qualified (`applications.id`). */
  readonly id: string;
  readonly order: 'asc' | 'desc';
}

export interface PageRequest {
  readonly limit?: number;
  readonly after?: string;
}

/** The cursor after a row: the sort's name, the row's sort key and its id, as base64url JSON. */
export function encodeCursor(sort: string, key: KeyValue, id: string): string {
  return Buffer.from(JSON.stringify([sort, key, id]), 'utf8').toString('base64url');
}

/** Reads `after`; a cursor that is not one of ours, or of another sort, is refused naming the field. */
export function decodeCursor(after: string, sort: string): { key: KeyValue; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== sort ||
    (typeof parsed[1] !== 'string' && typeof parsed[1] !== 'number') ||
    typeof parsed[2] !== 'string'
  ) {
    throw fieldError('after', `expected the page.next of the page before, for the same sort (${sort})`);
  }
  return { key: parsed[1], id: parsed[2] };
}

/**
 * One page of `query` (filtered, with its selections, unordered) in keyset order: the rows after
 * the cursor, `limit` of them, and the page's info with the total the filters match. The row
 * comparison `(key, id) < (?, ?)` is one index range scan on an index of (key, id) on both
 * PostgreSQL and SQLite. `cursorOf` gives a row's sort key and id as selected.
 */
export async function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  order: KeysetOrder,
  page: PageRequest,
  cursorOf: (row: O) => readonly [KeyValue, string],
): Promise<{ rows: O[]; page: PageInfo }> {
  const limit = page.limit ?? PAGE_LIMIT_DEFAULT;
  const count = query.clearSelect().clearOrderBy().select(sql<number | string | bigint>`count(*)`.as('n')).executeTakeFirst();
  let rowsQuery = query;
  if (page.after !== undefined) {
    const at = decodeCursor(page.after, order.sort);
    const op = sql.raw(order.order === 'desc' ? '<' : '>');
    rowsQuery = rowsQuery.where(sql<boolean>`(${sql.ref(order.key)}, ${sql.ref(order.id)}) ${op} (${at.key}, ${at.id})`);
  }
  const rows = await rowsQuery
    .orderBy(sql.ref(order.key), order.order)
    .orderBy(sql.ref(order.id), order.order)
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const last = rows.at(-1);
  const next = more && last !== undefined ? encodeCursor(order.sort, ...cursorOf(last)) : null;
  const counted = (await count) as { n: number | string | bigint } | undefined;
  const total = Number(counted?.n ?? 0);
  return { rows, page: { limit, next, total } };
}
