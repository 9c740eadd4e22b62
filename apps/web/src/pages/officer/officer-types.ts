/**
 * The answers of the officer's API routes (apps/server/src/routes/*.ts), as the server sends
 * them. Amounts are whole yuan; times are ISO-8601 instants; dates YYYY-MM-DD.
 */
import type { Answer, Call } from '../../api/types';

export const APPLICATION_STATUSES = [
  'submitted',
  'formal_check',
  'under_review',
  'returned',
  'approved',
  'rejected',
  'public_notice',
  'final',
  'paid',
  'draft',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface ApplicationSummary {
  readonly id: string;
  readonly callId: string;
  readonly creditCode: string;
  readonly enterpriseName: string | null;
  readonly status: ApplicationStatus;
  readonly engineTotal: number;
  readonly approvedTotal: number | null;
  readonly allocatedTotal: number | null;
  readonly score: number | null;
  readonly submittedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ApplicationItem {
  readonly measure: string;
  readonly subject: string | null;
  readonly article: number;
  /** The engine's figure is a ceiling that an expert review may lower. */
  readonly review: boolean;
  readonly engineAmount: number;
  readonly approvedAmount: number | null;
  readonly allocatedAmount: number | null;
}

export interface TimelineEvent {
  readonly seq: number;
  readonly from: ApplicationStatus | null;
  readonly to: ApplicationStatus;
  readonly actor: string;
  readonly role: string;
  readonly note: string | null;
  readonly at: string;
}

export interface Attachment {
  readonly id: string;
  readonly filename: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedBy: string;
  readonly at: string;
  readonly url: string;
}

export interface ApplicationView extends ApplicationSummary {
  readonly call: Call | null;
  readonly request: { readonly enterprise?: Record<string, unknown>; readonly facts?: Record<string, unknown> };
  readonly result: Answer | null;
  readonly policyVersion: string | null;
  readonly items: readonly ApplicationItem[];
  readonly timeline: readonly TimelineEvent[];
  readonly attachments: readonly Attachment[];
  readonly allowedMoves: readonly ApplicationStatus[];
}

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
}

export interface RubricCriterion {
  readonly id: string;
  readonly label: { readonly zh: string; readonly en: string };
  readonly max: number;
}

export interface UserRow {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: 'applicant' | 'reviewer' | 'officer' | 'admin';
  readonly creditCode: string | null;
  readonly disabled: boolean;
}

export interface Localized {
  readonly zh: string;
  readonly en: string;
}

export interface Figures {
  readonly requested: number;
  readonly approved: number;
  readonly allocated: number;
  readonly paid: number;
}

export interface Dashboard {
  readonly call: { readonly id: string; readonly year: number; readonly title: string; readonly status: 'open' | 'closed' };
  readonly totals: Figures & { readonly budget: number; readonly available: number };
  readonly byArticle: readonly (Figures & { readonly article: number; readonly citation: Localized; readonly budget: number | null })[];
  readonly byMeasure: readonly (Figures & {
    readonly measure: string;
    readonly article: number;
    readonly citation: Localized;
    readonly name: Localized;
  })[];
  readonly counts: Readonly<Record<ApplicationStatus, number>>;
  readonly topEnterprises: readonly {
    readonly creditCode: string;
    readonly name: string;
    readonly allocated: number;
    readonly paid: number;
  }[];
}

export type AllocationMethod = 'proportional' | 'score';

export interface BudgetFigures {
  readonly total: number;
  readonly perArticle: Readonly<Record<string, number>>;
}

export interface AllocationPlan {
  readonly callId: string;
  readonly year: number;
  readonly method: AllocationMethod;
  readonly callBudget: BudgetFigures;
  readonly committed: BudgetFigures;
  /** What is left for this allocation. */
  readonly budget: BudgetFigures;
  readonly applications: readonly {
    readonly applicationId: string;
    readonly creditCode: string;
    readonly enterpriseName: string;
    readonly score: number | null;
    readonly submittedAt: string | null;
    readonly approved: number;
    readonly allocated: number;
  }[];
  readonly result: {
    readonly method: AllocationMethod;
    readonly total: number;
    readonly oversubscribed: boolean;
    readonly byArticle: Readonly<Record<string, { readonly budget: number | null; readonly approved: number; readonly allocated: number }>>;
    readonly items: readonly {
      readonly key: string;
      readonly applicationId: string;
      readonly article: number;
      readonly approved: number;
      readonly allocated: number;
    }[];
  };
}

export interface CommittedAllocation extends AllocationPlan {
  readonly allocationId: string;
  readonly committedAt: string;
  readonly awards: number;
}

export interface NoticeSummary {
  readonly id: string;
  readonly call: { readonly id: string; readonly year: number; readonly title: string };
  readonly publishedAt: string;
  readonly publishedOn: string;
  readonly objectionsUntil: string;
  readonly isOpenForObjections: boolean;
  readonly count: number;
  readonly enterprises: number;
  readonly total: number;
  /** 1: the publication; 2: its first correction (第1次更正) … */
  readonly version: number;
  readonly versionOn: string;
  readonly reason: string | null;
  /** The audit chain's head printed on the notice. */
  readonly auditHead: { readonly seq: number; readonly hash: string };
}

export interface NoticeView extends Omit<NoticeSummary, 'count' | 'enterprises' | 'versionOn'> {
  readonly on: string;
  readonly correction: number;
  readonly latestVersion: number;
  readonly lines: readonly {
    readonly applicationId: string;
    readonly enterpriseName: string;
    readonly creditCode: string;
    readonly measure: string;
    readonly measureName: string;
    readonly citation: string;
    readonly subject: string;
    readonly amount: number;
  }[];
  readonly enterprises: readonly {
    readonly creditCode: string;
    readonly name: string;
    readonly applicationIds: readonly string[];
    readonly total: number;
  }[];
}

export interface Objection {
  readonly id: string;
  readonly applicationId: string | null;
  readonly name: string;
  readonly contact: string;
  readonly text: string;
  readonly at: string;
}

export interface OtherAward {
  readonly id: string;
  readonly creditCode: string;
  readonly enterpriseName: string | null;
  readonly policy: string;
  /** The object the award supported; null when it names a measure instead. */
  readonly subject: string | null;
  /** The enterprise-level measure of this policy it overlaps (对应本措施事项); null when it names a subject. */
  readonly measure?: string | null;
  readonly amount: number;
  readonly year: number;
  readonly batchId: string;
  readonly importedAt: string;
}

export interface ImportOutcome {
  readonly batchId: string;
  readonly rows: number;
  readonly amount: number;
}

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actorId: string | null;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly hash: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  readonly headSeq: number;
  readonly problems: readonly { readonly seq: number; readonly problem: string }[];
}
