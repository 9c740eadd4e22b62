import { actsAs } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../auth/current-user.js';
import type { Database } from '../db/schema.js';

/**
 * Who may read an application: the applicant acting for its enterprise, officers and admins,
 * and a reviewer only while it is assigned to it and no tie to the enterprise is on record.
 */
export async function canSeeApplication(
  db: Kysely<Database>,
  user: CurrentUser,
  application: { readonly id: string; readonly credit_code: string },
): Promise<boolean> {
  switch (actsAs(user.role)) {
    case 'officer':
      return true;
    case 'applicant':
      return user.creditCode !== null && user.creditCode === application.credit_code;
    case 'reviewer': {
      // A tie on record (利益关联: declared by the reviewer, on this or another application of the
      // enterprise, or recorded by an officer) ends the reviewer's access at once, assignment or not.
      const assignment = await db
        .selectFrom('review_assignments')
        .select('id')
        .where('application_id', '=', application.id)
        .where('reviewer_id', '=', user.id)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('reviewer_links')
                .select('reviewer_id')
                .where('reviewer_links.reviewer_id', '=', user.id)
                .where('reviewer_links.credit_code', '=', application.credit_code),
            ),
          ),
        )
        .executeTakeFirst();
      return assignment !== undefined;
    }
  }
}
