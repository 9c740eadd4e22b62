import type { EngineRequest, Measure } from '../measure.js';
import { measureRef } from '../measure-ref.js';
import { pushAssumed } from './push-assumed.js';
import type { RequestContext } from './request-context.js';
import type { Work } from './work.js';

/** Alternatives on one subject (第六条(2): 6.2a or 6.2b): the larger stands; a tie goes by the group's reading. */
export function resolveAlternatives<R extends EngineRequest>(ctx: RequestContext<R>, work: Work<R>[]): void {
  let groups: Map<string, Work<R>[]> | undefined;
  for (const w of work) {
    const g = w.measure.alternativeGroup;
    if (g === undefined || w.status !== 'granted') continue;
    const key = `${g.id}\u0000${w.subject ?? ''}`;
    groups ??= new Map();
    const list = groups.get(key);
    if (list) list.push(w);
    else groups.set(key, [w]);
  }
  if (!groups) return;
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const group = (list[0] as Work<R>).measure.alternativeGroup as NonNullable<Measure<R>['alternativeGroup']>;
    const earlierWins = ctx.params.switch(group.tieReading);
    list.sort((a, b) => b.amount - a.amount || (earlierWins ? a.order - b.order : b.order - a.order));
    const winner = list[0] as Work<R>;
    for (let i = 1; i < list.length; i++) {
      const loser = list[i] as Work<R>;
      const tie = loser.amount === winner.amount;
      if (winner.steps) {
        winner.steps.push({ k: 'alternative-won', other: measureRef(loser.measure), otherAmount: loser.amount, tie });
        if (tie) pushAssumed(winner.steps, ctx.params, group.tieReading);
      }
      const amount = loser.amount;
      loser.status = 'excluded';
      loser.amount = 0;
      loser.reasons.push({ k: 'alternative-lost', other: measureRef(winner.measure), otherAmount: winner.amount, amount, tie });
      if (tie) pushAssumed(loser.steps, ctx.params, group.tieReading);
    }
  }
}
