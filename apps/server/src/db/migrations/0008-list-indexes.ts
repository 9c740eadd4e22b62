import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Indexes of the paged lists: applications and review assignments. Each list pages in keyset
 * order (sort key, id), so each sort has an index of (call, key, id): the first page and every
 * next one are one range scan of the call, whatever its size. The keys that may be NULL are
 * indexed as the lists sort them (list-applications.ts), written the same way, so that both
 * databases match the query's expression to the index.
 *
 * The search compares prefixes as byte ranges (search-applications.ts): SQLite's ordinary indexes
 * are in that order; PostgreSQL's are in the database's collation, so it gets "C" ones too.
 */
export function listIndexes(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const run = (statement: string) => sql.raw(statement).execute(db);
      // The officer's queue of a call by each sort: all of it, and one status (a tab). Without the
      // status in the index a rare status would be found by reading the whole call in order.
      const sortKeys = {
        created: 'created_at',
        submitted: "coalesce(submitted_at, '')",
        requested: 'engine_total',
        score: 'coalesce(score, -1)',
      };
      for (const [sort, key] of Object.entries(sortKeys)) {
        // The sums of the counts (GET /api/v1/applications/counts) read the status index of the
        // amount asked for, with the amount approved after the id (no change to its order).
        const tail = sort === 'requested' ? ', approved_total' : '';
        await run(`create index applications_call_${sort} on applications (call_id, ${key}, id)`);
        await run(`create index applications_call_status_${sort} on applications (call_id, status, ${key}, id${tail})`);
      }
      // Every call's applications, newest first.
      await run('create index applications_created on applications (created_at, id)');
      // A reviewer's assignments, and all of them, newest first.
      await run('create index review_assignments_reviewer on review_assignments (reviewer_id, assigned_at, id)');
      await run('create index review_assignments_assigned on review_assignments (assigned_at, id)');
      // The search: enterprise names (credit codes and ids have their indexes on SQLite).
      if (dialect === 'postgres') {
        await run('create index enterprises_name_prefix on enterprises (name collate "C")');
        await run('create index applications_code_prefix on applications (credit_code collate "C")');
        await run('create index applications_id_prefix on applications (id collate "C")');
      } else {
        await run('create index enterprises_name on enterprises (name)');
      }
    },
  };
}
