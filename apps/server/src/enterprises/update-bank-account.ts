import type { BankAccount } from '@ftai/api';
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { fieldError, notFound } from '../errors.js';

/** "北京某某 科技（有限）公司" and "北京某某科技(有限)公司" are one name: spaces and the width of brackets aside. */
const sameName = (a: string, b: string) => {
  const norm = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  return norm(a) === norm(b);
};

/**
 * The applicant gives its enterprise's bank account for payments (收款账户), audited with the
 * account before and after. The account's name must be the enterprise's name on record: the
 * district pays the enterprise, not another party.
 */
export async function updateBankAccount(ctx: AppContext, user: CurrentUser, creditCode: string, account: BankAccount): Promise<void> {
  await ctx.tx((trx) => writeBankAccount(trx, user, creditCode, account, ctx.now()));
}

/** The account written, in the caller's transaction (a 免申即享 confirmation gives it with its confirmation). */
export async function writeBankAccount(
  trx: Transaction<Database>,
  user: CurrentUser,
  creditCode: string,
  account: BankAccount,
  at: string,
): Promise<void> {
  const before = await trx
    .selectFrom('enterprises')
    .select(['name', 'bank_account_json'])
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
  if (!before) throw notFound('enterprise');
  if (!sameName(account.accountName, before.name))
    throw fieldError(
      'accountName',
      `expected the enterprise’s name on record, ${before.name}: payments go to the enterprise’s own account`,
    );
  await trx
    .updateTable('enterprises')
    .set({ bank_account_json: JSON.stringify(account), updated_at: at })
    .where('credit_code', '=', creditCode)
    .execute();
  await appendAudit(
    trx,
    {
      actorId: user.id,
      action: 'enterprise.bank_account',
      entity: 'enterprise',
      entityId: creditCode,
      before: before.bank_account_json === null ? null : JSON.parse(before.bank_account_json),
      after: account,
    },
    at,
  );
}
