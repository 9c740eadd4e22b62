import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** What /readyz reports of the queue. */
export interface QueueHealth {
  readonly ok: boolean;
  /** `pg-boss` (PostgreSQL) or `in-process` (SQLite). */
  readonly driver: string;
  readonly detail?: string;
}

export interface SendOptions {
  /** At most one message waits per key: sending again while one waits adds nothing. */
  readonly key?: string;
  /** Written in this transaction where the driver can (`durable`): the message exists if and only if the transaction commits. */
  readonly trx?: Transaction<Database>;
}

/**
 * The background queue the server's work runs on (ADR: docs/PLATFORM.md, "Running more than one
 * instance"). Messages say what to do; the state lives in the platform's own rows, so that a
 * message delivered twice, or to an instance that finds the work taken, does no harm — handlers
 * check the row and do nothing when there is nothing to do.
 *
 * Two drivers: pg-boss on PostgreSQL (every instance on the database takes messages from one
 * queue; a message is delivered to one instance at a time), and an in-process queue on SQLite
 * (one process owns the file).
 */
export interface JobQueue {
  readonly driver: 'pg-boss' | 'in-process';
  /** Messages survive the process (they are rows of the database), and `send` can take a transaction. */
  readonly durable: boolean;
  /** Takes the messages of queue `name`, one at a time in this instance, oldest first. */
  work<T extends object>(name: string, handler: (data: T) => Promise<void>): Promise<void>;
  /** Queues a message, and wakes this instance's worker. */
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<void>;
  /**
   * Runs `task` every `seconds` in this instance, a run at a time, until the queue stops. Tasks
   * run on every instance: they must be safe to run at once (conditional updates).
   */
  every(name: string, seconds: number, task: () => Promise<void>): void;
  /** Takes no more messages; a handler under way goes on (its caller awaits it). */
  stopWorking(): Promise<void>;
  health(): Promise<QueueHealth>;
  /** Stops the queue and releases its connections; `graceful: false` leaves messages under way as a crash would. */
  stop(options?: { graceful?: boolean }): Promise<void>;
}

/** Reports an error of background work that no request will see. */
export function reportJobError(what: string, error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`ftai jobs: ${what}: ${message}`);
}

/** Runs `task` every `seconds` (unref'd: never keeps the process alive), skipping a beat while a run is under way. */
export function repeat(name: string, seconds: number, task: () => Promise<void>): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((error) => reportJobError(name, error))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
