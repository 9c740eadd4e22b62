/** What the queue is doing: read by tests and by anyone watching a flood. */
export interface HashQueueStats {
  readonly limit: number;
  readonly running: number;
  readonly waiting: number;
  /** The most that ever ran at once since the last `resetPeak`. */
  readonly peakRunning: number;
  /** The longest the queue has been since the last `resetPeak`. */
  readonly peakWaiting: number;
}

/**
 * A semaphore in first-come order: at most `limit` tasks run at once, the others wait. A finished
 * task hands its place straight to the next, so a newcomer never overtakes one that waits.
 */
export class HashQueue {
  private running = 0;
  private peakRunning = 0;
  private peakWaiting = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private limit: number) {
    this.setLimit(limit);
  }

  setLimit(limit: number): void {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`hash concurrency: expected a whole number of at least 1, got ${limit}`);
    this.limit = limit;
    // A raised limit lets waiting tasks start now.
    while (this.running < this.limit && this.waiting.length > 0) {
      this.running++;
      this.waiting.shift()?.();
    }
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running++;
    else {
      await new Promise<void>((start) => {
        this.waiting.push(start);
        this.peakWaiting = Math.max(this.peakWaiting, this.waiting.length);
      });
    }
    this.peakRunning = Math.max(this.peakRunning, this.running);
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The place passes to the next task as it is; with none waiting (or a lowered limit) it is given back.
      if (next && this.running <= this.limit) next();
      else {
        this.running--;
        if (next) this.waiting.unshift(next);
      }
    }
  }

  stats(): HashQueueStats {
    return {
      limit: this.limit,
      running: this.running,
      waiting: this.waiting.length,
      peakRunning: this.peakRunning,
      peakWaiting: this.peakWaiting,
    };
  }

  resetPeak(): void {
    this.peakRunning = this.running;
    this.peakWaiting = this.waiting.length;
  }
}
