import type { TimelineEvent } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Every move of an application, oldest first, with who made it: what the applicant sees as its timeline. */
export async function loadTimeline(db: Kysely<Database>, applicationId: string): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('application_events')
    .innerJoin('users', 'users.id', 'application_events.actor_id')
    .select([
      'application_events.seq',
      'application_events.from_status',
      'application_events.to_status',
      'application_events.note',
      'application_events.at',
      'users.display_name',
      'users.role',
    ])
    .where('application_events.application_id', '=', applicationId)
    .orderBy('application_events.seq')
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    from: r.from_status,
    to: r.to_status,
    actor: r.display_name,
    role: r.role,
    note: r.note,
    at: r.at,
  }));
}
