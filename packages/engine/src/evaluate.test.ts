import { describe, expect, it } from 'vitest';
import { type EvaluateOptions, type Evaluation, evaluate, type MeasureResult } from './evaluate.js';
import type { Localized } from './localized.js';
import type { Candidate, Condition, EngineRequest, HistoryEntry, Measure, OtherPolicyAward, Policy } from './measure.js';
import { type Fen, parseYuanToFen } from './money.js';
import { type ParameterDefinition, ParameterSet } from './parameter.js';

/*
 * A small, made-up policy with every rule kind and every scope, so that the engine is tested
 * on its own terms (the Fengtai policy has its own cases).
 */

/** Yuan as a decimal string → fen, exactly. */
function fen(text: string): Fen {
  const f = parseYuanToFen(text);
  if (f === null) throw new Error(`bad amount ${text}`);
  return f;
}

const L = (zh: string, en: string): Localized => ({ zh, en });

interface FakeRequest extends EngineRequest {
  readonly registered?: boolean;
  readonly dishonest?: boolean;
  readonly partner?: boolean;
  readonly industrial?: boolean;
  readonly compute?: Fen;
  readonly filings?: readonly { id: string; date: string; industrial?: boolean }[];
  readonly revenue?: Fen;
  readonly prior?: Fen;
  readonly aboveSize?: boolean;
  readonly units?: number;
  readonly prizes?: readonly { id: string; prize?: Fen; industrial?: boolean }[];
  readonly projects?: readonly { id: string; investment?: Fen; subsidy?: Fen }[];
  readonly recognitions?: readonly { id: string; date: string }[];
  readonly platforms?: readonly { id: string; investment: Fen; isNew?: boolean }[];
  readonly jointFund?: boolean;
  readonly startup?: boolean;
  readonly services?: boolean;
}

const TERM = { from: '2025-10-30', to: '2028-12-31' };
const INDUSTRIAL = L('工业智能企业', 'industrial AI enterprise');
const COMPUTE = L('算力投入', 'compute spend');
const REVENUE = L('收入', 'revenue');
const UNITS = L('在孵企业', 'incubated enterprises');
const PRIZE = L('奖金', 'prize');
const INVESTMENT = L('项目投资', 'investment');
const SUBSIDY = L('市级补贴', 'municipal subsidy');

const enterpriseVariant = (r: FakeRequest): Partial<Candidate> => (r.industrial ? { variant: 'industrial', variantLabel: INDUSTRIAL } : {});

const p = (id: string, unit: ParameterDefinition['unit'], value: unknown, assumed?: Localized): ParameterDefinition => ({
  id,
  unit,
  label: L(id, id),
  reference: '第一条',
  values: [{ from: TERM.from, value }],
  ...(assumed ? { assumed } : {}),
});

const parameters = new ParameterSet([
  p('p.rate', 'rate', '20%'),
  p('p.rate.industrial', 'rate', '30%'),
  p('p.cap', 'yuan', 2_000_000),
  p('p.cap.industrial', 'yuan', 3_000_000),
  p('p.years', 'years', 2),
  p('p.years.industrial', 'years', 3),
  p('f.amount', 'yuan', 500_000),
  p('f.amount.industrial', 'yuan', 600_000),
  // Ascending on purpose: the parameter set puts the highest amount first.
  p(
    't.tiers',
    'tiers',
    [
      { flag: 'above-size', amount: 100_000, label: L('首次达规', 'above designated size') },
      { min: 50_000_000, amount: 200_000, label: L('5000万元', '50M') },
      { min: 100_000_000, amount: 300_000, label: L('1亿元', '100M') },
      { min: 500_000_000, amount: 500_000, label: L('5亿元', '500M') },
    ],
    L('档位为假设', 'the tiers are assumed'),
  ),
  p('t.bonus', 'yuan', 100_000),
  {
    id: 'u.unit',
    unit: 'yuan',
    label: L('每家', 'per enterprise'),
    reference: '第八条',
    values: [
      { from: '2025-10-30', value: 50_000 },
      { from: '2027-07-01', value: 60_000 }, // a mid-year change applies to the whole of 2027
    ],
  },
  p('u.cap', 'yuan', 500_000),
  p('z.cap', 'yuan', 2_000_000),
  p('z.cap.industrial', 'yuan', 3_000_000),
  p('ab.rate', 'rate', '30%'),
  p('ab.cap', 'yuan', 1_000_000),
  p('e1.amount', 'yuan', 300_000),
  p('c.rate', 'rate', '30%'),
  p('c.cap', 'yuan', 5_000_000),
  p('c.years', 'years', 2, L('假设两年', 'two years, as assumed')),
]);

const registered: Condition<FakeRequest> = {
  id: 'registered',
  holds: (r) => r.registered !== false,
  unmet: L('未在本区注册', 'not registered in the district'),
};
const honest: Condition<FakeRequest> = {
  id: 'honest',
  holds: (r) => r.dishonest !== true,
  unmet: L('有严重失信记录', 'has a serious dishonesty record'),
  assumed: L('以申报为准', 'dishonesty as declared'),
};
const partner: Condition<FakeRequest> = {
  id: 'partner',
  holds: (r) => r.partner === true,
  unmet: L('不是伙伴计划企业', 'not in the partner program'),
};

type FakeMeasure = Measure<FakeRequest>;
const common = (id: string, article: number): Pick<FakeMeasure, 'id' | 'article' | 'citation' | 'clause' | 'summary' | 'review'> => ({
  id,
  article,
  citation: L(`第${article}条(${id})`, `Article ${article} (${id})`),
  clause: `条文 ${id}`,
  summary: L(`摘要 ${id}`, `summary ${id}`),
  review: false,
});

/** percent, capped, with an industrial variant; consecutive years per enterprise (2, industrial 3). */
const P: FakeMeasure = {
  ...common('P', 1),
  perSubject: false,
  scope: { kind: 'consecutive', per: 'enterprise', years: { default: 'p.years', industrial: 'p.years.industrial' } },
  rule: {
    kind: 'percent',
    rate: { default: 'p.rate', industrial: 'p.rate.industrial' },
    cap: { default: 'p.cap', industrial: 'p.cap.industrial' },
  },
  requires: [partner],
  candidates: (r) => (r.compute === undefined ? [] : [{ subject: null, base: r.compute, baseLabel: COMPUTE, ...enterpriseVariant(r) }]),
};

/** fixed, one-time per subject, with a dated event. */
const F: FakeMeasure = {
  ...common('F', 2),
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'fixed', amount: { default: 'f.amount', industrial: 'f.amount.industrial' } },
  candidates: (r) =>
    (r.filings ?? []).map((f) => ({
      subject: f.id,
      events: [{ id: f.id, date: f.date }],
      ...(f.industrial ? { variant: 'industrial', variantLabel: L('工业大模型', 'industrial model') } : {}),
    })),
};

/** tiers, first reached, a flag tier, an industrial bonus; per year. */
const T: FakeMeasure = {
  ...common('T', 3),
  perSubject: false,
  scope: { kind: 'per-year' },
  rule: { kind: 'tiers', tiers: 't.tiers', bonus: { industrial: 't.bonus' }, firstReached: true },
  candidates: (r) =>
    r.revenue === undefined && !r.aboveSize
      ? []
      : [
          {
            subject: null,
            value: r.revenue ?? (0 as Fen),
            previous: r.prior,
            valueLabel: REVENUE,
            flags: r.aboveSize ? ['above-size'] : [],
            ...enterpriseVariant(r),
          },
        ],
};

/** per-unit, capped per year. */
const U: FakeMeasure = {
  ...common('U', 4),
  perSubject: false,
  scope: { kind: 'per-year' },
  rule: { kind: 'per-unit', unit: 'u.unit', cap: 'u.cap' },
  candidates: (r) => (r.units === undefined ? [] : [{ subject: null, count: r.units, countLabel: UNITS }]),
};

/** prize, capped; no prize named: the cap. */
const Z: FakeMeasure = {
  ...common('Z', 5),
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'prize', cap: { default: 'z.cap', industrial: 'z.cap.industrial' } },
  candidates: (r) =>
    (r.prizes ?? []).map((z) => ({
      subject: z.id,
      base: z.prize,
      baseLabel: PRIZE,
      ...(z.industrial ? { variant: 'industrial', variantLabel: L('工业智能体', 'industrial agent') } : {}),
    })),
};

/** A and B: alternatives on one project, one grant of either ever (shared). */
const A: FakeMeasure = {
  ...common('A', 6),
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject', shared: ['A', 'B'] },
  alternativeGroup: 'AB',
  rule: { kind: 'percent', rate: 'ab.rate', cap: 'ab.cap' },
  candidates: (r) => (r.projects ?? []).map((x) => ({ subject: x.id, base: x.investment, baseLabel: INVESTMENT })),
};
const B: FakeMeasure = {
  ...common('B', 6),
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject', shared: ['A', 'B'] },
  alternativeGroup: 'AB',
  rule: { kind: 'percent', rate: 'ab.rate', cap: 'ab.cap' },
  candidates: (r) =>
    (r.projects ?? []).filter((x) => x.subsidy !== undefined).map((x) => ({ subject: x.id, base: x.subsidy, baseLabel: SUBSIDY })),
};

/** fixed, one-time per enterprise, any of several dated events. */
const E1: FakeMeasure = {
  ...common('E1', 7),
  perSubject: false,
  scope: { kind: 'one-time', per: 'enterprise' },
  rule: { kind: 'fixed', amount: 'e1.amount' },
  candidates: (r) => (r.recognitions ? [{ subject: null, events: r.recognitions }] : []),
};

/** percent, consecutive years per subject, an assumed window, a candidate condition. */
const C: FakeMeasure = {
  ...common('C', 8),
  perSubject: true,
  scope: { kind: 'consecutive', per: 'subject', years: 'c.years' },
  rule: { kind: 'percent', rate: 'c.rate', cap: 'c.cap' },
  candidates: (r) =>
    (r.platforms ?? []).map((x) => ({
      subject: x.id,
      base: x.investment,
      ...(x.isNew === false ? { unmet: [L('不是新建平台', 'not a new platform')] } : {}),
    })),
};

const PEND: FakeMeasure = {
  ...common('PEND', 9),
  perSubject: false,
  scope: { kind: 'per-year' },
  rule: { kind: 'pending', note: L('配套比例未定', 'matching not yet set') },
  candidates: (r) => (r.jointFund ? [{ subject: null }] : []),
};
const KIND: FakeMeasure = {
  ...common('KIND', 10),
  perSubject: false,
  scope: { kind: 'none' },
  rule: { kind: 'in-kind', note: L('免租场地', 'rent-free space') },
  candidates: (r) => (r.startup ? [{ subject: null }] : []),
};
const SVC: FakeMeasure = {
  ...common('SVC', 11),
  perSubject: false,
  scope: { kind: 'none' },
  rule: { kind: 'service', note: L('融资服务', 'financing services') },
  candidates: (r) => (r.services ? [{ subject: null }] : []),
};

const policy: Policy<FakeRequest> = {
  id: 'fake',
  version: 'test',
  inForce: TERM,
  parameters,
  generalConditions: [registered, honest],
  measures: [P, F, T, U, Z, A, B, E1, C, PEND, KIND, SVC],
  generalConditionsMet: L('符合基本条件', 'the general conditions hold'),
  firstYearInFull: L('首年全年计算', 'the first year counts in full'),
};

const GENERAL_OK = 'assumed: the general conditions hold';

function run(request: FakeRequest, options: EvaluateOptions = { lang: 'en' }): Evaluation {
  return evaluate(policy, request, options);
}

function find(ev: Evaluation, measure: string, subject: string | null = null): MeasureResult {
  const found = ev.results.filter((r) => r.measure === measure && r.subject === subject);
  if (found.length !== 1) throw new Error(`expected one result for ${measure}/${subject}, got ${found.length}`);
  return found[0] as MeasureResult;
}

const hist = (measure: string, years: readonly number[], subject: string | null = null): HistoryEntry[] =>
  years.map((year) => ({ measure, year, subject, amount: fen('1') }));

describe('percent rule (P): rate, cap, floor, variant', () => {
  it('20% of 5,000,000 is 1,000,000, with every step explained', () => {
    const r = find(run({ year: 2026, partner: true, compute: fen('5000000') }), 'P');
    expect(r).toEqual({
      measure: 'P',
      subject: null,
      status: 'granted',
      amount: 1_000_000,
      cap: 2_000_000,
      review: false,
      citation: '第1条(P)',
      explanation: [
        GENERAL_OK,
        'year 1 of at most 2 (first granted 2026)',
        'compute spend 5,000,000 × 20% = 1,000,000 (floored to whole yuan)',
        'cap 2,000,000 not reached',
      ],
      reasons: undefined,
    });
  });

  it.each([
    { compute: '1234567.89', industrial: false, amount: 246_913, cap: 'cap 2,000,000 not reached' }, // 246,913.578 floored
    { compute: '5.00', industrial: false, amount: 1, cap: 'cap 2,000,000 not reached' },
    { compute: '9999999.99', industrial: false, amount: 1_999_999, cap: 'cap 2,000,000 not reached' },
    { compute: '10000000', industrial: false, amount: 2_000_000, cap: 'cap 2,000,000 not reached' }, // exactly the cap
    { compute: '10000004.99', industrial: false, amount: 2_000_000, cap: 'cap 2,000,000 not reached' }, // 2,000,000.998 floors to the cap
    { compute: '10000005', industrial: false, amount: 2_000_000, cap: 'capped at 2,000,000' }, // 2,000,001 capped
    { compute: '5000000', industrial: true, amount: 1_500_000, cap: 'cap 3,000,000 not reached' },
    { compute: '10000000', industrial: true, amount: 3_000_000, cap: 'cap 3,000,000 not reached' },
    { compute: '10000003.34', industrial: true, amount: 3_000_000, cap: 'capped at 3,000,000' }, // 3,000,001.002
  ])('$compute (industrial: $industrial) → $amount', ({ compute, industrial, amount, cap }) => {
    const r = find(run({ year: 2026, partner: true, industrial, compute: fen(compute) }), 'P');
    expect(r.status).toBe('granted');
    expect(r.amount).toBe(amount);
    expect(r.cap).toBe(industrial ? 3_000_000 : 2_000_000);
    expect(r.explanation).toContain(cap);
  });

  it('the industrial variant says so and uses its own rate, cap and window', () => {
    const r = find(run({ year: 2026, partner: true, industrial: true, compute: fen('1234567.89') }), 'P');
    expect(r.amount).toBe(370_370); // 370,370.367
    expect(r.explanation).toEqual([
      GENERAL_OK,
      'applies: industrial AI enterprise',
      'year 1 of at most 3 (first granted 2026)',
      'compute spend 1,234,567.89 × 30% = 370,370 (floored to whole yuan)',
      'cap 3,000,000 not reached',
    ]);
  });

  it.each([
    {
      name: 'a base that floors to 0 yuan',
      compute: '4.99',
      partner: true,
      reasons: ['compute spend 4.99 × 20% = 0 (floored to whole yuan)'],
    },
    { name: 'a zero base', compute: '0', partner: true, reasons: ['compute spend is 0: nothing to support'] },
    { name: 'a failed requirement', compute: '5000000', partner: false, reasons: ['not in the partner program'] },
  ])('$name is ineligible', ({ compute, partner, reasons }) => {
    const r = find(run({ year: 2026, partner, compute: fen(compute) }), 'P');
    expect(r).toMatchObject({ status: 'ineligible', amount: 0, reasons });
  });

  it("a failed condition of the candidate's own is ineligible", () => {
    const r = find(run({ year: 2026, platforms: [{ id: 'PL-1', investment: fen('100'), isNew: false }] }), 'C', 'PL-1');
    expect(r).toMatchObject({ status: 'ineligible', amount: 0, reasons: ['not a new platform'] });
  });
});

describe('consecutive-year window (P per enterprise, C per subject)', () => {
  it.each([
    {
      name: 'the second of two years',
      year: 2026,
      industrial: false,
      years: [2025],
      status: 'granted',
      line: 'year 2 of at most 2 (first granted 2025)',
    },
    {
      name: 'a third year after two',
      year: 2027,
      industrial: false,
      years: [2025, 2026],
      status: 'excluded',
      line: 'at most 2 consecutive years: the window from 2025 ended in 2026',
    },
    {
      name: 'a year skipped inside the window is lost',
      year: 2027,
      industrial: false,
      years: [2025],
      status: 'excluded',
      line: 'at most 2 consecutive years: the window from 2025 ended in 2026',
    },
    {
      name: 'industrial: the third year',
      year: 2027,
      industrial: true,
      years: [2025, 2026],
      status: 'granted',
      line: 'year 3 of at most 3 (first granted 2025)',
    },
    {
      name: 'industrial: the third year after a skipped one',
      year: 2027,
      industrial: true,
      years: [2025],
      status: 'granted',
      line: 'year 3 of at most 3 (first granted 2025)',
    },
    {
      name: 'industrial: a fourth year, the skipped year not made up',
      year: 2028,
      industrial: true,
      years: [2025, 2027],
      status: 'excluded',
      line: 'at most 3 consecutive years: the window from 2025 ended in 2027',
    },
    { name: 'the same year twice', year: 2026, industrial: false, years: [2026], status: 'excluded', line: 'already granted for 2026' },
  ])('$name: $status', ({ year, industrial, years, status, line }) => {
    const r = find(run({ year, partner: true, industrial, compute: fen('5000000'), history: hist('P', years) }), 'P');
    expect(r.status).toBe(status);
    expect(r.amount).toBe(status === 'granted' ? (industrial ? 1_500_000 : 1_000_000) : 0);
    expect(status === 'granted' ? r.explanation : r.reasons).toContain(line);
  });

  it("another measure's history does not open or close the window", () => {
    const r = find(run({ year: 2027, partner: true, compute: fen('5000000'), history: [...hist('C', [2025]), ...hist('T', [2025])] }), 'P');
    expect(r.status).toBe('granted');
    expect(r.explanation).toContain('year 1 of at most 2 (first granted 2027)');
  });

  it('per subject: each platform has its own window, and an assumed window length is said', () => {
    const ev = run({
      year: 2027,
      platforms: [
        { id: 'PL-1', investment: fen('1000000') },
        { id: 'PL-2', investment: fen('20000000') },
        { id: 'PL-3', investment: fen('1000000') },
      ],
      history: [...hist('C', [2025, 2026], 'PL-1'), ...hist('C', [2026], 'PL-2')],
    });
    expect(find(ev, 'C', 'PL-1')).toMatchObject({
      status: 'excluded',
      amount: 0,
      reasons: ['at most 2 consecutive years: the window from 2025 ended in 2026'],
    });
    const pl2 = find(ev, 'C', 'PL-2');
    expect(pl2).toMatchObject({ status: 'granted', amount: 5_000_000, cap: 5_000_000 });
    expect(pl2.explanation).toEqual([
      GENERAL_OK,
      'assumed: two years, as assumed',
      'year 2 of at most 2 (first granted 2026)',
      'base 20,000,000 × 30% = 6,000,000 (floored to whole yuan)',
      'capped at 5,000,000',
    ]);
    expect(find(ev, 'C', 'PL-3')).toMatchObject({ status: 'granted', amount: 300_000 });
    expect(ev.total).toBe(5_300_000);
  });
});

describe('the in-force window and continuing support', () => {
  const OUT = (year: number) => `${year} is outside the policy's term (2025-10-30 to 2028-12-31): no new support`;

  it.each([
    { name: 'first granted in the last year: the next year continues', year: 2029, industrial: false, years: [2028], status: 'granted' },
    {
      name: 'first granted in the last year: the year after the window',
      year: 2030,
      industrial: false,
      years: [2028, 2029],
      status: 'excluded',
    },
    { name: 'a window that ended in the term', year: 2029, industrial: false, years: [2027, 2028], status: 'excluded' },
    { name: 'industrial: the third year falls after the term', year: 2029, industrial: true, years: [2027, 2028], status: 'granted' },
    { name: 'never granted before the end', year: 2029, industrial: false, years: [], status: 'excluded' },
    { name: 'first granted after the end', year: 2030, industrial: false, years: [2029], status: 'excluded' },
    { name: 'a year before the term', year: 2024, industrial: false, years: [], status: 'excluded' },
  ])('$name: $status', ({ year, industrial, years, status }) => {
    const r = find(run({ year, partner: true, industrial, compute: fen('5000000'), history: hist('P', years) }), 'P');
    expect(r.status).toBe(status);
    if (status === 'granted') {
      expect(r.amount).toBe(industrial ? 1_500_000 : 1_000_000);
      expect(r.explanation).toContain(`continuing support: first granted in ${years[0]}, continues past the term's end (2028-12-31)`);
    } else {
      expect(r.amount).toBe(0);
      expect(r.reasons).toEqual([OUT(year)]);
    }
  });

  it('continuing support is per subject for a per-subject measure', () => {
    const ev = run({
      year: 2029,
      platforms: [
        { id: 'PL-1', investment: fen('1000000') },
        { id: 'PL-2', investment: fen('1000000') },
      ],
      history: hist('C', [2028], 'PL-1'),
    });
    expect(find(ev, 'C', 'PL-1')).toMatchObject({ status: 'granted', amount: 300_000 });
    expect(find(ev, 'C', 'PL-2')).toMatchObject({ status: 'excluded', amount: 0, reasons: [OUT(2029)] });
  });

  it('one-time, per-year and other measures grant nothing new after the term', () => {
    const ev = run({
      year: 2029,
      filings: [{ id: 'M-1', date: '2029-03-01' }],
      revenue: fen('100000000'),
      units: 3,
      prizes: [{ id: 'Z-1' }],
      recognitions: [{ id: 'R-1', date: '2029-05-01' }],
      history: [...hist('F', [2028], 'M-0'), ...hist('T', [2028]), ...hist('U', [2028])],
    });
    for (const [measure, subject] of [
      ['F', 'M-1'],
      ['T', null],
      ['U', null],
      ['Z', 'Z-1'],
      ['E1', null],
    ] as const) {
      expect(find(ev, measure, subject)).toMatchObject({ status: 'excluded', amount: 0, reasons: [OUT(2029)] });
    }
    expect(ev.total).toBe(0);
  });

  it('a year before the term grants nothing', () => {
    const ev = run({ year: 2024, filings: [{ id: 'M-1', date: '2024-03-01' }], units: 3 });
    expect(find(ev, 'F', 'M-1')).toMatchObject({ status: 'excluded', reasons: [OUT(2024)] });
    expect(find(ev, 'U')).toMatchObject({ status: 'excluded', reasons: [OUT(2024)] });
  });
});

describe('dated events (F, E1)', () => {
  it.each([
    {
      year: 2025,
      date: '2025-10-29',
      status: 'excluded',
      reason: "M-1: dated 2025-10-29, outside the policy's term (2025-10-30 to 2028-12-31)",
    },
    { year: 2025, date: '2025-10-30', status: 'granted', reason: undefined },
    { year: 2026, date: '2026-03-01', status: 'granted', reason: undefined },
    { year: 2028, date: '2028-12-31', status: 'granted', reason: undefined },
    { year: 2026, date: '2025-12-31', status: 'ineligible', reason: 'M-1: dated 2025-12-31, not in assessment year 2026' },
    { year: 2026, date: '2027-01-01', status: 'ineligible', reason: 'M-1: dated 2027-01-01, not in assessment year 2026' },
  ])('an event dated $date in $year: $status', ({ year, date, status, reason }) => {
    const r = find(run({ year, filings: [{ id: 'M-1', date }] }), 'F', 'M-1');
    expect(r.status).toBe(status);
    if (status === 'granted') {
      expect(r.amount).toBe(500_000);
      expect(r.cap).toBe(500_000);
      // With a dated event, no "first year in full" assumption, even in 2025.
      expect(r.explanation).toEqual([
        GENERAL_OK,
        `M-1: dated ${date}, inside the term and the year`,
        'one-time (per subject): not granted before',
        'fixed amount 500,000',
      ]);
    } else {
      expect(r.amount).toBe(0);
      expect(r.reasons).toEqual([reason]);
    }
  });

  it('one event inside the year is enough; only it is cited', () => {
    const r = find(
      run({
        year: 2026,
        recognitions: [
          { id: 'R-2', date: '2027-02-01' },
          { id: 'R-1', date: '2026-11-10' },
          { id: 'R-0', date: '2025-11-01' },
        ],
      }),
      'E1',
    );
    expect(r.status).toBe('granted');
    expect(r.amount).toBe(300_000);
    expect(r.explanation).toEqual([
      GENERAL_OK,
      'R-1: dated 2026-11-10, inside the term and the year',
      'one-time (per enterprise): not granted before',
      'fixed amount 300,000',
    ]);
  });

  it('with no event inside, every event is given as a reason, in date order', () => {
    const r = find(
      run({
        year: 2026,
        recognitions: [
          { id: 'R-2', date: '2027-02-01' },
          { id: 'R-0', date: '2025-11-01' },
        ],
      }),
      'E1',
    );
    expect(r).toMatchObject({
      status: 'ineligible',
      reasons: ['R-0: dated 2025-11-01, not in assessment year 2026', 'R-2: dated 2027-02-01, not in assessment year 2026'],
    });
  });

  it('an event in the year but before the term makes the result excluded, not ineligible', () => {
    const r = find(
      run({
        year: 2025,
        recognitions: [
          { id: 'R-1', date: '2025-03-01' },
          { id: 'R-2', date: '2026-01-01' },
        ],
      }),
      'E1',
    );
    expect(r).toMatchObject({
      status: 'excluded',
      reasons: [
        "R-1: dated 2025-03-01, outside the policy's term (2025-10-30 to 2028-12-31)",
        'R-2: dated 2026-01-01, not in assessment year 2025',
      ],
    });
  });
});

describe('one-time scope', () => {
  it('per subject: the subject granted before is excluded, the others are not', () => {
    const ev = run({
      year: 2026,
      filings: [
        { id: 'M-1', date: '2026-03-01' },
        { id: 'M-2', date: '2026-04-01', industrial: true },
      ],
      history: hist('F', [2025], 'M-1'),
    });
    expect(find(ev, 'F', 'M-1')).toMatchObject({
      status: 'excluded',
      amount: 0,
      reasons: ['one-time (per subject): already granted under F in 2025'],
    });
    const m2 = find(ev, 'F', 'M-2');
    expect(m2).toMatchObject({ status: 'granted', amount: 600_000, cap: 600_000 });
    expect(m2.explanation).toContain('applies: industrial model');
    expect(ev.total).toBe(600_000);
  });

  it.each([
    { order: 'earliest first', history: [...hist('E1', [2025]), ...hist('E1', [2026], 'X')] },
    { order: 'earliest last', history: [...hist('E1', [2026], 'X'), ...hist('E1', [2025])] },
  ])('per enterprise: any earlier grant excludes, and the earliest is cited ($order)', ({ history }) => {
    const r = find(run({ year: 2027, recognitions: [{ id: 'R-1', date: '2027-01-05' }], history }), 'E1');
    expect(r).toMatchObject({ status: 'excluded', amount: 0, reasons: ['one-time (per enterprise): already granted under E1 in 2025'] });
  });

  it('shared: a grant under B rules out A and B on that project, in any later year', () => {
    const ev = run({
      year: 2027,
      projects: [
        { id: 'S-1', investment: fen('2000000'), subsidy: fen('1000000') },
        { id: 'S-2', investment: fen('2000000') },
      ],
      history: hist('B', [2025], 'S-1'),
    });
    const reason = 'one-time (per subject): already granted under B in 2025';
    expect(find(ev, 'A', 'S-1')).toMatchObject({ status: 'excluded', amount: 0, reasons: [reason] });
    expect(find(ev, 'B', 'S-1')).toMatchObject({ status: 'excluded', amount: 0, reasons: [reason] });
    expect(find(ev, 'A', 'S-2')).toMatchObject({ status: 'granted', amount: 600_000 });
    expect(ev.total).toBe(600_000);
  });
  it('shared: grants of both in one year cite the first by id, whatever the order given', () => {
    for (const history of [
      [...hist('B', [2025], 'S-1'), ...hist('A', [2025], 'S-1')],
      [...hist('A', [2025], 'S-1'), ...hist('B', [2025], 'S-1')],
    ]) {
      const r = find(run({ year: 2026, projects: [{ id: 'S-1', investment: fen('2000000') }], history }), 'A', 'S-1');
      expect(r.reasons).toEqual(['one-time (per subject): already granted under A in 2025']);
    }
  });
});

describe('tiers rule (T): highest tier first reached, flag, bonus', () => {
  it.each([
    { revenue: '49999999.99', prior: '0', amount: 0, line: 'revenue 49,999,999.99 is below the lowest tier 50,000,000' },
    { revenue: '50000000', prior: '0', amount: 200_000, line: 'revenue 50,000,000: tier "50M" reached: 200,000' },
    { revenue: '99999999.99', prior: '0', amount: 200_000, line: 'revenue 99,999,999.99: tier "50M" reached: 200,000' },
    { revenue: '100000000', prior: '60000000', amount: 300_000, line: 'revenue 100,000,000: tier "100M" reached: 300,000' },
    {
      revenue: '120000000',
      prior: '100000000',
      amount: 0,
      line: 'revenue 120,000,000 with a prior maximum of 100,000,000: no tier reached for the first time',
    },
    { revenue: '120000000', prior: '99999999.99', amount: 300_000, line: 'revenue 120,000,000: tier "100M" reached: 300,000' },
    { revenue: '600000000', prior: '499999999.99', amount: 500_000, line: 'revenue 600,000,000: tier "500M" reached: 500,000' },
  ])('revenue $revenue after $prior → $amount', ({ revenue, prior, amount, line }) => {
    const r = find(run({ year: 2026, revenue: fen(revenue), prior: fen(prior) }), 'T');
    expect(r.amount).toBe(amount);
    expect(r.cap).toBeUndefined();
    if (amount > 0) {
      expect(r.status).toBe('granted');
      expect(r.explanation).toContain(line);
      expect(r.explanation).toContain('assumed: the tiers are assumed');
    } else {
      expect(r.status).toBe('ineligible');
      expect(r.reasons).toEqual([line]);
    }
  });

  it('several tiers newly reached pay the highest, and say so', () => {
    const r = find(run({ year: 2026, revenue: fen('100000000') }), 'T');
    expect(r.amount).toBe(300_000);
    expect(r.explanation).toEqual([
      GENERAL_OK,
      'assumed: the tiers are assumed',
      'revenue 100,000,000: tier "100M" reached: 300,000',
      'several tiers newly reached (100M, 50M): only the highest is paid',
    ]);
  });

  it('a flag tier is reached without a figure, and regardless of the prior maximum', () => {
    const r = find(run({ year: 2026, revenue: fen('10000000'), prior: fen('10000000'), aboveSize: true }), 'T');
    expect(r).toMatchObject({ status: 'granted', amount: 100_000 });
    expect(r.explanation).toContain('tier "above designated size" reached: 100,000');
  });

  it('the industrial bonus is added to the tier', () => {
    const r = find(run({ year: 2026, industrial: true, revenue: fen('100000000'), prior: fen('60000000') }), 'T');
    expect(r.amount).toBe(400_000);
    expect(r.explanation).toEqual([
      GENERAL_OK,
      'applies: industrial AI enterprise',
      'assumed: the tiers are assumed',
      'revenue 100,000,000: tier "100M" reached: 300,000',
      'industrial AI enterprise: +100,000, giving 400,000',
    ]);
  });

  it('per year: once a year, again the next year', () => {
    const req = { revenue: fen('100000000'), prior: fen('0') };
    expect(find(run({ year: 2026, ...req, history: hist('T', [2026]) }), 'T')).toMatchObject({
      status: 'excluded',
      amount: 0,
      reasons: ['already granted for 2026'],
    });
    expect(find(run({ year: 2026, ...req, history: hist('T', [2025]) }), 'T')).toMatchObject({ status: 'granted', amount: 300_000 });
  });
});

describe('per-unit rule (U)', () => {
  it.each([
    { year: 2026, units: 4, amount: 200_000, lines: ['incubated enterprises 4 × 50,000 = 200,000', 'cap 500,000 not reached'] },
    { year: 2026, units: 10, amount: 500_000, lines: ['incubated enterprises 10 × 50,000 = 500,000', 'cap 500,000 not reached'] },
    { year: 2026, units: 11, amount: 500_000, lines: ['incubated enterprises 11 × 50,000 = 550,000', 'capped at 500,000'] },
    // The unit amount changed on 2027-07-01: the whole of 2027 uses the new figure.
    { year: 2027, units: 3, amount: 180_000, lines: ['incubated enterprises 3 × 60,000 = 180,000', 'cap 500,000 not reached'] },
    {
      year: 2025,
      units: 1,
      amount: 50_000,
      lines: ['incubated enterprises 1 × 50,000 = 50,000', 'cap 500,000 not reached', 'assumed: the first year counts in full'],
    },
  ])('$units units in $year → $amount', ({ year, units, amount, lines }) => {
    const r = find(run({ year, units }), 'U');
    expect(r).toMatchObject({ status: 'granted', amount, cap: 500_000 });
    expect(r.explanation).toEqual([GENERAL_OK, ...lines]);
  });

  it('zero units is ineligible', () => {
    expect(find(run({ year: 2026, units: 0 }), 'U')).toMatchObject({
      status: 'ineligible',
      amount: 0,
      reasons: ['incubated enterprises is 0: nothing to support'],
    });
  });
});

describe('prize rule (Z)', () => {
  it.each([
    {
      prize: '800000.50',
      industrial: false,
      amount: 800_000,
      lines: ['prize set by the competition 800,000.50 (floored to whole yuan)', 'cap 2,000,000 not reached'],
    },
    {
      prize: '2000000.99',
      industrial: false,
      amount: 2_000_000,
      lines: ['prize set by the competition 2,000,000.99 (floored to whole yuan)', 'cap 2,000,000 not reached'],
    },
    {
      prize: '2500000',
      industrial: false,
      amount: 2_000_000,
      lines: ['prize set by the competition 2,500,000 (floored to whole yuan)', 'capped at 2,000,000'],
    },
    {
      prize: undefined,
      industrial: false,
      amount: 2_000_000,
      lines: ['no prize set by the competition: the cap', 'cap 2,000,000 not reached'],
    },
    {
      prize: undefined,
      industrial: true,
      amount: 3_000_000,
      lines: ['no prize set by the competition: the cap', 'cap 3,000,000 not reached'],
    },
  ])('prize $prize (industrial: $industrial) → $amount', ({ prize, industrial, amount, lines }) => {
    const r = find(
      run({ year: 2026, prizes: [{ id: 'Z-1', industrial, ...(prize === undefined ? {} : { prize: fen(prize) }) }] }),
      'Z',
      'Z-1',
    );
    expect(r).toMatchObject({ status: 'granted', amount, cap: industrial ? 3_000_000 : 2_000_000, review: true });
    expect(r.explanation?.slice(-2)).toEqual(lines);
  });

  it('a prize under one yuan is ineligible', () => {
    expect(find(run({ year: 2026, prizes: [{ id: 'Z-1', prize: fen('0.99') }] }), 'Z', 'Z-1')).toMatchObject({
      status: 'ineligible',
      amount: 0,
      reasons: ['prize is 0: nothing to support'],
    });
  });
});

describe('alternatives (A or B on one project)', () => {
  it.each([
    { name: 'A larger', investment: '2000000', subsidy: '1000000', a: 600_000, b: 300_000, winner: 'A' },
    { name: 'B larger', investment: '1000000', subsidy: '3000000', a: 300_000, b: 900_000, winner: 'B' },
    { name: 'a tie goes to A, the earlier measure', investment: '1000000', subsidy: '1000000', a: 300_000, b: 300_000, winner: 'A' },
    { name: 'both capped: a tie', investment: '5000000', subsidy: '4000000', a: 1_000_000, b: 1_000_000, winner: 'A' },
    {
      name: 'B one fen short of a yuan more: still a tie',
      investment: '1000000',
      subsidy: '1000003.33',
      a: 300_000,
      b: 300_000,
      winner: 'A',
    },
    { name: 'B a yuan more', investment: '1000000', subsidy: '1000003.34', a: 300_000, b: 300_001, winner: 'B' },
  ])('$name: $winner stands', ({ investment, subsidy, a, b, winner }) => {
    const ev = run({ year: 2026, projects: [{ id: 'S-1', investment: fen(investment), subsidy: fen(subsidy) }] });
    const [won, lost] = winner === 'A' ? [find(ev, 'A', 'S-1'), find(ev, 'B', 'S-1')] : [find(ev, 'B', 'S-1'), find(ev, 'A', 'S-1')];
    const [wonAmount, lostAmount] = winner === 'A' ? [a, b] : [b, a];
    const loser = winner === 'A' ? 'B' : 'A';
    expect(won).toMatchObject({ status: 'granted', amount: wonAmount });
    expect(won.explanation).toContain(`alternative to ${loser} (${lostAmount.toLocaleString('en-US')}): this one is larger and stands`);
    expect(lost).toMatchObject({
      status: 'excluded',
      amount: 0,
      reasons: [
        `alternative to ${winner}: ${winner} gives ${wonAmount.toLocaleString('en-US')}, not less than ${lostAmount.toLocaleString('en-US')} here, so this one is excluded`,
      ],
    });
    expect(ev.total).toBe(wonAmount);
  });

  it('an ineligible alternative leaves the other standing alone', () => {
    const ev = run({ year: 2026, projects: [{ id: 'S-1', investment: fen('0'), subsidy: fen('1000000') }] });
    expect(find(ev, 'A', 'S-1')).toMatchObject({ status: 'ineligible', reasons: ['investment is 0: nothing to support'] });
    const b = find(ev, 'B', 'S-1');
    expect(b).toMatchObject({ status: 'granted', amount: 300_000 });
    expect(b.explanation?.some((line) => line.startsWith('alternative'))).toBe(false);
  });

  it('alternatives are per project', () => {
    const ev = run({
      year: 2026,
      projects: [
        { id: 'S-1', investment: fen('2000000'), subsidy: fen('1000000') },
        { id: 'S-2', investment: fen('1000000'), subsidy: fen('3000000') },
        { id: 'S-3', investment: fen('500000') },
      ],
    });
    expect(ev.results.map((r) => [r.measure, r.subject, r.status, r.amount])).toEqual([
      ['A', 'S-1', 'granted', 600_000],
      ['A', 'S-2', 'excluded', 0],
      ['A', 'S-3', 'granted', 150_000],
      ['B', 'S-1', 'excluded', 0],
      ['B', 'S-2', 'granted', 900_000],
    ]);
    expect(ev.total).toBe(1_650_000);
  });
});

describe('best of, never twice (other district policies)', () => {
  const project = { id: 'S-1', investment: fen('2000000') }; // A: 600,000
  const award = (policyName: string, amount: string, subject = 'S-1'): OtherPolicyAward => ({
    policy: policyName,
    subject,
    amount: fen(amount),
  });

  it.each([
    {
      name: 'strictly larger wins',
      awards: [award('X', '599999.99')],
      status: 'granted',
      line: 'best of, never twice: other district policies (X) gave 599,999.99; 600,000 here is larger and replaces it',
    },
    {
      name: 'equal loses',
      awards: [award('X', '600000')],
      status: 'excluded',
      line: 'best of, never twice: other district policies (X) gave 600,000, not less than 600,000 here, so it is excluded',
    },
    {
      name: 'several awards for the subject are summed',
      awards: [award('Y', '300000'), award('X', '300000'), award('X', '1', 'S-9')],
      status: 'excluded',
      line: 'best of, never twice: other district policies (X, Y) gave 600,000, not less than 600,000 here, so it is excluded',
    },
    {
      name: 'several awards summing to less',
      awards: [award('Y', '300000'), award('X', '299999.99'), award('Y', '0')],
      status: 'granted',
      line: 'best of, never twice: other district policies (X, Y) gave 599,999.99; 600,000 here is larger and replaces it',
    },
    { name: 'awards for other subjects do not count', awards: [award('X', '9000000', 'S-2')], status: 'granted', line: undefined },
  ])('$name', ({ awards, status, line }) => {
    const r = find(run({ year: 2026, projects: [project], otherPolicyAwards: awards }), 'A', 'S-1');
    expect(r.status).toBe(status);
    expect(r.amount).toBe(status === 'granted' ? 600_000 : 0);
    if (line === undefined) expect(r.explanation?.some((l) => l.startsWith('best of'))).toBe(false);
    else if (status === 'granted') expect(r.explanation).toContain(line);
    else expect(r.reasons).toEqual([line]);
  });

  it('applies after alternatives: the loser of the pair does not come back when the winner loses', () => {
    const ev = run({
      year: 2026,
      projects: [{ id: 'S-1', investment: fen('2000000'), subsidy: fen('1000000') }],
      otherPolicyAwards: [award('X', '700000')],
    });
    expect(find(ev, 'A', 'S-1')).toMatchObject({ status: 'excluded', amount: 0 });
    expect(find(ev, 'B', 'S-1')).toMatchObject({ status: 'excluded', amount: 0 });
    expect(ev.total).toBe(0);
  });

  it('enterprise-level results (no subject) are not compared', () => {
    const ev = run({ year: 2026, partner: true, compute: fen('5000000'), otherPolicyAwards: [award('X', '99999999')] });
    expect(find(ev, 'P')).toMatchObject({ status: 'granted', amount: 1_000_000 });
  });
});

describe('pending, in-kind and service measures', () => {
  it('carry their status and note, amount 0, outside the total', () => {
    const ev = run({ year: 2026, jointFund: true, startup: true, services: true, units: 2 });
    expect(ev.results.map((r) => ({ measure: r.measure, status: r.status, amount: r.amount, reasons: r.reasons }))).toEqual([
      { measure: 'U', status: 'granted', amount: 100_000, reasons: undefined },
      { measure: 'PEND', status: 'pending', amount: 0, reasons: ['matching not yet set'] },
      { measure: 'KIND', status: 'in-kind', amount: 0, reasons: ['rent-free space'] },
      { measure: 'SVC', status: 'service', amount: 0, reasons: ['financing services'] },
    ]);
    expect(ev.total).toBe(100_000);
  });
});

describe('general conditions', () => {
  const everything: FakeRequest = {
    year: 2026,
    partner: true,
    compute: fen('5000000'),
    filings: [{ id: 'M-1', date: '2026-03-01' }],
    revenue: fen('100000000'),
    units: 3,
    prizes: [{ id: 'Z-1' }],
    projects: [{ id: 'S-1', investment: fen('2000000'), subsidy: fen('1000000') }],
    recognitions: [{ id: 'R-1', date: '2026-05-01' }],
    platforms: [{ id: 'PL-1', investment: fen('1000000') }],
    jointFund: true,
    startup: true,
    services: true,
  };

  it('all met: the facts give one result for each measure and subject', () => {
    const ev = run(everything);
    expect(ev.results.map((r) => `${r.measure}/${r.subject ?? '-'}:${r.status}:${r.amount}`)).toEqual([
      'P/-:granted:1000000',
      'F/M-1:granted:500000',
      'T/-:granted:300000',
      'U/-:granted:150000',
      'Z/Z-1:granted:2000000',
      'A/S-1:granted:600000',
      'B/S-1:excluded:0',
      'E1/-:granted:300000',
      'C/PL-1:granted:300000',
      'PEND/-:pending:0',
      'KIND/-:in-kind:0',
      'SVC/-:service:0',
    ]);
    expect(ev.total).toBe(1_000_000 + 500_000 + 300_000 + 150_000 + 2_000_000 + 600_000 + 300_000 + 300_000);
  });

  it('one failing: every result is ineligible with that reason, and nothing is granted', () => {
    const ev = run({ ...everything, registered: false });
    expect(ev.results).toHaveLength(12);
    for (const r of ev.results) {
      expect(r).toMatchObject({ status: 'ineligible', amount: 0, reasons: ['general conditions not met: not registered in the district'] });
    }
    expect(ev.total).toBe(0);
  });

  it('all failing ones are given, with the assumption behind one', () => {
    const ev = run({ ...everything, registered: false, dishonest: true });
    expect(find(ev, 'SVC').reasons).toEqual([
      'general conditions not met: not registered in the district',
      'general conditions not met: has a serious dishonesty record',
      'assumed: dishonesty as declared',
    ]);
  });

  it('are said in Chinese by default', () => {
    const ev = evaluate(policy, { ...everything, dishonest: true });
    expect(find(ev, 'P').reasons).toEqual(['不符合基本条件:有严重失信记录', '假设:以申报为准']);
  });
});

describe('the answer', () => {
  it('is sorted by catalogue order, then by subject', () => {
    const ev = run({
      year: 2026,
      // Given out of order on purpose.
      platforms: [
        { id: 'PL-b', investment: fen('100') },
        { id: 'PL-a', investment: fen('100') },
      ],
      units: 1,
      filings: [
        { id: 'M-2', date: '2026-01-02' },
        { id: 'M-10', date: '2026-01-03' },
        { id: 'M-1', date: '2026-01-01' },
      ],
      partner: true,
      compute: fen('100'),
    });
    expect(ev.results.map((r) => [r.measure, r.subject])).toEqual([
      ['P', null],
      ['F', 'M-1'],
      ['F', 'M-10'],
      ['F', 'M-2'],
      ['U', null],
      ['C', 'PL-a'],
      ['C', 'PL-b'],
    ]);
  });

  it('leaves out measures the request gives no facts for', () => {
    expect(run({ year: 2026 })).toEqual({ results: [], total: 0 });
  });

  it('totals the granted amounts only', () => {
    const ev = run({
      year: 2026,
      partner: true,
      compute: fen('1234567.89'), // 246,913
      units: 11, // 500,000
      filings: [
        { id: 'M-1', date: '2026-03-01' }, // 500,000
        { id: 'M-2', date: '2027-03-01' }, // ineligible
      ],
      prizes: [{ id: 'Z-1', prize: fen('800000.50') }], // 800,000
      jointFund: true, // pending
    });
    expect(ev.total).toBe(246_913 + 500_000 + 500_000 + 800_000);
    expect(ev.total).toBe(ev.results.filter((r) => r.status === 'granted').reduce((s, r) => s + r.amount, 0));
    expect(ev.results.filter((r) => r.status !== 'granted').every((r) => r.amount === 0 && (r.reasons?.length ?? 0) > 0)).toBe(true);
  });

  it('explain: false leaves explanations out and keeps the reasons', () => {
    const request: FakeRequest = {
      year: 2026,
      partner: true,
      compute: fen('5000000'),
      filings: [{ id: 'M-1', date: '2027-01-01' }],
      projects: [{ id: 'S-1', investment: fen('2000000'), subsidy: fen('1000000') }],
      otherPolicyAwards: [{ policy: 'X', subject: 'S-1', amount: fen('1') }],
    };
    const full = run(request);
    const brief = run(request, { lang: 'en', explain: false });
    for (const r of brief.results) expect(r.explanation).toBeUndefined();
    expect(full.results.every((r) => Array.isArray(r.explanation))).toBe(true);
    expect(brief.results.map((r) => ({ ...r, explanation: undefined }))).toEqual(
      full.results.map((r) => ({ ...r, explanation: undefined })),
    );
    expect(find(brief, 'F', 'M-1').reasons).toEqual(['M-1: dated 2027-01-01, not in assessment year 2026']);
    expect(find(brief, 'B', 'S-1').reasons).toEqual([
      'alternative to A: A gives 600,000, not less than 300,000 here, so this one is excluded',
    ]);
    expect(brief.total).toBe(1_600_000);
  });

  it("renders in Chinese by default and in English on request; the citation stays the text's", () => {
    const request: FakeRequest = { year: 2026, partner: true, compute: fen('1234567.89'), filings: [{ id: 'M-1', date: '2027-01-01' }] };
    const zh = evaluate(policy, request);
    const en = evaluate(policy, request, { lang: 'en' });
    expect(find(zh, 'P').explanation).toEqual([
      '假设:符合基本条件',
      '连续支持第 1 年,最多 2 年(首次支持 2026 年)',
      '算力投入 1,234,567.89 元 × 20% = 246,913 元(向下取整到元)',
      '未超过上限 2,000,000 元',
    ]);
    expect(find(en, 'P').explanation).toEqual([
      GENERAL_OK,
      'year 1 of at most 2 (first granted 2026)',
      'compute spend 1,234,567.89 × 20% = 246,913 (floored to whole yuan)',
      'cap 2,000,000 not reached',
    ]);
    expect(find(zh, 'F', 'M-1').reasons).toEqual(['M-1:日期 2027-01-01 不在评估年度 2026 年内']);
    expect(find(en, 'F', 'M-1').reasons).toEqual(['M-1: dated 2027-01-01, not in assessment year 2026']);
    expect(find(zh, 'P').citation).toBe('第1条(P)');
    expect(find(en, 'P').citation).toBe('第1条(P)');
    expect(zh.total).toBe(en.total);
  });

  it('is pure: the same request gives the same answer, and the request is not changed', () => {
    const request: FakeRequest = {
      year: 2027,
      partner: true,
      compute: fen('5000000'),
      projects: [{ id: 'S-1', investment: fen('2000000'), subsidy: fen('3000000') }],
      history: hist('P', [2026]),
      otherPolicyAwards: [{ policy: 'X', subject: 'S-1', amount: fen('100') }],
    };
    const copy = structuredClone(request);
    const first = run(request);
    expect(run(request)).toEqual(first);
    expect(request).toEqual(copy);
  });
});
