import type { ReviewerLinkBody } from '@ftai/api';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { fieldError, notFound } from '../errors.js';

/**
 * An officer records a reviewer's tie to an enterprise (employment, shareholding …), audited: the
 * reviewer is never assigned to that enterprise's applications and reads none of them. Recording
 * the same tie again replaces its relation.
 */
export async function linkReviewer(ctx: AppContext, officer: CurrentUser, reviewerId: string, link: ReviewerLinkBody): Promise<void> {
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    const reviewer = await trx.selectFrom('users').select(['id', 'role']).where('id', '=', reviewerId).executeTakeFirst();
    if (!reviewer) throw notFound('user');
    if (reviewer.role !== 'reviewer') throw fieldError('params.id', 'expected a reviewer');
    await trx
      .insertInto('reviewer_links')
      .values({ reviewer_id: reviewer.id, credit_code: link.creditCode, relation: link.relation, created_at: at })
      .onConflict((oc) => oc.columns(['reviewer_id', 'credit_code']).doUpdateSet({ relation: link.relation }))
      .execute();
    await appendAudit(
      trx,
      { actorId: officer.id, action: 'reviewer.link', entity: 'user', entityId: reviewer.id, before: null, after: link },
      at,
    );
  });
}
