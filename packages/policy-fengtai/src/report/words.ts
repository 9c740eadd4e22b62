/**
 * The words a report of the calculation uses, for the browser and the server alike: a measure as
 * people cite it, 5.1's tiers by the text's words, the result statuses (CHINESE.md), a status with
 * its cause, and whole yuan with separators. Plain code with no imports, so the web app takes it
 * without zod or the engine (`@ftai/policy-fengtai/report`).
 */

export type Lang = 'zh' | 'en';

/** A text in Chinese and English. */
export interface Words {
  readonly zh: string;
  readonly en: string;
}

/** A measure of the catalogue as a report names it. */
export interface MeasureName {
  readonly citation: string;
  readonly name: string;
}

const GROUP = /\B(?=(\d{3})+(?!\d))/g;

/** 1234567 → "1,234,567" (whole yuan, as every amount of the platform); null → "—". */
export function formatYuan(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  return String(amount).replace(GROUP, ',');
}

/**
 * A measure as people cite it: the clause as the text numbers it and the measure's name —
 * 第五条第（3）项（首次认定国家专精特新“小巨人”企业）, or "Article 5(3) (first "little giant"
 * recognition)" — never the internal id (CHINESE.md). `m` comes from the catalogue in `lang`;
 * without it, `fallback` (the result's own citation) stands in.
 */
export function measureLabel(m: MeasureName | undefined, lang: Lang, fallback = ''): string {
  if (!m) return fallback;
  if (!m.name) return m.citation;
  return lang === 'en' ? `${m.citation} (${m.name})` : `${m.citation}（${m.name}）`;
}

/** A tier of a measure paid by milestones: its id and its words. */
export interface Tier {
  readonly id: string;
  readonly label: Words;
}

/**
 * 第五条第（1）项: the tiers, highest first; a 5.1 history entry names one as its subject. They
 * mirror the parameter 5.1.tiers, which the browser bundle does not import (words.test.ts keeps
 * the two in step).
 */
export const REVENUE_TIERS: readonly Tier[] = [
  { id: 'revenue-1b', label: { zh: '10亿元', en: '1,000,000,000 yuan' } },
  { id: 'revenue-500m', label: { zh: '5亿元', en: '500,000,000 yuan' } },
  { id: 'revenue-100m', label: { zh: '1亿元', en: '100,000,000 yuan' } },
  { id: 'revenue-50m', label: { zh: '5000万元', en: '50,000,000 yuan' } },
  { id: 'above-designated-size', label: { zh: '首次达规', en: 'first above designated size' } },
];

/** The measures paid by milestone tiers, with their tiers. */
export const TIERS_OF_MEASURE: ReadonlyMap<string, readonly Tier[]> = new Map([['5.1', REVENUE_TIERS]]);

/** The label of a tier id (`revenue-100m` → 1亿元), or the id itself when it is no tier. */
export function tierLabel(id: string, lang: Lang): string {
  for (const tiers of TIERS_OF_MEASURE.values()) {
    const tier = tiers.find((t) => t.id === id);
    if (tier) return tier.label[lang];
  }
  return id;
}

/** A result's status as CHINESE.md words it (予以支持 …), and in English. */
export const RESULT_STATUS_WORDS: Readonly<Record<string, Words>> = {
  granted: { zh: '予以支持', en: 'Granted' },
  ineligible: { zh: '不符合条件', en: 'Not eligible' },
  excluded: { zh: '不予支持', en: 'Excluded' },
  incomplete: { zh: '待补充信息', en: 'Needs facts' },
  pending: { zh: '待定', en: 'Pending' },
  'in-kind': { zh: '实物支持', en: 'In kind' },
  service: { zh: '服务事项', en: 'Service' },
  'not-applicable': { zh: '不适用', en: 'Not applicable' },
};

/** The word of a result status in `lang`; an unknown status as it is. */
export function resultStatusWord(status: string, lang: Lang): string {
  return RESULT_STATUS_WORDS[status]?.[lang] ?? status;
}

/**
 * The cause of a result as it follows its status word: the reasons joined, without the word
 * again where a reason already starts with it (服务事项：服务事项：… reads as 服务事项：…).
 *
 * @example resultCause('服务事项', ['服务事项：纳入区级“服务包”'], 'zh') // "纳入区级“服务包”"
 */
export function resultCause(word: string, reasons: readonly string[], lang: Lang): string {
  const repeat = lang === 'en' ? new RegExp(`^${escapeRegExp(word)}:\\s*`, 'i') : new RegExp(`^${escapeRegExp(word)}：`);
  return reasons.map((r) => r.replace(repeat, '')).join(lang === 'en' ? '; ' : '；');
}

/** The status word and its cause: 不予支持：已于2026年度享受本项支持（一次性）; the word alone when there is none. */
export function statusWithCause(word: string, reasons: readonly string[], lang: Lang): string {
  const cause = resultCause(word, reasons, lang);
  return cause === '' ? word : `${word}${lang === 'en' ? ': ' : '：'}${cause}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The calculation report's words (政策测算报告): its headings, columns and notes, for the web's
 * printed report and the server's PDF alike.
 */
export const REPORT_WORDS = {
  zh: {
    title: '政策测算报告',
    policy: '《丰台区支持人工智能科技创新和产业创新融合发展的若干措施》',
    policyVersion: '政策版本',
    computedOn: '测算日期',
    request: '测算依据（填报情况）',
    enterprise: '企业',
    year: '评估年度',
    conditions: '基本条件',
    facts: '填报事项',
    history: '已获支持',
    otherAwards: '其他政策支持',
    results: '测算结果与计算过程',
    measure: '支持事项',
    subject: '对象',
    status: '结果',
    amount: '金额（元）',
    steps: '计算过程',
    reasons: '原因',
    none: '无',
    total: '合计',
    review: '需评审',
    reviewLegend: '标“需评审”的金额为政策允许的最高额（经评审认定），以评审认定为准。',
    toFill: '待补充',
    assumed: '假设',
    disclaimer: '测算结果仅供参考，实际支持金额以主管部门审定为准，并受年度总额控制。',
  },
  en: {
    title: 'Policy calculation report',
    policy: '《丰台区支持人工智能科技创新和产业创新融合发展的若干措施》 (Fengtai AI measures)',
    policyVersion: 'Policy version',
    computedOn: 'Computed on',
    request: 'What the calculation is based on',
    enterprise: 'Enterprise',
    year: 'Assessment year',
    conditions: 'General conditions',
    facts: 'Facts',
    history: 'Earlier grants',
    otherAwards: 'Other policies',
    results: 'Results and explanation',
    measure: 'Measure',
    subject: 'Subject',
    status: 'Status',
    amount: 'Amount (yuan)',
    steps: 'Steps',
    reasons: 'Why',
    none: 'None',
    total: 'Total',
    review: 'review',
    reviewLegend: 'Amounts marked “review” are the most the text allows; an expert review may award less.',
    toFill: 'To fill in',
    assumed: 'assumed',
    disclaimer: 'An estimate: the amounts granted are decided by the bureau and limited by the annual budget.',
  },
} as const;
