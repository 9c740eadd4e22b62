import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Indexes and columns of set-based allocation (plan, commit):
 * - awards by call: the committed sums the plan and the dashboard read per call;
 * - applications.allocation_id: the allocation that allocated it, so that a committed
 *   allocation's pages and workbook are read back from the tables in keyset order
 *   (allocation, submission time, id) instead of from a copy of the plan.
 */
export function allocationNoticeScale(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('awards_call').on('awards').columns(['call_id', 'measure', 'status']).execute();
      await db.schema.alterTable('applications').addColumn('allocation_id', 'text').execute();
      await db.schema
        .createIndex('applications_allocation')
        .on('applications')
        .columns(['allocation_id', 'submitted_at', 'id'])
        .where('allocation_id', 'is not', null)
        .execute();
    },
  };
}
