import type { MeasureInfo } from '@ftai/api';
import { describe, expect, it } from 'vitest';
import { asMaximum, byArticle, highlightParts, matchesMeasure, searchTerms, splitVariants } from './search';

const measure = (over: Partial<MeasureInfo>): MeasureInfo => ({
  id: '1',
  article: 1,
  citation: '第一条',
  citationZh: '第一条',
  citationEn: 'Article 1',
  name: '智能算力支持',
  clause: '加大人工智能算力供给支持人工智能伙伴计划企业使用智能算力开展大模型研发和训练',
  summary: '伙伴计划企业算力投入的20%',
  summaryZh: '伙伴计划企业算力投入的20%',
  summaryEn: '20% of compute spend',
  rule: '基数×20%；工业：30%',
  caps: '2,000,000元；工业：3,000,000元',
  scope: '连续支持',
  review: false,
  perSubject: false,
  alternativeGroup: null,
  assumptions: [],
  parameters: [],
  enterpriseLevel: true,
  milestoneTiers: null,
  ...over,
});

describe('policy search', () => {
  it('splits the query into terms', () => {
    expect(searchTerms('  算力   6.2 ')).toEqual(['算力', '6.2']);
    expect(searchTerms('')).toEqual([]);
  });
  it('matches every term in id, clause, summary or rule, ignoring case', () => {
    const m = measure({});
    expect(matchesMeasure(m, [])).toBe(true);
    expect(matchesMeasure(m, ['算力'])).toBe(true);
    expect(matchesMeasure(m, ['COMPUTE'])).toBe(true);
    expect(matchesMeasure(m, ['算力', '伙伴'])).toBe(true);
    expect(matchesMeasure(m, ['算力', '孵化器'])).toBe(false);
    expect(matchesMeasure(measure({ id: '6.2a' }), ['6.2'])).toBe(true);
    // The name and the citation as the text numbers it.
    expect(matchesMeasure(measure({}), ['智能算力支持'])).toBe(true);
    expect(matchesMeasure(measure({ citation: '第五条第（3）项' }), ['第五条第（3）项'])).toBe(true);
  });
  it('marks the matches in a text', () => {
    expect(highlightParts('算力供给和算力投入', ['算力'])).toEqual([
      { text: '算力', hit: true },
      { text: '供给和', hit: false },
      { text: '算力', hit: true },
      { text: '投入', hit: false },
    ]);
    expect(highlightParts('20% of Compute', ['compute'])).toEqual([
      { text: '20% of ', hit: false },
      { text: 'Compute', hit: true },
    ]);
    expect(highlightParts('a (b) c', ['(b)'])).toEqual([
      { text: 'a ', hit: false },
      { text: '(b)', hit: true },
      { text: ' c', hit: false },
    ]);
    expect(highlightParts('text', [])).toEqual([{ text: 'text', hit: false }]);
    expect(highlightParts('', ['x'])).toEqual([]);
  });
  it('shows industrial variants apart', () => {
    expect(splitVariants('2,000,000元；工业：3,000,000元')).toEqual([{ text: '2,000,000元' }, { variant: '工业', text: '3,000,000元' }]);
    expect(splitVariants('基数×20%；工业：30%')).toEqual([{ text: '基数×20%' }, { variant: '工业', text: '30%' }]);
    expect(splitVariants('500,000; industrial: 600,000')).toEqual([{ text: '500,000' }, { variant: 'industrial', text: '600,000' }]);
    expect(splitVariants('')).toEqual([]);
  });
  it('shows caps as maxima: 最高, never a fixed amount', () => {
    expect(asMaximum('500,000元', 'zh')).toBe('最高500,000元');
    expect(asMaximum('国家级：1,000,000元', 'zh')).toBe('国家级：最高1,000,000元');
    expect(asMaximum('每年最高500,000元', 'zh')).toBe('每年最高500,000元');
    expect(asMaximum('2,000,000', 'en')).toBe('up to 2,000,000');
    expect(asMaximum('national: 1,000,000', 'en')).toBe('national: up to 1,000,000');
    expect(asMaximum('500,000 a year', 'en')).toBe('up to 500,000 a year');
  });
  it('groups measures by article in order', () => {
    const g = byArticle([measure({ id: '1' }), measure({ id: '2.1', article: 2 }), measure({ id: '2.2', article: 2 })]);
    expect([...g.keys()]).toEqual([1, 2]);
    expect(g.get(2)?.map((m) => m.id)).toEqual(['2.1', '2.2']);
  });
});
