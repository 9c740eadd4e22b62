import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  actsAs,
  allMoves,
  canWithdraw,
  isApplicationStatus,
  isWithApplicant,
  MOVE_ROUTES,
  movesFrom,
  ROLES,
  STATUS_TABLE,
  statusLabel,
} from './statuses.js';

const HAN = /[\u4e00-\u9fff]/;

describe('the status table', () => {
  it('gives every status, and only those, a Chinese and an English label', () => {
    expect(Object.keys(STATUS_TABLE)).toEqual([...APPLICATION_STATUSES]);
    for (const s of APPLICATION_STATUSES) {
      const { zh, en } = STATUS_TABLE[s].label;
      expect(zh, s).toMatch(HAN);
      // CHINESE.md: no space, no half-width punctuation in a Chinese label.
      expect(zh, s).not.toMatch(/[\s,.:;()]/);
      expect(en, s).toMatch(/^[A-Z][a-z ]+$/);
    }
    expect(new Set(APPLICATION_STATUSES.map((s) => statusLabel(s, 'zh'))).size).toBe(APPLICATION_STATUSES.length);
    expect(new Set(APPLICATION_STATUSES.map((s) => statusLabel(s, 'en'))).size).toBe(APPLICATION_STATUSES.length);
    expect(statusLabel('under_review', 'zh')).toBe('专家评审');
    expect(statusLabel('public_notice', 'en')).toBe('On public notice');
  });

  it('leads from a draft to every status, and every move to a status of the table', () => {
    const reached = new Set<string>(['draft']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const { from, to } of allMoves()) {
        expect(APPLICATION_STATUSES, `${from} → ${to}`).toContain(to);
        if (reached.has(from) && !reached.has(to)) {
          reached.add(to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...APPLICATION_STATUSES].sort());
    // The closed statuses have no way out.
    expect(APPLICATION_STATUSES.filter((s) => movesFrom(s).length === 0)).toEqual(['rejected', 'paid']);
  });

  it('names for every move the roles that make it (never admin: it acts as officer) and its route', () => {
    const routes = Object.values(MOVE_ROUTES);
    for (const { from, to, move } of allMoves()) {
      expect(move.roles.length, `${from} → ${to}`).toBeGreaterThan(0);
      for (const role of move.roles) expect(ROLES.filter((r) => r !== 'admin')).toContain(role);
      expect(routes).toContain(move.route);
    }
  });

  it('keeps the moves of the workflow: who submits, who checks, where approval and payment are made', () => {
    const table = allMoves().map(
      ({ from, to, move }) => `${from}→${to} ${move.roles.join('|')} ${move.route}${move.needsNote ? ' +note' : ''}`,
    );
    expect(table).toEqual([
      'draft→submitted applicant POST /api/v1/applications/:id/submit',
      'submitted→draft applicant POST /api/v1/applications/:id/withdraw',
      'submitted→formal_check officer POST /api/v1/applications/:id/transitions',
      'formal_check→under_review officer POST /api/v1/applications/:id/transitions',
      'formal_check→returned officer POST /api/v1/applications/:id/transitions +note',
      'formal_check→rejected officer POST /api/v1/applications/:id/transitions',
      'under_review→returned officer POST /api/v1/applications/:id/transitions +note',
      'under_review→approved officer POST /api/v1/applications/:id/approve',
      'under_review→rejected officer POST /api/v1/applications/:id/transitions',
      'returned→submitted applicant POST /api/v1/applications/:id/submit',
      'approved→public_notice officer POST /api/v1/calls/:id/notice',
      'public_notice→final officer POST /api/v1/applications/:id/finalize',
      'final→paid officer POST /api/v1/applications/:id/pay',
    ]);
  });

  it('leaves an application with its applicant while the next move is the applicant’s', () => {
    expect(APPLICATION_STATUSES.filter(isWithApplicant)).toEqual(['draft', 'returned']);
  });

  it('lets the applicant withdraw a submission only until the formal check takes it', () => {
    expect(APPLICATION_STATUSES.filter(canWithdraw)).toEqual(['submitted']);
  });

  it('knows its statuses and nothing else', () => {
    expect(isApplicationStatus('public_notice')).toBe(true);
    expect(isApplicationStatus('archived')).toBe(false);
    expect(isApplicationStatus('PAID')).toBe(false);
    expect(isApplicationStatus(null)).toBe(false);
  });
});

describe('actsAs', () => {
  it('makes an administrator act as an officer, and every other role as itself', () => {
    expect(ROLES.map(actsAs)).toEqual(['applicant', 'reviewer', 'officer', 'officer']);
  });
});
