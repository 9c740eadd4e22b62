import type { CalendarDate, DateWindow } from './calendar-date.js';
import type { Localised } from './localised.js';
import type { Fen } from './money.js';
import type { ParameterSet, ParametersAt } from './parameter.js';

/**
 * A parameter reference: one parameter id, or one per variant of the candidate
 * (`{ default: '1.rate', industrial: '1.rate.industrial' }`).
 */
export type ParamRef = string | { readonly [variant: string]: string };

/** How often a measure may grant, and to whom (the policy's 一次性 / 连续支持不超过N年). */
export type Scope =
  /**
   * At most once ever for the enterprise or the subject; `shared` measures count as the same grant.
   * `perSubjectReading`: a switch parameter (an assumed reading) that makes a per-subject scope
   * per enterprise when false (2.1: per model, not per enterprise).
   */
  | {
      readonly kind: 'one-time';
      /** `tier`: each tier of a milestone rule once (the rule checks history itself). */
      readonly per: 'enterprise' | 'subject' | 'tier';
      readonly shared?: readonly string[];
      readonly perSubjectReading?: string;
      /** Switch parameters whose (assumed) reading this scope stands on; shown on every result that reaches it. */
      readonly readings?: readonly string[];
    }
  /**
   * Once for each assessment year. `reading`: a switch parameter (the per-year reading is
   * assumed): when false, the measure is once per enterprise instead.
   */
  | { readonly kind: 'per-year'; readonly reading?: string }
  /**
   * The N calendar years starting with the first year granted; a year skipped inside is lost.
   * `capPerYear`: a switch parameter; true (the assumed reading) applies the cap to each year,
   * false to the whole window, less what the window granted before. `yearsReading`: a switch
   * saying how the window's length is read (shown from the window's second year).
   */
  | {
      readonly kind: 'consecutive';
      readonly per: 'enterprise' | 'subject';
      readonly years: ParamRef;
      readonly capPerYear?: string;
      readonly yearsReading?: string;
    }
  /** No money, no limit (services). */
  | { readonly kind: 'none' };

/** The declarative kinds of rule every measure is written in. */
export type Rule =
  /** floor(rate × base), capped. */
  | { readonly kind: 'percent'; readonly rate: ParamRef; readonly cap: ParamRef }
  /** Up to an amount (最高 X元 with no formula): the most the text allows; a review may give less. */
  | { readonly kind: 'maximum'; readonly amount: ParamRef }
  /**
   * The highest tier reached by the candidate's value (or flag), plus an optional bonus.
   * `milestones`: each tier is paid at most once ever and the result's subject is the tier's id
   * (第五条(1) 首次达到): a tier counts as reached before when the candidate's `previous` figure is
   * at or above it, or history holds the tier or a higher figure tier. `highestOnly` is the
   * switch parameter that pays only the highest of several tiers newly reached in one year.
   */
  | {
      readonly kind: 'tiers';
      readonly tiers: ParamRef;
      readonly bonus?: ParamRef;
      readonly milestones?: { readonly highestOnly: string };
    }
  /** count × unit amount, capped per year. */
  | { readonly kind: 'per-unit'; readonly unit: ParamRef; readonly cap: ParamRef }
  /** The prize the candidate names, capped; no prize named: the cap when the `noPrizeCap` switch holds. */
  | { readonly kind: 'prize'; readonly cap: ParamRef; readonly noPrizeCap: string }
  /** Support the text promises without a figure: status `pending`, amount 0. */
  | { readonly kind: 'pending'; readonly note: Localised }
  /** Support in kind: status `in-kind`, amount 0. */
  | { readonly kind: 'in-kind'; readonly note: Localised }
  /** A service, not money: status `service`, amount 0. */
  | { readonly kind: 'service'; readonly note: Localised };

/** A dated event (filing, recognition, publication …) that must fall in the in-force window and in Y. */
export interface DatedEvent {
  readonly id: string;
  readonly date: CalendarDate;
}

/** A fact the rule needs that the request left out: its field path and the name the form gives it. */
export interface MissingFact {
  /** `facts.previousRevenue`, `facts.incubator.investment` … */
  readonly path: string;
  /** 上年主营业务收入 / revenue of the year before */
  readonly label: Localised;
}

/** What one measure is asked to evaluate: one subject, with the figures its rule needs. */
export interface Candidate {
  readonly subject: string | null;
  /** Selects variant parameters (`industrial`, `national` …); `default` when absent. */
  readonly variant?: string;
  /** The variant's name for explanations ("industrial AI enterprise"). */
  readonly variantLabel?: Localised;
  /** percent: the base; prize: the prize (absent: the cap). */
  readonly base?: Fen;
  readonly baseLabel?: Localised;
  /** What is missing when the rule needs `base` (or `count`, or a tier's `value`) and the request left it out. */
  readonly baseMissing?: readonly MissingFact[];
  /** per-unit: how many units, and the word that counts them (家). */
  readonly count?: number;
  readonly countLabel?: Localised;
  readonly countUnit?: Localised;
  /** tiers: the figure the tiers apply to, and (milestones) the highest figure before. */
  readonly value?: Fen;
  readonly previous?: Fen;
  readonly valueLabel?: Localised;
  /** How the explanation names `previous` (此前年度最高主营业务收入). */
  readonly previousLabel?: Localised;
  /** milestones: what is missing when `previous` is not known and a figure tier depends on it (any one would do). */
  readonly previousMissing?: readonly MissingFact[];
  /** tiers reached by a flag rather than a figure. */
  readonly flags?: readonly string[];
  /** At least one of these must fall in the in-force window and in the assessment year. */
  readonly events?: readonly DatedEvent[];
  /** Conditions of the measure that fail: the candidate is ineligible for these reasons. */
  readonly unmet?: readonly Localised[];
  /** Facts the rule needs that the request left out: the candidate is `incomplete`. */
  readonly missing?: readonly MissingFact[];
  /** Arithmetic and remarks shown in the explanation before the rule's own steps. */
  readonly notes?: readonly Localised[];
  /** Switch parameters (assumed readings) this candidate's figure relied on: one "假设：" line each. */
  readonly readings?: readonly string[];
}

/** A condition on the request: general conditions, or a measure's requirement on the enterprise. */
export interface Condition<R> {
  readonly id: string;
  holds(request: R): boolean;
  /** Why it fails, said as a reason. */
  readonly unmet: Localised;
}

export interface Measure<R> {
  readonly id: string;
  readonly article: number;
  /** The clause as the text numbers it: 第一条, 第六条第（2）项 … */
  readonly citation: Localised;
  /** A short name that tells measures of one clause apart (市级应用场景建设项目补贴). */
  readonly name: Localised;
  /** The clause's original Chinese text. */
  readonly clause: string;
  readonly summary: Localised;
  /** The amount is the most the text allows (经评审认定, 根据…效果, 最高 with no formula): a review may give less. */
  readonly review: boolean;
  readonly perSubject: boolean;
  readonly scope: Scope;
  readonly rule: Rule;
  /**
   * Measures in one group are alternatives on the same subject: the larger stands; a tie goes to
   * the earlier measure, a reading shown through the group's `tieReading` switch parameter.
   */
  readonly alternativeGroup?: { readonly id: string; readonly tieReading: string };
  readonly requires?: readonly Condition<R>[];
  /** How this measure names its variants where the policy-wide names do not fit (6.4: 国家标准, not 国家级). */
  readonly variantLabels?: Readonly<Record<string, Localised>>;
  /** Switch parameters (readings) the candidates read; both values must be implemented. */
  readonly readings?: readonly string[];
  /** The candidates the request gives facts for; none means the measure is left out of the answer. */
  candidates(request: R, params: ParametersAt): readonly Candidate[];
}

export interface HistoryEntry {
  readonly measure: string;
  readonly year: number;
  readonly subject: string | null;
  readonly amount: Fen;
}

/**
 * Support from another policy, for 从优不重复. It names what it supported: a `subject` (the id of a
 * project, model, product … as in history) or, for support to the enterprise as a whole, the
 * `measure` of this policy it overlaps. Exactly one of the two.
 */
export interface OtherPolicyAward {
  readonly policy: string;
  readonly subject?: string;
  readonly measure?: string;
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
  /** The switch parameter for applying the general conditions at all (they are a reading where the text is silent). */
  readonly generalConditionsReading?: string;
  /** Said first in the explanation of every result that passed the general conditions. */
  readonly generalConditionsChecked?: Localised;
  /** Said after a general condition that fails: where the condition comes from. */
  readonly generalConditionsSource?: Localised;
  /** The switch parameter for counting the annual figures of the first, partial year in full. */
  readonly firstYearInFull?: string;
}
