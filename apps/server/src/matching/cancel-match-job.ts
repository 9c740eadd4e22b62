import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import { conflict, notFound } from '../errors.js';

/**
 * Cancels a match job: a queued one at once (it never runs), a running one by stopping it — it
 * ends `cancelled` with what it wrote kept whole. A finished job cannot be cancelled (409).
 * The request is audited either way.
 */
export async function cancelMatchJob(ctx: AppContext, officer: CurrentUser, id: string): Promise<void> {
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    const row = await trx.selectFrom('match_jobs').select(['status']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('match job');
    if (row.status !== 'queued' && row.status !== 'running') {
      throw conflict('FTAI_ERR_CONFLICT', `the match job is ${row.status}: only a queued or running job can be cancelled`);
    }
    if (row.status === 'queued') {
      const moved = await trx
        .updateTable('match_jobs')
        .set({ status: 'cancelled', finished_at: at })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) throw conflict('FTAI_ERR_CONFLICT', 'the match job has just started: cancel it again');
    }
    await appendAudit(
      trx,
      {
        actorId: officer.id,
        action: 'match-job.cancel',
        entity: 'match_job',
        entityId: id,
        before: { status: row.status },
        after: { status: row.status === 'queued' ? 'cancelled' : 'cancelling' },
      },
      at,
    );
  });
  // After the commit: the runner's own end of the job is a transaction of its own.
  ctx.matchJobs.cancel(id);
}
