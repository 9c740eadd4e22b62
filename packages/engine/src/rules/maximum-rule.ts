import { paramFor } from '../evaluation/param-for.js';
import { pushAssumed } from '../evaluation/push-assumed.js';
import type { RuleHandler, RuleOfKind } from './rule-handler.js';

/**
 * Up to an amount (最高 X元 with no formula): the most the text allows; a review may give less.
 *
 * @example amount 500,000: amount 500,000, cap 500,000
 */
export const maximumRule: RuleHandler<RuleOfKind<'maximum'>> = {
  readsFacts: true,
  amount(ctx, w, rule) {
    const id = paramFor(rule.amount, w.candidate.variant);
    const amount = ctx.params.yuan(id);
    w.steps?.push({ k: 'maximum', amount });
    pushAssumed(w.steps, ctx.params, id);
    w.cap = amount;
    w.amount = amount;
    return true;
  },
};
