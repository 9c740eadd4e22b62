import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MatchProgress } from '@ftai/match';
import type { Kysely } from 'kysely';
import type { Database, MatchJobsTable } from '../db/schema.js';
import { notFound } from '../errors.js';
import { MATCH_FILES, matchJobDir } from './match-job-files.js';

export interface MatchJobView {
  readonly id: string;
  readonly source: 'upload' | 'platform';
  readonly status: MatchJobsTable['status'];
  readonly filename: string | null;
  readonly year: number | null;
  readonly allowExtraColumns: boolean;
  readonly rowsTotal: number | null;
  readonly rowsDone: number;
  readonly rowsBad: number;
  readonly grantedEnterprises: number;
  readonly grantedTotal: number;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly error: string | null;
  /** While running: share done, rows per second, time left, from the running job itself. */
  readonly progress: { fraction: number | null; rowsPerSecond: number; secondsLeft: number | null; phase: string } | null;
  /** Where to download the results, once there are any to download. */
  readonly downloads: { results: string; summary: string; errors: string; notify: string } | null;
}

const FINISHED_WITH_RESULTS = new Set(['done', 'cancelled']);

export function matchJobView(row: MatchJobsTable, live: MatchProgress | undefined, nowMs: number): MatchJobView {
  const base = `/api/v1/match-jobs/${row.id}`;
  let progress: MatchJobView['progress'] = null;
  if (row.status === 'running') {
    const seconds = row.started_at ? (nowMs - Date.parse(row.started_at)) / 1000 : 0;
    progress = live
      ? { fraction: live.fraction, rowsPerSecond: Math.round(live.rowsPerSecond), secondsLeft: live.secondsLeft, phase: live.phase }
      : {
          fraction: null,
          rowsPerSecond: seconds > 0 ? Math.round(Number(row.rows_done) / seconds) : 0,
          secondsLeft: null,
          phase: 'matching',
        };
  }
  return {
    id: row.id,
    source: row.source,
    status: row.status,
    filename: row.filename,
    year: row.year === null ? null : Number(row.year),
    allowExtraColumns: Number(row.allow_extra_columns) === 1,
    rowsTotal: row.rows_total === null ? null : Number(row.rows_total),
    // While running, the live count is ahead of the row (written every second).
    rowsDone: live && row.status === 'running' ? live.rowsDone : Number(row.rows_done),
    rowsBad: live && row.status === 'running' ? live.rowsBad : Number(row.rows_bad),
    grantedEnterprises: Number(row.granted_enterprises),
    grantedTotal: Number(row.granted_total),
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
    progress,
    downloads: FINISHED_WITH_RESULTS.has(row.status)
      ? { results: `${base}/results.jsonl`, summary: `${base}/summary.xlsx`, errors: `${base}/errors.jsonl`, notify: `${base}/notify` }
      : null,
  };
}

export async function requireMatchJob(db: Kysely<Database>, id: string): Promise<MatchJobsTable> {
  const row = await db.selectFrom('match_jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('match job');
  return row;
}

/** The totals per measure and article a finished job wrote, if any. */
export function readMatchTotals(dataDir: string, id: string): unknown {
  const file = join(matchJobDir(dataDir, id), MATCH_FILES.totals);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}
