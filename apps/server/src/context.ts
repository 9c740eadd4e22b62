import type { Kysely, Transaction } from 'kysely';
import { attachAuditLog } from './audit/attach-audit-log.js';
import { auditedTransaction } from './audit/audited-transaction.js';
import type { ServerConfig } from './config.js';
import type { Dialect } from './db/database.js';
import type { Database } from './db/schema.js';
import { MatchJobRunner } from './matching/match-job-runner.js';
import { type MemoryRelease, memoryRelease } from './memory/release-memory.js';
import type { BlobStore } from './storage/blob-store.js';
import { openBlobStore } from './storage/open-blob-store.js';

/** What every route and operation works with. */
export interface AppContext {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  readonly config: ServerConfig;
  /** Now, as ISO-8601 UTC text, from the configured clock. */
  now(): string;
  /** Today's calendar date (UTC+8, Beijing), YYYY-MM-DD. */
  today(): string;
  /** Runs `work` in one transaction: it all happens, or none of it. */
  tx<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /**
   * The match jobs' background runner (免申即享). Idle until a job is queued; whoever opens the
   * database starts it after the migrations (`start`) and closes it before the database (`close`).
   */
  readonly matchJobs: MatchJobRunner;
  /**
   * The files every instance reads: attachments, match registries and results (storage/). Whoever
   * closes the database closes it too (`blobs.close()`).
   */
  readonly blobs: BlobStore;
  /** Gives back the memory whole-call work leaves, once it has been quiet a while (memory/release-memory.ts). */
  readonly memory: MemoryRelease;
}

export function createContext(db: Kysely<Database>, dialect: Dialect, config: ServerConfig): AppContext {
  // The audit key and anchor file live outside the database; appendAudit finds them from `db` (ADR 0004).
  attachAuditLog(db, dialect, config);
  const base: Omit<AppContext, 'matchJobs'> = {
    db,
    dialect,
    config,
    now: () => config.now().toISOString(),
    // The bureau works on Beijing time: call dates and objection windows are Beijing dates.
    today: () => new Date(config.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10),
    // Anchors the audit head once the transaction has committed.
    tx: (work) => auditedTransaction(db, work),
    blobs: openBlobStore(config, db, dialect),
    memory: memoryRelease(config.releaseMemoryMs),
  };
  // The runner works with the context it belongs to: its clock, its transactions, its data folder.
  return { ...base, matchJobs: new MatchJobRunner(base) };
}
