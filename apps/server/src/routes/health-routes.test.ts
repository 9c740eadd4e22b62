import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createContext } from '../context.js';
import { openDatabase } from '../db/database.js';
import { createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { markDraining } from './health-routes.js';

describe.each(DIALECTS)('/healthz and /readyz on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('/readyz answers 200 with the database and the queue’s driver while all is well', async () => {
    const ready = await t.anonymous().get('/readyz');
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: dialect, queue: expect.any(String) });
    expect((await t.anonymous().get('/healthz')).json()).toEqual({ status: 'ok', database: dialect });
  });

  it('/readyz answers 503 when the job queue says it is not healthy', async () => {
    // The queue's own failure (pg-boss stopped, its schema gone) is the runner's to detect; here the route's
    // handling of what the runner says.
    const runner = t.ctx.matchJobs as unknown as { health?: unknown };
    const own = Object.getOwnPropertyDescriptor(runner, 'health');
    runner.health = async () => ({ ok: false, driver: 'pg-boss', detail: 'pg-boss is stopped' });
    try {
      const res = await t.anonymous().get('/readyz');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        error: '本实例暂不接收请求：后台作业队列不可用',
        code: 'FTAI_ERR_NOT_READY',
        issues: [{ path: 'queue', code: 'FTAI_ERR_QUEUE', message: 'pg-boss is stopped' }],
      });
    } finally {
      if (own) Object.defineProperty(runner, 'health', own);
      else delete runner.health;
    }
    expect((await t.anonymous().get('/readyz')).statusCode).toBe(200);
  });

  it('/readyz answers 503 once the instance drains; /healthz (liveness) still 200', async () => {
    markDraining(t.ctx);
    const res = await t.anonymous().get('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: '本实例暂不接收请求：本实例正在停止服务', code: 'FTAI_ERR_NOT_READY' });
    expect(res.json().issues).toEqual([{ path: 'server', code: 'FTAI_ERR_DRAINING', message: expect.stringContaining('stopping') }]);
    expect((await t.anonymous().get('/healthz')).statusCode).toBe(200);
  });
});

describe('/readyz without a database', () => {
  it('answers 503 naming the database when it does not answer; /healthz fails', async () => {
    // A PostgreSQL server that is not there: port 1 refuses every connection.
    const handle = openDatabase({ databaseUrl: 'postgres://ftai@127.0.0.1:1/none', dataDir: ':memory:' });
    const t = await createTestApp('sqlite');
    const ctx = createContext(handle.db, 'postgres', { ...t.ctx.config, csrfKey: 'a-key-for-a-server-without-database' });
    const app = await buildApp(ctx);
    try {
      const res = await app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      const body = res.json();
      expect(body.code).toBe('FTAI_ERR_NOT_READY');
      expect(body.error).toMatch(/^本实例暂不接收请求：数据库未响应/);
      // The queue, on the same database, may be reported with it.
      expect(body.issues).toContainEqual({
        path: 'database',
        code: 'FTAI_ERR_DATABASE',
        message: expect.stringMatching(/ECONNREFUSED|connect/),
      });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(500);
    } finally {
      await app.close();
      await handle.close();
      await t.close();
    }
  });
});
