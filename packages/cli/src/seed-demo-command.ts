import { resolve } from 'node:path';
import { loadServer } from './load-server.js';

/** `ftai db seed-demo` */
export async function seedDemoCommand(o: { data?: string }): Promise<number> {
  const server = await loadServer('db seed-demo');
  const config = server.loadConfig(o.data !== undefined ? { dataDir: resolve(o.data) } : {});
  const handle = server.openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    // The context first: it attaches the audit key, so that the migrations' entries are keyed too.
    const ctx = server.createContext(handle.db, handle.dialect, config);
    await server.migrateToLatest(handle.db, handle.dialect);
    await server.openAuditLog(handle.db, ctx.now());
    const summary = await server.seedDemo(ctx);
    process.stdout.write(`${summary}\n`);
    return 0;
  } finally {
    await handle.close();
  }
}
