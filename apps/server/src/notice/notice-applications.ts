import type { Kysely } from 'kysely';
import type { Database, NoticesTable } from '../db/schema.js';

/** Whether a notice published the application (one index lookup, whatever the size of the notice). */
export async function isOnNotice(db: Kysely<Database>, notice: Pick<NoticesTable, 'id'>, applicationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where('id', '=', applicationId)
    .where('notice_id', '=', notice.id)
    .executeTakeFirst();
  return row !== undefined;
}

/** The notice that published an application, or undefined if it was never on notice. */
export async function noticeOfApplication(db: Kysely<Database>, applicationId: string): Promise<NoticesTable | undefined> {
  return db
    .selectFrom('notices as n')
    .innerJoin('applications as a', 'a.notice_id', 'n.id')
    .selectAll('n')
    .where('a.id', '=', applicationId)
    .executeTakeFirst();
}
