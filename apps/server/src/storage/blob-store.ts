import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Which driver keeps the files: the data folder, PostgreSQL's large objects, or an S3-compatible bucket. */
export type BlobDriver = 'local' | 'postgres' | 's3';

/** What a write stored: its length in bytes and the SHA-256 of its bytes (hex), as the attachments table records them. */
export interface StoredBlob {
  readonly size: number;
  readonly sha256: string;
}

/**
 * The files every instance of the server can read: attachments, match registries and match
 * results, under keys shaped like relative paths (`blobs/ab/<sha256>`, `match-jobs/<id>/results.jsonl`).
 * Bytes stream in and out, never whole in memory.
 *
 * Every write is whole or nothing: a reader sees the old blob or the new one, never a part; a
 * write that fails (its stream broke, the store refused) leaves nothing under the key that was
 * not there before. Deleting a key that is not there is no error.
 */
export interface BlobStore {
  readonly driver: BlobDriver;
  /** Stores `body` under `key`, replacing what was there. */
  put(key: string, body: Readable): Promise<StoredBlob>;
  /** The blob's bytes as a stream, or undefined when the key holds none. */
  get(key: string): Promise<Readable | undefined>;
  /** The blob's size, or undefined when the key holds none. */
  stat(key: string): Promise<{ readonly size: number } | undefined>;
  delete(key: string): Promise<void>;
  /** Lets go of the driver's connections (the S3 client's sockets); the store is not used after. */
  close(): Promise<void>;
}

/** Keys are relative paths of plain names: no `..`, no leading or doubled `/`, nothing a file system or bucket reads otherwise. */
const KEY = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Refuses a key that could name something outside the store (a bug in the caller, never user input). */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.length > 512) throw new Error(`blob key ${JSON.stringify(key)}: expected a relative path of plain names`);
  return key;
}

/**
 * A pass-through that counts and hashes what flows through it; `result()` once it has ended. Its
 * state is in private fields (#): an uploader that reads `body.size` (lib-storage) must find none.
 */
export class Measure extends Transform {
  readonly #hash = createHash('sha256');
  #bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#hash.update(chunk);
    this.#bytes += chunk.length;
    done(null, chunk);
  }

  result(): StoredBlob {
    return { size: this.#bytes, sha256: this.#hash.digest('hex') };
  }
}

/**
 * Lets a body go after a write that failed for the store's reasons (a database error, S3
 * refusing): the rest is read and dropped rather than the stream destroyed, so that an upload's
 * reader sees a whole request and answers the store's error (a 500), not a broken form (a 400).
 */
export function releaseBody(body: Readable, into: Measure): void {
  body.unpipe(into);
  if (!body.readableEnded && !body.destroyed) body.resume();
}

/** Stores a local file under `key` (a match job's outputs, a spooled upload). */
export function putFile(store: BlobStore, key: string, path: string): Promise<StoredBlob> {
  return store.put(key, createReadStream(path));
}

/** Copies the blob under `key` to a local file (a match job's input, for the matcher); false when there is none. */
export async function getFile(store: BlobStore, key: string, path: string): Promise<boolean> {
  const body = await store.get(key);
  if (!body) return false;
  await pipeline(body, createWriteStream(path));
  return true;
}

/** Stores a buffer (tests, small documents). */
export function putBytes(store: BlobStore, key: string, bytes: Buffer): Promise<StoredBlob> {
  return store.put(key, Readable.from([bytes]));
}

/** Reads a blob whole: only for small ones (a job's totals, tests). */
export async function getBytes(store: BlobStore, key: string): Promise<Buffer | undefined> {
  const body = await store.get(key);
  if (!body) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
