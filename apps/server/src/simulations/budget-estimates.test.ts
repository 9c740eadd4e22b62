import type { SimulationResult } from '@ftai/api';
import { describe, expect, it } from 'vitest';
import { estimateFigures, grown, growthHundredths } from './budget-estimates.js';

describe('年度预算测算: 本年度测算金额×（1＋增长率），向下取整到元', () => {
  it.each([
    ['8%', 800n],
    ['-5%', -500n],
    ['12.5%', 1250n],
    ['0.01%', 1n],
    ['-100%', -10_000n],
    ['999.99%', 99_999n],
  ])('reads %s as %s hundredths of a percent, exactly', (rate, hundredths) => {
    expect(growthHundredths(rate)).toBe(hundredths);
  });

  it.each([
    // 1,465,068 × 1.08 = 1,582,273.44
    [1_465_068, '8%', 1_582_273],
    // 333,333 × 1.125 = 374,999.625
    [333_333, '12.5%', 374_999],
    // 200,000 × 0.95 = 190,000
    [200_000, '-5%', 190_000],
    // 999 × 1.0001 = 999.0999
    [999, '0.01%', 999],
    // 7 × 0.3333 = 2.3331
    [7, '-66.67%', 2],
    [1_000_000, '-100%', 0],
    [0, '50%', 0],
    // 9,999,999,999,999 × 10.9999: past 2^53 before the division, exact in integers.
    [9_999_999_999_999, '999.99%', 109_998_999_999_989],
  ])('grows %d by %s to %d, floored to whole yuan', (base, rate, expected) => {
    expect(grown(base, rate)).toBe(expected);
  });

  it('sums articles and the total from the floored lines, never flooring a sum again', () => {
    const side = (amount: number) => ({ amount, enterprises: 1 });
    const measure = (id: string, article: number, a: number, b: number) => ({
      measure: id,
      article,
      citation: `第${article}条`,
      a: side(a),
      b: side(b),
      difference: b - a,
    });
    const result = {
      measures: [measure('4.1', 4, 0, 101), measure('4.3', 4, 0, 101), measure('1', 1, 50, 3)],
    } as unknown as SimulationResult;
    // 101 × 1.005 = 101.505 → 101, twice: the article is 202 (not floor(203.01) = 203).
    const figures = estimateFigures(result, 'b', '0.5%', { '1': '50%' });
    expect(figures.lines).toEqual([
      { measure: '4.1', article: 4, citation: '第4条', base: 101, growth: '0.5%', expected: 101 },
      { measure: '4.3', article: 4, citation: '第4条', base: 101, growth: '0.5%', expected: 101 },
      { measure: '1', article: 1, citation: '第1条', base: 3, growth: '50%', expected: 4 },
    ]);
    expect(figures.articles).toEqual([
      { article: 1, base: 3, expected: 4 },
      { article: 4, base: 202, expected: 202 },
    ]);
    expect(figures.total).toEqual({ base: 205, expected: 206 });
    expect(estimateFigures(result, 'a', '0%', {}).total).toEqual({ base: 50, expected: 50 });
  });
});
