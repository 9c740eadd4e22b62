import type { ApplicationSummary } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Applications with their enterprise's name: the columns every list and view starts from. The
 * name is a subquery, not a join, so that a list's count (its selections cleared) reads the
 * applications' indexes alone, and the name is looked up for the rows of the page only.
 */
export function selectSummaries(db: Kysely<Database>) {
  return db
    .selectFrom('applications')
    .select((eb) => [
      'applications.id',
      'applications.number',
      'applications.call_id',
      'applications.credit_code',
      eb
        .selectFrom('enterprises')
        .select('enterprises.name')
        .whereRef('enterprises.credit_code', '=', 'applications.credit_code')
        .as('enterprise_name'),
      'applications.status',
      'applications.engine_total',
      'applications.approved_total',
      'applications.allocated_total',
      'applications.score',
      'applications.submitted_at',
      'applications.created_at',
      'applications.updated_at',
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof selectSummaries>['executeTakeFirstOrThrow']>>;

const money = (v: number | string | bigint | null): number | null => (v === null ? null : Number(v));

export function toSummary(r: SummaryRow): ApplicationSummary {
  return {
    id: r.id,
    number: r.number ?? null,
    callId: r.call_id,
    creditCode: r.credit_code,
    enterpriseName: r.enterprise_name,
    status: r.status,
    engineTotal: Number(r.engine_total),
    approvedTotal: money(r.approved_total),
    allocatedTotal: money(r.allocated_total),
    score: r.score === null ? null : Number(r.score),
    submittedAt: r.submitted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
