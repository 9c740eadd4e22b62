import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** The format of a call's application numbers unless the officer sets another (丰科AI申〔2026〕0001号). */
export const DEFAULT_APPLICATION_NUMBER_FORMAT = '丰科AI申〔{year}〕{seq}号';

/**
 * An application number from its call's format: `{year}` is the Beijing year of `at` (the first
 * submission), `{seq}` the call's running number, four digits at least.
 *
 * @example applicationNumber('丰科AI申〔{year}〕{seq}号', '2026-12-31T17:00:00.000Z', 7) // '丰科AI申〔2027〕0007号'
 */
export function applicationNumber(format: string, at: string, seq: number): string {
  const year = new Date(Date.parse(at) + 8 * 3600_000).toISOString().slice(0, 4);
  return format.replaceAll('{year}', year).replaceAll('{seq}', String(seq).padStart(4, '0'));
}

/**
 * Gives the application its number at its first submission, inside the submission's
 * transaction, and answers it; a resubmission keeps the number it has. The call's count goes up
 * in the same statement that reads it (`update … returning`): two submissions at once wait for
 * each other on the call's row and get consecutive numbers, on SQLite and PostgreSQL alike.
 */
export async function numberApplication(
  trx: Transaction<Database>,
  application: { readonly id: string; readonly call_id: string; readonly number: string | null },
  at: string,
): Promise<string> {
  if (application.number !== null) return application.number;
  const call = await trx
    .updateTable('calls')
    .set((eb) => ({ application_count: eb('application_count', '+', 1) }))
    .where('id', '=', application.call_id)
    .returning(['application_count', 'application_number_format'])
    .executeTakeFirstOrThrow();
  const number = applicationNumber(call.application_number_format, at, Number(call.application_count));
  await trx.updateTable('applications').set({ number }).where('id', '=', application.id).execute();
  return number;
}
