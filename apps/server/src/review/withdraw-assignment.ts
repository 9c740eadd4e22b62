import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { conflict, notFound } from '../errors.js';

/**
 * An officer withdraws a reviewer who has not scored yet. The row goes; the audit entry keeps
 * who was assigned and when. A scored review stays: it is part of the record of the decision.
 */
export async function withdrawAssignment(ctx: AppContext, officer: CurrentUser, assignmentId: string): Promise<{ id: string }> {
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    const assignment = await trx.selectFrom('review_assignments').selectAll().where('id', '=', assignmentId).executeTakeFirst();
    if (!assignment) throw notFound('assignment');
    if (assignment.scored_at !== null) {
      throw conflict(
        'FTAI_ERR_CONFLICT',
        `the reviewer scored this application on ${assignment.scored_at}; a scored review cannot be withdrawn`,
      );
    }
    await trx.deleteFrom('review_assignments').where('id', '=', assignmentId).execute();
    await appendAudit(
      trx,
      {
        actorId: officer.id,
        action: 'review.withdraw',
        entity: 'review_assignment',
        entityId: assignmentId,
        before: {
          applicationId: assignment.application_id,
          reviewerId: assignment.reviewer_id,
          assignedAt: assignment.assigned_at,
          declaredAt: assignment.declared_at,
        },
        after: null,
      },
      at,
    );
  });
  return { id: assignmentId };
}
