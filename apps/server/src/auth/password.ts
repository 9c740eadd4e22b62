import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { HashQueue } from './hash-queue.js';

/**
 * Every scrypt of the process goes through this queue. scrypt runs on libuv's thread pool (4
 * threads unless UV_THREADPOOL_SIZE says otherwise), the same pool that reads files; a flood of
 * sign-ins would otherwise hold every thread and stall attachment downloads behind it. The
 * limit is per process, as the pool is; `limitHashing` sets it from the configuration.
 */
export const hashQueue = new HashQueue(2);

/** At most `n` hashes at once in this process (ServerConfig.hashConcurrency). */
export function limitHashing(n: number): void {
  hashQueue.setLimit(n);
}

/**
 * Hashes worked out so far by cost (log2 N). A sign-in's time is its hash's cost; the tests read
 * this to see that an unknown name and a known one cost the same, without timing either.
 */
export const hashCountsByCost = new Map<number, number>();

/**
 * Passwords are hashed with scrypt, a memory-hard KDF (N = 2^logN, r = 8, p = 1; 2^15 uses
 * 32 MiB per hash). The parameters are stored with the hash so that they can be raised later.
 */
function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  hashCountsByCost.set(logN, (hashCountsByCost.get(logN) ?? 0) + 1);
  return hashQueue.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scrypt(password.normalize('NFC'), salt, 32, { N, r, p, maxmem: 256 * N * r + (1 << 20) }, (err, key) =>
          err ? reject(err) : resolve(key),
        ),
      ),
  );
}

/** "scrypt$15$8$1$<salt b64url>$<hash b64url>" */
export async function hashPassword(password: string, logN: number): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, logN, 8, 1);
  return `scrypt$${logN}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, logN, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), Number(logN), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash of a random password at the cost real hashes have, to compare against when the user
 * name is unknown: the answer then takes as long as for a known name with a wrong password.
 */
export function dummyHash(logN: number): Promise<string> {
  return hashPassword(randomBytes(18).toString('base64url'), logN);
}
