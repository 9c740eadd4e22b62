import type { DeclarationBody, DeclarationOutcome } from '@ftai/api';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { listAssignments } from './list-assignments.js';
import { hasReviewerLink, loadOwnAssignment } from './load-own-assignment.js';
import { refreshApplicationScore } from './refresh-application-score.js';

/**
 * The assigned reviewer declares whether it has a conflict of interest with the enterprise.
 * A declared conflict is recorded as a reviewer link, so that the reviewer is never assigned to
 * that enterprise again and reads none of its applications (canSeeApplication), and the
 * assignment is withdrawn (with its score, if any: a conflicted score must not count). After the
 * review is over a conflict can still be declared: the tie is recorded, the decision stands.
 */
export async function declareInterest(
  ctx: AppContext,
  reviewer: CurrentUser,
  assignmentId: string,
  d: DeclarationBody,
): Promise<DeclarationOutcome> {
  const at = ctx.now();
  const note = d.note?.trim() || null;
  let decided = false;
  await ctx.tx(async (trx) => {
    const own = await loadOwnAssignment(trx, assignmentId, reviewer);
    if (own.applicationStatus !== 'under_review') {
      if (d.noConflict) {
        throw conflict(
          'FTAI_ERR_TRANSITION',
          `declarations are made while the application is under review; it is ${own.applicationStatus}`,
        );
      }
      decided = true;
      // A tie found later is still recorded: it ends the reviewer's access to the enterprise's
      // applications. The review itself is over, so the assignment and its score stay as decided.
      await recordTie(trx, reviewer.id, own.creditCode, note, at);
      await appendAudit(
        trx,
        {
          actorId: reviewer.id,
          action: 'review.declare',
          entity: 'review_assignment',
          entityId: assignmentId,
          before: { applicationId: own.applicationId, applicationStatus: own.applicationStatus, declaredAt: own.declaredAt },
          after: { noConflict: false, note, isWithdrawn: false, tieRecorded: own.creditCode },
        },
        at,
      );
      return;
    }
    if (d.noConflict) {
      if (own.declaredAt !== null) throw conflict('FTAI_ERR_CONFLICT', `you already declared no conflict of interest on ${own.declaredAt}`);
      // A tie recorded after the assignment (by an officer, or declared on another application of
      // the same enterprise) outweighs the reviewer's word.
      if (await hasReviewerLink(trx, reviewer.id, own.creditCode)) {
        throw conflict(
          'FTAI_ERR_CONFLICT_OF_INTEREST',
          `a tie between you and enterprise ${own.creditCode} is on record: you cannot review its application`,
        );
      }
      await trx.updateTable('review_assignments').set({ declared_at: at }).where('id', '=', assignmentId).execute();
      await appendAudit(
        trx,
        {
          actorId: reviewer.id,
          action: 'review.declare',
          entity: 'review_assignment',
          entityId: assignmentId,
          before: { declaredAt: null },
          after: { noConflict: true, note, declaredAt: at },
        },
        at,
      );
      return;
    }
    await recordTie(trx, reviewer.id, own.creditCode, note, at);
    await trx.deleteFrom('review_assignments').where('id', '=', assignmentId).execute();
    const score = own.scoredAt === null ? null : await refreshApplicationScore(trx, own.applicationId, at);
    await appendAudit(
      trx,
      {
        actorId: reviewer.id,
        action: 'review.declare',
        entity: 'review_assignment',
        entityId: assignmentId,
        before: { applicationId: own.applicationId, declaredAt: own.declaredAt, totalScore: own.totalScore },
        after: { noConflict: false, note, isWithdrawn: true, ...(score && { applicationScore: score }) },
      },
      at,
    );
  });
  if (!d.noConflict) return { isWithdrawn: !decided, assignment: null };
  const [view] = await listAssignments(ctx.db, { assignmentId });
  if (!view) throw notFound('assignment');
  return { isWithdrawn: false, assignment: view };
}

/** The tie (利益关联) as a reviewer link: the reviewer is never assigned to, nor reads, the enterprise's applications again. */
async function recordTie(
  trx: Transaction<Database>,
  reviewerId: string,
  creditCode: string,
  note: string | null,
  at: string,
): Promise<void> {
  await trx
    .insertInto('reviewer_links')
    .values({
      reviewer_id: reviewerId,
      credit_code: creditCode,
      relation: note ? `declared by reviewer: ${note}` : 'declared by reviewer',
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['reviewer_id', 'credit_code']).doNothing())
    .execute();
}
