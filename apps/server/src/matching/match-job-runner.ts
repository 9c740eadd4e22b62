import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type MatchProgress, type MatchSummary, matchFile } from '@ftai/match';
import { type ExpressionBuilder, type RawBuilder, sql, type Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.js';
import type { AppContext } from '../context.js';
import type { Database, MatchJobKind, MatchJobStatus, MatchJobsTable } from '../db/schema.js';
import { databaseNow } from '../jobs/database-clock.js';
import { type JobQueue, type QueueHealth, reportJobError } from '../jobs/job-queue.js';
import { openJobQueue } from '../jobs/open-job-queue.js';
import { editionInEffect } from '../policy-versions/editions.js';
import { runSimulation, simulationResult } from '../simulations/run-simulation.js';
import { writePlatformRegistry } from './build-platform-registry.js';
import { fetchJobInput, MATCH_FILES, makeJobWorkDir, removeJobWorkDir, storeJobOutputs } from './match-job-files.js';

/** The queue of match jobs; a message names the job, its row says what to do. */
const QUEUE = 'match-job';
/** How often a watched job's row is read, for a job another instance may be running. */
const WATCH_EVERY_MS = 250;
const FINAL: ReadonlySet<MatchJobStatus> = new Set(['done', 'failed', 'cancelled']);

/**
 * Why a run stops before its end: an officer's cancel; the instance closing (the job goes back to
 * the queue); the instance "dying" (tests: nothing more is written, the lease runs out); or the
 * lease lost to another instance (nothing more is written: the job is another run's now).
 */
type Stop = 'cancel' | 'hand-back' | 'crash' | 'lost';
/** A stop overrides a weaker one: what was lost must write nothing, a cancel ends the job rather than handing it back. */
const STRENGTH: Record<Stop, number> = { 'hand-back': 0, cancel: 1, crash: 2, lost: 2 };

interface Running {
  readonly id: string;
  /** A match job, or a simulation (政策模拟) run the same way: its audit entries are its own. */
  readonly kind: MatchJobKind;
  /** The run's number (the row's `attempts`): every write of the run is fenced by it and this instance's name. */
  readonly attempt: number;
  readonly controller: AbortController;
  progress: MatchProgress | undefined;
  stop: Stop | undefined;
  beating: Promise<void> | undefined;
  /** When the row last took a heartbeat (Date.now()). */
  lastBeat: number;
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

/** What the runner tells about a job it was given: when it starts running, and when it is out of its hands. */
interface Watch {
  readonly started: Signal;
  readonly settled: Signal;
}

/** The last progress a running job's instance wrote to its row, for an instance that does not run it. */
export function storedProgress(row: Pick<MatchJobsTable, 'status' | 'progress_json'>): MatchProgress | undefined {
  if (row.status !== 'running' || !row.progress_json) return undefined;
  try {
    return JSON.parse(row.progress_json) as MatchProgress;
  } catch {
    return undefined;
  }
}

/**
 * Runs match jobs in the background, on the server's job queue (apps/server/src/jobs): pg-boss
 * on PostgreSQL, where every instance on the database takes jobs from one queue, in process on
 * SQLite. Each instance runs one job at a time, oldest first, with @ftai/match's worker threads.
 *
 * The job's row is the truth; queue messages only say "look at job X". An instance takes a job by
 * moving its row from `queued` to `running` (one instance wins), leased to itself: a heartbeat
 * renews the lease every second or so and writes the progress, which any instance can show, and
 * reads back whether an officer asked, on any instance, to cancel. Every write of a run is fenced
 * by the instance's name and the run's number, so that a run whose lease was taken over writes
 * nothing more. An instance finding a lease expired (its instance died) takes the job back to the
 * queue once (FTAI_JOB_RETRIES), or fails it, with one audit entry; closing hands the running job
 * back to the queue for any instance. Start and end are audited (by the system: no actor).
 *
 * The app context makes one (`ctx.matchJobs`); whoever opens the database starts it once the
 * migrations have run (`start`) and closes it before closing the database (`close`): server.ts,
 * the test harness. Routes enqueue, cancel and read progress. Tests await a job with
 * `whenSettled(id)` rather than polling.
 */
export class MatchJobRunner {
  private queue: JobQueue | undefined;
  private readonly watches = new Map<string, Watch>();
  private running: Running | undefined;
  /** The run under way in this instance, from the claim to its last write. */
  private current: Promise<void> | undefined;
  /** Messages being sent outside a request (start, hand-back, recovery). */
  private readonly pending = new Set<Promise<unknown>>();
  private watchTimer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private closing = false;
  private starting: Promise<void> | undefined;

  constructor(private readonly ctx: Omit<AppContext, 'matchJobs'>) {}

  private get instance(): string {
    return this.ctx.config.instanceId;
  }

  private get leaseSeconds(): number {
    return this.ctx.config.jobLeaseSeconds;
  }

  /**
   * Starts taking jobs on a migrated database. Jobs whose instance died are taken back (on SQLite,
   * one process owns the file: every job left running is one), and the queued ones are queued
   * again, in case their message was lost. Then, every half lease, this instance looks for leases
   * that ran out.
   */
  start(): Promise<void> {
    this.starting ??= this.open().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async open(): Promise<void> {
    if (this.queue) return;
    this.closing = false;
    const queue = await openJobQueue(this.ctx);
    try {
      await queue.work<{ id: string }>(QUEUE, ({ id }) => this.take(id));
      this.queue = queue;
      await this.recover(this.ctx.dialect === 'sqlite' ? 'all' : 'unleased');
      const queued = await this.ctx.db
        .selectFrom('match_jobs')
        .select(['id'])
        .where('status', '=', 'queued')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      for (const { id } of queued) await queue.send(QUEUE, { id }, { key: id });
      queue.every('match-job.recover', Math.max(0.5, this.leaseSeconds / 2), () => this.recover('expired'));
    } catch (error) {
      // Not half started: the queue's connections would keep the process alive.
      this.queue = undefined;
      await queue.stopWorking().catch(() => {});
      await queue.stop().catch(() => {});
      throw error;
    }
  }

  /**
   * Puts job `id` (its row `queued`) on the queue: it runs after the jobs queued before it. With
   * `trx`, on a durable queue, the message is written in that transaction (created with the job
   * or not at all); call it again after the commit to wake this instance's worker.
   */
  async enqueue(id: string, trx?: Transaction<Database>): Promise<void> {
    if (!this.watches.has(id)) this.watches.set(id, { started: signal(), settled: signal() });
    this.watchRows();
    const queue = this.queue;
    if (!queue || this.closing) return;
    if (trx) {
      if (queue.durable) await queue.send(QUEUE, { id }, { key: id, trx });
      return;
    }
    await this.track(queue.send(QUEUE, { id }, { key: id }), `queue match job ${id}`);
  }

  /**
   * Resolves once job `id` has started running (here or on another instance), or once it is
   * settled without running (cancelled while queued, or the runner closed); at once for a job
   * the runner was not given.
   */
  whenStarted(id: string): Promise<void> {
    return this.watches.get(id)?.started.promise ?? Promise.resolve();
  }

  /**
   * Resolves once job `id` is out of the runner's hands: finished (done, failed or cancelled,
   * its row written, by whichever instance ran it), or left queued by `close`; at once for a job
   * the runner was not given (finished before, or never queued here).
   */
  whenSettled(id: string): Promise<void> {
    return this.watches.get(id)?.settled.promise ?? Promise.resolve();
  }

  /** The live progress of the job running in this instance, if it is `id` (another instance's is in the row: `storedProgress`). */
  progressOf(id: string): MatchProgress | undefined {
    return this.running?.id === id ? this.running.progress : undefined;
  }

  /**
   * After an officer's cancel is committed (cancel-match-job.ts): stops the job at once if it runs
   * here. Elsewhere its instance reads the request with its next heartbeat.
   */
  cancel(id: string): void {
    if (this.running?.id === id) this.stopRun(this.running, 'cancel');
    void this.checkWatches();
  }

  /** Resolves when this runner has nothing under way: no run, no job it was given unsettled, no message being sent. */
  async idle(): Promise<void> {
    while (this.current || this.pending.size > 0 || this.watches.size > 0) {
      await Promise.allSettled([this.current, ...this.pending, ...[...this.watches.values()].map((w) => w.settled.promise)]);
    }
  }

  /** The queue's state, for /readyz. */
  async health(): Promise<QueueHealth> {
    if (!this.queue) {
      return {
        ok: false,
        driver: this.ctx.dialect === 'postgres' ? 'pg-boss' : 'in-process',
        detail: this.closing ? 'the queue is stopped' : 'the queue has not started',
      };
    }
    return this.queue.health();
  }

  /**
   * Stops taking jobs and stops the queue: the server is closing. The running job is handed back
   * (queued again, for any instance, not failed); queued jobs stay queued. `handBack: false`
   * leaves the running job as a crash would (tests): its lease runs out and another instance
   * takes it over.
   */
  async close(options: { handBack?: boolean } = {}): Promise<void> {
    await this.starting?.catch(() => {});
    const queue = this.queue;
    this.closing = true;
    if (queue) {
      await queue.stopWorking();
      if (this.running) this.stopRun(this.running, options.handBack === false ? 'crash' : 'hand-back');
      await this.current?.catch(() => {});
      await Promise.allSettled([...this.pending]);
      await queue.stop({ graceful: options.handBack !== false });
      this.queue = undefined;
    }
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.watchTimer = undefined;
    await this.checking;
    for (const id of [...this.watches.keys()]) this.settle(id);
  }

  private track<T>(work: Promise<T>, what: string): Promise<void> {
    const tracked = work.then(
      () => {},
      (error) => reportJobError(what, error),
    );
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
    return tracked;
  }

  private settle(id: string): void {
    const watch = this.watches.get(id);
    if (!watch) return;
    this.watches.delete(id);
    watch.started.resolve();
    watch.settled.resolve();
  }

  /** Reads the rows of watched jobs while there are any: another instance may run them. */
  private watchRows(): void {
    if (this.watchTimer || this.watches.size === 0) return;
    this.watchTimer = setInterval(() => {
      if (this.watches.size === 0) {
        clearInterval(this.watchTimer);
        this.watchTimer = undefined;
        return;
      }
      void this.checkWatches();
    }, WATCH_EVERY_MS);
    this.watchTimer.unref();
  }

  private checkWatches(): Promise<void> {
    this.checking ??= this.readWatchedRows()
      .catch((error) => reportJobError('read watched match jobs', error))
      .finally(() => {
        this.checking = undefined;
      });
    return this.checking;
  }

  private async readWatchedRows(): Promise<void> {
    // The job running here settles when its run is over (its files and row written).
    const ids = [...this.watches.keys()].filter((id) => this.running?.id !== id);
    if (ids.length === 0) return;
    const rows = await this.ctx.db.selectFrom('match_jobs').select(['id', 'status']).where('id', 'in', ids).execute();
    const status = new Map(rows.map((r) => [r.id, r.status]));
    for (const id of ids) {
      const s = status.get(id);
      if (this.running?.id === id) continue;
      if (s === undefined || FINAL.has(s)) this.settle(id);
      else if (s === 'running') this.watches.get(id)?.started.resolve();
    }
  }

  /** The queue's handler: one message at a time in this instance. */
  private async take(id: string): Promise<void> {
    if (this.closing) {
      // Delivered as the instance closes: the job is another instance's to take.
      if (this.queue) await this.queue.send(QUEUE, { id }, { key: id });
      return;
    }
    const run = this.run(id);
    this.current = run;
    try {
      await run;
    } finally {
      this.current = undefined;
    }
  }

  private stopRun(running: Running, stop: Stop): void {
    if (running.stop === undefined || STRENGTH[stop] > STRENGTH[running.stop]) running.stop = stop;
    running.controller.abort();
  }

  private async run(id: string): Promise<void> {
    const claimed = await this.claim(id);
    if (!claimed) {
      void this.checkWatches();
      return;
    }
    const { job, attempt } = claimed;
    const running: Running = {
      id,
      kind: job.kind,
      attempt,
      controller: new AbortController(),
      progress: undefined,
      stop: undefined,
      beating: undefined,
      lastBeat: Date.now(),
    };
    this.running = running;
    this.watches.get(id)?.started.resolve();
    const beat = setInterval(() => this.heartbeat(running), Math.min(1000, (this.leaseSeconds * 1000) / 3));
    beat.unref();
    let summary: MatchSummary | undefined;
    /** A simulation's result (simulationResultSchema) as JSON, once it is done. */
    let result: string | null = null;
    let failure: unknown;
    // The matcher's local files: the input fetched from the file store, the outputs before they are stored.
    const workDir = await makeJobWorkDir(this.ctx, id).catch((error: unknown) => {
      failure = error;
      return '';
    });
    try {
      if (failure === undefined) {
        summary = await this.match(job, workDir, running.controller.signal, (p) => {
          running.progress = p;
        });
        // Checked before the row says done: a comparison that does not make a result fails the simulation.
        if (job.kind === 'simulation' && !summary.aborted) result = JSON.stringify(await simulationResult(this.ctx.db, job, summary));
      }
    } catch (error) {
      failure = error;
    } finally {
      clearInterval(beat);
      await running.beating;
    }
    try {
      const stop = running.stop;
      // Crashed: nothing more happens, as if the process had died; its lease runs out.
      if (stop === 'crash') return;
      const stopped = failure !== undefined || summary?.aborted === true;
      if (stop === 'lost') {
        // The job is another run's now: it writes its own files.
      } else if (stop === 'hand-back' && stopped) {
        await this.handBack(running);
      } else if (failure !== undefined || !summary) {
        await this.finish(running, 'failed', undefined, failure instanceof Error ? failure.message : String(failure));
      } else if (job.kind === 'simulation') {
        // A simulation keeps no files: its result is in its row (result_json), its workbook made from it.
        if (await this.holds(running)) await this.finish(running, summary.aborted ? 'cancelled' : 'done', summary, null, result);
      } else {
        await writeFile(
          join(workDir, MATCH_FILES.totals),
          JSON.stringify({
            seconds: summary.seconds,
            rowsPerSecond: summary.rowsPerSecond,
            measures: summary.measures,
            articles: summary.articles,
          }),
        );
        // Stored before the row says done (its files are served from then on), and only by the run that holds the job.
        if (await this.holds(running)) {
          await storeJobOutputs(this.ctx, id, workDir);
          await this.finish(running, summary.aborted ? 'cancelled' : 'done', summary, null);
        }
      }
      await removeJobWorkDir(this.ctx, id);
    } catch (error) {
      reportJobError(`end match job ${id}`, error);
    } finally {
      this.running = undefined;
      // Settled once its row says so: a job handed back, or taken over, goes on elsewhere.
      void this.checkWatches();
    }
  }

  /** Moves the row from `queued` to `running`, leased to this instance, and audits the start; nothing when another took it (or it was cancelled). */
  private async claim(id: string): Promise<{ job: MatchJobsTable; attempt: number } | undefined> {
    const { ctx } = this;
    const at = ctx.now();
    return ctx.tx(async (trx) => {
      const moved = await trx
        .updateTable('match_jobs')
        .set({
          status: 'running',
          started_at: at,
          finished_at: null,
          error: null,
          lease_owner: this.instance,
          heartbeat_at: databaseNow(ctx.dialect),
          lease_expires_at: databaseNow(ctx.dialect, this.leaseSeconds),
          attempts: sql<number>`attempts + 1`,
          cancel_requested: 0,
          progress_json: null,
          rows_done: 0,
          rows_bad: 0,
          granted_enterprises: 0,
          granted_total: 0,
        })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .returningAll()
        .executeTakeFirst();
      if (!moved) return undefined;
      const attempt = Number(moved.attempts);
      await appendAudit(
        trx,
        {
          actorId: null,
          action: `${auditNames(moved.kind).action}.start`,
          entity: auditNames(moved.kind).entity,
          entityId: id,
          before: { status: 'queued' },
          after: { status: 'running', attempt, instance: this.instance },
        },
        at,
      );
      return { job: moved, attempt };
    });
  }

  /**
   * Renews the lease and writes the progress; reads back a cancel asked on any instance. A row no
   * longer leased to this run means another instance took the job over: the run stops and writes
   * nothing more. So does a run that could not renew its lease for a whole lease.
   */
  private heartbeat(running: Running): void {
    if (running.beating || running.stop === 'crash' || running.stop === 'lost') return;
    const { ctx } = this;
    const p = running.progress;
    running.beating = ctx.db
      .updateTable('match_jobs')
      .set({
        heartbeat_at: databaseNow(ctx.dialect),
        lease_expires_at: databaseNow(ctx.dialect, this.leaseSeconds),
        ...(p && {
          rows_done: p.rowsDone,
          rows_bad: p.rowsBad,
          granted_enterprises: p.grantedRows,
          granted_total: p.grantedTotal,
          progress_json: JSON.stringify(p),
        }),
      })
      .where('id', '=', running.id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', this.instance)
      .where('attempts', '=', running.attempt)
      .returning(['cancel_requested'])
      .executeTakeFirst()
      .then(
        (row) => {
          if (!row) return this.stopRun(running, 'lost');
          running.lastBeat = Date.now();
          if (Number(row.cancel_requested) === 1) this.stopRun(running, 'cancel');
        },
        (error) => {
          reportJobError(`heartbeat of match job ${running.id}`, error);
          if (Date.now() - running.lastBeat > this.leaseSeconds * 1000) this.stopRun(running, 'lost');
        },
      )
      .finally(() => {
        running.beating = undefined;
      });
  }

  /** Whether the job is still this run's: running, leased to this instance, for this run. */
  private async holds(running: Running): Promise<boolean> {
    const row = await this.ctx.db
      .selectFrom('match_jobs')
      .select(['id'])
      .where('id', '=', running.id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', this.instance)
      .where('attempts', '=', running.attempt)
      .executeTakeFirst();
    return row !== undefined;
  }

  private async match(
    job: MatchJobsTable,
    dir: string,
    signal: AbortSignal,
    onProgress: (p: MatchProgress) => void,
  ): Promise<MatchSummary> {
    const { ctx } = this;
    if (job.kind === 'simulation') {
      return runSimulation(ctx, job, dir, signal, onProgress, async (count) => {
        await ctx.db
          .updateTable('match_jobs')
          .set({ rows_total: count })
          .where('id', '=', job.id)
          .where('lease_owner', '=', this.instance)
          .execute();
      });
    }
    const input = await fetchJobInput(ctx, job, dir);
    if (job.source === 'platform') {
      const count = await writePlatformRegistry(ctx.db, Number(job.year), input);
      await ctx.db
        .updateTable('match_jobs')
        .set({ rows_total: count })
        .where('id', '=', job.id)
        .where('lease_owner', '=', this.instance)
        .execute();
    }
    // Every row under the parameter version in effect today (Beijing), which its answer cites.
    const edition = await editionInEffect(ctx);
    return matchFile(
      {
        input,
        inputName: job.filename ?? `platform-${job.year}.jsonl`,
        ...(edition.number !== 1 && { edition: { number: edition.number, changes: edition.changes, authority: edition.authority } }),
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

  /** The run's end, written once: only while the row is still this run's (a run taken over writes nothing). */
  private async finish(
    running: Running,
    status: MatchJobStatus,
    summary: MatchSummary | undefined,
    error: string | null,
    result: string | null = null,
  ): Promise<void> {
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
      const moved = await trx
        .updateTable('match_jobs')
        .set({
          status,
          finished_at: at,
          error,
          ...counts,
          ...(result !== null && { result_json: result }),
          lease_owner: null,
          lease_expires_at: null,
          progress_json: null,
        })
        .where('id', '=', running.id)
        .where('status', '=', 'running')
        .where('lease_owner', '=', this.instance)
        .where('attempts', '=', running.attempt)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return;
      await appendAudit(
        trx,
        {
          actorId: null,
          action: `${auditNames(running.kind).action}.finish`,
          entity: auditNames(running.kind).entity,
          entityId: running.id,
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

  /** The instance is closing: the job goes back to the queue, for any instance, as it was before it started. */
  private async handBack(running: Running): Promise<void> {
    const at = this.ctx.now();
    const queue = this.queue;
    await this.ctx.tx(async (trx) => {
      const result = await trx
        .updateTable('match_jobs')
        .set(requeued)
        .where('id', '=', running.id)
        .where('status', '=', 'running')
        .where('lease_owner', '=', this.instance)
        .where('attempts', '=', running.attempt)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return;
      await appendAudit(
        trx,
        {
          actorId: null,
          action: `${auditNames(running.kind).action}.requeue`,
          entity: auditNames(running.kind).entity,
          entityId: running.id,
          before: { status: 'running', instance: this.instance },
          after: { status: 'queued', reason: 'handed back: the server running it is stopping' },
        },
        at,
      );
      // The in-process queue dies with the process: the next start queues the job again from its row.
      if (queue?.durable) await queue.send(QUEUE, { id: running.id }, { key: running.id, trx });
    });
  }

  /**
   * Takes over the jobs whose instance died: leases run out (`expired`), or, on SQLite at start,
   * every job left running (`all`). Each goes back to the queue while it has retries left, or is
   * failed; either way with one audit entry, written by the one instance whose update wins.
   */
  private async recover(which: Recovery): Promise<void> {
    const { ctx } = this;
    const now = databaseNow(ctx.dialect);
    const stale = await ctx.db
      .selectFrom('match_jobs')
      .select(['id', 'kind', 'lease_owner', 'attempts', 'retries', 'cancel_requested'])
      .where('status', '=', 'running')
      .$if(which !== 'all', (q) => q.where((eb) => expired(eb, which, now)))
      .execute();
    for (const job of stale) {
      // This instance's own run, its heartbeat late: the run goes on.
      if (this.running?.id === job.id && this.running.attempt === Number(job.attempts)) continue;
      await this.takeOver(job, which);
    }
  }

  private async takeOver(
    job: { id: string; kind: MatchJobKind; lease_owner: string | null; attempts: number; retries: number; cancel_requested: number },
    which: Recovery,
  ): Promise<void> {
    const { ctx } = this;
    const at = ctx.now();
    const queue = this.queue;
    const retry = Number(job.cancel_requested) !== 1 && Number(job.retries) < ctx.config.jobRetries;
    const owner = job.lease_owner ?? 'unknown';
    const error =
      Number(job.cancel_requested) === 1
        ? `the server running this job (${owner}) stopped while it was being cancelled`
        : `the server running this job (${owner}) stopped: start it again`;
    await ctx.tx(async (trx) => {
      const result = await trx
        .updateTable('match_jobs')
        .set(
          retry
            ? { ...requeued, retries: Number(job.retries) + 1 }
            : { status: 'failed', finished_at: at, error, lease_owner: null, lease_expires_at: null, progress_json: null },
        )
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('attempts', '=', Number(job.attempts))
        .$if(which !== 'all', (q) => q.where((eb) => expired(eb, which, databaseNow(ctx.dialect))))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return;
      await appendAudit(
        trx,
        retry
          ? {
              actorId: null,
              action: `${auditNames(job.kind).action}.requeue`,
              entity: auditNames(job.kind).entity,
              entityId: job.id,
              before: { status: 'running', instance: owner },
              after: { status: 'queued', reason: 'the server running it stopped (its lease ran out)', retry: Number(job.retries) + 1 },
            }
          : {
              actorId: null,
              action: `${auditNames(job.kind).action}.finish`,
              entity: auditNames(job.kind).entity,
              entityId: job.id,
              before: { status: 'running', instance: owner },
              after: { status: 'failed', error },
            },
        at,
      );
      if (retry && queue?.durable) await queue.send(QUEUE, { id: job.id }, { key: job.id, trx });
    });
    // After the commit: wake a worker (the durable message is already written; the in-process queue needs one).
    if (retry && queue && !this.closing) await this.track(queue.send(QUEUE, { id: job.id }, { key: job.id }), `queue match job ${job.id}`);
  }
}

/**
 * Which running jobs are taken over: those whose lease ran out (`expired`); at start on
 * PostgreSQL, those too that have no lease (left by a version before leases: `unleased`); at
 * start on SQLite, every one (`all`: one process owns the file).
 */
type Recovery = 'expired' | 'unleased' | 'all';

function expired(eb: ExpressionBuilder<Database, 'match_jobs'>, which: Recovery, now: RawBuilder<string>) {
  const ranOut = eb('lease_expires_at', '<', now);
  return which === 'unleased' ? eb.or([eb('lease_expires_at', 'is', null), ranOut]) : ranOut;
}

/** A job back in the queue: as before its start. */
const requeued = {
  status: 'queued',
  started_at: null,
  lease_owner: null,
  heartbeat_at: null,
  lease_expires_at: null,
  cancel_requested: 0,
  progress_json: null,
  rows_done: 0,
  rows_bad: 0,
  granted_enterprises: 0,
  granted_total: 0,
} as const;

/** How the audit log names a job's steps: `match-job.start` on a match_job, `simulation.start` on a simulation. */
export function auditNames(kind: MatchJobKind): { action: 'match-job' | 'simulation'; entity: 'match_job' | 'simulation' } {
  return kind === 'simulation' ? { action: 'simulation', entity: 'simulation' } : { action: 'match-job', entity: 'match_job' };
}
