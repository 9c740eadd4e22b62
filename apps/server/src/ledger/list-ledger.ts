import type { Ledger } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface LedgerFilter {
  readonly creditCode?: string | undefined;
  readonly year?: number | undefined;
  readonly callId?: string | undefined;
}

/** The award ledger (奖励台账): what this policy granted, by enterprise, year, measure and subject. */
export async function listLedger(db: Kysely<Database>, filter: LedgerFilter): Promise<Ledger> {
  let q = db
    .selectFrom('awards as w')
    .leftJoin('enterprises as e', 'e.credit_code', 'w.credit_code')
    .select([
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
    ]);
  if (filter.creditCode !== undefined) q = q.where('w.credit_code', '=', filter.creditCode);
  if (filter.year !== undefined) q = q.where('w.year', '=', filter.year);
  if (filter.callId !== undefined) q = q.where('w.call_id', '=', filter.callId);
  const found = await q.orderBy('w.year').orderBy('w.credit_code').orderBy('w.measure').orderBy('w.subject').execute();
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
  return { rows, total: rows.reduce((sum, r) => sum + r.amount, 0) };
}
