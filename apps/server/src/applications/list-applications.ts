import type { ApplicationListQuery, ApplicationSummary } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../auth/current-user.js';
import type { Database } from '../db/schema.js';
import { forbidden } from '../errors.js';
import { selectSummaries, toSummary } from './application-summary.js';

/**
 * The applications `user` may see, newest first: officers and admins all of them, an applicant
 * its enterprise's, a reviewer those assigned to it (none of an enterprise it is tied to).
 */
export async function listApplications(
  db: Kysely<Database>,
  user: CurrentUser,
  filters: ApplicationListQuery,
): Promise<ApplicationSummary[]> {
  let query = selectSummaries(db);
  if (user.role === 'applicant') {
    if (filters.creditCode !== undefined && filters.creditCode !== user.creditCode) {
      throw forbidden('an applicant sees only its own enterprise’s applications');
    }
    query = query.where('applications.credit_code', '=', user.creditCode ?? '');
  } else if (user.role === 'reviewer') {
    query = query
      .where('applications.id', 'in', db.selectFrom('review_assignments').select('application_id').where('reviewer_id', '=', user.id))
      // as canSeeApplication: nothing of an enterprise the reviewer is tied to
      .where(
        'applications.credit_code',
        'not in',
        db.selectFrom('reviewer_links').select('credit_code').where('reviewer_id', '=', user.id),
      );
  }
  if (filters.callId !== undefined) query = query.where('applications.call_id', '=', filters.callId);
  if (filters.status !== undefined) query = query.where('applications.status', '=', filters.status);
  if (filters.creditCode !== undefined) query = query.where('applications.credit_code', '=', filters.creditCode);
  const rows = await query.orderBy('applications.created_at', 'desc').orderBy('applications.id', 'desc').execute();
  return rows.map(toSummary);
}
