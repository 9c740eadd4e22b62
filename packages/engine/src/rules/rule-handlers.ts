import type { Rule } from '../measure.js';
import { maximumRule } from './maximum-rule.js';
import { perUnitRule } from './per-unit-rule.js';
import { percentRule } from './percent-rule.js';
import { prizeRule } from './prize-rule.js';
import type { RuleHandler, RuleOfKind } from './rule-handler.js';
import { statusRule } from './status-rule.js';
import { tiersRule } from './tiers-rule.js';

/**
 * One handler for every kind of rule: a new kind in measure.ts does not compile until it has one.
 *
 * @example RULE_HANDLERS[measure.rule.kind].readsFacts // true for every kind with a figure
 */
export const RULE_HANDLERS: { readonly [K in Rule['kind']]: RuleHandler<RuleOfKind<K>> } = {
  percent: percentRule,
  maximum: maximumRule,
  tiers: tiersRule,
  'per-unit': perUnitRule,
  prize: prizeRule,
  pending: statusRule,
  'in-kind': statusRule,
  service: statusRule,
};
