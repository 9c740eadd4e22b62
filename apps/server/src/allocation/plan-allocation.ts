import { createHash } from 'node:crypto';
import type { AllocationPlan, AllocationSummary, BudgetFigures, PageInfo, PlannedApplication, PlannedItem } from '@ftai/api';
import { PAGE_LIMIT_DEFAULT, REMAINDER_NAMED } from '@ftai/api';
import { type ExpressionBuilder, type Kysely, type RawBuilder, sql } from 'kysely';
import type { Dialect } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { decodeCursor, encodeCursor, type PageRequest } from '../http/keyset.js';
import {
  type AllocatedInKeyOrder,
  type AllocationMethod,
  ARTICLE_STEP,
  allocateInKeyOrder,
  type KeyOrderedItems,
  scopesOf,
  TOTAL_STEP,
  yuanCount,
} from './allocate-budget.js';
import { percentText, reduced } from './allocation-ratio.js';
import type { StoredStep } from './explain-allocated-item.js';

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
  /** The budgets that bound, as a commit keeps them: with each step's cutoff, to explain an item later. */
  readonly steps: readonly StoredStep[];
  /**
   * Every application waiting, by submission time then id, with the range of its items in
   * `items`: what the commit writes. plannedItems gives one's items as the API shows them.
   */
  readonly applications: readonly PlanApplication[];
  /** Every item approved above 0, in key order (each application's together, by measure and subject). */
  readonly items: PlanItems;
}

/** An application of a plan; its items are those of `items` from `itemsFrom` up to `itemsTo` (excluded). */
export interface PlanApplication extends Omit<PlannedApplication, 'items' | 'percent' | 'remainderYuan'> {
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
  /** The steps that gave each item a largest-remainder yuan (ARTICLE_STEP | TOTAL_STEP bits). */
  readonly remainderYuan: Uint8Array;
  /** The steps that scaled each item (the same bits). */
  readonly scaledBy: Uint8Array;
}

/** The items of one application of the plan, by measure and subject, as the API shows them. */
export function plannedItems(plan: Plan, a: PlanApplication): PlannedItem[] {
  const { measure, subject, article, approved, allocated, remainderYuan, scaledBy } = plan.items;
  const items: PlannedItem[] = [];
  for (let i = a.itemsFrom; i < a.itemsTo; i++) {
    items.push({
      measure: measure[i] as string,
      subject: subject[i] as string,
      article: article[i] as number,
      approved: approved[i] as number,
      allocated: allocated[i] as number,
      percent: percentText(allocated[i] as number, approved[i] as number),
      remainderYuan: yuanCount(remainderYuan[i] as number),
      scaledBy: scopesOf(scaledBy[i] as number),
    });
  }
  return items;
}

/** Applications of the plan with their items, as the API shows them. */
export function withItems(plan: Plan, applications: readonly PlanApplication[]): PlannedApplication[] {
  return applications.map((a) => {
    const items = plannedItems(plan, a);
    return {
      applicationId: a.applicationId,
      creditCode: a.creditCode,
      enterpriseName: a.enterpriseName,
      score: a.score,
      submittedAt: a.submittedAt,
      approved: a.approved,
      allocated: a.allocated,
      percent: percentText(a.allocated, a.approved),
      remainderYuan: items.reduce((sum, i) => sum + (i.remainderYuan ?? 0), 0),
      items,
    };
  });
}

/** An application waiting: [id, credit code, enterprise name, score, submitted at]. */
type WaitingApplication = readonly [string, string, string | null, number | string | null, string | null];
/** An item of one, approved above 0: [application id, measure, subject, article, approved]. */
type WaitingItem = readonly [string, string, string, number | string, number | string];

/** A JSON array aggregated by the database: parsed by the driver on PostgreSQL (null when empty), text on SQLite. */
const jsonRows = <T>(value: unknown): T[] =>
  value === null || value === undefined ? [] : typeof value === 'string' ? (JSON.parse(value) as T[]) : (value as T[]);

/**
 * What an allocation of the call would give, without writing anything: every approved
 * application not yet allocated, each approved item (amount > 0) an allocation item, against
 * the budget the call has left. Preview and commit both call this, so that the same database
 * gives the same result; `allocateInKeyOrder` itself depends on nothing but its input.
 *
 * Set-based: the waiting applications and their items come in two queries, each answering one
 * JSON array (no list of ids, no row per item), and the plan is built in columns with two sorts
 * of the applications, O(n log n): the items as allocateBudget would have them, in the order of their keys
 * (`${applicationId}|${measure}|${subject}`), and the same amounts, with no object per item.
 */
export async function planAllocation(db: Kysely<Database>, dialect: Dialect, callId: string, method: AllocationMethod): Promise<Plan> {
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

  // The approved applications not allocated, and apart their items approved above 0, each read
  // as one JSON array the database aggregates: two values to parse, no row per application or item
  // for the driver to make. An application with any item already allocated is left out (it was
  // allocated by an earlier commit, whatever its total says).
  const jsonArray = (columns: RawBuilder<unknown>[], orderBy: RawBuilder<unknown>[] = []) => {
    const order = orderBy.length > 0 ? sql` order by ${sql.join(orderBy)}` : sql``;
    return dialect === 'postgres'
      ? sql<unknown>`json_agg(json_build_array(${sql.join(columns)})${order})`
      : sql<unknown>`json_group_array(json_array(${sql.join(columns)})${order})`;
  };
  const column = (name: string) => sql.ref(name) as RawBuilder<unknown>;
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
  // The applications in submission order, which the sorts below then mostly find (they do not rely
  // on it: the database's collation may order text otherwise). The items, four times as many, on
  // PostgreSQL in 64 parts (by a hash of the application's id), so that no message of the protocol
  // is tens of megabytes for the driver to gather.
  const applicationsRead = db
    .selectFrom('applications as a')
    .leftJoin('enterprises as e', 'e.credit_code', 'a.credit_code')
    .select(
      jsonArray(
        [column('a.id'), column('a.credit_code'), column('e.name'), column('a.score'), column('a.submitted_at')],
        [column('a.submitted_at'), column('a.id')],
      ).as('rows'),
    )
    .where(waiting)
    .execute();
  const itemsRead = db
    .selectFrom('application_items as i')
    .innerJoin('applications as a', 'a.id', 'i.application_id')
    .select(
      jsonArray([
        column('i.application_id'),
        column('i.measure'),
        column('i.subject'),
        column('i.article'),
        column('i.approved_amount'),
      ]).as('rows'),
    )
    .where(waiting)
    .where('i.approved_amount', '>', 0)
    .$if(dialect === 'postgres', (q) => q.groupBy(sql`hashtext(i.application_id) & 63`))
    .execute();
  // Outside a transaction (a preview) the two reads run at once, on two connections. A commit
  // between them could make them disagree; the commit plans again in its own transaction, and
  // refuses a planId that differs from its own.
  const [applicationParts, itemParts] = await Promise.all([applicationsRead, itemsRead]);
  const rows: WaitingApplication[] = [];
  for (const part of applicationParts) for (const row of jsonRows<WaitingApplication>(part.rows)) rows.push(row);
  const itemRows: WaitingItem[] = [];
  for (const part of itemParts) for (const row of jsonRows<WaitingItem>(part.rows)) itemRows.push(row);

  // Key order (application id, then measure and subject, as allocateBudget's keys sort): the
  // applications by id, each one's items by measure and subject, built straight into columns.
  const count = rows.length;
  const rowOf = new Map<string, number>();
  for (let r = 0; r < count; r++) rowOf.set((rows[r] as WaitingApplication)[0], r);
  // The items by application (a counting sort): those of row r are at byRow[start[r] … start[r + 1]).
  const rowOfItem = new Int32Array(itemRows.length);
  const start = new Int32Array(count + 1);
  let itemCount = 0;
  let previousId: string | undefined;
  let previous: number | undefined;
  for (let k = 0; k < itemRows.length; k++) {
    // An application's items mostly come one after another: one lookup for each run.
    const id = (itemRows[k] as WaitingItem)[0];
    const r = id === previousId ? previous : rowOf.get(id);
    previousId = id;
    previous = r;
    rowOfItem[k] = r ?? -1;
    if (r === undefined) continue;
    start[r + 1] = (start[r + 1] as number) + 1;
    itemCount++;
  }
  for (let r = 0; r < count; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number);
  const byRow = new Int32Array(itemCount);
  const filled = start.slice(0, count);
  for (let k = 0; k < itemRows.length; k++) {
    const r = rowOfItem[k] as number;
    if (r < 0) continue;
    byRow[filled[r] as number] = k;
    filled[r] = (filled[r] as number) + 1;
  }
  const byId = sortedIndices(rows.map((row) => `${row[0]}|`));
  // The rank of each application's submission order (先到先得 as the last tie-breaker): time, then id.
  const orderRankOf = new Int32Array(count);
  sortedIndices(rows.map((row) => `${row[4] ?? ''}|${row[0]}`)).forEach((r, rank) => {
    orderRankOf[r] = rank;
  });
  const scoreOf = rows.map((row) => (row[3] === null ? null : Number(row[3])));

  const measure = new Array<string>(itemCount);
  const subject = new Array<string>(itemCount);
  const columns: KeyOrderedItems = {
    article: new Int32Array(itemCount),
    approved: new Float64Array(itemCount),
    score: new Float64Array(itemCount),
    orderRank: new Int32Array(itemCount),
  };
  const itemsFrom = new Int32Array(count);
  const itemsTo = new Int32Array(count);
  const own: WaitingItem[] = [];
  let at = 0;
  for (const r of byId) {
    itemsFrom[r] = at;
    const score = scoreOf[r] ?? Number.NaN;
    own.length = 0;
    for (let j = start[r] as number; j < (start[r + 1] as number); j++) own.push(itemRows[byRow[j] as number] as WaitingItem);
    if (own.length > 1) own.sort(compareItemKeys);
    for (const [, m, s, article, approved] of own) {
      measure[at] = m;
      subject[at] = s;
      columns.article[at] = Number(article);
      columns.approved[at] = Number(approved);
      columns.score[at] = score;
      columns.orderRank[at] = orderRankOf[r] as number;
      at++;
    }
    itemsTo[r] = at;
  }
  const result = allocateInKeyOrder(columns, budget, method);
  const totalBinds = result.steps.some((step) => step.scope === 'total');
  const items: PlanItems = {
    measure,
    subject,
    article: columns.article,
    approved: columns.approved,
    allocated: result.amounts,
    remainderYuan: result.remainderYuan,
    scaledBy: result.scaledBy,
  };

  let awards = 0;
  let approved = 0;
  const planned: PlanApplication[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const [id, creditCode, name, , submittedAt] = rows[r] as WaitingApplication;
    let applicationApproved = 0;
    let applicationAllocated = 0;
    for (let i = itemsFrom[r] as number; i < (itemsTo[r] as number); i++) {
      applicationApproved += columns.approved[i] as number;
      applicationAllocated += result.amounts[i] as number;
      if ((result.amounts[i] as number) > 0) awards += 1;
    }
    approved += applicationApproved;
    planned[r] = {
      applicationId: id,
      creditCode,
      enterpriseName: name ?? creditCode,
      score: scoreOf[r] ?? null,
      submittedAt,
      approved: applicationApproved,
      allocated: applicationAllocated,
      itemsFrom: itemsFrom[r] as number,
      itemsTo: itemsTo[r] as number,
    };
  }
  // Who owns each item (by key order), to name and rank the items that received a remainder yuan.
  const ownerOf = new Int32Array(itemCount);
  for (let r = 0; r < count; r++) ownerOf.fill(r, itemsFrom[r] as number, itemsTo[r] as number);
  const { bindings, steps } = bindingsOf(result, items, (i) => planned[ownerOf[i] as number] as PlanApplication);
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
      items: itemCount,
      awards,
      approved,
      allocated: result.total,
      ratio: ratioOf(result.total, approved),
      oversubscribed: result.oversubscribed,
      byArticle: Object.fromEntries(
        Object.entries(result.byArticle).map(([article, f]) => [
          article,
          { ...f, ratio: ratioOf(f.allocated, f.approved), available: availableTo(f, budget.total, totalBinds) },
        ]),
      ),
      bindings,
    },
    steps,
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

/**
 * What an article with a budget of its own can really receive: when the total binds, what the
 * total step leaves it (its allocation: the total is then spent to the yuan); otherwise its budget
 * left, never more than the total left. Null without a budget of its own.
 */
function availableTo(article: { budget: number | null; allocated: number }, total: number, totalBinds: boolean): number | null {
  if (article.budget === null) return null;
  return totalBinds ? article.allocated : Math.min(article.budget, total);
}

/**
 * The steps that bound, as the summary states them (exact ratio, its percentage, the items and
 * the remainder yuan, the first recipients named) and as a commit keeps them (with the cutoffs
 * as order and key strings). O(n) per step.
 */
function bindingsOf(
  result: AllocatedInKeyOrder,
  items: PlanItems,
  ownerAt: (position: number) => PlanApplication,
): { bindings: AllocationSummary['bindings']; steps: StoredStep[] } {
  const total = result.steps.find((step) => step.scope === 'total');
  const orderOf = (a: PlanApplication) => `${a.submittedAt ?? ''}|${a.applicationId}`;
  const keyAt = (i: number, a: PlanApplication) => `${a.applicationId}|${items.measure[i]}|${items.subject[i]}`;
  const bindings: AllocationSummary['bindings'] = [];
  const steps: StoredStep[] = [];
  for (const step of result.steps) {
    const bit = step.scope === 'total' ? TOTAL_STEP : ARTICLE_STEP;
    const remainderItems: AllocationSummary['bindings'][number]['remainderItems'] = [];
    for (let i = 0; i < items.remainderYuan.length && remainderItems.length < REMAINDER_NAMED; i++) {
      if (!((items.remainderYuan[i] as number) & bit)) continue;
      if (step.scope === 'article' && items.article[i] !== step.article) continue;
      const a = ownerAt(i);
      remainderItems.push({
        applicationId: a.applicationId,
        creditCode: a.creditCode,
        enterpriseName: a.enterpriseName,
        measure: items.measure[i] as string,
        subject: items.subject[i] as string,
      });
    }
    const ratio = reduced(step.budget, step.scaled);
    bindings.push({
      scope: step.scope,
      article: step.article,
      budget: step.budget,
      scaled: step.scaled,
      ratio: { ...ratio, percent: percentText(step.budget, step.scaled) as string },
      // 第X条 then 年度总额控制: the product of the two exact ratios.
      combinedPercent:
        step.scope === 'article' && total
          ? percentText(BigInt(step.budget) * BigInt(total.budget), BigInt(step.scaled) * BigInt(total.scaled))
          : null,
      items: step.items,
      remainderYuan: step.remainderYuan,
      remainderItems,
    });
    const at = step.cutoff?.position;
    const owner = at === undefined ? null : ownerAt(at);
    steps.push({
      scope: step.scope,
      article: step.article,
      budget: step.budget,
      scaled: step.scaled,
      cutoff:
        step.cutoff && owner && at !== undefined
          ? { remainder: step.cutoff.remainder, weight: step.cutoff.weight, order: orderOf(owner), key: keyAt(at, owner) }
          : null,
    });
  }
  return { bindings, steps };
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
 * Lets go of the plans kept for the call: an allocation being committed makes them stale (their
 * pages would be refused as changed), and a plan of 100,000 applications holds about 100 MB.
 */
export function forgetPlans(db: Kysely<Database>, callId: string): void {
  const plans = kept.get(db);
  if (!plans) return;
  for (const [id, { plan }] of plans) if (plan.callId === callId) plans.delete(id);
}

/**
 * The plan of `method` for the call: the kept one when `planId` names it, otherwise computed now;
 * a `planId` the call's data no longer gives is refused (409) rather than answered with another plan.
 */
export async function loadPlan(
  db: Kysely<Database>,
  dialect: Dialect,
  callId: string,
  method: AllocationMethod,
  planId?: string,
): Promise<Plan> {
  if (planId !== undefined) {
    const hit = kept.get(db)?.get(planId);
    if (hit && Date.now() - hit.at < KEPT_FOR_MS && hit.plan.callId === callId && hit.plan.method === method) return hit.plan;
  }
  const plan = await planAllocation(db, dialect, callId, method);
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

/** Code-unit order of strings: the same on every machine, unlike localeCompare. */
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The positions of `values` in code-unit order of the values (a stable sort). */
function sortedIndices(values: readonly string[]): Int32Array {
  const indices = new Int32Array(values.length);
  for (let i = 0; i < indices.length; i++) indices[i] = i;
  return indices.sort((x, y) => compareStrings(values[x] as string, values[y] as string) || x - y);
}

/**
 * Two items of one application in the order of their keys (`${measure}|${subject}` after the same
 * application id): by measure, unless one measure begins the other, where the joined keys decide.
 */
function compareItemKeys(x: WaitingItem, y: WaitingItem): number {
  const [, mx, sx] = x;
  const [, my, sy] = y;
  if (mx === my) return compareStrings(sx, sy);
  if (!mx.startsWith(my) && !my.startsWith(mx)) return compareStrings(mx, my);
  return compareStrings(`${mx}|${sx}`, `${my}|${sy}`);
}
