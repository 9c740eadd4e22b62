import { formatOfPath, type InputFormat, MatchInputError } from '@ftai/match';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { receiveUpload } from '../http/read-upload.js';
import { discardJobInput, storeJobInput } from './match-job-files.js';

const UPLOAD_FORMATS = new Set<InputFormat>(['csv', 'xlsx', 'jsonl']);

/** The uploaded file's own name, for showing only: no folders, no control characters, 200 characters at most. */
function displayName(name: string): string {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '_').trim();
  return Array.from(cleaned).slice(0, 200).join('') || 'registry';
}

/**
 * Streams the one uploaded registry into the blob store as the input of job `id`
 * (`match-jobs/<id>/input.<format>`) through the one upload reader (http/read-upload.ts: over
 * `limit` a 413 naming it, a broken form a 400); answers the file's own name and format. A file
 * that is neither .csv, .xlsx nor .jsonl (.ndjson) is a 415. On a throw nothing stays stored.
 */
export async function receiveRegistry(
  ctx: Pick<AppContext, 'blobs'>,
  req: FastifyRequest,
  id: string,
  limit: number,
): Promise<{ filename: string; format: InputFormat }> {
  let stored: InputFormat | undefined;
  try {
    return await receiveUpload(req, limit, async (part) => {
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
      stored = format;
      await storeJobInput(ctx, id, format, part.stream);
      return { filename, format };
    });
  } catch (error) {
    // A file cut at the limit is stored whole before the reader sees the cut: it goes too.
    if (stored !== undefined) await discardJobInput(ctx, id, stored);
    throw error;
  }
}
