import { checkPolicy, type ParameterDefinition, ParameterSet, type Policy } from '@ftai/engine';
import parameterData from '../data/parameters.json' with { type: 'json' };
import { measure1, measure2_1, measure2_2 } from './measures/article-1-2.js';
import { measure3_1, measure3_2, measure3_3, measure3_4 } from './measures/article-3.js';
import { measure4_1, measure4_2, measure4_3, measure4_4 } from './measures/article-4.js';
import { measure5_1, measure5_2, measure5_3a, measure5_3b, measure5_4 } from './measures/article-5.js';
import { measure6_1, measure6_2a, measure6_2b, measure6_2c, measure6_3a, measure6_3b, measure6_4 } from './measures/article-6.js';
import { measure7_1, measure7_2, measure8_1, measure8_2, measure8_3, measure8_4 } from './measures/article-7-8.js';
import { measure9_1, measure9_2, measure9_3, measure10_1, measure10_2, measure10_3, measure10_4 } from './measures/article-9-10.js';
import { GENERAL_CONDITIONS_CHECKED, GENERAL_CONDITIONS_SOURCE, generalConditions } from './measures/common.js';
import type { FengtaiRequest } from './request/request-schema.js';

export const POLICY_ID = 'fengtai-ai-2025';
/** Bumped whenever a measure or parameter changes (see CHANGELOG.md, "impacted periods"). */
export const POLICY_VERSION = '2025.10.30-2';

/** Every row of MEASURES.md, in catalogue order. */
export const measures = [
  measure1,
  measure2_1,
  measure2_2,
  measure3_1,
  measure3_2,
  measure3_3,
  measure3_4,
  measure4_1,
  measure4_2,
  measure4_3,
  measure4_4,
  measure5_1,
  measure5_2,
  measure5_3a,
  measure5_3b,
  measure5_4,
  measure6_1,
  measure6_2a,
  measure6_2b,
  measure6_2c,
  measure6_3a,
  measure6_3b,
  measure6_4,
  measure7_1,
  measure7_2,
  measure8_1,
  measure8_2,
  measure8_3,
  measure8_4,
  measure9_1,
  measure9_2,
  measure9_3,
  measure10_1,
  measure10_2,
  measure10_3,
  measure10_4,
] as const;

export const MEASURE_IDS: readonly string[] = measures.map((m) => m.id);

export const parameters = new ParameterSet(parameterData.parameters as unknown as ParameterDefinition[]);

/** 《丰台区支持人工智能科技创新和产业创新融合发展的若干措施》, in force 2025-10-30 to 2028-12-31. */
export const fengtaiPolicy: Policy<FengtaiRequest> = {
  id: POLICY_ID,
  version: POLICY_VERSION,
  inForce: { from: '2025-10-30', to: '2028-12-31' },
  parameters,
  generalConditions,
  generalConditionsReading: 'general.conditions',
  generalConditionsChecked: GENERAL_CONDITIONS_CHECKED,
  generalConditionsSource: GENERAL_CONDITIONS_SOURCE,
  firstYearInFull: 'general.first-year-in-full',
  measures,
};

const problems = checkPolicy(fengtaiPolicy);
if (problems.length > 0) throw new Error(`the Fengtai policy is not well defined: ${problems.join('; ')}`);

/**
 * The measures another policy's award may name by `measure` (CALCULATION.md): support to the
 * enterprise as a whole, that is every measure without a subject that can grant money.
 */
export const ENTERPRISE_MEASURE_IDS: readonly string[] = measures
  .filter((m) => !m.perSubject && m.rule.kind !== 'service')
  .map((m) => m.id);

/** For each measure paid by milestone tiers (5.1), the tier ids its history names as subjects. */
export const MILESTONE_TIERS: ReadonlyMap<string, readonly string[]> = new Map(
  measures.flatMap((m) => {
    if (m.rule.kind !== 'tiers' || !m.rule.milestones) return [];
    const ref = m.rule.tiers;
    const ids = new Set<string>();
    for (const def of parameters.definitions()) {
      if (typeof ref === 'string' ? def.id !== ref : !Object.values(ref).includes(def.id)) continue;
      for (const v of def.values) for (const t of v.value as { id?: string }[]) if (t.id) ids.add(t.id);
    }
    return [[m.id, [...ids]] as const];
  }),
);
