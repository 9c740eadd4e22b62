/**
 * The application's statuses and the moves between them, declared once: the server's status
 * machine and its routes, the database constraint (migration 0007), the lists' filters and the
 * web app's tags, labels and buttons are all typed from this table. No imports: the browser
 * loads it as it is (`@ftai/api/statuses`).
 *
 * draft → submitted → formal_check → under_review → (returned → submitted …) → approved / rejected
 * → public_notice → final → paid; a submitted one the applicant may withdraw (→ draft) until the
 * formal check takes it. Each move names the roles that may make it and the route that
 * makes it; nothing is skipped.
 *
 * A new status: add it to APPLICATION_STATUSES and STATUS_TABLE (its labels, its moves, and the
 * moves into it from the others); the compiler then names what else must know it (the web's tag
 * colour and the officer's button for a move to it). A database migrated before keeps its old
 * list: add a migration that re-applies the constraints (`applyStatusConstraints`, as 0007 does).
 */

export const ROLES = ['applicant', 'reviewer', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The roles as the web app's menus and tags and the audit workbook name them. */
export const ROLE_LABELS: Readonly<Record<Role, { readonly zh: string; readonly en: string }>> = {
  applicant: { zh: '申报企业', en: 'Applicant' },
  reviewer: { zh: '评审专家', en: 'Reviewer' },
  officer: { zh: '主管部门', en: 'Officer' },
  admin: { zh: '系统管理员', en: 'Administrator' },
};

/** The roles' names in one language: the web locale's `role`. */
export function roleLabels(lang: 'zh' | 'en'): Record<Role, string> {
  return Object.fromEntries(ROLES.map((r) => [r, ROLE_LABELS[r][lang]])) as Record<Role, string>;
}

/** The role a user acts in: an administrator acts as an officer, every other role as itself. */
export type ActingRole = Exclude<Role, 'admin'>;

/** An administrator acts as an officer; every other role acts as itself. */
export function actsAs(role: Role): ActingRole {
  return role === 'admin' ? 'officer' : role;
}

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

/** The routes that move an application, as the server declares them. */
export const MOVE_ROUTES = {
  submit: 'POST /api/v1/applications/:id/submit',
  /** The applicant takes a submission back (撤回) before the formal check: it is a draft again. */
  withdraw: 'POST /api/v1/applications/:id/withdraw',
  /** The officer's plain moves: a decision and a note, nothing more. */
  transition: 'POST /api/v1/applications/:id/transitions',
  approve: 'POST /api/v1/applications/:id/approve',
  /** The public notice (公示) covers a whole call. */
  publish: 'POST /api/v1/calls/:id/notice',
  finalize: 'POST /api/v1/applications/:id/finalize',
  pay: 'POST /api/v1/applications/:id/pay',
} as const;
export type MoveRoute = (typeof MOVE_ROUTES)[keyof typeof MOVE_ROUTES];

/** One move: who may make it and the route that makes it. */
export interface Move {
  readonly roles: readonly ActingRole[];
  readonly route: MoveRoute;
  /** The mover must write a note: the applicant must learn what to change. */
  readonly needsNote?: true;
}

export interface StatusDefinition {
  /** As the web's tags, lists and timelines name it (CHINESE.md: the official Chinese first). */
  readonly label: { readonly zh: string; readonly en: string };
  /** The moves out of this status, by the status they lead to. */
  readonly moves: Readonly<Partial<Record<ApplicationStatus, Move>>>;
}

const by = (route: MoveRoute, ...roles: ActingRole[]): Move => ({ roles, route });
const officer = (route: MoveRoute): Move => by(route, 'officer');

/** Every status: its labels and its moves. */
export const STATUS_TABLE: Readonly<Record<ApplicationStatus, StatusDefinition>> = {
  draft: {
    label: { zh: '草稿', en: 'Draft' },
    moves: { submitted: by(MOVE_ROUTES.submit, 'applicant') },
  },
  submitted: {
    label: { zh: '已提交', en: 'Submitted' },
    moves: { draft: by(MOVE_ROUTES.withdraw, 'applicant'), formal_check: officer(MOVE_ROUTES.transition) },
  },
  formal_check: {
    label: { zh: '形式审查', en: 'Formal check' },
    moves: {
      under_review: officer(MOVE_ROUTES.transition),
      returned: { ...officer(MOVE_ROUTES.transition), needsNote: true },
      rejected: officer(MOVE_ROUTES.transition),
    },
  },
  under_review: {
    label: { zh: '专家评审', en: 'Under review' },
    moves: {
      returned: { ...officer(MOVE_ROUTES.transition), needsNote: true },
      approved: officer(MOVE_ROUTES.approve),
      rejected: officer(MOVE_ROUTES.transition),
    },
  },
  returned: {
    label: { zh: '退回修改', en: 'Returned for changes' },
    moves: { submitted: by(MOVE_ROUTES.submit, 'applicant') },
  },
  approved: {
    label: { zh: '已审定', en: 'Approved' },
    moves: { public_notice: officer(MOVE_ROUTES.publish) },
  },
  rejected: {
    label: { zh: '未通过', en: 'Rejected' },
    moves: {},
  },
  public_notice: {
    label: { zh: '公示中', en: 'On public notice' },
    moves: { final: officer(MOVE_ROUTES.finalize) },
  },
  final: {
    label: { zh: '已确定', en: 'Final' },
    moves: { paid: officer(MOVE_ROUTES.pay) },
  },
  paid: {
    label: { zh: '已拨付', en: 'Paid' },
    moves: {},
  },
};

/** The moves out of `from`, in the table's order. */
export function movesFrom(from: ApplicationStatus): [ApplicationStatus, Move][] {
  const moves = STATUS_TABLE[from].moves;
  return APPLICATION_STATUSES.flatMap((to): [ApplicationStatus, Move][] => {
    const move = moves[to];
    return move ? [[to, move]] : [];
  });
}

/** The move from `from` to `to`, if there is one. */
export function moveOf(from: ApplicationStatus, to: ApplicationStatus): Move | undefined {
  return STATUS_TABLE[from].moves[to];
}

/** Every move of the table, in order. */
export function allMoves(): { readonly from: ApplicationStatus; readonly to: ApplicationStatus; readonly move: Move }[] {
  return APPLICATION_STATUSES.flatMap((from) => movesFrom(from).map(([to, move]) => ({ from, to, move })));
}

/**
 * The application is with its applicant: its next move is the applicant's submission (a draft, or
 * one returned for changes). Only then may the applicant change its facts and files; a submitted
 * one the applicant can only withdraw (撤回), which makes it a draft again.
 */
export function isWithApplicant(status: ApplicationStatus): boolean {
  return movesFrom(status).some(([to, move]) => to === 'submitted' && move.roles.includes('applicant'));
}

/** The applicant may withdraw it (撤回): submitted, not yet taken into the formal check. */
export function canWithdraw(status: ApplicationStatus): boolean {
  return moveOf(status, 'draft')?.roles.includes('applicant') ?? false;
}

/** The status's label: 专家评审, Under review. */
export function statusLabel(status: ApplicationStatus, lang: 'zh' | 'en'): string {
  return STATUS_TABLE[status].label[lang];
}

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

/** An annual call (申报批次): open to applications, or closed. */
export const CALL_STATUSES = ['open', 'closed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** An award of the ledger: committed by the budget allocation, final after the notice, paid. */
export const AWARD_STATUSES = ['committed', 'final', 'paid'] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];

/** A background match job (免申即享). */
export const MATCH_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type MatchJobStatus = (typeof MATCH_JOB_STATUSES)[number];
