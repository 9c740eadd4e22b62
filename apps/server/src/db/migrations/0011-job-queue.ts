import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';

/** The background queue's columns on match jobs (leases, heartbeats, cancel requests). */
export function jobQueue(_dialect: Dialect): Migration {
  return {
    async up(_db: Kysely<unknown>) {},
  };
}
