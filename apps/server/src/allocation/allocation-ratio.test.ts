import { describe, expect, it } from 'vitest';
import { percentText, reduced } from './allocation-ratio.js';

describe('percentText: a ratio as the page shows it, 2 decimals, half up, exact', () => {
  it.each<[number | bigint, number | bigint, string | null]>([
    [9, 10, '90.00'],
    [2, 3, '66.67'],
    [1, 3, '33.33'],
    [1, 8, '12.50'],
    // 0.005% is half of the last place shown: up.
    [1, 20_000, '0.01'],
    [1, 20_001, '0.00'],
    [454_546, 500_000, '90.91'],
    [181_818, 400_000, '45.45'],
    [0, 7, '0.00'],
    [7, 0, null],
    // Products of two budgets pass 2^53: BigInt, no rounding on the way.
    [300_000n * 1_000_000_000_000n, 600_000n * 1_100_000_000_000n, '45.45'],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, '100.00'],
  ])('%s / %s → %s', (numerator, denominator, expected) => {
    expect(percentText(numerator, denominator)).toBe(expected);
  });
});

describe('reduced: a fraction in lowest terms', () => {
  it.each([
    [4_000_000, 5_000_000, 4, 5],
    [1_000_000, 1_100_000, 10, 11],
    [7, 13, 7, 13],
    [0, 5, 0, 1],
  ])('%s / %s → %s / %s', (n, d, numerator, denominator) => {
    expect(reduced(n, d)).toEqual({ numerator, denominator });
  });
});
