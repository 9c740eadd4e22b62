import { describe, expect, it } from 'vitest';
import type { Localised } from './localised.js';
import type { Fen } from './money.js';
import { renderStep, type Step } from './step.js';

const fen = (n: number) => n as Fen;
const COMPUTE: Localised = { zh: '算力实际投入', en: 'compute spend' };
const REVENUE: Localised = { zh: '本年度主营业务收入', en: 'revenue' };
const PREVIOUS: Localised = { zh: '此前年度最高主营业务收入', en: 'highest revenue before' };
const INDUSTRIAL: Localised = { zh: '工业智能企业', en: 'industrial AI enterprise' };
const INCUBATED: Localised = { zh: '在孵人工智能企业', en: 'incubated AI enterprises' };
const JIA: Localised = { zh: '家', en: 'enterprises' };
const T500M: Localised = { zh: '5亿元', en: '500M' };
const T100M: Localised = { zh: '1亿元', en: '100M' };
const T50M: Localised = { zh: '5000万元', en: '50M' };
const ABOVE: Localised = { zh: '首次达规', en: 'above designated size' };
const PRIOR_MAX: Localised = { zh: '以往年度最高主营业务收入', en: 'highest revenue of any earlier year' };
const LAST_REVENUE: Localised = { zh: '上年度主营业务收入', en: "last year's revenue" };
const REF_A: Localised = { zh: '第六条第（2）项（应用场景建设项目）', en: 'Article 6 (2), scenario project (6.2a)' };
const REF_B: Localised = { zh: '第六条第（2）项（获得市级应用场景建设项目补贴）', en: 'Article 6 (2), Beijing scenario subsidy (6.2b)' };
const REF_42: Localised = { zh: '第四条第（2）项（“揭榜挂帅”攻关项目）', en: 'Article 4 (2), challenge project (4.2)' };
const REF_71: Localised = { zh: '第七条第（1）项（共性技术服务平台）', en: 'Article 7 (1), service platform (7.1)' };
const TERM = { from: '2025-10-30', to: '2028-12-31' };
const GENERAL: Localised = { zh: '未在丰台区注册', en: 'not registered in Fengtai' };
const SOURCE: Localised = { zh: '原文未列明，参照区级惠企政策通行要求', en: 'not in the text; as district schemes require' };

/** Every kind of step (and every branch of its wording), with what it says in Chinese and in English. */
const cases: { name: string; step: Step; zh: string; en: string }[] = [
  { name: 'text', step: { k: 'text', text: { zh: '说明', en: 'a note' } }, zh: '说明', en: 'a note' },
  {
    name: 'status',
    step: { k: 'status', text: { zh: '区级配套资金，原文未规定比例或金额，以年度申报指南为准', en: 'district matching; no figure set' } },
    zh: '区级配套资金，原文未规定比例或金额，以年度申报指南为准',
    en: 'district matching; no figure set',
  },
  {
    name: 'unmet',
    step: { k: 'unmet', text: { zh: '未纳入人工智能伙伴计划', en: 'not in the AI partner program' } },
    zh: '未纳入人工智能伙伴计划',
    en: 'not in the AI partner program',
  },
  {
    name: 'general-ok',
    step: { k: 'general-ok', text: { zh: '基本条件核验：依申报信息', en: 'general conditions checked as declared' } },
    zh: '基本条件核验：依申报信息',
    en: 'general conditions checked as declared',
  },
  {
    name: 'general-unmet, with where it comes from',
    step: { k: 'general-unmet', text: GENERAL, source: SOURCE },
    zh: '不符合基本条件：未在丰台区注册（原文未列明，参照区级惠企政策通行要求）',
    en: 'general conditions not met: not registered in Fengtai (not in the text; as district schemes require)',
  },
  {
    name: 'general-unmet, no source',
    step: { k: 'general-unmet', text: GENERAL, source: undefined },
    zh: '不符合基本条件：未在丰台区注册',
    en: 'general conditions not met: not registered in Fengtai',
  },
  {
    name: 'assumed',
    step: { k: 'assumed', text: { zh: '最高支持额度按每一年度计算', en: 'the cap applies to each year' } },
    zh: '假设：最高支持额度按每一年度计算',
    en: 'assumed: the cap applies to each year',
  },
  { name: 'variant', step: { k: 'variant', label: INDUSTRIAL }, zh: '适用：工业智能企业', en: 'applies: industrial AI enterprise' },
  {
    name: 'percent, floored',
    step: { k: 'percent', base: fen(123456789), label: COMPUTE, rate: { num: 20, den: 100 }, result: 246913, floored: true },
    zh: '算力实际投入1,234,567.89元×20%＝246,913元（向下取整到元）',
    en: 'compute spend 1,234,567.89 × 20% = 246,913 (floored to whole yuan)',
  },
  {
    name: 'percent, exact, without a label, fractional rate',
    step: { k: 'percent', base: fen(300000000), label: undefined, rate: { num: 25, den: 1000 }, result: 75000, floored: false },
    zh: '基数3,000,000元×2.5%＝75,000元',
    en: 'base 3,000,000 × 2.5% = 75,000',
  },
  {
    name: 'cap exceeded',
    step: { k: 'cap', cap: 2000000, before: 2000001 },
    zh: '超过最高支持额度，按最高2,000,000元支持',
    en: 'capped at 2,000,000',
  },
  {
    name: 'cap exactly reached',
    step: { k: 'cap', cap: 2000000, before: 2000000 },
    zh: '未超过最高支持额度2,000,000元',
    en: 'cap 2,000,000 not reached',
  },
  {
    name: 'cap-window, more than is left',
    step: { k: 'cap-window', cap: 2000000, used: fen(150000000), left: 500000, before: 1000000 },
    zh: '连续支持期内合计最高2,000,000元，此前已支持1,500,000元，本年度最多500,000元，按500,000元支持',
    en: 'at most 2,000,000 over the consecutive years; 1,500,000 granted before leaves 500,000 this year, so 500,000',
  },
  {
    name: 'cap-window, within what is left',
    step: { k: 'cap-window', cap: 2000000, used: fen(0), left: 2000000, before: 1000000 },
    zh: '连续支持期内合计最高2,000,000元，此前已支持0元，本年度最多2,000,000元',
    en: 'at most 2,000,000 over the consecutive years; 0 granted before leaves 2,000,000 this year',
  },
  {
    name: 'cap-window, used up (more than the cap before)',
    step: { k: 'cap-window', cap: 2000000, used: fen(250000000), left: 0, before: 1 },
    zh: '连续支持期内合计最高2,000,000元，此前已支持2,500,000元，已无剩余额度',
    en: 'at most 2,000,000 over the consecutive years; 2,500,000 granted before leaves nothing',
  },
  {
    name: 'maximum',
    step: { k: 'maximum', amount: 500000 },
    zh: '最高500,000元，以评审认定为准',
    en: 'up to 500,000, subject to expert review',
  },
  {
    name: 'tier by value, first reached, up to',
    step: { k: 'tier', value: fen(12000000000), label: REVENUE, tier: T100M, amount: 300000, upTo: true, first: true },
    zh: '本年度主营业务收入120,000,000元，首次达到“1亿元”档，最高300,000元',
    en: 'revenue 120,000,000: tier "100M" reached for the first time: up to 300,000',
  },
  {
    name: 'tier by value, without a label',
    step: { k: 'tier', value: fen(6000000000), label: undefined, tier: T50M, amount: 200000, upTo: false, first: false },
    zh: '基数60,000,000元，达到“5000万元”档，支持200,000元',
    en: 'base 60,000,000: tier "50M" reached: 200,000',
  },
  {
    name: 'tier by flag, first reached',
    step: { k: 'tier', value: undefined, label: REVENUE, tier: ABOVE, amount: 100000, upTo: true, first: true },
    zh: '符合“首次达规”，最高100,000元',
    en: 'tier "above designated size" reached for the first time: up to 100,000',
  },
  {
    name: 'tier by flag',
    step: { k: 'tier', value: undefined, label: undefined, tier: ABOVE, amount: 100000, upTo: false, first: false },
    zh: '符合“首次达规”，支持100,000元',
    en: 'tier "above designated size" reached: 100,000',
  },
  {
    name: 'tier-more',
    step: { k: 'tier-more', tiers: [T100M, T50M] },
    zh: '本年度新达到“1亿元”“5000万元”2档',
    en: '2 tiers newly reached this year (100M, 50M)',
  },
  {
    name: 'tier-none',
    step: { k: 'tier-none', value: fen(4999999999), label: REVENUE, lowest: 50000000 },
    zh: '本年度主营业务收入49,999,999.99元，未达到最低档50,000,000元',
    en: 'revenue 49,999,999.99 is below the lowest tier 50,000,000',
  },
  {
    name: 'tier-none without a label',
    step: { k: 'tier-none', value: fen(0), label: undefined, lowest: 1000000 },
    zh: '基数0元，未达到最低档1,000,000元',
    en: 'base 0 is below the lowest tier 1,000,000',
  },
  {
    name: 'tier-before',
    step: { k: 'tier-before', value: fen(12000000000), label: REVENUE, previous: fen(10000000000), previousLabel: PREVIOUS },
    zh: '本年度主营业务收入120,000,000元，此前年度最高主营业务收入100,000,000元，本年度没有首次达到的档位',
    en: 'revenue 120,000,000, highest revenue before 100,000,000: no tier is reached for the first time',
  },
  {
    name: 'tier-before without labels',
    step: { k: 'tier-before', value: fen(12000000050), label: undefined, previous: fen(10000000000), previousLabel: undefined },
    zh: '基数120,000,000.50元，此前最高100,000,000元，本年度没有首次达到的档位',
    en: 'base 120,000,000.50, highest before 100,000,000: no tier is reached for the first time',
  },
  {
    name: 'bonus, up to',
    step: { k: 'bonus', bonus: 100000, label: INDUSTRIAL, result: 400000, upTo: true },
    zh: '工业智能企业每档支持资金提高100,000元，合计最高400,000元',
    en: 'industrial AI enterprise: +100,000 a tier, giving up to 400,000',
  },
  {
    name: 'bonus without a label',
    step: { k: 'bonus', bonus: 100000, label: undefined, result: 1100000, upTo: false },
    zh: '适用类型每档支持资金提高100,000元，合计1,100,000元',
    en: 'bonus: +100,000 a tier, giving 1,100,000',
  },
  {
    name: 'per-unit',
    step: { k: 'per-unit', count: 11, label: INCUBATED, countUnit: JIA, unit: 50000, result: 550000 },
    zh: '在孵人工智能企业11家×50,000元＝550,000元',
    en: 'incubated AI enterprises 11 × 50,000 = 550,000',
  },
  {
    name: 'per-unit without a label',
    step: { k: 'per-unit', count: 3, label: undefined, countUnit: undefined, unit: 1234567, result: 3703701 },
    zh: '数量3×1,234,567元＝3,703,701元',
    en: 'count 3 × 1,234,567 = 3,703,701',
  },
  {
    name: 'prize',
    step: { k: 'prize', prize: fen(80000050) },
    zh: '大赛设定奖金800,000.50元',
    en: 'prize set by the competition: 800,000.50',
  },
  {
    name: 'no prize',
    step: { k: 'prize', prize: undefined },
    zh: '大赛未设定奖金金额，按最高支持额度计',
    en: 'no prize set by the competition: the cap',
  },
  {
    name: 'zero',
    step: { k: 'zero', label: COMPUTE },
    zh: '算力实际投入为0元，无可支持金额',
    en: 'compute spend is 0: nothing to support',
  },
  {
    name: 'zero without a label',
    step: { k: 'zero', label: undefined },
    zh: '基数为0元，无可支持金额',
    en: 'base is 0: nothing to support',
  },
  {
    name: 'missing, one fact',
    step: { k: 'missing', labels: [{ zh: '上年度研发投入', en: "last year's R&D spend" }], either: false },
    zh: '缺少“上年度研发投入”，无法测算',
    en: "missing last year's R&D spend: cannot be calculated",
  },
  {
    name: 'missing, two facts both needed',
    step: { k: 'missing', labels: [LAST_REVENUE, { zh: '行业平均增速', en: 'industry average growth' }], either: false },
    zh: '缺少“上年度主营业务收入”“行业平均增速”，无法测算',
    en: "missing last year's revenue, industry average growth: cannot be calculated",
  },
  {
    name: 'missing, either of two facts',
    step: { k: 'missing', labels: [PRIOR_MAX, LAST_REVENUE], either: true },
    zh: '缺少“以往年度最高主营业务收入”“上年度主营业务收入”（填写其一即可），无法测算',
    en: "missing highest revenue of any earlier year or last year's revenue: cannot be calculated",
  },
  {
    name: 'missing, either, one fact',
    step: { k: 'missing', labels: [LAST_REVENUE], either: true },
    zh: '缺少“上年度主营业务收入”，无法测算',
    en: "missing last year's revenue: cannot be calculated",
  },
  { name: 'one-time-ok', step: { k: 'one-time-ok' }, zh: '此前未享受本项支持（一次性）', en: 'one-time: not granted before' },
  {
    name: 'one-time-used',
    step: { k: 'one-time-used', year: 2025, other: undefined, tier: undefined, higher: false },
    zh: '已于2025年度享受本项支持（一次性）',
    en: 'one-time: already granted in 2025',
  },
  {
    name: 'one-time-used by the other measure of a shared scope',
    step: { k: 'one-time-used', year: 2025, other: REF_B, tier: undefined, higher: false },
    zh: '已于2025年度享受第六条第（2）项（获得市级应用场景建设项目补贴）支持，同一对象只支持一次',
    en: 'one-time: Article 6 (2), Beijing scenario subsidy (6.2b) was granted for it in 2025',
  },
  {
    name: 'one-time-used: the tier',
    step: { k: 'one-time-used', year: 2026, other: undefined, tier: T100M, higher: false },
    zh: '已于2026年度享受“1亿元”档支持（一次性）',
    en: 'one-time: tier "100M" was granted in 2026',
  },
  {
    name: 'one-time-used: a higher tier',
    step: { k: 'one-time-used', year: 2025, other: undefined, tier: T500M, higher: true },
    zh: '已于2025年度享受更高的“5亿元”档支持，较低档位不再支持（一次性）',
    en: 'one-time: the higher tier "500M" was granted in 2025, so lower tiers are not paid',
  },
  { name: 'per-year-used', step: { k: 'per-year-used', year: 2026 }, zh: '2026年度已享受本项支持', en: 'already granted for 2026' },
  {
    name: 'window',
    step: { k: 'window', index: 2, years: 3, first: 2025 },
    zh: '连续支持第2年，最多3年（首次支持2025年度）',
    en: 'year 2 of at most 3 (first granted 2025)',
  },
  {
    name: 'window-over',
    step: { k: 'window-over', years: 2, first: 2025 },
    zh: '超出连续支持年限（首次支持2025年度，最多2年）',
    en: 'beyond the consecutive years (first granted 2025, at most 2 years)',
  },
  {
    name: 'out-of-force: before the term',
    step: { k: 'out-of-force', year: 2024, ...TERM, multiYear: false },
    zh: '2024年度早于政策施行日期（2025年10月30日）',
    en: '2024 is before the policy took effect (2025-10-30)',
  },
  {
    name: 'out-of-force: before the term, a consecutive measure',
    step: { k: 'out-of-force', year: 2024, ...TERM, multiYear: true },
    zh: '2024年度早于政策施行日期（2025年10月30日）',
    en: '2024 is before the policy took effect (2025-10-30)',
  },
  {
    name: 'out-of-force: after the term',
    step: { k: 'out-of-force', year: 2029, ...TERM, multiYear: false },
    zh: '2029年度不在政策有效期（2025年10月30日至2028年12月31日）内，不予新增支持',
    en: "2029 is outside the policy's term (2025-10-30 to 2028-12-31): no new support",
  },
  {
    name: 'out-of-force: after the term, a consecutive measure with no grant inside it',
    step: { k: 'out-of-force', year: 2029, ...TERM, multiYear: true },
    zh: '2029年度不在政策有效期内，且无期间已立项的延续支持',
    en: "2029 is after the policy's term, and there is no continuing support from a grant inside it",
  },
  {
    name: 'continuing',
    step: { k: 'continuing', first: 2028, to: '2028-12-31' },
    zh: '期间已立项项目至约定任务期止：2028年度首次支持，政策有效期届满（2028年12月31日）后继续支持',
    en: "continuing support: first granted in 2028, continues past the term's end (2028-12-31)",
  },
  {
    name: 'event-ok',
    step: { k: 'event-ok', id: 'M-1', date: '2026-03-01' },
    zh: '“M-1”日期为2026年3月1日，在政策有效期和评估年度内',
    en: 'M-1: dated 2026-03-01, inside the term and the year',
  },
  {
    name: 'event-outside, before the term',
    step: { k: 'event-outside', id: 'M-1', date: '2025-10-29', ...TERM },
    zh: '“M-1”日期为2025年10月29日，早于政策施行日期（2025年10月30日）',
    en: 'M-1: dated 2025-10-29, before the policy took effect (2025-10-30)',
  },
  {
    name: 'event-outside, after the term',
    step: { k: 'event-outside', id: 'M-1', date: '2029-01-01', ...TERM },
    zh: '“M-1”日期为2029年1月1日，晚于政策有效期（至2028年12月31日）',
    en: "M-1: dated 2029-01-01, after the policy's term (to 2028-12-31)",
  },
  {
    name: 'event-other-year',
    step: { k: 'event-other-year', id: 'M-1', date: '2027-01-01', year: 2026 },
    zh: '“M-1”日期为2027年1月1日，不属于评估年度（2026年度）',
    en: 'M-1: dated 2027-01-01, not in assessment year 2026',
  },
  {
    name: 'alternative-won',
    step: { k: 'alternative-won', other: REF_B, otherAmount: 300000, tie: false },
    zh: '与第六条第（2）项（获得市级应用场景建设项目补贴）择一：该项300,000元，本项金额较大，按本项支持',
    en: 'alternative to Article 6 (2), Beijing scenario subsidy (6.2b) (300,000): this one is larger and stands',
  },
  {
    name: 'alternative-won on a tie',
    step: { k: 'alternative-won', other: REF_B, otherAmount: 300000, tie: true },
    zh: '与第六条第（2）项（获得市级应用场景建设项目补贴）择一：两项金额相同（均为300,000元），按本项支持',
    en: 'alternative to Article 6 (2), Beijing scenario subsidy (6.2b): both give 300,000, and this one stands',
  },
  {
    name: 'alternative-lost',
    step: { k: 'alternative-lost', other: REF_A, otherAmount: 600000, amount: 300000, tie: false },
    zh: '与第六条第（2）项（应用场景建设项目）择一：该项600,000元，高于本项300,000元，按该项支持，本项不予支持',
    en: 'alternative to Article 6 (2), scenario project (6.2a): that one gives 600,000, more than 300,000 here, so this one is excluded',
  },
  {
    name: 'alternative-lost on a tie',
    step: { k: 'alternative-lost', other: REF_A, otherAmount: 300000, amount: 300000, tie: true },
    zh: '与第六条第（2）项（应用场景建设项目）择一：两项金额相同（均为300,000元），按该项支持，本项不予支持',
    en: 'alternative to Article 6 (2), scenario project (6.2a): both give 300,000, and that one stands, so this one is excluded',
  },
  {
    name: 'best-of-won, one award, one result',
    step: {
      k: 'best-of-won',
      subject: 'SC-1',
      awards: [{ policy: '丰台区某项措施', amount: fen(59999999) }],
      other: fen(59999999),
      parts: [],
      ours: 600000,
    },
    zh: '从优不重复：区内其他政策已给予支持（丰台区某项措施599,999.99元），本项600,000元高于原支持，按本政策支持，原支持不再享受',
    en: 'best of, never twice: other district policies gave 丰台区某项措施: 599,999.99; 600,000 here is larger and replaces it',
  },
  {
    name: 'best-of-won, several awards, several results for the subject',
    step: {
      k: 'best-of-won',
      subject: 'P-1',
      awards: [
        { policy: '丰台区甲政策', amount: fen(30000000) },
        { policy: '丰台区乙政策', amount: fen(30000000) },
      ],
      other: fen(60000000),
      parts: [
        { ref: REF_42, amount: 500000 },
        { ref: REF_71, amount: 200000 },
      ],
      ours: 700000,
    },
    zh: '从优不重复：区内其他政策已给予支持（丰台区甲政策300,000元、丰台区乙政策300,000元，合计600,000元），本政策对“P-1”合计700,000元（第四条第（2）项（“揭榜挂帅”攻关项目）500,000元、第七条第（1）项（共性技术服务平台）200,000元）高于原支持，按本政策支持，原支持不再享受',
    en: 'best of, never twice: other district policies gave 丰台区甲政策: 300,000; 丰台区乙政策: 300,000; 600,000 in all; 700,000 from this policy for P-1 in all (Article 4 (2), challenge project (4.2): 500,000; Article 7 (1), service platform (7.1): 200,000) is larger and replaces it',
  },
  {
    name: 'best-of-lost on a tie (a measure key)',
    step: {
      k: 'best-of-lost',
      subject: null,
      awards: [{ policy: '丰台区专精特新企业奖励', amount: fen(50000000) }],
      other: fen(50000000),
      parts: [],
      ours: 500000,
    },
    zh: '从优不重复：区内其他政策已给予支持（丰台区专精特新企业奖励500,000元），与本项500,000元金额相同，不再重复支持',
    en: 'best of, never twice: other district policies gave 丰台区专精特新企业奖励: 500,000, the same as 500,000 here, so it is excluded',
  },
  {
    name: 'best-of-lost, one fen more on the other side',
    step: {
      k: 'best-of-lost',
      subject: 'SC-1',
      awards: [{ policy: '丰台区甲政策', amount: fen(123456789) }],
      other: fen(123456789),
      parts: [],
      ours: 1234567,
    },
    zh: '从优不重复：区内其他政策已给予支持（丰台区甲政策1,234,567.89元），不低于本项1,234,567元，不再重复支持',
    en: 'best of, never twice: other district policies gave 丰台区甲政策: 1,234,567.89, not less than 1,234,567 here, so it is excluded',
  },
  {
    name: 'best-of-lost, several results without a subject',
    step: {
      k: 'best-of-lost',
      subject: null,
      awards: [
        { policy: '丰台区甲政策', amount: fen(50000000) },
        { policy: '丰台区乙政策', amount: fen(40000001) },
      ],
      other: fen(90000001),
      parts: [
        { ref: REF_A, amount: 600000 },
        { ref: REF_B, amount: 300000 },
      ],
      ours: 900000,
    },
    zh: '从优不重复：区内其他政策已给予支持（丰台区甲政策500,000元、丰台区乙政策400,000.01元，合计900,000.01元），不低于本政策合计900,000元（第六条第（2）项（应用场景建设项目）600,000元、第六条第（2）项（获得市级应用场景建设项目补贴）300,000元），不再重复支持',
    en: 'best of, never twice: other district policies gave 丰台区甲政策: 500,000; 丰台区乙政策: 400,000.01; 900,000.01 in all, not less than 900,000 from this policy in all (Article 6 (2), scenario project (6.2a): 600,000; Article 6 (2), Beijing scenario subsidy (6.2b): 300,000), so it is excluded',
  },
];

/** Every kind of step: the compiler says so when a kind is added to Step and not here. */
const EVERY_KIND: Record<Step['k'], true> = {
  text: true,
  status: true,
  unmet: true,
  'general-ok': true,
  'general-unmet': true,
  assumed: true,
  variant: true,
  percent: true,
  cap: true,
  'cap-window': true,
  maximum: true,
  tier: true,
  'tier-more': true,
  'tier-none': true,
  'tier-before': true,
  bonus: true,
  'per-unit': true,
  prize: true,
  zero: true,
  missing: true,
  'one-time-ok': true,
  'one-time-used': true,
  'per-year-used': true,
  window: true,
  'window-over': true,
  'out-of-force': true,
  continuing: true,
  'event-ok': true,
  'event-outside': true,
  'event-other-year': true,
  'alternative-won': true,
  'alternative-lost': true,
  'best-of-won': true,
  'best-of-lost': true,
};

const HAN = '\\u4e00-\\u9fff';
/** Chinese characters and full-width punctuation: what a Chinese sentence is made of. */
const CJK = `${HAN}\\u3000-\\u303f\\uff00-\\uffef“”‘’`;

describe('renderStep', () => {
  it.each(cases)('$name', ({ step, zh, en }) => {
    expect(renderStep(step, 'zh')).toBe(zh);
    expect(renderStep(step, 'en')).toBe(en);
  });

  it('covers every kind of step', () => {
    expect([...new Set(cases.map((c) => c.step.k))].sort()).toEqual(Object.keys(EVERY_KIND).sort());
  });

  it.each(cases)('$name leaves no placeholder and no ungrouped figure', ({ step }) => {
    for (const lang of ['zh', 'en'] as const) {
      const text = renderStep(step, lang);
      expect(text).not.toMatch(/undefined|NaN|null|Infinity|\[object/);
      // Years have four digits; any longer run of digits is an amount printed without grouping.
      expect(text).not.toMatch(/\d{5,}/);
    }
  });

  it.each(cases)('$name in Chinese follows the official style (CHINESE.md)', ({ step }) => {
    const zh = renderStep(step, 'zh');
    // Full-width ，：；（） in Chinese: no half-width one next to a Chinese character.
    expect(zh).not.toMatch(new RegExp(`[${HAN}][,:;()]|[,:;()][${HAN}]`));
    // No half-width quotation marks, no half-width punctuation that ends a Chinese clause.
    expect(zh).not.toMatch(/"/);
    expect(zh).not.toMatch(/[,:;] /);
    // No space between Chinese and figures or Latin letters (nor beside full-width punctuation).
    expect(zh).not.toMatch(new RegExp(`[${CJK}]\\s|\\s[${CJK}]`));
    // Dates as the text writes them (2026年3月1日), never ISO.
    expect(zh).not.toMatch(/\d{4}-\d{1,2}-\d{1,2}/);
    // Amounts in yuan, never the word the style refuses.
    expect(zh).not.toMatch(/定额/);
  });

  it('the style check catches what it is meant to catch', () => {
    const han = new RegExp(`[${HAN}][,:;()]|[,:;()][${HAN}]`);
    const space = new RegExp(`[${CJK}]\\s|\\s[${CJK}]`);
    expect('假设:全年计算').toMatch(han);
    expect('连续支持(每家企业)').toMatch(han);
    expect('1,234,567元').not.toMatch(han);
    expect('连续支持第 1 年').toMatch(space);
    expect('最高500,000元，以评审认定为准').not.toMatch(space);
  });
});
