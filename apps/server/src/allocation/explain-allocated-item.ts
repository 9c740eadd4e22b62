import type { AllocationMethod, BudgetScope } from './allocate-budget.js';

/**
 * The last item of a step to receive a largest-remainder yuan, by what ranks it: its remainder
 * (numerator over the step's `scaled`), its weight, its order (submission time|application id) and
 * its key (application id|measure|subject). Stored with a committed allocation.
 */
export interface StepCutoff {
  readonly remainder: number;
  readonly weight: number;
  readonly order: string;
  readonly key: string;
}

/** A step as a committed allocation keeps it: which budget bound, its figures and its cutoff. */
export interface StoredStep {
  readonly scope: BudgetScope;
  readonly article: number | null;
  readonly budget: number;
  readonly scaled: number;
  readonly cutoff: StepCutoff | null;
}

/** One committed item, with what ranks it. */
export interface CommittedItem {
  readonly article: number;
  readonly approved: number;
  readonly order: string;
  readonly key: string;
}

/**
 * Which budgets scaled one item of a committed allocation and the yuan it got by largest
 * remainder, from the steps alone: the same rule as allocateInKeyOrder, applied to this item
 * (article step, then total), each yuan decided by the step's cutoff. O(steps) per item, exact.
 *
 * @example
 * // article 3 scaled 100 yuan to 80, the total then 80 to 72: an item approved 100 gets 72 by the floors.
 * explainAllocatedItem({ article: 3, approved: 100, order: 'o', key: 'k' }, steps, 'proportional');
 * // { afterArticle: 80, remainderYuan: 0, scaledBy: ['article', 'total'] }
 */
export function explainAllocatedItem(
  item: CommittedItem,
  steps: readonly StoredStep[],
  method: AllocationMethod,
): { afterArticle: number; remainderYuan: number; scaledBy: BudgetScope[] } {
  const scaledBy: BudgetScope[] = [];
  let amount = item.approved;
  let remainderYuan = 0;
  const apply = (step: StoredStep) => {
    if (amount === 0) return;
    scaledBy.push(step.scope);
    if (method !== 'proportional') return;
    const product = BigInt(step.budget) * BigInt(amount);
    const scaled = BigInt(step.scaled);
    const floor = Number(product / scaled);
    const remainder = Number(product % scaled);
    const gets = remainder > 0 && step.cutoff !== null && ranksAtOrBefore(remainder, amount, item, step.cutoff);
    amount = floor + (gets ? 1 : 0);
    if (gets) remainderYuan++;
  };
  const articleStep = steps.find((s) => s.scope === 'article' && s.article === item.article);
  if (articleStep) apply(articleStep);
  const afterArticle = amount;
  const totalStep = steps.find((s) => s.scope === 'total');
  if (totalStep) apply(totalStep);
  return { afterArticle, remainderYuan, scaledBy };
}

/** The largest-remainder rank (larger remainder, larger weight, earlier order, smaller key): at or before the cutoff. */
function ranksAtOrBefore(remainder: number, weight: number, item: CommittedItem, cutoff: StepCutoff): boolean {
  if (remainder !== cutoff.remainder) return remainder > cutoff.remainder;
  if (weight !== cutoff.weight) return weight > cutoff.weight;
  if (item.order !== cutoff.order) return item.order < cutoff.order;
  return item.key <= cutoff.key;
}
