/**
 * Budget allocation for an annual call (年度申报预算分配): when the awards officers approved exceed
 * the call's total budget or a per-article budget, scale them down to whole yuan that fit.
 *
 * Pure: no I/O, no clock, exact arithmetic. Amounts are whole yuan held in safe integers;
 * products (budget × approved) stay in safe integers while they are below 2^53 (a quotient is
 * corrected to the exact floor by its remainder) and go through BigInt past it, which they reach
 * long before the amounts do. Scopes are lists of positions, so a plan is O(n log n) in the items.
 */

import { ARTICLE_NUMBERS, isArticle } from '@ftai/policy-fengtai';

export type AllocationMethod = 'proportional' | 'score';

export interface AllocationItem {
  readonly key: string;
  readonly applicationId: string;
  /** The article (条) of the policy the award is made under (ARTICLE_NUMBERS of @ftai/policy-fengtai). */
  readonly article: number;
  /** Whole yuan approved by the officer, before any budget applies. */
  readonly approved: number;
  /** The application's review score (评审得分); null when not scored. */
  readonly score: number | null;
  /** The last tie-breaker, compared as a string (e.g. submission time + id). */
  readonly order: string;
}

export interface AllocationBudget {
  /** Whole yuan for the whole call. */
  readonly total: number;
  /** Whole yuan per article; an article without an entry has no budget of its own. */
  readonly perArticle: Readonly<Record<number, number>>;
}

/** A budget that can bind: an article's own budget (单列预算), or the call's total (年度总额控制). */
export type BudgetScope = 'article' | 'total';

export interface AllocatedItem extends AllocationItem {
  readonly allocated: number;
  /** Yuan this item received by largest remainder (+1 元 per step: 0, 1, or 2 when both its article and the total bind). */
  readonly remainderYuan: number;
  /** The budgets that scaled this item down, article step first: [], ['article'], ['total'] or both. */
  readonly scaledBy: readonly BudgetScope[];
}

/**
 * One budget that bound, in the order applied (articles by number, then the total): it scaled
 * `scaled` yuan down to `budget` yuan, i.e. by the exact ratio budget / scaled.
 */
export interface AllocationStep {
  readonly scope: BudgetScope;
  /** The article whose budget this is; null for the total. */
  readonly article: number | null;
  /** Whole yuan the budget holds (what is left of it for this allocation). */
  readonly budget: number;
  /** Whole yuan it scales: the approved amounts of the article, or for the total what the article step left. */
  readonly scaled: number;
  /** Items it scales (those with more than 0 yuan before the step). */
  readonly items: number;
  /** Yuan given one each by largest remainder (proportional); 0 for score. */
  readonly remainderYuan: number;
  /**
   * The last item (by position) to receive a largest-remainder yuan, with its remainder (the
   * numerator over `scaled`) and weight: any item of the step ranked at or before it received one,
   * which explains a committed item later without the others. Null when no yuan was left over.
   */
  readonly cutoff: { readonly remainder: number; readonly weight: number; readonly position: number } | null;
}

export interface AllocationResult {
  readonly method: AllocationMethod;
  /** Sorted by key. */
  readonly items: readonly AllocatedItem[];
  /** Sum of the allocated amounts. */
  readonly total: number;
  /** True when some budget binds, i.e. when some item gets less than it was approved. */
  readonly oversubscribed: boolean;
  /** Every article that has items or a budget. */
  readonly byArticle: Readonly<Record<number, { readonly budget: number | null; readonly approved: number; readonly allocated: number }>>;
  /** The budgets that bound, article budgets by number, then the total. */
  readonly steps: readonly AllocationStep[];
}

/** The policy's articles, for messages: 1, 2, … 10. */
const ARTICLE_LIST = ARTICLE_NUMBERS.join(', ');

/**
 * Fits approved awards into the call's budgets, article budgets first, then the total.
 *
 * - `proportional`: largest remainder method in whole yuan. Each item of an oversubscribed
 *   scope gets floor(budget × weight / Σ weights); the yuan left over go one each to the items
 *   with the largest remainders, so the budget is used to the yuan. The weight is the approved
 *   amount for an article budget and the amount after the article step for the total budget.
 * - `score`: in each oversubscribed scope, items are funded in full by descending review score
 *   (unscored last); the item where the budget runs out gets what is left, later items nothing.
 *
 * Who absorbs the remainder (every comparison exact, strings compared by UTF-16 code units):
 * - proportional: larger remainder first, then larger weight, then `order` ascending, then `key`
 *   ascending. Only items with a non-zero remainder can receive a leftover yuan.
 * - score: higher score first, null last, then `order` ascending, then `key` ascending.
 * `order` is meant to be unique; `key` only settles duplicates so the result never depends on
 * the input order.
 *
 * @example
 * allocateBudget(
 *   [
 *     { key: 'a', applicationId: 'A', article: 3, approved: 600_000, score: 88, order: '1' },
 *     { key: 'b', applicationId: 'B', article: 3, approved: 300_000, score: 92, order: '2' },
 *     { key: 'c', applicationId: 'C', article: 5, approved: 300_000, score: null, order: '3' },
 *   ],
 *   { total: 1_000_000, perArticle: {} },
 *   'proportional',
 * ).items.map((i) => i.allocated); // [500_000, 250_000, 250_000]
 * // with 'score': [600_000, 300_000, 100_000] (b, then a, then c gets the last 100,000)
 *
 * @throws RangeError naming the field for a non-integer or negative amount or budget, an
 *   article the policy does not have, a duplicate key, a non-finite score or an unknown method.
 */
export function allocateBudget(items: readonly AllocationItem[], budget: AllocationBudget, method: AllocationMethod): AllocationResult {
  if (method !== 'proportional' && method !== 'score') {
    throw new RangeError(`method must be 'proportional' or 'score', got ${String(method)}`);
  }
  validateBudget(budget);
  const { sorted, columns } = inKeyOrder(items);
  const { amounts, ...figures } = allocateInKeyOrder(columns, budget, method);
  const { remainderYuan: _yuan, scaledBy: _scaled, ...rest } = figures;
  const allocatedItems: AllocatedItem[] = sorted.map((item, index) => ({
    key: item.key,
    applicationId: item.applicationId,
    article: item.article,
    approved: item.approved,
    score: item.score,
    order: item.order,
    allocated: amounts[index] ?? 0,
    remainderYuan: yuanCount(figures.remainderYuan[index] ?? 0),
    scaledBy: scopesOf(figures.scaledBy[index] ?? 0),
  }));
  return { method, items: allocatedItems, ...rest };
}

/** Bits of AllocatedInKeyOrder's per-item columns: the article step, the total step. */
export const ARTICLE_STEP = 1;
export const TOTAL_STEP = 2;

/** Yuan received by largest remainder, from the bits of `remainderYuan`: one per step. */
export const yuanCount = (bits: number): number => (bits & ARTICLE_STEP ? 1 : 0) + (bits & TOTAL_STEP ? 1 : 0);

/** The scopes that scaled an item, from the bits of `scaledBy`, article step first. */
export function scopesOf(bits: number): BudgetScope[] {
  const scopes: BudgetScope[] = [];
  if (bits & ARTICLE_STEP) scopes.push('article');
  if (bits & TOTAL_STEP) scopes.push('total');
  return scopes;
}

/**
 * Items in key order, column by column: position i holds the i-th item by key, so the position is
 * the key's rank. What a caller with many items (a plan of 270,000) gives allocateInKeyOrder
 * instead of an object per item.
 */
export interface KeyOrderedItems {
  /** The article (条) of each item. */
  readonly article: Int32Array;
  /** Whole yuan approved. */
  readonly approved: Float64Array;
  /** The review score; NaN where there is none (null in AllocationItem). */
  readonly score: Float64Array;
  /** The rank of each item's `order` among the items' (equal orders, equal ranks; smaller, earlier). */
  readonly orderRank: Int32Array;
}

/** What allocateInKeyOrder computes: the amount of each item by position, and the figures. */
export interface AllocatedInKeyOrder extends Omit<AllocationResult, 'method' | 'items'> {
  readonly amounts: Float64Array;
  /** By position, the steps in which the item received a largest-remainder yuan (ARTICLE_STEP | TOTAL_STEP). */
  readonly remainderYuan: Uint8Array;
  /** By position, the steps that scaled the item (ARTICLE_STEP | TOTAL_STEP). */
  readonly scaledBy: Uint8Array;
}

/**
 * allocateBudget's rule over items already in key order, column by column: the same amounts, with
 * no object, string or comparison of strings per item. The ties allocateBudget breaks by `order`
 * and then `key` are broken by `orderRank` and then the position.
 *
 * @throws RangeError naming the column and position for a non-integer or negative amount, an
 *   article the policy does not have, a score that is infinite, columns of different lengths, or an
 *   unknown method; naming the budget's field for a bad budget.
 */
export function allocateInKeyOrder(items: KeyOrderedItems, budget: AllocationBudget, method: AllocationMethod): AllocatedInKeyOrder {
  if (method !== 'proportional' && method !== 'score') {
    throw new RangeError(`method must be 'proportional' or 'score', got ${String(method)}`);
  }
  const articleBudgets = validateBudget(budget);
  validateColumns(items);
  const { article, approved } = items;
  const n = approved.length;
  const amounts = Float64Array.from(approved);
  const remainderYuan = new Uint8Array(n);
  const scaledBy = new Uint8Array(n);
  const steps: AllocationStep[] = [];
  let isOversubscribed = false;
  // One step: the scope's amounts down to `limit`, with what the step did recorded.
  const reduce = (scope: Int32Array, limit: number, bit: number, articleNumber: number | null) => {
    isOversubscribed = true;
    let scaled = 0;
    let count = 0;
    for (const i of scope) {
      const weight = amounts[i] as number;
      scaled += weight;
      if (weight > 0) {
        count++;
        scaledBy[i] = (scaledBy[i] as number) | bit;
      }
    }
    let given: Given = { recipients: new Int32Array(0), cutoff: null };
    if (method === 'proportional') given = apportionLargestRemainder(scope, amounts, limit, items.orderRank);
    else fundByScore(items, scope, amounts, limit);
    for (const position of given.recipients) remainderYuan[position] = (remainderYuan[position] as number) | bit;
    steps.push({
      scope: articleNumber === null ? 'total' : 'article',
      article: articleNumber,
      budget: limit,
      scaled,
      items: count,
      remainderYuan: given.recipients.length,
      cutoff: given.cutoff,
    });
  };

  // Article budgets first: an article's own budget caps it whatever the rest of the call does.
  for (const [number, articleBudget] of articleBudgets) {
    let size = 0;
    for (let i = 0; i < n; i++) if (article[i] === number) size++;
    const scope = new Int32Array(size);
    for (let i = 0, j = 0; i < n; i++) if (article[i] === number) scope[j++] = i;
    if (sumOf(scope, amounts) > articleBudget) reduce(scope, articleBudget, ARTICLE_STEP, number);
  }
  // Then the total, over what the articles left; amounts only ever go down.
  const everything = new Int32Array(n);
  for (let i = 0; i < n; i++) everything[i] = i;
  if (sumOf(everything, amounts) > budget.total) reduce(everything, budget.total, TOTAL_STEP, null);

  const byArticle: Record<number, { budget: number | null; approved: number; allocated: number }> = {};
  const articles = [...new Set<number>([...articleBudgets.keys(), ...new Set(article)])].sort((a, b) => a - b);
  for (const number of articles) byArticle[number] = { budget: articleBudgets.get(number) ?? null, approved: 0, allocated: 0 };
  let total = 0;
  for (let i = 0; i < n; i++) {
    const figures = byArticle[article[i] as number] as { approved: number; allocated: number };
    figures.approved += approved[i] as number;
    figures.allocated += amounts[i] as number;
    total += amounts[i] as number;
  }
  return { amounts, total, oversubscribed: isOversubscribed, byArticle, steps, remainderYuan, scaledBy };
}

/** The columns of allocateInKeyOrder for items in any order: sorted by key, checked, their orders ranked. */
function inKeyOrder<T extends AllocationItem>(items: readonly T[]): { sorted: T[]; columns: KeyOrderedItems } {
  validateItems(items);
  const sorted = [...items].sort((a, b) => compareStrings(a.key, b.key));
  checkDuplicateKeys(items, sorted);
  const n = sorted.length;
  const columns = {
    article: new Int32Array(n),
    approved: new Float64Array(n),
    score: new Float64Array(n),
    orderRank: ranksOf(sorted.map((item) => item.order)),
  };
  for (let i = 0; i < n; i++) {
    const item = sorted[i] as T;
    columns.article[i] = item.article;
    columns.approved[i] = item.approved;
    columns.score[i] = item.score ?? Number.NaN;
  }
  return { sorted, columns };
}

/** What a largest-remainder step gave beyond the floors: the yuan, their recipients in rank order, the last of them. */
interface Given {
  /** Positions of the items that received a yuan, one each. */
  readonly recipients: Int32Array;
  readonly cutoff: AllocationStep['cutoff'];
}

/**
 * Largest remainder (Hamilton) method: shares of `limit` in proportion to the weights (the amounts
 * the items at the positions `scope` hold before this step), in whole yuan, summing to exactly `limit`. Requires Σ weights > limit ≥ 0, so every share stays at or
 * below its weight. Exact: in safe integers while limit × weight stays below 2^53, in BigInt past it.
 *
 * For 270,000 items of a call the shares are held in typed arrays by position and ranked by
 * sorting positions: no object per share, and each comparison reads numbers (`orderRanks`, by
 * position, ranks the `order` strings; the key order is the position itself).
 */
function apportionLargestRemainder(scope: Int32Array, amounts: Float64Array, limit: number, orderRanks: Int32Array): Given {
  const n = scope.length;
  const weights = new Float64Array(n);
  const positions = new Int32Array(n);
  let total = 0;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const position = scope[i] as number;
    positions[i] = position;
    const weight = amounts[position] ?? 0;
    weights[i] = weight;
    total += weight;
    if (weight > largest) largest = weight;
  }
  const floors = new Float64Array(n);
  // Every intermediate of the number path (product, floor × total) stays below limit × largest + total.
  const remainders = Number.isSafeInteger(limit * largest + total)
    ? remaindersInNumbers(weights, floors, limit, total)
    : remaindersInBigInt(weights, floors, limit, total);
  const ranked = new Int32Array(n);
  for (let i = 0; i < n; i++) ranked[i] = i;
  // All remainders share the denominator Σ weights, so comparing numerators compares the
  // fractional parts exactly (safe integers: their difference is exact). Then the larger weight,
  // the earlier order, the smaller key.
  ranked.sort(
    (a, b) =>
      (remainders[b] as number) - (remainders[a] as number) ||
      (weights[b] as number) - (weights[a] as number) ||
      (orderRanks[positions[a] as number] as number) - (orderRanks[positions[b] as number] as number) ||
      (positions[a] as number) - (positions[b] as number),
  );
  // The leftover is Σ remainders / Σ weights, less than the count of non-zero remainders, so
  // the yuan reach only items whose exact share was not already whole.
  let leftover = limit;
  for (let i = 0; i < n; i++) leftover -= floors[i] as number;
  const yuan = leftover;
  const recipients = ranked.subarray(0, yuan).map((i) => positions[i] as number);
  for (const i of ranked) {
    const extra = leftover > 0 ? 1 : 0;
    leftover -= extra;
    amounts[positions[i] as number] = (floors[i] as number) + extra;
  }
  const last = yuan > 0 ? (ranked[yuan - 1] as number) : -1;
  const cutoff =
    last < 0 ? null : { remainder: remainders[last] as number, weight: weights[last] as number, position: positions[last] as number };
  return { recipients, cutoff };
}

/**
 * Each string's rank in code-unit order, equal strings sharing one: comparing ranks compares the
 * strings. Array.prototype.sort without a comparator orders strings by UTF-16 code units, as
 * compareStrings does; neighbours often repeat (an application's items are adjacent), so each run
 * of equal neighbours is put in the set and looked up once.
 */
function ranksOf(values: readonly string[]): Int32Array {
  // Only the first of each run of equal neighbours goes into the set.
  const seen = new Set<string>();
  let last: string | undefined;
  for (const value of values) {
    if (value === last) continue;
    seen.add(value);
    last = value;
  }
  const distinct = [...seen].sort();
  const rankOf = new Map<string, number>();
  for (let i = 0; i < distinct.length; i++) rankOf.set(distinct[i] as string, i);
  const ranks = new Int32Array(values.length);
  let previous: string | undefined;
  let rank = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    if (value !== previous) {
      rank = rankOf.get(value) as number;
      previous = value;
    }
    ranks[i] = rank;
  }
  return ranks;
}

/**
 * limit × weight is safe: each floor(limit × weight / Σ weights) into `floors` (at most the weight,
 * so a safe integer), corrected to the exact floor by its remainder; the remainders returned.
 */
function remaindersInNumbers(weights: Float64Array, floors: Float64Array, limit: number, total: number): Float64Array {
  const remainders = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const product = limit * (weights[i] as number);
    let floor = Math.floor(product / total);
    let remainder = product - floor * total;
    // Floating division may land one off an exact quotient; the remainder says which way.
    if (remainder < 0) {
      floor -= 1;
      remainder += total;
    } else if (remainder >= total) {
      floor += 1;
      remainder -= total;
    }
    floors[i] = floor;
    remainders[i] = remainder;
  }
  return remainders;
}

/**
 * limit × weight may pass 2^53: the products in BigInt. The quotients (at most the weight) and the
 * remainders (below Σ weights, at most the sum of the approved amounts, which validateItems keeps
 * safe) are safe integers, so they go back as numbers, exactly, and are ranked as numbers.
 */
function remaindersInBigInt(weights: Float64Array, floors: Float64Array, limit: number, total: number): Float64Array {
  const target = BigInt(limit);
  const denominator = BigInt(total);
  const remainders = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) {
    const product = target * BigInt(weights[i] as number);
    // BigInt division truncates, which is floor for non-negative operands.
    floors[i] = Number(product / denominator);
    remainders[i] = Number(product % denominator);
  }
  return remainders;
}

/**
 * Funds the scope's items in full by rank (higher score first, none last, then the earlier order,
 * then the smaller key: the position) until `limit` runs out; the item at the boundary gets the
 * rest, later items nothing. A smaller claim further down is not moved up to use a gap.
 */
function fundByScore(items: KeyOrderedItems, scope: Int32Array, amounts: Float64Array, limit: number): void {
  const { score, orderRank } = items;
  const ranked = Int32Array.from(scope).sort((a, b) => {
    const sa = score[a] as number;
    const sb = score[b] as number;
    const noneA = Number.isNaN(sa);
    const noneB = Number.isNaN(sb);
    if (noneA !== noneB) return noneA ? 1 : -1;
    if (!noneA && sa !== sb) return sa > sb ? -1 : 1;
    return (orderRank[a] as number) - (orderRank[b] as number) || a - b;
  });
  let left = limit;
  for (const index of ranked) {
    const amount = Math.min(amounts[index] as number, left);
    left -= amount;
    amounts[index] = amount;
  }
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sumOf(scope: Int32Array, amounts: Float64Array): number {
  let sum = 0;
  for (const index of scope) sum += amounts[index] as number;
  return sum;
}

function isWholeYuan(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function validateBudget(budget: AllocationBudget): Map<number, number> {
  if (!isWholeYuan(budget.total)) {
    throw new RangeError(`budget.total must be a whole, non-negative, safe number of yuan, got ${String(budget.total)}`);
  }
  if (typeof budget.perArticle !== 'object' || budget.perArticle === null) {
    throw new RangeError('budget.perArticle must be an object of article budgets ({} for none)');
  }
  const articleBudgets = new Map<number, number>();
  for (const [name, value] of Object.entries(budget.perArticle)) {
    const article = Number(name);
    if (!isArticle(article) || String(article) !== name) {
      throw new RangeError(`budget.perArticle has key ${JSON.stringify(name)}, expected an article of the policy: ${ARTICLE_LIST}`);
    }
    if (!isWholeYuan(value)) {
      throw new RangeError(`budget.perArticle[${name}] must be a whole, non-negative, safe number of yuan, got ${String(value)}`);
    }
    articleBudgets.set(article, value);
  }
  return new Map([...articleBudgets].sort(([a], [b]) => a - b));
}

/**
 * Refuses a key given twice, naming the first item (in the caller's order) whose key an earlier
 * item has: equal keys are neighbours in key order, so no set of 270,000 keys is built.
 */
function checkDuplicateKeys(items: readonly AllocationItem[], sorted: readonly AllocationItem[]): void {
  let repeated: number | undefined;
  for (let i = 1; i < sorted.length; i++) {
    const item = sorted[i] as AllocationItem;
    if (item.key !== (sorted[i - 1] as AllocationItem).key) continue;
    // The sort is stable: each later one of equal keys came later in the caller's order.
    const index = items.indexOf(item);
    if (repeated === undefined || index < repeated) repeated = index;
  }
  if (repeated !== undefined) {
    throw new RangeError(`${at(repeated)}.key ${JSON.stringify((items[repeated] as AllocationItem).key)} is a duplicate key`);
  }
}

/** An item's place, for a message: built only when one is thrown. */
const at = (index: number) => `items[${index}]`;

function validateItems(items: readonly AllocationItem[]): void {
  let approvedSum = 0;
  items.forEach((item, index) => {
    if (typeof item.key !== 'string') throw new RangeError(`${at(index)}.key must be a string`);
    if (typeof item.applicationId !== 'string') throw new RangeError(`${at(index)}.applicationId must be a string`);
    if (typeof item.order !== 'string') throw new RangeError(`${at(index)}.order must be a string`);
    if (!isArticle(item.article)) {
      throw new RangeError(`${at(index)}.article must be an article of the policy (${ARTICLE_LIST}), got ${String(item.article)}`);
    }
    if (!isWholeYuan(item.approved)) {
      throw new RangeError(`${at(index)}.approved must be a whole, non-negative, safe number of yuan, got ${String(item.approved)}`);
    }
    if (item.score !== null && !(typeof item.score === 'number' && Number.isFinite(item.score))) {
      throw new RangeError(`${at(index)}.score must be a finite number or null, got ${String(item.score)}`);
    }
    // Each addend is safe, so an unsafe running sum means the true sum passed 2^53 - 1.
    approvedSum += item.approved;
    if (!Number.isSafeInteger(approvedSum)) {
      throw new RangeError(`${at(index)}.approved brings the sum of approved amounts past ${Number.MAX_SAFE_INTEGER} yuan`);
    }
  });
}

/** allocateInKeyOrder's check of its columns, by column and position. */
function validateColumns(items: KeyOrderedItems): void {
  const { article, approved, score, orderRank } = items;
  const n = approved.length;
  if (article.length !== n || score.length !== n || orderRank.length !== n) {
    throw new RangeError(
      `items: the columns must be as long as approved (${n}), got article ${article.length}, score ${score.length}, orderRank ${orderRank.length}`,
    );
  }
  let approvedSum = 0;
  for (let i = 0; i < n; i++) {
    if (!isArticle(article[i])) {
      throw new RangeError(`items.article[${i}] must be an article of the policy (${ARTICLE_LIST}), got ${String(article[i])}`);
    }
    const amount = approved[i] as number;
    if (!isWholeYuan(amount)) {
      throw new RangeError(`items.approved[${i}] must be a whole, non-negative, safe number of yuan, got ${String(amount)}`);
    }
    if (score[i] === Number.POSITIVE_INFINITY || score[i] === Number.NEGATIVE_INFINITY) {
      throw new RangeError(`items.score[${i}] must be a finite number or NaN (none), got ${String(score[i])}`);
    }
    approvedSum += amount;
    if (!Number.isSafeInteger(approvedSum)) {
      throw new RangeError(`items.approved[${i}] brings the sum of approved amounts past ${Number.MAX_SAFE_INTEGER} yuan`);
    }
  }
}
