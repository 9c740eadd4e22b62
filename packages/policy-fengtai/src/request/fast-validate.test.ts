import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEASURE_IDS, measures } from '../policy.js';
import { buildRequest, CREDIT_CODE } from '../test-helpers.js';
import { fastAccepts, fastParseRequest, fastPathProblems, requestJsonSchema } from './fast-validate.js';
import {
  EVENT_KINDS,
  FIXED_RECOGNITION_LEVEL,
  INCUBATOR_RATINGS,
  LEVELS,
  RECOGNITION_TYPES,
  requestSchema,
  STANDARD_LEVELS,
} from './request-schema.js';
import { validateRequest, validateRequestWithZod } from './validate-request.js';

type Json = Record<string, unknown>;

const PER_SUBJECT = new Set(measures.filter((m) => m.perSubject).map((m) => m.id));

// ---------------------------------------------------------------------------------------------
// Valid requests: the arbitraries of properties.test.ts, copied (a test file cannot be imported
// without running its tests).

/** A few ids, shared by every list, history and otherPolicyAwards, so that they meet. */
const subjectId = fc.constantFrom('A', 'B', 'C', 'SC-1');

const fenText = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Money in fen: edges of the rules' thresholds and caps, small amounts with fen, large amounts. */
const fen = fc.oneof(
  fc.constantFrom(0, 1, 99, 100, 499, 99_999_999, 100_000_000, 333_333_333, 1_000_000_000, 5_000_000_000, 10_000_000_000),
  fc.integer({ min: 0, max: 100_000_000 }),
  fc.integer({ min: 0, max: 200_000_000_000 }),
);
/** Money as the caller writes it: a JSON number with up to 2 decimals, or a decimal string. */
const money = fc.tuple(fen, fc.boolean()).map(([f, asText]) => (asText ? fenText(f) : f / 100));

/** A date in, around, or at the edges of the year and the policy's term. */
const dateNear = (year: number) =>
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

const list = <T extends { id: string }>(item: fc.Arbitrary<T>) => fc.uniqueArray(item, { maxLength: 3, selector: (x) => x.id });
const optional = <T extends Json>(model: { [K in keyof T]: fc.Arbitrary<T[K]> }, required: (keyof T)[] = []) =>
  fc.record(model, { requiredKeys: required });

const recognition = (year: number) =>
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

const growthRate = fc.oneof(
  fc.constantFrom(-1, 0, 0.15, 0.5, 1, 10, '0.5', '15%'),
  fc.integer({ min: -1_000_000, max: 10_000_000 }).map((n) => n / 1_000_000),
);

const factsFor = (year: number) =>
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
    revenue: money,
    previousRevenue: money,
    priorMaxRevenue: money,
    firstAboveDesignatedSize: fc.boolean(),
    industryAverageGrowthRate: growthRate,
    recognitions: list(recognition(year)),
    agentCompetitionPrizes: list(optional({ id: subjectId, industrial: fc.boolean(), prize: money }, ['id'])),
    scenarioProjects: list(optional({ id: subjectId, totalInvestment: money, industrial: fc.boolean(), municipalSubsidy: money }, ['id'])),
    benchmarkCases: list(fc.record({ id: subjectId, level: fc.constantFrom(...LEVELS), date: dateNear(year) })),
    firstSetProducts: list(
      optional({ id: subjectId, inBeijingCatalogue: fc.boolean(), municipalSubsidy: money, industrial: fc.boolean() }, ['id']),
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
const CONSECUTIVE = measures.filter((m) => m.scope.kind === 'consecutive').map((m) => m.id);

/**
 * What this policy granted before: any measure, the subject its scope wants, a year from 2025 to Y,
 * more often the last year of the term or the year before Y.
 */
const historyFor = (year: number) =>
  year < 2025
    ? fc.constant([])
    : fc.array(
        fc.constantFrom(...MEASURE_IDS, ...CONSECUTIVE).chain((measure) =>
          fc.record({
            measure: fc.constant(measure),
            year: fc.oneof(fc.integer({ min: 2025, max: year }), fc.constant(Math.min(year, 2028)), fc.constant(Math.max(year - 1, 2025))),
            subject: PER_SUBJECT.has(measure) ? subjectId : fc.constant(null),
            amount: money,
          }),
        ),
        { maxLength: 8 },
      );

const otherPolicyAwards = fc.array(
  fc.record({ policy: fc.constantFrom('丰台区某项措施', '另一项政策'), subject: subjectId, amount: money }),
  {
    maxLength: 4,
  },
);

/** Mostly true: the general conditions hold in most requests, so that the measures are reached. */
const mostly = (value: boolean) => fc.constantFrom(value, value, value, value, value, value, value, value, value, !value);

const enterprise = optional(
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

const request: fc.Arbitrary<Json> = fc
  .constantFrom(2024, 2025, 2026, 2026, 2027, 2028, 2028, 2029, 2030)
  .chain((year) =>
    optional({ year: fc.constant(year), enterprise, facts: factsFor(year), history: historyFor(year), otherPolicyAwards }, [
      'year',
      'enterprise',
      'facts',
    ]),
  );

// ---------------------------------------------------------------------------------------------
// The fast path and zod, side by side.

/** zod's verdict and output, the fast path's, and validateRequest's with and without it agree. */
function expectAgreement(input: unknown): { zodOk: boolean; fastOk: boolean } {
  const zod = requestSchema.safeParse(input, { reportInput: true });
  const fastOk = fastAccepts(input);
  if (!zod.success) expect(fastOk, `the fast path accepts what zod refuses: ${show(input)}`).toBe(false);
  if (fastOk) {
    const fast = fastParseRequest(input);
    expect(fast).toStrictEqual(zod.data);
    expect(typesOf(fast)).toEqual(typesOf(zod.data));
  }
  expect(validateRequest(input)).toStrictEqual(validateRequestWithZod(input));
  return { zodOk: zod.success, fastOk };
}

/** Every path with the typeof of its value, and its keys in order: what toStrictEqual may not compare. */
function typesOf(value: unknown, path = '', out: string[] = []): string[] {
  if (Array.isArray(value)) {
    out.push(`${path}: array ${value.length}`);
    value.forEach((x, i) => {
      typesOf(x, `${path}[${i}]`, out);
    });
  } else if (value !== null && typeof value === 'object') {
    out.push(`${path}: object ${Object.keys(value).join(',')} ${Object.getPrototypeOf(value) === Object.prototype}`);
    for (const [k, x] of Object.entries(value)) typesOf(x, `${path}.${k}`, out);
  } else {
    out.push(`${path}: ${typeof value} ${Object.is(value, -0) ? '-0' : ''}`);
  }
  return out;
}

function show(input: unknown): string {
  const s = JSON.stringify(input);
  return s === undefined ? String(input) : s.length > 300 ? `${s.slice(0, 300)}…` : s;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

describe('the fast path', () => {
  it('is derived from the zod schema without a problem', () => {
    expect(fastPathProblems).toEqual([]);
    expect(requestJsonSchema).toBeDefined();
    const text = JSON.stringify(requestJsonSchema);
    // 23 amounts, 1 growth rate, 6 dates, 1 credit code: each a custom keyword.
    expect(text.split('"ftaiMoney":true').length - 1).toBe(23);
    expect(text.split('"ftaiRate":true').length - 1).toBe(1);
    expect(text.split('"ftaiDate":true').length - 1).toBe(6);
    expect(text.split('"ftaiCreditCode":true').length - 1).toBe(1);
  });

  it('accepts every valid request, with exactly zod’s output', () => {
    fc.assert(
      fc.property(request, (r) => {
        const { zodOk, fastOk } = expectAgreement(r);
        expect(zodOk).toBe(true);
        expect(fastOk).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps zod’s key order and drops nothing', () => {
    const input = {
      facts: { revenue: '1.5', computeSpend: 2, incubator: { investedAIEnterprises: 1, rating: 'ministry-excellent' } },
      enterprise: { startup: true, creditCode: CREDIT_CODE },
      year: 2026,
    };
    const fast = fastParseRequest(input);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(requestSchema.parse(input)));
    expect(fast).toEqual({
      year: 2026,
      enterprise: { creditCode: CREDIT_CODE, startup: true },
      facts: { computeSpend: 200, revenue: 150, incubator: { rating: 'ministry-excellent', investedAIEnterprises: 1 } },
    });
  });

  it('keeps an optional key given as undefined, as zod does', () => {
    const input = buildRequest({ enterprise: { creditCode: undefined, name: undefined }, facts: { computeSpend: undefined } });
    expectAgreement(input);
    expect(fastAccepts(input)).toBe(true);
    expect(Object.keys(fastParseRequest(input)?.enterprise ?? {})).toContain('creditCode');
  });

  it.each([
    { name: 'emoji within 200 code points', value: '😀'.repeat(200), ok: true },
    { name: 'emoji over 200 code points', value: '😀'.repeat(201), ok: false },
    { name: 'lone surrogates', value: '\ud800'.repeat(201), ok: false },
    { name: '200 characters', value: 'x'.repeat(200), ok: true },
    { name: '201 characters', value: 'x'.repeat(201), ok: false },
  ])('measures texts as zod does: $name', ({ value, ok }) => {
    const input = buildRequest({ enterprise: { name: value } });
    expect(expectAgreement(input)).toEqual({ zodOk: ok, fastOk: ok });
  });

  it('refuses an own __proto__ key and inherited unknown keys, as zod does', () => {
    const own = JSON.parse('{"year":2026,"enterprise":{"__proto__":{"x":1}}}');
    expect(expectAgreement(own)).toEqual({ zodOk: false, fastOk: false });
    const inherited = Object.assign(Object.create({ foo: 1 }), { year: 2026, enterprise: {} });
    expect(expectAgreement(inherited).fastOk).toBe(false);
  });

  it.each([
    null,
    [],
    'x',
    2026,
    undefined,
    {},
    { year: 2026 },
    { enterprise: {} },
    { year: 2026, enterprise: [] },
    { year: Number.NaN, enterprise: {} },
    { year: Number.POSITIVE_INFINITY, enterprise: {} },
    { year: 2026, enterprise: {}, facts: null },
    { year: 2026, enterprise: {}, history: [undefined] },
    { year: 2026, enterprise: {}, facts: { industryEducationBase: { interns: 2 ** 60, hires: 1 } } },
    { year: 2026, enterprise: {}, facts: { industryEducationBase: { interns: 1_000_001, hires: 1 } } },
  ])('refuses %s as zod does', (input) => {
    expect(expectAgreement(input)).toEqual({ zodOk: false, fastOk: false });
  });
});

// ---------------------------------------------------------------------------------------------
// Mutations of valid requests: whenever zod refuses, the fast path refuses too.

type Step = string | number;
type Container = Record<string, unknown> | unknown[];

/** Every container in the request (objects and lists) with its path, the request itself first. */
function containers(value: unknown, path: Step[] = [], out: { path: Step[]; value: Container }[] = []) {
  if (value !== null && typeof value === 'object') {
    out.push({ path, value: value as Container });
    for (const [k, x] of Object.entries(value)) containers(x, [...path, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

/** Every place a value sits: [container path, key]. */
function slots(value: unknown): { path: Step[]; key: Step }[] {
  return containers(value).flatMap(({ path, value: c }): { path: Step[]; key: Step }[] =>
    Array.isArray(c) ? c.map((_, i) => ({ path, key: i })) : Object.keys(c).map((key) => ({ path, key })),
  );
}

function at(root: unknown, path: Step[]): Container {
  let v = root as Record<Step, unknown>;
  for (const step of path) v = v[step] as Record<Step, unknown>;
  return v as Container;
}

function setKey(target: Container, key: Step, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const BAD_VALUES: readonly unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -1,
  -0,
  1.5,
  -0.01,
  1.001,
  0.1 + 0.2,
  10_000_000_000_000,
  9_999_999_999_999.99,
  2 ** 60,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  'x',
  '1.001',
  '-5',
  '+5',
  '1e6',
  '1,000',
  '9999999999999.99',
  '10000000000000',
  '2026-02-30',
  '2026-02-29',
  '2028-02-29',
  '2026-1-01',
  '2026/01/01',
  '2026-01-01T00:00:00Z',
  '91110106MA0000K01D',
  '91110106MA0000K01',
  '91110106ma0000k01c',
  CREDIT_CODE,
  '1000.1%',
  '1000%',
  '15%',
  11,
  10.000001,
  -1.5,
  0.1234567,
  'x'.repeat(21),
  'x'.repeat(201),
  '😀'.repeat(201),
  'national',
  'district',
  'high-tech',
  '1',
  '2.1',
  2025,
  2024,
  2101,
  [],
  {},
  ['x'],
  [{}],
  { id: 'A' },
];

type Mutation =
  | { kind: 'unknown key'; where: number; key: string }
  | { kind: 'set'; where: number; value: unknown }
  | { kind: 'delete'; where: number }
  | { kind: 'long list'; where: number }
  | { kind: 'long text'; where: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('unknown key' as const),
    where: fc.nat(),
    key: fc.constantFrom('foo', 'Year', 'computespend', 'creditcode', '__proto__', 'constructor', 'toString', ''),
  }),
  fc.record({ kind: fc.constant('set' as const), where: fc.nat(), value: fc.constantFrom(...BAD_VALUES) }),
  fc.record({ kind: fc.constant('set' as const), where: fc.nat(), value: fc.anything() }),
  fc.record({ kind: fc.constant('delete' as const), where: fc.nat() }),
  fc.record({ kind: fc.constant('long list' as const), where: fc.nat() }),
  fc.record({ kind: fc.constant('long text' as const), where: fc.nat(), length: fc.constantFrom(20, 21, 200, 201) }),
);

function mutate(r: Json, m: Mutation): unknown {
  const out = clone(r);
  if (m.kind === 'unknown key') {
    const objects = containers(out).filter((c) => !Array.isArray(c.value));
    const target = objects[m.where % objects.length] as { value: Container };
    setKey(target.value, m.key, 1);
    return out;
  }
  const all = slots(out);
  if (all.length === 0) return out;
  const { path, key } = all[m.where % all.length] as { path: Step[]; key: Step };
  const target = at(out, path);
  const current = (target as Record<Step, unknown>)[key];
  switch (m.kind) {
    case 'set':
      setKey(target, key, m.value);
      break;
    case 'delete':
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete target[key as string];
      break;
    case 'long list': {
      const item = Array.isArray(current) ? (current[0] ?? { id: 'A' }) : current;
      setKey(
        target,
        key,
        Array.from({ length: 1001 }, () => clone(item)),
      );
      break;
    }
    case 'long text':
      setKey(
        target,
        key,
        typeof current === 'string' && current.length > 0 ? current.repeat(m.length).slice(0, m.length) : 'y'.repeat(m.length),
      );
      break;
  }
  return out;
}

describe('mutations of valid requests', () => {
  it('whenever zod refuses, the fast path refuses; whenever it accepts, its output is zod’s', () => {
    let refused = 0;
    let runs = 0;
    let slowOnly = 0;
    fc.assert(
      fc.property(request, fc.array(mutation, { minLength: 1, maxLength: 3 }), (r, ms) => {
        let input: unknown = r;
        for (const m of ms) input = mutate(input as Json, m);
        runs++;
        const { zodOk, fastOk } = expectAgreement(input);
        if (!zodOk) refused++;
        if (zodOk && !fastOk) slowOnly++;
      }),
      { numRuns: 2000 },
    );
    // The fast path is exact here: it refuses nothing zod accepts (zod would decide if it did).
    expect(slowOnly).toBe(0);
    // Most mutations break the request: the property is not vacuous.
    expect(refused).toBeGreaterThan(runs / 2);
  });

  it('JSON text round trips agree too (what the command line and the API parse)', () => {
    fc.assert(
      fc.property(request, mutation, (r, m) => {
        const text = JSON.stringify(mutate(r, m));
        if (text !== undefined) expectAgreement(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });
});
