import type { EngineRequest } from '../measure.js';
import { paramFor } from './param-for.js';
import { pushAssumed } from './push-assumed.js';
import type { RequestContext } from './request-context.js';
import type { Work } from './work.js';

/** On a window that is over: the window's length, and how it is read, are what decided it. */
export function pushWindowReadings<R extends EngineRequest>(ctx: RequestContext<R>, w: Work<R>): void {
  const scope = w.measure.scope;
  if (scope.kind !== 'consecutive') return;
  pushAssumed(w.steps, ctx.params, paramFor(scope.years, w.candidate.variant));
  if (scope.yearsReading !== undefined) pushAssumed(w.steps, ctx.params, scope.yearsReading);
}
