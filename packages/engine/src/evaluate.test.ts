import { describe, expect, it } from 'vitest';
import { checkPolicy } from './check-policy.js';
import { type EvaluateOptions, type Evaluation, evaluate, type MeasureResult } from './evaluate.js';
import type { Localised } from './localised.js';
import type { Candidate, Condition, EngineRequest, HistoryEntry, Measure, MissingFact, OtherPolicyAward, Policy } from './measure.js';
import { measureRef } from './measure-ref.js';
import { type Fen, parseYuanToFen } from './money.js';
import { type ParameterDefinition, ParameterSet } from './parameter.js';

/*
 * A small, made-up policy with every rule kind, every scope and every reading (switch
 * parameter), so that the engine is tested on its own terms (the Fengtai policy has its own cases).
 */

/** Yuan as a decimal string → fen, exactly. */
function fen(text: string): Fen {
  const f = parseYuanToFen(text);
  if (f === null) throw new Error(`bad amount ${text}`);
  return f;
}

const L = (zh: string, en: string): Localised => ({ zh, en });

interface FakeRequest extends EngineRequest {
  readonly registered?: boolean;
  readonly dishonest?: boolean;
  readonly partner?: boolean;
  readonly industrial?: boolean;
  readonly compute?: Fen;
  readonly filings?: readonly { id: string; date: string; industrial?: boolean }[];
  readonly revenue?: Fen;
  readonly previous?: Fen;
  readonly aboveSize?: boolean;
  readonly rd?: Fen;
  readonly previousRd?: Fen;
  readonly units?: number;
  readonly unitsUnknown?: boolean;
  readonly prizes?: readonly { id: string; prize?: Fen; industrial?: boolean }[];
  readonly projects?: readonly { id: string; investment?: Fen; subsidy?: Fen; date?: string }[];
  readonly recognitions?: readonly { id: string; date: string }[];
  readonly platforms?: readonly { id: string; investment?: Fen; isNew?: boolean }[];
  readonly jointFund?: boolean;
  readonly startup?: boolean;
  readonly services?: boolean;
}

const TERM = { from: '2025-10-30', to: '2028-12-31' };
const INDUSTRIAL = L('工业智能企业', 'industrial AI enterprise');
const COMPUTE = L('算力投入', 'compute spend');
const REVENUE = L('本年度主营业务收入', 'revenue');
const PREVIOUS = L('此前年度最高主营业务收入', 'highest revenue before');
const RD_UP = L('研发投入增量', 'R&D increase');
const UNITS = L('在孵企业', 'incubated enterprises');
const PRIZE = L('奖金', 'prize');
const INVESTMENT = L('项目投资', 'investment');
const SUBSIDY = L('市级补贴', 'municipal subsidy');
const missingFact = (path: string, zh: string, en: string): MissingFact => ({ path, label: L(zh, en) });
const PREVIOUS_MISSING = [
  missingFact('facts.priorMax', '以往年度最高主营业务收入', 'highest revenue of any earlier year'),
  missingFact('facts.lastRevenue', '上年度主营业务收入', "last year's revenue"),
];

const enterpriseVariant = (r: FakeRequest): Partial<Candidate> => (r.industrial ? { variant: 'industrial', variantLabel: INDUSTRIAL } : {});

/** The readings (switch parameters), with what each says when true and when false. */
const READINGS: Readonly<Record<string, readonly [Localised, Localised | undefined]>> = {
  'g.conditions': [L('基本条件依申报信息核验', 'general conditions as declared'), L('不核验基本条件', 'general conditions not checked')],
  'g.first-year': [L('首年全年计算', 'the first year counts in full'), undefined],
  'p.cap-per-year': [
    L('最高支持额度按每一年度计算', 'the cap applies to each year'),
    L('最高支持额度按整个支持期计算', 'the cap applies to the whole window'),
  ],
  'p.years-reading': [L('支持年限按首年企业类型确定', 'the window follows the first year'), undefined],
  'f.per-model': [L('按每个模型分别一次性支持', 'once per model'), L('每家企业一次性支持', 'once per enterprise')],
  'e1.reading': [L('以首次认定为准', 'the first recognition counts'), undefined],
  't.highest-only': [L('同年新达到多档的，只按最高档支持', 'several tiers newly reached in one year: only the highest is paid'), undefined],
  'g.zero': [
    L('上年度为0元的，视为增长', 'a year before of 0 counts as growth'),
    L('上年度为0元的，不予支持', 'no support after a year of 0'),
  ],
  'u.per-year': [L('每年度支持', 'once a year'), L('每家企业支持一次', 'once per enterprise')],
  'z.no-prize-cap': [
    L('未设定奖金的，按最高支持额度', 'no prize set: the cap'),
    L('未设定奖金的，需填报奖金', 'no prize set: the prize is needed'),
  ],
  'ab.tie': [
    L('金额相同的，按前一项支持', 'a tie goes to the earlier measure'),
    L('金额相同的，按后一项支持', 'a tie goes to the later measure'),
  ],
};

const p = (id: string, unit: ParameterDefinition['unit'], value: unknown, assumed?: Localised): ParameterDefinition => ({
  id,
  unit,
  label: L(id, id),
  reference: '第一条',
  values: [{ from: TERM.from, value }],
  ...(assumed ? { assumed } : {}),
});

function parameterSet(switches: Readonly<Record<string, boolean>>): ParameterSet {
  return new ParameterSet([
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
        { id: 'above-size', flag: 'above-size', amount: 100_000, label: L('首次达规', 'above designated size') },
        { id: 'r-50m', min: 50_000_000, amount: 200_000, label: L('5000万元', '50M') },
        { id: 'r-100m', min: 100_000_000, amount: 300_000, label: L('1亿元', '100M') },
        { id: 'r-500m', min: 500_000_000, amount: 500_000, label: L('5亿元', '500M') },
      ],
      L('档位为假设', 'the tiers are assumed'),
    ),
    p('t.bonus', 'yuan', 100_000),
    p(
      'g.tiers',
      'tiers',
      [
        { min: 1_000_000, amount: 100_000, label: L('100万元', '1M') },
        { min: 3_000_000, amount: 200_000, label: L('300万元', '3M') },
      ],
      L('增量档位为假设', 'the bands are assumed'),
    ),
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
    p('k.years', 'years', 3),
    ...Object.entries(READINGS).map(([id, [assumed, ifFalse]]) => ({
      ...p(id, 'switch', switches[id] ?? true, assumed),
      ...(ifFalse ? { assumedIfFalse: ifFalse } : {}),
    })),
  ]);
}

const registered: Condition<FakeRequest> = {
  id: 'registered',
  holds: (r) => r.registered !== false,
  unmet: L('未在本区注册', 'not registered in the district'),
};
const honest: Condition<FakeRequest> = {
  id: 'honest',
  holds: (r) => r.dishonest !== true,
  unmet: L('有严重失信记录', 'has a serious dishonesty record'),
};
const partner: Condition<FakeRequest> = {
  id: 'partner',
  holds: (r) => r.partner === true,
  unmet: L('未纳入人工智能伙伴计划', 'not in the AI partner program'),
};

type FakeMeasure = Measure<FakeRequest>;
const common = (
  id: string,
  article: number,
  citation: Localised,
  name: Localised,
): Pick<FakeMeasure, 'id' | 'article' | 'citation' | 'name' | 'clause' | 'summary' | 'review'> => ({
  id,
  article,
  citation,
  name,
  clause: `条文${id}`,
  summary: L(`摘要${id}`, `summary ${id}`),
  review: false,
});

/** percent, capped, with an industrial variant; consecutive years per enterprise (2, industrial 3), with its readings. */
const P: FakeMeasure = {
  ...common('P', 1, L('第一条', 'Article 1'), L('算力补贴', 'compute subsidy')),
  perSubject: false,
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
  requires: [partner],
  candidates: (r) => (r.compute === undefined ? [] : [{ subject: null, base: r.compute, baseLabel: COMPUTE, ...enterpriseVariant(r) }]),
};

/** maximum (最高, a review), one-time per subject unless the per-model reading is false, with a dated event. */
const F: FakeMeasure = {
  ...common('F', 2, L('第二条第（1）项', 'Article 2 (1)'), L('大模型备案', 'model filing')),
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject', perSubjectReading: 'f.per-model' },
  rule: { kind: 'maximum', amount: { default: 'f.amount', industrial: 'f.amount.industrial' } },
  candidates: (r) =>
    (r.filings ?? []).map((f) => ({
      subject: f.id,
      events: [{ id: f.id, date: f.date }],
      ...(f.industrial ? { variant: 'industrial', variantLabel: L('工业大模型', 'industrial model') } : {}),
    })),
};

/** milestone tiers (首次达到, each tier once ever), a flag tier, an industrial bonus. */
const T: FakeMeasure = {
  ...common('T', 5, L('第五条第（1）项', 'Article 5 (1)'), L('主营业务收入首次达到规模', 'revenue milestones')),
  review: true,
  perSubject: false,
  scope: { kind: 'one-time', per: 'tier' },
  rule: { kind: 'tiers', tiers: 't.tiers', bonus: { industrial: 't.bonus' }, milestones: { highestOnly: 't.highest-only' } },
  candidates: (r) =>
    r.revenue === undefined && !r.aboveSize
      ? []
      : [
          {
            subject: null,
            value: r.revenue,
            previous: r.previous,
            valueLabel: REVENUE,
            previousLabel: PREVIOUS,
            previousMissing: PREVIOUS_MISSING,
            flags: r.aboveSize ? ['above-size'] : [],
            ...enterpriseVariant(r),
          },
        ],
};

/** plain tiers on a year's increase, per year; needs the year before (a candidate's own missing fact). */
const G: FakeMeasure = {
  ...common('G', 4, L('第四条第（3）项', 'Article 4 (3)'), L('研发投入增量', 'R&D increase')),
  perSubject: false,
  scope: { kind: 'per-year' },
  rule: { kind: 'tiers', tiers: 'g.tiers' },
  requires: [partner],
  readings: ['g.zero'],
  candidates: (r) => {
    if (r.rd === undefined) return [];
    if (r.previousRd === undefined)
      return [{ subject: null, missing: [missingFact('facts.previousRd', '上年度研发投入', "last year's R&D spend")] }];
    const up = (r.rd > r.previousRd ? r.rd - r.previousRd : 0) as Fen;
    return [
      {
        subject: null,
        value: up,
        valueLabel: RD_UP,
        notes: [L('本年度研发投入－上年度研发投入＝研发投入增量', 'this year less the year before')],
        ...(r.previousRd === 0 ? { readings: ['g.zero'] } : {}),
      },
    ];
  },
};

/** per-unit, capped per year; once a year unless the per-year reading is false. */
const U: FakeMeasure = {
  ...common('U', 8, L('第八条第（2）项', 'Article 8 (2)'), L('在孵企业', 'incubated enterprises')),
  perSubject: false,
  scope: { kind: 'per-year', reading: 'u.per-year' },
  rule: { kind: 'per-unit', unit: 'u.unit', cap: 'u.cap' },
  candidates: (r) =>
    r.unitsUnknown
      ? [{ subject: null, countLabel: UNITS, baseMissing: [missingFact('facts.units', '在孵企业数量', 'incubated enterprises')] }]
      : r.units === undefined
        ? []
        : [{ subject: null, count: r.units, countLabel: UNITS }],
};

/** prize, capped; no prize named: the cap while the reading holds. */
const Z: FakeMeasure = {
  ...common('Z', 6, L('第六条第（1）项', 'Article 6 (1)'), L('智能体大赛', 'agent competition')),
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'prize', cap: { default: 'z.cap', industrial: 'z.cap.industrial' }, noPrizeCap: 'z.no-prize-cap' },
  candidates: (r) =>
    (r.prizes ?? []).map((z, i) => ({
      subject: z.id,
      base: z.prize,
      baseLabel: PRIZE,
      baseMissing: [missingFact(`facts.prizes[${i}].prize`, `${z.id}奖金`, `prize of ${z.id}`)],
      ...(z.industrial ? { variant: 'industrial', variantLabel: L('工业智能体', 'industrial agent') } : {}),
    })),
};

/** A and B: alternatives on one project, one grant of either ever (shared); a dated event when given. */
const A: FakeMeasure = {
  ...common('A', 6, L('第六条第（2）项', 'Article 6 (2)'), L('应用场景建设项目', 'scenario project')),
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject', shared: ['A', 'B'] },
  alternativeGroup: { id: 'AB', tieReading: 'ab.tie' },
  rule: { kind: 'percent', rate: 'ab.rate', cap: 'ab.cap' },
  candidates: (r) =>
    (r.projects ?? []).map((x, i) => ({
      subject: x.id,
      base: x.investment,
      baseLabel: INVESTMENT,
      baseMissing: [missingFact(`facts.projects[${i}].investment`, '项目投资', 'investment')],
      ...(x.date ? { events: [{ id: x.id, date: x.date }] } : {}),
    })),
};
const B: FakeMeasure = {
  ...common('B', 6, L('第六条第（2）项', 'Article 6 (2)'), L('获得市级应用场景建设项目补贴', 'Beijing scenario subsidy')),
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject', shared: ['A', 'B'] },
  alternativeGroup: { id: 'AB', tieReading: 'ab.tie' },
  rule: { kind: 'percent', rate: 'ab.rate', cap: 'ab.cap' },
  candidates: (r) =>
    (r.projects ?? []).filter((x) => x.subsidy !== undefined).map((x) => ({ subject: x.id, base: x.subsidy, baseLabel: SUBSIDY })),
};

/** maximum, one-time per enterprise with a display-only reading, any of several dated events. */
const E1: FakeMeasure = {
  ...common('E1', 5, L('第五条第（3）项', 'Article 5 (3)'), L('首次认定', 'first recognition')),
  review: true,
  perSubject: false,
  scope: { kind: 'one-time', per: 'enterprise', readings: ['e1.reading'] },
  rule: { kind: 'maximum', amount: 'e1.amount' },
  candidates: (r) => (r.recognitions ? [{ subject: null, events: r.recognitions }] : []),
};

/** percent, consecutive years per subject, an assumed window, a candidate condition, no base label. */
const C: FakeMeasure = {
  ...common('C', 7, L('第七条第（1）项', 'Article 7 (1)'), L('共性技术服务平台', 'service platform')),
  perSubject: true,
  scope: { kind: 'consecutive', per: 'subject', years: 'c.years' },
  rule: { kind: 'percent', rate: 'c.rate', cap: 'c.cap' },
  candidates: (r) =>
    (r.platforms ?? []).map((x, i) => ({
      subject: x.id,
      base: x.investment,
      baseMissing: [missingFact(`facts.platforms[${i}].investment`, `${x.id}建设投入`, `investment in ${x.id}`)],
      ...(x.isNew === false ? { unmet: [L('不是新建平台', 'not a new platform')] } : {}),
    })),
};

const PEND: FakeMeasure = {
  ...common('PEND', 4, L('第四条第（1）项', 'Article 4 (1)'), L('联合基金', 'joint fund')),
  perSubject: false,
  scope: { kind: 'per-year' },
  rule: { kind: 'pending', note: L('区级配套资金，原文未规定比例或金额', 'matching not yet set') },
  candidates: (r) => (r.jointFund ? [{ subject: null }] : []),
};
/** in kind, a three-year window like any other (5.4). */
const KIND: FakeMeasure = {
  ...common('KIND', 5, L('第五条第（4）项', 'Article 5 (4)'), L('免租办公空间', 'rent-free space')),
  review: true,
  perSubject: false,
  scope: { kind: 'consecutive', per: 'enterprise', years: 'k.years' },
  rule: { kind: 'in-kind', note: L('最高300平方米免租办公空间', 'up to 300 m² rent-free space') },
  candidates: (r) => (r.startup ? [{ subject: null }] : []),
};
const SVC: FakeMeasure = {
  ...common('SVC', 9, L('第九条第（1）项', 'Article 9 (1)'), L('融资服务', 'financing services')),
  perSubject: false,
  scope: { kind: 'none' },
  rule: { kind: 'service', note: L('融资服务', 'financing services') },
  candidates: (r) => (r.services ? [{ subject: null }] : []),
};

const MEASURES: readonly FakeMeasure[] = [P, F, T, G, U, Z, A, B, E1, C, PEND, KIND, SVC];

function makePolicy(switches: Readonly<Record<string, boolean>>, measures: readonly FakeMeasure[] = MEASURES): Policy<FakeRequest> {
  return {
    id: 'fake',
    version: 'test',
    inForce: TERM,
    parameters: parameterSet(switches),
    generalConditions: [registered, honest],
    generalConditionsReading: 'g.conditions',
    generalConditionsChecked: L('基本条件核验：依申报信息', 'general conditions checked as declared'),
    generalConditionsSource: L('原文未列明，参照区级惠企政策通行要求', 'not in the text; as district schemes require'),
    firstYearInFull: 'g.first-year',
    measures,
  };
}

const policy = makePolicy({});
const withReadings = new Map<string, Policy<FakeRequest>>();
/** The policy with some readings set to false (or true). */
function policyWith(switches: Readonly<Record<string, boolean>>): Policy<FakeRequest> {
  const key = JSON.stringify(Object.entries(switches).sort());
  let found = withReadings.get(key);
  if (!found) {
    found = makePolicy(switches);
    withReadings.set(key, found);
  }
  return found;
}

const GENERAL_OK = 'general conditions checked as declared';
const SOURCE = ' (not in the text; as district schemes require)';

function run(
  request: FakeRequest,
  options: EvaluateOptions = { lang: 'en' },
  switches: Readonly<Record<string, boolean>> = {},
): Evaluation {
  return evaluate(Object.keys(switches).length === 0 ? policy : policyWith(switches), request, options);
}

function find(ev: Evaluation, measure: string, subject: string | null = null): MeasureResult {
  const found = ev.results.filter((r) => r.measure === measure && r.subject === subject);
  if (found.length !== 1) throw new Error(`expected one result for ${measure}/${subject}, got ${found.length}`);
  return found[0] as MeasureResult;
}

/** The one result of a measure, whatever its subject (a milestone's subject is its tier). */
function only(ev: Evaluation, measure: string): MeasureResult {
  const found = ev.results.filter((r) => r.measure === measure);
  if (found.length !== 1) throw new Error(`expected one result for ${measure}, got ${found.length}`);
  return found[0] as MeasureResult;
}

const hist = (measure: string, years: readonly number[], subject: string | null = null, amount = '1'): HistoryEntry[] =>
  years.map((year) => ({ measure, year, subject, amount: fen(amount) }));

const REF = {
  A: 'Article 6 (2), scenario project (A)',
  B: 'Article 6 (2), Beijing scenario subsidy (B)',
  C: 'Article 7 (1), service platform (C)',
};

describe('the made-up policy', () => {
  it('is well defined', () => {
    expect(checkPolicy(policy)).toEqual([]);
    expect(checkPolicy(policyWith({ 'p.cap-per-year': false, 'f.per-model': false, 'u.per-year': false, 'ab.tie': false }))).toEqual([]);
  });

  it('cites a measure by its clause and name (measureRef), the same object each time', () => {
    expect(measureRef(A)).toEqual({ zh: '第六条第（2）项（应用场景建设项目）', en: REF.A });
    expect(measureRef(A)).toBe(measureRef(A));
  });
});

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
      citation: '第一条',
      explanation: [
        GENERAL_OK,
        'year 1 of at most 2 (first granted 2026)',
        'compute spend 5,000,000 × 20% = 1,000,000', // exact: nothing floored, and it does not say so
        'cap 2,000,000 not reached',
      ],
      reasons: undefined,
      missing: undefined,
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

  it.each([
    { compute: '1234567.89', line: 'compute spend 1,234,567.89 × 20% = 246,913 (floored to whole yuan)' },
    { compute: '5.00', line: 'compute spend 5 × 20% = 1' },
    { compute: '5.01', line: 'compute spend 5.01 × 20% = 1 (floored to whole yuan)' },
    { compute: '10000000', line: 'compute spend 10,000,000 × 20% = 2,000,000' },
  ])('says it floored only when it did: $compute', ({ compute, line }) => {
    expect(find(run({ year: 2026, partner: true, compute: fen(compute) }), 'P').explanation).toContain(line);
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
    { name: 'a failed requirement', compute: '5000000', partner: false, reasons: ['not in the AI partner program'] },
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
  const OVER = (first: number, years: number) => `beyond the consecutive years (first granted ${first}, at most ${years} years)`;
  it.each([
    {
      name: 'the second of two years',
      year: 2026,
      industrial: false,
      years: [2025],
      status: 'granted',
      line: 'year 2 of at most 2 (first granted 2025)',
    },
    { name: 'a third year after two', year: 2027, industrial: false, years: [2025, 2026], status: 'excluded', line: OVER(2025, 2) },
    {
      name: 'a year skipped inside the window is lost',
      year: 2027,
      industrial: false,
      years: [2025],
      status: 'excluded',
      line: OVER(2025, 2),
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
      line: OVER(2025, 3),
    },
    { name: 'the same year twice', year: 2026, industrial: false, years: [2026], status: 'excluded', line: 'already granted for 2026' },
  ])('$name: $status', ({ year, industrial, years, status, line }) => {
    const r = find(run({ year, partner: true, industrial, compute: fen('5000000'), history: hist('P', years) }), 'P');
    expect(r.status).toBe(status);
    expect(r.amount).toBe(status === 'granted' ? (industrial ? 1_500_000 : 1_000_000) : 0);
    if (status === 'granted') expect(r.explanation).toContain(line);
    else expect(r.reasons).toEqual([line]);
  });

  it('an ended window says so in Chinese, never "not in force"', () => {
    const r = find(evaluate(policy, { year: 2027, partner: true, compute: fen('5000000'), history: hist('P', [2025, 2026]) }), 'P');
    expect(r.reasons).toEqual(['超出连续支持年限（首次支持2025年度，最多2年）']);
  });

  it("another measure's history does not open or close the window", () => {
    const r = find(
      run({ year: 2027, partner: true, compute: fen('5000000'), history: [...hist('C', [2025]), ...hist('T', [2025], 'r-50m')] }),
      'P',
    );
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
    expect(find(ev, 'C', 'PL-1')).toMatchObject({ status: 'excluded', amount: 0, reasons: [OVER(2025, 2)] });
    const pl2 = find(ev, 'C', 'PL-2');
    expect(pl2).toMatchObject({ status: 'granted', amount: 5_000_000, cap: 5_000_000 });
    expect(pl2.explanation).toEqual([
      GENERAL_OK,
      'assumed: two years, as assumed',
      'year 2 of at most 2 (first granted 2026)',
      'base 20,000,000 × 30% = 6,000,000',
      'capped at 5,000,000',
    ]);
    expect(find(ev, 'C', 'PL-3')).toMatchObject({ status: 'granted', amount: 300_000 });
    expect(ev.total).toBe(5_300_000);
  });
});

describe('the in-force window and continuing support', () => {
  const OUT = (year: number) => `${year} is outside the policy's term (2025-10-30 to 2028-12-31): no new support`;
  const NO_CONTINUING = (year: number) => `${year} is after the policy's term, and there is no continuing support from a grant inside it`;
  const BEFORE = (year: number) => `${year} is before the policy took effect (2025-10-30)`;

  it.each([
    { name: 'first granted in the last year: the next year continues', year: 2029, industrial: false, years: [2028], reason: undefined },
    {
      // Was "outside the policy's term": the true reason is the window.
      name: 'first granted in the last year: the year after the window',
      year: 2030,
      industrial: false,
      years: [2028, 2029],
      reason: 'beyond the consecutive years (first granted 2028, at most 2 years)',
    },
    {
      name: 'a window that ended in the term',
      year: 2029,
      industrial: false,
      years: [2027, 2028],
      reason: 'beyond the consecutive years (first granted 2027, at most 2 years)',
    },
    { name: 'industrial: the third year falls after the term', year: 2029, industrial: true, years: [2027, 2028], reason: undefined },
    { name: 'never granted before the end', year: 2029, industrial: false, years: [], reason: NO_CONTINUING(2029) },
    { name: 'first granted after the end', year: 2030, industrial: false, years: [2029], reason: NO_CONTINUING(2030) },
    { name: 'a year before the term', year: 2024, industrial: false, years: [], reason: BEFORE(2024) },
  ])('$name', ({ year, industrial, years, reason }) => {
    const r = find(run({ year, partner: true, industrial, compute: fen('5000000'), history: hist('P', years) }), 'P');
    if (reason === undefined) {
      expect(r.status).toBe('granted');
      expect(r.amount).toBe(industrial ? 1_500_000 : 1_000_000);
      expect(r.explanation).toContain(`continuing support: first granted in ${years[0]}, continues past the term's end (2028-12-31)`);
    } else {
      expect(r).toMatchObject({ status: 'excluded', amount: 0, reasons: [reason] });
      // Nothing continues: the explanation does not say it does.
      expect(r.explanation?.some((l) => l.startsWith('continuing support'))).toBe(false);
    }
  });

  it.each([
    { year: 2024, history: [], zh: '2024年度早于政策施行日期（2025年10月30日）' },
    { year: 2029, history: [], zh: '2029年度不在政策有效期内，且无期间已立项的延续支持' },
    { year: 2030, history: [2028, 2029], zh: '超出连续支持年限（首次支持2028年度，最多2年）' },
  ])('says why in Chinese, $year', ({ year, history, zh }) => {
    const r = find(evaluate(policy, { year, partner: true, compute: fen('5000000'), history: hist('P', history) }), 'P');
    expect(r.reasons).toEqual([zh]);
  });

  it('continuing support says so in Chinese, with the date as the text writes it', () => {
    const r = find(evaluate(policy, { year: 2029, partner: true, compute: fen('5000000'), history: hist('P', [2028]) }), 'P');
    expect(r.explanation).toContain('期间已立项项目至约定任务期止：2028年度首次支持，政策有效期届满（2028年12月31日）后继续支持');
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
    expect(find(ev, 'C', 'PL-2')).toMatchObject({ status: 'excluded', amount: 0, reasons: [NO_CONTINUING(2029)] });
  });

  it('one-time, per-year and other measures grant nothing new after the term', () => {
    const ev = run({
      year: 2029,
      filings: [{ id: 'M-1', date: '2029-03-01' }],
      revenue: fen('100000000'),
      previous: fen('0'),
      units: 3,
      prizes: [{ id: 'Z-1' }],
      recognitions: [{ id: 'R-1', date: '2029-05-01' }],
      jointFund: true,
      services: true,
      history: [...hist('F', [2028], 'M-0'), ...hist('T', [2028], 'r-50m'), ...hist('U', [2028])],
    });
    for (const [measure, subject] of [
      ['F', 'M-1'],
      ['T', null],
      ['U', null],
      ['Z', 'Z-1'],
      ['E1', null],
      ['PEND', null],
      ['SVC', null],
    ] as const) {
      expect(find(ev, measure, subject)).toMatchObject({ status: 'excluded', amount: 0, reasons: [OUT(2029)] });
    }
    expect(ev.total).toBe(0);
    expect(find(evaluate(policy, { year: 2029, units: 3 }), 'U').reasons).toEqual([
      '2029年度不在政策有效期（2025年10月30日至2028年12月31日）内，不予新增支持',
    ]);
  });

  it('a year before the term grants nothing, and says the term had not begun', () => {
    const ev = run({ year: 2024, filings: [{ id: 'M-1', date: '2024-03-01' }], units: 3, startup: true });
    expect(find(ev, 'F', 'M-1')).toMatchObject({ status: 'excluded', reasons: [BEFORE(2024)] });
    expect(find(ev, 'U')).toMatchObject({ status: 'excluded', reasons: [BEFORE(2024)] });
    expect(find(ev, 'KIND')).toMatchObject({ status: 'excluded', reasons: [BEFORE(2024)] });
  });
});

describe('dated events (F, E1)', () => {
  it.each([
    { year: 2025, date: '2025-10-29', status: 'excluded', reason: 'M-1: dated 2025-10-29, before the policy took effect (2025-10-30)' },
    { year: 2025, date: '2025-10-30', status: 'granted', reason: undefined },
    { year: 2026, date: '2026-03-01', status: 'granted', reason: undefined },
    { year: 2028, date: '2028-12-31', status: 'granted', reason: undefined },
    { year: 2026, date: '2025-12-31', status: 'ineligible', reason: 'M-1: dated 2025-12-31, not in assessment year 2026' },
    { year: 2026, date: '2027-01-01', status: 'ineligible', reason: 'M-1: dated 2027-01-01, not in assessment year 2026' },
  ])('an event dated $date in $year: $status', ({ year, date, status, reason }) => {
    const r = find(run({ year, filings: [{ id: 'M-1', date }] }), 'F', 'M-1');
    expect(r.status).toBe(status);
    if (status === 'granted') {
      expect(r).toMatchObject({ amount: 500_000, cap: 500_000, review: true });
      // A maximum with a dated event: no "first year in full" assumption, even in 2025.
      expect(r.explanation).toEqual([
        GENERAL_OK,
        `M-1: dated ${date}, inside the term and the year`,
        'assumed: once per model',
        'one-time: not granted before',
        'up to 500,000, subject to expert review',
      ]);
    } else {
      expect(r.amount).toBe(0);
      expect(r.reasons).toEqual([reason]);
    }
  });

  it('says it in official Chinese: 最高, never 定额; dates as the text writes them', () => {
    const r = find(evaluate(policy, { year: 2026, filings: [{ id: 'M-1', date: '2026-03-01' }] }), 'F', 'M-1');
    expect(r.explanation).toEqual([
      '基本条件核验：依申报信息',
      '“M-1”日期为2026年3月1日，在政策有效期和评估年度内',
      '假设：按每个模型分别一次性支持',
      '此前未享受本项支持（一次性）',
      '最高500,000元，以评审认定为准',
    ]);
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
    expect(r).toMatchObject({ status: 'granted', amount: 300_000 });
    expect(r.explanation).toEqual([
      GENERAL_OK,
      'R-1: dated 2026-11-10, inside the term and the year',
      'assumed: the first recognition counts',
      'one-time: not granted before',
      'up to 300,000, subject to expert review',
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
      reasons: ['R-1: dated 2025-03-01, before the policy took effect (2025-10-30)', 'R-2: dated 2026-01-01, not in assessment year 2025'],
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
    expect(find(ev, 'F', 'M-1')).toMatchObject({ status: 'excluded', amount: 0, reasons: ['one-time: already granted in 2025'] });
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
    expect(r).toMatchObject({ status: 'excluded', amount: 0, reasons: ['one-time: already granted in 2025'] });
  });

  it('shared: a grant under B rules out A and B on that project, in any later year, and A names B', () => {
    const ev = run({
      year: 2027,
      projects: [
        { id: 'S-1', investment: fen('2000000'), subsidy: fen('1000000') },
        { id: 'S-2', investment: fen('2000000') },
      ],
      history: hist('B', [2025], 'S-1'),
    });
    expect(find(ev, 'A', 'S-1')).toMatchObject({
      status: 'excluded',
      amount: 0,
      reasons: [`one-time: ${REF.B} was granted for it in 2025`],
    });
    expect(find(ev, 'B', 'S-1')).toMatchObject({ status: 'excluded', amount: 0, reasons: ['one-time: already granted in 2025'] });
    expect(find(ev, 'A', 'S-2')).toMatchObject({ status: 'granted', amount: 600_000 });
    expect(ev.total).toBe(600_000);
    const zh = evaluate(policy, { year: 2027, projects: [{ id: 'S-1', investment: fen('2000000') }], history: hist('B', [2025], 'S-1') });
    expect(find(zh, 'A', 'S-1').reasons).toEqual([
      '已于2025年度享受第六条第（2）项（获得市级应用场景建设项目补贴）支持，同一对象只支持一次',
    ]);
  });

  it('shared: grants of both in one year cite the first by id, whatever the order given', () => {
    for (const history of [
      [...hist('B', [2025], 'S-1'), ...hist('A', [2025], 'S-1')],
      [...hist('A', [2025], 'S-1'), ...hist('B', [2025], 'S-1')],
    ]) {
      const ev = run({ year: 2026, projects: [{ id: 'S-1', investment: fen('2000000'), subsidy: fen('1') }], history });
      expect(find(ev, 'A', 'S-1').reasons).toEqual(['one-time: already granted in 2025']);
      expect(find(ev, 'B', 'S-1').reasons).toEqual([`one-time: ${REF.A} was granted for it in 2025`]);
    }
  });
});

describe('milestone tiers (T): each tier once ever, the subject is the tier', () => {
  const TIER_LINE = (revenue: string, tier: string, amount: string) =>
    `revenue ${revenue}: tier "${tier}" reached for the first time: up to ${amount}`;
  const base = [GENERAL_OK, 'assumed: the tiers are assumed'];

  it.each([
    {
      name: 'below the lowest tier',
      req: { revenue: '49999999.99', previous: '0' },
      status: 'ineligible',
      subject: null,
      amount: 0,
      reasons: ['revenue 49,999,999.99 is below the lowest tier 50,000,000'],
    },
    {
      name: 'exactly the lowest tier',
      req: { revenue: '50000000', previous: '0' },
      status: 'granted',
      subject: 'r-50m',
      amount: 200_000,
      explanation: [...base, TIER_LINE('50,000,000', '50M', '200,000')],
    },
    {
      name: 'the figure before exactly at the tier: reached before',
      req: { revenue: '120000000', previous: '100000000' },
      status: 'ineligible',
      subject: null,
      amount: 0,
      reasons: ['revenue 120,000,000, highest revenue before 100,000,000: no tier is reached for the first time'],
    },
    {
      name: 'the figure before one fen below the tier: new',
      req: { revenue: '120000000', previous: '99999999.99' },
      status: 'granted',
      subject: 'r-100m',
      amount: 300_000,
      explanation: [...base, TIER_LINE('120,000,000', '100M', '300,000')],
    },
    {
      name: 'a tier paid before',
      req: { revenue: '120000000', previous: '100000000' },
      history: hist('T', [2025], 'r-100m'),
      status: 'excluded',
      subject: 'r-100m',
      amount: 0,
      reasons: ['one-time: tier "100M" was granted in 2025'],
    },
    {
      name: 'a tier paid before, the figure before not given: history rules out every tier reached',
      req: { revenue: '120000000' },
      history: hist('T', [2025], 'r-100m'),
      status: 'excluded',
      subject: 'r-100m',
      amount: 0,
      reasons: ['one-time: tier "100M" was granted in 2025'],
    },
    {
      name: 'a higher tier paid before rules out the lower ones',
      req: { revenue: '120000000', previous: '600000000' },
      history: hist('T', [2025], 'r-500m'),
      status: 'excluded',
      subject: 'r-100m',
      amount: 0,
      reasons: ['one-time: the higher tier "500M" was granted in 2025, so lower tiers are not paid'],
    },
    {
      name: 'a higher tier paid before, the figure before not given',
      req: { revenue: '120000000' },
      history: hist('T', [2025], 'r-500m'),
      status: 'excluded',
      subject: 'r-100m',
      amount: 0,
      reasons: ['one-time: the higher tier "500M" was granted in 2025, so lower tiers are not paid'],
    },
    {
      name: 'a lower tier paid before does not rule out a higher one',
      req: { revenue: '120000000', previous: '60000000' },
      history: hist('T', [2025], 'r-50m'),
      status: 'granted',
      subject: 'r-100m',
      amount: 300_000,
      explanation: [...base, TIER_LINE('120,000,000', '100M', '300,000')],
    },
    {
      name: 'the same tier reached again the next year',
      req: { revenue: '130000000', previous: '120000000' },
      history: hist('T', [2026], 'r-100m'),
      year: 2027,
      status: 'excluded',
      subject: 'r-100m',
      amount: 0,
      reasons: ['one-time: tier "100M" was granted in 2026'],
    },
    {
      name: 'a flag tier is not ruled out by a higher figure tier',
      req: { revenue: '120000000', previous: '600000000', aboveSize: true },
      history: hist('T', [2025], 'r-500m'),
      status: 'granted',
      subject: 'above-size',
      amount: 100_000,
      explanation: [...base, 'tier "above designated size" reached for the first time: up to 100,000'],
    },
    {
      name: 'a flag tier is ruled out by its own history',
      req: { aboveSize: true },
      history: hist('T', [2025], 'above-size'),
      status: 'excluded',
      subject: 'above-size',
      amount: 0,
      reasons: ['one-time: tier "above designated size" was granted in 2025'],
    },
    {
      name: 'the flag tier paid before does not rule out a figure tier',
      req: { revenue: '120000000', previous: '60000000' },
      history: hist('T', [2025], 'above-size'),
      status: 'granted',
      subject: 'r-100m',
      amount: 300_000,
      explanation: [...base, TIER_LINE('120,000,000', '100M', '300,000')],
    },
    {
      name: "another measure's history for the same tier id does not count",
      req: { revenue: '120000000', previous: '60000000' },
      history: hist('G', [2025], 'r-100m'),
      status: 'granted',
      subject: 'r-100m',
      amount: 300_000,
      explanation: [...base, TIER_LINE('120,000,000', '100M', '300,000')],
    },
    {
      name: 'the figure before not given, a tier reached: incomplete',
      req: { revenue: '120000000' },
      status: 'incomplete',
      subject: null,
      amount: 0,
      missing: ['facts.priorMax', 'facts.lastRevenue'],
      reasons: ["missing highest revenue of any earlier year or last year's revenue: cannot be calculated"],
    },
    {
      name: 'the figure before not given, a lower tier paid before: the higher one still needs it',
      req: { revenue: '120000000' },
      history: hist('T', [2025], 'r-50m'),
      status: 'incomplete',
      subject: null,
      amount: 0,
      missing: ['facts.priorMax', 'facts.lastRevenue'],
      reasons: ["missing highest revenue of any earlier year or last year's revenue: cannot be calculated"],
    },
    {
      name: 'the figure before not given, below the lowest tier: not needed',
      req: { revenue: '40000000' },
      status: 'ineligible',
      subject: null,
      amount: 0,
      reasons: ['revenue 40,000,000 is below the lowest tier 50,000,000'],
    },
    {
      name: 'the figure before not given, only the flag: not needed',
      req: { aboveSize: true },
      status: 'granted',
      subject: 'above-size',
      amount: 100_000,
      explanation: [...base, 'tier "above designated size" reached for the first time: up to 100,000'],
    },
    {
      name: 'the figure before not given, the flag and a figure tier: incomplete',
      req: { revenue: '120000000', aboveSize: true },
      status: 'incomplete',
      subject: null,
      amount: 0,
      missing: ['facts.priorMax', 'facts.lastRevenue'],
      reasons: ["missing highest revenue of any earlier year or last year's revenue: cannot be calculated"],
    },
    {
      name: 'several tiers newly reached: the highest is paid, and the reading said',
      req: { revenue: '600000000', previous: '0' },
      status: 'granted',
      subject: 'r-500m',
      amount: 500_000,
      explanation: [
        ...base,
        TIER_LINE('600,000,000', '500M', '500,000'),
        '3 tiers newly reached this year (500M, 100M, 50M)',
        'assumed: several tiers newly reached in one year: only the highest is paid',
      ],
    },
    {
      name: 'a figure tier and the flag newly reached',
      req: { revenue: '60000000', previous: '0', aboveSize: true },
      status: 'granted',
      subject: 'r-50m',
      amount: 200_000,
      explanation: [
        ...base,
        TIER_LINE('60,000,000', '50M', '200,000'),
        '2 tiers newly reached this year (50M, above designated size)',
        'assumed: several tiers newly reached in one year: only the highest is paid',
      ],
    },
    {
      name: 'the industrial bonus is added to the tier',
      req: { revenue: '120000000', previous: '60000000', industrial: true },
      status: 'granted',
      subject: 'r-100m',
      amount: 400_000,
      explanation: [
        GENERAL_OK,
        'applies: industrial AI enterprise',
        'assumed: the tiers are assumed',
        TIER_LINE('120,000,000', '100M', '300,000'),
        'industrial AI enterprise: +100,000 a tier, giving up to 400,000',
      ],
    },
  ] as {
    name: string;
    req: { revenue?: string; previous?: string; aboveSize?: boolean; industrial?: boolean };
    history?: HistoryEntry[];
    year?: number;
    status: string;
    subject: string | null;
    amount: number;
    reasons?: string[];
    explanation?: string[];
    missing?: string[];
  }[])('$name', ({ req, history, year, status, subject, amount, reasons, explanation, missing }) => {
    const ev = run({
      year: year ?? 2026,
      ...(req.revenue === undefined ? {} : { revenue: fen(req.revenue) }),
      ...(req.previous === undefined ? {} : { previous: fen(req.previous) }),
      aboveSize: req.aboveSize,
      industrial: req.industrial,
      history,
    });
    const r = only(ev, 'T');
    expect({ status: r.status, subject: r.subject, amount: r.amount, missing: r.missing }).toEqual({ status, subject, amount, missing });
    expect(r.review).toBe(true);
    if (status === 'granted') {
      expect(r.reasons).toBeUndefined();
      expect(r.explanation).toEqual(explanation);
      expect(ev.total).toBe(amount);
    } else {
      expect(r.reasons).toEqual(reasons);
      expect(ev.total).toBe(0);
    }
  });

  it('says so in Chinese', () => {
    const ev = (req: FakeRequest) => only(evaluate(policy, req), 'T');
    expect(ev({ year: 2026, revenue: fen('120000000'), previous: fen('100000000'), history: hist('T', [2025], 'r-100m') }).reasons).toEqual(
      ['已于2025年度享受“1亿元”档支持（一次性）'],
    );
    expect(ev({ year: 2026, revenue: fen('120000000'), history: hist('T', [2025], 'r-500m') }).reasons).toEqual([
      '已于2025年度享受更高的“5亿元”档支持，较低档位不再支持（一次性）',
    ]);
    expect(ev({ year: 2026, revenue: fen('120000000') }).reasons).toEqual([
      '缺少“以往年度最高主营业务收入”“上年度主营业务收入”（填写其一即可），无法测算',
    ]);
    expect(ev({ year: 2026, revenue: fen('600000000'), previous: fen('0') }).explanation).toEqual([
      '基本条件核验：依申报信息',
      '假设：档位为假设',
      '本年度主营业务收入600,000,000元，首次达到“5亿元”档，最高500,000元',
      '本年度新达到“5亿元”“1亿元”“5000万元”3档',
      '假设：同年新达到多档的，只按最高档支持',
    ]);
  });
});

describe('plain tiers rule (G): the highest band reached, once a year', () => {
  it.each([
    {
      rd: '4999999.99',
      previousRd: '4000000',
      status: 'ineligible',
      amount: 0,
      line: 'R&D increase 999,999.99 is below the lowest tier 1,000,000',
    },
    {
      rd: '5000000',
      previousRd: '4000000',
      status: 'granted',
      amount: 100_000,
      line: 'R&D increase 1,000,000: tier "1M" reached: 100,000',
    },
    {
      rd: '6999999.99',
      previousRd: '4000000',
      status: 'granted',
      amount: 100_000,
      line: 'R&D increase 2,999,999.99: tier "1M" reached: 100,000',
    },
    {
      rd: '7000000',
      previousRd: '4000000',
      status: 'granted',
      amount: 200_000,
      line: 'R&D increase 3,000,000: tier "3M" reached: 200,000',
    },
    { rd: '3000000', previousRd: '4000000', status: 'ineligible', amount: 0, line: 'R&D increase 0 is below the lowest tier 1,000,000' },
  ])('$rd after $previousRd → $amount', ({ rd, previousRd, status, amount, line }) => {
    const r = find(run({ year: 2026, partner: true, rd: fen(rd), previousRd: fen(previousRd) }), 'G');
    expect(r).toMatchObject({ status, amount });
    expect(r.cap).toBeUndefined();
    if (status === 'granted') {
      expect(r.explanation).toEqual([GENERAL_OK, 'this year less the year before', 'assumed: the bands are assumed', line]);
    } else {
      expect(r.reasons).toEqual([line]);
    }
  });

  it("a candidate's own reading is said after the figure it touched", () => {
    const r = find(run({ year: 2026, partner: true, rd: fen('1000000'), previousRd: fen('0') }), 'G');
    expect(r).toMatchObject({ status: 'granted', amount: 100_000 });
    expect(r.explanation?.slice(-2)).toEqual([
      'R&D increase 1,000,000: tier "1M" reached: 100,000',
      'assumed: a year before of 0 counts as growth',
    ]);
  });

  it('once a year', () => {
    const req = { partner: true, rd: fen('5000000'), previousRd: fen('4000000') };
    expect(find(run({ year: 2026, ...req, history: hist('G', [2026]) }), 'G')).toMatchObject({
      status: 'excluded',
      amount: 0,
      reasons: ['already granted for 2026'],
    });
    expect(find(run({ year: 2026, ...req, history: hist('G', [2025]) }), 'G')).toMatchObject({ status: 'granted', amount: 100_000 });
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
    expect(r.explanation).toEqual([GENERAL_OK, 'assumed: once a year', ...lines]);
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
      lines: ['prize set by the competition: 800,000.50', 'cap 2,000,000 not reached'],
    },
    {
      prize: '2000000.99',
      industrial: false,
      amount: 2_000_000,
      lines: ['prize set by the competition: 2,000,000.99', 'cap 2,000,000 not reached'],
    },
    {
      prize: '2500000',
      industrial: false,
      amount: 2_000_000,
      lines: ['prize set by the competition: 2,500,000', 'capped at 2,000,000'],
    },
    {
      prize: undefined,
      industrial: false,
      amount: 2_000_000,
      lines: ['assumed: no prize set: the cap', 'no prize set by the competition: the cap', 'cap 2,000,000 not reached'],
    },
    {
      prize: undefined,
      industrial: true,
      amount: 3_000_000,
      lines: ['assumed: no prize set: the cap', 'no prize set by the competition: the cap', 'cap 3,000,000 not reached'],
    },
  ])('prize $prize (industrial: $industrial) → $amount', ({ prize, industrial, amount, lines }) => {
    const r = find(
      run({ year: 2026, prizes: [{ id: 'Z-1', industrial, ...(prize === undefined ? {} : { prize: fen(prize) }) }] }),
      'Z',
      'Z-1',
    );
    expect(r).toMatchObject({ status: 'granted', amount, cap: industrial ? 3_000_000 : 2_000_000, review: true });
    expect(r.explanation).toEqual([
      GENERAL_OK,
      ...(industrial ? ['applies: industrial agent'] : []),
      'one-time: not granted before',
      ...lines,
    ]);
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
    { name: 'A larger', investment: '2000000', subsidy: '1000000', a: 600_000, b: 300_000, winner: 'A', tie: false },
    { name: 'B larger', investment: '1000000', subsidy: '3000000', a: 300_000, b: 900_000, winner: 'B', tie: false },
    {
      name: 'a tie goes to A, the earlier measure',
      investment: '1000000',
      subsidy: '1000000',
      a: 300_000,
      b: 300_000,
      winner: 'A',
      tie: true,
    },
    { name: 'both capped: a tie', investment: '5000000', subsidy: '4000000', a: 1_000_000, b: 1_000_000, winner: 'A', tie: true },
    {
      name: 'B one fen short of a yuan more: still a tie',
      investment: '1000000',
      subsidy: '1000003.33',
      a: 300_000,
      b: 300_000,
      winner: 'A',
      tie: true,
    },
    { name: 'B a yuan more', investment: '1000000', subsidy: '1000003.34', a: 300_000, b: 300_001, winner: 'B', tie: false },
  ])('$name: $winner stands', ({ investment, subsidy, a, b, winner, tie }) => {
    const ev = run({ year: 2026, projects: [{ id: 'S-1', investment: fen(investment), subsidy: fen(subsidy) }] });
    const [won, lost] = winner === 'A' ? [find(ev, 'A', 'S-1'), find(ev, 'B', 'S-1')] : [find(ev, 'B', 'S-1'), find(ev, 'A', 'S-1')];
    const [wonAmount, lostAmount] = (winner === 'A' ? [a, b] : [b, a]).map((x) => x.toLocaleString('en-US'));
    const [wonRef, lostRef] = winner === 'A' ? [REF.A, REF.B] : [REF.B, REF.A];
    expect(won).toMatchObject({ status: 'granted', amount: winner === 'A' ? a : b });
    expect(lost).toMatchObject({ status: 'excluded', amount: 0 });
    if (tie) {
      expect(won.explanation).toContain(`alternative to ${lostRef}: both give ${lostAmount}, and this one stands`);
      expect(lost.reasons).toEqual([`alternative to ${wonRef}: both give ${lostAmount}, and that one stands, so this one is excluded`]);
    } else {
      expect(won.explanation).toContain(`alternative to ${lostRef} (${lostAmount}): this one is larger and stands`);
      expect(lost.reasons).toEqual([
        `alternative to ${wonRef}: that one gives ${wonAmount}, more than ${lostAmount} here, so this one is excluded`,
      ]);
    }
    // The tie reading is said on a tie only, by both.
    const tieLine = 'assumed: a tie goes to the earlier measure';
    expect(won.explanation?.includes(tieLine)).toBe(tie);
    expect(lost.explanation?.includes(tieLine)).toBe(tie);
    expect(ev.total).toBe(Math.max(a, b));
  });

  it.each([
    { name: 'a tie goes to B, the later measure', investment: '1000000', subsidy: '1000000', winner: 'B', tie: true },
    { name: 'A larger still stands', investment: '2000000', subsidy: '1000000', winner: 'A', tie: false },
    { name: 'B larger still stands', investment: '1000000', subsidy: '3000000', winner: 'B', tie: false },
  ])('the tie reading false: $name', ({ investment, subsidy, winner, tie }) => {
    const ev = run(
      { year: 2026, projects: [{ id: 'S-1', investment: fen(investment), subsidy: fen(subsidy) }] },
      { lang: 'en' },
      { 'ab.tie': false },
    );
    const loser = winner === 'A' ? 'B' : 'A';
    expect(find(ev, winner, 'S-1').status).toBe('granted');
    expect(find(ev, loser, 'S-1').status).toBe('excluded');
    const tieLine = 'assumed: a tie goes to the later measure';
    expect(find(ev, winner, 'S-1').explanation?.includes(tieLine)).toBe(tie);
    expect(find(ev, loser, 'S-1').explanation?.includes(tieLine)).toBe(tie);
    if (tie) {
      expect(find(ev, 'B', 'S-1').explanation).toContain(`alternative to ${REF.A}: both give 300,000, and this one stands`);
      expect(find(ev, 'A', 'S-1').reasons).toEqual([
        `alternative to ${REF.B}: both give 300,000, and that one stands, so this one is excluded`,
      ]);
    }
  });

  it('a tie is never called larger, in Chinese either', () => {
    const ev = evaluate(policy, { year: 2026, projects: [{ id: 'S-1', investment: fen('1000000'), subsidy: fen('1000000') }] });
    const won = find(ev, 'A', 'S-1').explanation ?? [];
    expect(won.slice(-2)).toEqual([
      '与第六条第（2）项（获得市级应用场景建设项目补贴）择一：两项金额相同（均为300,000元），按本项支持',
      '假设：金额相同的，按前一项支持',
    ]);
    expect(won.join('')).not.toContain('较大');
    expect(find(ev, 'B', 'S-1').reasons).toEqual([
      '与第六条第（2）项（应用场景建设项目）择一：两项金额相同（均为300,000元），按该项支持，本项不予支持',
    ]);
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

describe('best of, never twice (other district policies), per key', () => {
  const bySubject = (policyName: string, amount: string, subject = 'K-1'): OtherPolicyAward => ({
    policy: policyName,
    subject,
    amount: fen(amount),
  });
  const byMeasure = (policyName: string, amount: string, measure: string): OtherPolicyAward => ({
    policy: policyName,
    measure,
    amount: fen(amount),
  });
  /** A (600,000) and C (300,000) on one object K-1: one subject key, summed. */
  const both: FakeRequest = {
    year: 2026,
    projects: [{ id: 'K-1', investment: fen('2000000') }],
    platforms: [{ id: 'K-1', investment: fen('1000000') }],
  };
  const PARTS = `(${REF.A}: 600,000; ${REF.C}: 300,000)`;

  it.each([
    {
      name: 'the sum strictly larger stands, and every result for the key replaces the other support',
      awards: [bySubject('X', '899999.99')],
      status: 'granted',
      line: `best of, never twice: other district policies gave X: 899,999.99; 900,000 from this policy for K-1 in all ${PARTS} is larger and replaces it`,
    },
    {
      name: 'a tie excludes every result for the key',
      awards: [bySubject('X', '900000')],
      status: 'excluded',
      line: `best of, never twice: other district policies gave X: 900,000, the same as 900,000 from this policy for K-1 in all ${PARTS}, so it is excluded`,
    },
    {
      name: 'one fen more on the other side excludes every result for the key',
      awards: [bySubject('X', '900000.01')],
      status: 'excluded',
      line: `best of, never twice: other district policies gave X: 900,000.01, not less than 900,000 from this policy for K-1 in all ${PARTS}, so it is excluded`,
    },
    {
      name: 'several other awards are summed, per policy, sorted by policy name',
      awards: [bySubject('Y', '500000'), bySubject('X', '200000'), bySubject('X', '200000.01'), bySubject('X', '99999999', 'K-9')],
      status: 'excluded',
      line: `best of, never twice: other district policies gave X: 400,000.01; Y: 500,000; 900,000.01 in all, not less than 900,000 from this policy for K-1 in all ${PARTS}, so it is excluded`,
    },
    {
      name: 'several other awards summing to less',
      awards: [bySubject('Y', '500000'), bySubject('X', '399999.99'), bySubject('Y', '0')],
      status: 'granted',
      line: `best of, never twice: other district policies gave X: 399,999.99; Y: 500,000; 899,999.99 in all; 900,000 from this policy for K-1 in all ${PARTS} is larger and replaces it`,
    },
  ])('$name', ({ awards, status, line }) => {
    const ev = run({ ...both, otherPolicyAwards: awards });
    for (const measure of ['A', 'C']) {
      const r = find(ev, measure, 'K-1');
      expect(r.status).toBe(status);
      if (status === 'granted') {
        expect(r.explanation?.at(-1)).toBe(line);
      } else {
        expect(r).toMatchObject({ amount: 0, reasons: [line] });
      }
    }
    expect(ev.total).toBe(status === 'granted' ? 900_000 : 0);
  });

  it('says a tie is a tie (金额相同) in Chinese, and names the policies and amounts', () => {
    const ev = evaluate(policy, {
      year: 2026,
      projects: [{ id: 'K-1', investment: fen('2000000') }],
      otherPolicyAwards: [bySubject('丰台区B政策', '300000'), bySubject('丰台区A政策', '300000')],
    });
    expect(find(ev, 'A', 'K-1').reasons).toEqual([
      '从优不重复：区内其他政策已给予支持（丰台区A政策300,000元、丰台区B政策300,000元，合计600,000元），与本项600,000元金额相同，不再重复支持',
    ]);
    const sum = evaluate(policy, { ...both, otherPolicyAwards: [bySubject('丰台区B政策', '450000'), bySubject('丰台区A政策', '450000')] });
    const reason =
      '从优不重复：区内其他政策已给予支持（丰台区A政策450,000元、丰台区B政策450,000元，合计900,000元），与本政策对“K-1”合计900,000元（第六条第（2）项（应用场景建设项目）600,000元、第七条第（1）项（共性技术服务平台）300,000元）金额相同，不再重复支持';
    expect(find(sum, 'A', 'K-1').reasons).toEqual([reason]);
    expect(find(sum, 'C', 'K-1').reasons).toEqual([reason]);
    const won = evaluate(policy, { ...both, otherPolicyAwards: [bySubject('丰台区A政策', '899999.99')] });
    expect(find(won, 'C', 'K-1').explanation?.at(-1)).toBe(
      '从优不重复：区内其他政策已给予支持（丰台区A政策899,999.99元），本政策对“K-1”合计900,000元（第六条第（2）项（应用场景建设项目）600,000元、第七条第（1）项（共性技术服务平台）300,000元）高于原支持，按本政策支持，原支持不再享受',
    );
  });

  it('awards for other subjects do not count', () => {
    const ev = run({ ...both, otherPolicyAwards: [bySubject('X', '9000000', 'K-2')] });
    expect(ev.total).toBe(900_000);
    expect(ev.results.every((r) => !r.explanation?.some((l) => l.startsWith('best of')))).toBe(true);
  });

  it('enterprise-level results are compared by measure key: an award naming a measure only affects that measure', () => {
    const request: FakeRequest = { year: 2026, partner: true, compute: fen('5000000'), units: 2 }; // P 1,000,000; U 100,000
    const won = run({ ...request, otherPolicyAwards: [byMeasure('Y', '999999.99', 'P')] });
    expect(find(won, 'P')).toMatchObject({ status: 'granted', amount: 1_000_000 });
    expect(find(won, 'P').explanation?.at(-1)).toBe(
      'best of, never twice: other district policies gave Y: 999,999.99; 1,000,000 here is larger and replaces it',
    );
    expect(find(won, 'U').explanation?.some((l) => l.startsWith('best of'))).toBe(false);

    const tie = run({ ...request, otherPolicyAwards: [byMeasure('Y', '1000000', 'P')] });
    expect(find(tie, 'P')).toMatchObject({
      status: 'excluded',
      amount: 0,
      reasons: ['best of, never twice: other district policies gave Y: 1,000,000, the same as 1,000,000 here, so it is excluded'],
    });
    expect(find(tie, 'U')).toMatchObject({ status: 'granted', amount: 100_000 });

    const other = run({ ...request, otherPolicyAwards: [byMeasure('Y', '100000', 'U')] });
    expect(find(other, 'P')).toMatchObject({ status: 'granted', amount: 1_000_000 });
    expect(find(other, 'U')).toMatchObject({ status: 'excluded', amount: 0 });
    expect(other.total).toBe(1_000_000);
  });

  it('a milestone result is keyed by its measure, not by its tier', () => {
    const request: FakeRequest = { year: 2026, revenue: fen('120000000'), previous: fen('60000000') };
    expect(only(run({ ...request, otherPolicyAwards: [byMeasure('Y', '300000', 'T')] }), 'T')).toMatchObject({
      status: 'excluded',
      subject: 'r-100m',
      reasons: ['best of, never twice: other district policies gave Y: 300,000, the same as 300,000 here, so it is excluded'],
    });
    expect(only(run({ ...request, otherPolicyAwards: [bySubject('Y', '300000', 'r-100m')] }), 'T')).toMatchObject({
      status: 'granted',
      amount: 300_000,
    });
  });

  it('a per-subject measure is keyed by its subjects, not by its measure id', () => {
    const ev = run({ ...both, otherPolicyAwards: [byMeasure('Y', '99999999', 'A'), byMeasure('Y', '99999999', 'C')] });
    expect(ev.total).toBe(900_000);
  });

  it('a subject key and a measure key with the same text do not collide', () => {
    const request: FakeRequest = {
      year: 2026,
      partner: true,
      compute: fen('5000000'),
      projects: [{ id: 'P', investment: fen('2000000') }],
    };
    const subject = run({ ...request, otherPolicyAwards: [bySubject('Y', '5000000', 'P')] });
    expect(find(subject, 'A', 'P')).toMatchObject({ status: 'excluded', amount: 0 });
    expect(find(subject, 'P')).toMatchObject({ status: 'granted', amount: 1_000_000 });
    expect(find(subject, 'P').explanation?.some((l) => l.startsWith('best of'))).toBe(false);
    const measure = run({ ...request, otherPolicyAwards: [byMeasure('Y', '5000000', 'P')] });
    expect(find(measure, 'P')).toMatchObject({ status: 'excluded', amount: 0 });
    expect(find(measure, 'A', 'P')).toMatchObject({ status: 'granted', amount: 600_000 });
    expect(find(measure, 'A', 'P').explanation?.some((l) => l.startsWith('best of'))).toBe(false);
  });

  it('applies after alternatives: only the standing alternative is summed, and the loser does not come back', () => {
    const project = { id: 'S-1', investment: fen('2000000'), subsidy: fen('1000000') }; // A 600,000 stands, B 300,000 excluded
    // Before alternatives the two would sum to 900,000, more than 899,999.99.
    const ev = run({ year: 2026, projects: [project], otherPolicyAwards: [bySubject('X', '899999.99', 'S-1')] });
    expect(find(ev, 'A', 'S-1')).toMatchObject({
      status: 'excluded',
      amount: 0,
      reasons: ['best of, never twice: other district policies gave X: 899,999.99, not less than 600,000 here, so it is excluded'],
    });
    const b = find(ev, 'B', 'S-1');
    expect(b).toMatchObject({ status: 'excluded', amount: 0 });
    expect(b.reasons).toEqual([`alternative to ${REF.A}: that one gives 600,000, more than 300,000 here, so this one is excluded`]);
    expect(ev.total).toBe(0);

    const won = run({ year: 2026, projects: [project], otherPolicyAwards: [bySubject('X', '599999.99', 'S-1')] });
    expect(find(won, 'A', 'S-1').explanation?.at(-1)).toBe(
      'best of, never twice: other district policies gave X: 599,999.99; 600,000 here is larger and replaces it',
    );
    expect(won.total).toBe(600_000);
  });

  it('results that are not granted are not summed', () => {
    const ev = run({
      year: 2026,
      projects: [{ id: 'K-1', investment: fen('2000000') }],
      platforms: [{ id: 'K-1', investment: fen('1000000'), isNew: false }],
      otherPolicyAwards: [bySubject('X', '599999.99')],
    });
    expect(find(ev, 'A', 'K-1').explanation?.at(-1)).toBe(
      'best of, never twice: other district policies gave X: 599,999.99; 600,000 here is larger and replaces it',
    );
    expect(find(ev, 'C', 'K-1')).toMatchObject({ status: 'ineligible', reasons: ['not a new platform'] });
  });

  it('gives the same answer whatever the order of the awards', () => {
    const awards = [
      bySubject('Y', '300000'),
      bySubject('X', '300000'),
      byMeasure('Z', '999999.99', 'P'),
      bySubject('X', '299999.99'),
      byMeasure('X', '0.01', 'P'),
    ];
    const request: FakeRequest = { ...both, partner: true, compute: fen('5000000') };
    const first = run({ ...request, otherPolicyAwards: awards });
    expect(find(first, 'A', 'K-1').status).toBe('granted'); // 900,000 > 300,000 + 300,000 + 299,999.99
    expect(find(first, 'P').status).toBe('excluded'); // 1,000,000 = 999,999.99 + 0.01
    const permutations = (list: OtherPolicyAward[]): OtherPolicyAward[][] =>
      list.length <= 1
        ? [list]
        : list.flatMap((x, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [x, ...rest]));
    for (const order of permutations(awards)) {
      expect(run({ ...request, otherPolicyAwards: order })).toEqual(first);
      expect(evaluate(policy, { ...request, otherPolicyAwards: order })).toEqual(
        evaluate(policy, { ...request, otherPolicyAwards: awards }),
      );
    }
  });
});

describe('pending, in-kind and service measures', () => {
  it('carry their status and note, amount 0, outside the total', () => {
    const ev = run({ year: 2026, jointFund: true, startup: true, services: true, units: 2 });
    expect(ev.results.map((r) => ({ measure: r.measure, status: r.status, amount: r.amount, reasons: r.reasons }))).toEqual([
      { measure: 'U', status: 'granted', amount: 100_000, reasons: undefined },
      { measure: 'PEND', status: 'pending', amount: 0, reasons: ['matching not yet set'] },
      { measure: 'KIND', status: 'in-kind', amount: 0, reasons: ['up to 300 m² rent-free space'] },
      { measure: 'SVC', status: 'service', amount: 0, reasons: ['financing services'] },
    ]);
    expect(ev.total).toBe(100_000);
  });

  // These kinds now pass the scope checks (they went straight to their status before).
  it.each([
    {
      name: 'pending, once a year',
      req: { jointFund: true },
      measure: 'PEND',
      year: 2026,
      history: hist('PEND', [2026]),
      status: 'excluded',
      reason: 'already granted for 2026',
    },
    {
      name: 'pending, the next year',
      req: { jointFund: true },
      measure: 'PEND',
      year: 2027,
      history: hist('PEND', [2026]),
      status: 'pending',
      reason: 'matching not yet set',
    },
    {
      name: 'in kind, the second year of three',
      req: { startup: true },
      measure: 'KIND',
      year: 2027,
      history: hist('KIND', [2026], null, '0'),
      status: 'in-kind',
      reason: 'up to 300 m² rent-free space',
    },
    {
      name: 'in kind, after three years',
      req: { startup: true },
      measure: 'KIND',
      year: 2028,
      history: hist('KIND', [2025, 2026, 2027], null, '0'),
      status: 'excluded',
      reason: 'beyond the consecutive years (first granted 2025, at most 3 years)',
    },
    {
      name: 'in kind, continuing after the term',
      req: { startup: true },
      measure: 'KIND',
      year: 2030,
      history: hist('KIND', [2028, 2029], null, '0'),
      status: 'in-kind',
      reason: 'up to 300 m² rent-free space',
    },
    {
      name: 'in kind, after the term with no grant inside it',
      req: { startup: true },
      measure: 'KIND',
      year: 2029,
      history: [],
      status: 'excluded',
      reason: "2029 is after the policy's term, and there is no continuing support from a grant inside it",
    },
    {
      name: 'a service, with any history',
      req: { services: true },
      measure: 'SVC',
      year: 2026,
      history: hist('SVC', [2026]),
      status: 'service',
      reason: 'financing services',
    },
  ] as {
    name: string;
    req: Partial<FakeRequest>;
    measure: string;
    year: number;
    history: HistoryEntry[];
    status: string;
    reason: string;
  }[])('$name: $status', ({ req, measure, year, history, status, reason }) => {
    const r = find(run({ year, ...req, history }), measure);
    expect(r).toMatchObject({ status, amount: 0, reasons: [reason] });
  });

  it('in kind explains its window like any consecutive measure', () => {
    const r = find(run({ year: 2027, startup: true, history: hist('KIND', [2026], null, '0') }), 'KIND');
    expect(r.explanation).toEqual([GENERAL_OK, 'year 2 of at most 3 (first granted 2026)']);
  });
});

describe('incomplete: a fact the rule needs was left out', () => {
  it("a candidate's own missing facts", () => {
    const r = find(run({ year: 2026, partner: true, rd: fen('5000000') }), 'G');
    expect(r).toEqual({
      measure: 'G',
      subject: null,
      status: 'incomplete',
      amount: 0,
      cap: undefined,
      review: false,
      citation: '第四条第（3）项',
      explanation: [GENERAL_OK],
      reasons: ["missing last year's R&D spend: cannot be calculated"],
      missing: ['facts.previousRd'],
    });
    expect(find(evaluate(policy, { year: 2026, partner: true, rd: fen('5000000') }), 'G').reasons).toEqual([
      '缺少“上年度研发投入”，无法测算',
    ]);
  });

  it.each([
    {
      name: 'percent without its base',
      req: { platforms: [{ id: 'PL-1', investment: fen('1') }, { id: 'PL-2' }] },
      measure: 'C',
      subject: 'PL-2',
      missing: ['facts.platforms[1].investment'],
      reason: 'missing investment in PL-2: cannot be calculated',
      zh: '缺少“PL-2建设投入”，无法测算',
    },
    {
      name: 'per-unit without its count',
      req: { unitsUnknown: true },
      measure: 'U',
      subject: null,
      missing: ['facts.units'],
      reason: 'missing incubated enterprises: cannot be calculated',
      zh: '缺少“在孵企业数量”，无法测算',
    },
  ] as {
    name: string;
    req: Partial<FakeRequest>;
    measure: string;
    subject: string | null;
    missing: string[];
    reason: string;
    zh: string;
  }[])('$name uses the candidate’s baseMissing', ({ req, measure, subject, missing, reason, zh }) => {
    const r = find(run({ year: 2026, ...req }), measure, subject);
    expect(r).toMatchObject({ status: 'incomplete', amount: 0, missing, reasons: [reason] });
    expect(r.cap).toBeUndefined();
    expect(find(evaluate(policy, { year: 2026, ...req }), measure, subject).reasons).toEqual([zh]);
  });

  it('incomplete results carry their paths, are left out of the total, and the others are not', () => {
    const ev = run({
      year: 2026,
      partner: true,
      compute: fen('5000000'), // 1,000,000
      rd: fen('5000000'), // incomplete
      revenue: fen('120000000'), // incomplete
      unitsUnknown: true, // incomplete
      platforms: [{ id: 'PL-1', investment: fen('1000000') }, { id: 'PL-2' }], // 300,000 and incomplete
    });
    expect(ev.results.map((r) => [r.measure, r.subject, r.status, r.amount, r.missing])).toEqual([
      ['P', null, 'granted', 1_000_000, undefined],
      ['T', null, 'incomplete', 0, ['facts.priorMax', 'facts.lastRevenue']],
      ['G', null, 'incomplete', 0, ['facts.previousRd']],
      ['U', null, 'incomplete', 0, ['facts.units']],
      ['C', 'PL-1', 'granted', 300_000, undefined],
      ['C', 'PL-2', 'incomplete', 0, ['facts.platforms[1].investment']],
    ]);
    expect(ev.total).toBe(1_300_000);
  });

  it('a figure left out is never read as 0', () => {
    const left = find(run({ year: 2026, platforms: [{ id: 'PL-1' }] }), 'C', 'PL-1');
    const zero = find(run({ year: 2026, platforms: [{ id: 'PL-1', investment: fen('0') }] }), 'C', 'PL-1');
    expect(left.status).toBe('incomplete');
    expect(zero).toMatchObject({ status: 'ineligible', reasons: ['base is 0: nothing to support'], missing: undefined });
  });

  it.each([
    {
      name: 'a failed requirement',
      req: { year: 2026, rd: fen('5000000') },
      measure: 'G',
      subject: null,
      status: 'ineligible',
      reasons: ['not in the AI partner program'],
    },
    {
      name: 'a failed condition of the candidate',
      req: { year: 2026, platforms: [{ id: 'PL-1', isNew: false }] },
      measure: 'C',
      subject: 'PL-1',
      status: 'ineligible',
      reasons: ['not a new platform'],
    },
    {
      name: 'a failed general condition',
      req: { year: 2026, partner: true, rd: fen('5000000'), registered: false },
      measure: 'G',
      subject: null,
      status: 'ineligible',
      reasons: [`general conditions not met: not registered in the district${SOURCE}`],
    },
    {
      name: 'a grant this year already',
      req: { year: 2026, partner: true, rd: fen('5000000'), history: hist('G', [2026]) },
      measure: 'G',
      subject: null,
      status: 'excluded',
      reasons: ['already granted for 2026'],
    },
    {
      name: 'an ended window',
      req: { year: 2027, platforms: [{ id: 'PL-1' }], history: hist('C', [2025, 2026], 'PL-1') },
      measure: 'C',
      subject: 'PL-1',
      status: 'excluded',
      reasons: ['beyond the consecutive years (first granted 2025, at most 2 years)'],
    },
    {
      name: 'a one-time grant before',
      req: { year: 2026, projects: [{ id: 'S-1' }], history: hist('A', [2025], 'S-1') },
      measure: 'A',
      subject: 'S-1',
      status: 'excluded',
      reasons: ['one-time: already granted in 2025'],
    },
    {
      name: 'a year after the term',
      req: { year: 2029, partner: true, rd: fen('5000000') },
      measure: 'G',
      subject: null,
      status: 'excluded',
      reasons: ["2029 is outside the policy's term (2025-10-30 to 2028-12-31): no new support"],
    },
    {
      name: 'an event outside the year',
      req: { year: 2026, projects: [{ id: 'S-1', date: '2027-01-01' }] },
      measure: 'A',
      subject: 'S-1',
      status: 'ineligible',
      reasons: ['S-1: dated 2027-01-01, not in assessment year 2026'],
    },
  ] as { name: string; req: FakeRequest; measure: string; subject: string | null; status: string; reasons: string[] }[])(
    '$name comes before a missing fact',
    ({ req, measure, subject, status, reasons }) => {
      const r = find(run(req), measure, subject);
      expect(r).toMatchObject({ status, amount: 0, reasons });
      expect(r.missing).toBeUndefined();
    },
  );

  describe('a candidate without its figure and without saying what is missing is a definition bug', () => {
    const rule = (m: Pick<FakeMeasure, 'rule' | 'scope'>, candidate: Candidate): FakeMeasure => ({
      ...common('X', 1, L('第一条', 'Article 1'), L('测试', 'test')),
      perSubject: false,
      ...m,
      candidates: () => [candidate],
    });
    const perYear = { kind: 'per-year' } as const;
    it.each([
      { name: 'percent', m: rule({ scope: perYear, rule: { kind: 'percent', rate: 'p.rate', cap: 'p.cap' } }, { subject: null }) },
      { name: 'per-unit', m: rule({ scope: perYear, rule: { kind: 'per-unit', unit: 'u.unit', cap: 'u.cap' } }, { subject: null }) },
      { name: 'plain tiers', m: rule({ scope: perYear, rule: { kind: 'tiers', tiers: 'g.tiers' } }, { subject: null }) },
      {
        name: 'milestone tiers without the figure before',
        m: rule(
          {
            scope: { kind: 'one-time', per: 'tier' },
            rule: { kind: 'tiers', tiers: 't.tiers', milestones: { highestOnly: 't.highest-only' } },
          },
          { subject: null, value: fen('120000000') },
        ),
      },
    ])('$name throws', ({ m }) => {
      expect(() => evaluate(makePolicy({}, [m]), { year: 2026 })).toThrow(
        'measure X: a candidate without its figure must name the missing field',
      );
    });

    it('prize without a prize throws when the no-prize reading is false', () => {
      const m = rule({ scope: perYear, rule: { kind: 'prize', cap: 'z.cap', noPrizeCap: 'z.no-prize-cap' } }, { subject: null });
      expect(evaluate(makePolicy({}, [m]), { year: 2026 }).total).toBe(2_000_000);
      expect(() => evaluate(makePolicy({ 'z.no-prize-cap': false }, [m]), { year: 2026 })).toThrow(
        'measure X: a candidate without its figure must name the missing field',
      );
    });

    it('plain tiers with a baseMissing are incomplete; flag-only tiers need no figure', () => {
      const missing = [missingFact('facts.x', '某项', 'x')];
      const tiers = rule({ scope: perYear, rule: { kind: 'tiers', tiers: 'g.tiers' } }, { subject: null, baseMissing: missing });
      expect(only(evaluate(makePolicy({}, [tiers]), { year: 2026 }, { lang: 'en' }), 'X')).toMatchObject({
        status: 'incomplete',
        missing: ['facts.x'],
        reasons: ['missing x: cannot be calculated'],
      });
      const flagOnly = rule({ scope: perYear, rule: { kind: 'tiers', tiers: 't.tiers' } }, { subject: null, flags: ['above-size'] });
      // t.tiers has figure tiers too, so the figure is needed; a milestone of the flag alone is not.
      expect(() => evaluate(makePolicy({}, [flagOnly]), { year: 2026 })).toThrow('must name the missing field');
      const flagMilestone = rule(
        {
          scope: { kind: 'one-time', per: 'tier' },
          rule: { kind: 'tiers', tiers: 't.tiers', milestones: { highestOnly: 't.highest-only' } },
        },
        { subject: null, flags: ['above-size'] },
      );
      expect(only(evaluate(makePolicy({}, [flagMilestone]), { year: 2026 }), 'X')).toMatchObject({
        status: 'granted',
        subject: 'above-size',
      });
    });
  });
});

describe('readings (switch parameters)', () => {
  describe('cap per year (P)', () => {
    const WINDOW = { 'p.cap-per-year': false };
    const req = (year: number, history: HistoryEntry[], compute = '5000000'): FakeRequest => ({
      year,
      partner: true,
      compute: fen(compute),
      history,
    });

    it('true: the cap of each year, the reading said from the window’s second year only', () => {
      const first = find(run(req(2026, [])), 'P');
      expect(first.explanation?.some((l) => l.includes('cap applies'))).toBe(false);
      const second = find(run(req(2026, hist('P', [2025], null, '1999999'))), 'P');
      expect(second.amount).toBe(1_000_000); // what the window granted before does not count
      expect(second.explanation?.slice(-2)).toEqual(['cap 2,000,000 not reached', 'assumed: the cap applies to each year']);
    });

    it.each([
      {
        name: 'the first year',
        year: 2026,
        history: [] as HistoryEntry[],
        amount: 1_000_000,
        line: 'at most 2,000,000 over the consecutive years; 0 granted before leaves 2,000,000 this year',
      },
      {
        name: 'the second year, less what the first granted',
        year: 2026,
        history: hist('P', [2025], null, '1500000'),
        amount: 500_000,
        line: 'at most 2,000,000 over the consecutive years; 1,500,000 granted before leaves 500,000 this year, so 500,000',
      },
      {
        name: 'one yuan left',
        year: 2026,
        history: hist('P', [2025], null, '1999999'),
        amount: 1,
        line: 'at most 2,000,000 over the consecutive years; 1,999,999 granted before leaves 1 this year, so 1',
      },
      {
        name: 'less than is left',
        year: 2026,
        history: hist('P', [2025], null, '500000'),
        amount: 1_000_000,
        line: 'at most 2,000,000 over the consecutive years; 500,000 granted before leaves 1,500,000 this year',
      },
    ])('false, $name: the cap of the whole window', ({ year, history, amount, line }) => {
      const r = find(run(req(year, history), { lang: 'en' }, WINDOW), 'P');
      expect(r).toMatchObject({ status: 'granted', amount, cap: 2_000_000 });
      expect(r.explanation?.slice(-2)).toEqual([line, 'assumed: the cap applies to the whole window']);
    });

    it('false, industrial: the third year has what the first two left', () => {
      const r = find(
        run(
          { ...req(2027, [...hist('P', [2025], null, '800000'), ...hist('P', [2026], null, '800000')], '10000000'), industrial: true },
          { lang: 'en' },
          WINDOW,
        ),
        'P',
      );
      expect(r).toMatchObject({ status: 'granted', amount: 1_400_000, cap: 3_000_000 });
    });

    it('false, nothing left: excluded, and the reason says why', () => {
      const r = find(run(req(2026, hist('P', [2025], null, '2000000')), { lang: 'en' }, WINDOW), 'P');
      expect(r).toMatchObject({
        status: 'excluded',
        amount: 0,
        reasons: ['at most 2,000,000 over the consecutive years; 2,000,000 granted before leaves nothing'],
      });
    });

    it('false: the window never grants more than its cap, fen included', () => {
      // 1,499,999.50 granted before: 500,000.50 is left, so at most 500,000 whole yuan this year.
      const r = find(run(req(2026, hist('P', [2025], null, '1499999.50')), { lang: 'en' }, WINDOW), 'P');
      expect(r.amount).toBe(500_000);
    });
  });

  describe('the window-length reading (P) and an assumed window length (C)', () => {
    const LINE = 'assumed: the window follows the first year';
    it.each([
      { name: 'not in the first year', year: 2026, years: [] as number[], shown: false },
      { name: 'from the second year', year: 2026, years: [2025], shown: true },
      { name: 'on window-over', year: 2027, years: [2025, 2026], shown: true },
      { name: 'on window-over after the term', year: 2030, years: [2028, 2029], shown: true },
      { name: 'when continuing after the term', year: 2029, years: [2028], shown: true },
    ])('$name: $shown', ({ year, years, shown }) => {
      const r = find(run({ year, partner: true, compute: fen('5000000'), history: hist('P', years) }), 'P');
      expect(r.explanation?.includes(LINE)).toBe(shown);
    });

    it('an assumed window length is said on window-over, inside the term and after it', () => {
      for (const [year, years] of [
        [2027, [2025, 2026]],
        [2030, [2028, 2029]],
      ] as const) {
        const r = find(run({ year, platforms: [{ id: 'PL-1', investment: fen('1') }], history: hist('C', years, 'PL-1') }), 'C', 'PL-1');
        expect(r.status).toBe('excluded');
        expect(r.explanation).toContain('assumed: two years, as assumed');
      }
    });
  });

  describe('per year (U)', () => {
    it.each([
      { reading: true, history: hist('U', [2025]), status: 'granted', line: 'assumed: once a year', reasons: undefined },
      {
        reading: true,
        history: hist('U', [2026]),
        status: 'excluded',
        line: 'assumed: once a year',
        reasons: ['already granted for 2026'],
      },
      { reading: false, history: [], status: 'granted', line: 'assumed: once per enterprise', reasons: undefined },
      {
        reading: false,
        history: hist('U', [2025]),
        status: 'excluded',
        line: 'assumed: once per enterprise',
        reasons: ['one-time: already granted in 2025'],
      },
      {
        reading: false,
        history: hist('U', [2026]),
        status: 'excluded',
        line: 'assumed: once per enterprise',
        reasons: ['one-time: already granted in 2026'],
      },
    ])('reading $reading, history $history.0.year: $status', ({ reading, history, status, line, reasons }) => {
      const r = find(run({ year: 2026, units: 2, history }, { lang: 'en' }, { 'u.per-year': reading }), 'U');
      expect(r).toMatchObject({ status, reasons });
      expect(r.explanation).toContain(line);
    });
  });

  describe('per subject (F)', () => {
    it.each([
      { reading: true, history: hist('F', [2025], 'M-0'), status: 'granted', line: 'assumed: once per model' },
      { reading: true, history: hist('F', [2025], 'M-1'), status: 'excluded', line: 'assumed: once per model' },
      { reading: false, history: [], status: 'granted', line: 'assumed: once per enterprise' },
      { reading: false, history: hist('F', [2025], 'M-0'), status: 'excluded', line: 'assumed: once per enterprise' },
    ])('reading $reading: $status', ({ reading, history, status, line }) => {
      const ev = run({ year: 2026, filings: [{ id: 'M-1', date: '2026-03-01' }], history }, { lang: 'en' }, { 'f.per-model': reading });
      const r = find(ev, 'F', 'M-1');
      expect(r.status).toBe(status);
      expect(r.explanation).toContain(line);
      if (status === 'excluded') expect(r.reasons).toEqual(['one-time: already granted in 2025']);
    });
  });

  describe('no prize named (Z)', () => {
    it('false: a prize-less candidate is incomplete, and the reading is said', () => {
      const r = find(run({ year: 2026, prizes: [{ id: 'Z-1' }] }, { lang: 'en' }, { 'z.no-prize-cap': false }), 'Z', 'Z-1');
      expect(r).toMatchObject({
        status: 'incomplete',
        amount: 0,
        missing: ['facts.prizes[0].prize'],
        reasons: ['missing prize of Z-1: cannot be calculated'],
      });
      expect(r.explanation).toContain('assumed: no prize set: the prize is needed');
    });

    it('either way, a prize named is paid without the reading', () => {
      for (const reading of [true, false]) {
        const r = find(
          run({ year: 2026, prizes: [{ id: 'Z-1', prize: fen('800000') }] }, { lang: 'en' }, { 'z.no-prize-cap': reading }),
          'Z',
          'Z-1',
        );
        expect(r).toMatchObject({ status: 'granted', amount: 800_000 });
        expect(r.explanation?.some((l) => l.startsWith('assumed'))).toBe(false);
      }
    });
  });

  describe('general conditions (a reading)', () => {
    it('false: not checked, and not said to be checked', () => {
      const r = find(
        run({ year: 2026, partner: true, compute: fen('5000000'), dishonest: true }, { lang: 'en' }, { 'g.conditions': false }),
        'P',
      );
      expect(r).toMatchObject({ status: 'granted', amount: 1_000_000 });
      expect(r.explanation).not.toContain(GENERAL_OK);
    });

    it('false: the other reading is said, as every reading that touches a result is (ADR 0007)', () => {
      const r = find(run({ year: 2026, partner: true, compute: fen('5000000') }, { lang: 'en' }, { 'g.conditions': false }), 'P');
      expect(r.explanation).toContain('assumed: general conditions not checked');
    });
  });

  describe('the first year in full', () => {
    it.each([
      { name: 'percent', req: { partner: true, compute: fen('5000000') }, measure: 'P', subject: null, year: 2025, shown: true },
      {
        name: 'percent, the next year',
        req: { partner: true, compute: fen('5000000') },
        measure: 'P',
        subject: null,
        year: 2026,
        shown: false,
      },
      { name: 'per-unit', req: { units: 2 }, measure: 'U', subject: null, year: 2025, shown: true },
      {
        name: 'milestone tiers',
        req: { revenue: fen('60000000'), previous: fen('0') },
        measure: 'T',
        subject: 'r-50m',
        year: 2025,
        shown: true,
      },
      {
        name: 'plain tiers',
        req: { partner: true, rd: fen('5000000'), previousRd: fen('4000000') },
        measure: 'G',
        subject: null,
        year: 2025,
        shown: true,
      },
      {
        name: 'percent without an event',
        req: { projects: [{ id: 'S-1', investment: fen('1000000') }] },
        measure: 'A',
        subject: 'S-1',
        year: 2025,
        shown: true,
      },
      {
        name: 'percent with a dated event',
        req: { projects: [{ id: 'S-1', investment: fen('1000000'), date: '2025-11-01' }] },
        measure: 'A',
        subject: 'S-1',
        year: 2025,
        shown: false,
      },
      {
        name: 'a maximum with a dated event',
        req: { filings: [{ id: 'M-1', date: '2025-11-01' }] },
        measure: 'F',
        subject: 'M-1',
        year: 2025,
        shown: false,
      },
      { name: 'a prize', req: { prizes: [{ id: 'Z-1', prize: fen('1000') }] }, measure: 'Z', subject: 'Z-1', year: 2025, shown: false },
    ] as { name: string; req: Partial<FakeRequest>; measure: string; subject: string | null; year: number; shown: boolean }[])(
      '$name in $year: $shown',
      ({ req, measure, subject, year, shown }) => {
        const r = find(run({ year, ...req }), measure, subject);
        expect(r.status).toBe('granted');
        expect(r.explanation?.includes('assumed: the first year counts in full')).toBe(shown);
        if (shown) expect(r.explanation?.at(-1)).toBe('assumed: the first year counts in full');
      },
    );
  });
});

describe('general conditions', () => {
  const everything: FakeRequest = {
    year: 2026,
    partner: true,
    compute: fen('5000000'),
    filings: [{ id: 'M-1', date: '2026-03-01' }],
    revenue: fen('100000000'),
    previous: fen('60000000'),
    rd: fen('5000000'),
    previousRd: fen('4000000'),
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
      'T/r-100m:granted:300000',
      'G/-:granted:100000',
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
    expect(ev.total).toBe(1_000_000 + 500_000 + 300_000 + 100_000 + 150_000 + 2_000_000 + 600_000 + 300_000 + 300_000);
    for (const r of ev.results) expect(r.explanation?.[0]).toBe(GENERAL_OK);
  });

  it('one failing: every result is ineligible with that reason and where it comes from, and nothing is granted', () => {
    const ev = run({ ...everything, registered: false });
    expect(ev.results).toHaveLength(13);
    for (const r of ev.results) {
      expect(r).toMatchObject({
        status: 'ineligible',
        amount: 0,
        reasons: [`general conditions not met: not registered in the district${SOURCE}`],
      });
      expect(r.explanation).toEqual([]);
    }
    expect(ev.total).toBe(0);
  });

  it('all failing ones are given', () => {
    const ev = run({ ...everything, registered: false, dishonest: true });
    expect(find(ev, 'SVC').reasons).toEqual([
      `general conditions not met: not registered in the district${SOURCE}`,
      `general conditions not met: has a serious dishonesty record${SOURCE}`,
    ]);
  });

  it('are said in Chinese by default', () => {
    const ev = evaluate(policy, { ...everything, dishonest: true });
    expect(find(ev, 'P').reasons).toEqual(['不符合基本条件：有严重失信记录（原文未列明，参照区级惠企政策通行要求）']);
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
      revenue: fen('120000000'), // incomplete
      jointFund: true, // pending
    });
    expect(ev.total).toBe(246_913 + 500_000 + 500_000 + 800_000);
    expect(ev.total).toBe(ev.results.filter((r) => r.status === 'granted').reduce((s, r) => s + r.amount, 0));
    expect(ev.results.filter((r) => r.status !== 'granted').every((r) => r.amount === 0 && (r.reasons?.length ?? 0) > 0)).toBe(true);
    expect(ev.results.filter((r) => r.status === 'granted').every((r) => r.amount > 0 && r.reasons === undefined)).toBe(true);
  });

  it('explain: false leaves explanations out and keeps the reasons', () => {
    const request: FakeRequest = {
      year: 2026,
      partner: true,
      compute: fen('5000000'),
      filings: [{ id: 'M-1', date: '2027-01-01' }],
      projects: [{ id: 'S-1', investment: fen('2000000'), subsidy: fen('1000000') }],
      otherPolicyAwards: [{ policy: 'X', subject: 'S-1', amount: fen('0.01') }],
      revenue: fen('120000000'),
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
      `alternative to ${REF.A}: that one gives 600,000, more than 300,000 here, so this one is excluded`,
    ]);
    expect(only(brief, 'T')).toMatchObject({ status: 'incomplete', missing: ['facts.priorMax', 'facts.lastRevenue'] });
    expect(brief.total).toBe(1_600_000);
  });

  it("renders in official Chinese by default and in English on request; the citation stays the text's", () => {
    const request: FakeRequest = { year: 2026, partner: true, compute: fen('1234567.89'), filings: [{ id: 'M-1', date: '2027-01-01' }] };
    const zh = evaluate(policy, request);
    const en = evaluate(policy, request, { lang: 'en' });
    expect(find(zh, 'P').explanation).toEqual([
      '基本条件核验：依申报信息',
      '连续支持第1年，最多2年（首次支持2026年度）',
      '算力投入1,234,567.89元×20%＝246,913元（向下取整到元）',
      '未超过最高支持额度2,000,000元',
    ]);
    expect(find(en, 'P').explanation).toEqual([
      GENERAL_OK,
      'year 1 of at most 2 (first granted 2026)',
      'compute spend 1,234,567.89 × 20% = 246,913 (floored to whole yuan)',
      'cap 2,000,000 not reached',
    ]);
    expect(find(zh, 'F', 'M-1').reasons).toEqual(['“M-1”日期为2027年1月1日，不属于评估年度（2026年度）']);
    expect(find(en, 'F', 'M-1').reasons).toEqual(['M-1: dated 2027-01-01, not in assessment year 2026']);
    expect(find(zh, 'P').citation).toBe('第一条');
    expect(find(en, 'P').citation).toBe('第一条');
    expect(zh.total).toBe(en.total);
  });

  it('every Chinese text of a rich answer follows the official style', () => {
    const requests: FakeRequest[] = [
      {
        year: 2026,
        partner: true,
        industrial: true,
        compute: fen('12345678.91'),
        filings: [
          { id: 'M-1', date: '2026-03-01' },
          { id: 'M-2', date: '2027-01-01' },
        ],
        revenue: fen('600000000'),
        previous: fen('0'),
        aboveSize: true,
        rd: fen('5000000'),
        units: 12,
        prizes: [{ id: 'Z-1' }],
        projects: [
          { id: 'S-1', investment: fen('1000000'), subsidy: fen('1000000') },
          { id: 'S-2', investment: fen('1000000'), date: '2025-01-01' },
        ],
        recognitions: [{ id: 'R-1', date: '2026-05-01' }],
        platforms: [{ id: 'PL-1', investment: fen('1') }, { id: 'PL-2' }],
        jointFund: true,
        startup: true,
        services: true,
        history: [...hist('P', [2025]), ...hist('C', [2025], 'PL-1'), ...hist('E1', [2025])],
        otherPolicyAwards: [
          { policy: '丰台区甲政策', subject: 'S-1', amount: fen('300000') },
          { policy: '丰台区乙政策', measure: 'U', amount: fen('1') },
        ],
      },
      { year: 2024, partner: true, compute: fen('1'), units: 1 },
      { year: 2029, partner: true, compute: fen('1'), units: 1, startup: true, history: hist('KIND', [2028]) },
      { year: 2026, registered: false, units: 1 },
    ];
    for (const request of requests) {
      for (const r of evaluate(policy, request).results) {
        for (const text of [...(r.explanation ?? []), ...(r.reasons ?? [])]) {
          expect(text).not.toMatch(/[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]/);
          expect(text).not.toMatch(/[\u4e00-\u9fff\uff00-\uffef\u3000-\u303f“”]\s|\s[\u4e00-\u9fff\uff00-\uffef\u3000-\u303f“”]/);
          expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|定额|"/);
        }
      }
    }
  });

  it('is pure: the same request gives the same answer, and the request is not changed', () => {
    const request: FakeRequest = {
      year: 2027,
      partner: true,
      compute: fen('5000000'),
      projects: [{ id: 'S-1', investment: fen('2000000'), subsidy: fen('3000000') }],
      revenue: fen('600000000'),
      previous: fen('0'),
      history: hist('P', [2026]),
      otherPolicyAwards: [{ policy: 'X', subject: 'S-1', amount: fen('100') }],
    };
    const copy = structuredClone(request);
    const first = run(request);
    expect(run(request)).toEqual(first);
    expect(request).toEqual(copy);
  });
});
