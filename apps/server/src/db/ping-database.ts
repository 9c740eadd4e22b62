import { type Kysely, sql } from 'kysely';

/** Resolves once the database answers a trivial query; rejects (as the driver does) when it cannot. */
export async function pingDatabase<DB>(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
