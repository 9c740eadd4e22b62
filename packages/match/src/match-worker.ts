import { parentPort, workerData } from 'node:worker_threads';
import { type BatchJob, BatchMatcher, type MatchSettings } from './match-batch.js';

/**
 * A worker thread of the pool (worker-pool.ts): receives the run's settings once, then batches;
 * answers each with its result, the answer bytes transferred rather than copied.
 */
const port = parentPort;
if (!port) throw new Error('match-worker.js runs as a worker thread');
const matcher = new BatchMatcher(workerData as MatchSettings);
port.on('message', (job: BatchJob) => {
  const result = matcher.match(job);
  port.postMessage(result, result.answers ? [result.answers.buffer as ArrayBuffer] : []);
});
