import { type Kysely, sql } from 'kysely';
import type { Dialect } from './database.js';
import type { Database } from './schema.js';

type Table = keyof Database & string;

/**
 * Refreshes the planner's statistics of tables a whole-call write has just filled (an allocation's
 * 270,000 awards, a notice's lines), as PostgreSQL's documentation advises after a bulk load:
 * until autovacuum gets to them, the planner takes a table of 270,000 rows for the few it had, and
 * picks plans that read all of it. SQLite keeps no statistics unless asked, and needs none here.
 */
export async function refreshStatistics(db: Kysely<Database>, dialect: Dialect, tables: readonly Table[]): Promise<void> {
  if (dialect !== 'postgres' || tables.length === 0) return;
  await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}

/**
 * VACUUM of tables a whole-call write has just changed, started and not awaited: what autovacuum
 * does some time later (and never where it is off), done at once. It marks the pages all-visible
 * again, so that the dashboard's and the ledger's sums read their covering indexes alone instead
 * of visiting 80,000 rows of the table. It blocks no reads or writes, and it is throttled as
 * autovacuum is (`vacuum_cost_delay` 2 ms on its connection; a VACUUM command runs unthrottled by
 * default), so that the pages officers read meanwhile do not wait for it: at 100,000 applications
 * it has three tables of several hundred megabytes to go through, on the same two cores. Stopping
 * the server cuts it short, which is harmless. A failure is only reported (`onError`): nothing
 * depends on it.
 */
export function vacuumSoon(db: Kysely<Database>, dialect: Dialect, tables: readonly Table[], onError: (error: unknown) => void): void {
  if (dialect !== 'postgres' || tables.length === 0) return;
  db.connection()
    .execute(async (connection) => {
      await sql`set vacuum_cost_delay = '2ms'`.execute(connection);
      try {
        await sql`vacuum ${sql.join(tables.map((t) => sql.table(t)))}`.execute(connection);
      } finally {
        // The connection goes back to the pool as it came.
        await sql`reset vacuum_cost_delay`.execute(connection);
      }
    })
    .catch(onError);
}
