import { CompiledQuery, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import type { Database } from '../db/schema.js';
import { type JobQueue, type QueueHealth, repeat, reportJobError, type SendOptions } from './job-queue.js';

export interface PgBossQueueOptions {
  readonly connectionString: string;
  /** The schema of pg-boss's tables, created and migrated by `start`. */
  readonly schema: string;
  readonly pollSeconds: number;
  /** Names the connections in pg_stat_activity. */
  readonly applicationName: string;
}

/**
 * A message may wait this long for an instance, and a handler run this long before pg-boss gives
 * up on it (pg-boss allows less than a day). The work's own lease, renewed by heartbeats, is what
 * decides that an instance died (match-job-runner.ts); this is only the queue's backstop.
 */
const EXPIRE_SECONDS = 23 * 3600;

/** pg-boss's way into a transaction: its statements run on the transaction's connection. */
function inTransaction(trx: Transaction<Database>): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] as never[] };
    },
  };
}

/**
 * The queue of servers on PostgreSQL, on pg-boss 10 (its tables in a schema of their own): every
 * instance takes messages from the same queue, each message by one instance at a time (SELECT …
 * FOR UPDATE SKIP LOCKED); a message whose handler failed is retried. Queues are "short": one
 * message per key waits at a time.
 */
export class PgBossQueue implements JobQueue {
  readonly driver = 'pg-boss';
  readonly durable = true;
  private readonly boss: PgBoss;
  private readonly workers = new Map<string, string>();
  private readonly timers: (() => void)[] = [];
  private lastError: { at: number; message: string } | undefined;
  private state: 'new' | 'started' | 'stopped' = 'new';

  constructor(private readonly options: PgBossQueueOptions) {
    this.boss = new PgBoss({
      connectionString: options.connectionString,
      schema: options.schema,
      application_name: options.applicationName,
      // Polling, sends and maintenance: a few connections are plenty.
      max: 3,
      migrate: true,
      supervise: true,
      // No cron here: periodic work runs on `every`.
      schedule: false,
    });
    // Without a listener an 'error' event would end the process.
    this.boss.on('error', (error) => {
      this.lastError = { at: Date.now(), message: error.message };
      reportJobError('pg-boss', error);
    });
  }

  /** Creates and migrates pg-boss's schema (once, whichever instance comes first), and connects. */
  async start(): Promise<void> {
    await this.boss.start();
    this.state = 'started';
  }

  async work<T extends object>(name: string, handler: (data: T) => Promise<void>): Promise<void> {
    await this.boss.createQueue(name, { name, policy: 'short', retryLimit: 2, retryDelay: 5, expireInSeconds: EXPIRE_SECONDS });
    const id = await this.boss.work<T>(name, { batchSize: 1, pollingIntervalSeconds: this.options.pollSeconds }, async ([job]) => {
      if (job) await handler(job.data);
    });
    this.workers.set(name, id);
  }

  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<void> {
    if (this.state !== 'started') return;
    await this.boss.send(name, data, {
      ...(options.key !== undefined && { singletonKey: options.key }),
      ...(options.trx && { db: inTransaction(options.trx) }),
    });
    // A message sent in a transaction is seen once it commits: the worker polls for it then.
    const worker = this.workers.get(name);
    if (worker && !options.trx) this.boss.notifyWorker(worker);
  }

  every(name: string, seconds: number, task: () => Promise<void>): void {
    if (this.state !== 'stopped') this.timers.push(repeat(name, seconds, task));
  }

  async stopWorking(): Promise<void> {
    for (const name of this.workers.keys()) await this.boss.offWork(name);
    this.workers.clear();
  }

  async health(): Promise<QueueHealth> {
    if (this.state !== 'started')
      return { ok: false, driver: this.driver, detail: `the queue is ${this.state === 'new' ? 'not started' : 'stopped'}` };
    try {
      const version = await this.boss.schemaVersion();
      if (version === null) return { ok: false, driver: this.driver, detail: `pg-boss is not installed in schema ${this.options.schema}` };
      return { ok: true, driver: this.driver, detail: `schema ${this.options.schema}` };
    } catch (error) {
      return { ok: false, driver: this.driver, detail: error instanceof Error ? error.message : String(error) };
    }
  }

  async stop(options: { graceful?: boolean } = {}): Promise<void> {
    if (this.state !== 'started') {
      this.state = 'stopped';
      return;
    }
    this.state = 'stopped';
    for (const clear of this.timers.splice(0)) clear();
    await this.boss.stop({ graceful: options.graceful ?? true, wait: true, close: true, timeout: 5000 });
  }

  /** The last error pg-boss reported, if any (tests, diagnostics). */
  get lastReportedError(): { at: number; message: string } | undefined {
    return this.lastError;
  }
}
