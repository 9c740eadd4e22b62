/** The answer of the calculation contract (CALCULATION.md). */
export interface MeasureResult {
  readonly measure: string;
  readonly subject: string | null;
  readonly status: 'granted' | 'ineligible' | 'excluded' | 'pending' | 'in-kind' | 'service' | 'not-applicable';
  readonly amount: number;
  readonly cap?: number;
  readonly review: boolean;
  readonly citation: string;
  readonly explanation?: readonly string[];
  readonly reasons?: readonly string[];
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
  readonly clause: string;
  readonly summary: string;
  readonly summaryZh: string;
  readonly summaryEn: string;
  readonly rule: string;
  readonly caps: string;
  readonly scope: string;
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
