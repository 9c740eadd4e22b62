import { allMoves, MOVE_ROUTES, type MoveRoute } from '@ftai/api/statuses';
import { describe, expect, it } from 'vitest';
import { officer } from '../../../locales/officer';
import { CONTROL_TEXTS, MOVE_CONTROLS, type MoveControl, moveButtons } from './officer-moves';

/** The control that makes a move by each route: the plain moves are a click or a note. */
const CONTROLS_OF: Readonly<Record<MoveRoute, readonly MoveControl[]>> = {
  [MOVE_ROUTES.submit]: [null],
  [MOVE_ROUTES.withdraw]: [null],
  [MOVE_ROUTES.transition]: ['confirm', 'note', 'reject'],
  [MOVE_ROUTES.approve]: ['approve'],
  [MOVE_ROUTES.publish]: ['notice'],
  [MOVE_ROUTES.finalize]: ['finalize'],
  [MOVE_ROUTES.pay]: ['pay'],
};

describe('the officer’s buttons for the moves of the status table', () => {
  it('make each move as its route does, and none of the applicant’s', () => {
    for (const { from, to, move } of allMoves()) {
      const control = MOVE_CONTROLS[to];
      expect(CONTROLS_OF[move.route], `${from} → ${to}`).toContain(control);
      expect(control === null, `${from} → ${to}`).toBe(!move.roles.includes('officer'));
      // A move that needs a note opens the note dialog.
      if (move.needsNote) expect(['note', 'reject']).toContain(control);
    }
  });

  it('have their texts in Chinese and English', () => {
    const actions = { zh: officer.zh.actions as Record<string, unknown>, en: officer.en.actions as Record<string, unknown> };
    for (const [to, control] of Object.entries(MOVE_CONTROLS)) {
      if (control === null) continue;
      for (const lang of ['zh', 'en'] as const) {
        const texts = actions[lang][to] as Record<string, unknown> | undefined;
        for (const key of CONTROL_TEXTS[control]) expect(typeof texts?.[key], `${lang} actions.${to}.${key}`).toBe('string');
      }
    }
  });

  it('put the moves forward first, then the return and the rejection, and leave the notice to its page', () => {
    expect(moveButtons(['returned', 'approved', 'rejected'])).toEqual([
      { to: 'approved', control: 'approve' },
      { to: 'returned', control: 'note' },
      { to: 'rejected', control: 'reject' },
    ]);
    expect(moveButtons(['rejected', 'returned', 'under_review']).map((b) => b.to)).toEqual(['under_review', 'returned', 'rejected']);
    expect(moveButtons(['public_notice'])).toEqual([]);
    expect(moveButtons(['submitted'])).toEqual([]);
  });
});
