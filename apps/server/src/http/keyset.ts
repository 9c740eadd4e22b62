import { PAGE_LIMIT_DEFAULT, type PageInfo } from '@ftai/api';
import { type Expression, type SelectQueryBuilder, sql } from 'kysely';
import { fieldError } from '../errors.js';

/** A sort key value a cursor carries: text (ISO dates, numbers of record), or a whole number. */
export type KeyValue = string | number;

/** How a list is ordered for keyset paging: one sort column, then the unique id to break ties. */
export interface KeysetOrder {
  /** The sort's name, written into the cursor so that a cursor of another sort is refused. */
  readonly sort: string;
  /**
   * The sort column, qualified (`applications.created_at`), or an expression an index is built on
   * (`coalesce(applications.score, -1)`). It must hold no NULL.
   */
  readonly key: string | Expression<unknown>;
  /** What the key holds, checked in a cursor (a number compared with text is no error on SQLite, a 500 on PostgreSQL); text by default. */
  readonly keyType?: 'text' | 'number';
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
export function decodeCursor(after: string, sort: string, keyType?: 'text' | 'number'): { key: KeyValue; id: string } {
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
    (keyType === undefined ? typeof parsed[1] !== 'string' && typeof parsed[1] !== 'number' : !isKeyOf(keyType, parsed[1])) ||
    typeof parsed[2] !== 'string'
  ) {
    throw fieldError('after', `expected the page.next of the page before, for the same sort (${sort})`);
  }
  return { key: parsed[1], id: parsed[2] };
}

function isKeyOf(keyType: 'text' | 'number', value: unknown): boolean {
  return keyType === 'number' ? typeof value === 'number' && Number.isSafeInteger(value) : typeof value === 'string';
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
  /** The total, when the list has a cheaper way to it than `count(*)` over the query (a counter, a covering index). */
  countAll?: () => Promise<number>,
): Promise<{ rows: O[]; page: PageInfo }> {
  const limit = page.limit ?? PAGE_LIMIT_DEFAULT;
  // The cursor is read first: a bad one is refused before any query starts.
  const at = page.after === undefined ? undefined : decodeCursor(page.after, order.sort, order.keyType);
  const count =
    countAll?.() ??
    query
      .clearSelect()
      .clearOrderBy()
      .select(sql<number | string | bigint>`count(*)`.as('n'))
      .executeTakeFirst()
      .then((r) => Number((r as { n: number | string | bigint } | undefined)?.n ?? 0));
  let rowsQuery = query;
  const key = typeof order.key === 'string' ? sql.ref(order.key) : order.key;
  if (at !== undefined) {
    const op = sql.raw(order.order === 'desc' ? '<' : '>');
    rowsQuery = rowsQuery.where(sql<boolean>`(${key}, ${sql.ref(order.id)}) ${op} (${at.key}, ${at.id})`);
  }
  // Both awaited together, so that a failure of either is the answer's and none goes unhandled.
  const [rows, counted] = await Promise.all([
    rowsQuery
      .orderBy(key, order.order)
      .orderBy(sql.ref(order.id), order.order)
      .limit(limit + 1)
      .execute(),
    count,
  ]);
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const last = rows.at(-1);
  const next = more && last !== undefined ? encodeCursor(order.sort, ...cursorOf(last)) : null;
  const total = counted;
  return { rows, page: { limit, next, total } };
}
