import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { type BlobStore, checkKey, Measure, releaseBody, type StoredBlob } from './blob-store.js';

/** Parts of a multipart upload: S3's smallest is 5 MiB; at most two are in memory at once. */
const PART_SIZE = 8 << 20;
const PARTS_AT_ONCE = 2;

/** Where FTAI_BLOB_URL points: `s3://bucket/prefix?endpoint=https://…&region=…&forcePathStyle=true`. */
export interface S3Location {
  readonly bucket: string;
  /** Prepended to every key, without a trailing slash; '' for the bucket's root. */
  readonly prefix: string;
  /** An S3-compatible server (MinIO, a cloud's object storage, s3rver in tests); AWS itself when absent. */
  readonly endpoint: string | undefined;
  readonly region: string;
  /** Bucket in the path rather than the host name: the default with an endpoint, which most compatible servers need. */
  readonly forcePathStyle: boolean;
}

/** Reads FTAI_BLOB_URL; throws naming what is wrong. */
export function parseS3Url(text: string): S3Location {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`FTAI_BLOB_URL: expected s3://bucket/prefix?endpoint=…&region=…, got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 's3:' || url.hostname === '') {
    throw new Error(`FTAI_BLOB_URL: expected s3://bucket/prefix?endpoint=…&region=…, got ${url.protocol}//…`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new Error('FTAI_BLOB_URL: credentials do not belong in the URL: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  }
  const known = new Set(['endpoint', 'region', 'forcePathStyle']);
  for (const name of url.searchParams.keys()) {
    if (!known.has(name)) throw new Error(`FTAI_BLOB_URL: unknown parameter ${name}; expected endpoint, region or forcePathStyle`);
  }
  const endpoint = url.searchParams.get('endpoint') || undefined;
  const pathStyle = url.searchParams.get('forcePathStyle');
  return {
    bucket: url.hostname,
    prefix: decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, ''),
    endpoint,
    region: url.searchParams.get('region') || process.env.AWS_REGION || 'us-east-1',
    forcePathStyle: pathStyle === null ? endpoint !== undefined : pathStyle === 'true' || pathStyle === '1',
  };
}

/**
 * Blobs as objects in an S3-compatible bucket (FTAI_BLOB_URL), for many instances without
 * filling the database with files. Credentials come from the SDK's usual chain
 * (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a profile, an instance role). A write is one
 * object PUT or a multipart upload that S3 makes visible only once complete, and aborts on error.
 */
export class S3BlobStore implements BlobStore {
  readonly driver = 's3';
  private readonly client: S3Client;

  constructor(
    private readonly location: S3Location,
    credentials?: { accessKeyId: string; secretAccessKey: string },
  ) {
    this.client = new S3Client({
      region: location.region,
      forcePathStyle: location.forcePathStyle,
      ...(location.endpoint !== undefined && { endpoint: location.endpoint }),
      ...(credentials !== undefined && { credentials }),
      // Checksums only where S3 requires them: many compatible servers know no CRC32 trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private objectKey(key: string): string {
    checkKey(key);
    return this.location.prefix === '' ? key : `${this.location.prefix}/${key}`;
  }

  async put(key: string, body: Readable): Promise<StoredBlob> {
    const objectKey = this.objectKey(key);
    const measure = new Measure();
    body.once('error', (error) => measure.destroy(error));
    body.pipe(measure);
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.location.bucket, Key: objectKey, Body: measure },
      partSize: PART_SIZE,
      queueSize: PARTS_AT_ONCE,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (error) {
      releaseBody(body, measure);
      throw error;
    }
    // Should a broken body have ended the upload's read early without failing it, what was
    // stored is a part: it goes.
    if (measure.errored || !body.readableEnded) {
      await this.delete(key);
      throw measure.errored ?? new Error(`blob ${key}: the upload ended before its body`);
    }
    return measure.result();
  }

  async get(key: string): Promise<Readable | undefined> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }));
      return answer.Body as Readable;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async stat(key: string): Promise<{ size: number } | undefined> {
    try {
      const answer = await this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }));
      return { size: Number(answer.ContentLength ?? 0) };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.location.bucket, Key: this.objectKey(key) }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}
