import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { openAuditLog } from './audit/open-audit-log.js';
import { type ConfigOptions, loadConfig } from './config.js';
import { createContext } from './context.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

/** Opens and migrates the database, then listens. Resolves once /healthz answers 200. */
export async function startServer(options: ConfigOptions = {}) {
  const config = loadConfig(options);
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // The context first: it attaches the audit key, so that entries written by migrations are keyed.
  const ctx = createContext(handle.db, handle.dialect, config);
  await migrateToLatest(handle.db, handle.dialect);
  await openAuditLog(handle.db, ctx.now());
  // Background work starts on the migrated schema: match jobs a previous process left are taken up again.
  await ctx.matchJobs.start();
  // Requests first (app.close waits for those under way), then the background work, then the database.
  const close = async (app?: FastifyInstance) => {
    await app?.close();
    await ctx.matchJobs.close();
    await handle.close();
  };
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp(ctx);
    const address = await app.listen({ port: config.port, host: config.host });
    return { app, ctx, address, close: () => close(app) };
  } catch (error) {
    // A port taken: nothing may keep the process alive (a recovered job's worker threads).
    await close(app);
    throw error;
  }
}
