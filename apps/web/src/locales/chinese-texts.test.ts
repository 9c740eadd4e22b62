import { describe, expect, it } from 'vitest';
import { calculator } from './calculator';
import { common } from './common';
import { modelling } from './modelling';
import { officer } from './officer';
import { policy } from './policy';
import { portal } from './portal';
import { review } from './review';

const HAN = '\\u4e00-\\u9fff';
/**
 * The rules of CHINESE.md a machine can see (those of ../shared/tools/check-chinese.mjs); a
 * placeholder ({{n}}) stands for a figure.
 */
const RULES: readonly [string, RegExp][] = [
  ['half-width punctuation next to Chinese', new RegExp(`[${HAN}][,:;()?]|[,:;()?][${HAN}]`)],
  ['space between Chinese and a figure or Latin letter', new RegExp(`[${HAN}] +[0-9A-Za-z{]|[0-9A-Za-z%}] +[${HAN}]`)],
  ['ISO date in a Chinese sentence', /(?<![\w-])20\d\d-\d\d-\d\d(?![\w-])/],
  ['定额 for an amount', /定额/],
  ['「」 quotation marks', /[「」]/],
  ['the text’s own terms (主营业务收入, not 营收)', /营收/],
];

function leaves(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return [[path, o]];
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [];
}

describe('the Chinese of every page: calculator, portal, review and officer consoles, policy pages, report', () => {
  it.each([
    ['calculator', calculator.zh],
    ['common', common.zh],
    ['policy', policy.zh],
    ['portal', portal.zh],
    ['review', review.zh],
    ['officer', officer.zh],
    ['modelling', modelling.zh],
  ] as const)('%s follows CHINESE.md', (_name, texts) => {
    const broken = leaves(texts).flatMap(([key, text]) =>
      RULES.filter(([, re]) => re.test(text)).map(([rule]) => `${key}: ${rule}: ${text}`),
    );
    expect(broken).toEqual([]);
  });

  it('names the statuses with CHINESE.md’s words, in both languages', () => {
    expect(common.zh.resultStatus).toEqual({
      granted: '予以支持',
      ineligible: '不符合条件',
      excluded: '不予支持',
      incomplete: '待补充信息',
      pending: '待定',
      'in-kind': '实物支持',
      service: '服务事项',
      'not-applicable': '不适用',
    });
    expect(Object.values(common.en.resultStatus).map((s) => s.toLowerCase())).toEqual([
      'granted',
      'not eligible',
      'excluded',
      'needs facts',
      'pending',
      'in kind',
      'service',
      'not applicable',
    ]);
  });

  it.each([
    ['calculator', calculator],
    ['common', common],
    ['policy', policy],
    ['modelling', modelling],
  ] as const)('%s has the same keys and placeholders in Chinese and English', (_name, texts) => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const zh = new Map(leaves(texts.zh));
    const en = new Map(leaves(texts.en));
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, text] of zh) expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(text));
  });
});
