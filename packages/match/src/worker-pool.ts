import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchJob, BatchResult, MatchSettings } from './match-batch.js';
import { WORKER_READY } from './worker-ready.js';

/**
 * The worker script. Worker threads run JavaScript, so when this module runs from its TypeScript
 * source (the tests) the compiled worker beside the build is used (`npx tsc -b` first).
 */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const beside = join(dirname(here), 'match-worker.js');
  if (!here.endsWith('.ts')) return beside;
  const built = join(dirname(here), '..', 'dist', 'match-worker.js');
  if (!existsSync(built)) throw new Error(`${built} is missing: build first (npx tsc -b)`);
  return built;
}

/**
 * A worker holds one batch at a time (at most 8 MiB of input): what it keeps alive is small, but
 * V8 lets an unbounded heap grow far past that before it collects. Bounding the old generation
 * keeps a run's peak memory flat (about 100 MB less with two workers); the young generation keeps
 * V8's usual size, as smaller ones made collection cost more (measured with bench/match-bench.mjs
 * and a 100,000-row registry: 24 MB about 5% slower than 48 MB, 64 MB no faster).
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 48 };

interface Pending {
  resolve(result: BatchResult): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  /** Batches sent and not yet answered, oldest first: a worker answers in the order it receives. */
  readonly pending: Pending[];
  /** Its modules are loaded: a batch sent now is matched at once. */
  ready: boolean;
}

/**
 * Worker threads that match batches: each gets the run's settings once, then batches; a batch
 * goes to the thread with the fewest waiting. The caller keeps order (results are promises it
 * awaits in its own order) and bounds how many batches are out at once.
 */
export class WorkerPool {
  private readonly slots: Slot[];
  private failure: Error | undefined;

  constructor(settings: MatchSettings, size: number) {
    const file = workerFile();
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = {
        worker: new Worker(file, {
          workerData: settings,
          resourceLimits: WORKER_HEAP,
        }),
        pending: [],
        ready: false,
      };
      slot.worker.on('message', (result: BatchResult | typeof WORKER_READY) => {
        if (result === WORKER_READY) slot.ready = true;
        else slot.pending.shift()?.resolve(result);
      });
      slot.worker.on('error', (error) => this.fail(error));
      slot.worker.on('exit', (code) => {
        if (slot.pending.length > 0) this.fail(new Error(`a match worker stopped (exit code ${code}) with batches unanswered`));
      });
      return slot;
    });
  }

  get size(): number {
    return this.slots.length;
  }

  /** Matches one batch on the least busy thread; its bytes are transferred, not copied. */
  run(job: BatchJob): Promise<BatchResult> {
    let slot = this.slots[0] as Slot;
    for (const s of this.slots) if (s.pending.length < slot.pending.length) slot = s;
    return this.send(slot, job);
  }

  /**
   * Matches one batch on the least busy thread that is ready and holds fewer than `maxPending`
   * batches, or undefined when there is none (the caller matches the batch itself).
   */
  runIfFree(job: BatchJob, maxPending: number): Promise<BatchResult> | undefined {
    let slot: Slot | undefined;
    for (const s of this.slots) if (s.ready && s.pending.length < maxPending && (!slot || s.pending.length < slot.pending.length)) slot = s;
    return slot && this.send(slot, job);
  }

  private send(slot: Slot, job: BatchJob): Promise<BatchResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<BatchResult>((resolve, reject) => {
      slot.pending.push({ resolve, reject });
      slot.worker.postMessage(job, job.bytes ? [job.bytes.buffer as ArrayBuffer] : []);
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const s of this.slots) for (const p of s.pending.splice(0)) p.reject(this.failure);
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
