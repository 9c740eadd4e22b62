import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { ServerConfig } from '../config.js';
import type { Dialect } from '../db/database.js';
import type { Database } from '../db/schema.js';
import type { BlobStore, StoredBlob } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';
import { PostgresBlobStore } from './postgres-blob-store.js';
import { parseS3Url, S3BlobStore } from './s3-blob-store.js';

/**
 * The blob store the configuration asks for:
 * - FTAI_BLOB_URL=s3://bucket/prefix?endpoint=…&region=… — an S3-compatible bucket;
 * - FTAI_BLOB_URL=file:///srv/ftai/files — files in that folder (one instance, or a shared mount);
 * - otherwise, on PostgreSQL, large objects in the database, readable by every instance;
 * - otherwise (SQLite, the embedded default), files in the data folder.
 * A store other than the data folder still reads there what it lacks (`withLegacyReads`).
 */
export function openBlobStore(config: Pick<ServerConfig, 'blobUrl' | 'dataDir'>, db: Kysely<Database>, dialect: Dialect): BlobStore {
  const url = config.blobUrl;
  const legacy = new LocalBlobStore(config.dataDir);
  if (url) {
    if (url.startsWith('s3://')) return withLegacyReads(new S3BlobStore(parseS3Url(url)), legacy);
    if (url.startsWith('file://')) {
      const root = resolve(fileURLToPath(url));
      return root === resolve(config.dataDir) ? legacy : withLegacyReads(new LocalBlobStore(root), legacy);
    }
    throw new Error(`FTAI_BLOB_URL: expected s3://bucket/prefix?endpoint=…&region=… or file:///folder, got ${url.split(':')[0]}:…`);
  }
  return dialect === 'postgres' ? withLegacyReads(new PostgresBlobStore(db), legacy) : legacy;
}

/**
 * A store that reads, for a key it does not hold, the file an earlier version kept in the data
 * folder: an existing deployment that moves to the PostgreSQL or S3 driver still serves its old
 * attachments and job files from the instance that has them, until they are copied into the store
 * (same keys, the same relative paths). `stat` answers for the store alone, so that an upload of
 * old content is stored anew, where every instance finds it.
 */
export function withLegacyReads(store: BlobStore, legacy: LocalBlobStore): BlobStore {
  return {
    driver: store.driver,
    put: (key: string, body: Readable): Promise<StoredBlob> => store.put(key, body),
    get: async (key: string) => (await store.get(key)) ?? (await legacy.get(key)),
    stat: (key: string) => store.stat(key),
    delete: (key: string) => store.delete(key),
    close: () => store.close(),
  };
}
