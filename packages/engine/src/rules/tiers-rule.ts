import { paramFor } from '../evaluation/param-for.js';
import { pushAssumed } from '../evaluation/push-assumed.js';
import type { RequestContext } from '../evaluation/request-context.js';
import { incomplete, type Work } from '../evaluation/work.js';
import type { EngineRequest } from '../measure.js';
import { addBonus } from './add-bonus.js';
import { isTierReached } from './is-tier-reached.js';
import { milestoneTiers } from './milestone-tiers.js';
import { noTierReached } from './no-tier-reached.js';
import { requireMissing } from './require-missing.js';
import type { RuleHandler, RuleOfKind } from './rule-handler.js';

/**
 * The highest tier reached by the candidate's value (or flag), plus the variant's bonus; with
 * `milestones`, each tier once ever (第五条(1) 首次达到, in milestone-tiers.ts).
 *
 * @example tiers 1亿 → 500,000, 5亿 → 1,000,000; value 3亿: amount 500,000
 */
export const tiersRule: RuleHandler<RuleOfKind<'tiers'>> = {
  readsFacts: true,
  amount: (ctx, w, rule) => (rule.milestones ? milestoneTiers(ctx, w, rule, rule.milestones) : highestTier(ctx, w, rule)),
};

/** The highest tier reached by the figure (or a flag), plus the variant's bonus. */
function highestTier<R extends EngineRequest>(ctx: RequestContext<R>, w: Work<R>, rule: RuleOfKind<'tiers'>): boolean {
  const { params } = ctx;
  const c = w.candidate;
  const id = paramFor(rule.tiers, c.variant);
  const tiers = params.tiers(id);
  const value = c.value;
  if (value === undefined && !allFlags(tiers)) return incomplete(w, requireMissing(w.measure, c.baseMissing));
  // Tiers come highest amount first, so the first reached is the one paid.
  let best: (typeof tiers)[number] | undefined;
  for (const t of tiers) {
    if (isTierReached(t, c)) {
      best = t;
      break;
    }
  }
  pushAssumed(w.steps, params, id);
  if (!best) return noTierReached(w, tiers);
  w.isFigureOfYear = best.flag === undefined;
  w.steps?.push({
    k: 'tier',
    value: best.flag === undefined ? value : undefined,
    label: c.valueLabel,
    tier: best.label,
    amount: best.amount,
    upTo: w.measure.review,
    first: false,
  });
  w.amount = addBonus(ctx, w, rule.bonus, best.amount);
  return true;
}

/** Every tier is reached by a flag: no figure is needed. */
function allFlags(tiers: readonly { readonly flag?: string }[]): boolean {
  for (const t of tiers) if (t.flag === undefined) return false;
  return true;
}
