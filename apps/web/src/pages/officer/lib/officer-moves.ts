import { APPLICATION_STATUSES, type ApplicationStatus } from '@ftai/api/statuses';

/**
 * How the officer's application page makes a move to each status (@ftai/api's STATUS_TABLE says
 * who may make it and by which route): a confirmed click (`confirm`: texts actions.<status>.button,
 * .confirm, .help), a dialog asking for a note (`note`, `reject`: a danger button; texts
 * actions.<status>.button, .title, .help, .placeholder), the approval form, the finalisation or
 * payment dialog, the notices page (the notice covers a whole call), or nowhere (the applicant's
 * own moves). A new status does not compile until it says which.
 */
export type MoveControl = 'confirm' | 'note' | 'reject' | 'approve' | 'finalize' | 'pay' | 'notice' | null;

export const MOVE_CONTROLS: Readonly<Record<ApplicationStatus, MoveControl>> = {
  draft: null,
  submitted: null,
  formal_check: 'confirm',
  under_review: 'confirm',
  returned: 'note',
  approved: 'approve',
  rejected: 'reject',
  public_notice: 'notice',
  final: 'finalize',
  paid: 'pay',
};

/** The texts each control needs under actions.<status> in the officer's texts (locales/officer.ts). */
export const CONTROL_TEXTS: Readonly<Record<Exclude<MoveControl, null>, readonly string[]>> = {
  confirm: ['button', 'confirm', 'help'],
  note: ['button', 'title', 'help', 'placeholder'],
  reject: ['button', 'title', 'help', 'placeholder'],
  approve: ['button'],
  finalize: ['button'],
  pay: ['button'],
  notice: ['help'],
};

/**
 * The buttons for the moves the server allows (`allowedMoves`), in the table's order: the moves
 * forward first, then the return and the rejection; the notice has no button of its own.
 */
export function moveButtons(moves: readonly ApplicationStatus[]): { readonly to: ApplicationStatus; readonly control: MoveControl }[] {
  const controls = APPLICATION_STATUSES.filter((to) => moves.includes(to))
    .map((to) => ({ to, control: MOVE_CONTROLS[to] }))
    .filter((m) => m.control !== null && m.control !== 'notice');
  const isNote = (c: MoveControl) => c === 'note' || c === 'reject';
  return [...controls.filter((m) => !isNote(m.control)), ...controls.filter((m) => isNote(m.control))];
}
