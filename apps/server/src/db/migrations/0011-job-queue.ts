import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * The background queue's columns on match jobs (docs/PLATFORM.md, "Running more than one
 * instance"). A running job is leased to the instance that runs it (`lease_owner`), which
 * renews the lease with each heartbeat (`heartbeat_at`, `lease_expires_at`, the database's
 * clock, as ISO-8601 UTC text) and writes its progress there, so that any instance can show it.
 * `attempts` counts the runs begun and fences every write of a run: a run whose lease was taken
 * over writes nothing more; `retries` counts the runs lost with their instance (FTAI_JOB_RETRIES). `cancel_requested` carries an officer's cancel to the instance that
 * runs the job. The queue itself (pg-boss on PostgreSQL) keeps its own tables in a schema of its own.
 */
export function jobQueue(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('match_jobs').addColumn('lease_owner', 'text').execute();
      await db.schema.alterTable('match_jobs').addColumn('heartbeat_at', 'text').execute();
      await db.schema.alterTable('match_jobs').addColumn('lease_expires_at', 'text').execute();
      await db.schema
        .alterTable('match_jobs')
        .addColumn('cancel_requested', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('match_jobs')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('match_jobs')
        .addColumn('retries', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('match_jobs').addColumn('progress_json', 'text').execute();
    },
  };
}
