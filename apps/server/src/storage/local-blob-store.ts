import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type BlobStore, checkKey, Measure, type StoredBlob } from './blob-store.js';

/**
 * Blobs as files under one folder, the key as the relative path: the embedded default, in the
 * data folder (`blobs/ab/<sha256>`, `match-jobs/<id>/…`, the layout of earlier versions). Each
 * write goes to a temporary file beside its target and is renamed over it, so that a reader never
 * sees half a file. Only one instance can read these files: more than one needs the PostgreSQL
 * or the S3 driver.
 */
export class LocalBlobStore implements BlobStore {
  readonly driver = 'local';

  constructor(private readonly root: string) {}

  private path(key: string): string {
    return join(this.root, checkKey(key));
  }

  async put(key: string, body: Readable): Promise<StoredBlob> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = join(dirname(path), `.${randomUUID()}.tmp`);
    const measure = new Measure();
    try {
      await pipeline(body, measure, createWriteStream(temp, { flags: 'wx' }));
      await rename(temp, path);
    } finally {
      await rm(temp, { force: true });
    }
    return measure.result();
  }

  async get(key: string): Promise<Readable | undefined> {
    const path = this.path(key);
    const stream = createReadStream(path);
    // Open first, so that a missing file is "no blob" here rather than an error on the stream later.
    return new Promise((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve(undefined) : reject(error));
      stream.once('error', onError);
      stream.once('open', () => {
        stream.off('error', onError);
        resolve(stream);
      });
    });
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    try {
      const s = await stat(this.path(key));
      return s.isFile() ? { size: s.size } : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async close(): Promise<void> {}
}
