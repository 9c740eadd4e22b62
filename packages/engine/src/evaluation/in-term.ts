import type { EngineRequest } from '../measure.js';
import { firstYear } from './history.js';
import { pushWindowReadings } from './push-window-readings.js';
import type { RequestContext } from './request-context.js';
import { fail, type Work } from './work.js';

/**
 * The in-force window: new support needs Y inside the term; a consecutive-year measure first
 * granted inside the term continues to the end of its window (期间已立项项目至约定任务期止).
 */
export function inTerm<R extends EngineRequest>(ctx: RequestContext<R>, w: Work<R>): boolean {
  const { year, startYear, endYear, policy } = ctx;
  if (year >= startYear && year <= endYear) return true;
  const multiYear = w.measure.scope.kind === 'consecutive';
  const first = firstYear(w.own);
  if (multiYear && year > endYear && first !== undefined && first <= endYear) {
    const windowYears = w.windowYears;
    if (year > first + windowYears - 1) {
      pushWindowReadings(ctx, w);
      return fail(w, 'excluded', { k: 'window-over', years: windowYears, first });
    }
    w.steps?.push({ k: 'continuing', first, to: policy.inForce.to });
    return true;
  }
  // Every measure of the same kind says the same: one reason, shared (nothing is added to it later).
  const i = multiYear ? 1 : 0;
  let reasons = ctx.outOfForce[i];
  if (!reasons) {
    reasons = [{ k: 'out-of-force', year, from: policy.inForce.from, to: policy.inForce.to, multiYear }];
    ctx.outOfForce[i] = reasons;
  }
  w.reasons = reasons;
  return fail(w, 'excluded');
}
