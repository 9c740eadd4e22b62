import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Indexes that let the reads of a whole call (100,000 applications) read an index instead of the
 * table: each holds every column its query reads, so SQLite answers from the index alone and
 * PostgreSQL may too (an index-only scan, once the table is vacuumed).
 * - application_items (application, measure, amounts): the dashboard's figures by measure;
 * - awards (call, measure, status, amount), in place of (call, measure, status) of 0010: the
 *   dashboard's and the allocation's sums by measure and status;
 * - awards (call, enterprise, status, amount): the dashboard's enterprises with most allocated.
 * The ledger's count and sum of a call read awards (call, amount, id) of 0009.
 */
export function readTuning(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();
      await index('application_items_figures', 'application_items', ['application_id', 'measure', 'engine_amount', 'approved_amount']);
      await db.schema.dropIndex('awards_call').execute();
      await index('awards_call', 'awards', ['call_id', 'measure', 'status', 'amount']);
      await index('awards_call_enterprise', 'awards', ['call_id', 'credit_code', 'status', 'amount']);
    },
  };
}
