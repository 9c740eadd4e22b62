import { describe, expect, it } from 'vitest';
import { calc, granted, hasResult, outcome, result, resultOf } from '../test-helpers.js';

describe('第七条(1) (7.1): common-technology service platforms', () => {
  it.each([
    { name: '30% of 10,000,000', investment: 10000000, status: 'granted', amount: 3000000 },
    { name: 'cap exactly: 30% of 16,666,666.67 = 5,000,000.001', investment: 16666666.67, status: 'granted', amount: 5000000 },
    { name: 'one yuan over: 30% of 16,666,670', investment: 16666670, status: 'granted', amount: 5000000 },
    { name: 'fen floored: 30% of 333,333.33', investment: 333333.33, status: 'granted', amount: 99999 },
    { name: 'no investment', investment: 0, status: 'ineligible', amount: 0 },
  ])('$name → $status $amount', ({ investment, status, amount }) => {
    const r = result({ facts: { servicePlatforms: [{ id: 'SP-1', investment }] } }, '7.1', 'SP-1');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.review).toBe(true);
  });

  // Consecutive years per platform: 2.
  it.each([
    { name: 'second year of SP-1', year: 2027, history: [granted('7.1', 2026, 'SP-1')], sp1: 'granted', sp2: 'granted' },
    {
      name: 'third year of SP-1; SP-2 has its own window',
      year: 2028,
      history: [granted('7.1', 2026, 'SP-1'), granted('7.1', 2027, 'SP-1')],
      sp1: 'excluded',
      sp2: 'granted',
    },
    {
      name: 'SP-2 in its second year, SP-1 skipped a year',
      year: 2028,
      history: [granted('7.1', 2026, 'SP-1'), granted('7.1', 2027, 'SP-2')],
      sp1: 'excluded',
      sp2: 'granted',
    },
    {
      name: 'continuing: SP-1 first 2028, year 2029; SP-2 new',
      year: 2029,
      history: [granted('7.1', 2028, 'SP-1')],
      sp1: 'granted',
      sp2: 'excluded',
    },
    { name: 'no new platform after 2028', year: 2029, history: [], sp1: 'excluded', sp2: 'excluded' },
  ])('$name', ({ year, history, sp1, sp2 }) => {
    const a = calc({
      year,
      facts: {
        servicePlatforms: [
          { id: 'SP-1', investment: 1000000 },
          { id: 'SP-2', investment: 1000000 },
        ],
      },
      history,
    });
    expect(resultOf(a, '7.1', 'SP-1').status).toBe(sp1);
    expect(resultOf(a, '7.1', 'SP-2').status).toBe(sp2);
  });
});

describe('第七条(2) (7.2): newly rated innovation platforms', () => {
  const rec = (x: Record<string, unknown>) => ({ id: 'KL-1', type: 'key-lab', level: 'national', date: '2026-05-01', ...x });

  it.each([
    { name: 'national key lab', x: {}, status: 'granted', amount: 1000000 },
    { name: 'Beijing key lab', x: { level: 'municipal' }, status: 'granted', amount: 500000 },
    { name: 'national pilot base', x: { type: 'pilot-base' }, status: 'granted', amount: 1000000 },
    { name: 'Beijing future-industry base', x: { type: 'future-industry-base', level: 'municipal' }, status: 'granted', amount: 500000 },
    { name: 'a renewal', x: { renewal: true }, status: 'ineligible', amount: 0 },
    { name: 'rated the year before', x: { date: '2025-05-01' }, status: 'ineligible', amount: 0 },
  ])('$name → $status $amount', ({ x, status, amount }) => {
    expect(outcome(result({ facts: { recognitions: [rec(x)] } }, '7.2', 'KL-1'))).toEqual({ status, amount });
  });

  it('is a review maximum (最高100万元、50万元, no formula): review, said as 最高', () => {
    const r = result({ facts: { recognitions: [rec({})] } }, '7.2', 'KL-1');
    expect(r.citation).toBe('第七条第（2）项');
    expect(r.cap).toBe(1000000);
    expect(r.explanation).toContain('最高1,000,000元，以评审认定为准');
    expect(r.review).toBe(true);
  });

  it.each([
    { date: '2025-10-29', status: 'excluded' },
    { date: '2025-10-30', status: 'granted' },
  ])('in force: rated $date in 2025 → $status', ({ date, status }) => {
    expect(result({ year: 2025, facts: { recognitions: [rec({ date })] } }, '7.2', 'KL-1').status).toBe(status);
  });

  it('one-time per recognition', () => {
    const a = calc({
      facts: { recognitions: [rec({}), rec({ id: 'KL-2', level: 'municipal' })] },
      history: [granted('7.2', 2025, 'KL-1')],
    });
    expect(resultOf(a, '7.2', 'KL-1').status).toBe('excluded');
    expect(outcome(resultOf(a, '7.2', 'KL-2'))).toEqual({ status: 'granted', amount: 500000 });
  });

  it('5.3 recognitions are not platforms', () => {
    const a = calc({ facts: { recognitions: [{ id: 'HT', type: 'high-tech', date: '2026-05-01' }] } });
    expect(hasResult(a, '7.2')).toBe(false);
  });
});

describe('第八条(1) (8.1): excellent / benchmark incubators', () => {
  it.each([
    {
      name: 'Beijing benchmark, 30% of 3,000,000',
      inc: { rating: 'municipal-benchmark', investment: 3000000 },
      status: 'granted',
      amount: 900000,
    },
    { name: 'ministry excellent', inc: { rating: 'ministry-excellent', investment: 3000000 }, status: 'granted', amount: 900000 },
    {
      name: 'cap exactly: 30% of 16,666,666.67',
      inc: { rating: 'ministry-excellent', investment: 16666666.67 },
      status: 'granted',
      amount: 5000000,
    },
    {
      name: 'one yuan over: 30% of 16,666,670',
      inc: { rating: 'ministry-excellent', investment: 16666670 },
      status: 'granted',
      amount: 5000000,
    },
    { name: 'not rated', inc: { investment: 3000000 }, status: 'ineligible', amount: 0 },
    { name: 'rated, investment 0', inc: { rating: 'municipal-benchmark', investment: 0 }, status: 'ineligible', amount: 0 },
  ])('$name → $status $amount', ({ inc, status, amount }) => {
    const r = result({ facts: { incubator: inc } }, '8.1');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.review).toBe(true);
  });

  describe('a rating without the investment is incomplete, never read as 0', () => {
    it.each([
      { name: 'Beijing benchmark, no investment', inc: { rating: 'municipal-benchmark' } },
      { name: 'ministry excellent, no investment', inc: { rating: 'ministry-excellent' } },
      {
        name: 'rated, counts given, no investment',
        inc: { rating: 'ministry-excellent', incubatedAIEnterprises: 3, investedAIEnterprises: 1 },
      },
    ])('$name → incomplete', ({ inc }) => {
      const a = calc({ facts: { incubator: inc } });
      const r = resultOf(a, '8.1');
      expect(outcome(r)).toEqual({ status: 'incomplete', amount: 0 });
      expect(r.missing).toEqual(['facts.incubator.investment']);
      expect(r.reasons).toEqual(['缺少“孵化器建设投入”，无法测算']);
      expect(a.total).toBe(a.results.filter((x) => x.measure !== '8.1' && x.status === 'granted').reduce((t, x) => t + x.amount, 0));
    });

    it('says so in English', () => {
      expect(result({ facts: { incubator: { rating: 'municipal-benchmark' } } }, '8.1', null, { lang: 'en' }).reasons).toEqual([
        'missing incubator construction investment: cannot be calculated',
      ]);
    });

    it.each([
      { name: 'not rated: the investment does not matter', inc: { investment: 3000000 }, status: 'ineligible' },
      { name: 'neither rating nor investment: no result', inc: { incubatedAIEnterprises: 3 }, status: undefined },
    ])('$name', ({ inc, status }) => {
      const a = calc({ facts: { incubator: inc } });
      if (status === undefined) expect(hasResult(a, '8.1')).toBe(false);
      else expect(resultOf(a, '8.1').status).toBe(status);
    });

    it('a window that is over rules it out before the figure is needed', () => {
      const r = result(
        { year: 2028, facts: { incubator: { rating: 'municipal-benchmark' } }, history: [granted('8.1', 2026), granted('8.1', 2027)] },
        '8.1',
      );
      expect(outcome(r)).toEqual({ status: 'excluded', amount: 0 });
      expect(r.missing).toBeUndefined();
      expect(r.reasons).toEqual(['超出连续支持年限（首次支持2026年度，最多2年）']);
    });
  });

  it.each([
    { name: 'second year', year: 2027, history: [granted('8.1', 2026)], status: 'granted' },
    { name: 'third year', year: 2028, history: [granted('8.1', 2026), granted('8.1', 2027)], status: 'excluded' },
    { name: 'continuing after 2028', year: 2029, history: [granted('8.1', 2028)], status: 'granted' },
    { name: 'continuing window over', year: 2030, history: [granted('8.1', 2028)], status: 'excluded' },
  ])('consecutive years, 2: $name → $status', ({ year, history, status }) => {
    const r = result({ year, facts: { incubator: { rating: 'municipal-benchmark', investment: 3000000 } }, history }, '8.1');
    expect(r.status).toBe(status);
  });
});

describe('第八条(2)(3) (8.2, 8.3): 50,000 per AI enterprise incubated / invested, 500,000 a year', () => {
  it.each([
    { count: 0, status: 'ineligible', amount: 0 },
    { count: 1, status: 'granted', amount: 50000 },
    { count: 4, status: 'granted', amount: 200000 },
    { count: 9, status: 'granted', amount: 450000 },
    { count: 10, status: 'granted', amount: 500000 },
    { count: 11, status: 'granted', amount: 500000 },
    { count: 1000, status: 'granted', amount: 500000 },
  ])('$count → $status $amount', ({ count, status, amount }) => {
    const a = calc({ facts: { incubator: { incubatedAIEnterprises: count, investedAIEnterprises: count } } });
    for (const m of ['8.2', '8.3']) {
      const r = resultOf(a, m);
      expect(outcome(r), m).toEqual({ status, amount });
      if (status === 'granted') expect(r.cap).toBe(500000);
    }
  });

  it('explains the per-unit arithmetic and the cap', () => {
    const r = result({ facts: { incubator: { incubatedAIEnterprises: 11 } } }, '8.2', null, { lang: 'en' });
    expect(r.explanation).toContain('AI enterprises incubated 11 × 50,000 = 550,000');
    expect(r.explanation).toContain('capped at 500,000');
    const zh = result({ facts: { incubator: { incubatedAIEnterprises: 11 } } }, '8.2');
    expect(zh.explanation).toContain('培育符合条件的人工智能企业11家×50,000元＝550,000元');
    expect(zh.explanation).toContain('超过最高支持额度，按最高500,000元支持');
  });

  it('need no rating, and are per year', () => {
    const facts = { incubator: { incubatedAIEnterprises: 3, investedAIEnterprises: 3 } };
    const a = calc({ facts, history: [granted('8.2', 2026), granted('8.3', 2025)] });
    expect(resultOf(a, '8.2').status).toBe('excluded');
    expect(outcome(resultOf(a, '8.3'))).toEqual({ status: 'granted', amount: 150000 });
  });
});

describe('第八条(4) (8.4): AI industrial parks', () => {
  it.each([
    { name: '30% of 20,000,000', investment: 20000000, status: 'granted', amount: 6000000 },
    { name: 'cap exactly: 30% of 33,333,333.34', investment: 33333333.34, status: 'granted', amount: 10000000 },
    { name: 'one yuan over: 30% of 33,333,336.67', investment: 33333336.67, status: 'granted', amount: 10000000 },
    { name: 'no investment', investment: 0, status: 'ineligible', amount: 0 },
  ])('$name → $status $amount', ({ investment, status, amount }) => {
    expect(outcome(result({ facts: { industrialParks: [{ id: 'PK-1', investment }] } }, '8.4', 'PK-1'))).toEqual({ status, amount });
  });

  it.each([
    { name: 'second year of PK-1', year: 2027, history: [granted('8.4', 2026, 'PK-1')], pk1: 'granted', pk2: 'granted' },
    {
      name: 'third year of PK-1',
      year: 2028,
      history: [granted('8.4', 2026, 'PK-1'), granted('8.4', 2027, 'PK-1')],
      pk1: 'excluded',
      pk2: 'granted',
    },
    {
      name: 'continuing: both first 2028, year 2029',
      year: 2029,
      history: [granted('8.4', 2028, 'PK-1'), granted('8.4', 2028, 'PK-2')],
      pk1: 'granted',
      pk2: 'granted',
    },
    { name: 'continuing for PK-1 only', year: 2029, history: [granted('8.4', 2028, 'PK-1')], pk1: 'granted', pk2: 'excluded' },
  ])('consecutive years per park: $name', ({ year, history, pk1, pk2 }) => {
    const a = calc({
      year,
      facts: {
        industrialParks: [
          { id: 'PK-1', investment: 1000000 },
          { id: 'PK-2', investment: 1000000 },
        ],
      },
      history,
    });
    expect(resultOf(a, '8.4', 'PK-1').status).toBe(pk1);
    expect(resultOf(a, '8.4', 'PK-2').status).toBe(pk2);
  });
});
