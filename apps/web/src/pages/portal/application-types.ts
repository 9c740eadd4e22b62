import type { Answer, Call } from '../../api/types';

/** What GET /api/v1/applications lists: one row per application (apps/server …/application-summary.ts). */
export type ApplicationStatus =
  | 'draft'
  | 'submitted'
  | 'formal_check'
  | 'under_review'
  | 'returned'
  | 'approved'
  | 'rejected'
  | 'public_notice'
  | 'final'
  | 'paid';

export interface ApplicationSummary {
  readonly id: string;
  readonly callId: string;
  readonly creditCode: string;
  readonly enterpriseName: string | null;
  readonly status: ApplicationStatus;
  /** Whole yuan: the engine's total at submission (0 for a draft). */
  readonly engineTotal: number;
  readonly approvedTotal: number | null;
  readonly allocatedTotal: number | null;
  readonly score: number | null;
  readonly submittedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One move of an application (load-timeline.ts): who, when, from → to, and the note. */
export interface TimelineEvent {
  readonly seq: number;
  /** null for the creation of the draft. */
  readonly from: ApplicationStatus | null;
  readonly to: ApplicationStatus;
  readonly actor: string;
  readonly role: 'applicant' | 'reviewer' | 'officer' | 'admin';
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
  /** Same-origin download address (GET, the session cookie is enough). */
  readonly url: string;
}

export interface ApplicationItem {
  readonly measure: string;
  readonly subject: string | null;
  readonly article: number;
  readonly review: boolean;
  readonly engineAmount: number;
  readonly approvedAmount: number | null;
  readonly allocatedAmount: number | null;
}

/** GET /api/v1/applications/:id (load-application.ts). */
export interface ApplicationView extends ApplicationSummary {
  readonly call: Call | null;
  /** What the applicant filled, as sent. */
  readonly request: { readonly enterprise: Record<string, unknown>; readonly facts: Record<string, unknown> };
  /** The engine's answer stored at submission (Chinese explanations), null before. */
  readonly result: Answer | null;
  readonly policyVersion: string | null;
  readonly items: readonly ApplicationItem[];
  readonly timeline: readonly TimelineEvent[];
  readonly attachments: readonly Attachment[];
  readonly allowedMoves: readonly ApplicationStatus[];
}

/** The contract's enterprise flags, as the profile stores them (PUT /api/v1/enterprises/me). */
export interface EnterpriseProfile {
  readonly name?: string;
  readonly registeredInFengtai?: boolean;
  readonly taxResidentInFengtai?: boolean;
  readonly seriousDishonesty?: boolean;
  readonly aiPartnerProgram?: boolean;
  readonly industrialAI?: boolean;
  readonly startup?: boolean;
}

export interface Award {
  readonly measure: string;
  readonly subject: string | null;
  /** The assessment year the award is for. */
  readonly year: number;
  readonly amount: number;
  readonly status: 'committed' | 'final' | 'paid';
  readonly callId: string;
  readonly applicationId: string;
  readonly paidAt: string | null;
}

/** GET /api/v1/enterprises/me. */
export interface Enterprise {
  readonly creditCode: string;
  readonly name: string;
  readonly profile: EnterpriseProfile & { readonly creditCode?: string };
  readonly awards: readonly Award[];
  readonly updatedAt: string;
}
