import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Sets the application's score (评审得分) to the mean of its reviewers' totals, rounded down to a
 * whole point so that an application never ranks above what its reviewers gave it; null while
 * no reviewer has scored. Returns the score before and after.
 */
export async function refreshApplicationScore(
  trx: Transaction<Database>,
  applicationId: string,
  at: string,
): Promise<{ before: number | null; after: number | null }> {
  const app = await trx.selectFrom('applications').select('score').where('id', '=', applicationId).executeTakeFirstOrThrow();
  const totals = await trx
    .selectFrom('review_assignments')
    .select('total_score')
    .where('application_id', '=', applicationId)
    .where('total_score', 'is not', null)
    .execute();
  const sum = totals.reduce((s, r) => s + Number(r.total_score), 0);
  // Whole points: the floor of the mean, by integer division.
  const after = totals.length === 0 ? null : Math.floor(sum / totals.length);
  await trx.updateTable('applications').set({ score: after, updated_at: at }).where('id', '=', applicationId).execute();
  return { before: app.score === null ? null : Number(app.score), after };
}
