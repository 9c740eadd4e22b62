import type { ReviewProgress } from '@ftai/api';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { HttpError, notFound } from '../errors.js';

/**
 * How far the expert review (专家评审) of an application is: the completed reviews its call
 * requires before approval, and those done. A review is done when its reviewer has scored it and
 * has no tie on record with the enterprise (a tie recorded after the score makes it a conflicted
 * review, which counts for nothing; a declared conflict removes the assignment outright). Only an
 * application with an item 经评审认定 (`application_items.review`) needs reviews: the others'
 * amounts follow from their formulas, and `required` is 0 for them.
 */
export async function reviewProgress(db: Kysely<Database>, applicationId: string): Promise<ReviewProgress> {
  const row = await db
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .select((eb) => [
      'c.required_reviews as required',
      eb
        .exists(
          eb.selectFrom('application_items as i').select('i.measure').whereRef('i.application_id', '=', 'a.id').where('i.review', '=', 1),
        )
        .as('hasReviewItem'),
      eb
        .selectFrom('review_assignments as r')
        .select(sql<number | string>`count(*)`.as('n'))
        .whereRef('r.application_id', '=', 'a.id')
        .where('r.scored_at', 'is not', null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('reviewer_links as l')
                .select('l.reviewer_id')
                .whereRef('l.reviewer_id', '=', 'r.reviewer_id')
                .whereRef('l.credit_code', '=', 'a.credit_code'),
            ),
          ),
        )
        .as('completed'),
    ])
    .where('a.id', '=', applicationId)
    .executeTakeFirst();
  if (!row) throw notFound('application');
  // SQLite answers exists() as 0/1, PostgreSQL as a boolean.
  const hasReviewItem = row.hasReviewItem === true || Number(row.hasReviewItem) === 1;
  return { required: hasReviewItem ? Number(row.required) : 0, completed: Number(row.completed ?? 0) };
}

/**
 * Refuses (409 FTAI_ERR_REVIEWS_MISSING) the approval of an application whose reviews are not all
 * in, naming both figures: an amount 以评审认定为准 is not decided before the experts have reviewed it.
 */
export async function refuseApprovalWithoutReviews(db: Kysely<Database>, applicationId: string): Promise<void> {
  const { required, completed } = await reviewProgress(db, applicationId);
  if (completed >= required) return;
  throw new HttpError(
    409,
    'FTAI_ERR_REVIEWS_MISSING',
    `the call requires ${required} completed expert review${required === 1 ? '' : 's'} before approval ` +
      `(scored by reviewers without a tie to the enterprise); ${completed} ${completed === 1 ? 'is' : 'are'} done`,
  );
}
