import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Lang, type ParamRef, parseYuanToFen, type Rule, type Scope } from '@ftai/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Answer, calculate } from './calculate.js';
import { MEASURE_IDS, measures, parameters } from './policy.js';
import { describeIssues, validateRequest } from './request/validate-request.js';
import { request } from './test-arbitraries.js';

type Json = Record<string, unknown>;

const PER_SUBJECT = new Set(measures.filter((m) => m.perSubject).map((m) => m.id));
const STATUSES = ['granted', 'ineligible', 'excluded', 'pending', 'in-kind', 'service', 'not-applicable'];

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
