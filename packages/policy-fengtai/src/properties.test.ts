import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Lang, type ParamRef, parseYuanToFen, type Rule, type Scope } from '@ftai/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Answer, calculate } from './calculate.js';
import { MEASURE_IDS, measures, parameters } from './policy.js';
import {
  EVENT_KINDS,
  FIXED_RECOGNITION_LEVEL,
  INCUBATOR_RATINGS,
  LEVELS,
  RECOGNITION_TYPES,
  STANDARD_LEVELS,
} from './request/request-schema.js';
import { describeIssues, validateRequest } from './request/validate-request.js';
import { CREDIT_CODE } from './test-helpers.js';

type Json = Record<string, unknown>;

const PER_SUBJECT = new Set(measures.filter((m) => m.perSubject).map((m) => m.id));
const STATUSES = ['granted', 'ineligible', 'excluded', 'pending', 'in-kind', 'service', 'not-applicable'];

// ---------------------------------------------------------------------------------------------
// Arbitraries: valid requests of the contract, touching every measure.

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

/** The same request with every list in facts, history and otherPolicyAwards in another order. */
function shuffled(r: Json): fc.Arbitrary<Json> {
  const permutation = (items: readonly unknown[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
  const facts = (r.facts ?? {}) as Json;
  const lists = Object.keys(facts).filter((k) => Array.isArray(facts[k]));
  return fc
    .tuple(
      fc.record(Object.fromEntries(lists.map((k) => [k, permutation(facts[k] as unknown[])]))),
      permutation((r.history ?? []) as unknown[]),
      permutation((r.otherPolicyAwards ?? []) as unknown[]),
    )
    .map(([shuffledLists, history, awards]) => ({
      ...r,
      facts: { ...facts, ...shuffledLists },
      ...(r.history === undefined ? {} : { history }),
      ...(r.otherPolicyAwards === undefined ? {} : { otherPolicyAwards: awards }),
    }));
}

function answer(input: unknown, lang: Lang = 'en'): Answer {
  const v = validateRequest(input);
  if (!v.ok) throw new Error(`the generated request is not valid: ${describeIssues(v.issues)}\n${JSON.stringify(input)}`);
  return calculate(v.request, { lang });
}

const RUNS = { numRuns: 300 };

// ---------------------------------------------------------------------------------------------

describe('properties of every answer', () => {
  it('the generated requests are valid, reach every measure and every path of the engine', () => {
    const reached = new Set<string>();
    const statuses = new Set<string>();
    const paths = new Set<string>();
    const PATHS = {
      'continuing support': /^continuing support: first granted in 20(2[5-8])/,
      'best of, won': /^best of, never twice: .* here is larger and replaces it$/,
      'best of, lost': /^best of, never twice: .* so it is excluded$/,
      'alternative, lost': /^alternative to 6\.2a: /,
      'one-time used': /^one-time \(per (enterprise|subject)\): already granted/,
      'window over': /^at most \d consecutive years/,
      'outside the term': /is outside the policy's term/,
      'event of another year': /not in assessment year/,
      'several tiers': /^several tiers newly reached/,
      'cap applied': /^capped at /,
      'general conditions': /^general conditions not met/,
    };
    fc.assert(
      fc.property(request, (r) => {
        for (const x of answer(r).results) {
          statuses.add(x.status);
          if (!['ineligible', 'excluded'].includes(x.status)) reached.add(x.measure);
          for (const line of [...(x.explanation ?? []), ...(x.reasons ?? [])]) {
            for (const [name, pattern] of Object.entries(PATHS)) if (pattern.test(line)) paths.add(name);
          }
        }
      }),
      { numRuns: 1000 },
    );
    expect([...reached].sort()).toEqual([...MEASURE_IDS].sort());
    expect([...statuses].sort()).toEqual(['excluded', 'granted', 'in-kind', 'ineligible', 'pending', 'service']);
    expect([...paths].sort()).toEqual(Object.keys(PATHS).sort());
  });

  it('no amount is below 0 or above its cap, and amounts are whole yuan', () => {
    fc.assert(
      fc.property(request, (r) => {
        for (const x of answer(r).results) {
          expect(Number.isSafeInteger(x.amount), `${x.measure}/${x.subject}`).toBe(true);
          expect(x.amount).toBeGreaterThanOrEqual(0);
          if (x.cap !== undefined) expect(x.amount, `${x.measure}/${x.subject}`).toBeLessThanOrEqual(x.cap);
        }
      }),
      RUNS,
    );
  });

  it("status is 'granted' exactly when the amount is above 0, and is one of the contract's", () => {
    fc.assert(
      fc.property(request, (r) => {
        for (const x of answer(r).results) {
          expect(x.status === 'granted', `${x.measure}/${x.subject} ${x.status} ${x.amount}`).toBe(x.amount > 0);
          expect(STATUSES).toContain(x.status);
        }
      }),
      RUNS,
    );
  });

  it('total is the sum of the granted amounts', () => {
    fc.assert(
      fc.property(request, (r) => {
        const a = answer(r);
        expect(a.total).toBe(a.results.filter((x) => x.status === 'granted').reduce((sum, x) => sum + x.amount, 0));
      }),
      RUNS,
    );
  });

  it('every result that is not granted says why', () => {
    fc.assert(
      fc.property(request, fc.constantFrom<Lang>('en', 'zh'), (r, lang) => {
        for (const x of answer(r, lang).results) {
          if (x.status !== 'granted') {
            expect(x.reasons?.length, `${x.measure}/${x.subject} ${x.status}`).toBeGreaterThan(0);
            for (const reason of x.reasons ?? []) expect(reason.trim()).not.toBe('');
          }
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of list items', () => {
    fc.assert(
      fc.property(
        request.chain((r) => fc.tuple(fc.constant(r), shuffled(r))),
        fc.constantFrom<Lang>('en', 'zh'),
        ([r, s], lang) => {
          expect(answer(s, lang)).toEqual(answer(r, lang));
        },
      ),
      RUNS,
    );
  });

  it('the same request always gives the same answer', () => {
    fc.assert(
      fc.property(request, (r) => {
        const first = answer(r);
        expect(answer(structuredClone(r))).toEqual(first);
        expect(answer(JSON.parse(JSON.stringify(r)))).toEqual(first);
      }),
      RUNS,
    );
  });

  it('the language changes the words, not the figures', () => {
    fc.assert(
      fc.property(request, (r) => {
        const figures = (a: Answer) => ({
          total: a.total,
          results: a.results.map((x) => [x.measure, x.subject, x.status, x.amount, x.cap]),
        });
        expect(figures(answer(r, 'zh'))).toEqual(figures(answer(r, 'en')));
      }),
      RUNS,
    );
  });

  it('one result per measure and subject; subjects exactly for the per-subject measures', () => {
    fc.assert(
      fc.property(request, (r) => {
        const keys = new Set<string>();
        for (const x of answer(r).results) {
          const key = `${x.measure}|${x.subject}`;
          expect(keys.has(key), key).toBe(false);
          keys.add(key);
          expect(MEASURE_IDS).toContain(x.measure);
          expect(x.subject === null, key).toBe(!PER_SUBJECT.has(x.measure));
        }
      }),
      RUNS,
    );
  });

  it('6.2a and 6.2b are never both granted for one project', () => {
    fc.assert(
      fc.property(request, (r) => {
        const a = answer(r);
        for (const x of a.results.filter((y) => y.measure === '6.2a' && y.status === 'granted')) {
          expect(a.results.some((y) => y.measure === '6.2b' && y.subject === x.subject && y.status === 'granted')).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('best of, never twice: a subject another policy supported is granted only for strictly more', () => {
    fc.assert(
      fc.property(request, (r) => {
        const awards = (r.otherPolicyAwards ?? []) as { subject: string; amount: number | string }[];
        for (const x of answer(r).results) {
          if (x.status !== 'granted' || x.subject === null) continue;
          const other = awards.filter((w) => w.subject === x.subject).reduce((sum, w) => sum + (parseYuanToFen(w.amount) as number), 0);
          if (other > 0) expect(x.amount * 100, `${x.measure}/${x.subject}`).toBeGreaterThan(other);
        }
      }),
      RUNS,
    );
  });

  it('a one-time measure already granted for its scope is never granted again', () => {
    fc.assert(
      fc.property(request, (r) => {
        const history = (r.history ?? []) as { measure: string; subject: string | null }[];
        for (const x of answer(r).results) {
          const m = measures.find((y) => y.id === x.measure);
          if (m?.scope.kind !== 'one-time' || x.status !== 'granted') continue;
          const ids = m.scope.shared ?? [m.id];
          const per = m.scope.per;
          expect(history.some((h) => ids.includes(h.measure) && (per === 'enterprise' || h.subject === x.subject))).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('failing a general condition makes every result ineligible', () => {
    const failing = fc.constantFrom({ registeredInFengtai: false }, { taxResidentInFengtai: false }, { seriousDishonesty: true });
    fc.assert(
      fc.property(request, failing, (r, fail) => {
        const a = answer({ ...r, enterprise: { ...(r.enterprise as Json), ...fail } });
        expect(a.total).toBe(0);
        for (const x of a.results) expect(x.status).toBe('ineligible');
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------

const here = dirname(fileURLToPath(import.meta.url));
const policyText = readFileSync(join(here, '..', 'policy', 'fengtai-ai-measures-2025.md'), 'utf8');
const sharedPolicy = join(here, '..', '..', '..', '..', 'shared', 'policy', 'fengtai-ai-measures-2025.md');
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function paramIds(ref: ParamRef | undefined): string[] {
  if (ref === undefined) return [];
  return typeof ref === 'string' ? [ref] : Object.values(ref);
}
function ruleParams(rule: Rule): string[] {
  switch (rule.kind) {
    case 'percent':
      return [...paramIds(rule.rate), ...paramIds(rule.cap)];
    case 'fixed':
      return paramIds(rule.amount);
    case 'tiers':
      return [...paramIds(rule.tiers), ...paramIds(rule.bonus)];
    case 'per-unit':
      return [...paramIds(rule.unit), ...paramIds(rule.cap)];
    case 'prize':
      return paramIds(rule.cap);
    default:
      return [];
  }
}
function scopeParams(scope: Scope): string[] {
  return scope.kind === 'consecutive' ? paramIds(scope.years) : [];
}

describe('the measures against the policy text and the parameters', () => {
  it.each(measures.map((m) => [m.id, m] as const))("%s: its clause is the policy's text, verbatim, in its article", (_id, m) => {
    expect(m.clause.length).toBeGreaterThan(10);
    expect(policyText).toContain(m.clause);
    const cite = /^(第(.+?)条)(?:\((\d)\))?$/.exec(m.citation.zh);
    expect(cite, m.citation.zh).not.toBeNull();
    const [, article, numeral, item] = cite as RegExpExecArray;
    expect(NUMERALS.indexOf(numeral as string) + 1).toBe(m.article);
    const paragraph = policyText.split('\n').find((line) => line.startsWith(`${article} `));
    expect(paragraph, article).toBeDefined();
    expect(paragraph).toContain(item === undefined ? `${article} ${m.clause}` : `(${item})${m.clause}`);
  });

  it('every measure id is that of MEASURES.md, once', () => {
    expect(MEASURE_IDS).toEqual([
      '1',
      '2.1',
      '2.2',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '5.1',
      '5.2',
      '5.3a',
      '5.3b',
      '5.4',
      '6.1',
      '6.2a',
      '6.2b',
      '6.2c',
      '6.3a',
      '6.3b',
      '6.4',
      '7.1',
      '7.2',
      '8.1',
      '8.2',
      '8.3',
      '8.4',
      '9.1',
      '9.2',
      '9.3',
      '10.1',
      '10.2',
      '10.3',
      '10.4',
    ]);
  });

  it.each(measures.map((m) => [m.id, m] as const))('%s: every parameter it refers to exists', (_id, m) => {
    for (const id of [...ruleParams(m.rule), ...scopeParams(m.scope)]) {
      expect(parameters.has(id), `${m.id} refers to ${id}`).toBe(true);
      expect(() => parameters.at(2026).get(id)).not.toThrow();
    }
  });

  it('every parameter is used by some measure', () => {
    const used = new Set(measures.flatMap((m) => [...ruleParams(m.rule), ...scopeParams(m.scope)]));
    expect(
      parameters
        .definitions()
        .map((d) => d.id)
        .filter((id) => !used.has(id)),
    ).toEqual([]);
  });

  it.runIf(existsSync(sharedPolicy))('the policy text equals ../shared/policy', () => {
    expect(policyText).toBe(readFileSync(sharedPolicy, 'utf8'));
  });
});
