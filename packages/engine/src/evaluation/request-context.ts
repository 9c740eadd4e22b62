import { type CalendarDate, type DateWindow, yearOf } from '../calendar-date.js';
import type { EngineRequest, HistoryEntry, Policy } from '../measure.js';
import type { ParametersAt } from '../parameter.js';
import type { Step } from '../step.js';
import { NO_HISTORY } from './history.js';

/**
 * How a dated event is checked to be inside the term and inside Y: its date starts with Y's
 * prefix (`2026-`), and, in the term's first or last year, is not before or after it. Null when Y
 * is outside the term (no event can be).
 */
export type EventCheck = { readonly prefix: string; readonly from: CalendarDate | null; readonly to: CalendarDate | null } | null;

/** What every candidate of one request is evaluated against, worked out once per request. */
export interface RequestContext<R extends EngineRequest> {
  readonly policy: Policy<R>;
  readonly request: R;
  readonly params: ParametersAt;
  readonly history: readonly HistoryEntry[];
  readonly hasHistory: boolean;
  readonly year: number;
  readonly startYear: number;
  readonly endYear: number;
  /** Y is outside the term: only continuing support can be granted. */
  readonly isOutOfTerm: boolean;
  readonly explain: boolean;
  /** The general conditions are checked (their reading holds, or the policy has none). */
  readonly checksGeneral: boolean;
  /** The general conditions the request fails: one list, shared by every result. */
  readonly generalUnmet: Step[];
  /** With no history every scope passes; only an explanation has something to say about it. */
  readonly scopeSays: boolean;
  readonly eventCheck: EventCheck;
  /**
   * Reasons said alike on many results of one request (out of the term, with and without a
   * window), made once and rendered once: index 0 for single-year measures, 1 for windows.
   */
  readonly outOfForce: (Step[] | undefined)[];
}

/**
 * The context of one request: the parameters in force for Y, the term, and the general
 * conditions, checked once for all candidates.
 *
 * @example requestContext(policy, { year: 2026 }, false).isOutOfTerm // false
 */
export function requestContext<R extends EngineRequest>(policy: Policy<R>, request: R, explain: boolean): RequestContext<R> {
  const year = request.year;
  const params = policy.parameters.at(year);
  const history = request.history ?? NO_HISTORY;
  const startYear = yearOf(policy.inForce.from);
  const endYear = yearOf(policy.inForce.to);
  const checksGeneral = policy.generalConditionsReading === undefined || params.switch(policy.generalConditionsReading);
  const generalUnmet: Step[] = [];
  if (checksGeneral) {
    for (const cond of policy.generalConditions) {
      if (!cond.holds(request)) generalUnmet.push({ k: 'general-unmet', text: cond.unmet, source: policy.generalConditionsSource });
    }
  }
  return {
    policy,
    request,
    params,
    history,
    hasHistory: history.length > 0,
    year,
    startYear,
    endYear,
    isOutOfTerm: year < startYear || year > endYear,
    explain,
    checksGeneral,
    generalUnmet,
    scopeSays: history.length > 0 || explain,
    eventCheck: eventCheckFor(policy.inForce, year),
    outOfForce: [undefined, undefined],
  };
}

function eventCheckFor(term: DateWindow, year: number): EventCheck {
  const startYear = yearOf(term.from);
  const endYear = yearOf(term.to);
  if (year < startYear || year > endYear) return null;
  return {
    prefix: `${String(year).padStart(4, '0')}-`,
    from: year === startYear ? term.from : null,
    to: year === endYear ? term.to : null,
  };
}
