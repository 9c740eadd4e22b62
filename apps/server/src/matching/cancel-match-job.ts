import { appendAudit } from '../audit/append-audit.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { MatchJobKind } from '../db/schema.js';
import { conflict, notFound } from '../errors.js';
import { auditNames } from './match-job-runner.js';

/**
 * Cancels a match job, from any instance: a queued one at once (it never runs); a running one by
 * asking the instance that runs it to stop (`cancel_requested`, read with its next heartbeat) — it
 * ends `cancelled` with what it wrote kept whole. A finished job cannot be cancelled (409). The
 * request is audited once: asking again while the job stops changes nothing. A simulation (政策模拟)
 * runs as a match job and is cancelled the same way, through its own routes (`kind`).
 */
export async function cancelMatchJob(ctx: AppContext, officer: CurrentUser, id: string, kind: MatchJobKind = 'match'): Promise<void> {
  const what = kind === 'simulation' ? 'simulation' : 'match job';
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    const row = await trx
      .selectFrom('match_jobs')
      .select(['status', 'cancel_requested'])
      .where('id', '=', id)
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (!row) throw notFound(what);
    let status = row.status;
    if (status === 'queued') {
      const moved = await trx
        .updateTable('match_jobs')
        .set({ status: 'cancelled', finished_at: at })
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .executeTakeFirst();
      // Taken by an instance meanwhile: it is running now, and stopped as such.
      if (Number(moved.numUpdatedRows) !== 1) status = 'running';
    }
    if (status === 'running') {
      const asked = await trx
        .updateTable('match_jobs')
        .set({ cancel_requested: 1 })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where('cancel_requested', '=', 0)
        .executeTakeFirst();
      if (Number(asked.numUpdatedRows) !== 1) {
        const now = await trx
          .selectFrom('match_jobs')
          .select(['status', 'cancel_requested'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        if (now.status === 'running') return; // already being cancelled
        status = now.status;
      }
    }
    if (status !== 'queued' && status !== 'running') {
      throw conflict(
        'FTAI_ERR_CONFLICT',
        `the ${what} is ${status}: only a queued or running ${kind === 'simulation' ? 'simulation' : 'job'} can be cancelled`,
      );
    }
    await appendAudit(
      trx,
      {
        actorId: officer.id,
        action: `${auditNames(kind).action}.cancel`,
        entity: auditNames(kind).entity,
        entityId: id,
        before: { status },
        after: { status: status === 'queued' ? 'cancelled' : 'cancelling' },
      },
      at,
    );
  });
  // After the commit: stops the job at once if it runs in this instance.
  ctx.matchJobs.cancel(id);
}
