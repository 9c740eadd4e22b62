import type { Assignment, Criterion } from '@ftai/api';
import { describe, expect, it } from 'vitest';
import { canScore, checkPoints, openingTab, REVIEW_TABS, reviewStage, rubricTotal } from './review-logic';

const RUBRIC: Criterion[] = [
  { id: 'innovation', label: { zh: '技术创新性', en: 'Technical innovation' }, max: 30 },
  { id: 'feasibility', label: { zh: '实施可行性', en: 'Feasibility' }, max: 30 },
  { id: 'impact', label: { zh: '产业带动效果', en: 'Effect' }, max: 25 },
  { id: 'compliance', label: { zh: '材料合规性', en: 'Compliance' }, max: 15 },
];

function assignment(id: string, o: { declared?: boolean; scored?: boolean; status?: string; at?: string }): Assignment {
  return {
    id,
    applicationId: `app-${id}`,
    reviewerId: 'r',
    reviewerName: '评审专家',
    assignedAt: o.at ?? '2026-11-01T00:00:00.000Z',
    declaredAt: o.declared ? '2026-11-02T00:00:00.000Z' : null,
    isDeclared: o.declared ?? false,
    isScored: o.scored ?? false,
    scores: null,
    totalScore: o.scored ? 80 : null,
    comment: null,
    scoredAt: null,
    application: {
      id: `app-${id}`,
      callId: 'c',
      callTitle: '2026年度申报',
      creditCode: '91110106MA0000K01C',
      enterpriseName: '北京示例',
      status: (o.status ?? 'under_review') as Assignment['application']['status'],
      engineTotal: 0,
      items: [],
    },
  };
}

describe('the review console’s rules', () => {
  it('asks for the declaration first, then the score, and allows a new score while under review', () => {
    expect(reviewStage(assignment('a', {}))).toBe('declare');
    expect(reviewStage(assignment('a', { declared: true }))).toBe('score');
    expect(reviewStage(assignment('a', { declared: true, scored: true }))).toBe('scored');
    expect(canScore(assignment('a', { declared: true, scored: true }))).toBe(true);
    expect(canScore(assignment('a', {}))).toBe(false);
  });

  it('closes scoring once the application leaves expert review', () => {
    const approved = assignment('a', { declared: true, scored: true, status: 'approved' });
    expect(reviewStage(approved)).toBe('closed');
    expect(canScore(approved)).toBe(false);
    expect(reviewStage(assignment('a', { status: 'approved' }))).toBe('closed');
  });

  it('totals the points given so far out of 100, blanks as 0', () => {
    expect(rubricTotal(RUBRIC, undefined)).toBe(0);
    expect(rubricTotal(RUBRIC, { innovation: 22, feasibility: 21, impact: 18, compliance: 14 })).toBe(75);
    expect(rubricTotal(RUBRIC, { innovation: 30, feasibility: null, impact: 25 })).toBe(55);
    expect(rubricTotal(RUBRIC, { innovation: 30, feasibility: 30, impact: 25, compliance: 15 })).toBe(100);
    // Never more than a criterion allows, as the server refuses it.
    expect(rubricTotal(RUBRIC, { compliance: 99 })).toBe(15);
  });

  it('checks points as the server does: whole, from 0 to the maximum', () => {
    expect(checkPoints(undefined, 30)).toBe('missing');
    expect(checkPoints(null, 30)).toBe('missing');
    expect(checkPoints(12.5, 30)).toBe('not-whole');
    expect(checkPoints('12', 30)).toBe('not-whole');
    expect(checkPoints(-1, 30)).toBe('out-of-range');
    expect(checkPoints(31, 30)).toBe('out-of-range');
    expect(checkPoints(0, 30)).toBeNull();
    expect(checkPoints(30, 30)).toBeNull();
  });

  it('opens on pending work first: to declare, then to score, else everything', () => {
    expect(openingTab({ declare: 2, score: 5 })).toBe('declare');
    expect(openingTab({ declare: 0, score: 1 })).toBe('score');
    expect(openingTab({ declare: 0, score: 0 })).toBe('all');
    expect(REVIEW_TABS).toEqual(['declare', 'score', 'scored', 'closed', 'all']);
  });
});
