import { describe, expect, it } from 'vitest';
import { bucketLabels, overBudget, signedYuan } from './simulation-charts';

describe('the figures of a simulation', () => {
  it('signs a difference with a true minus', () => {
    expect([signedYuan(150_000), signedYuan(-1_234_567), signedYuan(0)]).toEqual(['+150,000', '−1,234,567', '0']);
  });

  it('says how far a total goes over its budget', () => {
    expect([overBudget(1_200_000, 1_000_000), overBudget(900_000, 1_000_000), overBudget(900_000, null)]).toEqual([200_000, 0, 0]);
  });

  it('names the buckets of award size as the policy writes amounts', () => {
    expect(bucketLabels([1, 100_000, 1_000_000], 'zh')).toEqual(['1元至10万元', '10万元至100万元', '100万元以上']);
    expect(bucketLabels([1, 100_000], 'en')).toEqual(['1–100,000', '100,000 or more']);
  });
});
