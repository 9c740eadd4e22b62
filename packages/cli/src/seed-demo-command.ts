import { resolve } from 'node:path';
import { createContext, loadConfig, migrateToLatest, openDatabase, seedDemo } from '@ftai/server';

/** `ftai db seed-demo` */
export async function seedDemoCommand(o: { data?: string }): Promise<number> {
  const config = loadConfig(o.data !== undefined ? { dataDir: resolve(o.data) } : {});
  const handle = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db, handle.dialect);
    const summary = await seedDemo(createContext(handle.db, handle.dialect, config));
    process.stdout.write(`${summary}\n`);
    return 0;
  } finally {
    await handle.close();
  }
}
