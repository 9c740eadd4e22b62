import { describe, expect, it } from 'vitest';
import { calc, granted, hasResult, outcome, result, resultOf } from '../test-helpers.js';

describe('第三条(1) (3.1): first opening of a high-quality dataset', () => {
  it.each([
    { name: 'opened in the year', year: 2026, sets: [{ id: 'DS-1', date: '2026-05-20' }], status: 'granted', amount: 500000 },
    {
      name: 'two datasets, one in the year',
      year: 2026,
      sets: [
        { id: 'DS-0', date: '2025-12-01' },
        { id: 'DS-1', date: '2026-05-20' },
      ],
      status: 'granted',
      amount: 500000,
    },
    { name: 'opened the year before', year: 2026, sets: [{ id: 'DS-1', date: '2025-12-01' }], status: 'ineligible', amount: 0 },
    { name: 'opened 2025-10-29, before the policy', year: 2025, sets: [{ id: 'DS-1', date: '2025-10-29' }], status: 'excluded', amount: 0 },
    { name: 'opened 2025-10-30, the first day', year: 2025, sets: [{ id: 'DS-1', date: '2025-10-30' }], status: 'granted', amount: 500000 },
    { name: 'year 2029', year: 2029, sets: [{ id: 'DS-1', date: '2029-05-20' }], status: 'excluded', amount: 0 },
  ])('$name → $status $amount', ({ year, sets, status, amount }) => {
    const r = result({ year, facts: { openDatasets: sets } }, '3.1');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.review).toBe(true);
    expect(r.subject).toBeNull();
  });

  it('one result for the enterprise, however many datasets', () => {
    const a = calc({
      facts: {
        openDatasets: [
          { id: 'DS-1', date: '2026-05-20' },
          { id: 'DS-2', date: '2026-06-20' },
        ],
      },
    });
    expect(a.results.filter((r) => r.measure === '3.1')).toHaveLength(1);
    expect(a.total).toBe(500000);
  });

  it('one-time per enterprise: a grant for another dataset rules it out', () => {
    const r = result({ facts: { openDatasets: [{ id: 'DS-2', date: '2026-05-20' }] }, history: [granted('3.1', 2025)] }, '3.1');
    expect(outcome(r)).toEqual({ status: 'excluded', amount: 0 });
  });
});

describe('第三条(2) (3.2): data-asset registration fees', () => {
  it.each([
    { name: '30% of 60,000', fees: 60000, status: 'granted', amount: 18000 },
    { name: 'fen floored: 30% of 333,333.33 = 99,999.999', fees: 333333.33, status: 'granted', amount: 99999 },
    { name: 'cap exactly reached: 30% of 333,333.34 = 100,000.002', fees: 333333.34, status: 'granted', amount: 100000 },
    { name: 'one yuan over: 30% of 333,336.67 = 100,001.001', fees: 333336.67, status: 'granted', amount: 100000 },
    { name: '0.01 yuan', fees: 0.01, status: 'ineligible', amount: 0 },
    { name: '3.33 yuan: 30% = 0.999', fees: 3.33, status: 'ineligible', amount: 0 },
    { name: '3.34 yuan: 30% = 1.002', fees: '3.34', status: 'granted', amount: 1 },
  ])('$name → $status $amount', ({ fees, status, amount }) => {
    const r = result({ facts: { dataAssetRegistrationFees: fees } }, '3.2');
    expect(outcome(r)).toEqual({ status, amount });
    if (status === 'granted') expect(r.cap).toBe(100000);
  });

  it.each([
    { name: 'granted the year before', history: [granted('3.2', 2025)], status: 'granted' },
    { name: 'granted this year already', history: [granted('3.2', 2026)], status: 'excluded' },
  ])('per year: $name → $status', ({ history, status }) => {
    expect(result({ facts: { dataAssetRegistrationFees: 60000 }, history }, '3.2').status).toBe(status);
  });

  it.each([
    { year: 2024, status: 'excluded' },
    { year: 2025, status: 'granted' },
    { year: 2028, status: 'granted' },
    { year: 2029, status: 'excluded' },
  ])('in force: year $year → $status', ({ year, status }) => {
    expect(result({ year, facts: { dataAssetRegistrationFees: 60000 } }, '3.2').status).toBe(status);
  });

  it('says why a floor to 0 gives nothing', () => {
    const r = result({ facts: { dataAssetRegistrationFees: 0.01 } }, '3.2', null, { lang: 'en' });
    expect(r.reasons).toEqual(['registration fees 0.01 × 30% = 0 (floored to whole yuan)']);
  });
});

describe('第三条(3) (3.3): data-product trades', () => {
  it.each([
    { name: '5% of 3,000,000', sales: 3000000, status: 'granted', amount: 150000 },
    { name: 'cap exactly reached: 5% of 20,000,000', sales: 20000000, status: 'granted', amount: 1000000 },
    { name: 'one yuan over: 5% of 20,000,020', sales: 20000020, status: 'granted', amount: 1000000 },
    { name: 'fen floored: 5% of 1,234,567.89', sales: 1234567.89, status: 'granted', amount: 61728 },
    { name: '19.99 yuan: 5% = 0.9995', sales: 19.99, status: 'ineligible', amount: 0 },
    { name: 'nothing sold', sales: 0, status: 'ineligible', amount: 0 },
  ])('$name → $status $amount', ({ sales, status, amount }) => {
    expect(outcome(result({ facts: { dataProductSales: sales } }, '3.3'))).toEqual({ status, amount });
  });

  it('per year: granted this year already → excluded', () => {
    expect(result({ facts: { dataProductSales: 3000000 }, history: [granted('3.3', 2026)] }, '3.3').status).toBe('excluded');
  });
});

describe('第三条(4) (3.4): trusted data spaces', () => {
  it.each([
    { name: '20% of 4,000,000', space: { id: 'TDS-1', investment: 4000000 }, status: 'granted', amount: 800000, cap: 1000000 },
    {
      name: 'cap exactly reached: 20% of 5,000,000',
      space: { id: 'TDS-1', investment: 5000000 },
      status: 'granted',
      amount: 1000000,
      cap: 1000000,
    },
    {
      name: 'one yuan over: 20% of 5,000,005',
      space: { id: 'TDS-1', investment: 5000005 },
      status: 'granted',
      amount: 1000000,
      cap: 1000000,
    },
    {
      name: 'industrial: 30% of 4,000,000',
      space: { id: 'TDS-1', investment: 4000000, industrial: true },
      status: 'granted',
      amount: 1200000,
      cap: 2000000,
    },
    {
      name: 'industrial cap exactly: 30% of 6,666,666.67',
      space: { id: 'TDS-1', investment: 6666666.67, industrial: true },
      status: 'granted',
      amount: 2000000,
      cap: 2000000,
    },
    {
      name: 'industrial one yuan over: 30% of 6,666,670',
      space: { id: 'TDS-1', investment: 6666670, industrial: true },
      status: 'granted',
      amount: 2000000,
      cap: 2000000,
    },
    { name: 'no investment', space: { id: 'TDS-1', investment: 0 }, status: 'ineligible', amount: 0, cap: undefined },
  ])('$name → $status $amount', ({ space, status, amount, cap }) => {
    const r = result({ facts: { trustedDataSpaces: [space] } }, '3.4', 'TDS-1');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.cap).toBe(cap);
    expect(r.review).toBe(true);
  });

  it('one result per space; one-time per space against history', () => {
    const a = calc({
      facts: {
        trustedDataSpaces: [
          { id: 'TDS-1', investment: 4000000 },
          { id: 'TDS-2', investment: 1000000, industrial: true },
        ],
      },
      history: [granted('3.4', 2025, 'TDS-1')],
    });
    expect(outcome(resultOf(a, '3.4', 'TDS-1'))).toEqual({ status: 'excluded', amount: 0 });
    expect(outcome(resultOf(a, '3.4', 'TDS-2'))).toEqual({ status: 'granted', amount: 300000 });
    expect(a.total).toBe(300000);
  });

  it('no spaces: no result', () => {
    expect(hasResult(calc({ facts: { trustedDataSpaces: [] } }), '3.4')).toBe(false);
  });
});
