import { describe, expect, it } from 'vitest';
import { calc, granted, hasResult, outcome, type RequestParts, result, resultOf, textOf } from '../test-helpers.js';

const INDUSTRIAL = { industrialAI: true };

describe('第五条(1) (5.1): revenue first reaching a tier, or first above designated size', () => {
  it.each([
    { name: '100,000,000 first reached', facts: { revenue: 100000000, priorMaxRevenue: 99999999.99 }, status: 'granted', amount: 300000 },
    {
      name: 'prior maximum already at 100,000,000',
      facts: { revenue: 100000000, priorMaxRevenue: 100000000 },
      status: 'ineligible',
      amount: 0,
    },
    { name: 'prior maximum above it', facts: { revenue: 120000000, priorMaxRevenue: 150000000 }, status: 'ineligible', amount: 0 },
    {
      name: '99,999,999.99 from nothing: 50,000,000 tier',
      facts: { revenue: 99999999.99, priorMaxRevenue: 0 },
      status: 'granted',
      amount: 200000,
    },
    { name: '50,000,000 exactly', facts: { revenue: 50000000, priorMaxRevenue: 0 }, status: 'granted', amount: 200000 },
    { name: '49,999,999.99: below every tier', facts: { revenue: 49999999.99, priorMaxRevenue: 0 }, status: 'ineligible', amount: 0 },
    { name: '500,000,000 first reached', facts: { revenue: 500000000, priorMaxRevenue: 499999999.99 }, status: 'granted', amount: 500000 },
    {
      name: '1,000,000,000 first reached',
      facts: { revenue: 1000000000, priorMaxRevenue: 999999999.99 },
      status: 'granted',
      amount: 1000000,
    },
    // Several tiers newly reached in one year pay the highest only (assumed).
    {
      name: 'from 0 to 1,000,000,000: highest only',
      facts: { revenue: 1000000000, priorMaxRevenue: 0 },
      status: 'granted',
      amount: 1000000,
    },
    {
      name: '600,000,000 over a prior 100,000,000: only 500,000,000 is new',
      facts: { revenue: 600000000, priorMaxRevenue: 100000000 },
      status: 'granted',
      amount: 500000,
    },
    { name: '首次达规 alone', facts: { firstAboveDesignatedSize: true }, status: 'granted', amount: 100000 },
    {
      name: '首次达规 with a small revenue',
      facts: { firstAboveDesignatedSize: true, revenue: 20000000 },
      status: 'granted',
      amount: 100000,
    },
    {
      name: '首次达规 and 50,000,000 in one year: highest only',
      facts: { firstAboveDesignatedSize: true, revenue: 60000000 },
      status: 'granted',
      amount: 200000,
    },
    {
      name: '首次达规 false, small revenue',
      facts: { firstAboveDesignatedSize: false, revenue: 20000000 },
      status: 'ineligible',
      amount: 0,
    },
    // priorMaxRevenue left out is previousRevenue, and 0 when that is left out too.
    {
      name: 'prior maximum left out: the year before',
      facts: { revenue: 100000000, previousRevenue: 100000000 },
      status: 'ineligible',
      amount: 0,
    },
    {
      name: 'prior maximum left out: the year before, lower',
      facts: { revenue: 100000000, previousRevenue: 60000000 },
      status: 'granted',
      amount: 300000,
    },
    { name: 'prior maximum and the year before left out: 0', facts: { revenue: 100000000 }, status: 'granted', amount: 300000 },
    {
      name: 'the prior maximum wins over the year before',
      facts: { revenue: 100000000, previousRevenue: 60000000, priorMaxRevenue: 110000000 },
      status: 'ineligible',
      amount: 0,
    },
  ])('$name → $status $amount', ({ facts, status, amount }) => {
    const r = result({ facts }, '5.1');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.cap).toBeUndefined();
  });

  it.each([
    { name: '100,000,000 first reached', facts: { revenue: 100000000, priorMaxRevenue: 60000000 }, amount: 400000 },
    { name: '1,000,000,000 first reached', facts: { revenue: 1000000000, priorMaxRevenue: 0 }, amount: 1100000 },
    { name: '首次达规', facts: { firstAboveDesignatedSize: true }, amount: 200000 },
  ])('industrial AI enterprise +100,000: $name → $amount', ({ facts, amount }) => {
    expect(outcome(result({ enterprise: INDUSTRIAL, facts }, '5.1'))).toEqual({ status: 'granted', amount });
  });

  it('explains several tiers reached, the highest-only assumption, and the industrial bonus', () => {
    const parts: RequestParts = { enterprise: INDUSTRIAL, facts: { revenue: 1234567890.12, priorMaxRevenue: 0 } };
    const en = textOf(result(parts, '5.1', null, { lang: 'en' }));
    expect(en).toContain('revenue 1,234,567,890.12: tier "first reaching 1,000,000,000" reached: 1,000,000');
    expect(en).toContain('several tiers newly reached (first reaching 1,000,000,000, first reaching 500,000,000');
    expect(en).toContain('assumed: several tiers newly reached in one year pay the highest only');
    expect(en).toContain('industrial AI enterprise: +100,000, giving 1,100,000');
    const zh = textOf(result(parts, '5.1', null, { lang: 'zh' }));
    expect(zh).toContain('主营业务收入 1,234,567,890.12 元,达到档位「首次达到10亿元」:1,000,000 元');
    expect(zh).toContain('假设:同一年新达到多档的,只按最高一档支持');
  });

  it('says no tier is reached for the first time', () => {
    const r = result({ facts: { revenue: 100000000, priorMaxRevenue: 100000000 } }, '5.1', null, { lang: 'en' });
    expect(r.reasons).toEqual(['revenue 100,000,000 with a prior maximum of 100,000,000: no tier reached for the first time']);
  });

  it('granted this year already → excluded', () => {
    expect(result({ facts: { revenue: 100000000 }, history: [granted('5.1', 2026)] }, '5.1').status).toBe('excluded');
  });

  it('a later tier in a later year is still paid', () => {
    const r = result({ facts: { revenue: 100000000, priorMaxRevenue: 60000000 }, history: [granted('5.1', 2025)] }, '5.1');
    expect(outcome(r)).toEqual({ status: 'granted', amount: 300000 });
  });

  it('neither revenue nor 首次达规: no result', () => {
    expect(hasResult(calc({ facts: { firstAboveDesignatedSize: false } }), '5.1')).toBe(false);
  });
});

describe('第五条(2) (5.2): revenue growth above the industry average', () => {
  it.each([
    {
      name: 'growth 60,000,000 at 100% vs 15%',
      facts: { revenue: 120000000, previousRevenue: 60000000, industryAverageGrowthRate: 0.15 },
      amount: 500000,
    },
    // growth 50,000,000 over 100,000,000 is 50%.
    {
      name: 'rate equal to the average',
      facts: { revenue: 150000000, previousRevenue: 100000000, industryAverageGrowthRate: 0.5 },
      amount: 0,
    },
    {
      name: 'rate equal to the average, as a string',
      facts: { revenue: 150000000, previousRevenue: 100000000, industryAverageGrowthRate: '0.5' },
      amount: 0,
    },
    {
      name: 'rate strictly above the average by a millionth',
      facts: { revenue: 150000000, previousRevenue: 100000000, industryAverageGrowthRate: 0.499999 },
      amount: 500000,
    },
    // growth 50,000,000.01 over 100,000,000 is just above 50%.
    {
      name: 'rate strictly above by one fen',
      facts: { revenue: 150000000.01, previousRevenue: 100000000, industryAverageGrowthRate: 0.5 },
      amount: 500000,
    },
    {
      name: 'rate below the average',
      facts: { revenue: 150000000, previousRevenue: 100000000, industryAverageGrowthRate: 0.6 },
      amount: 0,
    },
    {
      name: 'average negative',
      facts: { revenue: 150000000, previousRevenue: 100000000, industryAverageGrowthRate: -0.2 },
      amount: 500000,
    },
    {
      name: 'previous revenue 0: above any average',
      facts: { revenue: 50000000, previousRevenue: 0, industryAverageGrowthRate: 10 },
      amount: 500000,
    },
    { name: 'previous revenue 0, no average given', facts: { revenue: 50000000, previousRevenue: 0 }, amount: 500000 },
    { name: 'no average given', facts: { revenue: 150000000, previousRevenue: 100000000 }, amount: 0 },
    { name: 'revenue fell', facts: { revenue: 50000000, previousRevenue: 100000000, industryAverageGrowthRate: 0 }, amount: 0 },
  ])('$name → $amount', ({ facts, amount }) => {
    const r = result({ facts }, '5.2');
    expect(outcome(r)).toEqual({ status: amount > 0 ? 'granted' : 'ineligible', amount });
  });

  it.each([
    { growth: '49999999.99', amount: 0 },
    { growth: '50000000', amount: 500000 },
    { growth: '99999999.99', amount: 500000 },
    { growth: '100000000', amount: 1000000 },
    { growth: '299999999.99', amount: 1000000 },
    { growth: '300000000', amount: 1500000 },
    { growth: '499999999.99', amount: 1500000 },
    { growth: '500000000', amount: 2000000 },
    { growth: '5000000000', amount: 2000000 },
  ])('tier edges: growth $growth → $amount, industrial +100,000', ({ growth, amount }) => {
    const facts = { revenue: growth, previousRevenue: 0 };
    expect(result({ facts }, '5.2').amount).toBe(amount);
    expect(result({ enterprise: INDUSTRIAL, facts }, '5.2').amount).toBe(amount === 0 ? 0 : amount + 100000);
  });

  it('says why an equal rate is not enough', () => {
    const facts = { revenue: 150000000, previousRevenue: 100000000, industryAverageGrowthRate: 0.5 };
    expect(result({ facts }, '5.2', null, { lang: 'en' }).reasons).toEqual(['growth rate is not above the industry average 50%']);
    expect(result({ facts }, '5.2', null, { lang: 'zh' }).reasons).toEqual(['增幅未高于行业平均 50%']);
  });

  it('says the lowest tier when growth is below it', () => {
    const r = result({ facts: { revenue: 130000000, previousRevenue: 100000000, industryAverageGrowthRate: 0.1 } }, '5.2', null, {
      lang: 'en',
    });
    expect(r.reasons).toEqual(['revenue growth 30,000,000 is below the lowest tier 50,000,000']);
  });

  it('per year: granted this year already → excluded; last year → granted', () => {
    const facts = { revenue: 120000000, previousRevenue: 60000000, industryAverageGrowthRate: 0.15 };
    expect(result({ facts, history: [granted('5.2', 2026)] }, '5.2').status).toBe('excluded');
    expect(result({ facts, history: [granted('5.2', 2025)] }, '5.2').status).toBe('granted');
  });
});

describe('第五条(3) (5.3a, 5.3b): first recognitions', () => {
  const rec = (id: string, type: string, date: string, renewal?: boolean) => ({
    id,
    type,
    date,
    ...(renewal === undefined ? {} : { renewal }),
  });

  it.each([
    { name: 'little giant', recs: [rec('LG', 'little-giant', '2026-07-01')], a: ['granted', 500000], b: null },
    { name: 'little giant renewal', recs: [rec('LG', 'little-giant', '2026-07-01', true)], a: ['ineligible', 0], b: null },
    { name: 'high-tech', recs: [rec('HT', 'high-tech', '2026-11-10')], a: null, b: ['granted', 300000] },
    { name: 'Beijing SRDI SME', recs: [rec('SR', 'beijing-srdi-sme', '2026-11-10')], a: null, b: ['granted', 300000] },
    {
      name: 'high-tech and SRDI together: once',
      recs: [rec('HT', 'high-tech', '2026-03-01'), rec('SR', 'beijing-srdi-sme', '2026-11-10')],
      a: null,
      b: ['granted', 300000],
    },
    { name: 'high-tech renewal', recs: [rec('HT', 'high-tech', '2026-03-01', true)], a: null, b: ['ineligible', 0] },
    {
      name: 'high-tech renewal and a first SRDI',
      recs: [rec('HT', 'high-tech', '2026-03-01', true), rec('SR', 'beijing-srdi-sme', '2026-11-10')],
      a: null,
      b: ['granted', 300000],
    },
    {
      name: 'little giant and high-tech in one year: both',
      recs: [rec('LG', 'little-giant', '2026-07-01'), rec('HT', 'high-tech', '2026-11-01')],
      a: ['granted', 500000],
      b: ['granted', 300000],
    },
    { name: 'recognised the year before', recs: [rec('HT', 'high-tech', '2025-11-10')], a: null, b: ['ineligible', 0] },
  ])('$name', ({ recs, a, b }) => {
    const answer = calc({ facts: { recognitions: recs } });
    for (const [measure, want] of [
      ['5.3a', a],
      ['5.3b', b],
    ] as const) {
      if (want === null) expect(hasResult(answer, measure)).toBe(false);
      else expect(outcome(resultOf(answer, measure))).toEqual({ status: want[0], amount: want[1] });
    }
    expect(answer.results.filter((r) => r.measure === '5.3b').length).toBeLessThanOrEqual(1);
  });

  it.each([
    {
      name: '5.3b granted for high-tech, now SRDI',
      measure: '5.3b',
      recs: [rec('SR', 'beijing-srdi-sme', '2026-11-10')],
      history: ['5.3b'],
    },
    { name: '5.3a granted before', measure: '5.3a', recs: [rec('LG', 'little-giant', '2026-07-01')], history: ['5.3a'] },
  ])('one-time per enterprise: $name → excluded', ({ measure, recs, history }) => {
    const r = result({ facts: { recognitions: recs }, history: history.map((m) => granted(m, 2025)) }, measure);
    expect(outcome(r)).toEqual({ status: 'excluded', amount: 0 });
  });

  it('5.3a and 5.3b do not rule each other out', () => {
    const r = result({ facts: { recognitions: [rec('HT', 'high-tech', '2026-11-10')] }, history: [granted('5.3a', 2025)] }, '5.3b');
    expect(r.status).toBe('granted');
  });

  it.each([
    { date: '2025-10-29', status: 'excluded', amount: 0 },
    { date: '2025-10-30', status: 'granted', amount: 500000 },
    { date: '2025-12-31', status: 'granted', amount: 500000 },
  ])('in force: recognised $date, year 2025 → $status', ({ date, status, amount }) => {
    const r = result({ year: 2025, facts: { recognitions: [rec('LG', 'little-giant', date)] } }, '5.3a');
    expect(outcome(r)).toEqual({ status, amount });
  });

  it('says a renewal is not a first recognition', () => {
    const r = result({ facts: { recognitions: [rec('LG', 'little-giant', '2026-07-01', true)] } }, '5.3a', null, { lang: 'en' });
    expect(r.reasons).toEqual(['a renewal is not a first recognition']);
  });
});

describe('第五条(4) (5.4): rent-free space for start-ups', () => {
  it('a start-up → in-kind, amount 0, review', () => {
    const a = calc({ enterprise: { startup: true } });
    const r = resultOf(a, '5.4');
    expect(outcome(r)).toEqual({ status: 'in-kind', amount: 0 });
    expect(r.review).toBe(true);
    expect(r.reasons?.length).toBeGreaterThan(0);
    expect(a.total).toBe(0);
  });

  it('not a start-up: no result', () => {
    expect(hasResult(calc({ enterprise: { startup: false } }), '5.4')).toBe(false);
  });
});
