import type { RequestContext } from '../evaluation/request-context.js';
import type { Work } from '../evaluation/work.js';
import type { EngineRequest, Rule } from '../measure.js';

/** The rule of one kind (`RuleOfKind<'percent'>`: its rate and cap). */
export type RuleOfKind<K extends Rule['kind']> = Extract<Rule, { readonly kind: K }>;

/** How one kind of rule gives its amount; RULE_HANDLERS holds one for every kind. */
export interface RuleHandler<T extends Rule> {
  /**
   * The rule works on the candidate's figures: facts left out make the result incomplete before
   * the arithmetic. False for support without a figure (pending, in kind, a service), which
   * answers with its status whatever facts are missing.
   */
  readonly readsFacts: boolean;
  /** The rule's arithmetic: sets the amount (and cap) and returns true, or sets the status that stops it and returns false. */
  readonly amount: <R extends EngineRequest>(ctx: RequestContext<R>, w: Work<R>, rule: T) => boolean;
}
