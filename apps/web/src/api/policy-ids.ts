/**
 * Ids of the policy that the web's forms offer as choices (CALCULATION.md). The tiers come from the
 * report's words (@ftai/policy-fengtai/report, which the browser takes); the enterprise-level and
 * in-kind measures mirror @ftai/policy-fengtai, which the browser bundle does not import
 * (policy-ids.test.ts keeps the two in step).
 */

export type { Tier } from '@ftai/policy-fengtai/report/words';
export { REVENUE_TIERS, TIERS_OF_MEASURE as MILESTONE_TIERS, tierLabel } from '@ftai/policy-fengtai/report/words';

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
