import type { MatchJob, NotifyEntry } from '@ftai/api';
import { describe, expect, it } from 'vitest';
import { isActive, isRegistryFile, measureIds, progressPercent } from './match-jobs';

/** A job as the server answers it, queued unless `change` says otherwise. */
const job = (change: Partial<MatchJob>): MatchJob => ({
  id: 'j',
  source: 'upload',
  status: 'queued',
  filename: 'registry.csv',
  year: null,
  allowExtraColumns: false,
  rowsTotal: null,
  rowsDone: 0,
  rowsBad: 0,
  grantedEnterprises: 0,
  grantedTotal: 0,
  createdBy: 'u',
  createdAt: '2027-03-15T02:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  error: null,
  progress: null,
  downloads: null,
  ...change,
});

describe('registry matching jobs', () => {
  it('shows a running job by its live progress, and polls it', () => {
    const running = job({
      status: 'running',
      rowsDone: 250,
      progress: { fraction: 0.254, rowsPerSecond: 125, secondsLeft: 6, phase: 'matching' },
    });
    expect(progressPercent(running)).toBe(25);
    expect(isActive(running)).toBe(true);
    expect(isActive(job({ status: 'queued' }))).toBe(true);
  });

  it('stops polling a finished job', () => {
    for (const status of ['done', 'failed', 'cancelled'] as const) expect(isActive(job({ status })), status).toBe(false);
  });

  it('never shows 100% before the job is done, nor a percent without a total or fraction', () => {
    expect(progressPercent(job({ status: 'running', rowsTotal: 10, rowsDone: 10 }))).toBe(99);
    expect(progressPercent(job({ status: 'done' }))).toBe(100);
    expect(progressPercent(job({ status: 'running', rowsDone: 10 }))).toBeNull();
  });

  it('lists each measure granted to an enterprise once', () => {
    const entry: NotifyEntry = {
      row: 2,
      creditCode: 'X',
      name: 'A',
      year: 2025,
      total: 105,
      measures: [
        { measure: '2.1', subject: 'M-1', amount: 50, review: false },
        { measure: '2.1', subject: 'M-2', amount: 50, review: false },
        { measure: '3.3', subject: null, amount: 5, review: true },
      ],
    };
    expect(measureIds(entry)).toEqual(['2.1', '3.3']);
  });

  it('accepts CSV, XLSX and JSON Lines registries by name', () => {
    expect(isRegistryFile('名册.CSV')).toBe(true);
    expect(isRegistryFile('registry.xlsx')).toBe(true);
    expect(isRegistryFile('requests.jsonl')).toBe(true);
    expect(isRegistryFile('registry.xls')).toBe(false);
  });
});
