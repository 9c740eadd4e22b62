import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** The greatest code point: every text that starts with a prefix sorts below the prefix followed by it. */
const AFTER_PREFIX = '\u{10FFFF}';

/**
 * Up to this many matches a search is narrow: the lists start from the matching ids (an index
 * range each) and intersect them with their filters. Beyond it (北京…: nearly every enterprise)
 * the lists read their own order and test each row, which stops at the page's end.
 */
const NARROW_SEARCH = 2_000;

/**
 * Whether `column` starts with `prefix`, written as a range that an ordinary B-tree index serves
 * (a LIKE pattern is served only under conditions that differ by database). The range is in byte
 * order: SQLite's BINARY collation, and on PostgreSQL the "C" collation whatever the database's
 * own, with an index of the column in "C" (migration 0008).
 */
export function startsWith(dialect: Dialect, column: string, prefix: string): RawBuilder<SqlBool> {
  const ref = dialect === 'postgres' ? sql`(${sql.ref(column)} collate "C")` : sql.ref(column);
  return sql<SqlBool>`(${ref} >= ${prefix} and ${ref} < ${prefix + AFTER_PREFIX})`;
}

/**
 * The ids of the applications a search finds: its enterprise's name starts with `text`, or its
 * credit code (stored upper-case), or its id (lower-case). One index range per branch.
 */
function applicationsFound(db: Kysely<Database>, dialect: Dialect, text: string) {
  return db
    .selectFrom('applications as by_code')
    .select('by_code.id')
    .where(startsWith(dialect, 'by_code.credit_code', text.toUpperCase()))
    .unionAll(
      db
        .selectFrom('applications as by_id')
        .select('by_id.id')
        .where(startsWith(dialect, 'by_id.id', text.toLowerCase())),
    )
    .unionAll(
      db
        .selectFrom('enterprises as named')
        .innerJoin('applications as by_name', 'by_name.credit_code', 'named.credit_code')
        .select('by_name.id')
        .where(startsWith(dialect, 'named.name', text)),
    );
}

/** Where a list keeps the application's id and its enterprise's credit code (qualified columns). */
export interface SearchedColumns {
  readonly id: string;
  readonly creditCode: string;
}

/**
 * The condition of a search of a list (see `applicationsFound`), chosen by how much it finds: a
 * narrow one as "the id is one of those found", a broad one as a test of each row. Both are the
 * same set; the first costs the matches, the second stops at the page's end.
 */
export async function searchCondition(
  db: Kysely<Database>,
  dialect: Dialect,
  text: string,
  columns: SearchedColumns,
  narrow = NARROW_SEARCH,
): Promise<Expression<SqlBool>> {
  const found = applicationsFound(db, dialect, text);
  const probe = await db
    .selectFrom(found.limit(narrow + 1).as('found'))
    .select(sql<number | string | bigint>`count(*)`.as('n'))
    .executeTakeFirst();
  if (Number(probe?.n ?? 0) <= narrow) return sql<SqlBool>`${sql.ref(columns.id)} in (${found})`;
  const named = db
    .selectFrom('enterprises as named')
    .select('named.credit_code')
    .where(startsWith(dialect, 'named.name', text));
  return sql<SqlBool>`(${startsWith(dialect, columns.creditCode, text.toUpperCase())} or ${startsWith(
    dialect,
    columns.id,
    text.toLowerCase(),
  )} or ${sql.ref(columns.creditCode)} in (${named}))`;
}
