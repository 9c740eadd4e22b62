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

export interface AllocatedItem extends AllocationItem {
  readonly allocated: number;
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
  const { sorted, amounts, ...figures } = allocateAmounts(items, budget, method);
  const allocatedItems: AllocatedItem[] = sorted.map((item, index) => ({
    key: item.key,
    applicationId: item.applicationId,
    article: item.article,
    approved: item.approved,
    score: item.score,
    order: item.order,
    allocated: amounts[index] ?? 0,
  }));
  return { method, items: allocatedItems, ...figures };
}

/** What allocateBudget computes, without an object per item: the items in key order and their amounts by position. */
export interface AllocatedAmounts<T extends AllocationItem = AllocationItem> extends Omit<AllocationResult, 'method' | 'items'> {
  /** The caller's items (the same objects), sorted by key. */
  readonly sorted: readonly T[];
  /** The amount allocated to each item of `sorted`, by position. */
  readonly amounts: readonly number[];
}

/**
 * allocateBudget's work for callers that hold many items (a plan of 270,000): the same rule, the
 * same checks and the same amounts, as an array beside the sorted items instead of new objects.
 */
export function allocateAmounts<T extends AllocationItem>(
  items: readonly T[],
  budget: AllocationBudget,
  method: AllocationMethod,
): AllocatedAmounts<T> {
  if (method !== 'proportional' && method !== 'score') {
    throw new RangeError(`method must be 'proportional' or 'score', got ${String(method)}`);
  }
  const articleBudgets = validateBudget(budget);
  validateItems(items);

  // Work in key order so that nothing below can depend on the order the caller passed. Amounts
  // are held by position in that order: scopes are lists of positions, no lookups by key.
  const sorted = [...items].sort((a, b) => compareStrings(a.key, b.key));
  checkDuplicateKeys(items, sorted);
  const amounts = sorted.map((item) => item.approved);
  const everything = sorted.map((_, index) => index);
  let isOversubscribed = false;
  // The rank of each item's `order` among all of them, computed once when a proportional scope needs it.
  let orderRanks: Int32Array | undefined;
  const ranks = () => {
    orderRanks ??= ranksOf(sorted.map((item) => item.order));
    return orderRanks;
  };

  // Article budgets first: an article's own budget caps it whatever the rest of the call does.
  for (const [article, articleBudget] of articleBudgets) {
    const scope = everything.filter((index) => sorted[index]?.article === article);
    if (sumOf(scope, amounts) > articleBudget) {
      isOversubscribed = true;
      reduceScope(sorted, scope, amounts, articleBudget, method, ranks);
    }
  }
  // Then the total, over what the articles left; amounts only ever go down.
  if (sumOf(everything, amounts) > budget.total) {
    isOversubscribed = true;
    reduceScope(sorted, everything, amounts, budget.total, method, ranks);
  }

  const byArticle: Record<number, { budget: number | null; approved: number; allocated: number }> = {};
  const articles = [...new Set<number>([...articleBudgets.keys(), ...sorted.map((item) => item.article)])].sort((a, b) => a - b);
  for (const article of articles) byArticle[article] = { budget: articleBudgets.get(article) ?? null, approved: 0, allocated: 0 };
  let total = 0;
  for (let index = 0; index < sorted.length; index++) {
    const item = sorted[index] as AllocationItem;
    const allocated = amounts[index] ?? 0;
    const figures = byArticle[item.article] as { approved: number; allocated: number };
    figures.approved += item.approved;
    figures.allocated += allocated;
    total += allocated;
  }

  return { sorted, amounts, total, oversubscribed: isOversubscribed, byArticle };
}

/** Brings the scope's amounts down to exactly `limit`; the caller has checked that they exceed it. */
function reduceScope(
  items: readonly AllocationItem[],
  scope: readonly number[],
  amounts: number[],
  limit: number,
  method: AllocationMethod,
  orderRanks: () => Int32Array,
): void {
  if (method === 'proportional') {
    apportionLargestRemainder(scope, amounts, limit, orderRanks());
    return;
  }
  const claims: Claim[] = scope.map((index) => ({ index, item: items[index] as AllocationItem, weight: amounts[index] ?? 0 }));
  fundByScore(claims, amounts, limit);
}

interface Claim {
  /** The item's position in key order. */
  readonly index: number;
  readonly item: AllocationItem;
  /** The amount the item holds before this step. */
  readonly weight: number;
}

/**
 * Largest remainder (Hamilton) method: shares of `limit` in proportion to the weights (the amounts
 * the items at the positions `scope` hold before this step), in whole yuan, summing to exactly `limit`. Requires Σ weights > limit ≥ 0, so every share stays at or
 * below its weight. Exact: in safe integers while limit × weight stays below 2^53, in BigInt past it.
 *
 * For 270,000 items of a call the shares are held in typed arrays by position and ranked by
 * sorting positions: no object per share, and each comparison reads numbers (`orderRanks`, by key
 * position, ranks the `order` strings; the key order is the position itself).
 */
function apportionLargestRemainder(scope: readonly number[], amounts: number[], limit: number, orderRanks: Int32Array): void {
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
  for (const i of ranked) {
    const extra = leftover > 0 ? 1 : 0;
    leftover -= extra;
    amounts[positions[i] as number] = (floors[i] as number) + extra;
  }
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
 * Funds claims in full by rank until `limit` runs out; the claim at the boundary gets the rest,
 * later claims nothing. A smaller claim further down is not moved up to use a gap.
 */
function fundByScore(claims: readonly Claim[], amounts: number[], limit: number): void {
  const ranked = [...claims].sort((a, b) => compareByScore(a.item, b.item));
  let left = limit;
  for (const claim of ranked) {
    const amount = Math.min(claim.weight, left);
    left -= amount;
    amounts[claim.index] = amount;
  }
}

function compareByScore(a: AllocationItem, b: AllocationItem): number {
  if (a.score !== b.score) {
    if (a.score === null) return 1;
    if (b.score === null) return -1;
    return a.score > b.score ? -1 : 1;
  }
  return compareStrings(a.order, b.order) || compareStrings(a.key, b.key);
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sumOf(scope: readonly number[], amounts: readonly number[]): number {
  let sum = 0;
  for (const index of scope) sum += amounts[index] ?? 0;
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
