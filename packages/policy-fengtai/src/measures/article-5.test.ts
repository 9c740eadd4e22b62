import { describe, expect, it } from 'vitest';
import { calc, granted, hasResult, outcome, type RequestParts, result, resultOf, textOf } from '../test-helpers.js';

const INDUSTRIAL = { industrialAI: true };

describe('第五条第（1）项 (5.1): revenue first reaching a tier, or first above designated size; each tier once', () => {
  it.each([
    {
      name: '100,000,000 first reached',
      facts: { revenue: 100000000, priorMaxRevenue: 99999999.99 },
      status: 'granted',
      subject: 'revenue-100m',
      amount: 300000,
    },
    {
      name: 'prior maximum already at 100,000,000',
      facts: { revenue: 100000000, priorMaxRevenue: 100000000 },
      status: 'ineligible',
      subject: null,
      amount: 0,
    },
    {
      name: 'prior maximum above it',
      facts: { revenue: 120000000, priorMaxRevenue: 150000000 },
      status: 'ineligible',
      subject: null,
      amount: 0,
    },
    {
      name: '99,999,999.99 from nothing: 50,000,000 tier',
      facts: { revenue: 99999999.99, priorMaxRevenue: 0 },
      status: 'granted',
      subject: 'revenue-50m',
      amount: 200000,
    },
    {
      name: '50,000,000 exactly',
      facts: { revenue: 50000000, priorMaxRevenue: 0 },
      status: 'granted',
      subject: 'revenue-50m',
      amount: 200000,
    },
    {
      name: '49,999,999.99: below every tier',
      facts: { revenue: 49999999.99, priorMaxRevenue: 0 },
      status: 'ineligible',
      subject: null,
      amount: 0,
    },
    {
      name: '500,000,000 first reached',
      facts: { revenue: 500000000, priorMaxRevenue: 499999999.99 },
      status: 'granted',
      subject: 'revenue-500m',
      amount: 500000,
    },
    {
      name: '1,000,000,000 first reached',
      facts: { revenue: 1000000000, priorMaxRevenue: 999999999.99 },
      status: 'granted',
      subject: 'revenue-1b',
      amount: 1000000,
    },
    // Several tiers newly reached in one year pay the highest only (assumed: 5.1.highest-only); the subject is that tier.
    {
      name: 'from 0 to 1,000,000,000: four tiers, the highest only',
      facts: { revenue: 1000000000, priorMaxRevenue: 0 },
      status: 'granted',
      subject: 'revenue-1b',
      amount: 1000000,
    },
    {
      name: '600,000,000 over a prior 100,000,000: only 500,000,000 is new',
      facts: { revenue: 600000000, priorMaxRevenue: 100000000 },
      status: 'granted',
      subject: 'revenue-500m',
      amount: 500000,
    },
    {
      name: '首次达规 alone, no revenue given',
      facts: { firstAboveDesignatedSize: true },
      status: 'granted',
      subject: 'above-designated-size',
      amount: 100000,
    },
    {
      name: '首次达规 with a revenue below every tier, no figure before',
      facts: { firstAboveDesignatedSize: true, revenue: 20000000 },
      status: 'granted',
      subject: 'above-designated-size',
      amount: 100000,
    },
    {
      name: '首次达规 and 50,000,000 in one year: highest only',
      facts: { firstAboveDesignatedSize: true, revenue: 60000000, previousRevenue: 0 },
      status: 'granted',
      subject: 'revenue-50m',
      amount: 200000,
    },
    {
      name: '首次达规 false, small revenue',
      facts: { firstAboveDesignatedSize: false, revenue: 20000000 },
      status: 'ineligible',
      subject: null,
      amount: 0,
    },
    // priorMaxRevenue left out is previousRevenue; with both left out a revenue tier is not known (incomplete).
    {
      name: 'prior maximum left out: the year before',
      facts: { revenue: 100000000, previousRevenue: 100000000 },
      status: 'ineligible',
      subject: null,
      amount: 0,
    },
    {
      name: 'prior maximum left out: the year before, lower',
      facts: { revenue: 100000000, previousRevenue: 60000000 },
      status: 'granted',
      subject: 'revenue-100m',
      amount: 300000,
    },
    {
      name: 'the prior maximum wins over the year before (higher)',
      facts: { revenue: 100000000, previousRevenue: 60000000, priorMaxRevenue: 110000000 },
      status: 'ineligible',
      subject: null,
      amount: 0,
    },
  ])('$name → $status $subject $amount', ({ facts, status, subject, amount }) => {
    const r = result({ facts }, '5.1', subject);
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.cap).toBeUndefined();
    expect(r.review).toBe(true);
    expect(r.citation).toBe('第五条第（1）项');
  });

  it.each([
    {
      name: '100,000,000 first reached',
      facts: { revenue: 100000000, priorMaxRevenue: 60000000 },
      subject: 'revenue-100m',
      amount: 400000,
    },
    { name: '1,000,000,000 first reached', facts: { revenue: 1000000000, priorMaxRevenue: 0 }, subject: 'revenue-1b', amount: 1100000 },
    { name: '首次达规', facts: { firstAboveDesignatedSize: true }, subject: 'above-designated-size', amount: 200000 },
  ])('industrial AI enterprise +100,000: $name → $amount', ({ facts, subject, amount }) => {
    expect(outcome(result({ enterprise: INDUSTRIAL, facts }, '5.1', subject))).toEqual({ status: 'granted', amount });
  });

  it('explains several tiers reached, the highest-only assumption, and the industrial bonus, as 最高', () => {
    const parts: RequestParts = { enterprise: INDUSTRIAL, facts: { revenue: 1234567890.12, priorMaxRevenue: 0 } };
    const en = textOf(result(parts, '5.1', 'revenue-1b', { lang: 'en' }));
    expect(en).toContain('revenue 1,234,567,890.12: tier "1,000,000,000" reached for the first time: up to 1,000,000');
    expect(en).toContain('4 tiers newly reached this year (1,000,000,000, 500,000,000, 100,000,000, 50,000,000)');
    expect(en).toContain('assumed: several tiers newly reached in one year pay the highest only');
    expect(en).toContain('industrial AI enterprise: +100,000 a tier, giving up to 1,100,000');
    const zh = result(parts, '5.1', 'revenue-1b', { lang: 'zh' }).explanation;
    expect(zh).toContain('此前年度最高主营业务收入0元');
    expect(zh).toContain('本年度主营业务收入1,234,567,890.12元，首次达到“10亿元”档，最高1,000,000元');
    expect(zh).toContain('本年度新达到“10亿元”“5亿元”“1亿元”“5000万元”4档');
    expect(zh).toContain('假设：同一年度新达到多档的，只按最高一档支持，原文未明确');
    expect(zh).toContain('工业智能企业每档支持资金提高100,000元，合计最高1,100,000元');
    expect(zh?.join('\n')).not.toContain('定额');
  });

  it('one tier newly reached: no highest-only line', () => {
    const r = result({ facts: { revenue: 100000000, priorMaxRevenue: 60000000 } }, '5.1', 'revenue-100m');
    expect(textOf(r)).not.toContain('假设：同一年度新达到多档');
  });

  it('says which figure before it used, and that the year before stands for the highest when that is left out', () => {
    const r = result({ facts: { revenue: 100000000, previousRevenue: 60000000 } }, '5.1', 'revenue-100m');
    expect(r.explanation).toContain('上年度主营业务收入60,000,000元（未填报以往年度最高主营业务收入，按上年度计）');
  });

  it('says no tier is reached for the first time', () => {
    const r = result({ facts: { revenue: 100000000, priorMaxRevenue: 100000000 } }, '5.1', null, { lang: 'en' });
    expect(r.reasons).toEqual([
      'revenue 100,000,000, highest revenue of any year before 100,000,000: no tier is reached for the first time',
    ]);
    expect(result({ facts: { revenue: 100000000, priorMaxRevenue: 100000000 } }, '5.1').reasons).toEqual([
      '本年度主营业务收入100,000,000元，此前年度最高主营业务收入100,000,000元，本年度没有首次达到的档位',
    ]);
  });

  describe('each tier once ever: history names the tier', () => {
    it.each([
      {
        name: 'the tier paid before → excluded, the subject the tier',
        facts: { revenue: 100000000, priorMaxRevenue: 60000000 },
        history: [granted('5.1', 2025, 'revenue-100m', 300000)],
        subject: 'revenue-100m',
        status: 'excluded',
        amount: 0,
        reason: '已于2025年度享受“1亿元”档支持（一次性）',
      },
      {
        name: 'the tier paid earlier this year → excluded',
        facts: { revenue: 100000000, priorMaxRevenue: 60000000 },
        history: [granted('5.1', 2026, 'revenue-100m', 300000)],
        subject: 'revenue-100m',
        status: 'excluded',
        amount: 0,
        reason: '已于2026年度享受“1亿元”档支持（一次性）',
      },
      {
        name: 'a higher tier paid before rules out the lower one',
        facts: { revenue: 100000000, priorMaxRevenue: 0 },
        history: [granted('5.1', 2025, 'revenue-500m', 500000)],
        subject: 'revenue-100m',
        status: 'excluded',
        amount: 0,
        reason: '已于2025年度享受更高的“5亿元”档支持，较低档位不再支持（一次性）',
      },
      {
        name: 'a lower tier paid before: the next one is still paid',
        facts: { revenue: 100000000, priorMaxRevenue: 0 },
        history: [granted('5.1', 2025, 'revenue-50m', 200000)],
        subject: 'revenue-100m',
        status: 'granted',
        amount: 300000,
        reason: undefined,
      },
      {
        name: '首次达规 twice: the second is excluded',
        facts: { firstAboveDesignatedSize: true },
        history: [granted('5.1', 2025, 'above-designated-size', 100000)],
        subject: 'above-designated-size',
        status: 'excluded',
        amount: 0,
        reason: '已于2025年度享受“首次达规”档支持（一次性）',
      },
      {
        name: '首次达规 is ruled out by its own history only, not by a revenue tier',
        facts: { firstAboveDesignatedSize: true, revenue: 60000000 },
        history: [granted('5.1', 2025, 'revenue-50m', 200000)],
        subject: 'above-designated-size',
        status: 'granted',
        amount: 100000,
        reason: undefined,
      },
      {
        name: 'a revenue tier is not ruled out by 首次达规 paid before',
        facts: { revenue: 60000000, priorMaxRevenue: 0 },
        history: [granted('5.1', 2025, 'above-designated-size', 100000)],
        subject: 'revenue-50m',
        status: 'granted',
        amount: 200000,
        reason: undefined,
      },
      {
        name: 'history rules out every tier reached: the figure before is not needed',
        facts: { revenue: 120000000 },
        history: [granted('5.1', 2025, 'revenue-100m', 300000)],
        subject: 'revenue-100m',
        status: 'excluded',
        amount: 0,
        reason: '已于2025年度享受“1亿元”档支持（一次性）',
      },
    ])('$name', ({ facts, history, subject, status, amount, reason }) => {
      const a = calc({ facts, history });
      expect(a.results.filter((x) => x.measure === '5.1')).toHaveLength(1);
      const r = resultOf(a, '5.1', subject);
      expect(outcome(r)).toEqual({ status, amount });
      if (reason !== undefined) expect(r.reasons).toEqual([reason]);
      expect(a.total).toBe(amount);
    });

    it('two higher tiers paid in the same year: the reason does not depend on the order of history', () => {
      const facts = { revenue: 99999999.99, priorMaxRevenue: 0 };
      const h500 = granted('5.1', 2025, 'revenue-500m', 500000);
      const h1b = granted('5.1', 2025, 'revenue-1b', 1000000);
      const one = result({ facts, history: [h500, h1b] }, '5.1', 'revenue-50m');
      const other = result({ facts, history: [h1b, h500] }, '5.1', 'revenue-50m');
      expect(outcome(one)).toEqual({ status: 'excluded', amount: 0 });
      expect(other).toEqual(one);
    });

    it('says the tier in English too', () => {
      const r = result(
        { facts: { revenue: 100000000, priorMaxRevenue: 0 }, history: [granted('5.1', 2025, 'revenue-500m', 500000)] },
        '5.1',
        'revenue-100m',
        { lang: 'en' },
      );
      expect(r.reasons).toEqual(['one-time: the higher tier "500,000,000" was granted in 2025, so lower tiers are not paid']);
    });

    it('several tiers newly reached, one of them paid before: the highest new one is paid', () => {
      const r = result(
        { facts: { revenue: 600000000, priorMaxRevenue: 0 }, history: [granted('5.1', 2025, 'revenue-50m', 200000)] },
        '5.1',
        'revenue-500m',
      );
      expect(outcome(r)).toEqual({ status: 'granted', amount: 500000 });
      expect(r.explanation).toContain('本年度新达到“5亿元”“1亿元”2档');
    });
  });

  describe('priorMaxRevenue, else previousRevenue; neither: incomplete where a revenue tier depends on it', () => {
    it.each([
      {
        name: 'revenue at a tier, neither given',
        facts: { revenue: 100000000 },
        status: 'incomplete',
        missing: ['facts.priorMaxRevenue', 'facts.previousRevenue'],
      },
      {
        name: 'revenue exactly at the lowest tier, neither given',
        facts: { revenue: 50000000 },
        status: 'incomplete',
        missing: ['facts.priorMaxRevenue', 'facts.previousRevenue'],
      },
      {
        name: '首次达规 and a revenue tier, neither given',
        facts: { revenue: 60000000, firstAboveDesignatedSize: true },
        status: 'incomplete',
        missing: ['facts.priorMaxRevenue', 'facts.previousRevenue'],
      },
      {
        name: 'a lower tier in history, a higher one reached, neither given',
        facts: { revenue: 120000000 },
        history: [granted('5.1', 2025, 'revenue-50m', 200000)],
        status: 'incomplete',
        missing: ['facts.priorMaxRevenue', 'facts.previousRevenue'],
      },
      {
        name: 'below every tier, neither given: it does not matter',
        facts: { revenue: 49999999.99 },
        status: 'ineligible',
        missing: undefined,
      },
      { name: 'priorMaxRevenue alone is enough', facts: { revenue: 100000000, priorMaxRevenue: 0 }, status: 'granted', missing: undefined },
      { name: 'previousRevenue alone is enough', facts: { revenue: 100000000, previousRevenue: 0 }, status: 'granted', missing: undefined },
    ])('$name → $status', ({ facts, history, status, missing }) => {
      const a = calc({ facts, history });
      const [r] = a.results.filter((x) => x.measure === '5.1');
      expect(r?.status).toBe(status);
      expect(r?.missing).toEqual(missing);
      if (status === 'incomplete') {
        expect(r?.subject).toBeNull();
        expect(r?.amount).toBe(0);
        expect(a.total).toBe(0);
      }
    });

    it('says which figures are missing, any one of them being enough', () => {
      const zh = result({ facts: { revenue: 100000000 } }, '5.1');
      expect(zh.reasons).toEqual(['缺少“以往年度最高主营业务收入”“上年度主营业务收入”（填写其一即可），无法测算']);
      const en = result({ facts: { revenue: 100000000 } }, '5.1', null, { lang: 'en' });
      expect(en.reasons).toEqual(["missing highest revenue of any earlier year or last year's revenue: cannot be calculated"]);
    });
  });

  it('neither revenue nor 首次达规: no result', () => {
    expect(hasResult(calc({ facts: { firstAboveDesignatedSize: false } }), '5.1')).toBe(false);
    expect(hasResult(calc({ facts: { priorMaxRevenue: 1, previousRevenue: 1 } }), '5.1')).toBe(false);
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
    {
      name: 'previous revenue 0, no average given: the average is not needed',
      facts: { revenue: 50000000, previousRevenue: 0 },
      amount: 500000,
    },
    { name: 'revenue fell', facts: { revenue: 50000000, previousRevenue: 100000000, industryAverageGrowthRate: 0 }, amount: 0 },
  ])('$name → $amount', ({ facts, amount }) => {
    const r = result({ facts }, '5.2');
    expect(outcome(r)).toEqual({ status: amount > 0 ? 'granted' : 'ineligible', amount });
    expect(r.review).toBe(true);
    expect(r.citation).toBe('第五条第（2）项');
  });

  describe('a figure left out is never read as 0', () => {
    it.each([
      {
        name: 'revenue without previousRevenue',
        facts: { revenue: 150000000, industryAverageGrowthRate: 0.1 },
        status: 'incomplete',
        missing: ['facts.previousRevenue'],
        reason: '缺少“上年度主营业务收入”，无法测算',
      },
      {
        name: 'revenue alone',
        facts: { revenue: 150000000 },
        status: 'incomplete',
        missing: ['facts.previousRevenue'],
        reason: '缺少“上年度主营业务收入”，无法测算',
      },
      {
        name: 'growth reaching the lowest band without the industry average',
        facts: { revenue: 150000000, previousRevenue: 100000000 },
        status: 'incomplete',
        missing: ['facts.industryAverageGrowthRate'],
        reason: '缺少“所在行业平均增幅”，无法测算',
      },
      {
        name: 'growth reaching the top band without the industry average',
        facts: { revenue: 700000000, previousRevenue: 100000000, priorMaxRevenue: 700000000 },
        status: 'incomplete',
        missing: ['facts.industryAverageGrowthRate'],
        reason: '缺少“所在行业平均增幅”，无法测算',
      },
      {
        name: 'growth below the lowest band without the industry average: it does not matter',
        facts: { revenue: 149999999.99, previousRevenue: 100000000 },
        status: 'ineligible',
        missing: undefined,
        reason: '主营业务收入同比增量49,999,999.99元，未达到最低档50,000,000元',
      },
      {
        name: 'a fall without the industry average: it does not matter',
        facts: { revenue: 50000000, previousRevenue: 100000000 },
        status: 'ineligible',
        missing: undefined,
        reason: '主营业务收入同比增量0元，未达到最低档50,000,000元',
      },
    ])('$name → $status', ({ facts, status, missing, reason }) => {
      const a = calc({ facts });
      const r = resultOf(a, '5.2');
      expect(outcome(r)).toEqual({ status, amount: 0 });
      expect(r.missing).toEqual(missing);
      expect(r.reasons).toEqual([reason]);
      expect(a.total).toBe(0);
    });

    it('says the missing figure in English', () => {
      expect(result({ facts: { revenue: 150000000 } }, '5.2', null, { lang: 'en' }).reasons).toEqual([
        "missing last year's revenue: cannot be calculated",
      ]);
      expect(result({ facts: { revenue: 150000000, previousRevenue: 100000000 } }, '5.2', null, { lang: 'en' }).reasons).toEqual([
        'missing industry average growth rate: cannot be calculated',
      ]);
    });

    it('previousRevenue without revenue: no result', () => {
      expect(hasResult(calc({ facts: { previousRevenue: 100000000, industryAverageGrowthRate: 0 } }), '5.2')).toBe(false);
    });
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
    expect(result({ facts }, '5.2', null, { lang: 'en' }).reasons).toEqual([
      'revenue grew 50.00% on the year before, not above the industry average of 50.00%',
    ]);
    expect(result({ facts }, '5.2', null, { lang: 'zh' }).reasons).toEqual(['主营业务收入同比增长50.00%，未高于行业平均增速50.00%']);
  });

  it('states both growth rates, with the arithmetic, when granted', () => {
    const facts = { revenue: 120000000, previousRevenue: 60000000, industryAverageGrowthRate: 0.15 };
    const zh = result({ enterprise: INDUSTRIAL, facts }, '5.2');
    expect(outcome(zh)).toEqual({ status: 'granted', amount: 600000 });
    expect(zh.explanation).toContain('本年度主营业务收入120,000,000元－上年度主营业务收入60,000,000元＝同比增量60,000,000元');
    expect(zh.explanation).toContain('主营业务收入同比增长100.00%，高于行业平均增速15.00%');
    expect(zh.explanation).toContain('主营业务收入同比增量60,000,000元，达到“5000万元”档，最高500,000元');
    expect(zh.explanation).toContain('工业智能企业每档支持资金提高100,000元，合计最高600,000元');
  });

  it('shows as many decimals as it takes to tell the two rates apart', () => {
    const facts = { revenue: 150000000, previousRevenue: 100000000, industryAverageGrowthRate: 0.499999 };
    const r = result({ facts }, '5.2');
    expect(r.status).toBe('granted');
    const line = r.explanation?.find((l) => l.startsWith('主营业务收入同比增长')) ?? '';
    const [own, average] = [...line.matchAll(/(\d+\.\d+)%/g)].map((m) => m[1]);
    expect(own).not.toBe(average);
    expect(Number(own)).toBeGreaterThan(Number(average));
  });

  it('a previous revenue of 0 counts as above the average, and says it is assumed', () => {
    const r = result({ facts: { revenue: 50000000, previousRevenue: 0, industryAverageGrowthRate: 10 } }, '5.2');
    expect(r.explanation).toContain('假设：上年度主营业务收入为0的，增幅视为高于所在行业平均水平，原文未明确');
  });

  it('says the lowest tier when growth is below it', () => {
    const r = result({ facts: { revenue: 130000000, previousRevenue: 100000000, industryAverageGrowthRate: 0.1 } }, '5.2', null, {
      lang: 'en',
    });
    expect(r.reasons).toEqual(['revenue growth 30,000,000 is below the lowest tier 50,000,000']);
    const zh = result({ facts: { revenue: 130000000, previousRevenue: 100000000, industryAverageGrowthRate: 0.1 } }, '5.2');
    expect(zh.reasons).toEqual(['主营业务收入同比增量30,000,000元，未达到最低档50,000,000元']);
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
    for (const r of answer.results.filter((x) => x.measure.startsWith('5.3'))) {
      expect(r.review, r.measure).toBe(true);
      expect(r.citation).toBe('第五条第（3）项');
      if (r.status === 'granted') expect(r.explanation).toContain(`最高${r.amount.toLocaleString('en-US')}元，以评审认定为准`);
    }
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

describe('第五条第（4）项 (5.4): rent-free space for start-ups, in kind, 3 consecutive years', () => {
  const START_UP = { startup: true };
  const inKind = (year: number) => granted('5.4', year, null, 0);

  it('a start-up → in-kind, amount 0, review, not in the total', () => {
    const a = calc({ enterprise: START_UP, facts: { dataAssetRegistrationFees: 60000 } });
    const r = resultOf(a, '5.4');
    expect(outcome(r)).toEqual({ status: 'in-kind', amount: 0 });
    expect(r.review).toBe(true);
    expect(r.citation).toBe('第五条第（4）项');
    expect(r.reasons).toEqual(['实物支持：最高300平方米“零租金”空间，连续支持不超过3年，不计入资金']);
    expect(r.explanation).toContain('连续支持第1年，最多3年（首次支持2026年度）');
    expect(a.total).toBe(18000);
  });

  it.each([
    { name: 'year 1', year: 2026, history: [], status: 'in-kind', reason: undefined, window: '连续支持第1年，最多3年（首次支持2026年度）' },
    {
      name: 'year 3, granted in kind',
      year: 2028,
      history: [inKind(2026), inKind(2027)],
      status: 'in-kind',
      reason: undefined,
      window: '连续支持第3年，最多3年（首次支持2026年度）',
    },
    {
      name: 'year 3 after a skipped year: the skipped year is lost, year 3 still counts',
      year: 2028,
      history: [inKind(2026)],
      status: 'in-kind',
      reason: undefined,
      window: '连续支持第3年，最多3年（首次支持2026年度）',
    },
    {
      name: 'year 4: the window is over',
      year: 2028,
      history: [inKind(2025), inKind(2026), inKind(2027)],
      status: 'excluded',
      reason: '超出连续支持年限（首次支持2025年度，最多3年）',
      window: undefined,
    },
    {
      name: 'year 4 after a skipped year: still over',
      year: 2028,
      history: [inKind(2025)],
      status: 'excluded',
      reason: '超出连续支持年限（首次支持2025年度，最多3年）',
      window: undefined,
    },
    {
      name: 'already granted this year',
      year: 2027,
      history: [inKind(2027)],
      status: 'excluded',
      reason: '2027年度已享受本项支持',
      window: undefined,
    },
    {
      name: 'continuing in 2029, first granted 2027 (year 3)',
      year: 2029,
      history: [inKind(2027), inKind(2028)],
      status: 'in-kind',
      reason: undefined,
      window: '连续支持第3年，最多3年（首次支持2027年度）',
    },
    {
      name: 'continuing in 2029, first granted 2028 (year 2)',
      year: 2029,
      history: [inKind(2028)],
      status: 'in-kind',
      reason: undefined,
      window: '连续支持第2年，最多3年（首次支持2028年度）',
    },
    {
      name: 'continuing in 2030, first granted 2028 (year 3)',
      year: 2030,
      history: [inKind(2028), inKind(2029)],
      status: 'in-kind',
      reason: undefined,
      window: '连续支持第3年，最多3年（首次支持2028年度）',
    },
    {
      name: '2029, first granted 2026: the window is over, not the term',
      year: 2029,
      history: [inKind(2026), inKind(2027), inKind(2028)],
      status: 'excluded',
      reason: '超出连续支持年限（首次支持2026年度，最多3年）',
      window: undefined,
    },
    {
      name: '2031, first granted 2028: the window is over',
      year: 2031,
      history: [inKind(2028)],
      status: 'excluded',
      reason: '超出连续支持年限（首次支持2028年度，最多3年）',
      window: undefined,
    },
    {
      name: '2029, never granted: after the term, no new support',
      year: 2029,
      history: [],
      status: 'excluded',
      reason: '2029年度不在政策有效期内，且无期间已立项的延续支持',
      window: undefined,
    },
    {
      name: '2024: before the term',
      year: 2024,
      history: [],
      status: 'excluded',
      reason: '2024年度早于政策施行日期（2025年10月30日）',
      window: undefined,
    },
  ])('$name → $status', ({ year, history, status, reason, window }) => {
    const r = result({ year, enterprise: START_UP, history }, '5.4');
    expect(outcome(r)).toEqual({ status, amount: 0 });
    if (reason !== undefined) expect(r.reasons).toEqual([reason]);
    if (window !== undefined) expect(r.explanation).toContain(window);
    if (year > 2028 && status === 'in-kind') {
      const first = Math.min(...history.map((h) => h.year as number));
      expect(r.explanation).toContain(`期间已立项项目至约定任务期止：${first}年度首次支持，政策有效期届满（2028年12月31日）后继续支持`);
    }
  });

  it('an expired window never says the term, a year after the term never says the window', () => {
    const over = result({ year: 2029, enterprise: START_UP, history: [inKind(2026)] }, '5.4');
    expect(textOf(over)).not.toContain('有效期');
    const after = result({ year: 2029, enterprise: START_UP }, '5.4');
    expect(textOf(after)).not.toContain('连续支持年限');
  });

  it('not a start-up: no result', () => {
    expect(hasResult(calc({ enterprise: { startup: false } }), '5.4')).toBe(false);
  });
});
