import { access, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { MatchTotals } from '@ftai/api';
import { formatOfPath, type InputFormat } from '@ftai/match';
import type { AppContext } from '../context.js';
import { getBytes, getFile, putFile, type StoredBlob } from '../storage/blob-store.js';

/**
 * The files of a match job. They are kept in the blob store (ctx.blobs) under
 * `match-jobs/<id>/<name>`, where any instance reads them; the matcher itself works on local
 * files in a scratch folder (`matchJobWorkDir`): the runner fetches the input there
 * (`fetchJobInput`), matches, stores the outputs (`storeJobOutputs`) before it marks the job
 * done, and removes the folder (`removeJobWorkDir`).
 */
export const MATCH_FILES = {
  results: 'results.jsonl',
  summary: 'summary.xlsx',
  errors: 'errors.jsonl',
  notify: 'notify.jsonl',
  /** Totals per measure and article, for the job's page. */
  totals: 'totals.json',
} as const;

export type MatchFileName = (typeof MATCH_FILES)[keyof typeof MATCH_FILES];

/** The blob key of one of a job's files (an output of MATCH_FILES, or its input). */
export function matchJobKey(id: string, name: string): string {
  return `match-jobs/${id}/${name}`;
}

/** The input as stored: `input.csv`, `input.xlsx` or `input.jsonl`. */
export function inputFileName(format: InputFormat): string {
  return `input.${format}`;
}

/** The input's format: a platform job's is JSON Lines, an upload's that of its file name. */
export function inputFormatOf(job: { readonly source: string; readonly filename: string | null }): InputFormat {
  return job.source === 'platform' ? 'jsonl' : formatOfPath(job.filename ?? '');
}

/** The local scratch folder of a running job (`<dataDir>/match-work/<id>/`): the matcher's input, outputs and temporary files. */
export function matchJobWorkDir(ctx: Pick<AppContext, 'config'>, id: string): string {
  return join(ctx.config.dataDir, 'match-work', id);
}

/** Creates the job's scratch folder, empty, and answers its path. */
export async function makeJobWorkDir(ctx: Pick<AppContext, 'config'>, id: string): Promise<string> {
  const dir = matchJobWorkDir(ctx, id);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Removes the job's scratch folder (once its outputs are stored, or the job failed). */
export async function removeJobWorkDir(ctx: Pick<AppContext, 'config'>, id: string): Promise<void> {
  await rm(matchJobWorkDir(ctx, id), { recursive: true, force: true });
}

/** Stores an uploaded registry as the job's input, streamed (receive-registry.ts). */
export function storeJobInput(ctx: Pick<AppContext, 'blobs'>, id: string, format: InputFormat, body: Readable): Promise<StoredBlob> {
  return ctx.blobs.put(matchJobKey(id, inputFileName(format)), body);
}

/** Removes an uploaded input whose job was never created (the upload failed after it was stored). */
export async function discardJobInput(ctx: Pick<AppContext, 'blobs'>, id: string, format: InputFormat): Promise<void> {
  await ctx.blobs.delete(matchJobKey(id, inputFileName(format)));
}

/**
 * Copies an uploaded job's stored input into `workDir` for the matcher, whichever instance runs
 * it, and answers the local path (`workDir/input.<format>`). A platform job has no stored input:
 * the runner writes it (writePlatformRegistry) to the same path, which this answers untouched.
 */
export async function fetchJobInput(
  ctx: Pick<AppContext, 'blobs'>,
  job: { readonly id: string; readonly source: string; readonly filename: string | null },
  workDir: string,
): Promise<string> {
  const format = inputFormatOf(job);
  const path = join(workDir, inputFileName(format));
  if (job.source === 'platform') return path;
  if (!(await getFile(ctx.blobs, matchJobKey(job.id, inputFileName(format)), path))) {
    throw new Error(`the uploaded registry of match job ${job.id} is missing from the file store (${ctx.blobs.driver})`);
  }
  return path;
}

/**
 * Stores the outputs the matcher (and the runner: totals.json) wrote in `workDir`, each of
 * MATCH_FILES that is there, so that any instance can serve them. Call it before the job is
 * marked done or cancelled: its files are served from then on.
 */
export async function storeJobOutputs(ctx: Pick<AppContext, 'blobs'>, id: string, workDir: string): Promise<void> {
  for (const name of Object.values(MATCH_FILES)) {
    const path = join(workDir, name);
    if (await exists(path)) await putFile(ctx.blobs, matchJobKey(id, name), path);
  }
}

/** One of a finished job's files as a stream (downloads, the notify list), or undefined when the job has none. */
export function openJobOutput(ctx: Pick<AppContext, 'blobs'>, id: string, name: MatchFileName): Promise<Readable | undefined> {
  return ctx.blobs.get(matchJobKey(id, name));
}

/** The totals per measure and article a finished job stored, if any. */
export async function readJobTotals(ctx: Pick<AppContext, 'blobs'>, id: string): Promise<MatchTotals | null> {
  const bytes = await getBytes(ctx.blobs, matchJobKey(id, MATCH_FILES.totals));
  return bytes ? (JSON.parse(bytes.toString('utf8')) as MatchTotals) : null;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
