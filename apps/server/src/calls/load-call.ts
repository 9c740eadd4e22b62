import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export interface CallView {
  readonly id: string;
  readonly year: number;
  readonly title: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly totalBudget: number;
  readonly articleBudgets: Record<string, number>;
  readonly status: 'open' | 'closed';
  /** Open and today within its dates: applications can be submitted. */
  readonly isAccepting: boolean;
  readonly createdAt: string;
}

export async function loadCall(db: Kysely<Database>, id: string, today: string): Promise<CallView | undefined> {
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
    status: c.status,
    isAccepting: c.status === 'open' && today >= c.opens_on && today <= c.closes_on,
    createdAt: c.created_at,
  };
}
