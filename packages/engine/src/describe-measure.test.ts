import { describe, expect, it } from 'vitest';
import { describeMeasure } from './describe-measure.js';
import type { Localised } from './localised.js';
import type { EngineRequest, Measure } from './measure.js';
import { type ParameterDefinition, ParameterSet } from './parameter.js';

const L = (zh: string, en: string): Localised => ({ zh, en });
const FROM = '2025-10-30';

const p = (
  id: string,
  unit: ParameterDefinition['unit'],
  value: unknown,
  assumed?: Localised,
  assumedIfFalse?: Localised,
): ParameterDefinition => ({
  id,
  unit,
  label: L(`参数${id}`, `parameter ${id}`),
  reference: '第一条',
  values: [{ from: FROM, value }],
  ...(assumed ? { assumed } : {}),
  ...(assumedIfFalse ? { assumedIfFalse } : {}),
});

const CAP_PER_YEAR = L('最高支持额度按每一年度计算', 'the cap applies to each year');
const CAP_WINDOW = L('最高支持额度按整个支持期计算', 'the cap applies to the whole window');
const PER_MODEL = L('按每个模型分别一次性支持', 'once per model');
const PER_ENTERPRISE = L('每家企业一次性支持', 'once per enterprise');

function definitions(switches: Readonly<Record<string, boolean>> = {}): ParameterDefinition[] {
  const sw = (id: string, assumed: Localised, ifFalse?: Localised) => p(id, 'switch', switches[id] ?? true, assumed, ifFalse);
  return [
    p('p.rate', 'rate', '20%'),
    p('p.rate.industrial', 'rate', '30%'),
    p('p.cap', 'yuan', 2_000_000),
    p('p.cap.industrial', 'yuan', 3_000_000),
    p('p.years', 'years', 2),
    p('p.years.industrial', 'years', 3, L('工业智能企业支持3年为假设', 'three industrial years, assumed')),
    sw('p.cap-per-year', CAP_PER_YEAR, CAP_WINDOW),
    sw('p.years-reading', L('支持年限按首年企业类型确定', 'the window follows the first year')),
    p('k.rate.national', 'rate', '20%'),
    p('k.rate.municipal', 'rate', '10%'),
    p('k.cap', 'yuan', 2_000_000),
    p('f.amount', 'yuan', 500_000),
    p('f.amount.industrial', 'yuan', 600_000),
    sw('f.per-model', PER_MODEL, PER_ENTERPRISE),
    p(
      't.tiers',
      'tiers',
      [
        { id: 'above-size', flag: 'above-size', amount: 100_000, label: L('首次达规', 'above size') },
        { id: 'r-50m', min: 50_000_000, amount: 200_000, label: L('5000万元', '50M') },
        { id: 'r-100m', min: 100_000_000, amount: 300_000, label: L('1亿元', '100M') },
        { id: 'r-500m', min: 500_000_000, amount: 500_000, label: L('5亿元', '500M') },
      ],
      L('档位为假设', 'the tiers are assumed'),
    ),
    p('t.bonus', 'yuan', 100_000),
    sw('t.highest-only', L('同年新达到多档的，只按最高档支持', 'several tiers in one year: the highest only')),
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
    sw('u.per-year', L('每年度支持', 'once a year'), L('每家企业支持一次', 'once per enterprise')),
    p('z.cap', 'yuan', 2_000_000),
    p('z.cap.industrial', 'yuan', 3_000_000),
    sw('z.no-prize-cap', L('未设定奖金的，按最高支持额度', 'no prize set: the cap')),
    p('ab.rate', 'rate', '2.5%'),
    p('ab.cap', 'yuan', 1_000_000),
    sw(
      'ab.tie',
      L('金额相同的，按前一项支持', 'a tie goes to the earlier measure'),
      L('金额相同的，按后一项支持', 'a tie goes to the later one'),
    ),
  ];
}

const parameters = new ParameterSet(definitions());
const INDUSTRIAL = { industrial: L('工业智能企业', 'industrial AI enterprise') };
const LEVELS = { national: L('国家级', 'national'), municipal: L('北京市级', 'Beijing') };

type M = Measure<EngineRequest>;
const base = (
  id: string,
  article: number,
  citation: Localised,
): Pick<M, 'id' | 'article' | 'citation' | 'name' | 'clause' | 'summary' | 'review' | 'perSubject' | 'candidates'> => ({
  id,
  article,
  citation,
  name: L(`名称${id}`, `name ${id}`),
  clause: `原文${id}`,
  summary: L(`摘要${id}`, `summary ${id}`),
  review: false,
  perSubject: false,
  candidates: () => [],
});

const percent: M = {
  ...base('P', 1, L('第一条', 'Article 1')),
  scope: {
    kind: 'consecutive',
    per: 'enterprise',
    years: { default: 'p.years', industrial: 'p.years.industrial' },
    capPerYear: 'p.cap-per-year',
    yearsReading: 'p.years-reading',
  },
  rule: {
    kind: 'percent',
    rate: { default: 'p.rate', industrial: 'p.rate.industrial' },
    cap: { default: 'p.cap', industrial: 'p.cap.industrial' },
  },
};
/** A rate per level with no default (第四条第（4）项: national 20%, Beijing 10%). */
const byLevel: M = {
  ...base('K', 4, L('第四条第（4）项', 'Article 4 (4)')),
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'percent', rate: { national: 'k.rate.national', municipal: 'k.rate.municipal' }, cap: 'k.cap' },
};
const maximum: M = {
  ...base('F', 2, L('第二条第（1）项', 'Article 2 (1)')),
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject', perSubjectReading: 'f.per-model' },
  rule: { kind: 'maximum', amount: { default: 'f.amount', industrial: 'f.amount.industrial' } },
};
const milestones: M = {
  ...base('T', 5, L('第五条第（1）项', 'Article 5 (1)')),
  review: true,
  scope: { kind: 'one-time', per: 'tier' },
  rule: { kind: 'tiers', tiers: 't.tiers', bonus: { industrial: 't.bonus' }, milestones: { highestOnly: 't.highest-only' } },
};
const plainTiers: M = {
  ...base('T2', 5, L('第五条第（2）项', 'Article 5 (2)')),
  scope: { kind: 'per-year' },
  rule: { kind: 'tiers', tiers: 't.tiers' },
};
const perUnit: M = {
  ...base('U', 8, L('第八条第（2）项', 'Article 8 (2)')),
  scope: { kind: 'per-year', reading: 'u.per-year' },
  rule: { kind: 'per-unit', unit: 'u.unit', cap: 'u.cap' },
};
const prize: M = {
  ...base('Z', 6, L('第六条第（1）项', 'Article 6 (1)')),
  review: true,
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject' },
  rule: { kind: 'prize', cap: { default: 'z.cap', industrial: 'z.cap.industrial' }, noPrizeCap: 'z.no-prize-cap' },
};
const alternativeA: M = {
  ...base('A', 6, L('第六条第（2）项', 'Article 6 (2)')),
  perSubject: true,
  scope: { kind: 'one-time', per: 'subject', shared: ['A', 'B'] },
  alternativeGroup: { id: 'AB', tieReading: 'ab.tie' },
  rule: { kind: 'percent', rate: 'ab.rate', cap: 'ab.cap' },
};
const alternativeB: M = { ...alternativeA, ...base('B', 6, L('第六条第（2）项', 'Article 6 (2)')), perSubject: true };
const pending: M = {
  ...base('PEND', 4, L('第四条第（1）项', 'Article 4 (1)')),
  scope: { kind: 'per-year' },
  rule: { kind: 'pending', note: L('区级配套资金，原文未规定比例或金额', 'matching not yet set') },
};
const service: M = {
  ...base('SVC', 9, L('第九条第（1）项', 'Article 9 (1)')),
  scope: { kind: 'none' },
  rule: { kind: 'service', note: L('融资服务', 'financing services') },
};

describe('describeMeasure', () => {
  it('a percent rule: rates, caps and window years of every variant, with its readings and assumptions', () => {
    expect(describeMeasure(percent, parameters.at(2026), 'en')).toEqual({
      id: 'P',
      article: 1,
      citation: 'Article 1',
      name: 'name P',
      clause: '原文P',
      summary: 'summary P',
      rule: 'base × 20%; industrial: 30%',
      caps: '2,000,000; industrial: 3,000,000',
      scope: 'consecutive years per enterprise, at most 2 years; industrial: 3 years',
      review: false,
      alternativeGroup: null,
      assumptions: ['three industrial years, assumed', 'the cap applies to each year', 'the window follows the first year'],
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
        { id: 'p.cap-per-year', label: 'parameter p.cap-per-year', value: 'yes', from: FROM, reference: '第一条', assumed: true },
        { id: 'p.years-reading', label: 'parameter p.years-reading', value: 'yes', from: FROM, reference: '第一条', assumed: true },
      ],
    });
  });

  it('the same in official Chinese, with the variant named as the policy names it', () => {
    const d = describeMeasure(percent, parameters.at(2026), 'zh', INDUSTRIAL);
    expect(d).toMatchObject({
      citation: '第一条',
      name: '名称P',
      summary: '摘要P',
      rule: '基数×20%；工业智能企业：30%',
      caps: '2,000,000元；工业智能企业：3,000,000元',
      scope: '连续支持（每家企业），最多2年；工业智能企业：3年',
      assumptions: ['工业智能企业支持3年为假设', '最高支持额度按每一年度计算', '支持年限按首年企业类型确定'],
    });
    expect(d.parameters.map((x) => [x.label, x.value])).toEqual([
      ['参数p.rate', '20%'],
      ['参数p.rate.industrial', '30%'],
      ['参数p.cap', '2,000,000元'],
      ['参数p.cap.industrial', '3,000,000元'],
      ['参数p.years', '2年'],
      ['参数p.years.industrial', '3年'],
      ['参数p.cap-per-year', '是'],
      ['参数p.years-reading', '是'],
    ]);
  });

  it.each([
    {
      name: 'percent with a rate per level and no default',
      m: byLevel,
      lang: 'en',
      rule: 'national: base × 20%; Beijing: base × 10%',
      caps: '2,000,000',
      scope: 'one-time per subject',
    },
    {
      name: 'percent with a rate per level and no default (zh)',
      m: byLevel,
      lang: 'zh',
      rule: '国家级：基数×20%；北京市级：基数×10%',
      caps: '2,000,000元',
      scope: '一次性（每个对象）',
    },
    {
      name: 'maximum',
      m: maximum,
      lang: 'en',
      rule: 'up to 500,000; industrial AI enterprise: up to 600,000',
      caps: '500,000; industrial AI enterprise: 600,000',
      scope: 'one-time per subject',
    },
    {
      name: 'maximum (zh): 最高, never 定额',
      m: maximum,
      lang: 'zh',
      rule: '最高500,000元；工业智能企业：最高600,000元',
      caps: '500,000元；工业智能企业：600,000元',
      scope: '一次性（每个对象）',
    },
    {
      name: 'milestone tiers, up to (review), with a bonus',
      m: milestones,
      lang: 'en',
      rule: 'tiers reached for the first time (each once): 500M: up to 500,000; 100M: up to 300,000; 50M: up to 200,000; above size: up to 100,000; more per tier: industrial AI enterprise: 100,000',
      caps: '',
      scope: 'one-time per tier',
    },
    {
      name: 'milestone tiers (zh)',
      m: milestones,
      lang: 'zh',
      rule: '首次达到的档位（每档一次）：“5亿元”最高500,000元；“1亿元”最高300,000元；“5000万元”最高200,000元；“首次达规”最高100,000元；每档提高：工业智能企业：100,000元',
      caps: '',
      scope: '一次性（每档）',
    },
    {
      name: 'plain tiers',
      m: plainTiers,
      lang: 'en',
      rule: 'highest tier reached: 500M: 500,000; 100M: 300,000; 50M: 200,000; above size: 100,000',
      caps: '',
      scope: 'per year',
    },
    {
      name: 'plain tiers (zh)',
      m: plainTiers,
      lang: 'zh',
      rule: '达到的最高一档：“5亿元”500,000元；“1亿元”300,000元；“5000万元”200,000元；“首次达规”100,000元',
      caps: '',
      scope: '每年度',
    },
    { name: 'per-unit', m: perUnit, lang: 'en', rule: '50,000 each', caps: '500,000 a year', scope: 'per year' },
    { name: 'per-unit (zh)', m: perUnit, lang: 'zh', rule: '每家50,000元', caps: '每年最高500,000元', scope: '每年度' },
    {
      name: 'prize',
      m: prize,
      lang: 'en',
      rule: 'the prize set by the competition (none set: the cap)',
      caps: '2,000,000; industrial AI enterprise: 3,000,000',
      scope: 'one-time per subject',
    },
    {
      name: 'prize (zh)',
      m: prize,
      lang: 'zh',
      rule: '大赛设定的奖金（未设定的，按最高支持额度）',
      caps: '2,000,000元；工业智能企业：3,000,000元',
      scope: '一次性（每个对象）',
    },
    { name: 'pending', m: pending, lang: 'en', rule: 'matching not yet set', caps: '', scope: 'per year' },
    { name: 'pending (zh)', m: pending, lang: 'zh', rule: '区级配套资金，原文未规定比例或金额', caps: '', scope: '每年度' },
    { name: 'service', m: service, lang: 'zh', rule: '融资服务', caps: '', scope: '—' },
  ] as const)('$name', ({ m, lang, rule, caps, scope }) => {
    const d = describeMeasure(m, parameters.at(2026), lang, { ...INDUSTRIAL, ...LEVELS });
    expect({ rule: d.rule, caps: d.caps, scope: d.scope }).toEqual({ rule, caps, scope });
  });

  it('a variant without a label is named by its key', () => {
    expect(describeMeasure(maximum, parameters.at(2026), 'zh').rule).toBe('最高500,000元；industrial：最高600,000元');
  });

  it('an alternative names the other measures of its group, cited as the text numbers them', () => {
    const peers = [percent, alternativeA, alternativeB];
    const en = describeMeasure(alternativeA, parameters.at(2026), 'en', {}, peers);
    expect(en.scope).toBe('one-time per subject; an alternative to Article 6 (2), name B (B)');
    expect(en.alternativeGroup).toBe('AB');
    expect(en.rule).toBe('base × 2.5%');
    expect(en.caps).toBe('1,000,000');
    expect(en.assumptions).toEqual(['a tie goes to the earlier measure']);
    expect(describeMeasure(alternativeB, parameters.at(2026), 'zh', {}, peers).scope).toBe(
      '一次性（每个对象）；与第六条第（2）项（名称A）择一',
    );
    // Without its peers it cannot name them, and says nothing about them.
    expect(describeMeasure(alternativeA, parameters.at(2026), 'zh').scope).toBe('一次性（每个对象）');
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

  it('lists every reading a measure stands on: the tiers, the bonus and the highest-only reading', () => {
    const d = describeMeasure(milestones, parameters.at(2026), 'en');
    expect(d.assumptions).toEqual(['the tiers are assumed', 'several tiers in one year: the highest only']);
    expect(d.parameters.map((x) => x.id)).toEqual(['t.tiers', 't.bonus', 't.highest-only']);
    expect(d.review).toBe(true);
    expect(describeMeasure(prize, parameters.at(2026), 'en').parameters.map((x) => x.id)).toEqual([
      'z.cap',
      'z.cap.industrial',
      'z.no-prize-cap',
    ]);
    expect(describeMeasure(prize, parameters.at(2026), 'en').assumptions).toEqual(['no prize set: the cap']);
    expect(describeMeasure(perUnit, parameters.at(2026), 'en').assumptions).toEqual(['once a year']);
    expect(describeMeasure(maximum, parameters.at(2026), 'zh').assumptions).toEqual(['按每个模型分别一次性支持']);
  });

  it('a reading set to false shows what is assumed then, and its value as 否 / no', () => {
    const other = new ParameterSet(definitions({ 'p.cap-per-year': false, 'f.per-model': false, 'u.per-year': false }));
    const p = describeMeasure(percent, other.at(2026), 'zh');
    expect(p.assumptions).toEqual(['工业智能企业支持3年为假设', '最高支持额度按整个支持期计算', '支持年限按首年企业类型确定']);
    expect(p.parameters.find((x) => x.id === 'p.cap-per-year')?.value).toBe('否');
    expect(describeMeasure(percent, other.at(2026), 'en').parameters.find((x) => x.id === 'p.cap-per-year')?.value).toBe('no');
    expect(describeMeasure(maximum, other.at(2026), 'en').assumptions).toEqual(['once per enterprise']);
    expect(describeMeasure(perUnit, other.at(2026), 'en').assumptions).toEqual(['once per enterprise']);
  });

  it('measure-level readings are listed too', () => {
    const withReading: M = { ...plainTiers, readings: ['u.per-year'] };
    expect(describeMeasure(withReading, parameters.at(2026), 'en').parameters.map((x) => x.id)).toEqual(['t.tiers', 'u.per-year']);
  });

  it('has no parameters for a rule without figures', () => {
    const d = describeMeasure(pending, parameters.at(2026), 'en');
    expect(d.parameters).toEqual([]);
    expect(d.assumptions).toEqual([]);
    expect(d.caps).toBe('');
  });

  it('says nothing in Chinese the official style refuses', () => {
    for (const m of [percent, byLevel, maximum, milestones, plainTiers, perUnit, prize, alternativeA, pending, service]) {
      const d = describeMeasure(m, parameters.at(2026), 'zh', { ...INDUSTRIAL, ...LEVELS }, [alternativeA, alternativeB]);
      for (const text of [d.rule, d.caps, d.scope, ...d.assumptions]) {
        expect(text).not.toMatch(/[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]|[\u4e00-\u9fff] | [\u4e00-\u9fff]|定额|"/);
      }
    }
  });

  it('throws on a parameter the set does not have', () => {
    const broken: M = { ...base('X', 1, L('第一条', 'Article 1')), scope: { kind: 'per-year' }, rule: { kind: 'maximum', amount: 'nope' } };
    expect(() => describeMeasure(broken, parameters.at(2026), 'en')).toThrow('unknown parameter nope');
  });
});
