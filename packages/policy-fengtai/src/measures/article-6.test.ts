import { describe, expect, it } from 'vitest';
import { calc, granted, hasResult, outcome, result, resultOf, textOf } from '../test-helpers.js';

describe('第六条(1) (6.1): agent competition prizes', () => {
  it.each([
    { name: 'the prize set', prize: { id: 'AC-1', prize: 800000 }, status: 'granted', amount: 800000, cap: 2000000 },
    { name: 'prize with fen floored', prize: { id: 'AC-1', prize: 800000.99 }, status: 'granted', amount: 800000, cap: 2000000 },
    { name: 'prize exactly the cap', prize: { id: 'AC-1', prize: 2000000 }, status: 'granted', amount: 2000000, cap: 2000000 },
    { name: 'prize one yuan over', prize: { id: 'AC-1', prize: 2000001 }, status: 'granted', amount: 2000000, cap: 2000000 },
    { name: 'no prize set: the cap', prize: { id: 'AC-1' }, status: 'granted', amount: 2000000, cap: 2000000 },
    {
      name: 'industrial agent, no prize set: the cap',
      prize: { id: 'AC-1', industrial: true },
      status: 'granted',
      amount: 3000000,
      cap: 3000000,
    },
    {
      name: 'industrial agent, prize exactly the cap',
      prize: { id: 'AC-1', industrial: true, prize: 3000000 },
      status: 'granted',
      amount: 3000000,
      cap: 3000000,
    },
    {
      name: 'industrial agent, prize one yuan over',
      prize: { id: 'AC-1', industrial: true, prize: 3000001 },
      status: 'granted',
      amount: 3000000,
      cap: 3000000,
    },
    { name: 'prize 0', prize: { id: 'AC-1', prize: 0 }, status: 'ineligible', amount: 0, cap: undefined },
    { name: 'prize 0.99 floors to 0', prize: { id: 'AC-1', prize: 0.99 }, status: 'ineligible', amount: 0, cap: undefined },
  ])('$name → $status $amount', ({ prize, status, amount, cap }) => {
    const r = result({ facts: { agentCompetitionPrizes: [prize] } }, '6.1', 'AC-1');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.cap).toBe(cap);
    expect(r.review).toBe(true);
  });

  it('says when no prize was set, and that the cap for it is assumed', () => {
    const r = result({ facts: { agentCompetitionPrizes: [{ id: 'AC-1' }] } }, '6.1', 'AC-1', { lang: 'en' });
    expect(r.explanation).toContain('no prize set by the competition: the cap');
    const zh = result({ facts: { agentCompetitionPrizes: [{ id: 'AC-1' }] } }, '6.1', 'AC-1');
    expect(zh.explanation).toContain('大赛未设定奖金金额，按最高支持额度计');
    expect(zh.explanation).toContain('假设：大赛未设定奖金金额的，按最高支持额度计，原文未明确');
    expect(zh.citation).toBe('第六条第（1）项');
  });

  describe('the award date, when given, must be in force and in the assessment year', () => {
    const prize = (date?: string) => ({ id: 'AC-1', prize: 800000, ...(date === undefined ? {} : { date }) });
    it.each([
      { name: 'dated in the year', year: 2026, date: '2026-08-18', status: 'granted', amount: 800000, reason: undefined },
      { name: 'the first day in force', year: 2025, date: '2025-10-30', status: 'granted', amount: 800000, reason: undefined },
      { name: 'the last day in force', year: 2028, date: '2028-12-31', status: 'granted', amount: 800000, reason: undefined },
      { name: 'undated: no date check', year: 2026, date: undefined, status: 'granted', amount: 800000, reason: undefined },
      {
        name: 'dated the year before',
        year: 2026,
        date: '2025-08-18',
        status: 'ineligible',
        amount: 0,
        reason: '“AC-1”日期为2025年8月18日，不属于评估年度（2026年度）',
      },
      {
        name: 'dated the year after',
        year: 2026,
        date: '2027-08-18',
        status: 'ineligible',
        amount: 0,
        reason: '“AC-1”日期为2027年8月18日，不属于评估年度（2026年度）',
      },
      {
        name: 'dated in the year before the assessment year',
        year: 2027,
        date: '2026-08-18',
        status: 'ineligible',
        amount: 0,
        reason: '“AC-1”日期为2026年8月18日，不属于评估年度（2027年度）',
      },
      {
        name: 'dated in the year, before the policy took effect',
        year: 2025,
        date: '2025-08-18',
        status: 'excluded',
        amount: 0,
        reason: '“AC-1”日期为2025年8月18日，早于政策施行日期（2025年10月30日）',
      },
      {
        name: 'the day before the policy',
        year: 2025,
        date: '2025-10-29',
        status: 'excluded',
        amount: 0,
        reason: '“AC-1”日期为2025年10月29日，早于政策施行日期（2025年10月30日）',
      },
    ])('$name → $status', ({ year, date, status, amount, reason }) => {
      const r = result({ year, facts: { agentCompetitionPrizes: [prize(date)] } }, '6.1', 'AC-1');
      expect(outcome(r)).toEqual({ status, amount });
      if (reason !== undefined) expect(r.reasons).toEqual([reason]);
      if (date !== undefined && status === 'granted') {
        const [y, m, d] = date.split('-').map(Number);
        expect(r.explanation).toContain(`“AC-1”日期为${y}年${m}月${d}日，在政策有效期和评估年度内`);
      }
      if (date === undefined) expect(textOf(r)).not.toContain('日期为');
    });

    it('says the date in English as a date', () => {
      const r = result({ facts: { agentCompetitionPrizes: [prize('2025-08-18')] } }, '6.1', 'AC-1', { lang: 'en' });
      expect(r.reasons).toEqual(['AC-1: dated 2025-08-18, not in assessment year 2026']);
    });

    it('each prize is dated on its own', () => {
      const a = calc({ facts: { agentCompetitionPrizes: [prize('2025-08-18'), { id: 'AC-2', prize: 100000, date: '2026-01-05' }] } });
      expect(resultOf(a, '6.1', 'AC-1').status).toBe('ineligible');
      expect(outcome(resultOf(a, '6.1', 'AC-2'))).toEqual({ status: 'granted', amount: 100000 });
    });
  });

  it('one-time per prize', () => {
    const a = calc({
      facts: { agentCompetitionPrizes: [{ id: 'AC-1', prize: 100000 }, { id: 'AC-2' }] },
      history: [granted('6.1', 2025, 'AC-1')],
    });
    expect(resultOf(a, '6.1', 'AC-1').status).toBe('excluded');
    expect(outcome(resultOf(a, '6.1', 'AC-2'))).toEqual({ status: 'granted', amount: 2000000 });
  });
});

describe('第六条(2) (6.2a, 6.2b): scenario projects, the two alternatives', () => {
  const project = (p: Record<string, unknown>) => ({ facts: { scenarioProjects: [{ id: 'SC-1', ...p }] } });

  it.each([
    { name: '30% of investment alone', p: { totalInvestment: 2000000 }, a: ['granted', 600000], b: null },
    { name: 'investment, subsidy 0', p: { totalInvestment: 2000000, municipalSubsidy: 0 }, a: ['granted', 600000], b: ['ineligible', 0] },
    { name: '30% of the subsidy alone', p: { municipalSubsidy: 1000000 }, a: null, b: ['granted', 300000] },
    {
      name: 'investment beats the subsidy',
      p: { totalInvestment: 2000000, municipalSubsidy: 1000000 },
      a: ['granted', 600000],
      b: ['excluded', 0],
    },
    {
      name: 'the subsidy beats investment',
      p: { totalInvestment: 1000000, municipalSubsidy: 2000000 },
      a: ['excluded', 0],
      b: ['granted', 600000],
    },
    { name: 'a tie goes to 6.2a', p: { totalInvestment: 1000000, municipalSubsidy: 1000000 }, a: ['granted', 300000], b: ['excluded', 0] },
    {
      name: 'a tie at both caps goes to 6.2a',
      p: { totalInvestment: 10000000, municipalSubsidy: 10000000 },
      a: ['granted', 1000000],
      b: ['excluded', 0],
    },
    {
      name: 'a tie after flooring goes to 6.2a',
      p: { totalInvestment: 1000000.01, municipalSubsidy: 1000000.03 },
      a: ['granted', 300000],
      b: ['excluded', 0],
    },
    {
      name: 'industrial project: 6.2a capped at 2,000,000 beats 6.2b capped at 1,000,000',
      p: { totalInvestment: 10000000, municipalSubsidy: 10000000, industrial: true },
      a: ['granted', 2000000],
      b: ['excluded', 0],
    },
    { name: '6.2a cap exactly: 30% of 3,333,333.34', p: { totalInvestment: 3333333.34 }, a: ['granted', 1000000], b: null },
    { name: '6.2a fen floored: 30% of 3,333,333.33', p: { totalInvestment: 3333333.33 }, a: ['granted', 999999], b: null },
    { name: '6.2a one yuan over: 30% of 3,333,336.67', p: { totalInvestment: 3333336.67 }, a: ['granted', 1000000], b: null },
    {
      name: '6.2a industrial one yuan over: 30% of 6,666,670',
      p: { totalInvestment: 6666670, industrial: true },
      a: ['granted', 2000000],
      b: null,
    },
    { name: '6.2b one yuan over: 30% of 3,333,336.67', p: { municipalSubsidy: 3333336.67 }, a: null, b: ['granted', 1000000] },
    { name: '6.2b industrial: still 1,000,000', p: { municipalSubsidy: 10000000, industrial: true }, a: null, b: ['granted', 1000000] },
  ])('$name', ({ p, a, b }) => {
    const answer = calc(project(p));
    for (const [measure, want] of [
      ['6.2a', a],
      ['6.2b', b],
    ] as const) {
      if (want === null) expect(hasResult(answer, measure), measure).toBe(false);
      else expect(outcome(resultOf(answer, measure, 'SC-1')), measure).toEqual({ status: want[0], amount: want[1] });
    }
  });

  it('says which alternative stands', () => {
    const answer = calc(project({ totalInvestment: 2000000, municipalSubsidy: 1000000 }), { lang: 'en' });
    expect(resultOf(answer, '6.2a', 'SC-1').explanation).toContain(
      'alternative to Article 6(2), Beijing scenario subsidy (6.2b) (300,000): this one is larger and stands',
    );
    expect(resultOf(answer, '6.2b', 'SC-1').reasons).toEqual([
      'alternative to Article 6(2), scenario project (6.2a): that one gives 600,000, more than 300,000 here, so this one is excluded',
    ]);
    const zh = calc(project({ totalInvestment: 2000000, municipalSubsidy: 1000000 }));
    expect(resultOf(zh, '6.2a', 'SC-1').explanation).toContain(
      '与第六条第（2）项（获得市级应用场景建设项目补贴）择一：该项300,000元，本项金额较大，按本项支持',
    );
    expect(resultOf(zh, '6.2b', 'SC-1').reasons).toEqual([
      '与第六条第（2）项（应用场景建设项目）择一：该项600,000元，高于本项300,000元，按该项支持，本项不予支持',
    ]);
    // No assumption where the amounts differ.
    expect(textOf(resultOf(zh, '6.2a', 'SC-1'))).not.toContain('假设');
  });

  it('a tie: 6.2a stands, neither says larger, both show the assumed reading', () => {
    const zh = calc(project({ totalInvestment: 1000000, municipalSubsidy: 1000000 }));
    const won = resultOf(zh, '6.2a', 'SC-1');
    const lost = resultOf(zh, '6.2b', 'SC-1');
    expect(outcome(won)).toEqual({ status: 'granted', amount: 300000 });
    expect(outcome(lost)).toEqual({ status: 'excluded', amount: 0 });
    expect(won.explanation).toContain('与第六条第（2）项（获得市级应用场景建设项目补贴）择一：两项金额相同（均为300,000元），按本项支持');
    expect(lost.reasons).toEqual(['与第六条第（2）项（应用场景建设项目）择一：两项金额相同（均为300,000元），按该项支持，本项不予支持']);
    const assumed = '假设：应用场景建设项目支持与市级补贴支持择一，两项金额相同的，按项目总投入（第六条第（2）项应用场景建设项目）支持';
    expect(won.explanation?.filter((l) => l === assumed)).toHaveLength(1);
    expect(lost.explanation).toContain(assumed);
    for (const r of [won, lost]) expect(textOf(r)).not.toMatch(/较大|高于/);
    const en = calc(project({ totalInvestment: 1000000, municipalSubsidy: 1000000 }), { lang: 'en' });
    expect(resultOf(en, '6.2a', 'SC-1').explanation).toContain(
      'alternative to Article 6(2), Beijing scenario subsidy (6.2b): both give 300,000, and this one stands',
    );
    expect(textOf(resultOf(en, '6.2a', 'SC-1'))).not.toContain('larger');
  });

  it.each([
    { name: '6.2a before', history: [granted('6.2a', 2025, 'SC-1')], a: 'excluded', b: 'excluded' },
    { name: '6.2b before', history: [granted('6.2b', 2025, 'SC-1')], a: 'excluded', b: 'excluded' },
    { name: '6.2b this year', history: [granted('6.2b', 2026, 'SC-1')], a: 'excluded', b: 'excluded' },
    { name: 'another project', history: [granted('6.2a', 2025, 'SC-2')], a: 'granted', b: 'excluded' },
  ])('a grant of either rules out both: $name', ({ history, a, b }) => {
    const answer = calc({ ...project({ totalInvestment: 2000000, municipalSubsidy: 1000000 }), history });
    expect(resultOf(answer, '6.2a', 'SC-1').status).toBe(a);
    expect(resultOf(answer, '6.2b', 'SC-1').status).toBe(b);
  });

  it('says which grant ruled the project out', () => {
    const answer = calc({ ...project({ totalInvestment: 2000000 }), history: [granted('6.2b', 2025, 'SC-1')] }, { lang: 'en' });
    expect(resultOf(answer, '6.2a', 'SC-1').reasons).toEqual([
      'one-time: Article 6(2), Beijing scenario subsidy (6.2b) was granted for it in 2025',
    ]);
    const zh = calc({ ...project({ totalInvestment: 2000000 }), history: [granted('6.2b', 2025, 'SC-1')] });
    expect(resultOf(zh, '6.2a', 'SC-1').reasons).toEqual([
      '已于2025年度享受第六条第（2）项（获得市级应用场景建设项目补贴）支持，同一对象只支持一次',
    ]);
  });

  describe('best of, never twice, against other district policies', () => {
    it.each([
      { name: 'another policy gave the same', awards: [{ policy: 'P', subject: 'SC-1', amount: 600000 }], status: 'excluded', amount: 0 },
      { name: 'another gave more', awards: [{ policy: 'P', subject: 'SC-1', amount: 600000.01 }], status: 'excluded', amount: 0 },
      {
        name: 'another gave one fen less',
        awards: [{ policy: 'P', subject: 'SC-1', amount: 599999.99 }],
        status: 'granted',
        amount: 600000,
      },
      { name: 'another gave 450,000', awards: [{ policy: 'P', subject: 'SC-1', amount: 450000 }], status: 'granted', amount: 600000 },
      {
        name: 'another gave as a decimal string',
        awards: [{ policy: 'P', subject: 'SC-1', amount: '600000.00' }],
        status: 'excluded',
        amount: 0,
      },
      {
        name: 'two policies together gave the same',
        awards: [
          { policy: 'P', subject: 'SC-1', amount: 300000 },
          { policy: 'Q', subject: 'SC-1', amount: 300000 },
        ],
        status: 'excluded',
        amount: 0,
      },
      {
        name: 'an award for another subject',
        awards: [{ policy: 'P', subject: 'SC-2', amount: 900000 }],
        status: 'granted',
        amount: 600000,
      },
    ])('$name → $status', ({ awards, status, amount }) => {
      const r = result({ ...project({ totalInvestment: 2000000 }), otherPolicyAwards: awards }, '6.2a', 'SC-1');
      expect(outcome(r)).toEqual({ status, amount });
    });

    it('after the alternatives: the winner meets the other policy', () => {
      const p = project({ totalInvestment: 2000000, municipalSubsidy: 1000000 });
      const won = calc({ ...p, otherPolicyAwards: [{ policy: 'P', subject: 'SC-1', amount: 450000 }] });
      expect(outcome(resultOf(won, '6.2a', 'SC-1'))).toEqual({ status: 'granted', amount: 600000 });
      expect(resultOf(won, '6.2b', 'SC-1').status).toBe('excluded');
      expect(won.total).toBe(600000);
      const lost = calc({ ...p, otherPolicyAwards: [{ policy: 'P', subject: 'SC-1', amount: 700000 }] });
      expect(resultOf(lost, '6.2a', 'SC-1').status).toBe('excluded');
      expect(resultOf(lost, '6.2b', 'SC-1').status).toBe('excluded');
      expect(lost.total).toBe(0);
    });

    it('explains both ways with the figures', () => {
      const won = result(
        { ...project({ totalInvestment: 2000000 }), otherPolicyAwards: [{ policy: '丰台区某项措施', subject: 'SC-1', amount: 450000.5 }] },
        '6.2a',
        'SC-1',
        {
          lang: 'en',
        },
      );
      expect(won.explanation).toContain(
        'best of, never twice: other district policies gave 丰台区某项措施: 450,000.50; 600,000 here is larger and replaces it',
      );
      const wonZh = result(
        { ...project({ totalInvestment: 2000000 }), otherPolicyAwards: [{ policy: '丰台区某项措施', subject: 'SC-1', amount: 450000.5 }] },
        '6.2a',
        'SC-1',
      );
      expect(wonZh.explanation).toContain(
        '从优不重复：区内其他政策已给予支持（丰台区某项措施450,000.50元），本项600,000元高于原支持，按本政策支持，原支持不再享受',
      );
      const lost = result(
        { ...project({ totalInvestment: 2000000 }), otherPolicyAwards: [{ policy: '丰台区某项措施', subject: 'SC-1', amount: 600000 }] },
        '6.2a',
        'SC-1',
        {
          lang: 'zh',
        },
      );
      // A tie is not "not less than": it says the amounts are the same.
      expect(lost.reasons).toEqual([
        '从优不重复：区内其他政策已给予支持（丰台区某项措施600,000元），与本项600,000元金额相同，不再重复支持',
      ]);
      const more = result(
        { ...project({ totalInvestment: 2000000 }), otherPolicyAwards: [{ policy: '丰台区某项措施', subject: 'SC-1', amount: 700000 }] },
        '6.2a',
        'SC-1',
      );
      expect(more.reasons).toEqual(['从优不重复：区内其他政策已给予支持（丰台区某项措施700,000元），不低于本项600,000元，不再重复支持']);
    });
  });
});

describe('第六条(2) (6.2c): benchmark cases', () => {
  it.each([
    { name: 'rated in the year', year: 2026, date: '2026-09-01', history: [], status: 'granted', amount: 300000 },
    { name: 'rated the year before', year: 2026, date: '2025-12-01', history: [], status: 'ineligible', amount: 0 },
    { name: 'rated 2025-10-29', year: 2025, date: '2025-10-29', history: [], status: 'excluded', amount: 0 },
    { name: 'granted before', year: 2026, date: '2026-09-01', history: [granted('6.2c', 2025)], status: 'excluded', amount: 0 },
  ])('$name → $status $amount', ({ year, date, history, status, amount }) => {
    const r = result({ year, facts: { benchmarkCases: [{ id: 'BC-1', level: 'municipal', date }] }, history }, '6.2c');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.review).toBe(true);
    if (status === 'granted') {
      expect(r.cap).toBe(300000);
      expect(r.explanation).toContain('最高300,000元，以评审认定为准');
    }
  });

  it('once per enterprise, however many cases', () => {
    const a = calc({
      facts: {
        benchmarkCases: [
          { id: 'BC-1', level: 'municipal', date: '2026-09-01' },
          { id: 'BC-2', level: 'national', date: '2026-10-01' },
        ],
      },
    });
    expect(a.results.filter((r) => r.measure === '6.2c')).toHaveLength(1);
    expect(a.total).toBe(300000);
  });
});

describe('第六条(3) (6.3a, 6.3b): first-set (首台套) products', () => {
  it.each([
    { name: 'in the catalogue', products: [{ id: 'FS-1', inBeijingCatalogue: true }], history: [], status: 'granted', amount: 300000 },
    { name: 'not in the catalogue', products: [{ id: 'FS-1', inBeijingCatalogue: false }], history: [], status: 'ineligible', amount: 0 },
    {
      name: 'one of two in the catalogue',
      products: [
        { id: 'FS-1', inBeijingCatalogue: false },
        { id: 'FS-2', inBeijingCatalogue: true },
      ],
      history: [],
      status: 'granted',
      amount: 300000,
    },
    {
      name: 'granted before',
      products: [{ id: 'FS-1', inBeijingCatalogue: true }],
      history: [granted('6.3a', 2025)],
      status: 'excluded',
      amount: 0,
    },
  ])('6.3a: $name → $status $amount', ({ products, history, status, amount }) => {
    const r = result({ facts: { firstSetProducts: products }, history }, '6.3a');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.review).toBe(true);
    if (status === 'granted') expect(r.explanation).toContain('最高300,000元，以评审认定为准');
  });

  describe('6.3a: the catalogue date, when given, must be in force and in the assessment year', () => {
    const listed = (id: string, catalogueDate?: string) => ({
      id,
      inBeijingCatalogue: true,
      ...(catalogueDate === undefined ? {} : { catalogueDate }),
    });
    it.each([
      { name: 'dated in the year', year: 2026, products: [listed('FS-1', '2026-04-01')], status: 'granted', reason: undefined },
      { name: 'undated: taken as listed in the year', year: 2026, products: [listed('FS-1')], status: 'granted', reason: undefined },
      {
        name: 'dated the year before',
        year: 2026,
        products: [listed('FS-1', '2025-12-01')],
        status: 'ineligible',
        reason: '“FS-1”日期为2025年12月1日，不属于评估年度（2026年度）',
      },
      {
        name: 'dated in the year, before the policy took effect',
        year: 2025,
        products: [listed('FS-1', '2025-04-01')],
        status: 'excluded',
        reason: '“FS-1”日期为2025年4月1日，早于政策施行日期（2025年10月30日）',
      },
      {
        name: 'dated after the term',
        year: 2028,
        products: [listed('FS-1', '2029-01-01')],
        status: 'ineligible',
        reason: '“FS-1”日期为2029年1月1日，不属于评估年度（2028年度）',
      },
      {
        name: 'one dated outside the year, one dated inside',
        year: 2026,
        products: [listed('FS-1', '2025-12-01'), listed('FS-2', '2026-03-01')],
        status: 'granted',
        reason: undefined,
      },
      {
        name: 'one dated outside the year, one undated',
        year: 2026,
        products: [listed('FS-1', '2025-12-01'), listed('FS-2')],
        status: 'granted',
        reason: undefined,
      },
      {
        name: 'a date on a product not in the catalogue does not count',
        year: 2026,
        products: [{ id: 'FS-1', inBeijingCatalogue: false, catalogueDate: '2026-04-01' }, listed('FS-2', '2025-04-01')],
        status: 'ineligible',
        reason: '“FS-2”日期为2025年4月1日，不属于评估年度（2026年度）',
      },
    ])('$name → $status', ({ year, products, status, reason }) => {
      const r = result({ year, facts: { firstSetProducts: products } }, '6.3a');
      expect(outcome(r)).toEqual({ status, amount: status === 'granted' ? 300000 : 0 });
      if (reason !== undefined) expect(r.reasons).toEqual([reason]);
    });

    it('shows the date that counts', () => {
      const r = result({ facts: { firstSetProducts: [listed('FS-1', '2026-04-01')] } }, '6.3a');
      expect(r.explanation).toContain('“FS-1”日期为2026年4月1日，在政策有效期和评估年度内');
    });
  });

  it.each([
    { name: '30% of 1,000,000', product: { municipalSubsidy: 1000000 }, status: 'granted', amount: 300000, cap: 1000000 },
    {
      name: 'cap exactly: 30% of 3,333,333.34',
      product: { municipalSubsidy: 3333333.34 },
      status: 'granted',
      amount: 1000000,
      cap: 1000000,
    },
    {
      name: 'one yuan over: 30% of 3,333,336.67',
      product: { municipalSubsidy: 3333336.67 },
      status: 'granted',
      amount: 1000000,
      cap: 1000000,
    },
    {
      name: 'industrial: 30% of 5,000,000',
      product: { municipalSubsidy: 5000000, industrial: true },
      status: 'granted',
      amount: 1500000,
      cap: 2000000,
    },
    {
      name: 'industrial one yuan over: 30% of 6,666,670',
      product: { municipalSubsidy: 6666670, industrial: true },
      status: 'granted',
      amount: 2000000,
      cap: 2000000,
    },
    { name: 'subsidy 0', product: { municipalSubsidy: 0 }, status: 'ineligible', amount: 0, cap: undefined },
  ])('6.3b: $name → $status $amount', ({ product, status, amount, cap }) => {
    const r = result({ facts: { firstSetProducts: [{ id: 'FS-1', ...product }] } }, '6.3b', 'FS-1');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.cap).toBe(cap);
  });

  it('6.3b: one-time per product; a product with no subsidy has no 6.3b result', () => {
    const a = calc({
      facts: {
        firstSetProducts: [
          { id: 'FS-1', municipalSubsidy: 1000000 },
          { id: 'FS-2', municipalSubsidy: 1000000 },
          { id: 'FS-3', inBeijingCatalogue: true },
        ],
      },
      history: [granted('6.3b', 2025, 'FS-1')],
    });
    expect(resultOf(a, '6.3b', 'FS-1').status).toBe('excluded');
    expect(outcome(resultOf(a, '6.3b', 'FS-2'))).toEqual({ status: 'granted', amount: 300000 });
    expect(a.results.some((r) => r.measure === '6.3b' && r.subject === 'FS-3')).toBe(false);
    expect(a.total).toBe(600000);
  });
});

describe('第六条(4) (6.4): standards', () => {
  it.each([
    { level: 'international', amount: 300000 },
    { level: 'national', amount: 200000 },
    { level: 'industry', amount: 100000 },
  ])('a $level standard → $amount', ({ level, amount }) => {
    const r = result({ facts: { standards: [{ id: 'STD-1', level, date: '2026-06-01' }] } }, '6.4', 'STD-1');
    expect(outcome(r)).toEqual({ status: 'granted', amount });
    expect(r.cap).toBe(amount);
  });

  it.each([
    { name: 'published the year before', year: 2026, date: '2025-06-01', history: [], status: 'ineligible' },
    { name: 'published 2025-10-29', year: 2025, date: '2025-10-29', history: [], status: 'excluded' },
    { name: 'published 2025-10-30', year: 2025, date: '2025-10-30', history: [], status: 'granted' },
    { name: 'this standard granted before', year: 2026, date: '2026-06-01', history: [granted('6.4', 2025, 'STD-1')], status: 'excluded' },
    {
      name: 'another standard granted before',
      year: 2026,
      date: '2026-06-01',
      history: [granted('6.4', 2025, 'STD-0')],
      status: 'granted',
    },
  ])('$name → $status', ({ year, date, history, status }) => {
    const r = result({ year, facts: { standards: [{ id: 'STD-1', level: 'national', date }] }, history }, '6.4', 'STD-1');
    expect(r.status).toBe(status);
  });

  it('explains the maximum (never a fixed amount) and the dates', () => {
    const text = textOf(
      result({ facts: { standards: [{ id: 'GB/T 1-2026', level: 'national', date: '2026-06-01' }] } }, '6.4', 'GB/T 1-2026', {
        lang: 'en',
      }),
    );
    expect(text).toContain('applies: national standard');
    expect(text).toContain('GB/T 1-2026: dated 2026-06-01, inside the term and the year');
    expect(text).toContain('up to 200,000, subject to expert review');
    const zh = result({ facts: { standards: [{ id: 'GB/T 1-2026', level: 'national', date: '2026-06-01' }] } }, '6.4', 'GB/T 1-2026');
    expect(zh.review).toBe(true);
    expect(zh.citation).toBe('第六条第（4）项');
    expect(zh.explanation).toContain('适用：国家标准');
    expect(zh.explanation).toContain('“GB/T 1-2026”日期为2026年6月1日，在政策有效期和评估年度内');
    expect(zh.explanation).toContain('最高200,000元，以评审认定为准');
    expect(textOf(zh)).not.toContain('定额');
  });
});
