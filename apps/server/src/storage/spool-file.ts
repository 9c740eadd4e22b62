import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Measure, type StoredBlob } from './blob-store.js';

/** An upload written to a local file as it arrived, with its size and SHA-256; `remove()` when done with it. */
export interface SpooledFile extends StoredBlob {
  readonly path: string;
  remove(): Promise<void>;
}

/**
 * Writes a stream to a new file in `dir` (the data folder's `tmp/`, on disk rather than in
 * memory), hashing it on the way: an attachment's type is read from its first bytes and its key is
 * its hash, both known only once it has all arrived. On a throw nothing is left.
 */
export async function spoolToFile(body: Readable, dir: string): Promise<SpooledFile> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${randomUUID()}.upload`);
  const measure = new Measure();
  try {
    await pipeline(body, measure, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { ...measure.result(), path, remove: () => rm(path, { force: true }) };
}

/** The folder of files being received: inside the data folder, so that a rename or copy stays on one disk. */
export function spoolDir(dataDir: string): string {
  return join(dataDir, 'tmp');
}
