import type { AllocationPlan } from '@ftai/api';
import { describe, expect, it } from 'vitest';
import { articleUse, summariseAllocation } from './allocation-summary';

function plan(budget: number, apps: [number, number][], oversubscribed: boolean): AllocationPlan {
  return {
    callId: 'c',
    year: 2025,
    method: 'proportional',
    callBudget: { total: budget + 1000, perArticle: {} },
    committed: { total: 1000, perArticle: {} },
    budget: { total: budget, perArticle: { '1': 500 } },
    applications: apps.map(([approved, allocated], i) => ({
      applicationId: `a${i}`,
      creditCode: 'X',
      enterpriseName: `E${i}`,
      score: null,
      submittedAt: null,
      approved,
      allocated,
    })),
    result: {
      method: 'proportional',
      total: apps.reduce((s, [, a]) => s + a, 0),
      oversubscribed,
      byArticle: { '8': { budget: null, approved: 10, allocated: 5 }, '1': { budget: 500, approved: 900, allocated: 500 } },
      items: [],
    },
  };
}

describe('the allocation preview figures', () => {
  it('an oversubscribed call gives exactly the budget left', () => {
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
    expect(s).toEqual({ budget: 3000, approved: 6000, allocated: 3000, ceiling: 3000, isFull: true, isOversubscribed: true });
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
});
