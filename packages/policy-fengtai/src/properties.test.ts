import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Lang, type Measure, type MeasureResult, type ParamRef, parseYuanToFen } from '@ftai/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Answer, calculate } from './calculate.js';
import { ENTERPRISE_MEASURE_IDS, fengtaiPolicy, MEASURE_IDS, MILESTONE_TIERS, measures, parameters } from './policy.js';
import { type FengtaiRequest, INCUBATOR_RATINGS } from './request/request-schema.js';
import { describeIssues, validateRequest } from './request/validate-request.js';
import { request } from './test-arbitraries.js';

type Json = Record<string, unknown>;
type Award = { policy: string; subject?: string; measure?: string; amount: number | string };
type HistoryJson = { measure: string; year: number; subject: string | null; amount: number | string };

const PER_SUBJECT = new Set(measures.filter((m) => m.perSubject).map((m) => m.id));
const STATUSES = ['granted', 'ineligible', 'excluded', 'incomplete', 'pending', 'in-kind', 'service', 'not-applicable'];
const TIERS_5_1 = MILESTONE_TIERS.get('5.1') ?? [];

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

function answer(input: unknown, lang: Lang = 'en', explain = true): Answer {
  const v = validateRequest(input);
  if (!v.ok) throw new Error(`the generated request is not valid: ${describeIssues(v.issues)}\n${JSON.stringify(input)}`);
  return calculate(v.request, { lang, explain });
}

/** The answer without explanations (reasons stay): what the figures-only properties need, faster. */
const figuresOf = (input: unknown): Answer => answer(input, 'en', false);

/** The key best of, never twice compares on (MEASURES.md): the subject of a per-subject measure, else the measure. */
function keyOf(r: { measure: string; subject: string | null }): string {
  return PER_SUBJECT.has(r.measure) ? `subject ${r.subject}` : `measure ${r.measure}`;
}
function awardKey(a: Award): string {
  return a.subject !== undefined ? `subject ${a.subject}` : `measure ${a.measure}`;
}
const fenOf = (amount: number | string) => parseYuanToFen(amount) as number;

/** The value at a field path of the contract (`facts.incubator.investment`, `facts.agentCompetitionPrizes[0].prize`). */
function valueAt(root: unknown, path: string): unknown {
  let v = root;
  for (const step of path.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[step];
  }
  return v;
}

const RUNS = { numRuns: 300 };

/**
 * Checks every result of an answer and fails once with all that is wrong (`expect` in a loop over
 * thousands of results costs more than the answers themselves).
 */
function everyResult(a: Answer, wrongWith: (x: MeasureResult) => string | false | undefined): void {
  const wrong: string[] = [];
  for (const x of a.results) {
    const w = wrongWith(x);
    if (w) wrong.push(`${x.measure}/${x.subject} ${x.status} ${x.amount}: ${w}`);
  }
  expect(wrong).toEqual([]);
}

// ---------------------------------------------------------------------------------------------

describe('properties of every answer', () => {
  it('the generated requests are valid, reach every measure and every path of the engine', () => {
    const reached = new Set<string>();
    const statuses = new Set<string>();
    const paths = new Set<string>();
    const PATHS: Record<string, (x: MeasureResult, line: string, year: number) => boolean> = {
      'continuing support': (_x, l) => /^continuing support: first granted in 20(2[5-8])/.test(l),
      'best of, won': (_x, l) => /^best of, never twice: .* is larger and replaces it$/.test(l),
      'best of, lost': (_x, l) => /^best of, never twice: .*, not less than .* so it is excluded$/.test(l),
      'best of, tie': (_x, l) => /^best of, never twice: .*, the same as .* so it is excluded$/.test(l),
      'best of, a sum of this policy': (_x, l) => /^best of, never twice: .* in all \(Article /.test(l),
      'best of, by measure': (x, l) => x.subject === null && /^best of, never twice: /.test(l),
      'best of, 5.1 by measure': (x, l) => x.measure === '5.1' && /^best of, never twice: /.test(l),
      'alternative, lost': (_x, l) => /^alternative to Article 6\(2\), scenario project \(6\.2a\): that one gives/.test(l),
      'alternative, tie': (_x, l) => /^alternative to .*: both give .*, and that one stands, so this one is excluded$/.test(l),
      'one-time used': (_x, l) => /^one-time: already granted in 20\d\d$/.test(l),
      'one-time used by the other alternative': (_x, l) => /^one-time: Article 6\(2\), .* was granted for it in 20\d\d$/.test(l),
      'tier paid before': (_x, l) => /^one-time: tier ".*" was granted in 20\d\d$/.test(l),
      'higher tier paid before': (_x, l) => /^one-time: the higher tier ".*" was granted in 20\d\d, so lower tiers are not paid$/.test(l),
      'window over': (_x, l) => /^beyond the consecutive years \(first granted 20\d\d, at most \d years\)$/.test(l),
      'window over after the term': (_x, l, year) => year > 2028 && /^beyond the consecutive years/.test(l),
      'after the term': (_x, l) => /is after the policy's term, and there is no continuing support/.test(l),
      'outside the term, no new support': (_x, l) => /is outside the policy's term \(.*\): no new support$/.test(l),
      'before the term': (_x, l) => /is before the policy took effect/.test(l),
      'event of another year': (_x, l) => /not in assessment year/.test(l),
      'event before the term': (_x, l) => /: dated 20\d\d-\d\d-\d\d, before the policy took effect/.test(l),
      // (An event after the term cannot be reached: a year after it is outside the term before any event is read.)
      'prize dated': (x, l) => x.measure === '6.1' && /: dated /.test(l),
      'catalogue dated': (x, l) => x.measure === '6.3a' && /: dated /.test(l),
      'several tiers': (_x, l) => /tiers newly reached this year/.test(l),
      'cap applied': (_x, l) => /^capped at /.test(l),
      'general conditions': (_x, l) => /^general conditions not met/.test(l),
      incomplete: (x, l) => x.status === 'incomplete' && /^missing .*: cannot be calculated$/.test(l),
      'incomplete 5.1': (x) => x.measure === '5.1' && x.status === 'incomplete',
      'incomplete 5.2': (x) => x.measure === '5.2' && x.status === 'incomplete',
      'incomplete 4.3': (x) => x.measure === '4.3' && x.status === 'incomplete',
      'incomplete 8.1': (x) => x.measure === '8.1' && x.status === 'incomplete',
      'in kind in a later year': (x, l) => x.measure === '5.4' && x.status === 'in-kind' && /^year [23] of at most 3/.test(l),
    };
    fc.assert(
      fc.property(request, (r) => {
        for (const x of answer(r).results) {
          statuses.add(x.status);
          if (!['ineligible', 'excluded', 'incomplete'].includes(x.status)) reached.add(x.measure);
          for (const line of [...(x.explanation ?? []), ...(x.reasons ?? []), '']) {
            for (const [name, test] of Object.entries(PATHS)) if (test(x, line, r.year as number)) paths.add(name);
          }
        }
      }),
      { numRuns: 1000 },
    );
    expect([...reached].sort()).toEqual([...MEASURE_IDS].sort());
    expect([...statuses].sort()).toEqual(['excluded', 'granted', 'in-kind', 'incomplete', 'ineligible', 'pending', 'service']);
    expect([...paths].sort()).toEqual(Object.keys(PATHS).sort());
  });

  it('no amount is below 0 or above its cap, and amounts are whole yuan', () => {
    fc.assert(
      fc.property(request, (r) => {
        everyResult(figuresOf(r), (x) => {
          if (!Number.isSafeInteger(x.amount)) return 'not whole yuan';
          if (x.amount < 0) return 'below 0';
          return x.cap !== undefined && x.amount > x.cap && `above the cap ${x.cap}`;
        });
      }),
      RUNS,
    );
  });

  it("status is 'granted' exactly when the amount is above 0, and is one of the contract's", () => {
    fc.assert(
      fc.property(request, (r) => {
        everyResult(figuresOf(r), (x) => {
          if (!STATUSES.includes(x.status)) return 'not a status of the contract';
          return (x.status === 'granted') !== x.amount > 0 && 'granted is not the same as an amount above 0';
        });
      }),
      RUNS,
    );
  });

  it('total is the sum of the granted amounts (never of an incomplete one)', () => {
    fc.assert(
      fc.property(request, (r) => {
        const a = figuresOf(r);
        expect(a.total).toBe(a.results.filter((x) => x.status === 'granted').reduce((sum, x) => sum + x.amount, 0));
      }),
      RUNS,
    );
  });

  it('every result that is not granted says why; missing paths exactly on incomplete results', () => {
    fc.assert(
      fc.property(request, fc.constantFrom<Lang>('en', 'zh'), (r, lang) => {
        everyResult(answer(r, lang), (x) => {
          if (x.status !== 'granted' && (x.reasons ?? []).length === 0) return 'no reason';
          if ((x.reasons ?? []).some((reason) => reason.trim() === '')) return 'a blank reason';
          return (x.missing !== undefined) !== (x.status === 'incomplete') && `missing ${x.missing}`;
        });
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

  it('leaving the explanations out changes nothing else', () => {
    fc.assert(
      fc.property(request, fc.constantFrom<Lang>('en', 'zh'), (r, lang) => {
        const full = answer(r, lang);
        const short = answer(r, lang, false);
        expect(short).toEqual({ ...full, results: full.results.map((x) => ({ ...x, explanation: undefined })) });
      }),
      RUNS,
    );
  });

  it('the language changes the words, not the figures', () => {
    fc.assert(
      fc.property(request, (r) => {
        const figures = (a: Answer) => ({
          total: a.total,
          results: a.results.map((x) => [x.measure, x.subject, x.status, x.amount, x.cap, x.review, x.citation, x.missing]),
        });
        expect(figures(answer(r, 'zh'))).toEqual(figures(answer(r, 'en')));
      }),
      RUNS,
    );
  });

  it('one result per measure and subject; subjects for the per-subject measures, the tier for 5.1, null otherwise', () => {
    fc.assert(
      fc.property(request, (r) => {
        const keys = new Set<string>();
        everyResult(figuresOf(r), (x) => {
          const key = `${x.measure}|${x.subject}`;
          if (keys.has(key)) return 'twice';
          keys.add(key);
          if (!MEASURE_IDS.includes(x.measure)) return 'not a measure';
          const tiers = MILESTONE_TIERS.get(x.measure);
          if (tiers === undefined) return (x.subject === null) === PER_SUBJECT.has(x.measure) && 'subject';
          // The tier as subject; none only where no tier was evaluated: incomplete, ineligible, or a year outside the term.
          if (x.subject !== null) return !tiers.includes(x.subject) && 'not a tier';
          const outsideTerm =
            x.status === 'excluded' && (x.reasons ?? []).some((t) => /policy's term|before the policy took effect/.test(t));
          return !(['incomplete', 'ineligible'].includes(x.status) || outsideTerm) && `no tier: ${x.reasons}`;
        });
      }),
      RUNS,
    );
  });

  it('6.2a and 6.2b are never both granted for one project', () => {
    fc.assert(
      fc.property(request, (r) => {
        const a = figuresOf(r);
        for (const x of a.results.filter((y) => y.measure === '6.2a' && y.status === 'granted')) {
          expect(a.results.some((y) => y.measure === '6.2b' && y.subject === x.subject && y.status === 'granted')).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it("best of, never twice: for every key another policy names, this policy's granted sum is strictly larger, or nothing is granted for it", () => {
    let compared = 0;
    fc.assert(
      fc.property(request, (r) => {
        const awards = (r.otherPolicyAwards ?? []) as Award[];
        const other = new Map<string, number>();
        for (const w of awards) other.set(awardKey(w), (other.get(awardKey(w)) ?? 0) + fenOf(w.amount));
        const ours = new Map<string, number>();
        for (const x of figuresOf(r).results) {
          if (x.status === 'granted') ours.set(keyOf(x), (ours.get(keyOf(x)) ?? 0) + x.amount);
        }
        for (const [key, sum] of ours) {
          const theirs = other.get(key);
          if (theirs === undefined) continue;
          compared++;
          expect(sum * 100, key).toBeGreaterThan(theirs);
        }
      }),
      RUNS,
    );
    expect(compared).toBeGreaterThan(20);
  });

  it('an award whose key no result has changes nothing (a 5.1 tier named as a subject, an object no fact names)', () => {
    let dropped = 0;
    fc.assert(
      fc.property(request, (r) => {
        const awards = (r.otherPolicyAwards ?? []) as Award[];
        if (awards.length === 0) return;
        const a = answer(r);
        const keys = new Set(a.results.map(keyOf));
        const kept = awards.filter((w) => keys.has(awardKey(w)));
        if (kept.length === awards.length) return;
        dropped++;
        expect(answer({ ...r, otherPolicyAwards: kept })).toEqual(a);
      }),
      RUNS,
    );
    expect(dropped).toBeGreaterThan(20);
  });

  it('a one-time measure already granted for its scope is never granted again (5.1: the tier, or a higher revenue tier)', () => {
    const tiers = parameters.at(2026).tiers('5.1.tiers');
    const minOf = (id: string | null) => tiers.find((t) => t.id === id)?.min;
    fc.assert(
      fc.property(request, (r) => {
        const history = (r.history ?? []) as HistoryJson[];
        for (const x of figuresOf(r).results) {
          const m = measures.find((y) => y.id === x.measure);
          if (m?.scope.kind !== 'one-time' || x.status !== 'granted') continue;
          if (m.scope.per === 'tier') {
            const min = minOf(x.subject);
            const rulesOut = (h: HistoryJson) => {
              if (h.measure !== m.id) return false;
              if (h.subject === x.subject) return true;
              const hMin = minOf(h.subject);
              return min !== undefined && hMin !== undefined && hMin >= min;
            };
            expect(history.filter(rulesOut), `${x.measure}/${x.subject}`).toEqual([]);
            continue;
          }
          const ids = m.scope.shared ?? [m.id];
          const per = m.scope.per;
          expect(history.some((h) => ids.includes(h.measure) && (per === 'enterprise' || h.subject === x.subject))).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('a consecutive-year measure is granted only inside the window that starts with its first grant', () => {
    fc.assert(
      fc.property(request, (r) => {
        const history = (r.history ?? []) as HistoryJson[];
        const year = r.year as number;
        for (const x of figuresOf(r).results) {
          const m = measures.find((y) => y.id === x.measure) as Measure<FengtaiRequest>;
          if (m.scope.kind !== 'consecutive' || !['granted', 'in-kind'].includes(x.status)) continue;
          const own = history.filter((h) => h.measure === m.id && (!m.perSubject || h.subject === x.subject));
          expect(own.some((h) => h.year === year)).toBe(false);
          const first = Math.min(year, ...own.map((h) => h.year));
          const years = m.scope.years;
          const longest = Math.max(
            ...(typeof years === 'string' ? [years] : Object.values(years)).map((id) => parameters.at(year).years(id)),
          );
          expect(year - first + 1, `${x.measure}/${x.subject}`).toBeLessThanOrEqual(longest);
          // After the term only as continuing support of a window that started inside it.
          if (year > 2028) expect(first).toBeLessThanOrEqual(2028);
        }
      }),
      RUNS,
    );
  });

  it('failing a general condition makes every result ineligible', () => {
    const failing = fc.constantFrom({ registeredInFengtai: false }, { taxResidentInFengtai: false }, { seriousDishonesty: true });
    fc.assert(
      fc.property(request, failing, (r, fail) => {
        const a = figuresOf({ ...r, enterprise: { ...(r.enterprise as Json), ...fail } });
        expect(a.total).toBe(0);
        everyResult(a, (x) => x.status !== 'ineligible' && 'not ineligible');
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// A figure left out is never read as 0 (MEASURES.md, "Missing facts").

/** Money of at least 50,000,000 yuan: 5.1's lowest revenue tier is reached. */
const revenueTierReached = fc.oneof(
  fc.constantFrom(50000000, '50000000.00', 99999999.99, 100000000, 1000000000),
  fc.integer({ min: 5_000_000_000, max: 200_000_000_000 }).map((f) => f / 100),
);

type LeftOut = { name: string; make: (r: Json, given: unknown, rating: string) => Json };

const withFacts = (r: Json, change: (facts: Json) => void): Json => {
  const facts = { ...((r.facts ?? {}) as Json) };
  change(facts);
  return { ...r, facts };
};

/** Requests with the fact a rule needs left out, and the figure that would make it count given. */
const LEFT_OUT: readonly LeftOut[] = [
  {
    name: '4.3: rdSpend without previousRdSpend',
    make: (r, given) =>
      withFacts(r, (f) => {
        f.rdSpend = given;
        delete f.previousRdSpend;
      }),
  },
  {
    name: '5.2: revenue without previousRevenue',
    make: (r, given) =>
      withFacts(r, (f) => {
        f.revenue = given;
        delete f.previousRevenue;
      }),
  },
  {
    name: '5.1: a revenue tier reached without priorMaxRevenue and previousRevenue',
    make: (r, given) =>
      withFacts(r, (f) => {
        f.revenue = given;
        delete f.priorMaxRevenue;
        delete f.previousRevenue;
      }),
  },
  {
    name: '8.1: a rating without the investment',
    make: (r, _given, rating) =>
      withFacts(r, (f) => {
        const inc = { ...((f.incubator ?? {}) as Json) };
        inc.rating = rating;
        delete inc.investment;
        f.incubator = inc;
      }),
  },
];

describe('no answer grants money for a measure whose needed facts were left out', () => {
  it('4.3, 5.2, 5.1 (revenue tiers), 8.1: never granted without the figure; incomplete when nothing else rules them out', () => {
    const incomplete = new Map<string, number>();
    fc.assert(
      fc.property(
        request,
        fc.constantFrom(...LEFT_OUT),
        revenueTierReached,
        fc.constantFrom(...INCUBATOR_RATINGS),
        (r, leftOut, given, rating) => {
          const input = leftOut.make(r, given, rating);
          const a = answer(input);
          const only = (id: string) => a.results.filter((x) => x.measure === id);
          const count = (id: string) => {
            for (const x of only(id)) if (x.status === 'incomplete') incomplete.set(id, (incomplete.get(id) ?? 0) + 1);
          };
          const generalOk = !a.results.some((x) => (x.reasons ?? []).some((s) => s.startsWith('general conditions not met')));
          const inTerm = (input.year as number) >= 2025 && (input.year as number) <= 2028;
          const history = (input.history ?? []) as HistoryJson[];
          if (leftOut.name.startsWith('4.3')) {
            const [x] = only('4.3');
            expect(x?.status).not.toBe('granted');
            if (generalOk && inTerm && !history.some((h) => h.measure === '4.3')) {
              expect(x?.status).toBe('incomplete');
              expect(x?.missing).toEqual(['facts.previousRdSpend']);
            }
            count('4.3');
          } else if (leftOut.name.startsWith('5.2')) {
            const [x] = only('5.2');
            expect(x?.status).not.toBe('granted');
            if (generalOk && inTerm && !history.some((h) => h.measure === '5.2' && h.year === input.year)) {
              expect(x?.status).toBe('incomplete');
              expect(x?.missing).toEqual(['facts.previousRevenue']);
            }
            count('5.2');
          } else if (leftOut.name.startsWith('5.1')) {
            const results = only('5.1');
            expect(results).toHaveLength(1);
            const [x] = results as [MeasureResult];
            // Only 首次达规 can be paid without the figures before, and only when history rules out every revenue tier reached.
            if (x.status === 'granted') expect(x.subject).toBe('above-designated-size');
            if (generalOk && inTerm && !history.some((h) => h.measure === '5.1')) {
              expect(x.status).toBe('incomplete');
              expect(x.subject).toBeNull();
              expect(x.missing).toEqual(['facts.priorMaxRevenue', 'facts.previousRevenue']);
            }
            count('5.1');
          } else {
            const [x] = only('8.1');
            expect(x?.status).not.toBe('granted');
            if (generalOk && inTerm && !history.some((h) => h.measure === '8.1')) {
              expect(x?.status).toBe('incomplete');
              expect(x?.missing).toEqual(['facts.incubator.investment']);
            }
            count('8.1');
          }
        },
      ),
      { numRuns: 600 },
    );
    for (const id of ['4.3', '5.2', '5.1', '8.1']) expect(incomplete.get(id) ?? 0, id).toBeGreaterThan(20);
  });

  it('every incomplete result has amount 0, no cap reached, and missing paths that are really absent from the request', () => {
    let seen = 0;
    fc.assert(
      fc.property(request, (r) => {
        for (const x of figuresOf(r).results) {
          if (x.status !== 'incomplete') continue;
          seen++;
          expect(x.amount).toBe(0);
          expect(x.missing?.length, `${x.measure}`).toBeGreaterThan(0);
          for (const path of x.missing ?? []) {
            expect(path).toMatch(/^facts\./);
            expect(valueAt(r, path), `${x.measure}: ${path}`).toBeUndefined();
          }
        }
      }),
      { numRuns: 500 },
    );
    expect(seen).toBeGreaterThan(50);
  });
});

// ---------------------------------------------------------------------------------------------

const here = dirname(fileURLToPath(import.meta.url));
const policyText = readFileSync(join(here, '..', 'policy', 'fengtai-ai-measures-2025.md'), 'utf8');
const sharedPolicy = join(here, '..', '..', '..', '..', 'shared', 'policy', 'fengtai-ai-measures-2025.md');
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * The stored text of the policy writes half-width , ; : ( ) in its Chinese; a measure quotes its
 * clause in official style (CHINESE.md), with full-width punctuation. The words must be the same.
 */
const fullWidth = (text: string) =>
  text.replace(/[,;:()]/g, (c) => ({ ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' })[c] as string);
const officialText = fullWidth(policyText);

function paramIds(ref: ParamRef | undefined): string[] {
  if (ref === undefined) return [];
  return typeof ref === 'string' ? [ref] : Object.values(ref);
}

/** Every parameter a measure refers to: its rule's figures, its scope's, and every reading (switch). */
function measureParams(m: Measure<FengtaiRequest>): string[] {
  const ids: string[] = [...(m.readings ?? [])];
  const rule = m.rule;
  switch (rule.kind) {
    case 'percent':
      ids.push(...paramIds(rule.rate), ...paramIds(rule.cap));
      break;
    case 'maximum':
      ids.push(...paramIds(rule.amount));
      break;
    case 'tiers':
      ids.push(...paramIds(rule.tiers), ...paramIds(rule.bonus));
      if (rule.milestones) ids.push(rule.milestones.highestOnly);
      break;
    case 'per-unit':
      ids.push(...paramIds(rule.unit), ...paramIds(rule.cap));
      break;
    case 'prize':
      ids.push(...paramIds(rule.cap), rule.noPrizeCap);
      break;
    default:
      break;
  }
  const scope = m.scope;
  if (scope.kind === 'consecutive') {
    ids.push(...paramIds(scope.years));
    if (scope.capPerYear) ids.push(scope.capPerYear);
    if (scope.yearsReading) ids.push(scope.yearsReading);
  } else if (scope.kind === 'one-time') {
    if (scope.perSubjectReading) ids.push(scope.perSubjectReading);
    ids.push(...(scope.readings ?? []));
  } else if (scope.kind === 'per-year' && scope.reading) {
    ids.push(scope.reading);
  }
  if (m.alternativeGroup) ids.push(m.alternativeGroup.tieReading);
  return ids;
}

/** review: true where MEASURES.md says review, and for every amount the text gives as 最高 without a formula. */
const REVIEW = new Set([
  '2.1',
  '2.2',
  '3.1',
  '3.4',
  '4.2',
  '5.1',
  '5.2',
  '5.3a',
  '5.3b',
  '5.4',
  '6.1',
  '6.2c',
  '6.3a',
  '6.4',
  '7.1',
  '7.2',
  '8.1',
  '10.2',
  '10.4',
]);

describe('the measures against the policy text and the parameters', () => {
  it.each(measures.map((m) => [m.id, m] as const))("%s: its clause is the policy's text, word for word, in its article", (_id, m) => {
    expect(m.clause.length).toBeGreaterThan(10);
    expect(m.clause).not.toMatch(/[,;:()]/);
    expect(officialText).toContain(m.clause);
    const cite = /^(第(.+?)条)(?:第（(\d)）项)?$/.exec(m.citation.zh);
    expect(cite, m.citation.zh).not.toBeNull();
    const [, article, numeral, item] = cite as RegExpExecArray;
    expect(NUMERALS.indexOf(numeral as string) + 1).toBe(m.article);
    expect(m.citation.en).toBe(item === undefined ? `Article ${m.article}` : `Article ${m.article}(${item})`);
    const paragraph = officialText.split('\n').find((line) => line.startsWith(`${article} `));
    expect(paragraph, article).toBeDefined();
    expect(paragraph).toContain(item === undefined ? `${article} ${m.clause}` : `（${item}）${m.clause}`);
  });

  it.each(measures.map((m) => [m.id, m] as const))('%s: has a short name, and review exactly where MEASURES.md says', (id, m) => {
    expect(m.name.zh.length).toBeGreaterThan(1);
    expect(m.name.en.length).toBeGreaterThan(1);
    expect(m.review, `${id} review`).toBe(REVIEW.has(id));
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

  it('the enterprise-level measures and the 5.1 tiers are those of CALCULATION.md', () => {
    expect(ENTERPRISE_MEASURE_IDS).toEqual([
      '1',
      '2.2',
      '3.1',
      '3.2',
      '3.3',
      '4.1',
      '4.3',
      '5.1',
      '5.2',
      '5.3a',
      '5.3b',
      '5.4',
      '6.2c',
      '6.3a',
      '8.1',
      '8.2',
      '8.3',
      '9.3',
      '10.2',
    ]);
    expect([...MILESTONE_TIERS.keys()]).toEqual(['5.1']);
    expect([...TIERS_5_1].sort()).toEqual(['above-designated-size', 'revenue-100m', 'revenue-1b', 'revenue-500m', 'revenue-50m']);
  });

  it.each(measures.map((m) => [m.id, m] as const))('%s: every parameter it refers to exists, in every year of the term', (_id, m) => {
    for (const id of measureParams(m)) {
      expect(parameters.has(id), `${m.id} refers to ${id}`).toBe(true);
      for (const year of [2025, 2026, 2027, 2028]) expect(() => parameters.at(year).get(id)).not.toThrow();
    }
  });

  it('every parameter is used by some measure or by the policy itself', () => {
    const used = new Set(measures.flatMap(measureParams));
    if (fengtaiPolicy.firstYearInFull) used.add(fengtaiPolicy.firstYearInFull);
    if (fengtaiPolicy.generalConditionsReading) used.add(fengtaiPolicy.generalConditionsReading);
    expect(
      parameters
        .definitions()
        .map((d) => d.id)
        .filter((id) => !used.has(id)),
    ).toEqual([]);
  });

  it('every reading (switch) says what is assumed, in both languages', () => {
    const switches = parameters.definitions().filter((d) => d.unit === 'switch');
    expect(switches.length).toBeGreaterThanOrEqual(15);
    for (const d of switches) {
      expect(d.assumed?.zh.length, d.id).toBeGreaterThan(5);
      expect(d.assumed?.en.length, d.id).toBeGreaterThan(5);
    }
    // The readings MEASURES.md marks as assumed, among them.
    for (const id of ['1.cap-per-year', '5.1.highest-only', '6.2.tie', '5.2.zero-previous', '5.3b.together', '2.1.per-model']) {
      expect(switches.map((d) => d.id)).toContain(id);
    }
  });

  it.runIf(existsSync(sharedPolicy))('the policy text equals ../shared/policy', () => {
    expect(policyText).toBe(readFileSync(sharedPolicy, 'utf8'));
  });
});
