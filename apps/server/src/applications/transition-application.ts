import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { ApplicationStatus } from '../db/schema.js';
import { conflict, fieldError, notFound } from '../errors.js';
import { recordTransition, TRANSITIONS } from './status-machine.js';

/** The moves an officer makes with nothing but a decision (and a note): no amounts, no notice. */
const PLAIN_MOVES: Partial<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  submitted: ['formal_check'],
  formal_check: ['under_review', 'returned', 'rejected'],
  under_review: ['returned', 'rejected'],
};

/** Moves that carry more than a decision, and the endpoint that makes each. */
const ELSEWHERE: Partial<Record<ApplicationStatus, string>> = {
  submitted: 'the applicant submits with POST /api/v1/applications/:id/submit',
  approved: 'approval sets the approved amounts: POST /api/v1/applications/:id/approve',
  public_notice: 'the public notice covers a whole call: POST /api/v1/calls/:id/notice',
  final: 'finalisation follows the objection window: POST /api/v1/applications/:id/finalize',
  paid: 'payment records the date: POST /api/v1/applications/:id/pay',
};

/**
 * An officer's plain move: formal check (形式审查), expert review, return for changes (a note is
 * required: the applicant must learn what to change), or rejection. The status machine checks
 * that nothing is skipped and records the event and the audit entry.
 */
export async function transitionApplication(
  ctx: AppContext,
  user: CurrentUser,
  id: string,
  to: ApplicationStatus,
  note: string | undefined,
): Promise<void> {
  const elsewhere = ELSEWHERE[to];
  if (elsewhere) throw conflict('FTAI_ERR_TRANSITION', `the move to ${to} is not made here: ${elsewhere}`);
  if (to === 'returned' && note === undefined) {
    throw fieldError('note', 'expected a note telling the applicant what to change: a return for changes needs one');
  }
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    const row = await trx.selectFrom('applications').select(['status']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('application');
    if (PLAIN_MOVES[row.status]?.includes(to) !== true) {
      const next = Object.keys(TRANSITIONS[row.status]);
      throw conflict(
        'FTAI_ERR_TRANSITION',
        `an application in status ${row.status} cannot move to ${to}${next.length ? `; it can move to ${next.join(', ')}` : ''}`,
      );
    }
    await recordTransition(trx, id, to, user, note ?? null, at);
  });
}
