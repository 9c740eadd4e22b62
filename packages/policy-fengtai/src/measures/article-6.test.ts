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

  it('says when no prize was set', () => {
    const r = result({ facts: { agentCompetitionPrizes: [{ id: 'AC-1' }] } }, '6.1', 'AC-1', { lang: 'en' });
    expect(r.explanation).toContain('no prize set by the competition: the cap');
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
    expect(resultOf(answer, '6.2a', 'SC-1').explanation).toContain('alternative to 6.2b (300,000): this one is larger and stands');
    expect(resultOf(answer, '6.2b', 'SC-1').reasons).toEqual([
      'alternative to 6.2a: 6.2a gives 600,000, not less than 300,000 here, so this one is excluded',
    ]);
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
    expect(resultOf(answer, '6.2a', 'SC-1').reasons).toEqual(['one-time (per subject): already granted under 6.2b in 2025']);
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
        'best of, never twice: other district policies (丰台区某项措施) gave 450,000.50; 600,000 here is larger and replaces it',
      );
      const lost = result(
        { ...project({ totalInvestment: 2000000 }), otherPolicyAwards: [{ policy: '丰台区某项措施', subject: 'SC-1', amount: 600000 }] },
        '6.2a',
        'SC-1',
        {
          lang: 'zh',
        },
      );
      expect(lost.reasons).toEqual(['从优不重复:区内其他政策(丰台区某项措施)已支持 600,000 元,不低于本项 600,000 元,不再重复支持']);
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
    expect(outcome(result({ facts: { firstSetProducts: products }, history }, '6.3a'))).toEqual({ status, amount });
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

  it('explains the fixed amount and the dates', () => {
    const text = textOf(
      result({ facts: { standards: [{ id: 'GB/T 1-2026', level: 'national', date: '2026-06-01' }] } }, '6.4', 'GB/T 1-2026', {
        lang: 'en',
      }),
    );
    expect(text).toContain('applies: national standard');
    expect(text).toContain('GB/T 1-2026: dated 2026-06-01, inside the term and the year');
    expect(text).toContain('fixed amount 200,000');
  });
});
