import { type Kysely, sql } from 'kysely';
import type { Dialect } from './database.js';
import type { Database } from './schema.js';

/**
 * Refreshes the planner's statistics of tables a whole-call write has just filled (an allocation's
 * 270,000 awards, a notice's lines), as PostgreSQL's documentation advises after a bulk load:
 * until autovacuum gets to them, the planner takes a table of 270,000 rows for the few it had, and
 * picks plans that read all of it. SQLite keeps no statistics unless asked, and needs none here.
 */
export async function refreshStatistics(
  db: Kysely<Database>,
  dialect: Dialect,
  tables: readonly (keyof Database & string)[],
): Promise<void> {
  if (dialect !== 'postgres' || tables.length === 0) return;
  await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
}
