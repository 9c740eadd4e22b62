import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';

/** Login limits shared by every instance through the database. */
export function sharedLimits(_dialect: Dialect): Migration {
  return {
    async up(_db: Kysely<unknown>) {},
  };
}
