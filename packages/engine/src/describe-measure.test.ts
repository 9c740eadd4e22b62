import { describe, expect, it } from 'vitest';
import { describeMeasure } from './describe-measure.js';
import type { Localized } from './localized.js';
import type { EngineRequest, Measure } from './measure.js';
import { type ParameterDefinition, ParameterSet } from './parameter.js';

const L = (zh: string, en: string): Localized => ({ zh, en });
const FROM = '2025-10-30';

const p = (id: string, unit: ParameterDefinition['unit'], value: unknown, assumed?: Localized): ParameterDefinition => ({
  id,
  unit,
  label: L(`参数 ${id}`, `parameter ${id}`),
  reference: '第一条',
  values: [{ from: FROM, value }],
  ...(assumed ? { assumed } : {}),
});

const parameters = new ParameterSet([
  p('p.rate', 'rate', '20%'),
  p('p.rate.industrial', 'rate', '30%'),
  p('p.cap', 'yuan', 2_000_000),
  p('p.cap.industrial', 'yuan', 3_000_000),
  p('p.years', 'years', 2),
  p('p.years.industrial', 'years', 3, L('工业三年为假设', 'three industrial years, assumed')),
  p('f.amount', 'yuan', 500_000),
  p('f.amount.industrial', 'yuan', 600_000),
  p(
    't.tiers',
    'tiers',
    [
      { flag: 'above-size', amount: 100_000, label: L('首次达规', 'above size') },
      { min: 50_000_000, amount: 200_000, label: L('5000万元', '50M') },
      { min: 100_000_000, amount: 300_000, label: L('1亿元', '100M') },
    ],
    L('档位为假设', 'the tiers are assumed'),
  ),
  p('t.bonus', 'yuan', 100_000),
  {
    id: 'u.unit',
    unit: 'yuan',
    label: L('每家金额', 'amount each'),
    reference: '第八条',
    values: [
      { from: FROM, value: 50_000 },
      { from: '2027-07-01', value: 60_000 },
    ],
  },
  p('u.cap', 'yuan', 500_000),
  p('z.cap', 'yuan', 2_000_000),
  p('z.cap.industrial', 'yuan', 3_000_000),
  p('ab.rate', 'rate', '2.5%'),
  p('ab.cap', 'yuan', 1_000_000),
]);

type M = Measure<EngineRequest>;
const base = (
  id: string,
  article: number,
): Pick<M, 'id' | 'article' | 'citation' | 'clause' | 'summary' | 'review' | 'perSubject' | 'candidates'> => ({
  id,
  article,
  citation: L(`第${article}条`, `Article ${article}`),
  clause: `原文 ${id}`,
  summary: L(`摘要 ${id}`, `summary ${id}`),
  review: false,
  perSubject: false,
  candidates: () => [],
});

const percent: M = {
  ...base('P', 1),
  scope: { kind: 'consecutive', per: 'enterprise', years: { default: 'p.years', industrial: 'p.years.industrial' } },
  rule: {
    kind: 'percent',
    rate: { default: 'p.rate', industrial: 'p.rate.industrial' },
    cap: { default: 'p.cap', industrial: 'p.cap.industrial' },
  },
};
const fixed: M = {
  ...base('F', 2),
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'fixed', amount: { default: 'f.amount', industrial: 'f.amount.industrial' } },
};
const tiers: M = {
  ...base('T', 5),
  scope: { kind: 'per-year' },
  rule: { kind: 'tiers', tiers: 't.tiers', bonus: { industrial: 't.bonus' }, firstReached: true },
};
const plainTiers: M = { ...base('T2', 5), scope: { kind: 'per-year' }, rule: { kind: 'tiers', tiers: 't.tiers' } };
const perUnit: M = { ...base('U', 8), scope: { kind: 'per-year' }, rule: { kind: 'per-unit', unit: 'u.unit', cap: 'u.cap' } };
const prize: M = {
  ...base('Z', 6),
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'prize', cap: { default: 'z.cap', industrial: 'z.cap.industrial' } },
};
const alternative: M = {
  ...base('A', 6),
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject', shared: ['A', 'B'] },
  alternativeGroup: 'AB',
  rule: { kind: 'percent', rate: 'ab.rate', cap: 'ab.cap' },
};
const pending: M = {
  ...base('PEND', 4),
  scope: { kind: 'per-year' },
  rule: { kind: 'pending', note: L('配套比例未定', 'matching not yet set') },
};
const service: M = { ...base('SVC', 9), scope: { kind: 'none' }, rule: { kind: 'service', note: L('融资服务', 'financing services') } };

describe('describeMeasure', () => {
  it('a percent rule: rates, caps and window years of every variant, with the assumptions', () => {
    expect(describeMeasure(percent, parameters.at(2026), 'en')).toEqual({
      id: 'P',
      article: 1,
      citation: 'Article 1',
      clause: '原文 P',
      summary: 'summary P',
      rule: 'base × 20%; industrial: 30%',
      caps: '2,000,000; industrial: 3,000,000',
      scope: 'consecutive years per enterprise, at most 2 years; industrial: 3 years',
      review: false,
      alternativeGroup: null,
      assumptions: ['three industrial years, assumed'],
      parameters: [
        { id: 'p.rate', label: 'parameter p.rate', value: '20%', from: FROM, reference: '第一条', assumed: false },
        { id: 'p.rate.industrial', label: 'parameter p.rate.industrial', value: '30%', from: FROM, reference: '第一条', assumed: false },
        { id: 'p.cap', label: 'parameter p.cap', value: '2,000,000', from: FROM, reference: '第一条', assumed: false },
        {
          id: 'p.cap.industrial',
          label: 'parameter p.cap.industrial',
          value: '3,000,000',
          from: FROM,
          reference: '第一条',
          assumed: false,
        },
        { id: 'p.years', label: 'parameter p.years', value: '2 years', from: FROM, reference: '第一条', assumed: false },
        {
          id: 'p.years.industrial',
          label: 'parameter p.years.industrial',
          value: '3 years',
          from: FROM,
          reference: '第一条',
          assumed: true,
        },
      ],
    });
  });

  it('the same in Chinese', () => {
    const d = describeMeasure(percent, parameters.at(2026), 'zh');
    expect(d).toMatchObject({
      citation: '第1条',
      summary: '摘要 P',
      rule: '基数 × 20%; industrial: 30%',
      caps: '2,000,000; industrial: 3,000,000',
      scope: '连续支持(每家企业)，最多 2 年; industrial: 3 年',
      assumptions: ['工业三年为假设'],
    });
    expect(d.parameters.map((x) => [x.label, x.value])).toEqual([
      ['参数 p.rate', '20%'],
      ['参数 p.rate.industrial', '30%'],
      ['参数 p.cap', '2,000,000'],
      ['参数 p.cap.industrial', '3,000,000'],
      ['参数 p.years', '2 年'],
      ['参数 p.years.industrial', '3 年'],
    ]);
  });

  it.each([
    {
      name: 'fixed',
      m: fixed,
      lang: 'en',
      rule: 'fixed 500,000; industrial: 600,000',
      caps: '500,000; industrial: 600,000',
      scope: 'one-time per subject',
    },
    {
      name: 'fixed (zh)',
      m: fixed,
      lang: 'zh',
      rule: '定额 500,000; industrial: 600,000',
      caps: '500,000; industrial: 600,000',
      scope: '一次性(每个对象)',
    },
    {
      name: 'tiers first reached, with a bonus',
      m: tiers,
      lang: 'en',
      rule: 'highest tier first reached: 100M: 300,000; 50M: 200,000; above size: 100,000; bonus industrial: 100,000',
      caps: '',
      scope: 'per year',
    },
    {
      name: 'tiers first reached, with a bonus (zh)',
      m: tiers,
      lang: 'zh',
      rule: '首次达到的最高档: 1亿元: 300,000; 5000万元: 200,000; 首次达规: 100,000;加档 industrial: 100,000',
      caps: '',
      scope: '每年',
    },
    {
      name: 'plain tiers',
      m: plainTiers,
      lang: 'en',
      rule: 'highest tier reached: 100M: 300,000; 50M: 200,000; above size: 100,000',
      caps: '',
      scope: 'per year',
    },
    { name: 'per-unit', m: perUnit, lang: 'en', rule: '50,000 each', caps: '500,000 a year', scope: 'per year' },
    { name: 'per-unit (zh)', m: perUnit, lang: 'zh', rule: '每家 50,000', caps: '每年 500,000', scope: '每年' },
    {
      name: 'prize',
      m: prize,
      lang: 'en',
      rule: 'the prize set by the competition (none set: the cap)',
      caps: '2,000,000; industrial: 3,000,000',
      scope: 'one-time per subject',
    },
    {
      name: 'prize (zh)',
      m: prize,
      lang: 'zh',
      rule: '大赛设定的奖金(未设定:按上限)',
      caps: '2,000,000; industrial: 3,000,000',
      scope: '一次性(每个对象)',
    },
    {
      name: 'an alternative',
      m: alternative,
      lang: 'en',
      rule: 'base × 2.5%',
      caps: '1,000,000',
      scope: 'one-time per subject; alternatives within group AB',
    },
    {
      name: 'an alternative (zh)',
      m: alternative,
      lang: 'zh',
      rule: '基数 × 2.5%',
      caps: '1,000,000',
      scope: '一次性(每个对象);与同组择一 AB',
    },
    { name: 'pending', m: pending, lang: 'en', rule: 'matching not yet set', caps: '', scope: 'per year' },
    { name: 'service', m: service, lang: 'zh', rule: '融资服务', caps: '', scope: '—' },
  ] as const)('$name', ({ m, lang, rule, caps, scope }) => {
    const d = describeMeasure(m, parameters.at(2026), lang);
    expect({ rule: d.rule, caps: d.caps, scope: d.scope }).toEqual({ rule, caps, scope });
  });

  it('shows the figures in force in the year asked for, with their dates', () => {
    const d2026 = describeMeasure(perUnit, parameters.at(2026), 'en');
    const d2027 = describeMeasure(perUnit, parameters.at(2027), 'en');
    expect(d2026.rule).toBe('50,000 each');
    expect(d2027.rule).toBe('60,000 each');
    expect(d2027.parameters[0]).toEqual({
      id: 'u.unit',
      label: 'amount each',
      value: '60,000',
      from: '2027-07-01',
      reference: '第八条',
      assumed: false,
    });
  });

  it('lists tier parameters with the assumption and the review flag', () => {
    const d = describeMeasure(tiers, parameters.at(2026), 'en');
    expect(d.assumptions).toEqual(['the tiers are assumed']);
    expect(d.parameters.map((x) => x.id)).toEqual(['t.tiers', 't.bonus']);
    expect(describeMeasure(prize, parameters.at(2026), 'en').review).toBe(true);
    expect(describeMeasure(alternative, parameters.at(2026), 'en').alternativeGroup).toBe('AB');
  });

  it('has no parameters for a rule without figures', () => {
    const d = describeMeasure(pending, parameters.at(2026), 'en');
    expect(d.parameters).toEqual([]);
    expect(d.assumptions).toEqual([]);
  });

  it('throws on a parameter the set does not have', () => {
    const broken: M = { ...base('X', 1), scope: { kind: 'per-year' }, rule: { kind: 'fixed', amount: 'nope' } };
    expect(() => describeMeasure(broken, parameters.at(2026), 'en')).toThrow('unknown parameter nope');
  });
});
