import type { AllocationPlan, CommittedAllocation } from '@ftai/api';

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
  /** Applications waiting (all of them, not only the page shown). */
  readonly applications: number;
}

/** The figures the allocation preview shows above its table, from the server's summary of the whole plan. */
export function summariseAllocation(plan: AllocationPlan): AllocationSummary {
  const { approved, allocated } = plan.summary;
  const ceiling = Math.min(plan.budget.total, approved);
  return {
    budget: plan.budget.total,
    approved,
    allocated,
    ceiling,
    isFull: allocated === ceiling,
    isOversubscribed: plan.summary.oversubscribed,
    applications: plan.summary.applications,
  };
}

export interface ArticleUse {
  readonly article: number;
  /** The article's own budget left, or null when it has none (only the total binds). */
  readonly budget: number | null;
  /** What it can really receive: its budget left, never more than the total left, what the total leaves it once the total binds. */
  readonly available: number | null;
  readonly approved: number;
  readonly allocated: number;
}

/** Per-article use, in article order, only the articles with a budget or an item. */
export function articleUse(plan: AllocationPlan): ArticleUse[] {
  return Object.entries(plan.summary.byArticle)
    .map(([article, f]) => ({
      article: Number(article),
      budget: f.budget,
      // An allocation committed before the server said so: its budget, never more than the total left.
      available: f.available ?? (f.budget === null ? null : Math.min(f.budget, plan.budget.total)),
      approved: f.approved,
      allocated: f.allocated,
    }))
    .sort((a, b) => a.article - b.article);
}

/** The pages of a previewed plan: the list's path and its query (method and the plan's id). */
export function planPages(plan: AllocationPlan): { path: string; params: { method: string; plan: string } } {
  return {
    path: `/api/v1/calls/${encodeURIComponent(plan.callId)}/allocation/applications`,
    params: { method: plan.method, plan: plan.planId },
  };
}

/** The pages of a committed allocation, as the ledger holds it. */
export function committedPages(allocation: CommittedAllocation): { path: string; params: Record<string, string> } {
  return { path: `/api/v1/allocations/${encodeURIComponent(allocation.allocationId)}/applications`, params: {} };
}

/** The whole plan as a workbook: the previewed one, or the committed allocation as the ledger holds it. */
export function workbookUrl(plan: AllocationPlan | CommittedAllocation): string {
  if ('allocationId' in plan) return `/api/v1/allocations/${encodeURIComponent(plan.allocationId)}/export.xlsx`;
  const q = new URLSearchParams({ method: plan.method, plan: plan.planId });
  return `/api/v1/calls/${encodeURIComponent(plan.callId)}/allocation/export.xlsx?${q.toString()}`;
}
