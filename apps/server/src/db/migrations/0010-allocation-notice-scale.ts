import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';

/** Indexes and columns of set-based allocation (plan, commit). */
export function allocationNoticeScale(_dialect: Dialect): Migration {
  return {
    async up(_db: Kysely<unknown>) {},
  };
}
