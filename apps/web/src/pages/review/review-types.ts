import type { ApplicationStatus } from '../portal/application-types';

/** One criterion of the rubric (GET /api/v1/reviews/rubric; apps/server …/review/rubric.ts). */
export interface Criterion {
  readonly id: string;
  readonly label: { readonly zh: string; readonly en: string };
  readonly max: number;
}

export interface Rubric {
  readonly criteria: readonly Criterion[];
  readonly max: number;
}

/** A reviewer's assignment (GET /api/v1/reviews; list-assignments.ts). */
export interface Assignment {
  readonly id: string;
  readonly applicationId: string;
  readonly reviewerId: string;
  readonly reviewerName: string;
  readonly assignedAt: string;
  readonly declaredAt: string | null;
  readonly isDeclared: boolean;
  readonly isScored: boolean;
  readonly scores: Readonly<Record<string, number>> | null;
  readonly totalScore: number | null;
  readonly comment: string | null;
  readonly scoredAt: string | null;
  readonly application: {
    readonly id: string;
    readonly callId: string;
    readonly callTitle: string;
    readonly creditCode: string;
    readonly enterpriseName: string;
    readonly status: ApplicationStatus;
    readonly engineTotal: number;
    readonly items: readonly { measure: string; subject: string | null; article: number; isReview: boolean; engineAmount: number }[];
  };
}

/** POST /api/v1/assignments/:id/score answers this. */
export interface ScoreOutcome {
  readonly assignment: Assignment;
  /** The floor of the mean of the application's reviewers' totals. */
  readonly applicationScore: number | null;
}
