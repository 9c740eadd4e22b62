import type { MatchJob } from '@ftai/api';
import type { AppContext } from '../context.js';
import { matchJobView } from './load-match-job.js';

/** The newest 200 match jobs, newest first, the running one with its live progress. */
export async function listMatchJobs(ctx: AppContext): Promise<MatchJob[]> {
  const rows = await ctx.db.selectFrom('match_jobs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(200).execute();
  const now = ctx.config.now().getTime();
  return rows.map((r) => matchJobView(r, ctx.matchJobs.progressOf(r.id), now));
}
