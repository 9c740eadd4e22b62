import type { ApplicationSummary } from '@ftai/api';
import { APPLICATION_STATUSES } from '@ftai/api/statuses';
import { describe, expect, it } from 'vitest';
import { countByStatus, filterApplications, isApplicationStatus, matchesText, QUEUE_STATUSES, sortApplications } from './queue-filter';

const app = (id: string, over: Partial<ApplicationSummary> = {}): ApplicationSummary => ({
  id,
  callId: 'C',
  creditCode: '91110106MA01ABCD2L',
  enterpriseName: '北京丰泽机器人有限公司',
  status: 'submitted',
  engineTotal: 0,
  approvedTotal: null,
  allocatedTotal: null,
  score: null,
  submittedAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...over,
});

describe('the application queue', () => {
  const list = [
    app('a', { status: 'under_review', engineTotal: 300, score: 70, submittedAt: '2026-11-02T00:00:00Z' }),
    app('b', {
      status: 'under_review',
      engineTotal: 100,
      score: null,
      submittedAt: '2026-11-03T00:00:00Z',
      creditCode: '91110106MA1L0P7005',
    }),
    app('c', { status: 'approved', engineTotal: 200, score: 80, submittedAt: null, enterpriseName: '北京云岗数据智能有限公司' }),
  ];

  it('counts every status, zero included, and the whole list', () => {
    const counts = countByStatus(list);
    expect(counts.under_review).toBe(2);
    expect(counts.approved).toBe(1);
    expect(counts.paid).toBe(0);
    expect(counts.all).toBe(3);
  });

  it('searches names and credit codes as substrings, ignoring case and spaces', () => {
    expect(matchesText(list[1] as ApplicationSummary, 'ma1l 0p')).toBe(true);
    expect(matchesText(list[2] as ApplicationSummary, '云岗')).toBe(true);
    expect(matchesText(list[2] as ApplicationSummary, '丰泽')).toBe(false);
    expect(matchesText(list[0] as ApplicationSummary, '')).toBe(true);
  });

  it('filters by status and text together', () => {
    expect(filterApplications(list, { status: 'under_review' }).map((a) => a.id)).toEqual(['a', 'b']);
    expect(filterApplications(list, { status: 'under_review', text: '7005' }).map((a) => a.id)).toEqual(['b']);
    expect(filterApplications(list, {}).map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('sorts either way with missing figures always last', () => {
    expect(sortApplications(list, 'engineTotal', true).map((a) => a.id)).toEqual(['a', 'c', 'b']);
    expect(sortApplications(list, 'score', true).map((a) => a.id)).toEqual(['c', 'a', 'b']);
    expect(sortApplications(list, 'score', false).map((a) => a.id)).toEqual(['a', 'c', 'b']);
    expect(sortApplications(list, 'submittedAt', false).map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('shows every status once, in the table’s order, drafts last', () => {
    expect([...QUEUE_STATUSES].sort()).toEqual([...APPLICATION_STATUSES].sort());
    expect(QUEUE_STATUSES.at(-1)).toBe('draft');
    expect(QUEUE_STATUSES.slice(0, -1)).toEqual(APPLICATION_STATUSES.filter((s) => s !== 'draft'));
    expect(Object.keys(countByStatus([])).sort()).toEqual([...APPLICATION_STATUSES, 'all'].sort());
  });

  it('knows the statuses a URL may name', () => {
    expect(isApplicationStatus('public_notice')).toBe(true);
    expect(isApplicationStatus('archived')).toBe(false);
    expect(isApplicationStatus(null)).toBe(false);
  });
});
