import { parseYuanToFen } from '@ftai/engine';
import fc from 'fast-check';
import { ENTERPRISE_MEASURE_IDS, MEASURE_IDS, MILESTONE_TIERS, measures } from './policy.js';
import {
  EVENT_KINDS,
  FIXED_RECOGNITION_LEVEL,
  INCUBATOR_RATINGS,
  LEVELS,
  RECOGNITION_TYPES,
  STANDARD_LEVELS,
} from './request/request-schema.js';
import { CREDIT_CODE } from './test-helpers.js';

/*
 * fast-check arbitraries of VALID requests of the contract, touching every measure, with history
 * and other-policy awards: shared by the property tests and the fast-validation tests.
 */

type Json = Record<string, unknown>;

const PER_SUBJECT = new Set(measures.filter((m) => m.perSubject).map((m) => m.id));
/** Support in kind (5.4): its history carries amount 0. */
const IN_KIND = new Set(measures.filter((m) => m.rule.kind === 'in-kind').map((m) => m.id));

/**
 * A few ids, shared by every list, history and otherPolicyAwards, so that they meet. They show
 * inside Chinese texts (“SC-1”日期为…), so none of them may itself look like what the Chinese
 * lint refuses (an ISO date, an internal measure id, half-width punctuation, a space): the lint
 * test checks that of this very list.
 */
export const SUBJECT_IDS = ['A', 'B', 'C', 'SC-1', '项目甲'] as const;
export const subjectId = fc.constantFrom(...SUBJECT_IDS);

/** The names of other policies, shown in best-of reasons beside Chinese text; the lint test checks them too. */
export const POLICY_NAMES = ['丰台区某项措施', '另一项政策'] as const;

export const fenText = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Money in fen: edges of the rules' thresholds and caps, small amounts with fen, large amounts. */
export const fen = fc.oneof(
  fc.constantFrom(0, 1, 99, 100, 499, 99_999_999, 100_000_000, 333_333_333, 1_000_000_000, 5_000_000_000, 10_000_000_000),
  fc.integer({ min: 0, max: 100_000_000 }),
  fc.integer({ min: 0, max: 200_000_000_000 }),
);
/** Money as the caller writes it: a JSON number with up to 2 decimals, or a decimal string. */
export const money = fc.tuple(fen, fc.boolean()).map(([f, asText]) => (asText ? fenText(f) : f / 100));

/** Main-business revenue (5.1, 5.2): often at, just below or between the tiers, else any amount. */
export const revenue = fc.oneof(
  money,
  fc.constantFrom(
    0,
    49999999.99,
    50000000,
    60000000,
    '99999999.99',
    100000000,
    120000000,
    150000000,
    500000000,
    '1000000000.00',
    1200000000,
  ),
);

/** An amount another policy gave: often one of the amounts this policy's maxima and tiers give, so that ties are reached. */
export const awardAmount = fc.oneof(money, fc.constantFrom(100000, 200000, 300000, '500000.00', 1000000, 2000000));

/** A date in, around, or at the edges of the year and the policy's term. */
export const dateNear = (year: number) =>
  fc.oneof(
    fc.constantFrom('2025-10-29', '2025-10-30', '2028-12-31', '2029-01-01'),
    fc
      .record({
        y: fc.constantFrom(year, year, year, year - 1, year + 1),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
      })
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  );

export const list = <T extends { id: string }>(item: fc.Arbitrary<T>) => fc.uniqueArray(item, { maxLength: 3, selector: (x) => x.id });
export const optional = <T extends Json>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }, required: (keyof T)[] = []) =>
  fc.record(model, { requiredKeys: required });

export const recognition = (year: number) =>
  fc.constantFrom(...RECOGNITION_TYPES).chain((type) => {
    const fixed = FIXED_RECOGNITION_LEVEL[type];
    return optional(
      {
        id: subjectId,
        type: fc.constant(type),
        level: fixed ? fc.constant(fixed) : fc.constantFrom(...LEVELS),
        date: dateNear(year),
        renewal: fc.boolean(),
      },
      fixed ? ['id', 'type', 'date'] : ['id', 'type', 'level', 'date'],
    );
  });

export const growthRate = fc.oneof(
  fc.constantFrom(-1, 0, 0.15, 0.5, 1, 10, '0.5', '15%'),
  fc.integer({ min: -1_000_000, max: 10_000_000 }).map((n) => n / 1_000_000),
);

/**
 * The figures a rule needs beside the one that triggers it (MEASURES.md, "Missing facts"). A
 * record leaves out each optional key only now and then, so now and then these are left out
 * together on purpose: the answer must never read them as 0.
 */
const LEFT_OUT: Record<string, (facts: Json) => void> = {
  nothing: () => {},
  'figures before 5.1': (f) => {
    delete f.priorMaxRevenue;
    delete f.previousRevenue;
  },
  'revenue the year before': (f) => {
    delete f.previousRevenue;
  },
  'R&D spend the year before': (f) => {
    delete f.previousRdSpend;
  },
  'industry average': (f) => {
    delete f.industryAverageGrowthRate;
  },
  'incubator investment': (f) => {
    if (f.incubator !== undefined) {
      const { investment: _, ...rest } = f.incubator as Json;
      f.incubator = rest;
    }
  },
};

export const factsFor = (year: number) =>
  fc.tuple(allFactsFor(year), fc.constantFrom(...Object.keys(LEFT_OUT)), fc.constantFrom(...Object.keys(LEFT_OUT))).map(([facts, a, b]) => {
    const f = { ...facts } as Json;
    (LEFT_OUT[a] as (f: Json) => void)(f);
    (LEFT_OUT[b] as (f: Json) => void)(f);
    // The highest revenue of any earlier year includes last year's (validation refuses less).
    const prior = parseYuanToFen(f.priorMaxRevenue);
    const previous = parseYuanToFen(f.previousRevenue);
    if (prior !== null && previous !== null && prior < previous) f.priorMaxRevenue = f.previousRevenue;
    return f;
  });

const allFactsFor = (year: number) =>
  optional({
    computeSpend: money,
    modelFilings: list(optional({ id: subjectId, date: dateNear(year), industrial: fc.boolean() }, ['id', 'date'])),
    generalModelPurchase: money,
    openDatasets: list(fc.record({ id: subjectId, date: dateNear(year) })),
    dataAssetRegistrationFees: money,
    dataProductSales: money,
    trustedDataSpaces: list(optional({ id: subjectId, investment: money, industrial: fc.boolean() }, ['id', 'investment'])),
    jointFundContribution: money,
    challengeProjects: list(
      optional({ id: subjectId, field: fc.constantFrom('robot', 'simulation software'), totalInvestment: money }, [
        'id',
        'totalInvestment',
      ]),
    ),
    rdSpend: money,
    previousRdSpend: money,
    keyProjects: list(fc.record({ id: subjectId, level: fc.constantFrom(...LEVELS), funding: money })),
    revenue,
    previousRevenue: revenue,
    priorMaxRevenue: revenue,
    firstAboveDesignatedSize: fc.boolean(),
    industryAverageGrowthRate: growthRate,
    recognitions: list(recognition(year)),
    // 6.1: the award date is optional; given, it must be in force and in Y.
    agentCompetitionPrizes: list(optional({ id: subjectId, industrial: fc.boolean(), prize: money, date: dateNear(year) }, ['id'])),
    scenarioProjects: list(optional({ id: subjectId, totalInvestment: money, industrial: fc.boolean(), municipalSubsidy: money }, ['id'])),
    benchmarkCases: list(fc.record({ id: subjectId, level: fc.constantFrom(...LEVELS), date: dateNear(year) })),
    // 6.3a: the catalogue date is optional; given, it must be in force and in Y.
    firstSetProducts: list(
      optional(
        {
          id: subjectId,
          inBeijingCatalogue: fc.boolean(),
          catalogueDate: dateNear(year),
          municipalSubsidy: money,
          industrial: fc.boolean(),
        },
        ['id'],
      ),
    ),
    standards: list(fc.record({ id: subjectId, level: fc.constantFrom(...STANDARD_LEVELS), date: dateNear(year) })),
    servicePlatforms: list(fc.record({ id: subjectId, investment: money })),
    incubator: optional({
      rating: fc.constantFrom(...INCUBATOR_RATINGS),
      investment: money,
      incubatedAIEnterprises: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 15 })),
      investedAIEnterprises: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 15 })),
    }),
    industrialParks: list(fc.record({ id: subjectId, investment: money })),
    ventureFund: fc.record({ aiInvestment: money }),
    industryEducationBase: fc.record({ interns: fc.oneof(fc.constant(0), fc.nat(50)), hires: fc.oneof(fc.constant(0), fc.nat(10)) }),
    events: list(fc.record({ id: subjectId, kind: fc.constantFrom(...EVENT_KINDS), date: dateNear(year) })),
  });

/** The multi-year measures, drawn more often so that windows and continuing support are reached. */
export const CONSECUTIVE = measures.filter((m) => m.scope.kind === 'consecutive').map((m) => m.id);

/** The measures paid by milestone tiers (5.1), drawn more often so that tiers paid before are reached. */
export const MILESTONE_MEASURES = [...MILESTONE_TIERS.keys()];

/** The subject a history entry of `measure` names: its tier (5.1), an object's id, or null. */
function historySubject(measure: string): fc.Arbitrary<string | null> {
  const tiers = MILESTONE_TIERS.get(measure);
  if (tiers) return fc.constantFrom(...tiers);
  return PER_SUBJECT.has(measure) ? subjectId : fc.constant(null);
}

/** The amount a history entry of `measure` carries: 0 for support in kind (5.4), as a number or a decimal string. */
function historyAmount(measure: string): fc.Arbitrary<number | string> {
  return IN_KIND.has(measure) ? fc.constantFrom(0, '0', '0.00') : money;
}

/**
 * What this policy granted before: any measure, the subject its scope wants, a year from 2025 to Y,
 * more often the last year of the term or the year before Y.
 */
export const historyFor = (year: number) =>
  year < 2025
    ? fc.constant([])
    : fc.array(
        fc
          .constantFrom(...MEASURE_IDS, ...CONSECUTIVE, ...CONSECUTIVE, ...MILESTONE_MEASURES, ...MILESTONE_MEASURES, ...MILESTONE_MEASURES)
          .chain((measure) =>
            fc.record({
              measure: fc.constant(measure),
              year: fc.oneof(
                fc.integer({ min: 2025, max: year }),
                fc.constant(Math.min(year, 2028)),
                fc.constant(Math.max(year - 1, 2025)),
              ),
              subject: historySubject(measure),
              amount: historyAmount(measure),
            }),
          ),
        { maxLength: 8 },
      );

/**
 * Another district policy's award: either a subject (an object's id; now and then a 5.1 tier id,
 * which names no result's key and so must change nothing) or an enterprise-level measure.
 */
export const otherPolicyAward = fc.oneof(
  fc.record({
    policy: fc.constantFrom(...POLICY_NAMES),
    subject: fc.oneof(
      { weight: 4, arbitrary: subjectId },
      { weight: 1, arbitrary: fc.constantFrom(...(MILESTONE_TIERS.get('5.1') ?? [])) },
    ),
    amount: awardAmount,
  }),
  fc.record({ policy: fc.constantFrom(...POLICY_NAMES), measure: fc.constantFrom(...ENTERPRISE_MEASURE_IDS), amount: awardAmount }),
);

export const otherPolicyAwards = fc.array(otherPolicyAward, { maxLength: 4 });

/** Mostly true: the general conditions hold in most requests, so that the measures are reached. */
export const mostly = (value: boolean) => fc.constantFrom(value, value, value, value, value, value, value, value, value, !value);

export const enterprise = optional(
  {
    creditCode: fc.constant(CREDIT_CODE),
    name: fc.constant('北京测试智能科技有限公司'),
    registeredInFengtai: mostly(true),
    taxResidentInFengtai: mostly(true),
    seriousDishonesty: mostly(false),
    aiPartnerProgram: fc.boolean(),
    industrialAI: fc.boolean(),
    startup: fc.boolean(),
  },
  ['creditCode', 'registeredInFengtai', 'taxResidentInFengtai'],
);

export const request: fc.Arbitrary<Json> = fc
  .constantFrom(2024, 2025, 2026, 2026, 2027, 2028, 2028, 2029, 2030)
  .chain((year) =>
    optional({ year: fc.constant(year), enterprise, facts: factsFor(year), history: historyFor(year), otherPolicyAwards }, [
      'year',
      'enterprise',
      'facts',
    ]),
  );
