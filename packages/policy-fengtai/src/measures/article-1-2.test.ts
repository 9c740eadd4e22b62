import { describe, expect, it } from 'vitest';
import { calc, granted, hasResult, outcome, type RequestParts, result, resultOf, textOf } from '../test-helpers.js';

const PARTNER = { aiPartnerProgram: true };
const INDUSTRIAL_PARTNER = { aiPartnerProgram: true, industrialAI: true };

describe('第一条 (1): compute for partner-program enterprises', () => {
  it.each([
    { name: '20% of 5,000,000', enterprise: PARTNER, spend: 5000000, status: 'granted', amount: 1000000, cap: 2000000 },
    {
      name: 'cap exactly reached: 20% of 10,000,000',
      enterprise: PARTNER,
      spend: 10000000,
      status: 'granted',
      amount: 2000000,
      cap: 2000000,
    },
    {
      name: 'one yuan over the cap: 20% of 10,000,005',
      enterprise: PARTNER,
      spend: 10000005,
      status: 'granted',
      amount: 2000000,
      cap: 2000000,
    },
    { name: 'far over the cap', enterprise: PARTNER, spend: 50000000, status: 'granted', amount: 2000000, cap: 2000000 },
    { name: 'fen floored: 20% of 1,234,567.89', enterprise: PARTNER, spend: 1234567.89, status: 'granted', amount: 246913, cap: 2000000 },
    { name: 'fen as a decimal string', enterprise: PARTNER, spend: '1234567.89', status: 'granted', amount: 246913, cap: 2000000 },
    {
      name: 'industrial: 30% of 5,000,000',
      enterprise: INDUSTRIAL_PARTNER,
      spend: 5000000,
      status: 'granted',
      amount: 1500000,
      cap: 3000000,
    },
    {
      name: 'industrial cap exactly reached: 30% of 10,000,000',
      enterprise: INDUSTRIAL_PARTNER,
      spend: 10000000,
      status: 'granted',
      amount: 3000000,
      cap: 3000000,
    },
    {
      name: 'industrial one yuan over: 30% of 10,000,004 = 3,000,001.2',
      enterprise: INDUSTRIAL_PARTNER,
      spend: 10000004,
      status: 'granted',
      amount: 3000000,
      cap: 3000000,
    },
    {
      name: 'industrial fen floored: 30% of 333,333.33 = 99,999.999',
      enterprise: INDUSTRIAL_PARTNER,
      spend: 333333.33,
      status: 'granted',
      amount: 99999,
      cap: 3000000,
    },
    { name: '0.01 yuan: 20% floors to 0', enterprise: PARTNER, spend: 0.01, status: 'ineligible', amount: 0, cap: undefined },
    { name: '4.99 yuan: 20% floors to 0', enterprise: PARTNER, spend: 4.99, status: 'ineligible', amount: 0, cap: undefined },
    { name: '5 yuan: 20% is 1', enterprise: PARTNER, spend: 5, status: 'granted', amount: 1, cap: 2000000 },
    { name: 'no spend', enterprise: PARTNER, spend: 0, status: 'ineligible', amount: 0, cap: undefined },
    {
      name: 'not in the partner program',
      enterprise: { aiPartnerProgram: false },
      spend: 5000000,
      status: 'ineligible',
      amount: 0,
      cap: undefined,
    },
    { name: 'partner program not stated', enterprise: {}, spend: 5000000, status: 'ineligible', amount: 0, cap: undefined },
  ])('$name → $status $amount', ({ enterprise, spend, status, amount, cap }) => {
    const r = result({ enterprise, facts: { computeSpend: spend } }, '1');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.cap).toBe(cap);
    expect(r.review).toBe(false);
    expect(r.citation).toBe('第一条');
    if (status !== 'granted') expect(r.reasons?.length).toBeGreaterThan(0);
  });

  it('says why a non-partner is ineligible', () => {
    const r = result({ enterprise: { aiPartnerProgram: false }, facts: { computeSpend: 5000000 } }, '1', null, { lang: 'en' });
    expect(r.reasons).toContain('not an AI partner-program enterprise (人工智能伙伴计划企业)');
  });

  it('explains the arithmetic with the figures, in English and Chinese', () => {
    const parts: RequestParts = { enterprise: PARTNER, facts: { computeSpend: 1234567.89 } };
    const en = textOf(result(parts, '1', null, { lang: 'en' }));
    expect(en).toContain('compute spend 1,234,567.89 × 20% = 246,913 (floored to whole yuan)');
    expect(en).toContain('cap 2,000,000 not reached');
    expect(en).toContain('year 1 of at most 2 (first granted 2026)');
    const zh = result(parts, '1', null, { lang: 'zh' }).explanation;
    expect(zh).toContain('算力实际投入1,234,567.89元×20%＝246,913元（向下取整到元）');
    expect(zh).toContain('未超过最高支持额度2,000,000元');
    expect(zh).toContain('连续支持第1年，最多2年（首次支持2026年度）');
  });

  it('says why a spend that floors to 0 is ineligible, the same with or without explanations', () => {
    const parts: RequestParts = { enterprise: PARTNER, facts: { computeSpend: 4.99 } };
    const r = result(parts, '1');
    expect(outcome(r)).toEqual({ status: 'ineligible', amount: 0 });
    expect(r.reasons).toEqual(['算力实际投入4.99元×20%＝0元（向下取整到元）']);
    expect(result(parts, '1', null, { explain: false }).reasons).toEqual(r.reasons);
  });

  it('says when the cap applies', () => {
    const en = textOf(result({ enterprise: INDUSTRIAL_PARTNER, facts: { computeSpend: 10000004 } }, '1', null, { lang: 'en' }));
    expect(en).toContain('10,000,004 × 30% = 3,000,001');
    expect(en).toContain('capped at 3,000,000');
    expect(en).toContain('applies: industrial AI enterprise');
    const zh = result({ enterprise: INDUSTRIAL_PARTNER, facts: { computeSpend: 10000004 } }, '1', null, { lang: 'zh' }).explanation;
    expect(zh).toContain('适用：工业智能企业');
    expect(zh).toContain('超过最高支持额度，按最高3,000,000元支持');
  });

  describe('consecutive years: 2, industrial 3', () => {
    it.each([
      { name: 'first year', enterprise: PARTNER, year: 2026, history: [], status: 'granted' },
      { name: 'second year of two', enterprise: PARTNER, year: 2026, history: [granted('1', 2025)], status: 'granted' },
      { name: 'third year of two', enterprise: PARTNER, year: 2027, history: [granted('1', 2025), granted('1', 2026)], status: 'excluded' },
      {
        name: 'a year skipped inside the window is lost',
        enterprise: PARTNER,
        year: 2027,
        history: [granted('1', 2025)],
        status: 'excluded',
      },
      { name: 'already granted this year', enterprise: PARTNER, year: 2026, history: [granted('1', 2026)], status: 'excluded' },
      {
        name: 'industrial: third year of three',
        enterprise: INDUSTRIAL_PARTNER,
        year: 2027,
        history: [granted('1', 2025), granted('1', 2026)],
        status: 'granted',
      },
      {
        name: 'industrial: a skipped year still inside the window',
        enterprise: INDUSTRIAL_PARTNER,
        year: 2027,
        history: [granted('1', 2025)],
        status: 'granted',
      },
      {
        name: 'industrial: fourth year',
        enterprise: INDUSTRIAL_PARTNER,
        year: 2028,
        history: [granted('1', 2025), granted('1', 2026), granted('1', 2027)],
        status: 'excluded',
      },
      {
        name: 'industrial: after the window',
        enterprise: INDUSTRIAL_PARTNER,
        year: 2028,
        history: [granted('1', 2025)],
        status: 'excluded',
      },
      // 期间已立项项目至约定任务期止: continuing support past 2028.
      { name: 'continuing: first 2028, year 2029', enterprise: PARTNER, year: 2029, history: [granted('1', 2028)], status: 'granted' },
      {
        name: 'continuing: first 2028, year 2030 is over',
        enterprise: PARTNER,
        year: 2030,
        history: [granted('1', 2028), granted('1', 2029)],
        status: 'excluded',
      },
      {
        name: 'continuing industrial: first 2028, year 2030',
        enterprise: INDUSTRIAL_PARTNER,
        year: 2030,
        history: [granted('1', 2028), granted('1', 2029)],
        status: 'granted',
      },
      {
        name: 'continuing industrial: first 2027, year 2029',
        enterprise: INDUSTRIAL_PARTNER,
        year: 2029,
        history: [granted('1', 2027)],
        status: 'granted',
      },
      {
        name: 'no continuing support once the window ended',
        enterprise: PARTNER,
        year: 2029,
        history: [granted('1', 2027)],
        status: 'excluded',
      },
      { name: 'no new support after 2028', enterprise: PARTNER, year: 2029, history: [], status: 'excluded' },
      { name: 'no support before 2025', enterprise: PARTNER, year: 2024, history: [], status: 'excluded' },
    ])('$name → $status', ({ enterprise, year, history, status }) => {
      const r = result({ year, enterprise, facts: { computeSpend: 5000000 }, history }, '1');
      // 5,000,000 at 20%, or at 30% for an industrial AI enterprise.
      const full = enterprise === INDUSTRIAL_PARTNER ? 1500000 : 1000000;
      expect(outcome(r)).toEqual({ status, amount: status === 'granted' ? full : 0 });
    });

    it('shows the year of the window', () => {
      const r = result(
        { year: 2027, enterprise: INDUSTRIAL_PARTNER, facts: { computeSpend: 100 }, history: [granted('1', 2025), granted('1', 2026)] },
        '1',
        null,
        { lang: 'en' },
      );
      expect(r.explanation).toContain('year 3 of at most 3 (first granted 2025)');
    });

    it('says why the third year is excluded', () => {
      const r = result(
        { year: 2027, enterprise: PARTNER, facts: { computeSpend: 100 }, history: [granted('1', 2025), granted('1', 2026)] },
        '1',
        null,
        { lang: 'en' },
      );
      expect(r.reasons).toEqual(['beyond the consecutive years (first granted 2025, at most 2 years)']);
      const zh = result(
        { year: 2027, enterprise: PARTNER, facts: { computeSpend: 100 }, history: [granted('1', 2025), granted('1', 2026)] },
        '1',
      );
      expect(zh.reasons).toEqual(['超出连续支持年限（首次支持2025年度，最多2年）']);
    });

    it('an expired window after 2028 says the window, not the term', () => {
      const r = result({ year: 2029, enterprise: PARTNER, facts: { computeSpend: 100 }, history: [granted('1', 2027)] }, '1');
      expect(r.status).toBe('excluded');
      expect(r.reasons).toEqual(['超出连续支持年限（首次支持2027年度，最多2年）']);
      expect(textOf(r)).not.toContain('有效期');
    });

    it('says continuing support in the explanation, and the term in the reason otherwise', () => {
      const on = result({ year: 2029, enterprise: PARTNER, facts: { computeSpend: 100 }, history: [granted('1', 2028)] }, '1', null, {
        lang: 'en',
      });
      expect(on.explanation).toContain("continuing support: first granted in 2028, continues past the term's end (2028-12-31)");
      const onZh = result({ year: 2029, enterprise: PARTNER, facts: { computeSpend: 100 }, history: [granted('1', 2028)] }, '1');
      expect(onZh.explanation).toContain('期间已立项项目至约定任务期止：2028年度首次支持，政策有效期届满（2028年12月31日）后继续支持');
      expect(onZh.explanation).toContain('连续支持第2年，最多2年（首次支持2028年度）');
      const off = result({ year: 2029, enterprise: PARTNER, facts: { computeSpend: 100 } }, '1', null, { lang: 'zh' });
      expect(off.reasons).toEqual(['2029年度不在政策有效期内，且无期间已立项的延续支持']);
      const before = result({ year: 2024, enterprise: PARTNER, facts: { computeSpend: 100 } }, '1', null, { lang: 'zh' });
      expect(before.reasons).toEqual(['2024年度早于政策施行日期（2025年10月30日）']);
    });
  });

  it('counts the annual figures of 2025 in full, and says it is assumed', () => {
    const r = result({ year: 2025, enterprise: PARTNER, facts: { computeSpend: 5000000 } }, '1', null, { lang: 'en' });
    expect(outcome(r)).toEqual({ status: 'granted', amount: 1000000 });
    expect(r.explanation).toContain(
      'assumed: annual figures of 2025 count in full (the policy took effect on 2025-10-30; the text sets no pro rata)',
    );
    const zh = result({ year: 2025, enterprise: PARTNER, facts: { computeSpend: 5000000 } }, '1');
    expect(zh.explanation).toContain('假设：2025年度的年度数据全额计算（本措施自2025年10月30日起施行，原文未规定按施行日折算）');
    // Only in the first year of the term.
    expect(textOf(result({ year: 2026, enterprise: PARTNER, facts: { computeSpend: 5000000 } }, '1'))).not.toContain('2025年度的年度数据');
  });

  it('leaves the measure out when no compute spend is given', () => {
    expect(hasResult(calc({ enterprise: PARTNER, facts: {} }), '1')).toBe(false);
  });
});

describe('第二条(1) (2.1): models that passed the national generative-AI filing', () => {
  const filing = (id: string, date: string, industrial?: boolean) => (industrial === undefined ? { id, date } : { id, date, industrial });

  it.each([
    { name: 'a general model', year: 2026, filings: [filing('M-1', '2026-03-01')], status: 'granted', amount: 500000 },
    { name: 'an industrial model', year: 2026, filings: [filing('M-1', '2026-03-01', true)], status: 'granted', amount: 600000 },
    { name: 'industrial: false', year: 2026, filings: [filing('M-1', '2026-03-01', false)], status: 'granted', amount: 500000 },
    { name: 'the first day in force', year: 2025, filings: [filing('M-1', '2025-10-30')], status: 'granted', amount: 500000 },
    { name: 'the day before the policy', year: 2025, filings: [filing('M-1', '2025-10-29')], status: 'excluded', amount: 0 },
    { name: 'the last day in force', year: 2028, filings: [filing('M-1', '2028-12-31')], status: 'granted', amount: 500000 },
    { name: 'a filing of the year before', year: 2026, filings: [filing('M-1', '2025-12-31')], status: 'ineligible', amount: 0 },
    { name: 'a filing of the year after', year: 2026, filings: [filing('M-1', '2027-01-01')], status: 'ineligible', amount: 0 },
    { name: 'after 2028', year: 2029, filings: [filing('M-1', '2029-03-01')], status: 'excluded', amount: 0 },
    { name: 'before 2025', year: 2024, filings: [filing('M-1', '2024-03-01')], status: 'excluded', amount: 0 },
  ])('$name → $status $amount', ({ year, filings, status, amount }) => {
    const r = result({ year, facts: { modelFilings: filings } }, '2.1', 'M-1');
    expect(outcome(r)).toEqual({ status, amount });
  });

  it('grants each model once: two models, one industrial', () => {
    const a = calc({ facts: { modelFilings: [filing('M-1', '2026-03-01'), filing('M-2', '2026-04-01', true)] } });
    expect(outcome(resultOf(a, '2.1', 'M-1'))).toEqual({ status: 'granted', amount: 500000 });
    expect(outcome(resultOf(a, '2.1', 'M-2'))).toEqual({ status: 'granted', amount: 600000 });
    expect(a.total).toBe(1100000);
  });

  it.each([
    { name: 'the same model granted before', history: [granted('2.1', 2025, 'M-1')], status: 'excluded' },
    { name: 'the same model granted this year', history: [granted('2.1', 2026, 'M-1')], status: 'excluded' },
    { name: 'another model granted before', history: [granted('2.1', 2025, 'M-0')], status: 'granted' },
    { name: 'the same id under another measure', history: [granted('4.2', 2025, 'M-1')], status: 'granted' },
  ])('one-time per model: $name → $status', ({ history, status }) => {
    const r = result({ facts: { modelFilings: [filing('M-1', '2026-03-01')] }, history }, '2.1', 'M-1');
    expect(r.status).toBe(status);
  });

  it('names the dates in its reasons', () => {
    const early = result({ year: 2025, facts: { modelFilings: [filing('M-1', '2025-10-29')] } }, '2.1', 'M-1', { lang: 'en' });
    expect(early.reasons).toEqual(['M-1: dated 2025-10-29, before the policy took effect (2025-10-30)']);
    const earlyZh = result({ year: 2025, facts: { modelFilings: [filing('M-1', '2025-10-29')] } }, '2.1', 'M-1');
    expect(earlyZh.reasons).toEqual(['“M-1”日期为2025年10月29日，早于政策施行日期（2025年10月30日）']);
    const other = result({ facts: { modelFilings: [filing('M-1', '2025-12-31')] } }, '2.1', 'M-1', { lang: 'en' });
    expect(other.reasons).toEqual(['M-1: dated 2025-12-31, not in assessment year 2026']);
    const otherZh = result({ facts: { modelFilings: [filing('M-1', '2025-12-31')] } }, '2.1', 'M-1');
    expect(otherZh.reasons).toEqual(['“M-1”日期为2025年12月31日，不属于评估年度（2026年度）']);
    const parts = { facts: { modelFilings: [filing('M-1', '2026-03-01')] }, history: [granted('2.1', 2025, 'M-1')] };
    expect(result(parts, '2.1', 'M-1', { lang: 'en' }).reasons).toEqual(['one-time: already granted in 2025']);
    expect(result(parts, '2.1', 'M-1').reasons).toEqual(['已于2025年度享受本项支持（一次性）']);
  });

  it('is a review maximum, said as 最高, with the per-model reading shown', () => {
    const r = result({ facts: { modelFilings: [filing('M-1', '2026-03-01', true)] } }, '2.1', 'M-1');
    expect(r.review).toBe(true);
    expect(r.cap).toBe(600000);
    expect(r.citation).toBe('第二条第（1）项');
    expect(r.explanation).toContain('最高600,000元，以评审认定为准');
    expect(r.explanation).toContain('假设：按每个通过备案的大模型分别一次性支持，原文“一次性给予研发企业”未明确按企业或按模型');
    expect(textOf(r)).not.toContain('定额');
  });

  it('best of, never twice: another policy gave the model as much → excluded; less → granted', () => {
    const facts = { modelFilings: [filing('M-1', '2026-03-01')] };
    expect(result({ facts, otherPolicyAwards: [{ policy: 'P', subject: 'M-1', amount: 500000 }] }, '2.1', 'M-1').status).toBe('excluded');
    expect(result({ facts, otherPolicyAwards: [{ policy: 'P', subject: 'M-1', amount: 499999.99 }] }, '2.1', 'M-1').status).toBe('granted');
  });
});

describe('第二条(2) (2.2): general-LLM purchases for vertical models', () => {
  it.each([
    { name: '30% of 400,000', purchase: 400000, status: 'granted', amount: 120000 },
    { name: 'cap exactly reached: 30% of 666,666.67 = 200,000.001', purchase: 666666.67, status: 'granted', amount: 200000 },
    { name: 'one yuan over: 30% of 666,670', purchase: 666670, status: 'granted', amount: 200000 },
    { name: 'fen floored: 30% of 333,333.33', purchase: 333333.33, status: 'granted', amount: 99999 },
    { name: 'nothing bought', purchase: 0, status: 'ineligible', amount: 0 },
  ])('$name → $status $amount', ({ purchase, status, amount }) => {
    const r = result({ facts: { generalModelPurchase: purchase } }, '2.2');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.review).toBe(true);
  });

  it('needs no partner-program membership', () => {
    expect(result({ enterprise: { aiPartnerProgram: false }, facts: { generalModelPurchase: 400000 } }, '2.2').status).toBe('granted');
  });

  it.each([
    { name: 'second year', year: 2027, history: [granted('2.2', 2026)], status: 'granted' },
    { name: 'third year', year: 2028, history: [granted('2.2', 2026), granted('2.2', 2027)], status: 'excluded' },
    { name: 'skipped year lost', year: 2028, history: [granted('2.2', 2026)], status: 'excluded' },
    { name: 'continuing after 2028', year: 2029, history: [granted('2.2', 2028)], status: 'granted' },
    { name: 'new after 2028', year: 2029, history: [], status: 'excluded' },
  ])('consecutive years, 2: $name → $status', ({ year, history, status }) => {
    expect(result({ year, facts: { generalModelPurchase: 400000 }, history }, '2.2').status).toBe(status);
  });
});

describe('general conditions (assumed): failing one makes every measure ineligible', () => {
  const everything = {
    computeSpend: 5000000,
    modelFilings: [{ id: 'M-1', date: '2026-03-01' }],
    generalModelPurchase: 400000,
    dataAssetRegistrationFees: 60000,
    jointFundContribution: 1000000,
    rdSpend: 12000000,
    previousRdSpend: 9000000,
    revenue: 120000000,
    previousRevenue: 60000000,
    industryAverageGrowthRate: 0.15,
    scenarioProjects: [{ id: 'SC-1', totalInvestment: 2000000, municipalSubsidy: 1000000 }],
    incubator: { rating: 'municipal-benchmark', investment: 3000000, incubatedAIEnterprises: 4, investedAIEnterprises: 1 },
    events: [{ id: 'EV-1', kind: 'forum', date: '2026-10-01' }],
  };

  it.each([
    { name: 'registered elsewhere', enterprise: { registeredInFengtai: false }, en: 'not registered in Fengtai (or not stated)' },
    { name: 'registration not stated', enterprise: { registeredInFengtai: undefined }, en: 'not registered in Fengtai (or not stated)' },
    { name: 'tax resident elsewhere', enterprise: { taxResidentInFengtai: false }, en: 'not tax resident in Fengtai (or not stated)' },
    {
      name: 'tax residence not stated',
      enterprise: { taxResidentInFengtai: undefined },
      en: 'not tax resident in Fengtai (or not stated)',
    },
    { name: 'serious dishonesty', enterprise: { seriousDishonesty: true }, en: 'has a serious dishonesty record (严重失信)' },
  ])('$name → every result ineligible, with the reason', ({ enterprise, en }) => {
    const a = calc({ enterprise: { aiPartnerProgram: true, startup: true, ...enterprise }, facts: everything }, { lang: 'en' });
    expect(a.results.length).toBeGreaterThan(15);
    for (const r of a.results) {
      expect(outcome(r), `${r.measure}/${r.subject}`).toEqual({ status: 'ineligible', amount: 0 });
      // The conditions are a reading: each reason says where they come from.
      expect(r.reasons).toContain(
        `general conditions not met: ${en} (the text does not state the general conditions; they are what district schemes require)`,
      );
    }
    expect(a.total).toBe(0);
  });

  it('gives every failing condition, in Chinese too', () => {
    const a = calc({ enterprise: { registeredInFengtai: false, taxResidentInFengtai: false, seriousDishonesty: true }, facts: everything });
    const r = resultOf(a, '3.2');
    expect(r.reasons).toEqual([
      '不符合基本条件：未在丰台区注册（或未申报）（基本条件原文未列明，参照区级惠企政策通行要求）',
      '不符合基本条件：未在丰台区纳税（或未申报）（基本条件原文未列明，参照区级惠企政策通行要求）',
      '不符合基本条件：有严重失信记录（基本条件原文未列明，参照区级惠企政策通行要求）',
    ]);
  });

  it('seriousDishonesty left out counts as no record', () => {
    const r = result({ enterprise: { seriousDishonesty: undefined }, facts: { dataAssetRegistrationFees: 60000 } }, '3.2');
    expect(outcome(r)).toEqual({ status: 'granted', amount: 18000 });
  });
});
