import { firstYear } from '../evaluation/history.js';
import { paramFor } from '../evaluation/param-for.js';
import { pushAssumed } from '../evaluation/push-assumed.js';
import type { RequestContext } from '../evaluation/request-context.js';
import { fail, incomplete, type Work } from '../evaluation/work.js';
import type { EngineRequest } from '../measure.js';
import { type Fen, floorToYuan } from '../money.js';
import { applyRate, isExactYuan } from '../rate.js';
import type { Step } from '../step.js';
import { requireMissing } from './require-missing.js';
import type { RuleHandler, RuleOfKind } from './rule-handler.js';

/**
 * floor(rate × base), capped (按…的X%给予支持，最高不超过Y元).
 *
 * @example base 5,000,000.00 yuan at 20%, cap 2,000,000: amount 1,000,000
 */
export const percentRule: RuleHandler<RuleOfKind<'percent'>> = {
  readsFacts: true,
  amount(ctx, w, rule) {
    const { params } = ctx;
    const c = w.candidate;
    const steps = w.steps;
    const base = c.base;
    if (base === undefined) return incomplete(w, requireMissing(w.measure, c.baseMissing));
    if (base === 0) return fail(w, 'ineligible', { k: 'zero', label: c.baseLabel });
    const rateId = paramFor(rule.rate, c.variant);
    const capId = paramFor(rule.cap, c.variant);
    const rate = params.rate(rateId);
    const cap = params.yuan(capId);
    const raw = applyRate(base, rate);
    if (steps || raw === 0) {
      // With or without explanations: when nothing is left, this step is the reason.
      const percent: Step = { k: 'percent', base, label: c.baseLabel, rate, result: raw, floored: !isExactYuan(base, rate, raw) };
      steps?.push(percent);
      if (raw === 0) return fail(w, 'ineligible', percent);
      pushAssumed(steps, params, rateId);
      pushAssumed(steps, params, capId);
    }
    w.cap = cap;
    w.isFigureOfYear = true;
    return capAmount(ctx, w, raw, cap);
  },
};

/** The cap: of each year, or (the `capPerYear` reading false) of the whole window less what it granted before. */
function capAmount<R extends EngineRequest>(ctx: RequestContext<R>, w: Work<R>, raw: number, cap: number): boolean {
  const scope = w.measure.scope;
  const own = w.own;
  const steps = w.steps;
  // With nothing granted before in the window, either reading of the cap gives the same figure.
  if (scope.kind !== 'consecutive' || scope.capPerYear === undefined || (own.length === 0 && !steps)) {
    steps?.push({ k: 'cap', cap, before: raw });
    w.amount = Math.min(raw, cap);
    return true;
  }
  if (ctx.params.switch(scope.capPerYear)) {
    if (steps) {
      steps.push({ k: 'cap', cap, before: raw });
      // The reading touches the figure from the window's second year.
      const first = firstYear(own);
      if (first !== undefined && first < ctx.year) pushAssumed(steps, ctx.params, scope.capPerYear);
    }
    w.amount = Math.min(raw, cap);
    return true;
  }
  let used = 0;
  for (const h of own) used += h.amount;
  // What is left is floored, so the window never grants more than its cap, fen included.
  const leftFen = cap * 100 - used;
  const left = leftFen > 0 ? floorToYuan(leftFen as Fen) : 0;
  const step: Step = { k: 'cap-window', cap, used: used as Fen, left, before: raw };
  steps?.push(step);
  pushAssumed(steps, ctx.params, scope.capPerYear);
  if (left === 0) return fail(w, 'excluded', step);
  w.amount = Math.min(raw, left);
  return true;
}
