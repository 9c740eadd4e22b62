import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { openAuditLog } from '../audit/open-audit-log.js';
import { type ConfigOptions, loadConfig } from '../config.js';
import { type AppContext, createContext } from '../context.js';
import { openDatabase } from '../db/database.js';
import { InjectClient } from '../http/inject-client.js';
import { PASSWORD, type TestApp } from './harness.js';

/** A second server on the database of a test app (tests of work shared by instances). */
export interface TestInstance {
  readonly app: FastifyInstance;
  readonly ctx: AppContext;
  login(username: string): Promise<InjectClient>;
  close(): Promise<void>;
}

/**
 * Opens another instance on `t`'s database (on PostgreSQL, its schema): a context and an app of
 * its own, with a data folder of its own, the same audit key, and `config` besides; its job
 * runner started. As a second `ftai serve` on the same DATABASE_URL would.
 */
export async function openTestInstance(t: TestApp, config: ConfigOptions): Promise<TestInstance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ftai-instance-'));
  const settings = loadConfig({ ...t.ctx.config, dataDir, ...config });
  const handle = openDatabase({ databaseUrl: settings.databaseUrl, dataDir });
  const ctx = createContext(handle.db, handle.dialect, settings);
  await openAuditLog(handle.db, ctx.now());
  await ctx.matchJobs.start();
  const app = await buildApp(ctx);
  return {
    app,
    ctx,
    login: (username) => new InjectClient(app).login(username, PASSWORD),
    async close() {
      await app.close();
      await ctx.matchJobs.close();
      await ctx.blobs.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
