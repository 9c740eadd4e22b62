import { request as httpRequest } from 'node:http';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { generateRequests } from '../../../bench/generate-requests.mjs';
import { hashQueue } from './auth/password.js';
import { openDatabase } from './db/database.js';
import { type RunningServer, startServer } from './server.js';
import { type FreshDatabase, freshDatabase } from './test/fresh-database.js';
import { DIALECTS, PASSWORD } from './test/harness.js';
import { HttpClient } from './test/http-client.js';
import { createUser } from './users/create-user.js';

const AUDIT_KEY = 'a1'.repeat(32);

/** A match job big enough to be running when the server is stopped. */
const registry = `${generateRequests(8_000, 7)
  .map((r) => JSON.stringify(r))
  .join('\n')}\n`;

/** Whether a new connection is taken: a fresh socket each time (no keep-alive), as a new client's. */
function connects(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpRequest(`${address}/healthz`, { agent: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.end();
  });
}

describe.each(DIALECTS)('stopping a server on %s (SIGTERM, SIGINT)', (dialect) => {
  let fresh: FreshDatabase | undefined;
  let server: RunningServer | undefined;
  let release: (() => void) | undefined;
  afterEach(async () => {
    release?.();
    await server?.close();
    await fresh?.drop();
    server = undefined;
    fresh = undefined;
    release = undefined;
  });

  const start = async (options: { drainSeconds?: number; auditKey?: string; dataDir?: string } = {}) => {
    fresh ??= await freshDatabase(dialect);
    return startServer({
      databaseUrl: fresh.databaseUrl,
      dataDir: options.dataDir ?? fresh.dataDir,
      port: 0,
      scryptLogN: 10,
      hashConcurrency: 1,
      drainSeconds: options.drainSeconds ?? 30,
      auditKey: options.auditKey ?? AUDIT_KEY,
      matchWorkers: 1,
    });
  };
  /** Holds the only hashing place: a sign-in started now stays under way until `release`. */
  const holdHashing = () => {
    void hashQueue.run(() => new Promise<void>((r) => (release = r)));
  };

  it('finishes the requests under way, refuses new connections, hands the running job back, closes the database', async () => {
    server = await start();
    await createUser(server.ctx, { username: 'officer', displayName: '经办人', role: 'officer', password: PASSWORD, actorId: null });
    const officer = await new HttpClient(server.address).login('officer', PASSWORD);
    const form = new FormData();
    form.append('file', new Blob([registry]), 'registry.jsonl');
    const created = await officer.request('POST', '/api/v1/match-jobs', { body: form });
    expect(created.status, await created.clone().text()).toBe(202);
    const job = (await created.json()) as { id: string };
    await server.ctx.matchJobs.whenStarted(job.id);

    holdHashing();
    const slow = new HttpClient(server.address).post('/api/v1/auth/login', { username: 'officer', password: PASSWORD });
    while (hashQueue.stats().waiting < 1) await new Promise((r) => setTimeout(r, 5));

    const closing = server.close();
    expect((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
    while (await connects(server.address)) await new Promise((r) => setTimeout(r, 10));
    // The sign-in under way is still being answered: the server waits for it.
    release?.();
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { user: { username: string } }).user.username).toBe('officer');
    await closing;

    await expect(sql`select 1`.execute(server.ctx.db)).rejects.toThrow();
    // The job goes back to the queue for any instance: neither failed nor cancelled, no finish entry.
    const handle = openDatabase({ databaseUrl: fresh?.databaseUrl, dataDir: fresh?.dataDir ?? '' });
    try {
      const row = await handle.db.selectFrom('match_jobs').select(['status']).where('id', '=', job.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('queued');
      const finish = await handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', job.id)
        .where('action', 'in', ['match-job.finish', 'match-job.cancel'])
        .execute();
      expect(finish).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('cuts the connections still open once the drain time is over, and stops', async () => {
    server = await start({ drainSeconds: 1 });
    await createUser(server.ctx, { username: 'officer', displayName: '经办人', role: 'officer', password: PASSWORD, actorId: null });
    holdHashing();
    const stuck = new HttpClient(server.address).post('/api/v1/auth/login', { username: 'officer', password: PASSWORD }).then(
      (r) => r.status,
      () => 'cut' as const,
    );
    while (hashQueue.stats().waiting < 1) await new Promise((r) => setTimeout(r, 5));
    await server.close();
    expect(await stuck).toBe('cut');
    await expect(sql`select 1`.execute(server.ctx.db)).rejects.toThrow();
  });

  it('refuses to start with another audit key than the one the log was written with', async () => {
    server = await start();
    await createUser(server.ctx, { username: 'officer', displayName: '经办人', role: 'officer', password: PASSWORD, actorId: null });
    await server.close();
    server = undefined;
    // A second machine whose key is its own (the default: a key file made beside its data folder).
    const elsewhere = dialect === 'postgres' ? fresh?.newDataDir() : fresh?.dataDir;
    await expect(start({ auditKey: 'b2'.repeat(32), ...(elsewhere && { dataDir: elsewhere }) })).rejects.toThrow(
      /written with another audit key .*FTAI_AUDIT_KEY/,
    );
    server = await start({ ...(elsewhere && { dataDir: elsewhere }) });
    expect((await new HttpClient(server.address).get('/readyz')).status).toBe(200);
  });
});
