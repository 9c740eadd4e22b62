import { readFileSync } from 'node:fs';
import { ARTICLES } from '@ftai/policy-fengtai';
import { describe, expect, it } from 'vitest';
import { articleNumber, chineseDates, fullWidthPunctuation, type PolicyBlock, policyBlocks } from './policy-document';

const markdown = readFileSync(
  new URL('../../../../../packages/policy-fengtai/policy/fengtai-ai-measures-2025.md', import.meta.url),
  'utf8',
);
const titles = new Map(ARTICLES.map((a) => [a.article, a.title.zh]));
const blocks = policyBlocks(markdown, titles);
const of = <K extends PolicyBlock['kind']>(kind: K) => blocks.filter((b): b is Extract<PolicyBlock, { kind: K }> => b.kind === kind);

describe('the policy text as published (policyBlocks over the package’s file)', () => {
  it('gives every article its heading from the catalogue, on a line of its own', () => {
    const articles = of('article');
    expect(articles.map((a) => a.citation)).toEqual([
      '第一条',
      '第二条',
      '第三条',
      '第四条',
      '第五条',
      '第六条',
      '第七条',
      '第八条',
      '第九条',
      '第十条',
    ]);
    expect(articles.map((a) => a.title)).toEqual(ARTICLES.map((a) => a.title.zh));
    expect(articles[0]).toEqual({
      kind: 'article',
      citation: '第一条',
      title: '加大人工智能算力供给',
      lead: '支持人工智能伙伴计划企业使用智能算力开展大模型研发和训练，按照购买或租用算力实际投入的20%给予最高200万元支持，连续支持不超过2年；工业智能企业支持比例、资金和时间上限提高至30%、300万元、3年。',
    });
  });

  it('puts each numbered item on its own line, after its article, numbered full-width', () => {
    const second = blocks.findIndex((b) => b.kind === 'article' && b.citation === '第二条');
    expect(blocks[second]).toMatchObject({ title: '支持人工智能大模型研发', lead: '' });
    expect(blocks[second + 1]).toEqual({
      kind: 'item',
      marker: '（1）',
      text: '支持大模型合规备案对通过国家生成式人工智能备案的大模型，一次性给予研发企业最高50万元支持；工业大模型最高支持60万元。',
    });
    expect(blocks[second + 2]).toMatchObject({ kind: 'item', marker: '（2）' });
    expect(blocks[second + 3]).toMatchObject({ kind: 'article', citation: '第三条' });
    // 第五条 and 第九条 run their heading straight into （1）.
    const fifth = blocks.findIndex((b) => b.kind === 'article' && b.citation === '第五条');
    expect(blocks[fifth]).toMatchObject({ title: '构建企业梯次培育体系', lead: '' });
    expect(blocks.slice(fifth + 1, fifth + 5).map((b) => (b.kind === 'item' ? b.marker : b.kind))).toEqual([
      '（1）',
      '（2）',
      '（3）',
      '（4）',
    ]);
    expect(of('item')).toHaveLength(2 + 4 + 4 + 4 + 4 + 2 + 4 + 3 + 4);
  });

  it('sets the text’s punctuation full-width and leaves no ASCII comma, semicolon or bracket in it', () => {
    const texts = blocks.flatMap((b) =>
      b.kind === 'paragraph' || b.kind === 'item'
        ? [b.text]
        : b.kind === 'article'
          ? [b.title, b.lead]
          : b.kind === 'issuance'
            ? [b.quote]
            : [],
    );
    expect(texts.join('')).not.toMatch(/[,;()]/);
    expect(of('paragraph')[0]?.text).toMatch(/^为深入实施“人工智能\+”行动，推动/);
    expect(of('paragraph').at(-1)?.text).toMatch(/有效期至2028年12月31日，期间已立项项目至约定任务期止。$/);
  });

  it('reads the particulars in Chinese, with their English glosses apart, and the issuing notice', () => {
    expect(of('title')).toEqual([{ kind: 'title', text: '丰台区支持人工智能科技创新和产业创新融合发展的若干措施' }]);
    expect(of('particular')).toContainEqual({
      kind: 'particular',
      label: '成文日期、发布日期、实施日期',
      gloss: 'drafted / published / in force',
      value: '2025年10月30日',
    });
    expect(of('particular')[0]).toEqual({
      kind: 'particular',
      label: '发文机构',
      gloss: 'issuer',
      value: '北京市丰台区科学技术和信息化局',
    });
    const [issuance] = of('issuance');
    expect(issuance?.title).toBe('北京市丰台区科学技术和信息化局关于印发《丰台区支持人工智能科技创新和产业创新融合发展的若干措施》的通知');
    expect(issuance?.quote).toMatch(/^为加快发展新质生产力，塑造/);
    expect(issuance?.date).toBe('2025年10月30日');
    expect(of('source')).toHaveLength(1);
    expect(of('body')).toHaveLength(1);
  });
});

describe('the helpers', () => {
  it('keeps digit groups and times, sets the rest full-width', () => {
    expect(fullWidthPunctuation('共5,000元,于10:30(上午)')).toBe('共5,000元，于10:30（上午）');
  });
  it('writes dates in Chinese', () => {
    expect(chineseDates('2028-12-31')).toBe('2028年12月31日');
  });
  it('numbers the articles', () => {
    expect(['第一条', '第九条', '第十条', '第十二条'].map(articleNumber)).toEqual([1, 9, 10, 12]);
  });
});
