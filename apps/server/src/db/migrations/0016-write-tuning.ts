import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * Cheaper whole-call writes (allocation commit, notice publication) at 100,000 applications. On
 * this class of machine PostgreSQL spends about 8 µs on each index entry a row adds, so an update
 * of 80,000 applications that touches all 16 indexes of `applications` takes 13 s, and the
 * awards of one commit (270,000 rows, 10 indexes) 25 s (docs/PLATFORM.md, "Measuring it").
 *
 * - Indexes no read needs any more are dropped: the three (call, status, key, id) list indexes
 *   (a status filter walks the (call, key, id) index and skips the other statuses, or reads
 *   (call, status) and sorts when the status is rare: the planner picks); on `awards` the
 *   indexes of the ledger of every call sorted by date or amount and of one call sorted by
 *   amount (the database sorts the call's awards: about 0.2 s at 270,000; the count and sum of a
 *   call read (call, measure, status, amount)), the dashboard's (call, enterprise, status, amount)
 *   (its ten enterprises with most allocated sum the call's awards from the table: about 0.15 s
 *   more at 270,000, against 2 s less for the commit), and (enterprise, year), whose lookups
 *   (enterprise, date, id) serves.
 * - The commit's update of the applications changes no indexed column any more, so that it can
 *   be a heap-only (HOT) update that writes no index at all: (allocation, submitted, id) is
 *   dropped (a committed allocation's pages walk the call's (call, submitted, id) index), and on
 *   PostgreSQL the applications keep room on each page for the new version of their rows
 *   (fillfactor 50), and their stored request and answer go to the TOAST table, uncompressed,
 *   rather than inline: a row shrinks from up to 2 KB to about 450 bytes. The tuple target (512
 *   bytes) stays above what the other columns take, so that ids, call and status stay inline
 *   (at 128 the toaster moves them out too, and every filter on them reads the TOAST table).
 *   The items keep room likewise (fillfactor 50): the commit writes their allocated amount.
 *
 * Storage settings apply to pages written from now on; `VACUUM FULL applications` applies them
 * to the rows already there.
 */
export function writeTuning(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const name of [
        'applications_allocation',
        'applications_call_status_created',
        'applications_call_status_submitted',
        'applications_call_status_score',
        'awards_created',
        'awards_amount',
        'awards_call_amount',
        'awards_call_enterprise',
        'awards_enterprise',
      ]) {
        await db.schema.dropIndex(name).ifExists().execute();
      }
      if (dialect !== 'postgres') return;
      await sql`alter table applications set (fillfactor = 50, toast_tuple_target = 512)`.execute(db);
      await sql`alter table applications alter column request_json set storage external`.execute(db);
      await sql`alter table applications alter column result_json set storage external`.execute(db);
      await sql`alter table application_items set (fillfactor = 50)`.execute(db);
    },
  };
}
