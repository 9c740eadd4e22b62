import { paramFor } from '../evaluation/param-for.js';
import { pushAssumed } from '../evaluation/push-assumed.js';
import { fail, incomplete } from '../evaluation/work.js';
import { floorToYuan, type Yuan } from '../money.js';
import { requireMissing } from './require-missing.js';
import type { RuleHandler, RuleOfKind } from './rule-handler.js';

/**
 * The prize the candidate names (floored to whole yuan), capped; no prize named: the cap when the
 * `noPrizeCap` reading holds, else the prize is a missing fact.
 *
 * @example prize 80,000.50, cap 50,000: amount 50,000
 */
export const prizeRule: RuleHandler<RuleOfKind<'prize'>> = {
  readsFacts: true,
  amount(ctx, w, rule) {
    const { params } = ctx;
    const c = w.candidate;
    const steps = w.steps;
    const cap = params.yuan(paramFor(rule.cap, c.variant));
    let before: number;
    if (c.base === undefined) {
      pushAssumed(steps, params, rule.noPrizeCap);
      if (!params.switch(rule.noPrizeCap)) return incomplete(w, requireMissing(w.measure, c.baseMissing));
      steps?.push({ k: 'prize', prize: undefined });
      before = cap;
    } else {
      const prize: Yuan = floorToYuan(c.base);
      if (prize === 0) return fail(w, 'ineligible', { k: 'zero', label: c.baseLabel });
      steps?.push({ k: 'prize', prize: c.base });
      before = prize;
    }
    steps?.push({ k: 'cap', cap, before });
    w.cap = cap;
    w.amount = Math.min(before, cap);
    return true;
  },
};
