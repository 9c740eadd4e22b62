import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from '../config.js';

/** The httpOnly cookie that holds the CSRF secret; a new one is drawn at every sign-in. */
export const CSRF_COOKIE = '_csrf';

/**
 * The key of the CSRF tokens' HMAC: FTAI_CSRF_KEY, or else `csrf.key` in the data folder, made
 * on first start. Kept (not drawn per process) so that tokens stay good across a restart and
 * between servers sharing the data folder. A token is an HMAC of the session and of a secret
 * in an httpOnly cookie: without the key, a cookie planted from a sibling domain cannot be
 * turned into a valid token.
 */
export function csrfKey(config: Pick<ServerConfig, 'csrfKey' | 'dataDir'>): string {
  if (config.csrfKey) return config.csrfKey;
  const file = join(config.dataDir, 'csrf.key');
  try {
    return usable(readFileSync(file, 'utf8').trim(), file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64url');
  try {
    // wx: a server starting at the same time may have written it first; then its key is the one.
    writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return usable(readFileSync(file, 'utf8').trim(), file);
  }
}

function usable(key: string, file: string): string {
  if (key.length < 16) throw new Error(`${file}: expected a key of 16 characters or more; delete the file to have a new one made`);
  return key;
}
