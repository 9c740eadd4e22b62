import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { checkAuditKey } from './audit/check-audit-key.js';
import { openAuditLog } from './audit/open-audit-log.js';
import { type ConfigOptions, loadConfig } from './config.js';
import { type AppContext, createContext } from './context.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { startOfferMessenger } from './offers/offer-deliveries.js';
import { markDraining } from './routes/health-routes.js';

/** A listening server (`startServer`). */
export interface RunningServer {
  readonly app: FastifyInstance;
  readonly ctx: AppContext;
  /** http://host:port */
  readonly address: string;
  /**
   * Drains and stops (SIGTERM/SIGINT): /readyz answers 503, no new connection is taken, requests
   * under way get `drainSeconds` to finish (then their connections are cut), running jobs are
   * handed back to the queue for any instance, and the database is closed. Calling it again
   * returns the same promise.
   */
  close(): Promise<void>;
}

/** Opens and migrates the database, then listens. Resolves once /healthz answers 200. */
export async function startServer(options: ConfigOptions = {}): Promise<RunningServer> {
  const config = loadConfig(options);
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  // The context first: it attaches the audit key, so that entries written by migrations are keyed.
  const ctx = createContext(handle.db, handle.dialect, config);
  let app: FastifyInstance | undefined;
  let closing: Promise<void> | undefined;
  let stopMessenger: (() => Promise<void>) | undefined;
  // Requests drain while the running jobs are handed back (another instance takes them up at once);
  // then the blob store and the database close.
  const close = () =>
    (closing ??= (async () => {
      markDraining(ctx);
      ctx.memory.close();
      try {
        await Promise.all([app ? closeApp(app, config.drainSeconds * 1000) : undefined, ctx.matchJobs.close(), stopMessenger?.()]);
      } finally {
        try {
          await ctx.blobs.close();
        } finally {
          await handle.close();
        }
      }
    })());
  try {
    await migrateToLatest(handle.db, handle.dialect);
    await openAuditLog(handle.db, ctx.now());
    // Servers sharing the database must share the audit key: refuse to write a chain under two keys.
    await checkAuditKey(handle.db);
    // Background work starts on the migrated schema: match jobs a previous process left are taken up again.
    await ctx.matchJobs.start();
    // 免申即享 messages, reminders and deadlines (offers/offer-deliveries.ts).
    stopMessenger = startOfferMessenger(ctx);
    app = await buildApp(ctx);
    const address = await app.listen({ port: config.port, host: config.host });
    return { app, ctx, address, close };
  } catch (error) {
    // A port taken: nothing may keep the process alive (a recovered job's worker threads, the pool).
    // What went wrong first is the error to report, not a failure to close after it.
    await close().catch(() => {});
    throw error;
  }
}

/**
 * Stops taking connections and waits for the requests under way, at most `limitMs`; then cuts the
 * connections still open, so that one stuck client cannot hold a stopping instance forever.
 */
async function closeApp(app: FastifyInstance, limitMs: number): Promise<void> {
  const closed = app.close();
  // A kept-alive connection whose request has been answered is idle: closed at once, rather than
  // held open until its keep-alive time (72 s in Fastify) or the end of the drain.
  const idle = setInterval(() => app.server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), limitMs);
  });
  try {
    if ((await Promise.race([closed.then(() => 'closed' as const), late])) === 'late') {
      app.log.warn(`requests still under way after ${limitMs / 1000} s of draining: cutting their connections`);
      app.server.closeAllConnections();
      await closed;
    }
  } finally {
    clearTimeout(timer);
    clearInterval(idle);
  }
}
