import { describe, expect, it } from 'vitest';
import { calc, granted, hasResult, outcome, result, resultOf, textOf } from '../test-helpers.js';

describe('第四条(1) (4.1): joint-fund matching has no figure', () => {
  it('a contribution → pending, amount 0, not in the total', () => {
    const a = calc({ facts: { jointFundContribution: 1000000, dataAssetRegistrationFees: 60000 } }, { lang: 'en' });
    const r = resultOf(a, '4.1');
    expect(outcome(r)).toEqual({ status: 'pending', amount: 0 });
    expect(r.reasons).toEqual(["district matching: the text sets no rate or amount; the year's call guide sets it"]);
    expect(resultOf(calc({ facts: { jointFundContribution: 1000000 } }), '4.1').reasons).toEqual([
      '区级配套资金，原文未规定比例或金额，以年度申报指南为准',
    ]);
    expect(r.citation).toBe('第四条第（1）项');
    expect(a.total).toBe(18000);
  });

  it('no contribution → ineligible', () => {
    const r = result({ facts: { jointFundContribution: 0 } }, '4.1', null, { lang: 'en' });
    expect(outcome(r)).toEqual({ status: 'ineligible', amount: 0 });
    expect(r.reasons).toEqual(['no contribution to the joint fund']);
  });

  it('outside the term → excluded, not pending', () => {
    expect(result({ year: 2029, facts: { jointFundContribution: 1000000 } }, '4.1').status).toBe('excluded');
  });
});

describe('第四条(2) (4.2): "揭榜挂帅" challenge projects', () => {
  it.each([
    { name: '30% of 5,000,000', investment: 5000000, status: 'granted', amount: 1500000 },
    { name: 'cap exactly: 30% of 6,666,666.67 = 2,000,000.001', investment: 6666666.67, status: 'granted', amount: 2000000 },
    { name: 'one yuan over: 30% of 6,666,670', investment: 6666670, status: 'granted', amount: 2000000 },
    { name: 'fen floored: 30% of 333,333.33', investment: 333333.33, status: 'granted', amount: 99999 },
    { name: 'nothing invested', investment: 0, status: 'ineligible', amount: 0 },
  ])('$name → $status $amount', ({ investment, status, amount }) => {
    const r = result({ facts: { challengeProjects: [{ id: 'JB-1', field: 'robot', totalInvestment: investment }] } }, '4.2', 'JB-1');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.review).toBe(true);
  });

  it.each([
    { name: 'this project granted before', history: [granted('4.2', 2025, 'JB-1')], status: 'excluded' },
    { name: 'another project granted before', history: [granted('4.2', 2025, 'JB-2')], status: 'granted' },
  ])('one-time per project: $name → $status', ({ history, status }) => {
    const r = result({ facts: { challengeProjects: [{ id: 'JB-1', totalInvestment: 5000000 }] }, history }, '4.2', 'JB-1');
    expect(r.status).toBe(status);
  });
});

describe('第四条(3) (4.3): R&D increase, tiers assumed', () => {
  // Tiers on the increase (assumed): [1M,3M) 100,000 · [3M,5M) 200,000 · [5M,10M) 300,000 · [10M,20M) 400,000 · ≥20M 500,000.
  it.each([
    { increase: '999999.99', status: 'ineligible', amount: 0 },
    { increase: '1000000', status: 'granted', amount: 100000 },
    { increase: '1000000.01', status: 'granted', amount: 100000 },
    { increase: '2999999.99', status: 'granted', amount: 100000 },
    { increase: '3000000', status: 'granted', amount: 200000 },
    { increase: '4999999.99', status: 'granted', amount: 200000 },
    { increase: '5000000', status: 'granted', amount: 300000 },
    { increase: '9999999.99', status: 'granted', amount: 300000 },
    { increase: '10000000', status: 'granted', amount: 400000 },
    { increase: '19999999.99', status: 'granted', amount: 400000 },
    { increase: '20000000', status: 'granted', amount: 500000 },
    { increase: '900000000', status: 'granted', amount: 500000 },
  ])('an increase of $increase → $status $amount', ({ increase, status, amount }) => {
    // The same increase over nothing and over 9,000,000 the year before.
    const over0 = result({ facts: { rdSpend: increase, previousRdSpend: 0 } }, '4.3');
    expect(outcome(over0)).toEqual({ status, amount });
    const [whole, fen = ''] = increase.split('.');
    const rdSpend = `${Number(whole) + 9000000}${fen ? `.${fen}` : ''}`;
    const over9m = result({ facts: { rdSpend, previousRdSpend: 9000000 } }, '4.3');
    expect(outcome(over9m)).toEqual({ status, amount });
  });

  it('previous R&D spend left out is never read as 0: incomplete, naming the field', () => {
    // An increase of 1,000,000 over 0 would be granted; left out, it is not known.
    const r = result({ facts: { rdSpend: 1000000 } }, '4.3', null, { lang: 'en' });
    expect(outcome(r)).toEqual({ status: 'incomplete', amount: 0 });
    expect(r.missing).toEqual(['facts.previousRdSpend']);
    expect(r.reasons).toEqual(["missing last year's R&D spend: cannot be calculated"]);
    expect(result({ facts: { rdSpend: 1000000 } }, '4.3').reasons).toEqual(['缺少“上年度研发费用”，无法测算']);
    expect(calc({ facts: { rdSpend: 1000000 } }).total).toBe(0);
  });

  it.each([
    { name: 'rdSpend alone', facts: { rdSpend: 20000000 }, status: 'incomplete', amount: 0, missing: ['facts.previousRdSpend'] },
    { name: 'rdSpend 0 alone', facts: { rdSpend: 0 }, status: 'incomplete', amount: 0, missing: ['facts.previousRdSpend'] },
    { name: 'both, previous 0', facts: { rdSpend: 20000000, previousRdSpend: 0 }, status: 'granted', amount: 500000, missing: undefined },
    { name: 'both, equal', facts: { rdSpend: 5000000, previousRdSpend: 5000000 }, status: 'ineligible', amount: 0, missing: undefined },
  ])('missing facts: $name → $status', ({ facts, status, amount, missing }) => {
    const a = calc({ facts });
    const r = resultOf(a, '4.3');
    expect(outcome(r)).toEqual({ status, amount });
    expect(r.missing).toEqual(missing);
    expect(a.total).toBe(amount);
  });

  it('missing facts: granted before, the figure is not needed (excluded, not incomplete)', () => {
    const r = result({ facts: { rdSpend: 20000000 }, history: [granted('4.3', 2025)] }, '4.3');
    expect(outcome(r)).toEqual({ status: 'excluded', amount: 0 });
    expect(r.missing).toBeUndefined();
    expect(r.reasons).toEqual(['已于2025年度享受本项支持（一次性）']);
  });

  it('missing facts: after the term, the figure is not needed', () => {
    const r = result({ year: 2029, facts: { rdSpend: 20000000 } }, '4.3');
    expect(outcome(r)).toEqual({ status: 'excluded', amount: 0 });
    expect(r.reasons).toEqual(['2029年度不在政策有效期（2025年10月30日至2028年12月31日）内，不予新增支持']);
  });

  it('a decrease → ineligible', () => {
    expect(outcome(result({ facts: { rdSpend: 5000000, previousRdSpend: 9000000 } }, '4.3'))).toEqual({ status: 'ineligible', amount: 0 });
  });

  it('one-time per enterprise', () => {
    expect(result({ facts: { rdSpend: 20000000, previousRdSpend: 0 }, history: [granted('4.3', 2025)] }, '4.3').status).toBe('excluded');
  });

  it('explains with the figures and shows the assumed tiers, in English and Chinese', () => {
    const facts = { rdSpend: 13234567.89, previousRdSpend: 9000000 };
    const en = result({ facts }, '4.3', null, { lang: 'en' });
    expect(outcome(en)).toEqual({ status: 'granted', amount: 200000 });
    const enText = textOf(en);
    expect(enText).toContain('R&D increase 4,234,567.89: tier "3,000,000 (incl.) to 5,000,000" reached: 200,000');
    expect(enText).toContain('R&D spend 13,234,567.89 − 9,000,000 the year before = an increase of 4,234,567.89');
    expect(enText).toContain('assumed: the text gives no bands');
    const zh = result({ facts }, '4.3', null, { lang: 'zh' });
    expect(zh.review).toBe(false);
    expect(zh.citation).toBe('第四条第（3）项');
    expect(zh.explanation).toContain('本年度研发费用13,234,567.89元－上年度研发费用9,000,000元＝增量4,234,567.89元');
    expect(zh.explanation).toContain('研发费用增量4,234,567.89元，达到“300万元（含）至500万元”档，支持200,000元');
    expect(zh.explanation?.filter((line) => line.startsWith('假设：原文未列分档金额'))).toHaveLength(1);
  });

  it('says a decrease as a decrease', () => {
    const r = result({ facts: { rdSpend: 5000000, previousRdSpend: 9000000 } }, '4.3');
    expect(r.explanation).toContain('本年度研发费用5,000,000元－上年度研发费用9,000,000元＝减少4,000,000元');
    expect(r.reasons).toEqual(['研发费用增量0元，未达到最低档1,000,000元']);
  });

  it('says the increase is below the lowest tier', () => {
    const r = result({ facts: { rdSpend: 999999.99, previousRdSpend: 0 } }, '4.3', null, { lang: 'en' });
    expect(r.reasons).toEqual(['R&D increase 999,999.99 is below the lowest tier 1,000,000']);
    expect(result({ facts: { rdSpend: 999999.99, previousRdSpend: 0 } }, '4.3').reasons).toEqual([
      '研发费用增量999,999.99元，未达到最低档1,000,000元',
    ]);
  });

  it('no R&D spend: no result', () => {
    expect(hasResult(calc({ facts: { previousRdSpend: 1 } }), '4.3')).toBe(false);
  });
});

describe('第四条(4) (4.4): national / Beijing key projects', () => {
  it.each([
    { name: 'national 20% of 8,000,000', level: 'national', funding: 8000000, status: 'granted', amount: 1600000 },
    { name: 'national cap exactly: 20% of 10,000,000', level: 'national', funding: 10000000, status: 'granted', amount: 2000000 },
    { name: 'national one yuan over: 20% of 10,000,005', level: 'national', funding: 10000005, status: 'granted', amount: 2000000 },
    { name: 'Beijing 10% of 10,000,000', level: 'municipal', funding: 10000000, status: 'granted', amount: 1000000 },
    { name: 'Beijing cap exactly: 10% of 20,000,000', level: 'municipal', funding: 20000000, status: 'granted', amount: 2000000 },
    { name: 'Beijing one yuan over: 10% of 20,000,010', level: 'municipal', funding: 20000010, status: 'granted', amount: 2000000 },
    { name: 'Beijing fen floored: 10% of 1,234,567.89', level: 'municipal', funding: 1234567.89, status: 'granted', amount: 123456 },
    { name: 'no funding', level: 'national', funding: 0, status: 'ineligible', amount: 0 },
  ])('$name → $status $amount', ({ level, funding, status, amount }) => {
    const r = result({ facts: { keyProjects: [{ id: 'KP-1', level, funding }] } }, '4.4', 'KP-1');
    expect(outcome(r)).toEqual({ status, amount });
    if (status === 'granted') expect(r.cap).toBe(2000000);
  });

  it('one-time per project', () => {
    const a = calc({
      facts: {
        keyProjects: [
          { id: 'KP-1', level: 'national', funding: 1000000 },
          { id: 'KP-2', level: 'municipal', funding: 1000000 },
        ],
      },
      history: [granted('4.4', 2025, 'KP-1')],
    });
    expect(resultOf(a, '4.4', 'KP-1').status).toBe('excluded');
    expect(outcome(resultOf(a, '4.4', 'KP-2'))).toEqual({ status: 'granted', amount: 100000 });
  });
});
