import type { MatchJob, MatchJobDetail } from '@ftai/api';
import type { MatchProgress } from '@ftai/match';
import type { Kysely } from 'kysely';
import type { AppContext } from '../context.js';
import type { Database, MatchJobsTable } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { readJobTotals } from './match-job-files.js';
import { storedProgress } from './match-job-runner.js';

const FINISHED_WITH_RESULTS = new Set(['done', 'cancelled']);

/** A job as the API answers it: its row, with the live progress of the running job (`live`) ahead of the row's. */
export function matchJobView(row: MatchJobsTable, liveHere: MatchProgress | undefined, nowMs: number): MatchJob {
  // A job running on another instance: the progress its heartbeat last wrote.
  const live = liveHere ?? storedProgress(row);
  const base = `/api/v1/match-jobs/${row.id}`;
  let progress: MatchJob['progress'] = null;
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
      ? {
          results: `${base}/results.jsonl`,
          resultsXlsx: `${base}/results.xlsx`,
          summary: `${base}/summary.xlsx`,
          errors: `${base}/errors.jsonl`,
          errorsXlsx: `${base}/errors.xlsx`,
          notify: `${base}/notify`,
        }
      : null,
  };
}

/** A match job (a simulation, which runs as one, is not: see simulations/). */
export async function requireMatchJob(db: Kysely<Database>, id: string): Promise<MatchJobsTable> {
  const row = await db.selectFrom('match_jobs').selectAll().where('id', '=', id).where('kind', '=', 'match').executeTakeFirst();
  if (!row) throw notFound('match job');
  return row;
}

/** A job whose files can be read (done or cancelled); 409 otherwise, saying `what` waits for it ("its files are"). */
export async function requireFinishedMatchJob(db: Kysely<Database>, id: string, what: string): Promise<MatchJobsTable> {
  const row = await requireMatchJob(db, id);
  if (!FINISHED_WITH_RESULTS.has(row.status)) {
    throw conflict('FTAI_ERR_CONFLICT', `the match job is ${row.status}: ${what} ready once it is done (or cancelled)`);
  }
  return row;
}

/** One job as the API answers it, the running one with its live progress. */
export async function loadMatchJob(ctx: AppContext, id: string): Promise<MatchJob> {
  const row = await requireMatchJob(ctx.db, id);
  return matchJobView(row, ctx.matchJobs.progressOf(id), ctx.config.now().getTime());
}

/** One job with its totals per measure and article, once it has files. */
export async function loadMatchJobDetail(ctx: AppContext, id: string): Promise<MatchJobDetail> {
  const job = await loadMatchJob(ctx, id);
  // Read from the file store: the instance that ran the job stored them there.
  return { ...job, totals: job.downloads ? await readJobTotals(ctx, job.id) : null };
}
