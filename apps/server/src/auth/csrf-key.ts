import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ServerConfig } from '../config.js';
import type { Dialect } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** The httpOnly cookie that holds the CSRF secret; a new one is drawn at every sign-in. */
export const CSRF_COOKIE = '_csrf';

/** The row of `shared_secrets` that holds the CSRF key on PostgreSQL. */
export const CSRF_KEY_SECRET = 'csrf-key';

/** What `csrfKey` reads: the settings and, for PostgreSQL, the migrated database. */
export interface CsrfKeySource {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  readonly config: Pick<ServerConfig, 'csrfKey' | 'dataDir' | 'now'>;
}

/**
 * The key of the CSRF tokens' HMAC, the same for every server on one database, so that a token one
 * gave is good at the others. A token is an HMAC of the session and of a secret in an httpOnly
 * cookie: without the key, a cookie planted from a sibling domain cannot be turned into a valid
 * token. Kept (not drawn per process) so that tokens stay good across a restart.
 *
 * - FTAI_CSRF_KEY when set;
 * - on PostgreSQL, the database's (`shared_secrets`): servers sharing the database may each have
 *   their own data folder. The first server to start puts it there: the key of its data folder
 *   (`csrf.key`) if it has one, so that tokens given before the upgrade stay good, else a new one;
 * - on SQLite, `csrf.key` in the data folder, beside the database, made on first start.
 */
export async function csrfKey(source: CsrfKeySource): Promise<string> {
  const { config } = source;
  if (config.csrfKey) return config.csrfKey;
  const file = join(config.dataDir, 'csrf.key');
  if (source.dialect === 'sqlite') return keyInFile(file);
  const fromFile = readKeyFile(file);
  await source.db
    .insertInto('shared_secrets')
    .values({ name: CSRF_KEY_SECRET, value: fromFile ?? newKey(), created_at: config.now().toISOString() })
    // Two servers starting at once: the first row in is the key of both.
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await source.db.selectFrom('shared_secrets').select('value').where('name', '=', CSRF_KEY_SECRET).executeTakeFirstOrThrow();
  return usable(row.value, `the database's CSRF key (shared_secrets '${CSRF_KEY_SECRET}')`);
}

const newKey = () => randomBytes(32).toString('base64url');

function readKeyFile(file: string): string | undefined {
  try {
    return usable(readFileSync(file, 'utf8').trim(), file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function keyInFile(file: string): string {
  const existing = readKeyFile(file);
  if (existing) return existing;
  mkdirSync(dirname(file), { recursive: true });
  const key = newKey();
  try {
    // wx: a server starting at the same time may have written it first; then its key is the one.
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return usable(readFileSync(file, 'utf8').trim(), file);
  }
}

function usable(key: string, where: string): string {
  if (key.length < 16) throw new Error(`${where}: expected a key of 16 characters or more; delete it to have a new one made`);
  return key;
}
