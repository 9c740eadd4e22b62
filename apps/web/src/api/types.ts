/** A result's status (CALCULATION.md "Answer"); the labels are CHINESE.md's status words. */
export type ResultStatus = 'granted' | 'ineligible' | 'excluded' | 'incomplete' | 'pending' | 'in-kind' | 'service' | 'not-applicable';

/** The answer of the calculation contract (CALCULATION.md). */
export interface MeasureResult {
  readonly measure: string;
  /** The object's id for per-subject measures, the tier for 5.1 (`revenue-100m` …), else null. */
  readonly subject: string | null;
  readonly status: ResultStatus;
  readonly amount: number;
  readonly cap?: number;
  /** The amount is the most the text allows (最高, 经评审认定): an expert review may give less. */
  readonly review: boolean;
  /** The clause as the text numbers it: 第五条第（3）项. */
  readonly citation: string;
  readonly explanation?: readonly string[];
  readonly reasons?: readonly string[];
  /** Status `incomplete`: the request's field paths the rule needs (`facts.previousRevenue` …). */
  readonly missing?: readonly string[];
}

export interface Answer {
  readonly policy: { readonly id: string; readonly version: string };
  readonly year: number;
  readonly creditCode: string | null;
  readonly results: readonly MeasureResult[];
  readonly total: number;
}

/** One measure of the catalogue (GET /api/v1/measures). */
export interface MeasureInfo {
  readonly id: string;
  readonly article: number;
  readonly citation: string;
  readonly citationZh: string;
  readonly citationEn: string;
  /** The measure's short name in the language asked for (首次认定国家专精特新“小巨人”企业). */
  readonly name: string;
  readonly clause: string;
  readonly summary: string;
  readonly summaryZh: string;
  readonly summaryEn: string;
  readonly rule: string;
  readonly caps: string;
  readonly scope: string;
  /** The amounts are maxima (最高 …, 经评审认定). */
  readonly review: boolean;
  readonly perSubject: boolean;
  readonly alternativeGroup: string | null;
  readonly assumptions: readonly string[];
  readonly parameters: readonly { id: string; label: string; value: string; from: string; reference: string; assumed: boolean }[];
}

export interface Catalogue {
  readonly policy: { readonly id: string; readonly version: string };
  readonly year: number;
  readonly measures: readonly MeasureInfo[];
}

export interface Call {
  readonly id: string;
  readonly year: number;
  readonly title: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly totalBudget: number;
  readonly articleBudgets: Record<string, number>;
  readonly status: 'open' | 'closed';
  readonly isAccepting: boolean;
  readonly createdAt: string;
}
