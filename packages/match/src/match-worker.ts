import { parentPort, workerData } from 'node:worker_threads';
import { type BatchJob, BatchMatcher, type MatchSettings } from './match-batch.js';
import { WORKER_READY } from './worker-ready.js';

/**
 * A worker thread of the pool (worker-pool.ts): receives the run's settings once, says it is
 * ready (its modules loaded: the policy takes a while), then answers each batch with its result,
 * the answer bytes transferred rather than copied.
 */
const port = parentPort;
if (!port) throw new Error('match-worker.js runs as a worker thread');
const matcher = new BatchMatcher(workerData as MatchSettings);
port.on('message', (job: BatchJob) => {
  const result = matcher.match(job);
  port.postMessage(result, result.answers ? [result.answers.buffer as ArrayBuffer] : []);
});
port.postMessage(WORKER_READY);
