import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLE_KEY, ARTICLE_NUMBERS, ARTICLES, articleCatalogue, isArticle } from './catalogue.js';
import { clauseOf } from './measures/common.js';
import { measures } from './policy.js';

const text = readFileSync(new URL('../policy/fengtai-ai-measures-2025.md', import.meta.url), 'utf8');

describe('the articles of the policy', () => {
  it('are those its measures name, in order, each measure in its own', () => {
    expect(ARTICLE_NUMBERS).toEqual([...new Set(measures.map((m) => m.article))].sort((a, b) => a - b));
    expect(ARTICLES.flatMap((a) => a.measures)).toEqual(measures.map((m) => m.id));
    for (const a of ARTICLES) for (const id of a.measures) expect(measures.find((m) => m.id === id)?.article).toBe(a.article);
  });

  it('carry the headings of the text, cited as the text numbers them', () => {
    for (const a of ARTICLES) {
      expect(text, `article ${a.article}`).toContain(`${a.citation.zh} ${a.title.zh}`);
      expect(a.citation).toEqual(clauseOf(a.article));
      // CHINESE.md: no half-width punctuation or spaces in the Chinese names.
      expect(`${a.title.zh}${a.shortName.zh}`).not.toMatch(/[\s,.:;()]/);
      expect(a.title.en.length).toBeGreaterThan(0);
      expect(a.shortName.en.length).toBeGreaterThan(0);
    }
    expect(ARTICLES[0]).toMatchObject({ citation: { zh: '第一条', en: 'Article 1' }, shortName: { zh: '算力供给' } });
  });

  it('are served in one language by the catalogue', () => {
    expect(articleCatalogue('zh')[0]).toEqual({
      article: 1,
      citation: '第一条',
      title: '加大人工智能算力供给',
      shortName: '算力供给',
      measures: ['1'],
    });
    expect(articleCatalogue('en').map((a) => a.citation)).toEqual(ARTICLE_NUMBERS.map((n) => `Article ${n}`));
  });

  it('are the only keys of budgets by article', () => {
    for (const n of ARTICLE_NUMBERS) {
      expect(ARTICLE_KEY.test(String(n))).toBe(true);
      expect(isArticle(n)).toBe(true);
    }
    const after = Math.max(...ARTICLE_NUMBERS) + 1;
    for (const key of ['0', '01', ` 1`, '1.0', String(after), '']) expect(ARTICLE_KEY.test(key), key).toBe(false);
    expect(isArticle(after)).toBe(false);
    expect(isArticle('1')).toBe(false);
  });
});

describe('an article number as the text writes it', () => {
  it.each([
    [1, '第一条'],
    [10, '第十条'],
    [11, '第十一条'],
    [20, '第二十条'],
    [35, '第三十五条'],
  ])('%i is %s', (n, zh) => {
    expect(clauseOf(n)).toEqual({ zh, en: `Article ${n}` });
  });
});
