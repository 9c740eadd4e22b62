import { type Kysely, type Migration, sql } from 'kysely';

/** The name of this migration, for tests that start from the schema before it. */
export const REQUIRED_REVIEWS_MIGRATION = '0022-call-required-reviews';

/**
 * The expert reviews (专家评审) a call requires before an officer approves an application with an
 * item 经评审认定 (`application_items.review`): completed reviews, that is scored by a reviewer
 * without a tie to the enterprise. One by default, for the calls already open as for new ones: an
 * amount "以评审认定为准" is not decided before someone has reviewed it, and an officer who
 * decides otherwise sets 0 on the call (audited as any change to it). The same statement on
 * SQLite and PostgreSQL: both add a column with a constant default and a check in place.
 */
export function callRequiredReviews(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`alter table calls add column required_reviews integer not null default 1
        constraint calls_required_reviews_check check (required_reviews >= 0)`.execute(db);
    },
  };
}
