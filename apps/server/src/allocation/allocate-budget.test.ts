import { ARTICLE_NUMBERS } from '@ftai/policy-fengtai';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AllocationBudget,
  type AllocationItem,
  type AllocationMethod,
  type AllocationResult,
  allocateBudget,
} from './allocate-budget.js';
import { percentText } from './allocation-ratio.js';
import { explainAllocatedItem, type StoredStep } from './explain-allocated-item.js';

/** A number no article of the policy has. */
const AFTER_LAST = Math.max(...ARTICLE_NUMBERS) + 1;

function item(key: string, article: number, approved: number, score: number | null = null, order: string = key): AllocationItem {
  return { key, applicationId: `app-${key}`, article, approved, score, order };
}

function allocated(result: AllocationResult): Record<string, number> {
  return Object.fromEntries(result.items.map((i) => [i.key, i.allocated]));
}

const TOTAL_ONLY = (total: number): AllocationBudget => ({ total, perArticle: {} });

describe('allocateBudget, proportional (largest remainder, whole yuan)', () => {
  it.each<{ name: string; items: AllocationItem[]; budget: AllocationBudget; expected: Record<string, number> }>([
    {
      name: 'budget 1,000,000 over 600,000 / 300,000 / 300,000 scales by 5/6 with nothing left over',
      items: [item('a', 1, 600_000), item('b', 2, 300_000), item('c', 3, 300_000)],
      budget: TOTAL_ONLY(1_000_000),
      expected: { a: 500_000, b: 250_000, c: 250_000 },
    },
    {
      name: 'the same figures under an article budget, the total not binding',
      items: [item('a', 4, 600_000), item('b', 4, 300_000), item('c', 4, 300_000)],
      budget: { total: 5_000_000, perArticle: { 4: 1_000_000 } },
      expected: { a: 500_000, b: 250_000, c: 250_000 },
    },
    {
      name: 'budget 100 over three items of 1 is not oversubscribed: everyone gets 1',
      items: [item('a', 1, 1), item('b', 1, 1), item('c', 1, 1)],
      budget: TOTAL_ONLY(100),
      expected: { a: 1, b: 1, c: 1 },
    },
    {
      name: 'budget 100 over three items of 100: 33 each, the 1 yuan left goes to the earliest order (b)',
      items: [item('a', 1, 100, null, '3'), item('b', 1, 100, null, '1'), item('c', 1, 100, null, '2')],
      budget: TOTAL_ONLY(100),
      expected: { a: 33, b: 34, c: 33 },
    },
    {
      name: 'budget 2 over three items of 1: 0 each, the 2 yuan go to the two earliest orders',
      items: [item('a', 1, 1, null, '3'), item('b', 1, 1, null, '1'), item('c', 1, 1, null, '2')],
      budget: TOTAL_ONLY(2),
      expected: { a: 0, b: 1, c: 1 },
    },
    {
      name: 'budget 10 over 7 / 5 / 3: quotas 4 10/15, 3 5/15, 2 — the largest remainder takes the yuan',
      items: [item('a', 1, 7, null, '3'), item('b', 1, 5, null, '1'), item('c', 1, 3, null, '2')],
      budget: TOTAL_ONLY(10),
      expected: { a: 5, b: 3, c: 2 },
    },
    {
      name: 'equal remainders go to the larger approved before the earlier order (budget 5 over 1 / 3 / 6)',
      // quotas 0 5/10, 1 5/10, 3: one yuan left, a and b tie at 5/10, b is larger.
      items: [item('a', 1, 1, null, '1'), item('b', 1, 3, null, '2'), item('c', 1, 6, null, '3')],
      budget: TOTAL_ONLY(5),
      expected: { a: 0, b: 2, c: 3 },
    },
    {
      name: 'remainders are compared exactly: 304,155 over 439,617 / 189,051 / 1,107',
      // Σ 629,775. Remainders 399,735 / 460,080 / 399,735 over 629,775: a and c tie exactly, though
      // in floating point c's fraction (…6881029) looks larger than a's (…6880912). Floors sum to
      // 304,153; b takes the first yuan, a (larger approved) the second.
      items: [item('a', 1, 439_617, null, '2'), item('b', 1, 189_051, null, '3'), item('c', 1, 1_107, null, '1')],
      budget: TOTAL_ONLY(304_155),
      expected: { a: 212_317, b: 91_304, c: 534 },
    },
    {
      name: 'amounts whose products pass 2^53 are split exactly',
      // 515,706,427,454 × 447,616,480,455 ≈ 2.3e23. Quotas 68,156,454,441 + 7,657,718/Σ and
      // 447,549,973,012 + 515,775,405,458/Σ with Σ = 515,783,063,176; b takes the one yuan left.
      items: [item('a', 1, 68_166_582_721), item('b', 1, 447_616_480_455)],
      budget: TOTAL_ONLY(515_706_427_454),
      expected: { a: 68_156_454_441, b: 447_549_973_013 },
    },
    {
      name: 'an item whose quota is whole never takes a leftover yuan, even first in order',
      // budget 1 over 0 / 2 / 2: quotas 0, 1/2, 1/2.
      items: [item('a', 1, 0, null, '1'), item('b', 1, 2, null, '3'), item('c', 1, 2, null, '2')],
      budget: TOTAL_ONLY(1),
      expected: { a: 0, b: 0, c: 1 },
    },
    {
      name: 'a budget of 0 gives everyone 0',
      items: [item('a', 1, 5), item('b', 2, 7)],
      budget: TOTAL_ONLY(0),
      expected: { a: 0, b: 0 },
    },
    {
      name: 'article budget first (600 over 400 / 400), then the total (900 over 300 / 300 / 600)',
      items: [item('a', 1, 400), item('b', 1, 400), item('c', 2, 600)],
      budget: { total: 900, perArticle: { 1: 600 } },
      expected: { a: 225, b: 225, c: 450 },
    },
    {
      name: 'an article budget can bind while the total does not',
      items: [item('a', 1, 600), item('b', 1, 400), item('c', 2, 300)],
      budget: { total: 800, perArticle: { 1: 500 } },
      expected: { a: 300, b: 200, c: 300 },
    },
    {
      name: 'the total is judged after the article step: 1,200 approved, 300 after articles, total 400',
      items: [item('a', 1, 500), item('b', 1, 500), item('c', 2, 200)],
      budget: { total: 400, perArticle: { 1: 100 } },
      expected: { a: 50, b: 50, c: 200 },
    },
    {
      name: 'in the total step the tie goes to the larger step-1 amount, not the larger approved',
      // x: approved 10, capped at 1 by article 1. Total 2 over weights 1 / 3: quotas 1/2 and 1 1/2,
      // remainders tie; w's weight 3 beats x's 1 although x was approved more and comes first.
      items: [item('x', 1, 10, null, '1'), item('w', 2, 3, null, '2')],
      budget: { total: 2, perArticle: { 1: 1 } },
      expected: { x: 0, w: 2 },
    },
  ])('$name', ({ items, budget, expected }) => {
    expect(allocated(allocateBudget(items, budget, 'proportional'))).toEqual(expected);
  });

  it('reports the totals, the flag and every article with items or a budget', () => {
    const result = allocateBudget(
      [item('a', 1, 400), item('b', 1, 400), item('c', 2, 600)],
      { total: 900, perArticle: { 1: 600, 7: 50 } },
      'proportional',
    );
    expect(result.method).toBe('proportional');
    expect(result.total).toBe(900);
    expect(result.oversubscribed).toBe(true);
    expect(result.byArticle).toEqual({
      1: { budget: 600, approved: 800, allocated: 450 },
      2: { budget: null, approved: 600, allocated: 450 },
      7: { budget: 50, approved: 0, allocated: 0 },
    });
  });

  it('gives everyone their approved amount and says so when nothing is oversubscribed', () => {
    const result = allocateBudget(
      [item('a', 1, 100), item('b', 2, 0), item('c', 2, 50)],
      { total: 150, perArticle: { 2: 50 } },
      'proportional',
    );
    expect(allocated(result)).toEqual({ a: 100, b: 0, c: 50 });
    expect(result.oversubscribed).toBe(false);
    expect(result.total).toBe(150);
  });

  it('returns the items sorted by key with their fields intact', () => {
    const input = [item('b', 2, 10, 7, 'o2'), item('a', 1, 20, null, 'o1')];
    const result = allocateBudget(input, TOTAL_ONLY(15), 'proportional');
    expect(result.items).toEqual([
      {
        key: 'a',
        applicationId: 'app-a',
        article: 1,
        approved: 20,
        score: null,
        order: 'o1',
        allocated: 10,
        remainderYuan: 0,
        scaledBy: ['total'],
      },
      {
        key: 'b',
        applicationId: 'app-b',
        article: 2,
        approved: 10,
        score: 7,
        order: 'o2',
        allocated: 5,
        remainderYuan: 0,
        scaledBy: ['total'],
      },
    ]);
  });

  it('handles no items', () => {
    expect(allocateBudget([], { total: 10, perArticle: { 3: 5 } }, 'proportional')).toEqual({
      method: 'proportional',
      items: [],
      total: 0,
      oversubscribed: false,
      byArticle: { 3: { budget: 5, approved: 0, allocated: 0 } },
      steps: [],
    });
  });
});

describe('allocateBudget, score (funded in full by review score)', () => {
  it.each<{ name: string; items: AllocationItem[]; budget: AllocationBudget; expected: Record<string, number> }>([
    {
      name: 'budget 1,000,000: 92 and 88 in full, the unscored item gets the 100,000 left',
      items: [item('a', 3, 600_000, 88), item('b', 3, 300_000, 92), item('c', 5, 300_000, null)],
      budget: TOTAL_ONLY(1_000_000),
      expected: { a: 600_000, b: 300_000, c: 100_000 },
    },
    {
      name: 'after the boundary item later items get 0, even one that would fit the gap',
      items: [item('a', 1, 80, 9), item('b', 1, 50, 8), item('c', 1, 5, 7)],
      budget: TOTAL_ONLY(100),
      expected: { a: 80, b: 20, c: 0 },
    },
    {
      name: 'unscored items come after every scored one, negative scores included',
      items: [item('a', 1, 10, null, '1'), item('b', 1, 10, -5, '2'), item('c', 1, 10, 0, '3')],
      budget: TOTAL_ONLY(15),
      expected: { a: 0, b: 5, c: 10 },
    },
    {
      name: 'equal scores are funded by order ascending',
      items: [
        item('a', 1, 10, 80, '2024-03-02T09:00|a'),
        item('b', 1, 10, 80, '2024-03-01T17:30|b'),
        item('c', 1, 10, 80, '2024-03-01T17:30|c'),
      ],
      budget: TOTAL_ONLY(15),
      expected: { a: 0, b: 10, c: 5 },
    },
    {
      name: 'unscored items are funded by order ascending too',
      items: [item('a', 1, 10, null, '2'), item('b', 1, 10, null, '1')],
      budget: TOTAL_ONLY(12),
      expected: { a: 2, b: 10 },
    },
    {
      name: 'duplicate orders (not meant to happen) fall back to key ascending',
      items: [item('b', 1, 10, 1, 'same'), item('a', 1, 10, 1, 'same')],
      budget: TOTAL_ONLY(12),
      expected: { a: 10, b: 2 },
    },
    {
      name: 'article budget first (500: 400 in full, 100 to the next), then the total by score across articles',
      // After article 1: a 400, b 100, c 700 = 1,200 > 1,000. By score: c 700, a 300 (partial), b 0.
      items: [item('a', 1, 400, 90), item('b', 1, 400, 80), item('c', 2, 700, 95)],
      budget: { total: 1_000, perArticle: { 1: 500 } },
      expected: { a: 300, b: 0, c: 700 },
    },
    {
      name: 'an article budget can bind while the total does not',
      items: [item('a', 1, 400, 70), item('b', 1, 400, 80), item('c', 2, 700, 10)],
      budget: { total: 5_000, perArticle: { 1: 500 } },
      expected: { a: 100, b: 400, c: 700 },
    },
  ])('$name', ({ items, budget, expected }) => {
    expect(allocated(allocateBudget(items, budget, 'score'))).toEqual(expected);
  });

  it('gives everyone their approved amount when nothing is oversubscribed', () => {
    const result = allocateBudget([item('a', 1, 100, 3), item('b', 2, 50, null)], { total: 150, perArticle: { 1: 100, 2: 60 } }, 'score');
    expect(allocated(result)).toEqual({ a: 100, b: 50 });
    expect(result.oversubscribed).toBe(false);
  });
});

describe('allocateBudget refuses invalid input with a RangeError naming the field', () => {
  const good = (): AllocationItem[] => [item('a', 1, 100, 50), item('b', 2, 200, null)];
  const patch = (index: number, fields: Record<string, unknown>): AllocationItem[] =>
    good().map((it, i) => (i === index ? ({ ...it, ...fields } as unknown as AllocationItem) : it));

  it.each<{ name: string; items: AllocationItem[]; budget?: AllocationBudget; method?: string; field: RegExp }>([
    { name: 'fractional approved', items: patch(1, { approved: 10.5 }), field: /items\[1\]\.approved/ },
    { name: 'negative approved', items: patch(0, { approved: -1 }), field: /items\[0\]\.approved/ },
    { name: 'NaN approved', items: patch(0, { approved: Number.NaN }), field: /items\[0\]\.approved/ },
    { name: 'unsafe approved', items: patch(0, { approved: 2 ** 53 }), field: /items\[0\]\.approved/ },
    { name: 'string approved', items: patch(0, { approved: '100' }), field: /items\[0\]\.approved/ },
    {
      name: 'approved amounts summing past 2^53 - 1',
      items: patch(1, { approved: Number.MAX_SAFE_INTEGER - 50 }),
      field: /items\[1\]\.approved.*sum/,
    },
    { name: 'duplicate key', items: [...good(), item('a', 3, 1)], field: /items\[2\]\.key.*duplicate/ },
    { name: 'article 0', items: patch(0, { article: 0 }), field: /items\[0\]\.article/ },
    { name: 'an article after the last', items: patch(0, { article: AFTER_LAST }), field: /items\[0\]\.article/ },
    { name: 'article 1.5', items: patch(1, { article: 1.5 }), field: /items\[1\]\.article/ },
    { name: 'NaN score', items: patch(0, { score: Number.NaN }), field: /items\[0\]\.score/ },
    { name: 'infinite score', items: patch(0, { score: Number.POSITIVE_INFINITY }), field: /items\[0\]\.score/ },
    { name: 'missing order', items: patch(0, { order: undefined }), field: /items\[0\]\.order/ },
    { name: 'fractional total', items: good(), budget: TOTAL_ONLY(99.9), field: /budget\.total/ },
    { name: 'negative total', items: good(), budget: TOTAL_ONLY(-1), field: /budget\.total/ },
    { name: 'negative article budget', items: good(), budget: { total: 10, perArticle: { 2: -5 } }, field: /budget\.perArticle\[2\]/ },
    { name: 'fractional article budget', items: good(), budget: { total: 10, perArticle: { 2: 0.5 } }, field: /budget\.perArticle\[2\]/ },
    {
      name: 'article budget for an article after the last',
      items: good(),
      budget: { total: 10, perArticle: { [AFTER_LAST + 1]: 5 } },
      field: /budget\.perArticle/,
    },
    { name: 'unknown method', items: good(), method: 'lottery', field: /method/ },
  ])('$name', ({ items, budget = TOTAL_ONLY(1_000), method = 'proportional', field }) => {
    const run = () => allocateBudget(items, budget, method as AllocationMethod);
    expect(run).toThrow(RangeError);
    expect(run).toThrow(field);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

interface Call {
  readonly items: readonly AllocationItem[];
  readonly budget: AllocationBudget;
}

const ARTICLES_IN_TESTS = [1, 2, 3, 4, 5] as const;

/** Small amounts make ties common; large ones push products past 2^53. */
const approvedArb = fc.oneof(
  fc.integer({ min: 0, max: 10 }),
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 0, max: 1_000_000_000_000 }),
);
const scoreArb = fc.option(fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true })), { nil: null });

const itemsArb: fc.Arbitrary<AllocationItem[]> = fc.integer({ min: 0, max: 16 }).chain((n) =>
  fc
    .tuple(
      fc.uniqueArray(fc.string({ maxLength: 3 }), { minLength: n, maxLength: n }),
      fc.uniqueArray(fc.string({ maxLength: 3 }), { minLength: n, maxLength: n }),
      fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), approvedArb, scoreArb, fc.constantFrom('A', 'B', 'C')), {
        minLength: n,
        maxLength: n,
      }),
    )
    .map(([keys, orders, fields]) =>
      fields.map(([article, approved, score, applicationId], i) => ({
        key: keys[i] ?? '',
        applicationId,
        article,
        approved,
        score,
        order: orders[i] ?? '',
      })),
    ),
);

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function approvedIn(items: readonly AllocationItem[], article: number): number {
  return sum(items.filter((i) => i.article === article).map((i) => i.approved));
}

/** A budget below, at or above what was approved, so every case (binding or not) comes up. */
function budgetAround(approved: number): fc.Arbitrary<number> {
  return fc.oneof(fc.integer({ min: 0, max: approved }), fc.integer({ min: 0, max: approved * 2 + 1 }), fc.constant(approved));
}

const callArb: fc.Arbitrary<Call> = itemsArb.chain((items) =>
  fc
    .tuple(
      budgetAround(sum(items.map((i) => i.approved))),
      fc.tuple(...ARTICLES_IN_TESTS.map((a) => fc.option(budgetAround(approvedIn(items, a)), { nil: undefined }))),
    )
    .map(([total, perArticleList]) => {
      const perArticle: Record<number, number> = {};
      ARTICLES_IN_TESTS.forEach((article, i) => {
        const value = perArticleList[i];
        if (value !== undefined) perArticle[article] = value;
      });
      return { items, budget: { total, perArticle } };
    }),
);

const totalOnlyCallArb: fc.Arbitrary<Call> = itemsArb.chain((items) =>
  budgetAround(sum(items.map((i) => i.approved))).map((total) => ({ items, budget: TOTAL_ONLY(total) })),
);

const methodArb = fc.constantFrom<AllocationMethod>('proportional', 'score');

/** What each article holds after the article step, whatever the method: min(approved, budget). */
function afterArticleStep(call: Call, article: number): number {
  const approved = approvedIn(call.items, article);
  const budget = call.budget.perArticle[article];
  return budget === undefined ? approved : Math.min(approved, budget);
}

function articlesOf(call: Call): number[] {
  return [...new Set([...call.items.map((i) => i.article), ...Object.keys(call.budget.perArticle).map(Number)])];
}

function deepFreeze(call: Call): Call {
  for (const i of call.items) Object.freeze(i);
  Object.freeze(call.items);
  Object.freeze(call.budget.perArticle);
  return Object.freeze(call);
}

const RUNS = { numRuns: 1_000 };

describe('allocateBudget invariants (both methods)', () => {
  it('never exceeds the total or an article budget, never goes outside 0..approved, stays whole', () => {
    fc.assert(
      fc.property(callArb, methodArb, (call, method) => {
        const result = allocateBudget(call.items, call.budget, method);
        expect(result.total).toBeLessThanOrEqual(call.budget.total);
        expect(result.total).toBe(sum(result.items.map((i) => i.allocated)));
        for (const i of result.items) {
          expect(Number.isSafeInteger(i.allocated)).toBe(true);
          expect(i.allocated).toBeGreaterThanOrEqual(0);
          expect(i.allocated).toBeLessThanOrEqual(i.approved);
        }
        for (const [name, articleBudget] of Object.entries(call.budget.perArticle)) {
          const inArticle = sum(result.items.filter((i) => i.article === Number(name)).map((i) => i.allocated));
          expect(inArticle).toBeLessThanOrEqual(articleBudget);
        }
      }),
      RUNS,
    );
  });

  it('uses an oversubscribed total to the yuan', () => {
    fc.assert(
      fc.property(callArb, methodArb, (call, method) => {
        const afterArticles = sum(articlesOf(call).map((a) => afterArticleStep(call, a)));
        const result = allocateBudget(call.items, call.budget, method);
        if (afterArticles > call.budget.total) expect(result.total).toBe(call.budget.total);
        else expect(result.total).toBe(afterArticles);
      }),
      RUNS,
    );
  });

  it('uses each oversubscribed article budget to the yuan when the total does not bind', () => {
    fc.assert(
      fc.property(callArb, methodArb, (call, method) => {
        const afterArticles = sum(articlesOf(call).map((a) => afterArticleStep(call, a)));
        fc.pre(afterArticles <= call.budget.total);
        const result = allocateBudget(call.items, call.budget, method);
        for (const article of articlesOf(call)) {
          expect(result.byArticle[article]?.allocated).toBe(afterArticleStep(call, article));
        }
      }),
      RUNS,
    );
  });

  it('gives every item its approved amount exactly when nothing is oversubscribed', () => {
    fc.assert(
      fc.property(callArb, methodArb, (call, method) => {
        const result = allocateBudget(call.items, call.budget, method);
        const isEveryoneInFull = result.items.every((i) => i.allocated === i.approved);
        const fitsArticles = Object.entries(call.budget.perArticle).every(([a, b]) => approvedIn(call.items, Number(a)) <= b);
        const fitsTotal = sum(call.items.map((i) => i.approved)) <= call.budget.total;
        expect(isEveryoneInFull).toBe(fitsArticles && fitsTotal);
        expect(result.oversubscribed).toBe(!isEveryoneInFull);
      }),
      RUNS,
    );
  });

  it('does not depend on the input order of the items', () => {
    const permutedArb = callArb.chain((call) =>
      fc
        .shuffledSubarray([...call.items], { minLength: call.items.length, maxLength: call.items.length })
        .map((shuffled) => ({ call, shuffled })),
    );
    fc.assert(
      fc.property(permutedArb, methodArb, ({ call, shuffled }, method) => {
        expect(allocateBudget(shuffled, call.budget, method)).toEqual(allocateBudget(call.items, call.budget, method));
      }),
      RUNS,
    );
  });

  it('gives the same output for the same input, without touching the input', () => {
    fc.assert(
      fc.property(callArb, methodArb, (call, method) => {
        const frozen = deepFreeze(structuredClone(call));
        const first = allocateBudget(frozen.items, frozen.budget, method);
        expect(allocateBudget(frozen.items, frozen.budget, method)).toEqual(first);
        expect(frozen).toEqual(call);
      }),
      RUNS,
    );
  });

  it('returns items sorted by key and a byArticle that adds up', () => {
    fc.assert(
      fc.property(callArb, methodArb, (call, method) => {
        const result = allocateBudget(call.items, call.budget, method);
        const keys = result.items.map((i) => i.key);
        expect(keys).toEqual([...call.items.map((i) => i.key)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        expect(Object.keys(result.byArticle).map(Number).sort()).toEqual(articlesOf(call).sort());
        for (const [name, row] of Object.entries(result.byArticle)) {
          const inArticle = result.items.filter((i) => i.article === Number(name));
          expect(row.approved).toBe(sum(inArticle.map((i) => i.approved)));
          expect(row.allocated).toBe(sum(inArticle.map((i) => i.allocated)));
          expect(row.budget).toBe(call.budget.perArticle[Number(name)] ?? null);
        }
      }),
      RUNS,
    );
  });
});

describe('allocateBudget, proportional: the leftover yuan follow the remainders', () => {
  it('gives each item floor or floor + 1 of its exact quota, the + 1 by remainder, approved, order', () => {
    fc.assert(
      fc.property(totalOnlyCallArb, ({ items, budget }) => {
        const result = allocateBudget(items, budget, 'proportional');
        const approvedSum = BigInt(sum(items.map((i) => i.approved)));
        if (approvedSum <= BigInt(budget.total)) return;
        const quotas = result.items.map((i) => {
          const product = BigInt(budget.total) * BigInt(i.approved);
          const floor = product / approvedSum;
          const remainder = product % approvedSum;
          const extra = BigInt(i.allocated) - floor;
          expect(extra === 0n || (extra === 1n && remainder > 0n)).toBe(true);
          return { item: i, remainder, isRoundedUp: extra === 1n };
        });
        // No item left at its floor ranks above an item that was rounded up.
        for (const up of quotas.filter((q) => q.isRoundedUp)) {
          for (const down of quotas.filter((q) => !q.isRoundedUp && q.remainder > 0n)) {
            const ranksAbove =
              down.remainder > up.remainder ||
              (down.remainder === up.remainder &&
                (down.item.approved > up.item.approved || (down.item.approved === up.item.approved && down.item.order < up.item.order)));
            expect(ranksAbove).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('allocateBudget, score: a prefix of the ranking is funded', () => {
  const rank = (a: AllocationItem, b: AllocationItem): number => {
    if (a.score !== b.score) {
      if (a.score === null) return 1;
      if (b.score === null) return -1;
      return b.score > a.score ? 1 : -1;
    }
    return a.order < b.order ? -1 : a.order > b.order ? 1 : 0;
  };

  it('funds in full down the ranking, at most one item partly, everyone after it nothing', () => {
    fc.assert(
      fc.property(totalOnlyCallArb, ({ items, budget }) => {
        const result = allocateBudget(items, budget, 'score');
        const ranked = [...result.items].sort(rank);
        let isCut = false;
        for (const i of ranked) {
          if (isCut) expect(i.allocated).toBe(0);
          else if (i.allocated < i.approved) isCut = true;
        }
      }),
      RUNS,
    );
  });
});

describe('allocateBudget: the ratios it applies and the yuan it gives by largest remainder', () => {
  /** Each item's allocated / approved as the page shows it. */
  const percents = (result: AllocationResult) => Object.fromEntries(result.items.map((i) => [i.key, percentText(i.allocated, i.approved)]));

  it('article 3 binds at 80%, then the total at 90%: article 3 items get 72%, the others 90%', () => {
    const result = allocateBudget(
      [item('a', 3, 100_000), item('b', 3, 150_000), item('c', 5, 200_000)],
      // Article 3: 250,000 approved, 200,000 budget → 80%. After it 80,000 + 120,000 + 200,000 = 400,000 for 360,000 → 90%.
      { total: 360_000, perArticle: { 3: 200_000 } },
      'proportional',
    );
    expect(allocated(result)).toEqual({ a: 72_000, b: 108_000, c: 180_000 });
    expect(percents(result)).toEqual({ a: '72.00', b: '72.00', c: '90.00' });
    expect(result.steps.map(({ cutoff: _, ...step }) => step)).toEqual([
      { scope: 'article', article: 3, budget: 200_000, scaled: 250_000, items: 2, remainderYuan: 0 },
      { scope: 'total', article: null, budget: 360_000, scaled: 400_000, items: 3, remainderYuan: 0 },
    ]);
    expect(percentText(200_000, 250_000)).toBe('80.00');
    expect(percentText(360_000, 400_000)).toBe('90.00');
    expect(result.items.map((i) => [i.key, i.scaledBy, i.remainderYuan])).toEqual([
      ['a', ['article', 'total'], 0],
      ['b', ['article', 'total'], 0],
      ['c', ['total'], 0],
    ]);
  });

  it('flags the items that received a largest-remainder yuan, and counts them per step', () => {
    // 100 over 3 × 50: 33.33 each, floors 99, the 1 yuan left to the earliest order (all else equal): a.
    const result = allocateBudget([item('a', 1, 50), item('b', 1, 50), item('c', 2, 50)], TOTAL_ONLY(100), 'proportional');
    expect(allocated(result)).toEqual({ a: 34, b: 33, c: 33 });
    expect(result.items.map((i) => i.remainderYuan)).toEqual([1, 0, 0]);
    expect(percents(result)).toEqual({ a: '68.00', b: '66.00', c: '66.00' });
    expect(result.steps).toEqual([
      {
        scope: 'total',
        article: null,
        budget: 100,
        scaled: 150,
        items: 3,
        remainderYuan: 1,
        cutoff: { remainder: 50, weight: 50, position: 0 },
      },
    ]);
  });

  it('gives one item a yuan in each step: +2 元, scaled by both', () => {
    // Article 3: x and y of 1 yuan for 1 → x (earlier). Total: x 1 and z 1 for 1 → x again.
    const result = allocateBudget([item('x', 3, 1), item('y', 3, 1), item('z', 5, 1)], { total: 1, perArticle: { 3: 1 } }, 'proportional');
    expect(allocated(result)).toEqual({ x: 1, y: 0, z: 0 });
    expect(result.items.map((i) => [i.key, i.remainderYuan, i.scaledBy])).toEqual([
      ['x', 2, ['article', 'total']],
      ['y', 0, ['article']],
      ['z', 0, ['total']],
    ]);
    expect(result.steps.map((step) => [step.scope, step.items, step.remainderYuan])).toEqual([
      ['article', 2, 1],
      ['total', 2, 1],
    ]);
  });

  it('gives no remainder yuan by score', () => {
    const result = allocateBudget([item('a', 1, 50, 90), item('b', 1, 50, 80)], TOTAL_ONLY(70), 'score');
    expect(allocated(result)).toEqual({ a: 50, b: 20 });
    expect(result.items.map((i) => i.remainderYuan)).toEqual([0, 0]);
    expect(result.steps).toEqual([{ scope: 'total', article: null, budget: 70, scaled: 100, items: 2, remainderYuan: 0, cutoff: null }]);
  });

  it('sums the remainder yuan of a step to budget − Σ floors, each to an item it scales', () => {
    fc.assert(
      fc.property(callArb, (call) => {
        const result = allocateBudget(call.items, call.budget, 'proportional');
        for (const step of result.steps) {
          const bit = step.scope;
          const received = result.items.filter((i) => i.scaledBy.includes(bit) && (bit === 'total' || i.article === step.article));
          expect(received.length).toBe(step.items);
          expect(step.remainderYuan).toBeLessThanOrEqual(step.items);
        }
        expect(sum(result.items.map((i) => i.remainderYuan))).toBe(sum(result.steps.map((step) => step.remainderYuan)));
      }),
      RUNS,
    );
  });

  it('explains any item again from the steps alone (what a committed allocation keeps)', () => {
    fc.assert(
      fc.property(callArb, (call) => {
        const result = allocateBudget(call.items, call.budget, 'proportional');
        // The cutoff's position is the item's rank by key: the stored step names its order and key.
        const steps: StoredStep[] = result.steps.map((step) => {
          const at = step.cutoff === null ? undefined : result.items[step.cutoff.position];
          return {
            scope: step.scope,
            article: step.article,
            budget: step.budget,
            scaled: step.scaled,
            cutoff:
              step.cutoff && at ? { remainder: step.cutoff.remainder, weight: step.cutoff.weight, order: at.order, key: at.key } : null,
          };
        });
        for (const i of result.items) {
          const explained = explainAllocatedItem(i, steps, 'proportional');
          expect([i.key, explained.remainderYuan, explained.scaledBy]).toEqual([i.key, i.remainderYuan, i.scaledBy]);
        }
      }),
      RUNS,
    );
  });
});
