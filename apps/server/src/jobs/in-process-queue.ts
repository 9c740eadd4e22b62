import { type JobQueue, type QueueHealth, repeat, reportJobError, type SendOptions } from './job-queue.js';

interface Message {
  readonly data: object;
  readonly key: string | undefined;
}

/**
 * The queue of the embedded (SQLite) server: messages in memory, one at a time per queue, in the
 * order they came. Nothing here survives the process: whoever uses it queues again, on start,
 * what its rows say is waiting.
 */
export class InProcessQueue implements JobQueue {
  readonly driver = 'in-process';
  readonly durable = false;
  private readonly handlers = new Map<string, (data: object) => Promise<void>>();
  private readonly waiting = new Map<string, Message[]>();
  private readonly busy = new Set<string>();
  private readonly timers: (() => void)[] = [];
  private working = true;
  private stopped = false;

  async work<T extends object>(name: string, handler: (data: T) => Promise<void>): Promise<void> {
    this.handlers.set(name, handler as (data: object) => Promise<void>);
    this.kick(name);
  }

  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<void> {
    if (this.stopped) return;
    const list = this.waiting.get(name) ?? [];
    this.waiting.set(name, list);
    if (options.key !== undefined && list.some((m) => m.key === options.key)) return;
    list.push({ data, key: options.key });
    this.kick(name);
  }

  every(name: string, seconds: number, task: () => Promise<void>): void {
    if (!this.stopped) this.timers.push(repeat(name, seconds, task));
  }

  async stopWorking(): Promise<void> {
    this.working = false;
  }

  async health(): Promise<QueueHealth> {
    return this.stopped ? { ok: false, driver: this.driver, detail: 'the queue is stopped' } : { ok: true, driver: this.driver };
  }

  async stop(): Promise<void> {
    this.working = false;
    this.stopped = true;
    for (const clear of this.timers.splice(0)) clear();
    this.waiting.clear();
  }

  private kick(name: string): void {
    const handler = this.handlers.get(name);
    if (!handler || !this.working || this.busy.has(name)) return;
    const next = this.waiting.get(name)?.shift();
    if (!next) return;
    this.busy.add(name);
    // On the next turn: a sender inside a transaction has let go of the connection by then or holds it until it commits.
    setImmediate(() => {
      handler(next.data)
        .catch((error) => reportJobError(name, error))
        .finally(() => {
          this.busy.delete(name);
          this.kick(name);
        });
    });
  }
}
