import { describe, expect, it } from 'vitest';
import { checkPolicy } from './check-policy.js';
import type { Localised } from './localised.js';
import type { EngineRequest, Measure, Policy } from './measure.js';
import { type ParameterDefinition, ParameterSet } from './parameter.js';

/*
 * A small, made-up policy that uses every kind of parameter reference the engine reads, so that
 * each problem checkPolicy reports can be made by changing one thing.
 */

const L = (zh: string, en: string): Localised => ({ zh, en });
const FROM = '2025-10-30';

interface Def {
  readonly unit: ParameterDefinition['unit'];
  readonly value: unknown;
  /** A later value, from 2027-01-01. */
  readonly later?: unknown;
  readonly ifFalse?: boolean;
}

const SW: Def = { unit: 'switch', value: true, ifFalse: true };

const GOOD: Readonly<Record<string, Def>> = {
  'g.conditions': SW,
  'g.first-year': { unit: 'switch', value: true },
  'p.rate': { unit: 'rate', value: '20%' },
  'p.rate.industrial': { unit: 'rate', value: '30%' },
  'p.cap': { unit: 'yuan', value: 2_000_000 },
  'p.cap.industrial': { unit: 'yuan', value: 3_000_000 },
  'p.years': { unit: 'years', value: 2 },
  'p.years.industrial': { unit: 'years', value: 3 },
  'p.cap-per-year': SW,
  'p.years-reading': { unit: 'switch', value: true },
  'f.amount': { unit: 'yuan', value: 500_000 },
  'f.per-model': SW,
  'f.reading': { unit: 'switch', value: true },
  't.tiers': {
    unit: 'tiers',
    value: [
      { id: 'above-size', flag: 'above-size', amount: 100_000, label: L('首次达规', 'above size') },
      { id: 'r-50m', min: 50_000_000, amount: 200_000, label: L('5000万元', '50M') },
    ],
  },
  't.bonus': { unit: 'yuan', value: 100_000 },
  't.highest-only': { unit: 'switch', value: true },
  'u.unit': { unit: 'yuan', value: 50_000 },
  'u.cap': { unit: 'yuan', value: 500_000 },
  'u.per-year': SW,
  'z.cap': { unit: 'yuan', value: 2_000_000 },
  'z.no-prize-cap': SW,
  'ab.rate': { unit: 'rate', value: '30%' },
  'ab.cap': { unit: 'yuan', value: 1_000_000 },
  'ab.tie': SW,
  'm.reading': SW,
};

function parameterSet(defs: Readonly<Record<string, Def>>): ParameterSet {
  return new ParameterSet(
    Object.entries(defs).map(([id, d]) => ({
      id,
      unit: d.unit,
      label: L(id, id),
      reference: '第一条',
      values: [{ from: FROM, value: d.value }, ...(d.later === undefined ? [] : [{ from: '2027-01-01', value: d.later }])],
      ...(d.unit === 'switch' ? { assumed: L(`假设${id}`, `assumed ${id}`) } : {}),
      ...(d.ifFalse ? { assumedIfFalse: L(`另一种理解${id}`, `other reading ${id}`) } : {}),
    })),
  );
}

type M = Measure<EngineRequest>;
const base = (
  id: string,
): Pick<M, 'id' | 'article' | 'citation' | 'name' | 'clause' | 'summary' | 'review' | 'perSubject' | 'candidates'> => ({
  id,
  article: 1,
  citation: L('第一条', 'Article 1'),
  name: L(`名称${id}`, `name ${id}`),
  clause: `原文${id}`,
  summary: L(`摘要${id}`, `summary ${id}`),
  review: false,
  perSubject: false,
  candidates: () => [],
});

const P: M = {
  ...base('P'),
  scope: {
    kind: 'consecutive',
    per: 'enterprise',
    years: { default: 'p.years', industrial: 'p.years.industrial' },
    capPerYear: 'p.cap-per-year',
    yearsReading: 'p.years-reading',
  },
  rule: {
    kind: 'percent',
    rate: { default: 'p.rate', industrial: 'p.rate.industrial' },
    cap: { default: 'p.cap', industrial: 'p.cap.industrial' },
  },
};
const F: M = {
  ...base('F'),
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject', perSubjectReading: 'f.per-model', readings: ['f.reading'] },
  rule: { kind: 'maximum', amount: 'f.amount' },
};
const T: M = {
  ...base('T'),
  scope: { kind: 'one-time', per: 'tier' },
  rule: { kind: 'tiers', tiers: 't.tiers', bonus: { industrial: 't.bonus' }, milestones: { highestOnly: 't.highest-only' } },
};
const U: M = { ...base('U'), scope: { kind: 'per-year', reading: 'u.per-year' }, rule: { kind: 'per-unit', unit: 'u.unit', cap: 'u.cap' } };
const Z: M = {
  ...base('Z'),
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'prize', cap: 'z.cap', noPrizeCap: 'z.no-prize-cap' },
};
const A: M = {
  ...base('A'),
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject', shared: ['A', 'B'] },
  alternativeGroup: { id: 'AB', tieReading: 'ab.tie' },
  rule: { kind: 'percent', rate: 'ab.rate', cap: 'ab.cap' },
  readings: ['m.reading'],
};
const B: M = { ...A, ...base('B'), perSubject: true };
const PEND: M = { ...base('PEND'), scope: { kind: 'per-year' }, rule: { kind: 'pending', note: L('待定', 'pending') } };
const SVC: M = { ...base('SVC'), scope: { kind: 'none' }, rule: { kind: 'service', note: L('服务', 'service') } };

const MEASURES: readonly M[] = [P, F, T, U, Z, A, B, PEND, SVC];

function policyWith(change: { defs?: Readonly<Record<string, Def>>; measures?: readonly M[] } = {}): Policy<EngineRequest> {
  return {
    id: 'fake',
    version: 'test',
    inForce: { from: FROM, to: '2028-12-31' },
    parameters: parameterSet({ ...GOOD, ...change.defs }),
    generalConditions: [],
    generalConditionsReading: 'g.conditions',
    firstYearInFull: 'g.first-year',
    measures: change.measures ?? MEASURES,
  };
}

/** The measures, with one replaced. */
const replace = (m: M): readonly M[] => MEASURES.map((x) => (x.id === m.id ? m : x));

describe('checkPolicy', () => {
  it('finds nothing wrong with a well-defined policy', () => {
    expect(checkPolicy(policyWith())).toEqual([]);
  });

  it('finds nothing wrong when a reading that has both texts is set to false', () => {
    const off = { unit: 'switch', value: false, ifFalse: true } as const;
    const defs = {
      'g.conditions': off,
      'p.cap-per-year': off,
      'f.per-model': off,
      'u.per-year': off,
      'z.no-prize-cap': off,
      'ab.tie': off,
      'm.reading': off,
    };
    expect(checkPolicy(policyWith({ defs }))).toEqual([]);
  });

  it.each([
    {
      name: 'an unknown parameter',
      change: { measures: replace({ ...U, rule: { kind: 'per-unit', unit: 'u.nope', cap: 'u.cap' } }) },
      problems: ['measure U: no parameter u.nope'],
    },
    {
      name: 'an unknown parameter of one variant',
      change: {
        measures: replace({ ...P, rule: { kind: 'percent', rate: { default: 'p.rate', industrial: 'p.rate.nope' }, cap: 'p.cap' } }),
      },
      problems: ['measure P: no parameter p.rate.nope'],
    },
    {
      name: 'an unknown window length',
      change: { measures: replace({ ...P, scope: { kind: 'consecutive', per: 'enterprise', years: 'p.nope' } }) },
      problems: ['measure P: no parameter p.nope'],
    },
    {
      name: 'an unknown reading',
      change: { measures: replace({ ...U, scope: { kind: 'per-year', reading: 'u.nope' } }) },
      problems: ['measure U: no parameter u.nope'],
    },
    {
      name: 'an unknown first-year reading',
      change: { defs: {}, measures: MEASURES },
      policy: (p: Policy<EngineRequest>) => ({ ...p, firstYearInFull: 'g.nope' }),
      problems: ['policy: no parameter g.nope'],
    },
    {
      name: 'a rate where a cap is expected',
      change: { measures: replace({ ...Z, rule: { kind: 'prize', cap: 'ab.rate', noPrizeCap: 'z.no-prize-cap' } }) },
      problems: ['measure Z: parameter ab.rate is in rate, expected yuan'],
    },
    {
      name: 'a cap where a rate is expected',
      change: { measures: replace({ ...A, rule: { kind: 'percent', rate: 'ab.cap', cap: 'ab.cap' } }) },
      problems: ['measure A: parameter ab.cap is in yuan, expected rate'],
    },
    {
      name: 'an amount where a switch is expected',
      change: { measures: replace({ ...A, alternativeGroup: { id: 'AB', tieReading: 'ab.cap' } }) },
      problems: ['measure A: parameter ab.cap is in yuan, expected switch'],
    },
    {
      name: 'a switch where years are expected',
      change: { measures: replace({ ...P, scope: { kind: 'consecutive', per: 'enterprise', years: 'p.cap-per-year' } }) },
      problems: ['measure P: parameter p.cap-per-year is in switch, expected years'],
    },
    {
      name: 'a display-only reading (first year in full) set to false',
      change: { defs: { 'g.first-year': { unit: 'switch', value: false, ifFalse: true } } },
      problems: ['policy: reading g.first-year is false from 2025-10-30, but only the reading "true" is implemented'],
    },
    {
      name: 'a display-only reading of a one-time scope set to false from a later date',
      change: { defs: { 'f.reading': { unit: 'switch', value: true, later: false, ifFalse: true } } },
      problems: ['measure F: reading f.reading is false from 2027-01-01, but only the reading "true" is implemented'],
    },
    {
      name: 'the window-length reading set to false',
      change: { defs: { 'p.years-reading': { unit: 'switch', value: false } } },
      problems: ['measure P: reading p.years-reading is false from 2025-10-30, but only the reading "true" is implemented'],
    },
    {
      name: 'the highest-only reading set to false',
      change: { defs: { 't.highest-only': { unit: 'switch', value: false } } },
      problems: ['measure T: reading t.highest-only is false from 2025-10-30, but only the reading "true" is implemented'],
    },
    {
      name: 'the cap-per-year reading false without assumedIfFalse',
      change: { defs: { 'p.cap-per-year': { unit: 'switch', value: false } } },
      problems: ['measure P: reading p.cap-per-year is false from 2025-10-30 without assumedIfFalse to say so'],
    },
    {
      name: 'the per-subject reading false without assumedIfFalse',
      change: { defs: { 'f.per-model': { unit: 'switch', value: false } } },
      problems: ['measure F: reading f.per-model is false from 2025-10-30 without assumedIfFalse to say so'],
    },
    {
      name: 'the per-year reading false without assumedIfFalse',
      change: { defs: { 'u.per-year': { unit: 'switch', value: false } } },
      problems: ['measure U: reading u.per-year is false from 2025-10-30 without assumedIfFalse to say so'],
    },
    {
      name: 'the no-prize reading false without assumedIfFalse',
      change: { defs: { 'z.no-prize-cap': { unit: 'switch', value: false } } },
      problems: ['measure Z: reading z.no-prize-cap is false from 2025-10-30 without assumedIfFalse to say so'],
    },
    {
      name: 'the tie reading false without assumedIfFalse, for each measure of the group',
      change: { defs: { 'ab.tie': { unit: 'switch', value: false } } },
      problems: [
        'measure A: reading ab.tie is false from 2025-10-30 without assumedIfFalse to say so',
        'measure B: reading ab.tie is false from 2025-10-30 without assumedIfFalse to say so',
      ],
    },
    {
      name: 'a measure reading false from a later date without assumedIfFalse',
      change: { defs: { 'm.reading': { unit: 'switch', value: true, later: false } } },
      problems: [
        'measure A: reading m.reading is false from 2027-01-01 without assumedIfFalse to say so',
        'measure B: reading m.reading is false from 2027-01-01 without assumedIfFalse to say so',
      ],
    },
    {
      name: 'the general-conditions reading false without assumedIfFalse',
      change: { defs: { 'g.conditions': { unit: 'switch', value: false } } },
      problems: ['policy: reading g.conditions is false from 2025-10-30 without assumedIfFalse to say so'],
    },
    {
      name: 'milestone tiers without an id',
      change: {
        defs: {
          't.tiers': {
            unit: 'tiers',
            value: [
              { id: 'above-size', flag: 'above-size', amount: 100_000, label: L('首次达规', 'above size') },
              { min: 50_000_000, amount: 200_000, label: L('5000万元', '50M') },
            ],
          },
        },
      },
      problems: ['measure T: milestone tiers of t.tiers need ids'],
    },
    {
      name: 'milestone tiers with ids at first and without from a later date',
      change: {
        defs: {
          't.tiers': {
            unit: 'tiers',
            value: [{ id: 'r-50m', min: 50_000_000, amount: 200_000, label: L('5000万元', '50M') }],
            later: [{ min: 60_000_000, amount: 200_000, label: L('6000万元', '60M') }],
          },
        },
      },
      problems: ['measure T: milestone tiers of t.tiers need ids'],
    },
    {
      name: 'one-time per tier without a milestone rule',
      change: { measures: replace({ ...T, rule: { kind: 'tiers', tiers: 't.tiers' } }) },
      problems: ['measure T: one-time per tier needs a milestone rule'],
    },
    {
      name: 'one-time per tier with a rule that is not tiers',
      change: { measures: replace({ ...T, rule: { kind: 'maximum', amount: 'f.amount' } }) },
      problems: ['measure T: one-time per tier needs a milestone rule'],
    },
    {
      name: 'a milestone rule that is not one-time per tier',
      change: { measures: replace({ ...T, scope: { kind: 'per-year' } }) },
      problems: ['measure T: a milestone rule is one-time per tier'],
    },
    {
      name: 'a shared one-time scope naming an unknown measure',
      change: { measures: replace({ ...A, scope: { kind: 'one-time', per: 'subject', shared: ['A', 'Q'] } }) },
      problems: ['measure A: shares its one-time scope with unknown measure Q'],
    },
    {
      name: 'a measure defined twice',
      change: { measures: [...MEASURES, SVC] },
      problems: ['measure SVC: defined twice'],
    },
  ] as {
    name: string;
    change: { defs?: Record<string, Def>; measures?: readonly M[] };
    policy?: (p: Policy<EngineRequest>) => Policy<EngineRequest>;
    problems: string[];
  }[])('$name', ({ change, policy, problems }) => {
    const p = policyWith(change);
    expect(checkPolicy(policy ? policy(p) : p)).toEqual(problems);
  });

  it('reports every problem, not only the first', () => {
    const measures = [...MEASURES.filter((m) => m.id !== 'U'), { ...U, rule: { kind: 'per-unit', unit: 'u.nope', cap: 'ab.rate' } } as M];
    const problems = checkPolicy(policyWith({ measures, defs: { 'p.cap-per-year': { unit: 'switch', value: false } } }));
    expect(problems).toEqual([
      'measure P: reading p.cap-per-year is false from 2025-10-30 without assumedIfFalse to say so',
      'measure U: no parameter u.nope',
      'measure U: parameter ab.rate is in rate, expected yuan',
    ]);
  });

  it('reports milestone tiers in the wrong unit instead of failing on them', () => {
    // A milestone rule pointing at a yuan parameter: the unit is the problem to report.
    const measures = replace({ ...T, rule: { kind: 'tiers', tiers: 't.bonus', milestones: { highestOnly: 't.highest-only' } } });
    expect(() => checkPolicy(policyWith({ measures }))).not.toThrow();
    expect(checkPolicy(policyWith({ measures }))).toContain('measure T: parameter t.bonus is in yuan, expected tiers');
  });
});
