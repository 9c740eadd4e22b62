import { describe, expect, it } from 'vitest';
import { calc, outcome, type RequestParts, resultOf, textOf } from './test-helpers.js';

/*
 * Best of, never twice (从优不重复, MEASURES.md): per key — the subject for per-subject measures,
 * the measure id for the others (5.1 included) — this policy's granted sum for the key, after
 * alternatives, against the sum of the other district policies' awards for it. Strictly larger:
 * every result for the key stands; otherwise every result for the key is excluded.
 */

/** One project id, P-1, across 4.2 (1,500,000), 4.4 (200,000) and 6.2a (300,000): 2,000,000 in all. */
const ONE_PROJECT = {
  challengeProjects: [{ id: 'P-1', field: 'robot', totalInvestment: 5000000 }],
  keyProjects: [{ id: 'P-1', level: 'national', funding: 1000000 }],
  scenarioProjects: [{ id: 'P-1', totalInvestment: 1000000 }],
};
const PROJECT_MEASURES = ['4.2', '4.4', '6.2a'] as const;
const PROJECT_AMOUNTS = { '4.2': 1500000, '4.4': 200000, '6.2a': 300000 };

const award = (policy: string, key: { subject: string } | { measure: string }, amount: number | string) => ({ policy, ...key, amount });

describe('best of, never twice: one project id across several measures, summed', () => {
  it.each([
    { name: 'the outside award one fen below the sum: all stand', amount: 1999999.99, stands: true },
    { name: 'the outside award far below the sum: all stand', amount: 100000, stands: true },
    { name: 'the outside award equal to the sum: all excluded', amount: 2000000, stands: false },
    { name: 'the outside award above the sum: all excluded', amount: 2000000.01, stands: false },
    // Larger than every single result, smaller than the sum: the sum decides, so all stand.
    { name: 'larger than each result but below the sum: all stand', amount: 1600000, stands: true },
  ])('$name', ({ amount, stands }) => {
    const a = calc({ facts: ONE_PROJECT, otherPolicyAwards: [award('丰台区某项措施', { subject: 'P-1' }, amount)] });
    for (const m of PROJECT_MEASURES) {
      expect(outcome(resultOf(a, m, 'P-1')), m).toEqual(
        stands ? { status: 'granted', amount: PROJECT_AMOUNTS[m] } : { status: 'excluded', amount: 0 },
      );
    }
    expect(a.total).toBe(stands ? 2000000 : 0);
  });

  it('says the sum and its parts, and that the other support is given up', () => {
    const a = calc({ facts: ONE_PROJECT, otherPolicyAwards: [award('丰台区某项措施', { subject: 'P-1' }, 1999999.99)] });
    const line =
      '从优不重复：区内其他政策已给予支持（丰台区某项措施1,999,999.99元），本政策对“P-1”合计2,000,000元（第四条第（2）项（“揭榜挂帅”攻关项目）1,500,000元、第四条第（4）项（国家、北京市重点项目配套）200,000元、第六条第（2）项（应用场景建设项目）300,000元）高于原支持，按本政策支持，原支持不再享受';
    for (const m of PROJECT_MEASURES) expect(resultOf(a, m, 'P-1').explanation, m).toContain(line);
  });

  it('a tie says the amounts are the same, never larger or not less', () => {
    const a = calc({ facts: ONE_PROJECT, otherPolicyAwards: [award('丰台区某项措施', { subject: 'P-1' }, 2000000)] });
    for (const m of PROJECT_MEASURES) {
      const r = resultOf(a, m, 'P-1');
      expect(r.reasons?.[0], m).toMatch(
        /^从优不重复：区内其他政策已给予支持（丰台区某项措施2,000,000元），与本政策对“P-1”合计2,000,000元（.*）金额相同，不再重复支持$/,
      );
      expect(textOf(r)).not.toMatch(/较大|高于|不低于/);
    }
    const en = calc({ facts: ONE_PROJECT, otherPolicyAwards: [award('丰台区某项措施', { subject: 'P-1' }, 2000000)] }, { lang: 'en' });
    expect(resultOf(en, '4.2', 'P-1').reasons?.[0]).toContain('the same as 2,000,000 from this policy for P-1 in all');
  });

  it('two outside awards for the key are summed, and named one by one', () => {
    const parts: RequestParts = {
      facts: ONE_PROJECT,
      otherPolicyAwards: [award('丰台区某项措施', { subject: 'P-1' }, 1000000), award('另一项政策', { subject: 'P-1' }, 1000000)],
    };
    const a = calc(parts);
    for (const m of PROJECT_MEASURES) expect(resultOf(a, m, 'P-1').status).toBe('excluded');
    expect(resultOf(a, '4.2', 'P-1').reasons?.[0]).toContain('（丰台区某项措施1,000,000元、另一项政策1,000,000元，合计2,000,000元）');
    const less = calc({
      ...parts,
      otherPolicyAwards: [award('丰台区某项措施', { subject: 'P-1' }, 1000000), award('另一项政策', { subject: 'P-1' }, 999999.99)],
    });
    for (const m of PROJECT_MEASURES) expect(resultOf(less, m, 'P-1').status).toBe('granted');
  });

  it('the sum is taken after the alternatives: the excluded alternative does not count', () => {
    // 6.2a 600,000 beats 6.2b 300,000 on P-1; with 4.2 1,500,000 the sum is 2,100,000, not 2,400,000.
    const facts = {
      challengeProjects: [{ id: 'P-1', totalInvestment: 5000000 }],
      scenarioProjects: [{ id: 'P-1', totalInvestment: 2000000, municipalSubsidy: 1000000 }],
    };
    const stands = calc({ facts, otherPolicyAwards: [award('P', { subject: 'P-1' }, 2099999.99)] });
    expect(resultOf(stands, '4.2', 'P-1').status).toBe('granted');
    expect(outcome(resultOf(stands, '6.2a', 'P-1'))).toEqual({ status: 'granted', amount: 600000 });
    expect(resultOf(stands, '6.2b', 'P-1').status).toBe('excluded');
    expect(stands.total).toBe(2100000);
    const excluded = calc({ facts, otherPolicyAwards: [award('P', { subject: 'P-1' }, 2100000)] });
    for (const m of ['4.2', '6.2a', '6.2b']) expect(resultOf(excluded, m, 'P-1').status, m).toBe('excluded');
    expect(excluded.total).toBe(0);
  });

  it('another subject is another key', () => {
    const a = calc({ facts: ONE_PROJECT, otherPolicyAwards: [award('P', { subject: 'P-2' }, 9000000)] });
    expect(a.total).toBe(2000000);
  });
});

describe('best of, never twice: enterprise-level measures by measure key', () => {
  const RECOGNITIONS = {
    recognitions: [
      { id: 'LG', type: 'little-giant', date: '2026-07-01' },
      { id: 'HT', type: 'high-tech', date: '2026-11-01' },
    ],
  };

  it.each([
    { name: 'equal: 5.3a excluded', amount: 500000, a: { status: 'excluded', amount: 0 } },
    { name: 'more: 5.3a excluded', amount: 600000, a: { status: 'excluded', amount: 0 } },
    { name: 'less: 5.3a stands', amount: 499999.99, a: { status: 'granted', amount: 500000 } },
  ])('an award naming 5.3a affects 5.3a only ($name); 5.3b stands', ({ amount, a }) => {
    const answer = calc({ facts: RECOGNITIONS, otherPolicyAwards: [award('丰台区专精特新企业奖励', { measure: '5.3a' }, amount)] });
    expect(outcome(resultOf(answer, '5.3a'))).toEqual(a);
    expect(outcome(resultOf(answer, '5.3b'))).toEqual({ status: 'granted', amount: 300000 });
    expect(textOf(resultOf(answer, '5.3b'))).not.toContain('从优不重复');
  });

  it('the reason names the other policy and its amount; a tie says so', () => {
    const r = resultOf(
      calc({ facts: RECOGNITIONS, otherPolicyAwards: [award('丰台区专精特新企业奖励', { measure: '5.3a' }, 500000)] }),
      '5.3a',
    );
    expect(r.reasons).toEqual([
      '从优不重复：区内其他政策已给予支持（丰台区专精特新企业奖励500,000元），与本项500,000元金额相同，不再重复支持',
    ]);
  });

  it.each([
    { name: 'equal', amount: 1000000, status: 'excluded' },
    { name: 'one fen less', amount: 999999.99, status: 'granted' },
  ])('an award naming 1 (a compute voucher) excludes 1 only: $name → $status', ({ amount, status }) => {
    const a = calc({
      enterprise: { aiPartnerProgram: true },
      facts: { computeSpend: 5000000, generalModelPurchase: 400000 },
      otherPolicyAwards: [award('丰台区算力券', { measure: '1' }, amount)],
    });
    expect(resultOf(a, '1').status).toBe(status);
    expect(outcome(resultOf(a, '2.2'))).toEqual({ status: 'granted', amount: 120000 });
  });

  it.each([
    { name: 'revenue-100m', facts: { revenue: 100000000, priorMaxRevenue: 60000000 }, subject: 'revenue-100m', ours: 300000 },
    { name: 'revenue-1b', facts: { revenue: 1000000000, priorMaxRevenue: 0 }, subject: 'revenue-1b', ours: 1000000 },
    { name: '首次达规', facts: { firstAboveDesignatedSize: true }, subject: 'above-designated-size', ours: 100000 },
  ])('an award naming 5.1 compares with the 5.1 result whatever its tier: $name', ({ facts, subject, ours }) => {
    const equal = calc({ facts, otherPolicyAwards: [award('P', { measure: '5.1' }, ours)] });
    expect(outcome(resultOf(equal, '5.1', subject))).toEqual({ status: 'excluded', amount: 0 });
    const less = calc({ facts, otherPolicyAwards: [award('P', { measure: '5.1' }, ours - 0.01)] });
    expect(outcome(resultOf(less, '5.1', subject))).toEqual({ status: 'granted', amount: ours });
  });

  it('two awards for one measure key are summed', () => {
    const facts = { revenue: 100000000, priorMaxRevenue: 60000000 };
    const summed = calc({
      facts,
      otherPolicyAwards: [award('丰台区某项措施', { measure: '5.1' }, 200000), award('另一项政策', { measure: '5.1' }, 100000)],
    });
    const r = resultOf(summed, '5.1', 'revenue-100m');
    expect(outcome(r)).toEqual({ status: 'excluded', amount: 0 });
    expect(r.reasons).toEqual([
      '从优不重复：区内其他政策已给予支持（丰台区某项措施200,000元、另一项政策100,000元，合计300,000元），与本项300,000元金额相同，不再重复支持',
    ]);
    const below = calc({ facts, otherPolicyAwards: [award('P', { measure: '5.1' }, 200000), award('Q', { measure: '5.1' }, 99999.99)] });
    expect(resultOf(below, '5.1', 'revenue-100m').status).toBe('granted');
  });

  it.each([
    { name: 'a 5.1 tier named as a subject (5.1 is keyed by its measure)', key: { subject: 'revenue-100m' } },
    { name: 'a subject no fact names', key: { subject: 'NO-SUCH-PROJECT' } },
    { name: 'a measure with no result', key: { measure: '9.3' } },
    { name: 'a measure whose result is not granted', key: { measure: '4.3' } },
  ])('an award naming $name has no effect', ({ key }) => {
    const parts: RequestParts = { facts: { revenue: 100000000, priorMaxRevenue: 60000000, rdSpend: 1 } };
    const without = calc(parts);
    const withAward = calc({ ...parts, otherPolicyAwards: [award('P', key, 9000000)] });
    expect(withAward).toEqual(without);
    expect(outcome(resultOf(withAward, '5.1', 'revenue-100m'))).toEqual({ status: 'granted', amount: 300000 });
  });

  it("an id of an enterprise-level measure's event is no key: a subject award naming it leaves the measure alone", () => {
    // LG is the little-giant recognition behind 5.3a, but 5.3a is keyed by its measure.
    const a = calc({ facts: { ...ONE_PROJECT, ...RECOGNITIONS }, otherPolicyAwards: [award('P', { subject: 'LG' }, 9000000)] });
    expect(outcome(resultOf(a, '5.3a'))).toEqual({ status: 'granted', amount: 500000 });
    // And a measure award leaves every subject alone.
    const b = calc({ facts: { ...ONE_PROJECT, ...RECOGNITIONS }, otherPolicyAwards: [award('P', { measure: '5.3a' }, 9000000)] });
    for (const m of PROJECT_MEASURES) expect(resultOf(b, m, 'P-1').status, m).toBe('granted');
    expect(resultOf(b, '5.3a').status).toBe('excluded');
  });

  it('says in English what was compared', () => {
    const r = resultOf(
      calc({ facts: RECOGNITIONS, otherPolicyAwards: [award('丰台区专精特新企业奖励', { measure: '5.3a' }, 400000)] }, { lang: 'en' }),
      '5.3a',
    );
    expect(r.explanation).toContain(
      'best of, never twice: other district policies gave 丰台区专精特新企业奖励: 400,000; 500,000 here is larger and replaces it',
    );
  });
});
