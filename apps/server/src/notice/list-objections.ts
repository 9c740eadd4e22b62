import type { Objection } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The objections (异议) to a notice, oldest first, for the officer who reviews them before finalising. */
export async function listObjections(db: Kysely<Database>, noticeId: string): Promise<Objection[]> {
  return db
    .selectFrom('objections')
    .select(['id', 'application_id as applicationId', 'name', 'contact', 'text', 'at'])
    .where('notice_id', '=', noticeId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}
