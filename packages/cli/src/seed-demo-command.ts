import { resolve } from 'node:path';
import { createContext, loadConfig, migrateToLatest, openAuditLog, openDatabase, seedDemo } from '@ftai/server';

/** `ftai db seed-demo` */
export async function seedDemoCommand(o: { data?: string }): Promise<number> {
  const config = loadConfig(o.data !== undefined ? { dataDir: resolve(o.data) } : {});
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    // The context first: it attaches the audit key, so that the migrations' entries are keyed too.
    const ctx = createContext(handle.db, handle.dialect, config);
    await migrateToLatest(handle.db, handle.dialect);
    await openAuditLog(handle.db, ctx.now());
    const summary = await seedDemo(ctx);
    process.stdout.write(`${summary}\n`);
    return 0;
  } finally {
    await handle.close();
  }
}
