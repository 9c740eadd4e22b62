import { createHash } from 'node:crypto';
import type { AllocationPlan, AllocationSummary, BudgetFigures, PageInfo, PlannedApplication, PlannedItem } from '@ftai/api';
import { PAGE_LIMIT_DEFAULT } from '@ftai/api';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { decodeCursor, encodeCursor, type PageRequest } from '../http/keyset.js';
import { type AllocationItem, type AllocationMethod, allocateAmounts } from './allocate-budget.js';

/** The item key of `allocateBudget`: one approved item of one application. */
export const itemKey = (applicationId: string, measure: string, subject: string) => `${applicationId}|${measure}|${subject}`;

/** The sort of every page of a plan or a committed allocation: submission time, then id. */
export const PLAN_SORT = 'submitted';

/** A whole plan, in memory: what the preview summarises, pages and exports, and what the commit writes. */
export interface Plan {
  readonly callId: string;
  readonly year: number;
  readonly method: AllocationMethod;
  readonly planId: string;
  readonly callBudget: BudgetFigures;
  readonly committed: BudgetFigures;
  readonly budget: BudgetFigures;
  readonly summary: AllocationSummary;
  /**
   * Every application waiting, by submission time then id, with the range of its items in
   * `items`: what the commit writes. plannedItems gives one's items as the API shows them.
   */
  readonly applications: readonly PlanApplication[];
  /** Every item approved above 0, in key order (each application's together, by measure and subject). */
  readonly items: PlanItems;
}

/** An application of a plan; its items are those of `items` from `itemsFrom` up to `itemsTo` (excluded). */
export interface PlanApplication extends Omit<PlannedApplication, 'items'> {
  readonly itemsFrom: number;
  readonly itemsTo: number;
}

/**
 * A plan's items by position, column by column: no object per item (a plan of 100,000
 * applications has 270,000, and a preview is kept for its pages).
 */
export interface PlanItems {
  readonly measure: readonly string[];
  readonly subject: readonly string[];
  readonly article: Int32Array;
  readonly approved: Float64Array;
  readonly allocated: Float64Array;
}

/** The items of one application of the plan, by measure and subject, as the API shows them. */
export function plannedItems(plan: Plan, a: PlanApplication): PlannedItem[] {
  const { measure, subject, article, approved, allocated } = plan.items;
  const items: PlannedItem[] = [];
  for (let i = a.itemsFrom; i < a.itemsTo; i++) {
    items.push({
      measure: measure[i] as string,
      subject: subject[i] as string,
      article: article[i] as number,
      approved: approved[i] as number,
      allocated: allocated[i] as number,
    });
  }
  return items;
}

/** Applications of the plan with their items, as the API shows them. */
export function withItems(plan: Plan, applications: readonly PlanApplication[]): PlannedApplication[] {
  return applications.map((a) => ({
    applicationId: a.applicationId,
    creditCode: a.creditCode,
    enterpriseName: a.enterpriseName,
    score: a.score,
    submittedAt: a.submittedAt,
    approved: a.approved,
    allocated: a.allocated,
    items: plannedItems(plan, a),
  }));
}

interface ApplicationRow {
  id: string;
  credit_code: string;
  name: string | null;
  score: number | null;
  submitted_at: string | null;
}

/** An allocation item of the plan, with the measure and subject its key joins. */
interface PlanItem extends AllocationItem {
  readonly measure: string;
  readonly subject: string;
}

interface ItemRow {
  application_id: string;
  measure: string;
  subject: string;
  article: number;
  approved_amount: number | string;
}

/**
 * What an allocation of the call would give, without writing anything: every approved
 * application not yet allocated, each approved item (amount > 0) an allocation item, against
 * the budget the call has left. Preview and commit both call this, so that the same database
 * gives the same result; `allocateAmounts` itself depends on nothing but its input.
 *
 * Set-based: the waiting applications and their items come in two queries (joins, no list of
 * ids), and the plan is built with maps and sorts, O(n log n) in the items.
 */
export async function planAllocation(db: Kysely<Database>, callId: string, method: AllocationMethod): Promise<Plan> {
  const call = await db.selectFrom('calls').select(['id', 'year', 'total_budget']).where('id', '=', callId).executeTakeFirst();
  if (!call) throw notFound('call');
  const articleBudgets = await db.selectFrom('call_budgets').select(['article', 'budget']).where('call_id', '=', callId).execute();

  // Committed awards hold their share of the budget whatever became of them later (final, paid).
  const committedTotal = await db
    .selectFrom('award_totals')
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

  // The approved applications not allocated, and apart their items approved above 0: two narrow
  // reads, no column repeated per item. An application with any item already allocated is left
  // out (it was allocated by an earlier commit, whatever its total says).
  const waiting = (eb: ExpressionBuilder<Database & { a: Database['applications'] }, 'a'>) =>
    eb.and([
      eb('a.call_id', '=', callId),
      eb('a.status', '=', 'approved'),
      eb('a.allocated_total', 'is', null),
      eb.not(
        eb.exists(
          eb
            .selectFrom('application_items as x')
            .select('x.application_id')
            .whereRef('x.application_id', '=', 'a.id')
            .where('x.allocated_amount', 'is not', null),
        ),
      ),
    ]);
  const applicationsRead: Promise<ApplicationRow[]> = db
    .selectFrom('applications as a')
    .leftJoin('enterprises as e', 'e.credit_code', 'a.credit_code')
    .select(['a.id', 'a.credit_code', 'e.name', 'a.score', 'a.submitted_at'])
    .where(waiting)
    .execute();
  // In key order (the primary key's), so that allocateAmounts' sort by key finds them sorted.
  const itemsRead: Promise<ItemRow[]> = db
    .selectFrom('application_items as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .select(['i.application_id', 'i.measure', 'i.subject', 'i.article', 'i.approved_amount'])
    .where(waiting)
    .where('i.approved_amount', '>', 0)
    .orderBy('i.application_id')
    .orderBy('i.measure')
    .orderBy('i.subject')
    .$castTo<ItemRow>()
    .execute();
  // Outside a transaction (a preview) the two reads run at once, on two connections. A commit
  // between them could make them disagree; the commit plans again in its own transaction, and
  // refuses a planId that differs from its own.
  const [applicationRows, itemRows] = await Promise.all([applicationsRead, itemsRead]);

  const applications = new Map<
    string,
    { row: ApplicationRow; score: number | null; order: string; approved: number; allocated: number; itemsFrom: number; itemsTo: number }
  >();
  for (const row of applicationRows) {
    const score = row.score === null ? null : Number(row.score);
    // Among equal scores the earlier submission comes first (先到先得 as the last tie-breaker).
    applications.set(row.id, {
      row,
      score,
      order: `${row.submitted_at ?? ''}|${row.id}`,
      approved: 0,
      allocated: 0,
      itemsFrom: 0,
      itemsTo: 0,
    });
  }
  // Each allocation item carries its measure and subject, which allocateAmounts gives back sorted.
  const allocationItems: PlanItem[] = new Array(itemRows.length);
  let n = 0;
  for (const r of itemRows) {
    const a = applications.get(r.application_id);
    if (!a) continue;
    allocationItems[n++] = {
      key: itemKey(a.row.id, r.measure, r.subject),
      measure: r.measure,
      subject: r.subject,
      applicationId: a.row.id,
      article: Number(r.article),
      approved: Number(r.approved_amount),
      score: a.score,
      order: a.order,
    };
  }
  allocationItems.length = n;
  const result = allocateAmounts(allocationItems, budget, method);

  // The items come back in key order, so each application's items are in (measure, subject) order.
  let awards = 0;
  let approved = 0;
  const count = result.sorted.length;
  const items: PlanItems = {
    measure: new Array<string>(count),
    subject: new Array<string>(count),
    article: new Int32Array(count),
    approved: new Float64Array(count),
    allocated: new Float64Array(count),
  };
  let a: (typeof applications extends Map<string, infer V> ? V : never) | undefined;
  for (let i = 0; i < count; i++) {
    const item = result.sorted[i] as PlanItem;
    const allocated = result.amounts[i] ?? 0;
    if (a?.row.id !== item.applicationId) {
      a = applications.get(item.applicationId);
      if (!a) throw new Error(`internal: item ${item.key} of no planned application`);
      // Keys begin with the application's id: its items are together in key order.
      if (a.itemsTo !== 0) throw new Error(`internal: the items of application ${item.applicationId} are not together in key order`);
      a.itemsFrom = i;
    }
    a.itemsTo = i + 1;
    (items.measure as string[])[i] = item.measure;
    (items.subject as string[])[i] = item.subject;
    items.article[i] = item.article;
    items.approved[i] = item.approved;
    items.allocated[i] = allocated;
    a.approved += item.approved;
    a.allocated += allocated;
    approved += item.approved;
    if (allocated > 0) awards += 1;
  }
  const planned: PlanApplication[] = [...applications.values()].map(({ row, approved, allocated, itemsFrom, itemsTo }) => ({
    applicationId: row.id,
    creditCode: row.credit_code,
    enterpriseName: row.name ?? row.credit_code,
    score: row.score === null ? null : Number(row.score),
    submittedAt: row.submitted_at,
    approved,
    allocated,
    itemsFrom,
    itemsTo,
  }));
  planned.sort((x, y) => compareAt(x, y.submittedAt ?? '', y.applicationId));
  // The plan's digest: the call, the method and the budget; every application (its score and
  // submission time, which order it, and the range of its items; one without items still
  // changes what a commit writes); every item's measure and subject; the articles, the amounts
  // approved and allocated as the arrays hold them. Column by column: no string per item.
  const digest = createHash('sha256').update(JSON.stringify([callId, method, budget]));
  digest.update(JSON.stringify(planned.map((p) => [p.applicationId, p.score, p.submittedAt, p.itemsFrom, p.itemsTo])));
  digest.update(JSON.stringify(items.measure));
  digest.update(JSON.stringify(items.subject));
  for (const column of [items.article, items.approved, items.allocated]) {
    digest.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }

  return {
    callId,
    year: Number(call.year),
    method,
    planId: digest.digest('hex'),
    callBudget,
    committed,
    budget,
    summary: {
      applications: planned.length,
      items: result.sorted.length,
      awards,
      approved,
      allocated: result.total,
      ratio: ratioOf(result.total, approved),
      oversubscribed: result.oversubscribed,
      byArticle: Object.fromEntries(
        Object.entries(result.byArticle).map(([article, f]) => [article, { ...f, ratio: ratioOf(f.allocated, f.approved) }]),
      ),
    },
    applications: planned,
    items,
  };
}

/** The preview's answer: the plan's figures and its first page. */
export function previewOf(plan: Plan, limit?: number): AllocationPlan {
  const { applications, page } = pageOfPlan(plan, { limit });
  return {
    callId: plan.callId,
    year: plan.year,
    method: plan.method,
    planId: plan.planId,
    callBudget: plan.callBudget,
    committed: plan.committed,
    budget: plan.budget,
    summary: plan.summary,
    applications,
    page,
  };
}

/** Allocated over approved, 4 decimals, for display; the amounts themselves stay exact. */
export function ratioOf(allocated: number, approved: number): number | null {
  return approved === 0 ? null : Math.round((allocated / approved) * 10_000) / 10_000;
}

/** A page of the plan's applications in keyset order: those after the cursor, `limit` of them. */
export function pageOfPlan(plan: Plan, page: PageRequest): { applications: PlannedApplication[]; page: PageInfo } {
  const limit = page.limit ?? PAGE_LIMIT_DEFAULT;
  const all = plan.applications;
  let start = 0;
  if (page.after !== undefined) {
    const at = decodeCursor(page.after, PLAN_SORT);
    const key = String(at.key);
    // The first application after (key, id): a binary search, the list being sorted.
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareAt(all[mid] as PlanApplication, key, at.id) <= 0) lo = mid + 1;
      else hi = mid;
    }
    start = lo;
  }
  const applications = withItems(plan, all.slice(start, start + limit));
  const last = applications.at(-1);
  const next = start + limit < all.length && last ? encodeCursor(PLAN_SORT, last.submittedAt ?? '', last.applicationId) : null;
  return { applications, page: { limit, next, total: all.length } };
}

/**
 * Plans kept for their pages and their workbook, by planId: a preview's next pages come from the
 * plan it showed. Another instance, or an evicted plan, computes it again and checks the id.
 */
const KEPT_PLANS = 3;
const KEPT_FOR_MS = 15 * 60_000;
const kept = new WeakMap<object, Map<string, { plan: Plan; at: number }>>();

export function keepPlan(db: Kysely<Database>, plan: Plan): void {
  let plans = kept.get(db);
  if (!plans) {
    plans = new Map();
    kept.set(db, plans);
  }
  plans.delete(plan.planId);
  // A commit computes its plan afresh; pages and workbooks read the kept one.
  plans.set(plan.planId, { plan, at: Date.now() });
  for (const id of plans.keys()) {
    if (plans.size <= KEPT_PLANS) break;
    plans.delete(id);
  }
}

/**
 * The plan of `method` for the call: the kept one when `planId` names it, otherwise computed now;
 * a `planId` the call's data no longer gives is refused (409) rather than answered with another plan.
 */
export async function loadPlan(db: Kysely<Database>, callId: string, method: AllocationMethod, planId?: string): Promise<Plan> {
  if (planId !== undefined) {
    const hit = kept.get(db)?.get(planId);
    if (hit && Date.now() - hit.at < KEPT_FOR_MS && hit.plan.callId === callId && hit.plan.method === method) return hit.plan;
  }
  const plan = await planAllocation(db, callId, method);
  if (planId !== undefined && plan.planId !== planId) throw planChanged();
  keepPlan(db, plan);
  return plan;
}

export const planChanged = () =>
  conflict('FTAI_ERR_CONFLICT', 'plan: the approved applications or the budgets of this call changed since the preview; preview again');

/** Keyset order of applications: submission time ('' when none), then id, by code units. */
function compareAt(a: Pick<PlannedApplication, 'submittedAt' | 'applicationId'>, submittedAt: string, id: string): number {
  const s = a.submittedAt ?? '';
  if (s !== submittedAt) return s < submittedAt ? -1 : 1;
  return a.applicationId < id ? -1 : a.applicationId > id ? 1 : 0;
}
