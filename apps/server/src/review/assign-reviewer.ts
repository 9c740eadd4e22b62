import type { Assignment } from '@ftai/api';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { conflict, fieldError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { listAssignments } from './list-assignments.js';

/**
 * An officer assigns a reviewer to an application under expert review (专家评审). A reviewer with
 * a recorded tie to the enterprise (reviewer_links) is refused: the conflict of interest is
 * settled before the reviewer sees anything.
 */
export async function assignReviewer(
  ctx: AppContext,
  officer: CurrentUser,
  applicationId: string,
  reviewerId: string,
): Promise<Assignment> {
  const at = ctx.now();
  const id = newId();
  await ctx.tx(async (trx) => {
    const application = await trx
      .selectFrom('applications')
      .select(['id', 'status', 'credit_code'])
      .where('id', '=', applicationId)
      .executeTakeFirst();
    if (!application) throw notFound('application');
    if (application.status !== 'under_review') {
      throw conflict('FTAI_ERR_TRANSITION', `reviewers are assigned to applications under review; this one is ${application.status}`);
    }
    const reviewer = await trx.selectFrom('users').select(['id', 'role', 'disabled']).where('id', '=', reviewerId).executeTakeFirst();
    if (reviewer?.role !== 'reviewer' || reviewer.disabled === 1) {
      throw fieldError('reviewerId', 'expected the id of an active reviewer account');
    }
    const link = await trx
      .selectFrom('reviewer_links')
      .select(['relation'])
      .where('reviewer_id', '=', reviewerId)
      .where('credit_code', '=', application.credit_code)
      .executeTakeFirst();
    if (link) {
      throw conflict(
        'FTAI_ERR_CONFLICT_OF_INTEREST',
        `this reviewer is tied to enterprise ${application.credit_code} (${link.relation}) and cannot review its application`,
      );
    }
    const existing = await trx
      .selectFrom('review_assignments')
      .select('id')
      .where('application_id', '=', applicationId)
      .where('reviewer_id', '=', reviewerId)
      .executeTakeFirst();
    if (existing) throw conflict('FTAI_ERR_CONFLICT', 'this reviewer is already assigned to this application');
    await trx
      .insertInto('review_assignments')
      .values({
        id,
        application_id: applicationId,
        reviewer_id: reviewerId,
        assigned_by: officer.id,
        assigned_at: at,
        declared_at: null,
        scores_json: null,
        total_score: null,
        comment: null,
        scored_at: null,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actorId: officer.id,
        action: 'review.assign',
        entity: 'review_assignment',
        entityId: id,
        before: null,
        after: { applicationId, reviewerId },
      },
      at,
    );
  });
  const [view] = await listAssignments(ctx.db, { assignmentId: id });
  if (!view) throw notFound('assignment');
  return view;
}
