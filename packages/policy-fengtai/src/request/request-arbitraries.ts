import { parseYuanToFen } from '@ftai/engine';
import fc from 'fast-check';
import { ENTERPRISE_MEASURE_IDS, MEASURE_IDS, MILESTONE_TIERS, measures } from '../policy.js';
import { FACTS, type FactSpec, type FactValueSpec } from './facts.js';
import { FIXED_RECOGNITION_LEVEL, LEVELS, RECOGNITION_TYPES } from './request-schema.js';

/*
 * fast-check arbitraries of VALID requests of the contract, touching every measure, with history
 * and other-policy awards: the one generator of requests. The property and fast-validation tests
 * use them as they are (src/test-arbitraries.ts); the benchmark and the matcher's tests draw a
 * fixed sample from them (bench/generate-requests.mjs, `@ftai/policy-fengtai/arbitraries`).
 *
 * The facts are generated from their declaration (facts.ts): a value of each kind, lists of
 * items with unique ids, the fields the contract requires always given, the others now and then;
 * a new fact is generated without a line here. A fact whose rule wants more than its kind
 * (revenue at the tiers, a recognition's fixed level) has its own arbitrary (SPECIAL).
 */

type Json = Record<string, unknown>;

const PER_SUBJECT = new Set(measures.filter((m) => m.perSubject).map((m) => m.id));
/** Support in kind (5.4): its history carries amount 0. */
const IN_KIND = new Set(measures.filter((m) => m.rule.kind === 'in-kind').map((m) => m.id));

/** An arbitrary per year, built once: fast-check builds nothing again for each value drawn. */
const perYear = <T>(build: (year: number) => fc.Arbitrary<T>): ((year: number) => fc.Arbitrary<T>) => {
  const built = new Map<number, fc.Arbitrary<T>>();
  return (year) => {
    let arbitrary = built.get(year);
    if (!arbitrary) {
      arbitrary = build(year);
      built.set(year, arbitrary);
    }
    return arbitrary;
  };
};

/** The most items a list of facts has in `request`. */
export const MAX_LIST_ITEMS = 3;
/** The most history entries `request` has. */
export const MAX_HISTORY_ITEMS = 8;
/**
 * The most items a list of facts, and history, have in `registryRequest`: a registry with as many
 * numbered columns holds every request of it (other awards have at most 4 in both).
 */
export const REGISTRY_LIST_ITEMS = 2;
export const REGISTRY_HISTORY_ITEMS = 4;

/** The credit code every generated enterprise has (the tests' CREDIT_CODE). */
export const GENERATED_CREDIT_CODE = '91110106MA0000K01C';

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

export const list = <T extends Json>(item: fc.Arbitrary<T>, unique = 'id', maxLength = MAX_LIST_ITEMS) =>
  fc.uniqueArray(item, { maxLength, selector: (x) => x[unique] });

const LEFT_OUT_KEY = Symbol('left out');

/**
 * A record whose keys other than `required` are each left out now and then: as fast-check's
 * record does (given 5 times in 6), or given with the probability `presence`.
 */
export const optional = <T extends Json>(
  model: { [K in keyof T]: fc.Arbitrary<T[K]> },
  required: (keyof T)[] = [],
  presence?: number,
): fc.Arbitrary<Partial<T>> => {
  if (presence === undefined) return fc.record(model, { requiredKeys: required });
  const keys = Object.keys(model) as (keyof T & string)[];
  const given = Math.round(presence * 100);
  const parts = keys.map((k) =>
    required.includes(k)
      ? model[k]
      : fc.oneof({ weight: 100 - given, arbitrary: fc.constant(LEFT_OUT_KEY) }, { weight: given, arbitrary: model[k] }),
  );
  return fc.tuple(...parts).map((values) => {
    const out: Partial<T> = {};
    keys.forEach((k, i) => {
      if (values[i] !== LEFT_OUT_KEY) out[k] = values[i] as T[typeof k];
    });
    return out;
  });
};

export const recognition = perYear((year: number) =>
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
  }),
);

export const growthRate = fc.oneof(
  fc.constantFrom(-1, 0, 0.15, 0.5, 1, 10, '0.5', '15%'),
  fc.integer({ min: -1_000_000, max: 10_000_000 }).map((n) => n / 1_000_000),
);

/** A whole count: often 0, else a few (8.2, 8.3 pay per enterprise). */
const smallCount = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 15 }));

/** A value of each kind (facts.ts), in the year `year`. */
function valueOfKind(spec: FactValueSpec, year: number): fc.Arbitrary<unknown> {
  switch (spec.kind) {
    case 'money':
      return money;
    case 'count':
      return smallCount;
    case 'bool':
      return fc.boolean();
    case 'date':
      return dateNear(year);
    case 'text':
      return fc.constantFrom('robot', 'simulation software');
    case 'rate':
      return growthRate;
    case 'enum':
      return fc.constantFrom(...(spec.options ?? []).map((o) => o.value));
  }
}

/**
 * Where a rule wants more than the kind gives: by path (`revenue`, `industryEducationBase.interns`),
 * or the whole item of a list (`recognitions[]`).
 */
const SPECIAL: Readonly<Record<string, (year: number) => fc.Arbitrary<unknown>>> = {
  revenue: () => revenue,
  previousRevenue: () => revenue,
  priorMaxRevenue: () => revenue,
  // 第五条第（3）项: little-giant and high-tech are national, beijing-srdi-sme municipal; the others need a level.
  'recognitions[]': recognition,
  'industryEducationBase.interns': () => fc.oneof(fc.constant(0), fc.nat(50)),
  'industryEducationBase.hires': () => fc.oneof(fc.constant(0), fc.nat(10)),
};

function fieldsOf(fields: readonly FactValueSpec[], path: string, year: number, unique?: string) {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of fields) {
    const special = SPECIAL[`${path}.${f.key}`];
    model[f.key] = f.key === unique ? subjectId : special ? special(year) : valueOfKind(f, year);
  }
  return optional(
    model,
    fields.filter((f) => f.required || f.key === unique).map((f) => f.key),
  );
}

function factOf(fact: FactSpec, year: number, maxItems: number): fc.Arbitrary<unknown> {
  const special = SPECIAL[fact.key];
  if (special) return special(year);
  if (fact.kind === 'list') {
    const item = SPECIAL[`${fact.key}[]`]?.(year) ?? fieldsOf(fact.item, fact.key, year, fact.unique);
    return list(item as fc.Arbitrary<Json>, fact.unique, maxItems);
  }
  if (fact.kind === 'object') return fieldsOf(fact.fields, fact.key, year);
  return valueOfKind(fact, year);
}

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
    creditCode: fc.constant(GENERATED_CREDIT_CODE),
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

/**
 * What this policy granted before: any measure, the subject its scope wants, a year from 2025 to Y,
 * more often the last year of the term or the year before Y.
 */
const historyIn = (year: number, maxLength: number): fc.Arbitrary<Json[]> =>
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
        { maxLength },
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

/** What a family of requests looks like. */
interface RequestShape {
  /** How often each optional fact, history and other awards are given (0 to 1); fast-check's record (5 times in 6) when absent. */
  readonly presence?: number;
  /** The most items of a list of facts. */
  readonly maxItems?: number;
  /** The most history entries. */
  readonly maxHistory?: number;
}

/** Valid requests of the contract of the shape asked for. */
function requestsWith({ presence, maxItems = MAX_LIST_ITEMS, maxHistory = MAX_HISTORY_ITEMS }: RequestShape = {}) {
  const factsFor = perYear((year: number) =>
    fc
      .tuple(
        optional(Object.fromEntries((FACTS as readonly FactSpec[]).map((f) => [f.key, factOf(f, year, maxItems)])), [], presence),
        fc.constantFrom(...Object.keys(LEFT_OUT)),
        fc.constantFrom(...Object.keys(LEFT_OUT)),
      )
      .map(([facts, a, b]) => {
        const f = { ...facts } as Json;
        (LEFT_OUT[a] as (f: Json) => void)(f);
        (LEFT_OUT[b] as (f: Json) => void)(f);
        // The highest revenue of any earlier year includes last year's (validation refuses less).
        const prior = parseYuanToFen(f.priorMaxRevenue);
        const previous = parseYuanToFen(f.previousRevenue);
        if (prior !== null && previous !== null && prior < previous) f.priorMaxRevenue = f.previousRevenue;
        return f;
      }),
  );
  const historyFor = perYear((year: number) => historyIn(year, maxHistory));
  const requestIn = perYear((year: number) =>
    optional(
      { year: fc.constant(year), enterprise, facts: factsFor(year), history: historyFor(year), otherPolicyAwards },
      ['year', 'enterprise', 'facts'],
      presence,
    ),
  );
  /** Any year from 2024 to 2030, mostly the policy's term. */
  const request: fc.Arbitrary<Json> = fc.constantFrom(2024, 2025, 2026, 2026, 2027, 2028, 2028, 2029, 2030).chain(requestIn);
  return { factsFor, historyFor, request };
}

/**
 * Valid requests of the contract, nearly every fact given (each left out one time in six, and the
 * figures a rule needs beside its trigger now and then on purpose): for the property tests.
 */
export const { request, factsFor, historyFor } = requestsWith();

/**
 * Valid requests as a registry holds them, for the benchmark and the matcher's tests: mostly each
 * fact, the history and other awards given one time in four, one request in ten with nearly every
 * fact; lists of at most REGISTRY_LIST_ITEMS items, history of at most REGISTRY_HISTORY_ITEMS.
 */
export const registryRequest: fc.Arbitrary<Json> = fc.oneof(
  { weight: 9, arbitrary: requestsWith({ presence: 0.25, maxItems: REGISTRY_LIST_ITEMS, maxHistory: REGISTRY_HISTORY_ITEMS }).request },
  { weight: 1, arbitrary: requestsWith({ maxItems: REGISTRY_LIST_ITEMS, maxHistory: REGISTRY_HISTORY_ITEMS }).request },
);
