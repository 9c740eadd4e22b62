import { describe, expect, it } from 'vitest';
import type { Localized } from './localized.js';
import type { Fen } from './money.js';
import { renderStep, type Step } from './step.js';

const fen = (n: number) => n as Fen;
const COMPUTE: Localized = { zh: '算力实际投入', en: 'compute spend' };
const REVENUE: Localized = { zh: '主营业务收入', en: 'revenue' };
const INDUSTRIAL: Localized = { zh: '工业智能企业', en: 'industrial AI enterprise' };
const TERM = { from: '2025-10-30', to: '2028-12-31' };

/** Every kind of step, with what it says in Chinese and in English. */
const cases: { name: string; step: Step; zh: string; en: string }[] = [
  { name: 'text', step: { k: 'text', text: { zh: '说明', en: 'a note' } }, zh: '说明', en: 'a note' },
  { name: 'status', step: { k: 'status', text: { zh: '待定', en: 'to be set' } }, zh: '待定', en: 'to be set' },
  {
    name: 'unmet',
    step: { k: 'unmet', text: { zh: '不是伙伴计划企业', en: 'not in the partner program' } },
    zh: '不是伙伴计划企业',
    en: 'not in the partner program',
  },
  {
    name: 'general-unmet',
    step: { k: 'general-unmet', text: { zh: '未在丰台注册', en: 'not registered in Fengtai' } },
    zh: '不符合基本条件:未在丰台注册',
    en: 'general conditions not met: not registered in Fengtai',
  },
  {
    name: 'assumed',
    step: { k: 'assumed', text: { zh: '全年计算', en: 'counted in full' } },
    zh: '假设:全年计算',
    en: 'assumed: counted in full',
  },
  { name: 'variant', step: { k: 'variant', label: INDUSTRIAL }, zh: '适用:工业智能企业', en: 'applies: industrial AI enterprise' },
  {
    name: 'percent',
    step: { k: 'percent', base: fen(123456789), label: COMPUTE, rate: { num: 20, den: 100 }, result: 246913 },
    zh: '算力实际投入 1,234,567.89 元 × 20% = 246,913 元(向下取整到元)',
    en: 'compute spend 1,234,567.89 × 20% = 246,913 (floored to whole yuan)',
  },
  {
    name: 'percent without a label, fractional rate',
    step: { k: 'percent', base: fen(300000000), label: undefined, rate: { num: 25, den: 1000 }, result: 75000 },
    zh: '基数 3,000,000 元 × 2.5% = 75,000 元(向下取整到元)',
    en: 'base 3,000,000 × 2.5% = 75,000 (floored to whole yuan)',
  },
  {
    name: 'cap exceeded',
    step: { k: 'cap', cap: 2000000, before: 2000001 },
    zh: '超过上限 2,000,000 元,按上限 2,000,000 元',
    en: 'capped at 2,000,000',
  },
  {
    name: 'cap exactly reached',
    step: { k: 'cap', cap: 2000000, before: 2000000 },
    zh: '未超过上限 2,000,000 元',
    en: 'cap 2,000,000 not reached',
  },
  { name: 'fixed', step: { k: 'fixed', amount: 500000 }, zh: '定额 500,000 元', en: 'fixed amount 500,000' },
  {
    name: 'tier by value',
    step: { k: 'tier', value: fen(10000000000), label: REVENUE, tier: { zh: '1亿元', en: '100M' }, amount: 300000 },
    zh: '主营业务收入 100,000,000 元,达到档位「1亿元」:300,000 元',
    en: 'revenue 100,000,000: tier "100M" reached: 300,000',
  },
  {
    name: 'tier by flag',
    step: { k: 'tier', value: undefined, label: REVENUE, tier: { zh: '首次达规', en: 'above designated size' }, amount: 100000 },
    zh: '达到档位「首次达规」:100,000 元',
    en: 'tier "above designated size" reached: 100,000',
  },
  {
    name: 'tier-more',
    step: {
      k: 'tier-more',
      tiers: [
        { zh: '1亿元', en: '100M' },
        { zh: '5000万元', en: '50M' },
      ],
    },
    zh: '同年新达到多档(1亿元、5000万元),只按最高档支持',
    en: 'several tiers newly reached (100M, 50M): only the highest is paid',
  },
  {
    name: 'tier-none below the lowest tier',
    step: { k: 'tier-none', value: fen(4999999999), label: REVENUE, lowest: 50000000, first: true, previous: fen(0) },
    zh: '主营业务收入 49,999,999.99 元,低于最低档 50,000,000 元',
    en: 'revenue 49,999,999.99 is below the lowest tier 50,000,000',
  },
  {
    name: 'tier-none: reached before',
    step: { k: 'tier-none', value: fen(12000000000), label: REVENUE, lowest: 50000000, first: true, previous: fen(10000000000) },
    zh: '主营业务收入 120,000,000 元,此前最高 100,000,000 元:没有首次达到的档位',
    en: 'revenue 120,000,000 with a prior maximum of 100,000,000: no tier reached for the first time',
  },
  {
    name: 'bonus',
    step: { k: 'bonus', bonus: 100000, label: INDUSTRIAL, result: 400000 },
    zh: '工业智能企业每档提高 100,000 元,合计 400,000 元',
    en: 'industrial AI enterprise: +100,000, giving 400,000',
  },
  {
    name: 'bonus without a label',
    step: { k: 'bonus', bonus: 100000, label: undefined, result: 1100000 },
    zh: '加档每档提高 100,000 元,合计 1,100,000 元',
    en: 'bonus: +100,000, giving 1,100,000',
  },
  {
    name: 'per-unit',
    step: { k: 'per-unit', count: 11, label: { zh: '在孵企业', en: 'incubated enterprises' }, unit: 50000, result: 550000 },
    zh: '在孵企业 11 × 50,000 元 = 550,000 元',
    en: 'incubated enterprises 11 × 50,000 = 550,000',
  },
  {
    name: 'per-unit without a label',
    step: { k: 'per-unit', count: 3, label: undefined, unit: 1234567, result: 3703701 },
    zh: '数量 3 × 1,234,567 元 = 3,703,701 元',
    en: 'count 3 × 1,234,567 = 3,703,701',
  },
  {
    name: 'prize',
    step: { k: 'prize', prize: fen(80000050) },
    zh: '大赛奖金 800,000.50 元(向下取整到元)',
    en: 'prize set by the competition 800,000.50 (floored to whole yuan)',
  },
  { name: 'no prize', step: { k: 'prize', prize: undefined }, zh: '大赛未定奖金:按上限', en: 'no prize set by the competition: the cap' },
  {
    name: 'zero',
    step: { k: 'zero', label: COMPUTE },
    zh: '算力实际投入为 0,没有可支持的金额',
    en: 'compute spend is 0: nothing to support',
  },
  {
    name: 'zero without a label',
    step: { k: 'zero', label: undefined },
    zh: '基数为 0,没有可支持的金额',
    en: 'base is 0: nothing to support',
  },
  {
    name: 'one-time-ok',
    step: { k: 'one-time-ok', per: 'subject' },
    zh: '一次性支持(每个对象):此前未获支持',
    en: 'one-time (per subject): not granted before',
  },
  {
    name: 'one-time-used',
    step: { k: 'one-time-used', measure: '6.2b', year: 2025, per: 'enterprise' },
    zh: '一次性支持(每家企业):已于 2025 年按第 6.2b 项获得支持',
    en: 'one-time (per enterprise): already granted under 6.2b in 2025',
  },
  { name: 'per-year-used', step: { k: 'per-year-used', year: 2026 }, zh: '2026 年度已获本项支持', en: 'already granted for 2026' },
  {
    name: 'window',
    step: { k: 'window', index: 2, years: 3, first: 2025 },
    zh: '连续支持第 2 年,最多 3 年(首次支持 2025 年)',
    en: 'year 2 of at most 3 (first granted 2025)',
  },
  {
    name: 'window-over',
    step: { k: 'window-over', years: 2, first: 2025 },
    zh: '连续支持不超过 2 年:自 2025 年起的支持期已于 2026 年结束',
    en: 'at most 2 consecutive years: the window from 2025 ended in 2026',
  },
  { name: 'window-used', step: { k: 'window-used', year: 2027 }, zh: '2027 年度已获本项支持', en: 'already granted for 2027' },
  {
    name: 'out-of-force',
    step: { k: 'out-of-force', year: 2029, ...TERM },
    zh: '2029 年不在本措施有效期(2025-10-30 至 2028-12-31)内,不予新增支持',
    en: "2029 is outside the policy's term (2025-10-30 to 2028-12-31): no new support",
  },
  {
    name: 'continuing',
    step: { k: 'continuing', first: 2028, to: '2028-12-31' },
    zh: '期间已立项项目至约定任务期止:2028 年首次支持,有效期(至 2028-12-31)后继续支持',
    en: "continuing support: first granted in 2028, continues past the term's end (2028-12-31)",
  },
  {
    name: 'event-ok',
    step: { k: 'event-ok', id: 'M-1', date: '2026-03-01' },
    zh: 'M-1:日期 2026-03-01 在有效期和评估年度内',
    en: 'M-1: dated 2026-03-01, inside the term and the year',
  },
  {
    name: 'event-outside',
    step: { k: 'event-outside', id: 'M-1', date: '2025-10-29', ...TERM },
    zh: 'M-1:日期 2025-10-29 不在本措施有效期(2025-10-30 至 2028-12-31)内',
    en: "M-1: dated 2025-10-29, outside the policy's term (2025-10-30 to 2028-12-31)",
  },
  {
    name: 'event-other-year',
    step: { k: 'event-other-year', id: 'M-1', date: '2027-01-01', year: 2026 },
    zh: 'M-1:日期 2027-01-01 不在评估年度 2026 年内',
    en: 'M-1: dated 2027-01-01, not in assessment year 2026',
  },
  {
    name: 'alternative-won',
    step: { k: 'alternative-won', other: '6.2b', otherAmount: 300000 },
    zh: '与第 6.2b 项(300,000 元)择一:本项较大,予以支持',
    en: 'alternative to 6.2b (300,000): this one is larger and stands',
  },
  {
    name: 'alternative-lost',
    step: { k: 'alternative-lost', other: '6.2a', otherAmount: 600000, amount: 300000 },
    zh: '与第 6.2a 项择一:第 6.2a 项 600,000 元不低于本项 300,000 元,本项不予支持',
    en: 'alternative to 6.2a: 6.2a gives 600,000, not less than 300,000 here, so this one is excluded',
  },
  {
    name: 'best-of-won',
    step: { k: 'best-of-won', policies: ['X', 'Y'], other: fen(59999999), amount: 600000 },
    zh: '从优不重复:区内其他政策(X、Y)已支持 599,999.99 元,本项 600,000 元更优,替代原支持',
    en: 'best of, never twice: other district policies (X, Y) gave 599,999.99; 600,000 here is larger and replaces it',
  },
  {
    name: 'best-of-lost',
    step: { k: 'best-of-lost', policies: ['X'], other: fen(123456789), amount: 1000000 },
    zh: '从优不重复:区内其他政策(X)已支持 1,234,567.89 元,不低于本项 1,000,000 元,不再重复支持',
    en: 'best of, never twice: other district policies (X) gave 1,234,567.89, not less than 1,000,000 here, so it is excluded',
  },
];

describe('renderStep', () => {
  it.each(cases)('$name', ({ step, zh, en }) => {
    expect(renderStep(step, 'zh')).toBe(zh);
    expect(renderStep(step, 'en')).toBe(en);
  });

  it('covers every kind of step', () => {
    const kinds = new Set(cases.map((c) => c.step.k));
    expect([...kinds].sort()).toEqual(
      [
        'text',
        'status',
        'unmet',
        'general-unmet',
        'assumed',
        'variant',
        'percent',
        'cap',
        'fixed',
        'tier',
        'tier-more',
        'tier-none',
        'bonus',
        'per-unit',
        'prize',
        'zero',
        'one-time-ok',
        'one-time-used',
        'per-year-used',
        'window',
        'window-over',
        'window-used',
        'out-of-force',
        'continuing',
        'event-ok',
        'event-outside',
        'event-other-year',
        'alternative-won',
        'alternative-lost',
        'best-of-won',
        'best-of-lost',
      ].sort(),
    );
  });

  it.each(cases)('$name leaves no placeholder and no ungrouped figure', ({ step }) => {
    for (const lang of ['zh', 'en'] as const) {
      const text = renderStep(step, lang);
      expect(text).not.toMatch(/undefined|NaN|null|Infinity|\[object/);
      // Years have four digits; any longer run of digits is an amount printed without grouping.
      expect(text).not.toMatch(/\d{5,}/);
    }
  });
});
