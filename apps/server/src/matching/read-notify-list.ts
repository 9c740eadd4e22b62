import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { NotifyEntry, NotifyPage, NotifyQuery } from '@ftai/api';
import type { AppContext } from '../context.js';
import { requireFinishedMatchJob } from './load-match-job.js';
import { MATCH_FILES, matchJobDir } from './match-job-files.js';

/** A page of a finished job's enterprises to notify: 1000 from the start unless the query says otherwise, 10,000 at most. */
export async function readNotifyPage(ctx: AppContext, id: string, query: NotifyQuery): Promise<NotifyPage> {
  const job = await requireFinishedMatchJob(ctx.db, id, 'the list is');
  const offset = Number(query.offset ?? 0);
  const limit = Math.min(Number(query.limit ?? 1000), 10_000);
  const page = await readNotifyList(join(matchJobDir(ctx.config.dataDir, job.id), MATCH_FILES.notify), offset, limit);
  return { jobId: job.id, offset, limit, ...page };
}

/**
 * A page of the enterprises to notify (every row granted money, in registry order), read from
 * the job's notify file as a stream, with how many there are in all.
 */
export async function readNotifyList(file: string, offset: number, limit: number): Promise<{ total: number; enterprises: NotifyEntry[] }> {
  const enterprises: NotifyEntry[] = [];
  let total = 0;
  if (!existsSync(file)) return { total, enterprises };
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    if (total >= offset && enterprises.length < limit) enterprises.push(JSON.parse(line) as NotifyEntry);
    total++;
  }
  return { total, enterprises };
}
