import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Whole-call work (the preview or the commit of an allocation of 100,000 applications, a notice's
 * publication, a workbook of the whole call) leaves a few hundred megabytes of dead objects. V8
 * grows its heap for them and keeps the pages resident until its own idle-time collection, which a
 * busy server may not reach for minutes, so that the next whole-call work starts from there (an
 * export measured at 856 MiB peak after a commit and a publication, 388 MiB after one collection).
 *
 * So one full collection (about 60 ms on a heap of 350 MB here) shrinks the heap and gives its
 * free pages back: after `quietMs` without more whole-call work, or, when more comes first, before
 * that work starts. Whole-call work thus always starts on a collected heap, and the server's peak is
 * its usual footprint plus what the largest of them takes, not the sum of those before.
 */
export interface MemoryRelease {
  /** Whole-call work is about to start: collect now if work before it left a collection waiting. */
  wholeCallWorkStarts(): void;
  /** Whole-call work has just finished: collect once `quietMs` pass without more. */
  wholeCallWorkDone(): void;
  /** Drops a collection still waiting (the server closes). */
  close(): void;
}

/**
 * @param quietMs the quiet time before the collection; 0 turns the release off.
 * @param collect the full collection: V8's, by default (fullCollection).
 */
export function memoryRelease(quietMs: number, collect: () => void = () => fullCollection()?.()): MemoryRelease {
  let timer: NodeJS.Timeout | undefined;
  return {
    wholeCallWorkStarts() {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      collect();
    },
    wholeCallWorkDone() {
      if (quietMs <= 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        collect();
      }, quietMs);
      // A collection waiting never keeps the process alive.
      timer.unref();
    },
    close() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

let collector: (() => void) | undefined | null = null;

/**
 * V8's full collection: `gc` when the process runs with --expose-gc, otherwise taken from a fresh
 * context after exposing it (as Jest's leak detector does); undefined where V8 refuses.
 */
export function fullCollection(): (() => void) | undefined {
  if (collector === null) {
    const exposed = (globalThis as { gc?: unknown }).gc;
    if (typeof exposed === 'function') collector = exposed as () => void;
    else {
      try {
        setFlagsFromString('--expose-gc');
        const gc = runInNewContext('gc') as unknown;
        collector = typeof gc === 'function' ? (gc as () => void) : undefined;
      } catch {
        collector = undefined;
      }
    }
  }
  return collector;
}
