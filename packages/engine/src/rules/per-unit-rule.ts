import { paramFor } from '../evaluation/param-for.js';
import { fail, incomplete } from '../evaluation/work.js';
import { requireMissing } from './require-missing.js';
import type { RuleHandler, RuleOfKind } from './rule-handler.js';

/**
 * count × unit amount, capped per year (每家给予X元支持，每年最高Y元).
 *
 * @example 3 enterprises at 100,000 each, cap 500,000: amount 300,000
 */
export const perUnitRule: RuleHandler<RuleOfKind<'per-unit'>> = {
  readsFacts: true,
  amount(ctx, w, rule) {
    const c = w.candidate;
    const count = c.count;
    if (count === undefined) return incomplete(w, requireMissing(w.measure, c.baseMissing));
    if (count === 0) return fail(w, 'ineligible', { k: 'zero', label: c.countLabel });
    const unit = ctx.params.yuan(paramFor(rule.unit, c.variant));
    const cap = ctx.params.yuan(paramFor(rule.cap, c.variant));
    const raw = count * unit;
    w.steps?.push({ k: 'per-unit', count, label: c.countLabel, countUnit: c.countUnit, unit, result: raw });
    w.steps?.push({ k: 'cap', cap, before: raw });
    w.cap = cap;
    w.amount = Math.min(raw, cap);
    w.isFigureOfYear = true;
    return true;
  },
};
