import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { NotifyEntry, NotifyPage, NotifyQuery } from '@ftai/api';
import type { AppContext } from '../context.js';
import { requireFinishedMatchJob } from './load-match-job.js';
import { MATCH_FILES, openJobOutput } from './match-job-files.js';

/** A page of a finished job's enterprises to notify: 1000 from the start unless the query says otherwise, 10,000 at most. */
export async function readNotifyPage(ctx: AppContext, id: string, query: NotifyQuery): Promise<NotifyPage> {
  const job = await requireFinishedMatchJob(ctx.db, id, 'the list is');
  const offset = Number(query.offset ?? 0);
  const limit = Math.min(Number(query.limit ?? 1000), 10_000);
  const page = await readNotifyList(await openJobOutput(ctx, job.id, MATCH_FILES.notify), offset, limit);
  return { jobId: job.id, offset, limit, ...page };
}

/**
 * A page of the enterprises to notify (every row granted money, in registry order), read from
 * the job's notify file as a stream (none: an empty list), with how many there are in all.
 */
export async function readNotifyList(
  file: Readable | undefined,
  offset: number,
  limit: number,
): Promise<{ total: number; enterprises: NotifyEntry[] }> {
  const enterprises: NotifyEntry[] = [];
  let total = 0;
  if (!file) return { total, enterprises };
  file.setEncoding('utf8');
  const lines = createInterface({ input: file, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    if (total >= offset && enterprises.length < limit) enterprises.push(JSON.parse(line) as NotifyEntry);
    total++;
  }
  return { total, enterprises };
}
