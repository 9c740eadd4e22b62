import type { OtherAwardList, OtherAwardsQuery } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Other district policies' awards on record, for an officer checking best-of-never-twice. */
export async function listOtherAwards(db: Kysely<Database>, filter: OtherAwardsQuery): Promise<OtherAwardList> {
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
