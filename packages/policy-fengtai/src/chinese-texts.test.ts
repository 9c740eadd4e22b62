import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate } from './calculate.js';
import { catalogue, policyReadings } from './catalogue.js';
import { describeIssues, validateRequest } from './request/validate-request.js';
import { POLICY_NAMES, request, SUBJECT_IDS } from './test-arbitraries.js';

/*
 * The Chinese texts follow CHINESE.md: the rules a machine can see, exactly those of
 * ../shared/tools/check-chinese.mjs, over the explanations and reasons of many answers (generated
 * requests and the shared cases) and over the Chinese catalogue.
 */

const HAN = '\\u4e00-\\u9fff';
const RULES: readonly (readonly [string, RegExp])[] = [
  ['half-width punctuation next to Chinese', new RegExp(`[${HAN}][,:;()]|[,:;()][${HAN}]`)],
  ['space between Chinese and a figure or Latin letter', new RegExp(`[${HAN}] +[0-9A-Za-z]|[0-9A-Za-z%] +[${HAN}]`)],
  ['ISO date in a Chinese sentence', /(?<![\w-])20\d\d-\d\d-\d\d(?![\w-])/],
  ['定额 for an amount', /定额/],
  ['an internal measure id in a sentence', /第\s*\d+\.\d+[a-c]?\s*项|(?<![\d.])\d{1,2}\.\d[a-c](?![\w])/],
  ['a blanket "基本条件已满足" assumption', /基本条件已满足/],
  ['「」 quotation marks', /[「」]/],
];
const CHINESE = /[\u4e00-\u9fff]/;

/** The rule breaks among `texts` ("where: text"), by rule; empty when all is well. */
function breaks(texts: readonly string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [name, re] of RULES) {
    const hits = texts.filter((t) => re.test(t.slice(t.indexOf(': ') + 2)));
    if (hits.length > 0) found[name] = hits.slice(0, 5);
  }
  return found;
}

function answerTexts(input: unknown): string[] {
  const v = validateRequest(input);
  if (!v.ok) throw new Error(`not a valid request: ${describeIssues(v.issues)}`);
  const texts: string[] = [];
  for (const r of calculate(v.request, { lang: 'zh' }).results) {
    for (const t of [...(r.explanation ?? []), ...(r.reasons ?? [])]) if (CHINESE.test(t)) texts.push(`${r.measure}: ${t}`);
  }
  return texts;
}

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, '..', 'cases');
const caseRequests = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => (JSON.parse(readFileSync(join(casesDir, f), 'utf8')) as { request: unknown }).request);

describe('Chinese texts follow CHINESE.md (the rules of check-chinese.mjs)', () => {
  it('the rules catch what they are for (so that a clean run means something)', () => {
    const bad = [
      '假设:基本条件已满足(…)',
      '连续支持第 1 年,最多 2 年',
      '2025-10-30 至 2028-12-31',
      '定额 500,000 元',
      '按第 5.3b 项',
      '按5.3b支持',
      '「揭榜挂帅」',
    ];
    for (const text of bad) expect(Object.keys(breaks([`x: ${text}`])), text).not.toEqual([]);
    const good = [
      '假设：基本条件已核验（依申报信息）',
      '1,465,068元、30%、GB/T 00000-2026',
      '连续支持第1年，最多2年',
      '2025年10月30日至2028年12月31日',
      '最高500,000元，以评审认定为准',
      '第五条第（3）项（首次认定国家级高新技术企业或北京市专精特新中小企业）',
      '“揭榜挂帅”',
    ];
    expect(breaks(good.map((t) => `x: ${t}`))).toEqual({});
  });

  it('the ids and policy names the generated requests put inside Chinese texts cannot break a rule themselves', () => {
    // So that a break found below is one of the texts, and a clean run hides none behind an id.
    const inSentences = [
      ...SUBJECT_IDS.flatMap((id) => [id, `汉“${id}”汉`, `本政策对“${id}”合计1元`]),
      ...POLICY_NAMES.flatMap((name) => [name, `区内其他政策已给予支持（${name}1元）`]),
    ];
    expect(breaks(inSentences.map((t) => `id: ${t}`))).toEqual({});
  });

  it('in the explanations and reasons of the shared cases', () => {
    const texts = caseRequests.flatMap(answerTexts);
    expect(texts.length).toBeGreaterThan(200);
    expect(breaks(texts)).toEqual({});
  });

  it('in the explanations and reasons of a few thousand generated answers', () => {
    const texts = new Set<string>();
    fc.assert(
      fc.property(request, (r) => {
        for (const t of answerTexts(r)) texts.add(t);
      }),
      { numRuns: 3000 },
    );
    // Distinct texts, many: every kind of step reached (see the path coverage in properties.test.ts).
    expect(texts.size).toBeGreaterThan(5000);
    expect(breaks([...texts])).toEqual({});
  });

  it('in the Chinese catalogue: names, citations, summaries, rules, caps, scopes, assumptions, parameter labels and values', () => {
    const texts: string[] = [];
    for (const year of [2025, 2026, 2027, 2028, 2029]) {
      for (const m of catalogue(year, 'zh')) {
        const at = `${m.id} ${year}`;
        for (const [field, t] of [
          ['name', m.name],
          ['citation', m.citation],
          ['summary', m.summary],
          ['rule', m.rule],
          ['caps', m.caps],
          ['scope', m.scope],
          ...m.assumptions.map((a) => ['assumption', a]),
          ...m.parameters.flatMap((p) => [
            [`parameter ${p.id} label`, p.label],
            [`parameter ${p.id} value`, p.value],
          ]),
        ] as const) {
          expect(typeof t, `${at} ${field}`).toBe('string');
          if (t !== '' && t !== '—') texts.push(`${at} ${field}: ${t}`);
        }
        expect(m.citation, at).toMatch(/^第[一二三四五六七八九十]+条(第（\d）项)?$/);
        expect(m.rule, at).not.toBe('');
      }
      for (const p of policyReadings(year, 'zh')) {
        texts.push(`${p.id} ${year} label: ${p.label}`, `${p.id} ${year} assumed: ${p.assumed}`);
      }
    }
    expect(breaks(texts)).toEqual({});
  });
});
