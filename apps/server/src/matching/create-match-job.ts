import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';

export interface NewMatchJob {
  readonly id: string;
  readonly source: 'upload' | 'platform';
  readonly filename: string | null;
  readonly year: number | null;
  readonly allowExtraColumns: boolean;
}

/** A match_jobs row as it is queued, nothing done yet; a simulation adds its own columns to it. */
export function queuedJobRow(job: NewMatchJob, createdBy: string, at: string) {
  return {
    id: job.id,
    source: job.source,
    status: 'queued' as const,
    filename: job.filename,
    year: job.year,
    allow_extra_columns: job.allowExtraColumns ? 1 : 0,
    rows_total: null,
    rows_done: 0,
    rows_bad: 0,
    granted_enterprises: 0,
    granted_total: 0,
    created_by: createdBy,
    created_at: at,
    started_at: null,
    finished_at: null,
    error: null,
    lease_owner: null,
    heartbeat_at: null,
    lease_expires_at: null,
    cancel_requested: 0,
    attempts: 0,
    retries: 0,
    progress_json: null,
  };
}

/**
 * Records a queued match job, its creation in the audit log and (on PostgreSQL) its message on the
 * job queue, in one transaction, then wakes the runner: it runs after the jobs queued before it,
 * on whichever instance takes it.
 */
export async function createMatchJob(ctx: AppContext, officer: CurrentUser, job: NewMatchJob): Promise<void> {
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    await trx
      .insertInto('match_jobs')
      .values(queuedJobRow(job, officer.id, at))
      .execute();
    await appendAudit(
      trx,
      {
        actorId: officer.id,
        action: 'match-job.create',
        entity: 'match_job',
        entityId: job.id,
        before: null,
        after: { source: job.source, filename: job.filename, year: job.year, allowExtraColumns: job.allowExtraColumns },
      },
      at,
    );
    // On PostgreSQL the queue's message is written with the job: both or neither.
    await ctx.matchJobs.enqueue(job.id, trx);
  });
  // After the commit: wakes this instance's worker (the in-process queue takes its message here).
  await ctx.matchJobs.enqueue(job.id);
}
