import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * What several server instances on one database must share, kept in the database:
 * - `rate_limits`: one counter per limited key (sign-in attempts, public objections), updated
 *   with one atomic upsert, so that a limit holds across every instance and not per process;
 * - `shared_secrets`: keys every instance must agree on and that may live in the database (the
 *   CSRF key when FTAI_CSRF_KEY is unset). Never the audit key: ADR 0004 keeps it out of the database.
 */
export function sharedLimits(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rate_limits')
        // sha256 of the limit's key: the key holds addresses and typed user names, kept for no one to read.
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addColumn('window_started_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      // Expired counters are deleted by expiry.
      await db.schema.createIndex('rate_limits_expires_at').on('rate_limits').column('expires_at').execute();
      await db.schema
        .createTable('shared_secrets')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // Sessions past their end are deleted by expiry (auth/sessions.ts).
      await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
    },
  };
}
