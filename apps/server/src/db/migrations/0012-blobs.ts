import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';

/** The blob store's table (PostgreSQL driver: large objects). */
export function blobs(_dialect: Dialect): Migration {
  return {
    async up(_db: Kysely<unknown>) {},
  };
}
