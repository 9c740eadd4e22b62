import { type Call, DEFAULT_REQUIRED_REVIEWS } from '@ftai/api';
import type { Kysely } from 'kysely';
import { DEFAULT_APPLICATION_NUMBER_FORMAT } from '../applications/application-number.js';
import { DEFAULT_NOTICE_ISSUER } from '../db/migrations/0025-call-notice-contacts.js';
import type { Database } from '../db/schema.js';

/** A call as the API answers it (@ftai/api `callSchema`); undefined when there is none. */
export async function loadCall(db: Kysely<Database>, id: string, today: string): Promise<Call | undefined> {
  const c = await db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) return undefined;
  const budgets = await db.selectFrom('call_budgets').select(['article', 'budget']).where('call_id', '=', id).orderBy('article').execute();
  return {
    id: c.id,
    year: c.year,
    title: c.title,
    opensOn: c.opens_on,
    closesOn: c.closes_on,
    totalBudget: Number(c.total_budget),
    articleBudgets: Object.fromEntries(budgets.map((b) => [String(b.article), Number(b.budget)])),
    // A schema before 0022 has no column: the default it adds.
    requiredReviews: Number(c.required_reviews ?? DEFAULT_REQUIRED_REVIEWS),
    applicationNumberFormat: c.application_number_format ?? DEFAULT_APPLICATION_NUMBER_FORMAT,
    // A schema before 0025: the defaults it adds.
    noticeIssuer: c.notice_issuer ?? DEFAULT_NOTICE_ISSUER,
    noticePhone: c.notice_phone ?? '',
    noticeAddress: c.notice_address ?? '',
    status: c.status,
    isAccepting: c.status === 'open' && today >= c.opens_on && today <= c.closes_on,
    createdAt: c.created_at,
  };
}
