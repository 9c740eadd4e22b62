import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';

/** Indexes of the paged lists: applications and review assignments (filled by the paging work). */
export function listIndexes(_dialect: Dialect): Migration {
  return {
    async up(_db: Kysely<unknown>) {},
  };
}
