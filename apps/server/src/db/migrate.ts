import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Dialect } from './database.js';
import { initial } from './migrations/0001-initial.js';
import { matchJobs } from './migrations/0002-match-jobs.js';
import type { Database } from './schema.js';

/** Every migration, in order. Names sort in the order they run. */
function migrations(dialect: Dialect): Record<string, Migration> {
  return { '0001-initial': initial(dialect), '0002-match-jobs': matchJobs() };
}

/** Brings the schema up to date; safe to run on every start. Returns the names applied. */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // On PostgreSQL the migration tables live in the current schema (search_path), so that
  // several schemas in one database (tests, tenants) each keep their own.
  const schema =
    dialect === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'ftai_migrations',
    migrationLockTableName: 'ftai_migrations_lock',
    ...(schema !== undefined && { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
