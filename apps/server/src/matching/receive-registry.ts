import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { formatOfPath, type InputFormat, MatchInputError } from '@ftai/match';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';
import { receiveUpload } from '../http/read-upload.js';
import { inputFileName } from './match-job-files.js';

const UPLOAD_FORMATS = new Set<InputFormat>(['csv', 'xlsx', 'jsonl']);

/** The uploaded file's own name, for showing only: no folders, no control characters, 200 characters at most. */
function displayName(name: string): string {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '_').trim();
  return Array.from(cleaned).slice(0, 200).join('') || 'registry';
}

/**
 * Streams the one uploaded registry to `dir/input.<format>` through the one upload reader
 * (http/read-upload.ts: over `limit` a 413 naming it, a broken form a 400); returns the file's own
 * name. A file that is neither .csv, .xlsx nor .jsonl (.ndjson) is a 415. On a throw, what was
 * written is the caller's to remove with `dir`.
 */
export async function receiveRegistry(req: FastifyRequest, dir: string, limit: number): Promise<string> {
  return receiveUpload(req, limit, async (part) => {
    const filename = displayName(part.filename);
    let format: InputFormat;
    try {
      format = formatOfPath(filename);
    } catch (error) {
      if (error instanceof MatchInputError) throw new HttpError(415, 'FTAI_ERR_UPLOAD', error.message);
      throw error;
    }
    const lower = filename.toLowerCase();
    if (!UPLOAD_FORMATS.has(format) || (format === 'jsonl' && !lower.endsWith('.jsonl') && !lower.endsWith('.ndjson'))) {
      throw new HttpError(
        415,
        'FTAI_ERR_UPLOAD',
        `${JSON.stringify(filename)}: expected a registry as .csv or .xlsx (docs/registry-columns.md), or requests as .jsonl`,
      );
    }
    await pipeline(part.stream, createWriteStream(join(dir, inputFileName(format))));
    return filename;
  });
}
