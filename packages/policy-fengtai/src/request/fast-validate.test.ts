import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { request } from '../test-arbitraries.js';
import { buildRequest, CREDIT_CODE } from '../test-helpers.js';
import { ENTERPRISE_FIELDS, FACTS, type FactSpec } from './facts.js';
import { fastAccepts, fastParseRequest, fastPathProblems, requestJsonSchema } from './fast-validate.js';
import { requestSchema } from './request-schema.js';
import { validateRequest, validateRequestWithZod } from './validate-request.js';

type Json = Record<string, unknown>;

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
    // Each amount, growth rate, date and credit code is a custom keyword: those the enterprise and
    // the facts declare (facts.ts), and the amounts of history and other awards.
    const values = [
      ...ENTERPRISE_FIELDS,
      ...(FACTS as readonly FactSpec[]).flatMap((f) => (f.kind === 'list' ? f.item : f.kind === 'object' ? f.fields : [f])),
    ];
    const declared = (kind: string) => values.filter((v) => v.kind === kind).length;
    expect(text.split('"ftaiMoney":true').length - 1).toBe(declared('money') + 2);
    expect(text.split('"ftaiRate":true').length - 1).toBe(declared('rate'));
    expect(text.split('"ftaiDate":true').length - 1).toBe(declared('date'));
    expect(text.split('"ftaiCreditCode":true').length - 1).toBe(declared('creditCode'));
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

  it('the generated requests carry the new fields, so that the agreement above covers them', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(request, (r) => {
        const facts = (r.facts ?? {}) as Json;
        const prizes = (facts.agentCompetitionPrizes ?? []) as Json[];
        const products = (facts.firstSetProducts ?? []) as Json[];
        const history = (r.history ?? []) as Json[];
        const awards = (r.otherPolicyAwards ?? []) as Json[];
        if (prizes.some((p) => p.date !== undefined)) seen.add('prize date');
        if (prizes.some((p) => p.date === undefined)) seen.add('undated prize');
        if (products.some((p) => p.catalogueDate !== undefined)) seen.add('catalogue date');
        if (history.some((h) => h.measure === '5.1' && typeof h.subject === 'string')) seen.add('5.1 history with its tier');
        if (history.some((h) => h.measure === '5.4')) seen.add('5.4 history');
        if (awards.some((a) => a.measure !== undefined)) seen.add('award by measure');
        if (awards.some((a) => a.subject !== undefined)) seen.add('award by subject');
        for (const h of history)
          if (h.measure === '5.4') expect(fastParseRequest(r)?.history?.find((x) => x.measure === '5.4')?.amount).toBe(0);
      }),
      { numRuns: 300 },
    );
    expect([...seen].sort()).toEqual([
      '5.1 history with its tier',
      '5.4 history',
      'award by measure',
      'award by subject',
      'catalogue date',
      'prize date',
      'undated prize',
    ]);
  });

  it.each([
    { name: 'an award with both subject and measure', a: { policy: 'P', subject: 'S', measure: '5.3a', amount: 1 } },
    { name: 'an award with neither', a: { policy: 'P', amount: 1 } },
  ])('accepts $name as zod does, and refuses it by the same cross-field check', ({ a }) => {
    const input = buildRequest({ otherPolicyAwards: [a] });
    expect(expectAgreement(input)).toEqual({ zodOk: true, fastOk: true });
    const v = validateRequest(input);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues.map((i) => i.path)).toEqual(['otherPolicyAwards[0]']);
  });

  it.each([
    { name: 'a measure that is not enterprise-level', a: { policy: 'P', measure: '6.2a', amount: 1 } },
    { name: 'a service', a: { policy: 'P', measure: '9.1', amount: 1 } },
    { name: 'not a measure', a: { policy: 'P', measure: '12', amount: 1 } },
  ])('refuses $name as zod does', ({ a }) => {
    expect(expectAgreement(buildRequest({ otherPolicyAwards: [a] }))).toEqual({ zodOk: false, fastOk: false });
  });

  it.each([
    { name: 'a 6.1 date that does not exist', facts: { agentCompetitionPrizes: [{ id: 'A', date: '2026-02-30' }] } },
    { name: 'a 6.3a catalogue date that does not exist', facts: { firstSetProducts: [{ id: 'F', catalogueDate: '2026-04-31' }] } },
  ])('refuses $name as zod does', ({ facts }) => {
    expect(expectAgreement(buildRequest({ facts }))).toEqual({ zodOk: false, fastOk: false });
  });

  it.each([
    { name: '5.1 with subject null', h: { measure: '5.1', year: 2025, subject: null, amount: 1 } },
    { name: '5.1 with an unknown tier', h: { measure: '5.1', year: 2025, subject: 'revenue-2b', amount: 1 } },
    { name: '5.4 with an amount', h: { measure: '5.4', year: 2025, subject: null, amount: 1 } },
  ])('a history entry of $name: accepted by both schemas, refused by the same cross-field check', ({ h }) => {
    const input = buildRequest({ history: [h] });
    expect(expectAgreement(input)).toEqual({ zodOk: true, fastOk: true });
    expect(validateRequest(input).ok).toBe(false);
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
  '5.1',
  '5.3a',
  '6.2a',
  '9.1',
  'revenue-1b',
  'revenue-2b',
  'above-designated-size',
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
