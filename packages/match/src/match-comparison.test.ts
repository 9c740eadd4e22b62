import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Answer,
  ARTICLE_NUMBERS,
  calculate,
  EditionError,
  type FengtaiRequest,
  MEASURE_IDS,
  makeEdition,
  measures,
  SHIPPED_EDITION,
  validateRequest,
} from '@ftai/policy-fengtai';
import { afterAll, describe, expect, it } from 'vitest';
import { generateRequests } from '../../../bench/generate-requests.mjs';
// The HTTP contract the comparison is shaped for (the package does not depend on @ftai/api).
import { simulationResultSchema } from '../../api/src/simulations.js';
import type { MatchComparison } from './comparison-totals.js';
import { COMPARISON_BUCKETS, LARGEST_CHANGES } from './edition-comparer.js';
import type { EditionSpec } from './edition-spec.js';
import { matchFile } from './match-file.js';
import { formatCsvRecord } from './parse-csv.js';
import { registryHeader, requestToCells } from './registry-header.js';

/**
 * 政策模拟 through matchFile: every row under two parameter versions, worker threads and all (they
 * run the build: `npx tsc -b` first). The expected figures are summed here from calculate() on
 * the same requests, row by row, under each edition.
 */
const dir = mkdtempSync(join(tmpdir(), 'ftai-compare-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => join(dir, name);
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').slice(0, -1);
const csvOf = (rows: readonly (readonly unknown[])[]) =>
  `${rows.map((r) => formatCsvRecord(r as (string | number | boolean | null)[])).join('\r\n')}\r\n`;

const A: EditionSpec = { number: 1, changes: [] };
/** A draft: 4.3's tiers (two, from 1,000,000 and 5,000,000) and 第一条's rate at 25%. */
const B: EditionSpec = {
  number: 2,
  changes: [
    {
      parameter: '4.3.tiers',
      value: [
        { min: 1000000, amount: 150000, label: { zh: '100万元（含）至500万元', en: '1,000,000 (incl.) to 5,000,000' } },
        { min: 5000000, amount: 450000, label: { zh: '500万元（含）以上', en: '5,000,000 or more' } },
      ],
    },
    { parameter: '1.rate', value: '25%' },
  ],
};
const editionB = makeEdition(B.number, B.changes);

const ENTERPRISE = {
  creditCode: '91110106MA0000K01C',
  name: '北京测试智能科技有限公司',
  registeredInFengtai: true,
  taxResidentInFengtai: true,
  seriousDishonesty: false,
};
const withFacts = (facts: Record<string, unknown>, enterprise: Record<string, unknown> = {}) => ({
  year: 2026,
  enterprise: { ...ENTERPRISE, ...enterprise },
  facts,
});
/** 第一条 is for enterprises of the AI partner programme (人工智能伙伴计划). */
const PARTNER = { aiPartnerProgram: true };

const valid = (request: unknown): FengtaiRequest => {
  const v = validateRequest(request);
  if (!v.ok) throw new Error('sample requests validate');
  return v.request;
};

/** The comparison summed here, row by row, from calculate() under each edition (rows: their numbers). */
function expected(
  requests: readonly unknown[],
  rowOf: (k: number) => number,
  bad: number,
): Omit<MatchComparison, 'largest'> & {
  largest: { row: number; a: number; b: number; difference: number }[];
} {
  const measureSums = MEASURE_IDS.map(() => ({ a: { amount: 0, enterprises: 0 }, b: { amount: 0, enterprises: 0 } }));
  const articleSums = ARTICLE_NUMBERS.map(() => ({ a: { amount: 0, enterprises: 0 }, b: { amount: 0, enterprises: 0 } }));
  const enterprises = { gain: 0, lose: 0, unchanged: 0, grantedA: 0, grantedB: 0 };
  const distribution = { a: COMPARISON_BUCKETS.map(() => 0), b: COMPARISON_BUCKETS.map(() => 0) };
  const total = { a: 0, b: 0 };
  const changes: { row: number; a: number; b: number; difference: number }[] = [];
  const addSide = (answer: Answer, side: 'a' | 'b') => {
    total[side] += answer.total;
    const granted = answer.results.filter((r) => r.status === 'granted');
    MEASURE_IDS.forEach((id, i) => {
      const mine = granted.filter((r) => r.measure === id);
      const sums = measureSums[i] as (typeof measureSums)[number];
      sums[side].amount += mine.reduce((s, r) => s + r.amount, 0);
      if (mine.length > 0) sums[side].enterprises++;
    });
    ARTICLE_NUMBERS.forEach((article, i) => {
      const mine = granted.filter((r) => measures.find((m) => m.id === r.measure)?.article === article);
      const sums = articleSums[i] as (typeof articleSums)[number];
      sums[side].amount += mine.reduce((s, r) => s + r.amount, 0);
      if (mine.length > 0) sums[side].enterprises++;
    });
    if (answer.total > 0) {
      enterprises[side === 'a' ? 'grantedA' : 'grantedB']++;
      const bucket = COMPARISON_BUCKETS.filter((from) => answer.total >= from).length - 1;
      distribution[side][bucket] = (distribution[side][bucket] as number) + 1;
    }
  };
  requests.forEach((request, k) => {
    const a = calculate(valid(request), { explain: false });
    const b = calculate(valid(request), { explain: false, edition: editionB });
    addSide(a, 'a');
    addSide(b, 'b');
    if (b.total > a.total) enterprises.gain++;
    else if (b.total < a.total) enterprises.lose++;
    else enterprises.unchanged++;
    if (b.total !== a.total) changes.push({ row: rowOf(k), a: a.total, b: b.total, difference: b.total - a.total });
  });
  changes.sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference) || x.row - y.row);
  return {
    rows: requests.length + bad,
    bad,
    total: { ...total, difference: total.b - total.a },
    enterprises,
    measures: measures.map((m, i) => {
      const s = measureSums[i] as (typeof measureSums)[number];
      return { measure: m.id, article: m.article, citation: m.citation.zh, ...s, difference: s.b.amount - s.a.amount };
    }),
    articles: ARTICLE_NUMBERS.map((article, i) => {
      const s = articleSums[i] as (typeof articleSums)[number];
      return { article, ...s, difference: s.b.amount - s.a.amount, budget: null, coveredA: null, coveredB: null };
    }),
    largest: changes.slice(0, LARGEST_CHANGES),
    distribution: { from: [...COMPARISON_BUCKETS], ...distribution },
    budget: null,
  };
}

/** The comparison without the largest changes' items, to hold against `expected`. */
const figures = (c: MatchComparison) => ({
  ...c,
  largest: c.largest.map(({ row, a, b, difference }) => ({ row, a, b, difference })),
});

/** Every largest change carries both answers' explanations, as calculate() gives them with explanations in Chinese. */
function expectExplained(c: MatchComparison, requestOfRow: (row: number) => unknown): void {
  for (const change of c.largest) {
    const request = valid(requestOfRow(change.row));
    const a = calculate(request, { lang: 'zh', explain: true });
    const b = calculate(request, { lang: 'zh', explain: true, edition: editionB });
    expect([change.creditCode, change.year, change.a, change.b]).toEqual([a.creditCode, a.year, a.total, b.total]);
    expect(change.items.length).toBeGreaterThan(0);
    for (const item of change.items) {
      const find = (answer: Answer) => answer.results.find((r) => r.measure === item.measure && r.subject === item.subject);
      for (const [side, answer] of [
        [item.a, a],
        [item.b, b],
      ] as const) {
        const r = find(answer);
        expect(side).toEqual(r ? { status: r.status, amount: r.amount, lines: [...(r.explanation ?? []), ...(r.reasons ?? [])] } : null);
      }
    }
    // Every granted result of either answer is an item; the items' amounts add up to the totals.
    const grantedSum = (side: 'a' | 'b') =>
      change.items.reduce((s, i) => s + (i[side]?.status === 'granted' ? (i[side]?.amount ?? 0) : 0), 0);
    expect([grantedSum('a'), grantedSum('b')]).toEqual([a.total, b.total]);
  }
}

describe('matchFile: comparison of two parameter versions (政策模拟)', () => {
  it('counts by hand: who gains, who loses, who stays, the distribution, the largest changes in order, bad lines', async () => {
    const input = [
      withFacts({ computeSpend: 400000 }, PARTNER), // 第一条 20% → 25%: 80,000 → 100,000 (+20,000)
      withFacts({ rdSpend: 25000000, previousRdSpend: 0 }), // 4.3 top tier: 500,000 → 450,000 (−50,000)
      withFacts({ rdSpend: 4000000, previousRdSpend: 0 }), // 4.3: 200,000 → 150,000 (−50,000)
      withFacts({ rdSpend: 1500000, previousRdSpend: 0 }), // 4.3: 100,000 → 150,000 (+50,000)
      withFacts({}), // nothing under either
      withFacts({ dataAssetRegistrationFees: 60000 }), // 18,000 under both
    ].map((r) => JSON.stringify(r));
    input.push('not json', '{"year": 2026, "enterprise": {}, "facts": {"computeSpend": -1}}', '');
    writeFileSync(file('hand.jsonl'), `${input.join('\n')}\n`);
    const summary = await matchFile({ input: file('hand.jsonl'), outputs: { errors: file('hand.errors.jsonl') }, compare: { a: A, b: B } });
    const c = summary.comparison as MatchComparison;
    expect(c.rows).toBe(8);
    expect(c.bad).toBe(2);
    expect(c.enterprises).toEqual({ gain: 2, lose: 2, unchanged: 2, grantedA: 5, grantedB: 5 });
    expect(c.total).toEqual({ a: 898000, b: 868000, difference: -30000 });
    // A: 80,000 and 18,000 | 100,000 | 200,000 | 500,000; B: 18,000 | 100,000, 150,000, 150,000 | 450,000.
    expect(c.distribution).toEqual({
      from: [1, 100000, 200000, 500000, 1000000, 2000000, 5000000, 10000000],
      a: [2, 1, 1, 1, 0, 0, 0, 0],
      b: [1, 3, 1, 0, 0, 0, 0, 0],
    });
    // Three changes of 50,000 in line order, then the 20,000.
    expect(c.largest.map((l) => [l.row, l.a, l.b, l.difference])).toEqual([
      [2, 500000, 450000, -50000],
      [3, 200000, 150000, -50000],
      [4, 100000, 150000, 50000],
      [1, 80000, 100000, 20000],
    ]);
    const top = c.largest[0] as MatchComparison['largest'][number];
    expect(top.name).toBe(ENTERPRISE.name);
    expect(top.items.map((i) => [i.measure, i.a?.amount, i.b?.amount])).toEqual([['4.3', 500000, 450000]]);
    expect(top.items[0]?.a?.lines.join('\n')).toContain('达到“2000万元（含）以上”档，支持500,000元');
    expect(top.items[0]?.b?.lines.join('\n')).toContain('达到“500万元（含）以上”档，支持450,000元');
    expect(c.measures.find((m) => m.measure === '1')).toMatchObject({
      citation: '第一条',
      a: { amount: 80000, enterprises: 1 },
      b: { amount: 100000, enterprises: 1 },
      difference: 20000,
    });
    expect(c.articles.find((a) => a.article === 4)).toMatchObject({
      a: { amount: 800000, enterprises: 3 },
      b: { amount: 750000, enterprises: 3 },
    });
    expect(lines(file('hand.errors.jsonl')).map((l) => [JSON.parse(l).code, JSON.parse(l).line])).toEqual([
      ['FTAI_ERR_NOT_JSON', 7],
      ['FTAI_ERR_VALIDATION', 8],
    ]);
    // The usual figures are version B's.
    expect([summary.rowsDone, summary.rowsBad, summary.grantedRows, summary.grantedTotal]).toEqual([8, 2, 5, 868000]);
    expect(simulationResultSchema.parse(c)).toEqual(c);
  });

  const requests = generateRequests(700, 20261204);

  it('sums JSON Lines as calculate() under each edition does, per measure, article and in total; the same on the calling thread and on 2 workers', async () => {
    const input = requests.map((r) => JSON.stringify(r));
    input.splice(100, 0, '{"year": 2026}');
    input.splice(400, 0, '[1, 2');
    writeFileSync(file('requests.jsonl'), `${input.join('\n')}\n`);
    // Line numbers of the requests, the two bad lines between them.
    const rowOf = (k: number) => k + 1 + (k >= 100 ? 1 : 0) + (k >= 399 ? 1 : 0);
    const requestOfRow = (row: number) => JSON.parse(input[row - 1] as string);
    const here = await matchFile({
      input: file('requests.jsonl'),
      outputs: { errors: file('errors.jsonl') },
      compare: { a: A, b: B },
      workers: 0,
      batchRows: 37,
    });
    const pooled = await matchFile({ input: file('requests.jsonl'), outputs: {}, compare: { a: A, b: B }, workers: 2, batchRows: 37 });
    const c = here.comparison as MatchComparison;
    expect(figures(c)).toEqual(expected(requests, rowOf, 2));
    expect(c.total.difference).not.toBe(0);
    expect(c.enterprises.gain).toBeGreaterThan(0);
    expect(c.enterprises.lose).toBeGreaterThan(0);
    expect(c.largest).toHaveLength(LARGEST_CHANGES);
    expectExplained(c, requestOfRow);
    expect(pooled.workers).toBe(2);
    expect(pooled.comparison).toEqual(c);
    expect(lines(file('errors.jsonl')).map((l) => JSON.parse(l).line)).toEqual([101, 401]);
    expect(simulationResultSchema.parse(c)).toEqual(c);
  });

  it('sums a CSV registry alike, bad rows counted and written with their row numbers', async () => {
    const header = registryHeader({ lang: 'zh', items: 3, json: ['history', 'otherPolicyAwards'] });
    const rows = requests.slice(0, 400).map((r) => requestToCells(r, header));
    const bad = [...(rows[0] as unknown[])];
    bad[header.indexOf('年度')] = 'next year';
    rows.splice(50, 0, bad as (typeof rows)[number]);
    writeFileSync(file('registry.csv'), csvOf([header, ...rows]));
    // Sheet rows: the header is row 1, the bad row 52.
    const rowOf = (k: number) => k + 2 + (k >= 50 ? 1 : 0);
    const requestOfRow = (row: number) => requests[row - 2 - (row > 52 ? 1 : 0)];
    const options = {
      input: file('registry.csv'),
      outputs: { errors: file('registry.errors.jsonl') },
      compare: { a: A, b: B },
      batchRows: 29,
    };
    const here = await matchFile({ ...options, workers: 0 });
    const pooled = await matchFile({ ...options, workers: 2 });
    const c = here.comparison as MatchComparison;
    expect(figures(c)).toEqual(expected(requests.slice(0, 400), rowOf, 1));
    expectExplained(c, requestOfRow);
    expect(pooled.comparison).toEqual(c);
    expect(lines(file('registry.errors.jsonl')).map((l) => JSON.parse(l).row)).toEqual([52]);
  });

  it('refuses a version whose changes are not valid, both edition and compare, and outputs a comparison does not write', async () => {
    writeFileSync(file('one.jsonl'), `${JSON.stringify(withFacts({ computeSpend: 400000 }))}\n`);
    const input = file('one.jsonl');
    const wrong: EditionSpec = { number: 3, changes: [{ parameter: '1.rate', value: 'a lot' }] };
    await expect(matchFile({ input, outputs: {}, compare: { a: A, b: wrong } })).rejects.toBeInstanceOf(EditionError);
    await expect(matchFile({ input, outputs: {}, edition: wrong })).rejects.toBeInstanceOf(EditionError);
    await expect(matchFile({ input, outputs: {}, edition: B, compare: { a: A, b: B } })).rejects.toThrow(/edition or compare/);
    await expect(matchFile({ input, outputs: { jsonl: file('x.jsonl') }, compare: { a: A, b: B } })).rejects.toThrow(/errors output only/);
  });
});

describe('matchFile: answers under a parameter version', () => {
  it('answers every row under the edition, citing its version string and its figures, on the calling thread and on workers', async () => {
    const input = [withFacts({ computeSpend: 400000, rdSpend: 4000000, previousRdSpend: 0 }, PARTNER), ...generateRequests(60, 7)];
    writeFileSync(file('edition.jsonl'), `${input.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const want = input.map((r) => JSON.stringify(calculate(valid(r), { edition: editionB })));
    for (const workers of [0, 2]) {
      const out = file(`edition-${workers}.jsonl`);
      const summary = await matchFile({ input: file('edition.jsonl'), outputs: { jsonl: out }, edition: B, workers, batchRows: 9 });
      expect(lines(out)).toEqual(want);
      const first = JSON.parse(lines(out)[0] as string) as Answer;
      expect(first.policy.version).toBe('2025.10.30-2+p2');
      expect(first.results.find((r) => r.measure === '1')?.amount).toBe(100000);
      const tier = first.results.find((r) => r.measure === '4.3');
      expect(tier?.amount).toBe(150000);
      expect(tier?.explanation?.join('\n')).toContain('达到“100万元（含）至500万元”档，支持150,000元');
      expect(summary.comparison).toBeUndefined();
    }
    // Version 1 by default, as before.
    const out = file('edition-default.jsonl');
    await matchFile({ input: file('edition.jsonl'), outputs: { jsonl: out }, workers: 0 });
    expect(JSON.parse(lines(out)[0] as string).policy.version).toBe(SHIPPED_EDITION.version);
  });
});
