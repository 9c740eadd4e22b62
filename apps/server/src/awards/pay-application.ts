import type { Transaction } from 'kysely';
import { recordTransition } from '../applications/status-machine.js';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { Database } from '../db/schema.js';
import { conflict, fieldError, notFound } from '../errors.js';

export interface PayApplication {
  readonly applicationId: string;
  readonly actor: CurrentUser;
  /** The date the money left the treasury (拨付日期), YYYY-MM-DD. */
  readonly paidOn: string;
  /** The payment voucher or transfer reference, if any. */
  readonly reference: string | null;
  readonly at: string;
  readonly today: string;
}

/**
 * Records the payment (拨付) of a final application: final → paid, and its awards paid on
 * `paidOn`, to the enterprise's bank account (收款账户), which it must have given. The reference has no column of its own: it is kept in the timeline note and the audit
 * entry.
 */
export async function payApplication(trx: Transaction<Database>, p: PayApplication): Promise<void> {
  const app = await trx
    .selectFrom('applications as a')
    .leftJoin('enterprises as e', 'e.credit_code', 'a.credit_code')
    .select(['a.id', 'a.credit_code', 'e.bank_account_json'])
    .where('a.id', '=', p.applicationId)
    .executeTakeFirst();
  if (!app) throw notFound('application');
  // Money goes to the account the enterprise gave (收款账户), which the audit entry names.
  if (app.bank_account_json === null || app.bank_account_json === undefined)
    throw conflict(
      'FTAI_ERR_BANK_ACCOUNT_MISSING',
      `the enterprise ${app.credit_code} has no bank account on record (收款账户): it gives one in its profile before payment`,
    );
  const bankAccount = JSON.parse(app.bank_account_json) as unknown;
  // A payment is recorded after it happened: a date ahead of today is a typing error.
  if (p.paidOn > p.today) throw fieldError('paidOn', `expected a date on or before today, ${p.today}`);
  // Nor can money leave before the awards were published (公示): 1900-01-01 is a typing error too.
  const earliest = await earliestPaymentDate(trx, app.id);
  if (earliest !== null && p.paidOn < earliest.date) {
    throw fieldError('paidOn', `expected a date on or after ${earliest.date}, ${earliest.what}; got ${p.paidOn}`);
  }
  const note = p.reference ? `paid on ${p.paidOn}, reference ${p.reference}` : `paid on ${p.paidOn}`;
  await recordTransition(trx, app.id, 'paid', p.actor, note, p.at);
  const awards = await trx
    .updateTable('awards')
    .set({ status: 'paid', paid_at: p.paidOn })
    .where('application_id', '=', app.id)
    .where('status', '=', 'final')
    .executeTakeFirst();
  await appendAudit(
    trx,
    {
      actorId: p.actor.id,
      action: 'award.pay',
      entity: 'application',
      entityId: app.id,
      before: { awardStatus: 'final' },
      after: { awardStatus: 'paid', awards: Number(awards.numUpdatedRows), paidOn: p.paidOn, reference: p.reference, bankAccount },
    },
    p.at,
  );
}

/**
 * The first day a payment can have been made: the Beijing date the application's notice was
 * published, or, for an application on no notice, the day its call opened.
 */
async function earliestPaymentDate(trx: Transaction<Database>, applicationId: string): Promise<{ date: string; what: string } | null> {
  const row = await trx
    .selectFrom('applications as a')
    .innerJoin('calls as c', 'c.id', 'a.call_id')
    .leftJoin('notices as n', 'n.id', 'a.notice_id')
    .select(['n.published_at', 'c.opens_on'])
    .where('a.id', '=', applicationId)
    .executeTakeFirst();
  if (!row) return null;
  if (row.published_at) return { date: beijingDate(row.published_at), what: 'the day its awards were published on notice' };
  return { date: row.opens_on, what: 'the day its call opened' };
}

/** The calendar date in Beijing (UTC+8) of an ISO-8601 instant. */
function beijingDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}
