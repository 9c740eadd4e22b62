import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { copyRows } from './copy-rows.js';
import type { Database } from './schema.js';

/** Rows per multi-row INSERT on SQLite: 500 rows of 12 columns stay far below its 32,766 bind variables. */
export const INSERT_BATCH = 500;
/** Rows per INSERT on PostgreSQL, sent as one JSON parameter. */
const JSON_BATCH = 5000;

/** `rows` in slices of `size`, read as they come. */
export function* batches<T>(rows: Iterable<T>, size = INSERT_BATCH): Generator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Inserts many rows of one table, set-based: on PostgreSQL in a transaction by COPY (copy-rows.ts:
 * about a third of the time of an INSERT … SELECT, since the server writes whole pages of rows
 * at a time), else thousands at a time as one JSON parameter expanded by json_populate_recordset
 * (one bind instead of one per value, half the time of multi-row VALUES); on SQLite in multi-row
 * INSERTs of INSERT_BATCH. Every row has the same columns, named as the table names them. The
 * rows may come from a generator: they are read once, as they are written.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: Iterable<Database[T]>,
): Promise<void> {
  const iterator = rows[Symbol.iterator]();
  const head = iterator.next();
  if (head.done) return;
  const first = head.value;
  // The first row names the columns; then every row, the first included, once.
  const all: Iterable<Database[T]> = {
    *[Symbol.iterator]() {
      yield first;
      for (let next = iterator.next(); !next.done; next = iterator.next()) yield next.value;
    },
  };
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    if (await copyRows(db, table, Object.keys(first), all as Iterable<Readonly<Record<string, unknown>>>)) return;
    const columns = sql.join(Object.keys(first).map((c) => sql.ref(c)));
    for (const slice of batches(all, JSON_BATCH)) {
      await sql`insert into ${sql.table(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(slice)})`.execute(
        db,
      );
    }
    return;
  }
  for (const slice of batches(all)) {
    // One generic table: the rows are typed by the signature.
    await db
      .insertInto(table)
      .values(slice as never)
      .execute();
  }
}
