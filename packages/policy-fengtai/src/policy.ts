import { type ParameterDefinition, ParameterSet, type Policy } from '@ftai/engine';
import parameterData from '../data/parameters.json' with { type: 'json' };
import { measure1, measure2_1, measure2_2 } from './measures/article-1-2.js';
import { measure3_1, measure3_2, measure3_3, measure3_4 } from './measures/article-3.js';
import { measure4_1, measure4_2, measure4_3, measure4_4 } from './measures/article-4.js';
import { measure5_1, measure5_2, measure5_3a, measure5_3b, measure5_4 } from './measures/article-5.js';
import { measure6_1, measure6_2a, measure6_2b, measure6_2c, measure6_3a, measure6_3b, measure6_4 } from './measures/article-6.js';
import { measure7_1, measure7_2, measure8_1, measure8_2, measure8_3, measure8_4 } from './measures/article-7-8.js';
import { measure9_1, measure9_2, measure9_3, measure10_1, measure10_2, measure10_3, measure10_4 } from './measures/article-9-10.js';
import { FIRST_YEAR_IN_FULL, GENERAL_CONDITIONS_MET, generalConditions } from './measures/common.js';
import type { FengtaiRequest } from './request/request-schema.js';

export const POLICY_ID = 'fengtai-ai-2025';
/** Bumped whenever a measure or parameter changes (see CHANGELOG.md, "impacted periods"). */
export const POLICY_VERSION = '2025.10.30-1';

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
  generalConditionsMet: GENERAL_CONDITIONS_MET,
  firstYearInFull: FIRST_YEAR_IN_FULL,
  measures,
};
