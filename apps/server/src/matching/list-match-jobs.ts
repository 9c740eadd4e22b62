import type { MatchJobList, MatchJobListQuery } from '@ftai/api';
import type { AppContext } from '../context.js';
import { keysetPage } from '../http/keyset.js';
import { matchJobView } from './load-match-job.js';

/**
 * A page of the match jobs, newest first unless `order=asc`, of one status if asked, the running
 * ones with their live progress. Index: (status, created_at, id) (migration 0009) and (kind, created_at, id) (0029).
 */
export async function listMatchJobs(ctx: AppContext, query: MatchJobListQuery): Promise<MatchJobList> {
  // Simulations run as match jobs, and are listed apart (simulations/load-simulation.ts: listSimulations).
  let q = ctx.db.selectFrom('match_jobs').selectAll().where('kind', '=', 'match');
  if (query.status !== undefined) q = q.where('status', '=', query.status);
  const { rows, page } = await keysetPage(
    q,
    { sort: 'created', key: 'match_jobs.created_at', id: 'match_jobs.id', order: query.order ?? 'desc' },
    query,
    (r) => [r.created_at, r.id],
  );
  const now = ctx.config.now().getTime();
  return { jobs: rows.map((r) => matchJobView(r, ctx.matchJobs.progressOf(r.id), now)), page };
}
