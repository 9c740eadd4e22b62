import type { EngineRequest, HistoryEntry, Scope } from '../measure.js';
import { measureRef } from '../measure-ref.js';
import { firstYear } from './history.js';
import { paramFor } from './param-for.js';
import { pushAssumed } from './push-assumed.js';
import { pushWindowReadings } from './push-window-readings.js';
import type { RequestContext } from './request-context.js';
import { fail, type Work } from './work.js';

/** Scope limits against what this policy granted before (一次性, 每年, 连续支持不超过N年). */
export function withinScope<R extends EngineRequest>(ctx: RequestContext<R>, w: Work<R>): boolean {
  const { params, year, history } = ctx;
  const m = w.measure;
  const c = w.candidate;
  const own = w.own;
  const scope: Scope = m.scope;
  const steps = w.steps;
  switch (scope.kind) {
    case 'one-time': {
      if (scope.per === 'tier') return true; // milestones: the rule knows the tier
      if (scope.readings) for (const id of scope.readings) pushAssumed(steps, params, id);
      let per = scope.per;
      if (scope.perSubjectReading !== undefined) {
        pushAssumed(steps, params, scope.perSubjectReading);
        if (!params.switch(scope.perSubjectReading)) per = 'enterprise';
      }
      const shared = scope.shared;
      let used: HistoryEntry | undefined;
      for (const h of history) {
        if (shared ? !shared.includes(h.measure) : h.measure !== m.id) continue;
        if (per === 'subject' && h.subject !== c.subject) continue;
        if (!used || h.year < used.year || (h.year === used.year && h.measure < used.measure)) used = h;
      }
      if (used) {
        const other = used.measure === m.id ? undefined : ctx.policy.measures.find((x) => x.id === used.measure);
        return fail(w, 'excluded', {
          k: 'one-time-used',
          year: used.year,
          other: other ? measureRef(other) : undefined,
          tier: undefined,
          higher: false,
        });
      }
      steps?.push({ k: 'one-time-ok' });
      return true;
    }
    case 'per-year': {
      const perYear = scope.reading === undefined || params.switch(scope.reading);
      if (scope.reading !== undefined) pushAssumed(steps, params, scope.reading);
      if (perYear) {
        if (own.some((h) => h.year === year)) return fail(w, 'excluded', { k: 'per-year-used', year });
        return true;
      }
      const before = firstYear(own);
      if (before !== undefined)
        return fail(w, 'excluded', { k: 'one-time-used', year: before, other: undefined, tier: undefined, higher: false });
      return true;
    }
    case 'consecutive': {
      if (own.some((h) => h.year === year)) return fail(w, 'excluded', { k: 'per-year-used', year });
      const windowYears = w.windowYears;
      const first = firstYear(own) ?? year;
      const index = year - first + 1;
      if (index > windowYears) {
        pushWindowReadings(ctx, w);
        return fail(w, 'excluded', { k: 'window-over', years: windowYears, first });
      }
      if (steps) {
        pushAssumed(steps, params, paramFor(scope.years, c.variant));
        steps.push({ k: 'window', index, years: windowYears, first });
      }
      if (index > 1 && scope.yearsReading !== undefined) pushAssumed(steps, params, scope.yearsReading);
      return true;
    }
    case 'none':
      return true;
  }
}
