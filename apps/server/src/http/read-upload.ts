import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { FastifyRequest } from 'fastify';
import { fieldError, HttpError } from '../errors.js';

/** The one file of a multipart form as it arrives: the name the client gave it, and its bytes as a stream. */
export interface UploadPart {
  readonly filename: string;
  readonly stream: Readable;
}

/**
 * Reads the one file of a multipart/form-data request, the same way for every upload route
 * (attachments, registries for matching), and hands it to `consume` (into memory, into a file):
 * - not multipart: 415 FTAI_ERR_UPLOAD;
 * - no file in the form: 400 naming `file`;
 * - more than `limit` bytes: 413 FTAI_ERR_UPLOAD naming the limit. busboy cuts the file at the
 *   limit and marks it truncated; what `consume` made of the cut file is its caller's to discard;
 * - a broken form (no boundary, a part cut short): 400 FTAI_ERR_UPLOAD, never a 500.
 * An HttpError thrown by `consume` (a refused type) passes through; the rest of the file is drained.
 */
export async function receiveUpload<T>(req: FastifyRequest, limit: number, consume: (part: UploadPart) => Promise<T>): Promise<T> {
  if (!req.isMultipart()) throw new HttpError(415, 'FTAI_ERR_UPLOAD', 'expected multipart/form-data with one file field');
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await req.file({ limits: { fileSize: limit, files: 1 } });
  } catch (error) {
    throw unreadable(error, limit);
  }
  if (!part) throw fieldError('file', 'expected one file in the multipart form');
  const stream = part.file;
  // busboy destroys the file's stream of a form cut short, and may have before it is read: then no
  // reader would ever see it end.
  if (stream.destroyed && !stream.readableEnded) throw unreadable(stream.errored ?? new Error('the file is cut short'), limit);
  let result: T;
  try {
    result = await consume({ filename: part.filename, stream });
  } catch (error) {
    if (error instanceof HttpError) {
      stream.resume();
      throw error;
    }
    // The stream broke before its end: the form's fault (a part cut short), unless a system call
    // failed (a full disk: the server's, a 500). After its end, the consumer's own error: a 500.
    const isSystemError = (error as NodeJS.ErrnoException).syscall !== undefined;
    const isBroken = !stream.readableEnded && (stream.destroyed || stream.errored !== null);
    if (isTooLarge(error) || (isBroken && !isSystemError)) throw unreadable(error, limit);
    throw error;
  }
  if (stream.truncated) throw tooLarge(limit);
  return result;
}

/** Reads the one file of a multipart form whole, as `receiveUpload` does (same limits and errors). */
export function readUpload(req: FastifyRequest, limit: number): Promise<{ filename: string; bytes: Buffer }> {
  return receiveUpload(req, limit, async (part) => ({ filename: part.filename, bytes: await buffer(part.stream) }));
}

function isTooLarge(error: unknown): boolean {
  return (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
}

function unreadable(error: unknown, limit: number): HttpError {
  if (error instanceof HttpError) return error;
  if (isTooLarge(error)) return tooLarge(limit);
  // Everything else here is the client's form: no boundary, a part cut short, too many parts.
  return new HttpError(400, 'FTAI_ERR_UPLOAD', `the multipart form cannot be read: ${(error as Error).message}`);
}

function tooLarge(limit: number): HttpError {
  return new HttpError(
    413,
    'FTAI_ERR_UPLOAD',
    `the file is larger than the limit of ${limit.toLocaleString('en-US')} bytes${describeSize(limit)}`,
  );
}

/** ` (10 MiB)` for a limit of whole MiB or KiB; nothing for any other, whose bytes say it already. */
function describeSize(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return ` (${bytes / (1 << 20)} MiB)`;
  if (bytes >= 1 << 10 && bytes % (1 << 10) === 0) return ` (${bytes / (1 << 10)} KiB)`;
  return '';
}
