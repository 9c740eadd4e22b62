import type { EngineRequest, Rule } from '../measure.js';
import type { RuleHandler } from '../rules/rule-handler.js';
import { RULE_HANDLERS } from '../rules/rule-handlers.js';
import { hasEventInYear } from './has-event-in-year.js';
import { isOwnHistory, NO_HISTORY } from './history.js';
import { inTerm } from './in-term.js';
import { paramFor } from './param-for.js';
import { pushAssumed } from './push-assumed.js';
import type { RequestContext } from './request-context.js';
import { withinScope } from './within-scope.js';
import { fail, incomplete, type Work } from './work.js';

/**
 * Evaluates one candidate in phases; each phase either passes (true) or sets the result's status
 * (false) and the evaluation stops there. The order is the order of the reasons a reader is
 * given: the conditions before the term, the term before the events, the scope before the figures.
 */
export function evaluateCandidate<R extends EngineRequest>(ctx: RequestContext<R>, w: Work<R>): void {
  if (!meetsGeneralConditions(ctx, w)) return;
  if (!meetsConditions(ctx, w)) return;
  recallHistory(ctx, w);
  if (ctx.isOutOfTerm && !inTerm(ctx, w)) return;
  if (!hasEventInYear(ctx, w)) return;
  if (ctx.scopeSays && !withinScope(ctx, w)) return;
  const rule = w.measure.rule;
  // The table is typed per kind; looked up by a kind, the handler takes that kind's rule.
  const handler = RULE_HANDLERS[rule.kind] as RuleHandler<Rule>;
  if (handler.readsFacts && !hasFacts(w)) return;
  if (!handler.amount(ctx, w, rule)) return;
  sayReadings(ctx, w);
}

/** The general conditions (checked once per request): failed, every result is ineligible for the same reasons. */
function meetsGeneralConditions<R extends EngineRequest>(ctx: RequestContext<R>, w: Work<R>): boolean {
  if (ctx.generalUnmet.length > 0) {
    w.reasons = ctx.generalUnmet;
    return fail(w, 'ineligible');
  }
  if (w.steps) {
    if (ctx.checksGeneral && ctx.policy.generalConditionsChecked)
      w.steps.push({ k: 'general-ok', text: ctx.policy.generalConditionsChecked });
    else if (!ctx.checksGeneral) pushAssumed(w.steps, ctx.params, ctx.policy.generalConditionsReading as string);
  }
  return true;
}

/** The measure's conditions on the enterprise, then the candidate's own. */
function meetsConditions<R extends EngineRequest>(ctx: RequestContext<R>, w: Work<R>): boolean {
  const m = w.measure;
  const c = w.candidate;
  if (m.requires) {
    for (const cond of m.requires) if (!cond.holds(ctx.request)) w.reasons.push({ k: 'unmet', text: cond.unmet });
  }
  if (c.unmet) for (const u of c.unmet) w.reasons.push({ k: 'unmet', text: u });
  if (w.reasons.length > 0) return fail(w, 'ineligible');
  if (w.steps && c.variantLabel) w.steps.push({ k: 'variant', label: c.variantLabel });
  return true;
}

/** What the measure granted the candidate before, and its window's length where the term or the scope will ask. */
function recallHistory<R extends EngineRequest>(ctx: RequestContext<R>, w: Work<R>): void {
  const m = w.measure;
  const scope = m.scope;
  if (scope.kind !== 'none' && ctx.hasHistory) {
    const subject = w.candidate.subject;
    w.own = ctx.history.filter((h) => isOwnHistory(h, m, subject));
  } else {
    w.own = NO_HISTORY;
  }
  if (scope.kind === 'consecutive' && (ctx.isOutOfTerm || ctx.scopeSays)) {
    w.windowYears = ctx.params.years(paramFor(scope.years, w.candidate.variant));
  }
}

/** Missing facts: the result is incomplete, never read as 0; else the candidate's notes open the arithmetic. */
function hasFacts<R>(w: Work<R>): boolean {
  const c = w.candidate;
  if (c.missing && c.missing.length > 0) return incomplete(w, c.missing);
  if (w.steps && c.notes) for (const n of c.notes) w.steps.push({ k: 'text', text: n });
  return true;
}

/** After the amount: the readings the candidate's figure relied on, one "假设：" line each. */
function sayReadings<R extends EngineRequest>(ctx: RequestContext<R>, w: Work<R>): void {
  if (!w.steps) return;
  const c = w.candidate;
  if (c.readings) for (const id of c.readings) pushAssumed(w.steps, ctx.params, id);
  // Only a figure of the year is counted in full: not a tier met by a flag (首次达规).
  if (w.isFigureOfYear && ctx.year === ctx.startYear && !c.events && ctx.policy.firstYearInFull) {
    pushAssumed(w.steps, ctx.params, ctx.policy.firstYearInFull);
  }
}
