import { NO_HISTORY } from '../evaluation/history.js';
import { paramFor } from '../evaluation/param-for.js';
import { pushAssumed } from '../evaluation/push-assumed.js';
import type { RequestContext } from '../evaluation/request-context.js';
import { fail, incomplete, type Work } from '../evaluation/work.js';
import type { EngineRequest, HistoryEntry } from '../measure.js';
import type { Fen } from '../money.js';
import type { Tier } from '../parameter.js';
import { addBonus } from './add-bonus.js';
import { isTierReached } from './is-tier-reached.js';
import { noTierReached } from './no-tier-reached.js';
import { requireMissing } from './require-missing.js';
import type { RuleOfKind } from './rule-handler.js';

/** The history entry that rules a tier out, and the tier it names. */
interface Use {
  readonly entry: HistoryEntry;
  readonly tier: Tier;
}

/**
 * Milestone tiers (第五条(1) 首次达到 … 一次性): each tier once ever. A figure tier counts as
 * reached before when the figure before is at or above it, or history holds it or a higher
 * figure tier; a flag tier only by its own history. Several tiers newly reached in one year pay
 * the highest only (the `highestOnly` reading). The result's subject is the tier.
 *
 * @example tiers 1亿, 5亿; previous 2亿, value 6亿, no history: the 5亿 tier, subject its id
 */
export function milestoneTiers<R extends EngineRequest>(
  ctx: RequestContext<R>,
  w: Work<R>,
  rule: RuleOfKind<'tiers'>,
  milestones: { readonly highestOnly: string },
): boolean {
  const { params } = ctx;
  const m = w.measure;
  const c = w.candidate;
  const tiersId = paramFor(rule.tiers, c.variant);
  const tiers = params.tiers(tiersId);
  const own = ctx.history.length === 0 ? NO_HISTORY : ctx.history.filter((h) => h.measure === m.id);
  const value = c.value;
  const previous = c.previous;

  const reached = tiers.filter((t) => isTierReached(t, c));
  const usage = reached.map((t) => ({ tier: t, used: usedBy(own, tiers, t) }));
  if (previous === undefined && usage.some((u) => u.tier.min !== undefined && !u.used)) {
    return incomplete(w, requireMissing(m, c.previousMissing), true);
  }
  const fresh = usage.filter((u) => !u.used && (u.tier.min === undefined || (previous as number) < u.tier.min * 100));
  pushAssumed(w.steps, params, tiersId);

  if (fresh.length > 0) {
    const best = (fresh[0] as (typeof fresh)[number]).tier;
    w.subject = best.id ?? null;
    w.isFigureOfYear = best.flag === undefined;
    w.steps?.push({
      k: 'tier',
      value: best.flag === undefined ? value : undefined,
      label: c.valueLabel,
      tier: best.label,
      amount: best.amount,
      upTo: m.review,
      first: true,
    });
    if (fresh.length > 1) {
      w.steps?.push({ k: 'tier-more', tiers: fresh.map((u) => u.tier.label) });
      pushAssumed(w.steps, params, milestones.highestOnly);
    }
    w.amount = addBonus(ctx, w, rule.bonus, best.amount);
    return true;
  }
  if (reached.length === 0) return noTierReached(w, tiers);
  const top = usage[0] as (typeof usage)[number];
  if (top.used) {
    w.subject = top.tier.id ?? null;
    return fail(w, 'excluded', {
      k: 'one-time-used',
      year: top.used.entry.year,
      other: undefined,
      tier: top.used.tier.label,
      higher: top.used.tier !== top.tier,
    });
  }
  return fail(w, 'ineligible', {
    k: 'tier-before',
    value: value ?? (0 as Fen),
    label: c.valueLabel,
    previous: previous as Fen,
    previousLabel: c.previousLabel,
  });
}

/** The history entry that rules a tier out: the tier itself, or (figure tiers) a higher figure tier. */
function usedBy(own: readonly HistoryEntry[], tiers: readonly Tier[], t: Tier): Use | undefined {
  let found: Use | undefined;
  for (const h of own) {
    const ht = tiers.find((x) => x.id === h.subject);
    if (!ht) continue;
    const rules = ht === t || (t.min !== undefined && ht.min !== undefined && ht.min >= t.min);
    if (rules && (!found || isCloser(ht, h, found))) found = { entry: h, tier: ht };
  }
  return found;
}

/** The entry a reason names, whatever the order of history: the tier itself, else the nearest higher tier; then the earliest year. */
function isCloser(ht: Tier, h: HistoryEntry, found: Use): boolean {
  const a = ht.min ?? Number.NEGATIVE_INFINITY;
  const b = found.tier.min ?? Number.NEGATIVE_INFINITY;
  return a !== b ? a < b : h.year < found.entry.year;
}
