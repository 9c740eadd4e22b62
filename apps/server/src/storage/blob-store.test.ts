import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { type BlobStore, getBytes, putBytes } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';
import { openBlobStore, withLegacyReads } from './open-blob-store.js';
import { PostgresBlobStore } from './postgres-blob-store.js';
import { parseS3Url, S3BlobStore } from './s3-blob-store.js';
import { type LocalS3, S3RVER_CREDENTIALS, startLocalS3 } from './test-fixtures.js';

/** 40 MiB in 64 KiB chunks of pseudo-random bytes, made as they are read: more than one part of an S3 multipart upload, more than one lo_put. */
const LARGE_CHUNKS = 640;
const CHUNK = 64 << 10;

function chunkOf(i: number): Buffer {
  const out = Buffer.alloc(CHUNK);
  let x = (i + 1) * 2654435761;
  for (let o = 0; o < CHUNK; o += 4) {
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    out.writeUInt32LE(x, o);
  }
  return out;
}

/** The large body, and how far it has been read (a stream pulled as written, never gathered first). */
function largeBody() {
  const read = { chunks: 0 };
  const body = Readable.from(
    (function* () {
      for (let i = 0; i < LARGE_CHUNKS; i++) {
        read.chunks++;
        yield chunkOf(i);
      }
    })(),
    { objectMode: false },
  );
  return { body, read };
}

const largeHash = (() => {
  const hash = createHash('sha256');
  for (let i = 0; i < LARGE_CHUNKS; i++) hash.update(chunkOf(i));
  return hash.digest('hex');
})();

/** A body that sends `good` and then breaks, as an upload cut off mid-way. */
function brokenBody(good: Buffer): Readable {
  return Readable.from(
    (async function* () {
      yield good;
      await new Promise((r) => setTimeout(r, 10));
      throw new Error('the client went away');
    })(),
    { objectMode: false },
  );
}

interface Driver {
  readonly name: string;
  open(): Promise<BlobStore>;
  close(): Promise<void>;
}

let s3: LocalS3 | undefined;
let pgApp: TestApp | undefined;
const localDir = mkdtempSync(join(tmpdir(), 'ftai-blobs-'));

const DRIVERS: Driver[] = [
  {
    name: 'local',
    open: async () => new LocalBlobStore(localDir),
    close: async () => rmSync(localDir, { recursive: true, force: true }),
  },
  ...(DIALECTS.includes('postgres')
    ? [
        {
          name: 'postgres',
          open: async () => {
            pgApp = await createTestApp('postgres');
            return new PostgresBlobStore(pgApp.ctx.db);
          },
          close: async () => pgApp?.close(),
        },
      ]
    : []),
  {
    name: 's3',
    open: async () => {
      s3 = await startLocalS3();
      return new S3BlobStore(parseS3Url(s3.url('contract')), S3RVER_CREDENTIALS);
    },
    close: async () => s3?.close(),
  },
];

describe.each(DRIVERS)('the blob store contract on $name', (driver) => {
  let store: BlobStore;

  beforeAll(async () => {
    store = await driver.open();
  });
  afterAll(async () => {
    await store.close();
    await driver.close();
  });

  it('gives back what was put, byte for byte, with its size and SHA-256', async () => {
    const bytes = Buffer.from('营业执照 scan\u0000\u00ff\n'.repeat(100));
    const stored = await putBytes(store, 'blobs/ab/one', bytes);
    expect(stored).toEqual({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect((await getBytes(store, 'blobs/ab/one'))?.equals(bytes)).toBe(true);
    expect(await store.stat('blobs/ab/one')).toEqual({ size: bytes.length });
  });

  it('keeps an empty blob, and replaces a blob written again under its key', async () => {
    await putBytes(store, 'empty', Buffer.alloc(0));
    expect(await store.stat('empty')).toEqual({ size: 0 });
    expect((await getBytes(store, 'empty'))?.length).toBe(0);
    await putBytes(store, 'again', Buffer.from('first'));
    await putBytes(store, 'again', Buffer.from('second, longer'));
    expect((await getBytes(store, 'again'))?.toString()).toBe('second, longer');
    expect(await store.stat('again')).toEqual({ size: 14 });
  });

  it('streams a large file in and out without gathering it first', async () => {
    const { body, read } = largeBody();
    const stored = await store.put('match-jobs/j1/results.jsonl', body);
    expect(read.chunks).toBe(LARGE_CHUNKS);
    expect(stored).toEqual({ size: LARGE_CHUNKS * CHUNK, sha256: largeHash });
    const out = await store.get('match-jobs/j1/results.jsonl');
    expect(out).toBeDefined();
    const hash = createHash('sha256');
    let size = 0;
    let reads = 0;
    for await (const chunk of out as Readable) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
      reads++;
    }
    expect({ size, sha256: hash.digest('hex') }).toEqual(stored);
    // Many reads, none of them the whole file.
    expect(reads).toBeGreaterThan(4);
  });

  it('answers no blob for a missing key, and deletes with or without one', async () => {
    expect(await store.get('blobs/zz/missing')).toBeUndefined();
    expect(await store.stat('blobs/zz/missing')).toBeUndefined();
    await store.delete('blobs/zz/missing');
    await putBytes(store, 'to-delete', Buffer.from('x'));
    await store.delete('to-delete');
    expect(await store.get('to-delete')).toBeUndefined();
    expect(await store.stat('to-delete')).toBeUndefined();
  });

  it('writes nothing of a body that breaks, and keeps what the key held before', async () => {
    await expect(store.put('broken/new', brokenBody(Buffer.alloc(100_000, 1)))).rejects.toThrow('the client went away');
    expect(await store.stat('broken/new')).toBeUndefined();
    await putBytes(store, 'broken/old', Buffer.from('whole'));
    await expect(store.put('broken/old', brokenBody(Buffer.alloc(100_000, 2)))).rejects.toThrow('the client went away');
    expect((await getBytes(store, 'broken/old'))?.toString()).toBe('whole');
  });

  it('refuses a key that could leave the store', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a//b', 'a/../b', '', 'a/.hidden/../x', 'sp ace']) {
      await expect(store.put(key, Readable.from([Buffer.from('x')])), key).rejects.toThrow('expected a relative path');
    }
  });
});

describe('the local driver', () => {
  it('leaves no temporary file behind, whether the write succeeded or broke', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftai-blobs-'));
    try {
      const store = new LocalBlobStore(dir);
      await putBytes(store, 'blobs/ab/x', Buffer.from('x'));
      await expect(store.put('blobs/ab/y', brokenBody(Buffer.alloc(10)))).rejects.toThrow();
      expect(readdirSync(join(dir, 'blobs', 'ab'))).toEqual(['x']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a write the store refuses', () => {
  it('reads the rest of the body and drops it, so that an upload answers the store’s error, not a broken form', async () => {
    const local = await startLocalS3();
    const store = new S3BlobStore(parseS3Url(local.url('x').replace('s3://ftai/', 's3://no-such-bucket/')), S3RVER_CREDENTIALS);
    try {
      // More than one part: the upload fails after reading the first, with the rest still to come.
      const { body, read } = largeBody();
      await expect(store.put('k', body)).rejects.toThrow();
      if (!body.readableEnded) await once(body, 'end');
      expect(read.chunks).toBe(LARGE_CHUNKS);
      expect(body.errored).toBeNull();
    } finally {
      await store.close();
      await local.close();
    }
  });
});

describe('a store moved off the data folder', () => {
  it('still reads the files an earlier version kept there, and writes only to the store', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ftai-blobs-'));
    try {
      const legacy = new LocalBlobStore(join(root, 'data'));
      const primary = new LocalBlobStore(join(root, 'store'));
      await putBytes(legacy, 'blobs/ab/old', Buffer.from('uploaded last year'));
      const store = withLegacyReads(primary, legacy);
      expect((await getBytes(store, 'blobs/ab/old'))?.toString()).toBe('uploaded last year');
      // Not the store's: an upload of the same content stores it where every instance finds it.
      expect(await store.stat('blobs/ab/old')).toBeUndefined();
      await putBytes(store, 'blobs/ab/new', Buffer.from('this year'));
      expect(await legacy.stat('blobs/ab/new')).toBeUndefined();
      expect((await getBytes(primary, 'blobs/ab/new'))?.toString()).toBe('this year');
      expect(await store.get('blobs/ab/none')).toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('choosing a driver (FTAI_BLOB_URL)', () => {
  const db = {} as never;
  it('takes the data folder on SQLite, large objects on PostgreSQL, a bucket or a folder when asked', () => {
    expect(openBlobStore({ blobUrl: undefined, dataDir: '/srv/data' }, db, 'sqlite').driver).toBe('local');
    expect(openBlobStore({ blobUrl: undefined, dataDir: '/srv/data' }, db, 'postgres').driver).toBe('postgres');
    expect(openBlobStore({ blobUrl: 's3://b/p?region=eu-west-1', dataDir: '/srv/data' }, db, 'postgres').driver).toBe('s3');
    expect(openBlobStore({ blobUrl: 'file:///srv/files', dataDir: '/srv/data' }, db, 'postgres').driver).toBe('local');
    expect(() => openBlobStore({ blobUrl: 'ftp://x', dataDir: '/srv/data' }, db, 'sqlite')).toThrow('FTAI_BLOB_URL: expected s3://');
  });

  it('reads bucket, prefix, endpoint and region from an s3:// URL, and refuses credentials in it', () => {
    expect(parseS3Url('s3://ftai-files/prod/2027?endpoint=http%3A%2F%2Fminio%3A9000&region=cn-north-1')).toEqual({
      bucket: 'ftai-files',
      prefix: 'prod/2027',
      endpoint: 'http://minio:9000',
      region: 'cn-north-1',
      forcePathStyle: true,
    });
    expect(parseS3Url('s3://ftai-files?region=us-east-1')).toMatchObject({ prefix: '', endpoint: undefined, forcePathStyle: false });
    expect(() => parseS3Url('s3://key:secret@bucket/p')).toThrow('AWS_ACCESS_KEY_ID');
    expect(() => parseS3Url('s3://bucket/p?acl=public')).toThrow('unknown parameter acl');
  });
});
