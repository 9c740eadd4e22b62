import type { MatchJob } from '@ftai/api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateRequests } from '../../../../bench/generate-requests.mjs';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { openTestInstance, type TestInstance } from '../test/test-instance.js';

/** A registry long enough to be running while an instance restarts or dies, or a cancel arrives (4,000 rows once finished first). */
const ROWS = 12_000;
const BIG = `${generateRequests(ROWS, 11)
  .map((r) => JSON.stringify(r))
  .join('\n')}\n`;

/**
 * A short lease, so that an instance's death is seen in seconds; not shorter: the matcher's first
 * batches run on the event loop, which may hold a heartbeat back for a second or two on a busy machine.
 */
const QUEUE_SETTINGS = { jobLeaseSeconds: 5, jobPollSeconds: 0.5, matchWorkers: 1 };
/** Jobs of a few thousand rows, run more than once: minutes on a busy machine. */
const SLOW = 240_000;

async function multipart(filename: string, content: string) {
  const form = new FormData();
  form.append('file', new Blob([content]), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type') ?? '' } };
}

/**
 * Two servers on one PostgreSQL schema ("instances" a and b), as `ftai serve` twice on one
 * DATABASE_URL: match jobs run on either, and one instance restarting, dying or being asked to
 * cancel never fails or forgets the other's job.
 */
describe.skipIf(!DIALECTS.includes('postgres'))('match jobs on two instances of one PostgreSQL database', () => {
  let t: TestApp;
  let b: TestInstance;
  let officerA: Client;
  let officerB: Client;

  beforeAll(async () => {
    t = await createTestApp('postgres', { config: { ...QUEUE_SETTINGS, instanceId: 'a' } });
    b = await openTestInstance(t, { ...QUEUE_SETTINGS, instanceId: 'b' });
    officerA = await t.login('officer');
    officerB = await b.login('officer');
  });
  afterAll(async () => {
    await b?.close();
    await t?.close();
  }, SLOW);

  const instances = () => ({ a: t.ctx, b: b.ctx });
  const rowOf = (id: string) => t.ctx.db.selectFrom('match_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const auditOf = async (id: string) =>
    (
      await t.ctx.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id', 'after_json'])
        .where('entity', '=', 'match_job')
        .where('entity_id', '=', id)
        .orderBy('seq')
        .execute()
    ).map((e) => e.action);
  /** Uploads the big registry through instance a and waits until an instance runs it; answers the job and which instance runs it. */
  const startBigJob = async () => {
    const res = await officerA.request('POST', '/api/v1/match-jobs', await multipart('big.jsonl', BIG));
    expect(res.statusCode, res.body).toBe(202);
    const id = (res.json() as MatchJob).id;
    // Instance a was given the job: it says when the job runs, wherever it runs.
    await t.ctx.matchJobs.whenStarted(id);
    const row = await rowOf(id);
    expect(row.status).toBe('running');
    expect(['a', 'b']).toContain(row.lease_owner);
    const owner = row.lease_owner as 'a' | 'b';
    return { id, owner, other: owner === 'a' ? ('b' as const) : ('a' as const) };
  };
  /** The job once it is finished, whichever instance finished it (instance a's watch ends when a closes: the row is read). */
  const settled = async (id: string) => {
    await vi.waitFor(async () => expect(['done', 'failed', 'cancelled']).toContain((await rowOf(id)).status), {
      timeout: SLOW - 30_000,
      interval: 200,
    });
    return rowOf(id);
  };

  it(
    'a job runs on one instance while the other restarts, and is not failed',
    async () => {
      const { id, owner, other } = await startBigJob();
      const before = await rowOf(id);
      await instances()[other].matchJobs.close();
      await instances()[other].matchJobs.start();
      // Restarted, the other instance left the job alone: still running, on the same instance, the same run.
      const during = await rowOf(id);
      expect(during).toMatchObject({ status: 'running', lease_owner: owner, attempts: before.attempts });
      // Its progress is in the row, for the instance that does not run it.
      await vi.waitFor(async () => expect(Number((await rowOf(id)).rows_done)).toBeGreaterThan(0), { timeout: 60_000, interval: 100 });
      const view = (await (other === 'a' ? officerA : officerB).get(`/api/v1/match-jobs/${id}`)).json() as MatchJob;
      if (view.status === 'running') expect(view.progress?.rowsPerSecond).toBeGreaterThan(0);
      const done = await settled(id);
      expect(done).toMatchObject({ status: 'done', error: null, rows_done: ROWS, lease_owner: null, attempts: 1 });
      expect(await auditOf(id)).toEqual(['match-job.create', 'match-job.start', 'match-job.finish']);
      // The results are read through either instance.
      const results = await (other === 'a' ? officerA : officerB).get(`/api/v1/match-jobs/${id}/results.jsonl`);
      expect(results.statusCode).toBe(200);
      expect(results.body.split('\n')).toHaveLength(ROWS + 1);
    },
    SLOW,
  );

  it(
    'a cancel sent to the other instance stops the job: one cancel entry, one finish entry',
    async () => {
      const { id, other } = await startBigJob();
      const cancel = await (other === 'a' ? officerA : officerB).post(`/api/v1/match-jobs/${id}/cancel`);
      expect(cancel.statusCode, cancel.body).toBe(202);
      expect(cancel.json()).toMatchObject({ status: 'running' });
      // Asked again while it stops: nothing more to record.
      expect((await (other === 'a' ? officerA : officerB).post(`/api/v1/match-jobs/${id}/cancel`)).statusCode).toBe(202);
      const stopped = await settled(id);
      expect(stopped.status).toBe('cancelled');
      expect(Number(stopped.rows_done)).toBeLessThan(ROWS);
      expect(await auditOf(id)).toEqual(['match-job.create', 'match-job.start', 'match-job.cancel', 'match-job.finish']);
      const results = await (other === 'a' ? officerA : officerB).get(`/api/v1/match-jobs/${id}/results.jsonl`);
      expect(results.body.split('\n').length - 1).toBe(Number(stopped.rows_done));
    },
    SLOW,
  );

  it(
    'an instance stopping (SIGTERM) hands its job back: the other runs it, not failed',
    async () => {
      const { id, owner, other } = await startBigJob();
      await instances()[owner].matchJobs.close();
      // Back in the queue at once, taken by the other.
      const handed = await rowOf(id);
      expect(['queued', 'running']).toContain(handed.status);
      await vi.waitFor(async () => expect((await rowOf(id)).lease_owner).toBe(other), { timeout: 30_000, interval: 100 });
      await instances()[owner].matchJobs.start();
      // Its second run, on the other instance, is stopped by an officer on the first (to keep the test short).
      expect((await (owner === 'a' ? officerA : officerB).post(`/api/v1/match-jobs/${id}/cancel`)).statusCode).toBe(202);
      const ended = await settled(id);
      expect(ended).toMatchObject({ status: 'cancelled', attempts: 2, retries: 0, error: null });
      expect(await auditOf(id)).toEqual([
        'match-job.create',
        'match-job.start',
        'match-job.requeue',
        'match-job.start',
        'match-job.cancel',
        'match-job.finish',
      ]);
    },
    SLOW,
  );

  it(
    'an instance that dies mid-job: once its lease runs out the other runs the job again, with one finish entry',
    async () => {
      const { id, owner, other } = await startBigJob();
      await instances()[owner].matchJobs.close({ handBack: false });
      expect((await rowOf(id)).status).toBe('running');
      await vi.waitFor(async () => expect((await rowOf(id)).lease_owner).toBe(other), { timeout: 30_000, interval: 100 });
      await instances()[owner].matchJobs.start();
      const done = await settled(id);
      expect(done).toMatchObject({ status: 'done', rows_done: ROWS, attempts: 2, retries: 1, error: null });
      expect(await auditOf(id)).toEqual([
        'match-job.create',
        'match-job.start',
        'match-job.requeue',
        'match-job.start',
        'match-job.finish',
      ]);
    },
    SLOW,
  );

  it(
    'a job whose instance dies with no retry left is failed once, by one instance',
    async () => {
      const { id, owner, other } = await startBigJob();
      for (const ctx of Object.values(instances())) (ctx.config as { jobRetries: number }).jobRetries = 0;
      try {
        await instances()[owner].matchJobs.close({ handBack: false });
        const failed = await settled(id);
        expect(failed).toMatchObject({ status: 'failed', error: `the server running this job (${owner}) stopped: start it again` });
        expect(await auditOf(id)).toEqual(['match-job.create', 'match-job.start', 'match-job.finish']);
        // The survivor is still taking jobs.
        expect((await instances()[other].matchJobs.health()).ok).toBe(true);
      } finally {
        for (const ctx of Object.values(instances())) (ctx.config as { jobRetries: number }).jobRetries = 1;
        await instances()[owner].matchJobs.start();
      }
    },
    SLOW,
  );
});
