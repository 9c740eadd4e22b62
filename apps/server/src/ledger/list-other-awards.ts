import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface OtherAwardView {
  readonly id: string;
  readonly creditCode: string;
  readonly enterpriseName: string | null;
  readonly policy: string;
  /** The supported object's id; null when the award names a measure. */
  readonly subject: string | null;
  /** The enterprise-level measure of this policy the award overlaps; null when it names a subject. */
  readonly measure: string | null;
  readonly amount: number;
  readonly year: number;
  readonly batchId: string;
  readonly importedAt: string;
}

/** Other district policies' awards on record, for an officer checking best-of-never-twice. */
export async function listOtherAwards(
  db: Kysely<Database>,
  filter: { creditCode?: string | undefined; batchId?: string | undefined },
): Promise<{ awards: OtherAwardView[]; total: number }> {
  let q = db
    .selectFrom('other_policy_awards as o')
    .leftJoin('enterprises as e', 'e.credit_code', 'o.credit_code')
    .select(['o.id', 'o.credit_code', 'e.name', 'o.policy', 'o.subject', 'o.measure', 'o.amount', 'o.year', 'o.batch_id', 'o.imported_at']);
  if (filter.creditCode !== undefined) q = q.where('o.credit_code', '=', filter.creditCode);
  if (filter.batchId !== undefined) q = q.where('o.batch_id', '=', filter.batchId);
  const rows = await q
    .orderBy('o.credit_code')
    .orderBy('o.year')
    .orderBy('o.policy')
    .orderBy('o.subject')
    .orderBy('o.measure')
    .orderBy('o.id')
    .execute();
  const awards = rows.map((o) => ({
    id: o.id,
    creditCode: o.credit_code,
    enterpriseName: o.name,
    policy: o.policy,
    subject: o.subject === '' ? null : o.subject,
    measure: o.measure === '' ? null : o.measure,
    amount: Number(o.amount),
    year: Number(o.year),
    batchId: o.batch_id,
    importedAt: o.imported_at,
  }));
  return { awards, total: awards.reduce((sum, a) => sum + a.amount, 0) };
}
