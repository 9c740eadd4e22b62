import type { OtherAwardList, OtherAwardsQuery } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { type KeysetOrder, keysetPage } from '../http/keyset.js';
import { containsText, startsWithText } from './search-text.js';

/**
 * A page of other district policies' awards on record, for an officer checking best-of-never-twice:
 * newest import first unless sorted otherwise, and the sum of every award the filters match. The
 * search `q` finds an enterprise's or a policy's name (any part), or the start of a credit code or
 * of a subject. Each sort is served by an index of (enterprise or batch, key, id) (migration 0009).
 */
export async function listOtherAwards(db: Kysely<Database>, filter: OtherAwardsQuery): Promise<OtherAwardList> {
  let q = db.selectFrom('other_policy_awards as o').leftJoin('enterprises as e', 'e.credit_code', 'o.credit_code');
  if (filter.creditCode !== undefined) q = q.where('o.credit_code', '=', filter.creditCode);
  if (filter.batchId !== undefined) q = q.where('o.batch_id', '=', filter.batchId);
  if (filter.year !== undefined) q = q.where('o.year', '=', Number(filter.year));
  const text = filter.q;
  if (text !== undefined)
    q = q.where((eb) =>
      eb.or([
        startsWithText('o.credit_code', text),
        containsText('e.name', text),
        containsText('o.policy', text),
        startsWithText('o.subject', text),
      ]),
    );

  const sort = filter.sort ?? 'imported';
  const order: KeysetOrder = {
    sort,
    key: sort === 'amount' ? 'o.amount' : 'o.imported_at',
    id: 'o.id',
    order: filter.order ?? 'desc',
  };
  const [sum, { rows, page }] = await Promise.all([
    q.select((eb) => eb.fn.sum<number | string | bigint | null>('o.amount').as('amount')).executeTakeFirst(),
    keysetPage(
      q.select([
        'o.id',
        'o.credit_code',
        'e.name',
        'o.policy',
        'o.subject',
        'o.measure',
        'o.amount',
        'o.year',
        'o.batch_id',
        'o.imported_at',
      ]),
      order,
      filter,
      (o) => (sort === 'amount' ? [Number(o.amount), o.id] : [o.imported_at, o.id]),
    ),
  ]);
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
  return { awards, total: Number(sum?.amount ?? 0), page };
}
