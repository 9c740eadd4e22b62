import { describe, expect, it } from 'vitest';
import { isActive, isRegistryFile, measureIds, progressPercent, readMatchJob, readMatchJobs, readNotify } from './match-jobs';

describe('registry matching jobs', () => {
  it('reads a running job with its live progress', () => {
    const job = readMatchJob({
      id: 'j1',
      source: 'platform',
      status: 'running',
      year: 2025,
      rowsTotal: null,
      rowsDone: 250,
      rowsBad: 2,
      progress: { fraction: 0.254, rowsPerSecond: 125, secondsLeft: 6, phase: 'matching' },
      downloads: null,
    });
    expect(job).toMatchObject({ id: 'j1', source: 'platform', status: 'running', year: 2025, rowsDone: 250, rowsBad: 2, error: null });
    expect(job.progress).toEqual({ fraction: 0.254, rowsPerSecond: 125, secondsLeft: 6, phase: 'matching' });
    expect(progressPercent(job)).toBe(25);
    expect(isActive(job)).toBe(true);
  });

  it('reads a finished job with its downloads, and an unknown status as queued', () => {
    const done = readMatchJob({
      id: 'j2',
      status: 'done',
      rowsTotal: 10,
      rowsDone: 10,
      grantedTotal: 5,
      downloads: { results: '/r', summary: '/s', errors: '/e', notify: '/n' },
    });
    expect(done.downloads?.summary).toBe('/s');
    expect(done.grantedTotal).toBe(5);
    expect(isActive(done)).toBe(false);
    expect(readMatchJob({ status: 'weird' }).status).toBe('queued');
  });

  it('never shows 100% before the job is done, nor a percent without a total or fraction', () => {
    expect(progressPercent(readMatchJob({ status: 'running', rowsTotal: 10, rowsDone: 10 }))).toBe(99);
    expect(progressPercent(readMatchJob({ status: 'done' }))).toBe(100);
    expect(progressPercent(readMatchJob({ status: 'running', rowsDone: 10 }))).toBeNull();
  });

  it('reads the list', () => {
    expect(readMatchJobs({ jobs: [{ id: 'a' }, { id: 'b' }] }).map((j) => j.id)).toEqual(['a', 'b']);
    expect(readMatchJobs({})).toEqual([]);
  });

  it('reads the enterprises to notify and lists each measure once', () => {
    const page = readNotify({
      jobId: 'j',
      offset: 0,
      limit: 1000,
      total: 2,
      enterprises: [
        {
          row: 2,
          creditCode: 'X',
          name: 'A',
          year: 2025,
          total: 100,
          measures: [
            { measure: '2.1', subject: 'M-1', amount: 50 },
            { measure: '2.1', subject: 'M-2', amount: 50 },
          ],
        },
        { row: 3, creditCode: null, name: null, year: 2025, total: 5, measures: [{ measure: '3.3', subject: null, amount: 5 }] },
      ],
    });
    expect(page.total).toBe(2);
    expect(page.enterprises[1]).toEqual({
      row: 3,
      creditCode: null,
      name: null,
      year: 2025,
      total: 5,
      measures: [{ measure: '3.3', subject: null, amount: 5 }],
    });
    expect(measureIds(page.enterprises[0] as (typeof page.enterprises)[number])).toEqual(['2.1']);
  });

  it('accepts CSV, XLSX and JSON Lines registries by name', () => {
    expect(isRegistryFile('名册.CSV')).toBe(true);
    expect(isRegistryFile('registry.xlsx')).toBe(true);
    expect(isRegistryFile('requests.jsonl')).toBe(true);
    expect(isRegistryFile('registry.xls')).toBe(false);
  });
});
