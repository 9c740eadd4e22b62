import type { Ledger, LedgerQuery } from '@ftai/api';
import type { Kysely } from 'kysely';
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
 * the allocation commit cheaper). The count and the sum are one aggregate over the awards alone
 * (the enterprises are joined for the search only): on a call it reads the index of (call,
 * measure, status, amount) and not the table (migration 0015).
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
  const text = filter.q;
  if (text !== undefined) q = q.where((eb) => eb.or([startsWithText('w.credit_code', text), containsText('e.name', text)]));

  const sort = filter.sort ?? 'created';
  const order: KeysetOrder = {
    sort,
    key: sort === 'amount' ? 'w.amount' : 'w.created_at',
    id: 'w.id',
    order: filter.order ?? 'desc',
  };
  // Counted and summed in one pass; the search needs the enterprises' names, nothing else does.
  const totals = (text === undefined ? awards : q)
    .select((eb) => [
      eb.fn.countAll<number | string | bigint>().as('n'),
      eb.fn.sum<number | string | bigint | null>('w.amount').as('amount'),
    ])
    .executeTakeFirst();
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
  }));
  return { rows, total: Number(sum?.amount ?? 0), page };
}
