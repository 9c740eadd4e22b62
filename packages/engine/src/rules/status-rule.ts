import { fail } from '../evaluation/work.js';
import type { RuleHandler, RuleOfKind } from './rule-handler.js';

const STATUS_OF_KIND = { pending: 'pending', 'in-kind': 'in-kind', service: 'service' } as const;

/**
 * Support without a figure: a promise the text gives no amount for (pending), support in kind, a
 * service. Amount 0; the status says which, and the rule's note is the reason.
 *
 * @example { kind: 'service', note }: status service, amount 0, reasons [note]
 */
export const statusRule: RuleHandler<RuleOfKind<'pending' | 'in-kind' | 'service'>> = {
  readsFacts: false,
  amount: (_ctx, w, rule) => fail(w, STATUS_OF_KIND[rule.kind], { k: 'status', text: rule.note }),
};
