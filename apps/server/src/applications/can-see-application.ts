import type { Kysely } from 'kysely';
import type { CurrentUser } from '../auth/current-user.js';
import type { Database } from '../db/schema.js';

/**
 * Who may read an application: the applicant acting for its enterprise, officers and admins,
 * and a reviewer only while it is assigned to it.
 */
export async function canSeeApplication(
  db: Kysely<Database>,
  user: CurrentUser,
  application: { readonly id: string; readonly credit_code: string },
): Promise<boolean> {
  switch (user.role) {
    case 'officer':
    case 'admin':
      return true;
    case 'applicant':
      return user.creditCode !== null && user.creditCode === application.credit_code;
    case 'reviewer': {
      const assignment = await db
        .selectFrom('review_assignments')
        .select('id')
        .where('application_id', '=', application.id)
        .where('reviewer_id', '=', user.id)
        .executeTakeFirst();
      return assignment !== undefined;
    }
  }
}
