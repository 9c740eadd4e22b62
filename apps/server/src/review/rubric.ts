import { RUBRIC, type RubricScores } from '@ftai/api';

/** The review's total: the plain sum of the criteria (0–100), as @ftai/api's RUBRIC lists them. */
export function totalScore(scores: RubricScores): number {
  return RUBRIC.reduce((sum, c) => sum + scores[c.id], 0);
}
