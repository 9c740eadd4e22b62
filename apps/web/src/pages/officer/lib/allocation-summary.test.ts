import type { AllocationPlan } from '@ftai/api';
import { describe, expect, it } from 'vitest';
import { articleUse, committedPages, planPages, summariseAllocation, workbookUrl } from './allocation-summary';

/** A plan whose summary covers `apps` (approved, allocated); only the first of them is on the page. */
function plan(budget: number, apps: [number, number][], oversubscribed: boolean): AllocationPlan {
  const approved = apps.reduce((s, [a]) => s + a, 0);
  const allocated = apps.reduce((s, [, a]) => s + a, 0);
  return {
    callId: 'c/1',
    year: 2025,
    method: 'proportional',
    planId: 'ab'.repeat(32),
    callBudget: { total: budget + 1000, perArticle: {} },
    committed: { total: 1000, perArticle: {} },
    budget: { total: budget, perArticle: { '1': 500 } },
    summary: {
      applications: apps.length,
      items: apps.length,
      awards: apps.filter(([, a]) => a > 0).length,
      approved,
      allocated,
      ratio: approved === 0 ? null : allocated / approved,
      oversubscribed,
      byArticle: {
        '8': { budget: null, approved: 10, allocated: 5, ratio: 0.5, available: null },
        // The total binds: article 1 can really receive what the total leaves it, not its 500.
        '1': { budget: 500, approved: 900, allocated: 400, ratio: 0.4444, available: 400 },
      },
      bindings: [],
    },
    applications: apps.slice(0, 1).map(([a, b], i) => ({
      applicationId: `a${i}`,
      creditCode: 'X',
      enterpriseName: `E${i}`,
      score: null,
      submittedAt: null,
      approved: a,
      allocated: b,
      percent: null,
      remainderYuan: 0,
      items: [],
    })),
    page: { limit: 1, next: apps.length > 1 ? 'cursor' : null, total: apps.length },
  };
}

describe('the allocation preview figures', () => {
  it('an oversubscribed call gives exactly the budget left, counted over every page', () => {
    const s = summariseAllocation(
      plan(
        3000,
        [
          [4000, 2000],
          [2000, 1000],
        ],
        true,
      ),
    );
    expect(s).toEqual({
      budget: 3000,
      approved: 6000,
      allocated: 3000,
      ceiling: 3000,
      isFull: true,
      isOversubscribed: true,
      applications: 2,
    });
  });

  it('a call with budget to spare gives what was approved', () => {
    const s = summariseAllocation(plan(10_000, [[4000, 4000]], false));
    expect(s.ceiling).toBe(4000);
    expect(s.isFull).toBe(true);
  });

  it('says so when the sum falls short of the ceiling', () => {
    expect(summariseAllocation(plan(3000, [[4000, 2500]], true)).isFull).toBe(false);
  });

  it('lists article use in article order', () => {
    expect(articleUse(plan(1, [], false)).map((a) => a.article)).toEqual([1, 8]);
  });

  it('shows what an article can really receive, as the server says (never its budget once the total binds)', () => {
    expect(articleUse(plan(1, [], false)).map((a) => [a.article, a.available])).toEqual([
      [1, 400],
      [8, null],
    ]);
  });

  it('pages and downloads the previewed plan by its id, the committed one by the allocation', () => {
    const p = plan(1, [[1, 1]], false);
    expect(planPages(p)).toEqual({
      path: '/api/v1/calls/c%2F1/allocation/applications',
      params: { method: 'proportional', plan: p.planId },
    });
    expect(workbookUrl(p)).toBe(`/api/v1/calls/c%2F1/allocation/export.xlsx?method=proportional&plan=${p.planId}`);
    const committed = { ...p, allocationId: 'x1', committedAt: '2027-03-15T02:00:00.000Z', awards: 1 };
    expect(workbookUrl(committed)).toBe('/api/v1/allocations/x1/export.xlsx');
    expect(committedPages(committed)).toEqual({ path: '/api/v1/allocations/x1/applications', params: {} });
  });
});
