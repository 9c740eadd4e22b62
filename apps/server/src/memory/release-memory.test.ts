import { afterEach, describe, expect, it, vi } from 'vitest';
import { fullCollection, memoryRelease } from './release-memory.js';

describe('memoryRelease', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('collects once, after the quiet time since the last whole-call work', () => {
    vi.useFakeTimers();
    const collect = vi.fn();
    const memory = memoryRelease(2000, collect);
    memory.wholeCallWorkDone();
    vi.advanceTimersByTime(1500);
    memory.wholeCallWorkDone();
    vi.advanceTimersByTime(1500);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(600);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10_000);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('collects before more whole-call work when a collection is waiting, and only then', () => {
    vi.useFakeTimers();
    const collect = vi.fn();
    const memory = memoryRelease(2000, collect);
    memory.wholeCallWorkStarts();
    expect(collect).not.toHaveBeenCalled();
    memory.wholeCallWorkDone();
    memory.wholeCallWorkStarts();
    expect(collect).toHaveBeenCalledTimes(1);
    // The waiting collection was that one.
    vi.advanceTimersByTime(5000);
    memory.wholeCallWorkStarts();
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('never collects when turned off (0), nor after close', () => {
    vi.useFakeTimers();
    const collect = vi.fn();
    const off = memoryRelease(0, collect);
    off.wholeCallWorkDone();
    const closed = memoryRelease(1000, collect);
    closed.wholeCallWorkDone();
    closed.close();
    vi.advanceTimersByTime(5000);
    expect(collect).not.toHaveBeenCalled();
  });
});

describe('fullCollection', () => {
  it("is V8's full collection: an object nothing reaches is gone after it", async () => {
    const collect = fullCollection();
    expect(typeof collect).toBe('function');
    const ref = (() => new WeakRef({ rows: new Array(100_000).fill('x') }))();
    // A WeakRef's target lives until the current job ends (and again after each deref).
    const nextJob = () => new Promise((resolve) => setImmediate(resolve));
    await nextJob();
    expect(ref.deref()).toBeDefined();
    await nextJob();
    collect?.();
    expect(ref.deref()).toBeUndefined();
  });
});
