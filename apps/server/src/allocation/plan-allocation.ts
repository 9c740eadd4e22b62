import type { AllocationPlan, BudgetFigures } from '@ftai/api';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { notFound } from '../errors.js';
import { type AllocationItem, type AllocationMethod, allocateBudget } from './allocate-budget.js';

/** The key of an allocation item: one approved item of one application. */
export const itemKey = (applicationId: string, measure: string, subject: string) => `${applicationId}|${measure}|${subject}`;

/**
 * What an allocation of the call would give, without writing anything: every approved
 * application not yet allocated, each approved item (amount > 0) an allocation item, against
 * the budget the call has left. Preview and commit both call this, so that the same database
 * gives the same result; `allocateBudget` itself depends on nothing but its input.
 */
export async function planAllocation(db: Kysely<Database>, callId: string, method: AllocationMethod): Promise<AllocationPlan> {
  const call = await db.selectFrom('calls').select(['id', 'year', 'total_budget']).where('id', '=', callId).executeTakeFirst();
  if (!call) throw notFound('call');
  const articleBudgets = await db.selectFrom('call_budgets').select(['article', 'budget']).where('call_id', '=', callId).execute();

  // Committed awards hold their share of the budget whatever became of them later (final, paid).
  const committedTotal = await db
    .selectFrom('awards')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('amount'))
    .where('call_id', '=', callId)
    .executeTakeFirst();
  const committedByArticle = await db
    .selectFrom('awards as w')
    .innerJoin('application_items as i', (join) =>
      join.onRef('i.application_id', '=', 'w.application_id').onRef('i.measure', '=', 'w.measure').onRef('i.subject', '=', 'w.subject'),
    )
    .select((eb) => ['i.article', eb.fn.sum<number>('w.amount').as('amount')])
    .where('w.call_id', '=', callId)
    .groupBy('i.article')
    .execute();

  const callBudget: BudgetFigures = {
    total: Number(call.total_budget),
    perArticle: Object.fromEntries(articleBudgets.map((b) => [Number(b.article), Number(b.budget)])),
  };
  const committed: BudgetFigures = {
    total: Number(committedTotal?.amount ?? 0),
    perArticle: Object.fromEntries(committedByArticle.map((c) => [Number(c.article), Number(c.amount)])),
  };
  const budget: BudgetFigures = {
    total: Math.max(0, callBudget.total - committed.total),
    perArticle: Object.fromEntries(
      Object.entries(callBudget.perArticle).map(([article, b]) => [
        Number(article),
        Math.max(0, b - (committed.perArticle[Number(article)] ?? 0)),
      ]),
    ),
  };

  const applications = await db
    .selectFrom('applications as a')
    .leftJoin('enterprises as e', 'e.credit_code', 'a.credit_code')
    .select(['a.id', 'a.credit_code', 'e.name', 'a.score', 'a.submitted_at', 'a.approved_total'])
    .where('a.call_id', '=', callId)
    .where('a.status', '=', 'approved')
    .where('a.allocated_total', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('application_items as x')
            .select('x.measure')
            .whereRef('x.application_id', '=', 'a.id')
            .where('x.allocated_amount', 'is not', null),
        ),
      ),
    )
    .orderBy('a.id')
    .execute();
  const ids = applications.map((a) => a.id);
  const items =
    ids.length === 0
      ? []
      : await db
          .selectFrom('application_items')
          .select(['application_id', 'measure', 'subject', 'article', 'approved_amount'])
          .where('application_id', 'in', ids)
          .where('approved_amount', '>', 0)
          .execute();

  const byId = new Map(applications.map((a) => [a.id, a]));
  const allocationItems: AllocationItem[] = items.map((i) => {
    const a = byId.get(i.application_id);
    return {
      key: itemKey(i.application_id, i.measure, i.subject),
      applicationId: i.application_id,
      article: Number(i.article),
      approved: Number(i.approved_amount),
      score: a?.score === null || a?.score === undefined ? null : Number(a.score),
      // Among equal scores the earlier submission comes first (先到先得 as the last tie-breaker).
      order: `${a?.submitted_at ?? ''}|${i.application_id}`,
    };
  });
  const result = allocateBudget(allocationItems, budget, method);

  return {
    callId,
    year: Number(call.year),
    method,
    callBudget,
    committed,
    budget,
    applications: applications
      .map((a) => {
        const mine = result.items.filter((i) => i.applicationId === a.id);
        return {
          applicationId: a.id,
          creditCode: a.credit_code,
          enterpriseName: a.name ?? a.credit_code,
          score: a.score === null ? null : Number(a.score),
          submittedAt: a.submitted_at,
          approved: mine.reduce((sum, i) => sum + i.approved, 0),
          allocated: mine.reduce((sum, i) => sum + i.allocated, 0),
        };
      })
      .sort((x, y) => compare(`${x.submittedAt ?? ''}|${x.applicationId}`, `${y.submittedAt ?? ''}|${y.applicationId}`)),
    result: { ...result, items: [...result.items] },
  };
}

/** Code-unit order, the same on every machine (unlike localeCompare). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
