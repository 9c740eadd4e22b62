import type { Kysely } from 'kysely';
import type { Database, NoticesTable } from '../db/schema.js';

/** The ids of the applications a notice published, in no particular order. */
export async function noticedApplicationIds(db: Kysely<Database>, notice: Pick<NoticesTable, 'id'>): Promise<string[]> {
  const rows = await db.selectFrom('applications').select('id').where('notice_id', '=', notice.id).execute();
  return rows.map((r) => r.id);
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
