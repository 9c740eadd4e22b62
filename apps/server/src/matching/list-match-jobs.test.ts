import type { MatchJobStatus } from '@ftai/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';

interface JobsPage {
  jobs: { id: string; status: MatchJobStatus; createdAt: string }[];
  page: { limit: number; next: string | null; total: number };
}

/** Finished jobs written straight into the table (the runner leaves finished jobs alone): 11, two to an instant at times. */
const JOBS = Array.from({ length: 11 }, (_, i) => ({
  id: `job${String(i).padStart(2, '0')}`,
  status: (['done', 'failed', 'cancelled'] as const)[i % 3] as MatchJobStatus,
  createdAt: `2027-03-14T0${Math.floor(i / 2)}:00:00.000Z`,
}));
const newestFirst = [...JOBS].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)).map((j) => j.id);

describe.each(DIALECTS)('match job list pages on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  const walk = async (query: string) => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await officer.get(`/api/v1/match-jobs?${query}${after ? `&after=${after}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as JobsPage;
      seen.push(...page.jobs.map((j) => j.id));
      after = page.page.next;
      pages++;
    } while (after !== null && pages < 50);
    return { seen, pages };
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    for (const j of JOBS)
      await t.ctx.db
        .insertInto('match_jobs')
        .values({
          id: j.id,
          source: 'platform',
          status: j.status,
          filename: null,
          year: 2026,
          allow_extra_columns: 0,
          rows_total: 10,
          rows_done: 10,
          rows_bad: 0,
          granted_enterprises: 1,
          granted_total: 1000,
          created_by: t.users.officer,
          created_at: j.createdAt,
          started_at: j.createdAt,
          finished_at: j.createdAt,
          error: j.status === 'failed' ? 'the registry could not be read' : null,
          cancel_requested: 0,
          attempts: 0,
          retries: 0,
        })
        .execute();
  });
  afterAll(async () => {
    await t.close();
  });

  it('pages newest first, every job once, and oldest first when asked', async () => {
    const first = (await officer.get('/api/v1/match-jobs?limit=4')).json() as JobsPage;
    expect(first.page).toMatchObject({ limit: 4, total: 11 });
    expect(first.jobs.map((j) => j.id)).toEqual(newestFirst.slice(0, 4));
    expect(await walk('limit=4')).toEqual({ seen: newestFirst, pages: 3 });
    expect((await walk('limit=5&order=asc')).seen).toEqual([...newestFirst].reverse());
    expect((await walk('')).pages).toBe(1);
  });

  it('filters by status in the database', async () => {
    for (const status of ['done', 'failed', 'cancelled'] as const) {
      const { seen } = await walk(`status=${status}&limit=2`);
      expect(seen, status).toEqual(newestFirst.filter((id) => JOBS.find((j) => j.id === id)?.status === status));
    }
    expect((await officer.get('/api/v1/match-jobs?status=running')).json()).toEqual({
      jobs: [],
      page: { limit: 50, next: null, total: 0 },
    });
    const bad = await officer.get('/api/v1/match-jobs?status=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['query.status']);
    expect((await officer.get('/api/v1/match-jobs?limit=0')).statusCode).toBe(400);
  });
});
