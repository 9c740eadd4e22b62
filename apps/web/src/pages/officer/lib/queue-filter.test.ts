import type { ApplicationCounts } from '@ftai/api';
import { APPLICATION_STATUSES } from '@ftai/api/statuses';
import { describe, expect, it } from 'vitest';
import { isApplicationStatus, isQueueSort, QUEUE_SORTS, QUEUE_STATUSES, SERVER_SORT, searchText, tabCounts } from './queue-filter';

describe('the application queue', () => {
  it('shows the server’s counts in every tab, zero included, and the whole', () => {
    const counts: ApplicationCounts = {
      counts: Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as ApplicationCounts['counts'],
      total: 3,
      requested: 0,
      approved: 0,
    };
    counts.counts.under_review = 2;
    counts.counts.approved = 1;
    const figures = tabCounts(counts);
    expect(figures.under_review).toBe(2);
    expect(figures.approved).toBe(1);
    expect(figures.paid).toBe(0);
    expect(figures.all).toBe(3);
    expect(Object.values(tabCounts(undefined)).every((n) => n === 0)).toBe(true);
    expect(Object.keys(tabCounts(undefined)).sort()).toEqual([...APPLICATION_STATUSES, 'all'].sort());
  });

  it('asks the server for each sortable column’s own sort', () => {
    expect(QUEUE_SORTS.map((s) => SERVER_SORT[s])).toEqual(['submitted', 'requested', 'score']);
    expect(isQueueSort('score')).toBe(true);
    expect(isQueueSort('enterpriseName')).toBe(false);
    expect(isQueueSort(null)).toBe(false);
  });

  it('sends a trimmed search, and none when blank', () => {
    expect(searchText('  北京丰泽 ')).toBe('北京丰泽');
    expect(searchText('   ')).toBeUndefined();
    expect(searchText(null)).toBeUndefined();
  });

  it('shows every status once, in the table’s order, drafts last', () => {
    expect([...QUEUE_STATUSES].sort()).toEqual([...APPLICATION_STATUSES].sort());
    expect(QUEUE_STATUSES.at(-1)).toBe('draft');
    expect(QUEUE_STATUSES.slice(0, -1)).toEqual(APPLICATION_STATUSES.filter((s) => s !== 'draft'));
  });

  it('knows the statuses a URL may name', () => {
    expect(isApplicationStatus('public_notice')).toBe(true);
    expect(isApplicationStatus('archived')).toBe(false);
    expect(isApplicationStatus(null)).toBe(false);
  });
});
