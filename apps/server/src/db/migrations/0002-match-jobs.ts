import type { Kysely, Migration } from 'kysely';

/**
 * Match jobs (免申即享): an officer's registry, or the enterprises the platform holds, matched
 * against every measure in the background. The files (input, results, summary, errors, notify
 * list) live under `<dataDir>/match-jobs/<id>/`; the row holds the state and the counts.
 */
export function matchJobs(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('match_jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('filename', 'text')
        .addColumn('year', 'integer')
        .addColumn('allow_extra_columns', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rows_total', 'integer')
        .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rows_bad', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('granted_enterprises', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('granted_total', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .addColumn('error', 'text')
        .execute();
      await db.schema.createIndex('match_jobs_status').on('match_jobs').columns(['status', 'created_at']).execute();
    },
  };
}
