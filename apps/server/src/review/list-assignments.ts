import type { Assignment, ReviewScores } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface AssignmentFilter {
  readonly assignmentId?: string;
  readonly reviewerId?: string;
  readonly applicationId?: string;
  /**
   * Leave out the assignments on enterprises the reviewer is tied to (reviewer_links): what a
   * reviewer sees of its own list, since a tie ends its access to the application.
   */
  readonly hideTied?: boolean;
}

/** Review assignments with the summary of their application, newest first. */
export async function listAssignments(db: Kysely<Database>, filter: AssignmentFilter): Promise<Assignment[]> {
  let q = db
    .selectFrom('review_assignments as ra')
    .innerJoin('applications as a', 'a.id', 'ra.application_id')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .innerJoin('users as u', 'u.id', 'ra.reviewer_id')
    .leftJoin('enterprises as e', 'e.credit_code', 'a.credit_code')
    .select([
      'ra.id',
      'ra.application_id',
      'ra.reviewer_id',
      'u.display_name as reviewer_name',
      'ra.assigned_at',
      'ra.declared_at',
      'ra.scores_json',
      'ra.total_score',
      'ra.comment',
      'ra.scored_at',
      'a.call_id',
      'c.title as call_title',
      'a.credit_code',
      'e.name as enterprise_name',
      'a.status',
      'a.engine_total',
    ]);
  if (filter.assignmentId !== undefined) q = q.where('ra.id', '=', filter.assignmentId);
  if (filter.reviewerId !== undefined) q = q.where('ra.reviewer_id', '=', filter.reviewerId);
  if (filter.applicationId !== undefined) q = q.where('ra.application_id', '=', filter.applicationId);
  if (filter.hideTied) {
    q = q.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reviewer_links as l')
            .select('l.reviewer_id')
            .whereRef('l.reviewer_id', '=', 'ra.reviewer_id')
            .whereRef('l.credit_code', '=', 'a.credit_code'),
        ),
      ),
    );
  }
  const rows = await q.orderBy('ra.assigned_at', 'desc').orderBy('ra.id').execute();
  if (rows.length === 0) return [];

  const applicationIds = [...new Set(rows.map((r) => r.application_id))];
  const items = await db
    .selectFrom('application_items')
    .select(['application_id', 'measure', 'subject', 'article', 'review', 'engine_amount'])
    .where('application_id', 'in', applicationIds)
    .orderBy('application_id')
    .orderBy('measure')
    .orderBy('subject')
    .execute();

  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    reviewerId: r.reviewer_id,
    reviewerName: r.reviewer_name,
    assignedAt: r.assigned_at,
    declaredAt: r.declared_at,
    isDeclared: r.declared_at !== null,
    isScored: r.scored_at !== null,
    scores: r.scores_json === null ? null : (JSON.parse(r.scores_json) as ReviewScores),
    totalScore: r.total_score === null ? null : Number(r.total_score),
    comment: r.comment,
    scoredAt: r.scored_at,
    application: {
      id: r.application_id,
      callId: r.call_id,
      callTitle: r.call_title,
      creditCode: r.credit_code,
      enterpriseName: r.enterprise_name ?? r.credit_code,
      status: r.status,
      engineTotal: Number(r.engine_total),
      items: items
        .filter((i) => i.application_id === r.application_id)
        .map((i) => ({
          measure: i.measure,
          subject: i.subject === '' ? null : i.subject,
          article: Number(i.article),
          isReview: Number(i.review) === 1,
          engineAmount: Number(i.engine_amount),
        })),
    },
  }));
}
