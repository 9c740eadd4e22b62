import type { ApplicationAwards } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** An application's status and its awards: what finalising and paying change. */
export async function loadApplicationAwards(db: Kysely<Database>, id: string): Promise<ApplicationAwards | undefined> {
  const app = await db.selectFrom('applications').select(['id', 'status', 'allocated_total']).where('id', '=', id).executeTakeFirst();
  if (!app) return undefined;
  const awards = await db
    .selectFrom('awards')
    .select(['measure', 'subject', 'amount', 'status', 'paid_at'])
    .where('application_id', '=', id)
    .orderBy('measure')
    .orderBy('subject')
    .execute();
  return {
    id: app.id,
    status: app.status,
    allocatedTotal: app.allocated_total === null ? null : Number(app.allocated_total),
    awards: awards.map((a) => ({ measure: a.measure, subject: a.subject, amount: Number(a.amount), status: a.status, paidAt: a.paid_at })),
  };
}
