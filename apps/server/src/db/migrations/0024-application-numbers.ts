import { type Kysely, type Migration, sql } from 'kysely';
import { applicationNumber, DEFAULT_APPLICATION_NUMBER_FORMAT } from '../../applications/application-number.js';

/** The name of this migration, for tests that start from the schema before it. */
export const APPLICATION_NUMBERS_MIGRATION = '0024-application-numbers';

/**
 * Readable application numbers (申报编号, 丰科AI申〔2026〕0001号): the call's format (a setting,
 * `{year}` the year of first submission in Beijing, `{seq}` the call's running number, four
 * digits) and its count of numbers given; each application's number, given at its first
 * submission and kept for good (unique in its call). Applications submitted before this migration
 * are numbered now, per call in the order of their submission. The same statements on SQLite and
 * PostgreSQL.
 */
export function applicationNumbers(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await sql`alter table calls add column application_number_format text not null default ${sql.lit(DEFAULT_APPLICATION_NUMBER_FORMAT)}`.execute(
        db,
      );
      await sql`alter table calls add column application_count integer not null default 0`.execute(db);
      await sql`alter table applications add column number text`.execute(db);
      await sql`create unique index applications_call_number on applications (call_id, number)`.execute(db);
      const submitted = await sql<{ id: string; call_id: string; submitted_at: string }>`
        select id, call_id, submitted_at from applications where submitted_at is not null
        order by call_id, submitted_at, id`.execute(db);
      const counts = new Map<string, number>();
      for (const a of submitted.rows) {
        const seq = (counts.get(a.call_id) ?? 0) + 1;
        counts.set(a.call_id, seq);
        const number = applicationNumber(DEFAULT_APPLICATION_NUMBER_FORMAT, a.submitted_at, seq);
        await sql`update applications set number = ${number} where id = ${a.id}`.execute(db);
      }
      for (const [callId, count] of counts) await sql`update calls set application_count = ${count} where id = ${callId}`.execute(db);
    },
  };
}
