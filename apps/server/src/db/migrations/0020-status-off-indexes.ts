import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.js';

/**
 * No index of `applications` holds the status or the notice any more, so that a move of many
 * applications at once is a heap-only (HOT) update that writes no index entry: the publication of
 * a notice moves a call's 80,000 approved applications to public notice (6.6 s with the 11 index
 * entries a row, 1.3 s without at 100,000 applications), and the end of the objection period and
 * the payments move them again. The rows keep room on their pages for it (fillfactor 50,
 * migration 0016).
 *
 * What read them reads otherwise:
 * - (call, status, amount asked, id, amount approved): the counts and sums by status come from
 *   application_totals (migration 0019); a page of one status walks the (call, key, id) index of
 *   its sort and skips the other statuses (a status without applications is answered from the
 *   totals without a scan; a rare one costs a scan of the call's rows, about 30 ms at 100,000);
 *   the whole-call reads of the approved applications (allocation, publication) read the call's rows.
 * - (notice): a notice's applications are found from its awards (whole-notice work, at
 *   publication and correction), one application's notice by the application's key.
 */
export function statusOffIndexes(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      for (const name of ['applications_call_status_requested', 'applications_notice']) {
        await db.schema.dropIndex(name).ifExists().execute();
      }
    },
  };
}
