import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatOfPath, type MatchProgress, type MatchSummary, matchFile } from '@ftai/match';
import { appendAudit } from '../audit/append-audit.js';
import type { AppContext } from '../context.js';
import type { MatchJobStatus, MatchJobsTable } from '../db/schema.js';
import { writePlatformRegistry } from './build-platform-registry.js';
import { inputFileName, MATCH_FILES, matchJobDir } from './match-job-files.js';

/** How often a running job writes its progress to its row. */
const SAVE_EVERY_MS = 1000;

interface Running {
  readonly id: string;
  readonly controller: AbortController;
  progress: MatchProgress | undefined;
}

/** A promise and its resolve, for whoever awaits a job. */
interface Signal {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
}

function signal(): Signal {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** What the runner tells about a job it holds: when it starts running, and when it is out of its hands. */
interface Watch {
  readonly started: Signal;
  readonly settled: Signal;
}

/**
 * Runs match jobs in the background of the server process, one at a time in the order they
 * came, with @ftai/match's worker threads. A job's progress goes to its row every second; its
 * start and end are audited (by the system: no actor). Only jobs that are still queued start,
 * so a job cancelled while it waited never runs.
 *
 * The app context makes one (`ctx.matchJobs`); whoever opens the database starts it once the
 * migrations have run (`start`) and closes it before closing the database (`close`): server.ts,
 * the test harness. Routes only enqueue, cancel and read progress. Tests await a job with
 * `whenSettled(id)` rather than polling.
 */
export class MatchJobRunner {
  private readonly queue: string[] = [];
  private readonly watches = new Map<string, Watch>();
  private running: Running | undefined;
  private draining: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly ctx: Omit<AppContext, 'matchJobs'>) {}

  /**
   * Starts the runner on a migrated database with the jobs a previous process left behind: the
   * queued ones are queued again, the running ones failed (their partial output cannot be
   * trusted to be complete).
   */
  async start(): Promise<void> {
    const stale = await this.ctx.db.selectFrom('match_jobs').select(['id']).where('status', '=', 'running').execute();
    for (const { id } of stale) await this.finish(id, 'failed', undefined, 'the server stopped while this job ran: start it again');
    const queued = await this.ctx.db
      .selectFrom('match_jobs')
      .select(['id'])
      .where('status', '=', 'queued')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const { id } of queued) this.enqueue(id);
  }

  /** Queues a job (its row is `queued`); it runs after the jobs queued before it. */
  enqueue(id: string): void {
    if (this.closed) return;
    this.queue.push(id);
    if (!this.watches.has(id)) this.watches.set(id, { started: signal(), settled: signal() });
    if (!this.draining) this.draining = this.drain();
  }

  /**
   * Resolves once job `id` has started running (its row is `running`), or once it is settled
   * without running (cancelled while queued, or the runner closed); at once for a job the runner
   * does not hold.
   */
  whenStarted(id: string): Promise<void> {
    return this.watches.get(id)?.started.promise ?? Promise.resolve();
  }

  /**
   * Resolves once job `id` is out of the runner's hands: finished (done, failed or cancelled,
   * its row written), taken off the queue, or left queued by `close`; at once for a job the
   * runner does not hold (finished before, or never queued here).
   */
  whenSettled(id: string): Promise<void> {
    return this.watches.get(id)?.settled.promise ?? Promise.resolve();
  }

  /** The live progress of the job now running, if it is `id`. */
  progressOf(id: string): MatchProgress | undefined {
    return this.running?.id === id ? this.running.progress : undefined;
  }

  /** Stops a running job (it ends `cancelled`, its output whole), or takes a queued one off the queue. */
  cancel(id: string): void {
    const at = this.queue.indexOf(id);
    if (at !== -1) {
      this.queue.splice(at, 1);
      this.settle(id);
    }
    if (this.running?.id === id) this.running.controller.abort();
  }

  /** Resolves when no job is running or queued (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Stops the running job and the queue: the server is closing. Queued jobs stay queued for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    for (const id of this.queue.splice(0)) this.settle(id);
    this.running?.controller.abort();
    await this.idle();
  }

  private settle(id: string): void {
    const watch = this.watches.get(id);
    if (!watch) return;
    this.watches.delete(id);
    watch.started.resolve();
    watch.settled.resolve();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0 && !this.closed) {
        const id = this.queue.shift() as string;
        try {
          await this.run(id);
        } finally {
          this.settle(id);
        }
      }
    } finally {
      this.draining = undefined;
    }
  }

  private async run(id: string): Promise<void> {
    const { ctx } = this;
    const at = ctx.now();
    const job = await ctx.tx(async (trx) => {
      const moved = await trx
        .updateTable('match_jobs')
        .set({ status: 'running', started_at: at })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return undefined;
      await appendAudit(
        trx,
        {
          actorId: null,
          action: 'match-job.start',
          entity: 'match_job',
          entityId: id,
          before: { status: 'queued' },
          after: { status: 'running' },
        },
        at,
      );
      return trx.selectFrom('match_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    });
    if (!job) return;

    const running: Running = { id, controller: new AbortController(), progress: undefined };
    this.running = running;
    this.watches.get(id)?.started.resolve();
    let saving: Promise<void> | undefined;
    let lastSave = Date.now();
    const onProgress = (p: MatchProgress) => {
      running.progress = p;
      const now = Date.now();
      if (p.phase !== 'matching' || saving || now - lastSave < SAVE_EVERY_MS) return;
      lastSave = now;
      saving = this.saveProgress(id, p)
        .catch(() => {})
        .finally(() => {
          saving = undefined;
        });
    };
    try {
      const summary = await this.match(job, running.controller.signal, onProgress);
      await saving;
      writeFileSync(
        join(matchJobDir(ctx.config.dataDir, id), MATCH_FILES.totals),
        JSON.stringify({
          seconds: summary.seconds,
          rowsPerSecond: summary.rowsPerSecond,
          measures: summary.measures,
          articles: summary.articles,
        }),
      );
      if (summary.aborted && this.closed) await this.finish(id, 'failed', summary, 'the server stopped while this job ran: start it again');
      else await this.finish(id, summary.aborted ? 'cancelled' : 'done', summary, null);
    } catch (error) {
      await saving;
      await this.finish(id, 'failed', undefined, error instanceof Error ? error.message : String(error));
    } finally {
      this.running = undefined;
    }
  }

  private async match(job: MatchJobsTable, signal: AbortSignal, onProgress: (p: MatchProgress) => void): Promise<MatchSummary> {
    const { ctx } = this;
    const dir = matchJobDir(ctx.config.dataDir, job.id);
    let input: string;
    if (job.source === 'platform') {
      input = join(dir, inputFileName('jsonl'));
      const count = await writePlatformRegistry(ctx.db, Number(job.year), input);
      await ctx.db.updateTable('match_jobs').set({ rows_total: count }).where('id', '=', job.id).execute();
    } else {
      input = join(dir, inputFileName(formatOfPath(job.filename ?? '')));
    }
    return matchFile(
      {
        input,
        inputName: job.filename ?? `platform-${job.year}.jsonl`,
        outputs: {
          jsonl: join(dir, MATCH_FILES.results),
          xlsx: join(dir, MATCH_FILES.summary),
          errors: join(dir, MATCH_FILES.errors),
          notify: join(dir, MATCH_FILES.notify),
        },
        workers: ctx.config.matchWorkers,
        lang: 'zh',
        explain: true,
        ignoreUnknownColumns: Number(job.allow_extra_columns) === 1,
        tempDir: dir,
      },
      onProgress,
      signal,
    );
  }

  private async saveProgress(id: string, p: MatchProgress): Promise<void> {
    await this.ctx.db
      .updateTable('match_jobs')
      .set({ rows_done: p.rowsDone, rows_bad: p.rowsBad, granted_enterprises: p.grantedRows, granted_total: p.grantedTotal })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  private async finish(id: string, status: MatchJobStatus, summary: MatchSummary | undefined, error: string | null): Promise<void> {
    const at = this.ctx.now();
    await this.ctx.tx(async (trx) => {
      const counts = summary
        ? {
            rows_done: summary.rowsDone,
            rows_bad: summary.rowsBad,
            granted_enterprises: summary.grantedRows,
            granted_total: summary.grantedTotal,
            ...(summary.aborted ? {} : { rows_total: summary.rowsDone }),
          }
        : {};
      await trx
        .updateTable('match_jobs')
        .set({ status, finished_at: at, error, ...counts })
        .where('id', '=', id)
        .execute();
      await appendAudit(
        trx,
        {
          actorId: null,
          action: 'match-job.finish',
          entity: 'match_job',
          entityId: id,
          before: { status: 'running' },
          after: {
            status,
            ...(summary && {
              rowsDone: summary.rowsDone,
              rowsBad: summary.rowsBad,
              grantedEnterprises: summary.grantedRows,
              grantedTotal: summary.grantedTotal,
            }),
            ...(error !== null && { error }),
          },
        },
        at,
      );
    });
  }
}
