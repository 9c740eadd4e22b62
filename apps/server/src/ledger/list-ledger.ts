import type { Ledger, LedgerQuery } from '@ftai/api';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { type KeysetOrder, keysetPage, type PageRequest } from '../http/keyset.js';
import { containsText, startsWithText } from './search-text.js';

/** The ledger's filters as the route passes them (the year a number, the applicant's enterprise forced). */
export interface LedgerFilter extends PageRequest {
  readonly creditCode?: string | undefined;
  readonly year?: number | undefined;
  readonly callId?: string | undefined;
  readonly measure?: string | undefined;
  readonly status?: LedgerQuery['status'];
  /** An enterprise's name (any part) or the start of its credit code. */
  readonly q?: string | undefined;
  readonly sort?: LedgerQuery['sort'];
  readonly order?: 'asc' | 'desc' | undefined;
}

/**
 * A page of the award ledger (奖励台账), newest award first unless sorted otherwise, and the sum
 * of every award the filters match. Filters, search, order and the sum are the database's work;
 * the newest first is served by an index of (call or enterprise, date, id) (migration 0009); by
 * amount, the database sorts what the filters match (migration 0016 dropped those indexes to make
 * the allocation commit cheaper). The count and the sum come from the totals the database keeps
 * by (call, year, measure, status) (migration 0018), a few rows whatever the ledger's size; for
 * one enterprise they are counted over its awards, for a search over what it finds.
 */
export async function listLedger(db: Kysely<Database>, filter: LedgerFilter): Promise<Ledger> {
  const equal = [
    ['w.credit_code', filter.creditCode],
    ['w.year', filter.year],
    ['w.call_id', filter.callId],
    ['w.measure', filter.measure],
    ['w.status', filter.status],
  ] as const;
  let q = db.selectFrom('awards as w').leftJoin('enterprises as e', 'e.credit_code', 'w.credit_code');
  let awards = db.selectFrom('awards as w');
  for (const [column, value] of equal) {
    if (value === undefined) continue;
    q = q.where(column, '=', value);
    awards = awards.where(column, '=', value);
  }
  // The totals the database keeps by (call, year, measure, status), for every filter but an enterprise's.
  let kept = db.selectFrom('award_totals as w');
  for (const [column, value] of equal) if (value !== undefined && column !== 'w.credit_code') kept = kept.where(column, '=', value);
  const text = filter.q;
  if (text !== undefined) q = q.where((eb) => eb.or([startsWithText('w.credit_code', text), containsText('e.name', text)]));

  const sort = filter.sort ?? 'created';
  const order: KeysetOrder = {
    sort,
    key: sort === 'amount' ? 'w.amount' : 'w.created_at',
    id: 'w.id',
    order: filter.order ?? 'desc',
  };
  // Counted and summed: from the kept totals, a few rows (migration 0018); for one enterprise, over
  // its awards (its index); for a search, over what it finds, which needs the enterprises' names.
  const counted = (eb: ExpressionBuilder<Database & { w: Database['awards'] }, 'w'>) => [
    eb.fn.countAll<number | string | bigint>().as('n'),
    eb.fn.sum<number | string | bigint | null>('w.amount').as('amount'),
  ];
  const totals = (
    text !== undefined
      ? q.select(counted)
      : filter.creditCode !== undefined
        ? awards.select(counted)
        : kept.select((eb) => [
            eb.fn.sum<number | string | bigint | null>('w.n').as('n'),
            eb.fn.sum<number | string | bigint | null>('w.amount').as('amount'),
          ])
  ).executeTakeFirst();
  const [sum, { rows: found, page }] = await Promise.all([
    totals,
    keysetPage(
      q.select([
        'w.id',
        'w.created_at',
        'w.credit_code',
        'e.name',
        'w.measure',
        'w.subject',
        'w.year',
        'w.amount',
        'w.status',
        'w.call_id',
        'w.application_id',
        'w.paid_at',
        'w.policy_version',
      ]),
      order,
      filter,
      (w) => (sort === 'amount' ? [Number(w.amount), w.id] : [w.created_at, w.id]),
      () => totals.then((t) => Number(t?.n ?? 0)),
    ),
  ]);
  const rows = found.map((w) => ({
    creditCode: w.credit_code,
    enterpriseName: w.name ?? w.credit_code,
    measure: w.measure,
    subject: w.subject === '' ? null : w.subject,
    year: Number(w.year),
    amount: Number(w.amount),
    status: w.status,
    callId: w.call_id,
    applicationId: w.application_id,
    paidAt: w.paid_at,
    policyVersion: w.policy_version,
  }));
  return { rows, total: Number(sum?.amount ?? 0), page };
}
