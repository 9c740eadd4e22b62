import type { AllocationPlan } from '@ftai/api';

export interface AllocationSummary {
  /** What the call has left for this allocation. */
  readonly budget: number;
  /** What the officers approved for the applications waiting. */
  readonly approved: number;
  /** What the allocation gives them. */
  readonly allocated: number;
  /** The most it can give: the budget left or the approved sum, whichever is smaller. */
  readonly ceiling: number;
  /** True when the allocation uses the whole ceiling (always, unless an article budget binds harder). */
  readonly isFull: boolean;
  readonly isOversubscribed: boolean;
}

/** The figures the allocation preview shows above its table, from the server's plan. */
export function summariseAllocation(plan: AllocationPlan): AllocationSummary {
  const approved = plan.applications.reduce((s, a) => s + a.approved, 0);
  const allocated = plan.applications.reduce((s, a) => s + a.allocated, 0);
  const ceiling = Math.min(plan.budget.total, approved);
  return {
    budget: plan.budget.total,
    approved,
    allocated,
    ceiling,
    isFull: allocated === ceiling,
    isOversubscribed: plan.result.oversubscribed,
  };
}

export interface ArticleUse {
  readonly article: number;
  /** The article's own budget left, or null when it has none (only the total binds). */
  readonly budget: number | null;
  readonly approved: number;
  readonly allocated: number;
}

/** Per-article use, in article order, only the articles with a budget or an item. */
export function articleUse(plan: AllocationPlan): ArticleUse[] {
  return Object.entries(plan.result.byArticle)
    .map(([article, f]) => ({ article: Number(article), budget: f.budget, approved: f.approved, allocated: f.allocated }))
    .sort((a, b) => a.article - b.article);
}
