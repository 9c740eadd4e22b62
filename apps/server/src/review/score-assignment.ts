import type { ScoreBody, ScoreOutcome } from '@ftai/api';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { listAssignments } from './list-assignments.js';
import { hasReviewerLink, loadOwnAssignment } from './load-own-assignment.js';
import { refreshApplicationScore } from './refresh-application-score.js';
import { totalScore } from './rubric.js';

/**
 * The assigned reviewer scores the application against the rubric, after declaring no conflict
 * of interest. It may score again until the application is decided; each score replaces its
 * previous one and the application's score follows.
 */
export async function scoreAssignment(
  ctx: AppContext,
  reviewer: CurrentUser,
  assignmentId: string,
  input: ScoreBody,
): Promise<ScoreOutcome> {
  const at = ctx.now();
  const total = totalScore(input.scores);
  const applicationScore = await ctx.tx(async (trx) => {
    const own = await loadOwnAssignment(trx, assignmentId, reviewer);
    if (own.applicationStatus !== 'under_review') {
      throw conflict('FTAI_ERR_TRANSITION', `scores are given while the application is under review; it is ${own.applicationStatus}`);
    }
    if (own.declaredAt === null) {
      throw conflict('FTAI_ERR_CONFLICT', 'declare that you have no conflict of interest with this enterprise before scoring');
    }
    if (await hasReviewerLink(trx, reviewer.id, own.creditCode)) {
      throw conflict(
        'FTAI_ERR_CONFLICT_OF_INTEREST',
        `a tie between you and enterprise ${own.creditCode} is on record: you cannot review its application`,
      );
    }
    await trx
      .updateTable('review_assignments')
      .set({ scores_json: JSON.stringify(input.scores), total_score: total, comment: input.comment, scored_at: at })
      .where('id', '=', assignmentId)
      .execute();
    const score = await refreshApplicationScore(trx, own.applicationId, at);
    await appendAudit(
      trx,
      {
        actorId: reviewer.id,
        action: 'review.score',
        entity: 'review_assignment',
        entityId: assignmentId,
        before: {
          scores: own.scoresJson === null ? null : JSON.parse(own.scoresJson),
          totalScore: own.totalScore,
          comment: own.comment,
          applicationScore: score.before,
        },
        after: { scores: input.scores, totalScore: total, comment: input.comment, applicationScore: score.after },
      },
      at,
    );
    return score.after;
  });
  const [view] = await listAssignments(ctx.db, { assignmentId });
  if (!view) throw notFound('assignment');
  return { assignment: view, applicationScore };
}
