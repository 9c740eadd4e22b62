/**
 * Ids of the policy that the web's forms offer as choices (CALCULATION.md). They mirror
 * `MILESTONE_TIERS` and `ENTERPRISE_MEASURE_IDS` of @ftai/policy-fengtai, which the browser bundle
 * does not import (policy-ids.test.ts keeps the two in step).
 */

export interface Tier {
  readonly id: string;
  readonly label: { readonly zh: string; readonly en: string };
}

/** 第五条第（1）项: the tiers, highest first; a 5.1 history entry names one as its subject. */
export const REVENUE_TIERS: readonly Tier[] = [
  { id: 'revenue-1b', label: { zh: '10亿元', en: '1,000,000,000 yuan' } },
  { id: 'revenue-500m', label: { zh: '5亿元', en: '500,000,000 yuan' } },
  { id: 'revenue-100m', label: { zh: '1亿元', en: '100,000,000 yuan' } },
  { id: 'revenue-50m', label: { zh: '5000万元', en: '50,000,000 yuan' } },
  { id: 'above-designated-size', label: { zh: '首次达规', en: 'first above designated size' } },
];

/** The measures paid by milestone tiers, with their tiers. */
export const MILESTONE_TIERS: ReadonlyMap<string, readonly Tier[]> = new Map([['5.1', REVENUE_TIERS]]);

/** The label of a tier id (`revenue-100m` → 1亿元), or the id itself when it is no tier. */
export function tierLabel(id: string, lang: 'zh' | 'en'): string {
  for (const tiers of MILESTONE_TIERS.values()) {
    const tier = tiers.find((t) => t.id === id);
    if (tier) return tier.label[lang];
  }
  return id;
}

/**
 * The measures whose support goes to the enterprise as a whole: what another district policy's
 * award may name as `measure` (otherPolicyAwards[].measure) instead of a subject.
 */
export const ENTERPRISE_MEASURE_IDS: readonly string[] = [
  '1',
  '2.2',
  '3.1',
  '3.2',
  '3.3',
  '4.1',
  '4.3',
  '5.1',
  '5.2',
  '5.3a',
  '5.3b',
  '5.4',
  '6.2c',
  '6.3a',
  '8.1',
  '8.2',
  '8.3',
  '9.3',
  '10.2',
];

/** History of these measures (in kind) carries amount 0. */
export const IN_KIND_MEASURE_IDS: readonly string[] = ['5.4'];
