import { allMoves, MOVE_ROUTES } from '@ftai/api';
import type { CurrentUser } from '../auth/current-user.js';
import type { AppContext } from '../context.js';
import type { ApplicationStatus } from '../db/schema.js';
import { conflict, fieldError, notFound } from '../errors.js';
import { assertCanMove, recordTransition } from './status-machine.js';

/** The route that makes a move to `to` when it is not this one (approval, the notice, payment …). */
function elsewhere(to: ApplicationStatus): string | undefined {
  const into = allMoves().filter((m) => m.to === to);
  if (into.length === 0 || into.some((m) => m.move.route === MOVE_ROUTES.transition)) return undefined;
  return [...new Set(into.map((m) => m.move.route))].join(' or ');
}

/** The plain moves, for the route's documentation: submitted→formal_check, … A move to returned needs a note. */
export function describePlainMoves(): string {
  const plain = allMoves().filter((m) => m.move.route === MOVE_ROUTES.transition);
  const from = [...new Set(plain.map((m) => m.from))];
  const moves = from
    .map(
      (f) =>
        `${f}→${plain
          .filter((m) => m.from === f)
          .map((m) => m.to)
          .join('|')}`,
    )
    .join(', ');
  const noted = [...new Set(plain.filter((m) => m.move.needsNote).map((m) => m.to))];
  return `${moves}.${noted.length ? ` A move to ${noted.join(' or ')} needs a note.` : ''}`;
}

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
  const route = elsewhere(to);
  if (route) throw conflict('FTAI_ERR_TRANSITION', `the move to ${to} is not made here: it is made with ${route}`);
  const at = ctx.now();
  await ctx.tx(async (trx) => {
    const row = await trx.selectFrom('applications').select(['status']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('application');
    const move = assertCanMove(row.status, to);
    if (move.route !== MOVE_ROUTES.transition) {
      throw conflict('FTAI_ERR_TRANSITION', `the move from ${row.status} to ${to} is not made here: it is made with ${move.route}`);
    }
    if (move.needsNote && note === undefined) {
      throw fieldError('note', 'expected a note telling the applicant what to change: a return for changes needs one');
    }
    await recordTransition(trx, id, to, user, note ?? null, at);
  });
}
