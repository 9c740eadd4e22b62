import type { CalendarDate, DateWindow } from './calendar-date.js';
import type { Localized } from './localized.js';
import type { Fen } from './money.js';
import type { ParameterSet } from './parameter.js';

/**
 * A parameter reference: one parameter id, or one per variant of the candidate
 * (`{ default: '1.rate', industrial: '1.rate.industrial' }`).
 */
export type ParamRef = string | { readonly [variant: string]: string };

/** How often a measure may grant, and to whom (the policy's 一次性 / 连续支持不超过N年). */
export type Scope =
  /** At most once ever for the enterprise or the subject; `shared` measures count as the same grant. */
  | { readonly kind: 'one-time'; readonly per: 'enterprise' | 'subject'; readonly shared?: readonly string[] }
  /** Once for each assessment year. */
  | { readonly kind: 'per-year' }
  /** The N calendar years starting with the first year granted; a year skipped inside is lost. */
  | { readonly kind: 'consecutive'; readonly per: 'enterprise' | 'subject'; readonly years: ParamRef }
  /** No money, no limit (services). */
  | { readonly kind: 'none' };

/** The declarative kinds of rule every measure is written in. */
export type Rule =
  /** floor(rate × base), capped. */
  | { readonly kind: 'percent'; readonly rate: ParamRef; readonly cap: ParamRef }
  /** A fixed amount (the most the text allows). */
  | { readonly kind: 'fixed'; readonly amount: ParamRef }
  /**
   * The highest tier reached by the candidate's value (or flag), plus an optional bonus.
   * With `firstReached`, a tier counts only if the candidate's `previous` value was below it.
   */
  | { readonly kind: 'tiers'; readonly tiers: ParamRef; readonly bonus?: ParamRef; readonly firstReached?: boolean }
  /** count × unit amount, capped per year. */
  | { readonly kind: 'per-unit'; readonly unit: ParamRef; readonly cap: ParamRef }
  /** The prize the candidate names, capped; no prize named: the cap. */
  | { readonly kind: 'prize'; readonly cap: ParamRef }
  /** Support the text promises without a figure: status `pending`, amount 0. */
  | { readonly kind: 'pending'; readonly note: Localized }
  /** Support in kind: status `in-kind`, amount 0. */
  | { readonly kind: 'in-kind'; readonly note: Localized }
  /** A service, not money: status `service`, amount 0. */
  | { readonly kind: 'service'; readonly note: Localized };

/** A dated event (filing, recognition, publication …) that must fall in the in-force window and in Y. */
export interface DatedEvent {
  readonly id: string;
  readonly date: CalendarDate;
}

/** What one measure is asked to evaluate: one subject, with the figures its rule needs. */
export interface Candidate {
  readonly subject: string | null;
  /** Selects variant parameters (`industrial`, `national` …); `default` when absent. */
  readonly variant?: string;
  /** The variant's name for explanations ("industrial AI enterprise"). */
  readonly variantLabel?: Localized;
  /** percent: the base; prize: the prize (absent: the cap). */
  readonly base?: Fen;
  readonly baseLabel?: Localized;
  /** per-unit: how many units. */
  readonly count?: number;
  readonly countLabel?: Localized;
  /** tiers: the figure the tiers apply to, and (firstReached) the highest figure before. */
  readonly value?: Fen;
  readonly previous?: Fen;
  readonly valueLabel?: Localized;
  /** tiers reached by a flag rather than a figure. */
  readonly flags?: readonly string[];
  /** At least one of these must fall in the in-force window and in the assessment year. */
  readonly events?: readonly DatedEvent[];
  /** Conditions of the measure that fail: the candidate is ineligible for these reasons. */
  readonly unmet?: readonly Localized[];
  /** Facts taken by default or other remarks, shown in the explanation. */
  readonly notes?: readonly Localized[];
  /** Assumptions this candidate's formula relied on. */
  readonly assumptions?: readonly Localized[];
}

/** A condition on the request: general conditions, or a measure's requirement on the enterprise. */
export interface Condition<R> {
  readonly id: string;
  holds(request: R): boolean;
  /** Why it fails, said as a reason. */
  readonly unmet: Localized;
  /** Present when the condition itself is an assumption. */
  readonly assumed?: Localized;
}

export interface Measure<R> {
  readonly id: string;
  readonly article: number;
  /** 第一条, 第六条(2) … */
  readonly citation: Localized;
  /** The clause's original Chinese text. */
  readonly clause: string;
  readonly summary: Localized;
  readonly review: boolean;
  readonly perSubject: boolean;
  readonly scope: Scope;
  readonly rule: Rule;
  /** Measures in one group are alternatives on the same subject: the larger stands (ties: the earlier). */
  readonly alternativeGroup?: string;
  readonly requires?: readonly Condition<R>[];
  /** The candidates the request gives facts for; none means the measure is left out of the answer. */
  candidates(request: R): readonly Candidate[];
}

export interface HistoryEntry {
  readonly measure: string;
  readonly year: number;
  readonly subject: string | null;
  readonly amount: Fen;
}

export interface OtherPolicyAward {
  readonly policy: string;
  readonly subject: string;
  readonly amount: Fen;
}

/** What the engine needs of any request; a policy's request type extends it. */
export interface EngineRequest {
  readonly year: number;
  readonly history?: readonly HistoryEntry[];
  readonly otherPolicyAwards?: readonly OtherPolicyAward[];
}

export interface Policy<R extends EngineRequest> {
  readonly id: string;
  readonly version: string;
  readonly inForce: DateWindow;
  readonly parameters: ParameterSet;
  readonly generalConditions: readonly Condition<R>[];
  readonly measures: readonly Measure<R>[];
  /** Shown as an assumption in every explanation: the general conditions hold. */
  readonly generalConditionsMet?: Localized;
  /** Said when annual figures of the first, partial year are counted in full. */
  readonly firstYearInFull?: Localized;
}
