import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';

/** Indexes and columns of set-based notice publication and paged notice entries. */
export function noticeScale(_dialect: Dialect): Migration {
  return {
    async up(_db: Kysely<unknown>) {},
  };
}
