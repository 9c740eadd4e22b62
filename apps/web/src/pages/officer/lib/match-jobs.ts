/**
 * Registry matching jobs (免申即享) as the web app shows them: the answers' types are @ftai/api's
 * (`MatchJob`, `NotifyEntry`, from apps/server/src/routes/match-routes.ts); here is what the page
 * makes of them.
 */
import type { MatchJob, NotifyEntry } from '@ftai/api';

/** The measures granted, each once, in the order first granted (a measure may be granted per subject). */
export function measureIds(entry: NotifyEntry): string[] {
  return [...new Set(entry.measures.map((m) => m.measure).filter(Boolean))];
}

/** Is the job still moving (so its progress is polled)? */
export function isActive(job: MatchJob): boolean {
  return job.status === 'queued' || job.status === 'running';
}

/** Rows done as a whole percent (floored; 100 only when done), or null before the total is known. */
export function progressPercent(job: MatchJob): number | null {
  if (job.status === 'done') return 100;
  const fraction = job.progress?.fraction ?? (job.rowsTotal ? job.rowsDone / job.rowsTotal : null);
  if (fraction === null) return null;
  return Math.min(99, Math.max(0, Math.floor(fraction * 100)));
}

/** The registry files the upload accepts, by name (as the server: .csv, .xlsx, .jsonl or .ndjson). */
export function isRegistryFile(name: string): boolean {
  return /\.(csv|xlsx|jsonl|ndjson)$/i.test(name);
}
