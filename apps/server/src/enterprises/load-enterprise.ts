import type { BankAccount, EnterpriseProfile, EnterpriseView } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** One enterprise with its profile and its awards of this policy, by year and measure; undefined if unknown. */
export async function loadEnterprise(db: Kysely<Database>, creditCode: string): Promise<EnterpriseView | undefined> {
  const e = await db.selectFrom('enterprises').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
  if (!e) return undefined;
  const awards = await db
    .selectFrom('awards')
    .select(['measure', 'subject', 'year', 'amount', 'status', 'call_id as callId', 'application_id as applicationId', 'paid_at as paidAt'])
    .where('credit_code', '=', creditCode)
    .orderBy('year')
    .orderBy('measure')
    .execute();
  return {
    creditCode: e.credit_code,
    name: e.name,
    profile: JSON.parse(e.profile_json) as EnterpriseProfile,
    bankAccount: e.bank_account_json === null ? null : (JSON.parse(e.bank_account_json) as BankAccount),
    awards: awards.map((a) => ({ ...a, subject: a.subject === '' ? null : a.subject, amount: Number(a.amount) })),
    updatedAt: e.updated_at,
  };
}
