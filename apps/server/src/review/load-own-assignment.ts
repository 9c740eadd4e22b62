import type { Transaction } from 'kysely';
import type { CurrentUser } from '../auth/current-user.js';
import type { ApplicationStatus, Database } from '../db/schema.js';
import { forbidden, notFound } from '../errors.js';

export interface OwnAssignment {
  readonly id: string;
  readonly applicationId: string;
  readonly declaredAt: string | null;
  readonly scoresJson: string | null;
  readonly totalScore: number | null;
  readonly comment: string | null;
  readonly scoredAt: string | null;
  readonly applicationStatus: ApplicationStatus;
  readonly creditCode: string;
}

/** The assignment, if it is `reviewer`'s own: a reviewer acts only on what it was assigned (403 otherwise). */
export async function loadOwnAssignment(trx: Transaction<Database>, assignmentId: string, reviewer: CurrentUser): Promise<OwnAssignment> {
  const row = await trx
    .selectFrom('review_assignments as ra')
    .innerJoin('applications as a', 'a.id', 'ra.application_id')
    .select([
      'ra.id',
      'ra.application_id',
      'ra.reviewer_id',
      'ra.declared_at',
      'ra.scores_json',
      'ra.total_score',
      'ra.comment',
      'ra.scored_at',
      'a.status',
      'a.credit_code',
    ])
    .where('ra.id', '=', assignmentId)
    .executeTakeFirst();
  if (!row) throw notFound('assignment');
  if (row.reviewer_id !== reviewer.id) throw forbidden('only the reviewer assigned to this application can act on this assignment');
  return {
    id: row.id,
    applicationId: row.application_id,
    declaredAt: row.declared_at,
    scoresJson: row.scores_json,
    totalScore: row.total_score === null ? null : Number(row.total_score),
    comment: row.comment,
    scoredAt: row.scored_at,
    applicationStatus: row.status,
    creditCode: row.credit_code,
  };
}

/** Whether a tie between the reviewer and the enterprise is on record (employment, shares, a declaration …). */
export async function hasReviewerLink(trx: Transaction<Database>, reviewerId: string, creditCode: string): Promise<boolean> {
  const link = await trx
    .selectFrom('reviewer_links')
    .select('relation')
    .where('reviewer_id', '=', reviewerId)
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
  return link !== undefined;
}
