import type { MatchJob } from '@ftai/api';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateRequests } from '../../../../bench/generate-requests.mjs';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { InProcessQueue } from './in-process-queue.js';

const ROWS = 3_000;
const REGISTRY = `${generateRequests(ROWS, 23)
  .map((r) => JSON.stringify(r))
  .join('\n')}\n`;
/** Jobs of a few thousand rows, run more than once: a minute or two on a busy machine. */
const SLOW = 180_000;

async function multipart(filename: string, content: string) {
  const form = new FormData();
  form.append('file', new Blob([content]), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type') ?? '' } };
}

describe('the in-process queue (SQLite)', () => {
  it('delivers one message at a time, oldest first, one waiting per key, none once it stops working', async () => {
    const queue = new InProcessQueue();
    const seen: string[] = [];
    let inFlight = 0;
    let most = 0;
    let drainedResolve = () => {};
    const drained = new Promise<void>((r) => {
      drainedResolve = r;
    });
    await queue.work<{ id: string }>('q', async ({ id }) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(id);
      inFlight -= 1;
      if (id === 'c') drainedResolve();
    });
    await queue.send('q', { id: 'a' }, { key: 'a' });
    await queue.send('q', { id: 'b' }, { key: 'b' });
    await queue.send('q', { id: 'b' }, { key: 'b' });
    await queue.send('q', { id: 'c' });
    await drained;
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    await queue.stopWorking();
    await queue.send('q', { id: 'd' });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(await queue.health()).toEqual({ ok: true, driver: 'in-process' });
    await queue.stop();
    expect((await queue.health()).ok).toBe(false);
  });
});

describe.each(DIALECTS)('the match job queue on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect, { config: { jobLeaseSeconds: 5, jobPollSeconds: 0.5, matchWorkers: 1 } });
    officer = await t.login('officer');
  });
  afterAll(async () => {
    await t.close();
  }, SLOW);

  const rowOf = (id: string) => t.ctx.db.selectFrom('match_jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const auditOf = async (id: string) =>
    (
      await t.ctx.db
        .selectFrom('audit_log')
        .select(['action'])
        .where('entity', '=', 'match_job')
        .where('entity_id', '=', id)
        .orderBy('seq')
        .execute()
    ).map((e) => e.action);
  const startJob = async () => {
    const res = await officer.request('POST', '/api/v1/match-jobs', await multipart('registry.jsonl', REGISTRY));
    expect(res.statusCode, res.body).toBe(202);
    const id = (res.json() as MatchJob).id;
    await t.ctx.matchJobs.whenStarted(id);
    expect(await rowOf(id)).toMatchObject({ status: 'running', lease_owner: t.ctx.config.instanceId });
    return id;
  };
  /** Waits for the row (the runner's watch of a job ends when the runner closes). */
  const waitForRow = async (id: string, expected: Record<string, unknown>) => {
    await vi.waitFor(async () => expect(await rowOf(id)).toMatchObject(expected), { timeout: SLOW - 30_000, interval: 200 });
    return rowOf(id);
  };

  it('reports its driver to /readyz', async () => {
    expect(await t.ctx.matchJobs.health()).toMatchObject({ ok: true, driver: dialect === 'postgres' ? 'pg-boss' : 'in-process' });
  });

  it(
    'closing hands the running job back, queued and not failed; the next start runs it to the end',
    async () => {
      const id = await startJob();
      await t.ctx.matchJobs.close();
      expect(await rowOf(id)).toMatchObject({ status: 'queued', lease_owner: null, started_at: null, attempts: 1, retries: 0 });
      expect(await t.ctx.matchJobs.health()).toMatchObject({ ok: false, detail: 'the queue is stopped' });
      expect(await auditOf(id)).toEqual(['match-job.create', 'match-job.start', 'match-job.requeue']);
      await t.ctx.matchJobs.start();
      const done = await waitForRow(id, { status: 'done' });
      expect(done).toMatchObject({ rows_done: ROWS, attempts: 2, retries: 0, error: null, lease_owner: null });
      expect(await auditOf(id)).toEqual([
        'match-job.create',
        'match-job.start',
        'match-job.requeue',
        'match-job.start',
        'match-job.finish',
      ]);
      const results = await officer.get(`/api/v1/match-jobs/${id}/results.jsonl`);
      expect(results.body.split('\n')).toHaveLength(ROWS + 1);
    },
    SLOW,
  );

  it(
    'a job left running by a process that died is run again once (one requeue entry), then failed once',
    async () => {
      const id = await startJob();
      await t.ctx.matchJobs.close({ handBack: false });
      expect(await rowOf(id)).toMatchObject({ status: 'running', attempts: 1 });
      // SQLite: the restarted process owns the file and takes the job back at once; PostgreSQL: once the lease has run out.
      await t.ctx.matchJobs.start();
      await waitForRow(id, { status: 'running', attempts: 2, retries: 1 });
      expect((await officer.post(`/api/v1/match-jobs/${id}/cancel`)).statusCode).toBe(202);
      await waitForRow(id, { status: 'cancelled' });
      expect(await auditOf(id)).toEqual([
        'match-job.create',
        'match-job.start',
        'match-job.requeue',
        'match-job.start',
        'match-job.cancel',
        'match-job.finish',
      ]);

      // Out of retries: failed, saying why, with one finish entry.
      const config = t.ctx.config as { jobRetries: number };
      config.jobRetries = 0;
      try {
        const second = await startJob();
        await t.ctx.matchJobs.close({ handBack: false });
        await t.ctx.matchJobs.start();
        const failed = await waitForRow(second, { status: 'failed' });
        expect(failed.error).toBe(`the server running this job (${t.ctx.config.instanceId}) stopped: start it again`);
        expect(await auditOf(second)).toEqual(['match-job.create', 'match-job.start', 'match-job.finish']);
        const view = (await officer.get(`/api/v1/match-jobs/${second}`)).json() as MatchJob;
        expect(view).toMatchObject({ status: 'failed', downloads: null });
      } finally {
        config.jobRetries = 1;
      }
    },
    SLOW,
  );
});
