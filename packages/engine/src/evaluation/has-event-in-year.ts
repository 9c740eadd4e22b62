import { type CalendarDate, yearOf } from '../calendar-date.js';
import type { EngineRequest } from '../measure.js';
import type { EventCheck, RequestContext } from './request-context.js';
import { fail, type Work } from './work.js';

/** Inside the term and inside Y (the check the request context made for Y). */
function isEventInYear(date: CalendarDate, check: EventCheck): boolean {
  return (
    check !== null &&
    date.startsWith(check.prefix) &&
    (check.from === null || date >= check.from) &&
    (check.to === null || date <= check.to)
  );
}

/** Dated events: at least one inside the term and inside Y. A candidate without events passes. */
export function hasEventInYear<R extends EngineRequest>(ctx: RequestContext<R>, w: Work<R>): boolean {
  const given = w.candidate.events;
  if (!given) return true;
  const { year, policy, eventCheck } = ctx;
  let inYear = 0;
  for (const e of given) if (isEventInYear(e.date, eventCheck)) inYear++;
  if (inYear > 0 && !w.steps) return true;
  // Said in date order, whatever the order given.
  const events = given.length < 2 ? given : [...given].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  if (inYear > 0) {
    for (const e of events) {
      if (isEventInYear(e.date, eventCheck)) w.steps?.push({ k: 'event-ok', id: e.id, date: e.date });
    }
    return true;
  }
  // Outside the term is why when an event falls in Y but outside the term: excluded; else none is of Y: ineligible.
  let outside = false;
  for (const e of events) {
    if (yearOf(e.date) !== year) {
      w.reasons.push({ k: 'event-other-year', id: e.id, date: e.date, year });
    } else {
      outside = true;
      w.reasons.push({ k: 'event-outside', id: e.id, date: e.date, ...policy.inForce });
    }
  }
  return fail(w, outside ? 'excluded' : 'ineligible');
}
