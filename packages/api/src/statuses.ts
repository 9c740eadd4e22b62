/**
 * The application's statuses and the moves between them, declared once: the server's status
 * machine, the database constraint (migration 0007), the lists' filters and the web app's tags
 * and labels are all typed from this table. No imports: the browser loads it as it is.
 *
 * draft → submitted → formal_check → under_review → (returned → submitted …) → approved / rejected
 * → public_notice → final → paid. Each move names the roles that may make it; nothing is skipped.
 */

export const ROLES = ['applicant', 'reviewer', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'formal_check',
  'under_review',
  'returned',
  'approved',
  'rejected',
  'public_notice',
  'final',
  'paid',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Who may make a move, by role. */
export type MoveRoles = readonly Exclude<Role, 'admin'>[];

/** Each status's moves: the roles that may make each one. */
export const TRANSITIONS: Readonly<Record<ApplicationStatus, Partial<Record<ApplicationStatus, MoveRoles>>>> = {
  draft: { submitted: ['applicant'] },
  submitted: { formal_check: ['officer'] },
  formal_check: { under_review: ['officer'], returned: ['officer'], rejected: ['officer'] },
  under_review: { returned: ['officer'], approved: ['officer'], rejected: ['officer'] },
  returned: { submitted: ['applicant'] },
  approved: { public_notice: ['officer'] },
  rejected: {},
  public_notice: { final: ['officer'] },
  final: { paid: ['officer'] },
  paid: {},
};

/** An administrator acts as an officer; every other role acts as itself. */
export function actsAs(role: Role): Exclude<Role, 'admin'> {
  return role === 'admin' ? 'officer' : role;
}
