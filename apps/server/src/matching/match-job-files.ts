import { join } from 'node:path';
import type { InputFormat } from '@ftai/match';

/** The files of a match job, in `<dataDir>/match-jobs/<id>/`. */
export const MATCH_FILES = {
  results: 'results.jsonl',
  summary: 'summary.xlsx',
  errors: 'errors.jsonl',
  notify: 'notify.jsonl',
  /** Totals per measure and article, for the job's page. */
  totals: 'totals.json',
} as const;

export function matchJobDir(dataDir: string, id: string): string {
  return join(dataDir, 'match-jobs', id);
}

/** The input as stored: `input.csv`, `input.xlsx` or `input.jsonl`. */
export function inputFileName(format: InputFormat): string {
  return `input.${format}`;
}
