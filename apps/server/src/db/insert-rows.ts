import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { copyRows } from './copy-rows.js';
import type { Database } from './schema.js';

/** Rows per multi-row INSERT on SQLite: 500 rows of 12 columns stay far below its 32,766 bind variables. */
export const INSERT_BATCH = 500;
/** Rows per INSERT on PostgreSQL, sent as one JSON parameter. */
const JSON_BATCH = 5000;

/** `rows` in slices of `size`. */
export function* batches<T>(rows: readonly T[], size = INSERT_BATCH): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * Inserts many rows of one table, set-based: on PostgreSQL in a transaction by COPY (copy-rows.ts:
 * about a third of the time of an INSERT … SELECT, since the server writes whole pages of rows
 * at a time), else thousands at a time as one JSON parameter expanded by json_populate_recordset
 * (one bind instead of one per value, half the time of multi-row VALUES); on SQLite in multi-row
 * INSERTs of INSERT_BATCH. Every row has the same columns, named as the table names them.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: readonly Database[T][],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    if (await copyRows(db, table, Object.keys(first), rows as Iterable<Readonly<Record<string, unknown>>>)) return;
    const columns = sql.join(Object.keys(first).map((c) => sql.ref(c)));
    for (const slice of batches(rows, JSON_BATCH)) {
      await sql`insert into ${sql.table(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(slice)})`.execute(
        db,
      );
    }
    return;
  }
  for (const slice of batches(rows)) {
    // One generic table: the rows are typed by the signature.
    await db
      .insertInto(table)
      .values(slice as never)
      .execute();
  }
}
