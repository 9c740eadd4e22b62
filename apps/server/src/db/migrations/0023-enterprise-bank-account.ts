import { type Kysely, type Migration, sql } from 'kysely';

/**
 * The enterprise's bank account for payments (收款账户): account name, bank and number as JSON,
 * null until the enterprise gives one. A payment is refused without it (pay-application.ts). The
 * same statement on SQLite and PostgreSQL.
 */
export function enterpriseBankAccount(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`alter table enterprises add column bank_account_json text`.execute(db);
    },
  };
}
