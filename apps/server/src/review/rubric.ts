import { z } from 'zod';

/**
 * The expert review rubric (评审评分标准): four criteria scored in whole points, 100 in all.
 * Exported as data so that the web app shows the same labels and bounds the server checks.
 */
export const RUBRIC = [
  { id: 'innovation', label: { zh: '技术创新性', en: 'Technical innovation' }, max: 30 },
  { id: 'feasibility', label: { zh: '实施可行性', en: 'Feasibility of implementation' }, max: 30 },
  { id: 'impact', label: { zh: '产业带动效果', en: 'Effect on the industry' }, max: 25 },
  { id: 'compliance', label: { zh: '材料合规性', en: 'Compliance of the documents' }, max: 15 },
] as const;

export type CriterionId = (typeof RUBRIC)[number]['id'];
export type RubricScores = Readonly<Record<CriterionId, number>>;

/** The most a review can total: the sum of the criteria's maxima (100). */
export const RUBRIC_MAX = RUBRIC.reduce((sum, c) => sum + c.max, 0);

function maxOf(id: CriterionId): number {
  return RUBRIC.find((c) => c.id === id)?.max ?? 0;
}

function criterion(max: number) {
  return z
    .number({ error: `expected a whole number of points from 0 to ${max}` })
    .int({ error: `expected a whole number of points from 0 to ${max}` })
    .min(0, { error: `expected a whole number of points from 0 to ${max}` })
    .max(max, { error: `expected at most ${max} points` });
}

export const rubricScoresSchema = z.strictObject(
  {
    innovation: criterion(maxOf('innovation')),
    feasibility: criterion(maxOf('feasibility')),
    impact: criterion(maxOf('impact')),
    compliance: criterion(maxOf('compliance')),
  },
  { error: (i) => (i.code === 'unrecognized_keys' ? undefined : 'expected the scores innovation, feasibility, impact and compliance') },
);

/** The review's total: the plain sum of the criteria (0–100). */
export function totalScore(scores: RubricScores): number {
  return RUBRIC.reduce((sum, c) => sum + scores[c.id], 0);
}
