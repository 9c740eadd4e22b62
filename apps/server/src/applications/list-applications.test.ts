import { APPLICATION_STATUSES, type ApplicationSort, type ApplicationStatus, type ApplicationSummary } from '@ftai/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { insertCall } from '../review/test-fixtures.js';
import { type Client, CODE_A, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { searchCondition } from './search-applications.js';

/** One seeded application, as the list should show it. */
interface Seeded {
  id: string;
  callId: string;
  creditCode: string;
  status: ApplicationStatus;
  engineTotal: number;
  score: number | null;
  createdAt: string;
  submittedAt: string | null;
}

/** Enterprises of the seeded call: a name each (one without a row in `enterprises`). */
const ENTERPRISES = [
  { code: '91110106MA01FZ0001', name: '北京丰泽机器人有限公司' },
  { code: '91110106MA01FZ0002', name: '北京丰泽智算科技有限公司' },
  { code: '91110106MA01YG0003', name: '北京云岗数据智能有限公司' },
  { code: '91110106MA01AL0004', name: 'Alpha Robotics (Beijing) Co., Ltd.' },
  { code: '92110106MA01NN0005', name: null },
] as const;

const STATUSES: readonly ApplicationStatus[] = ['draft', 'submitted', 'under_review', 'approved', 'returned', 'rejected'];

/** The list's order as the database must give it: the sort's key, then the id, in byte order. */
function keyOf(sort: ApplicationSort, a: Seeded): string | number {
  switch (sort) {
    case 'created':
      return a.createdAt;
    case 'submitted':
      return a.submittedAt ?? '';
    case 'requested':
      return a.engineTotal;
    case 'score':
      return a.score ?? -1;
  }
}
function expectedOrder(list: readonly Seeded[], sort: ApplicationSort, order: 'asc' | 'desc'): string[] {
  const cmp = (x: string | number, y: string | number) => (x < y ? -1 : x > y ? 1 : 0);
  const sorted = [...list].sort((a, b) => cmp(keyOf(sort, a), keyOf(sort, b)) || cmp(a.id, b.id));
  if (order === 'desc') sorted.reverse();
  return sorted.map((a) => a.id);
}

describe.each(DIALECTS)('the application lists on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let applicantA: Client;
  let callId: string;
  let otherCallId: string;
  const seeded: Seeded[] = [];

  /** Writes applications straight into the database (many at once, with chosen times), and enterprises. */
  async function seed(rows: Seeded[]) {
    await t.ctx.db
      .insertInto('applications')
      .values(
        rows.map((a) => ({
          id: a.id,
          call_id: a.callId,
          credit_code: a.creditCode,
          status: a.status,
          request_json: '{}',
          result_json: null,
          policy_version: null,
          engine_total: a.engineTotal,
          approved_total: a.status === 'approved' ? a.engineTotal : null,
          allocated_total: null,
          score: a.score,
          created_by: t.users.applicantA,
          created_at: a.createdAt,
          updated_at: a.createdAt,
          submitted_at: a.submittedAt,
          notice_id: null,
        })),
      )
      .execute();
  }

  /** Every page of `url` (limit `limit`), followed through `page.next`: the ids in order, and each page's total. */
  async function pageThrough(client: Client, url: string, limit: number, from: string | null = null) {
    const ids: string[] = [];
    const totals: number[] = [];
    let after: string | null = from;
    for (let pages = 0; pages < 1000; pages++) {
      const sep = url.includes('?') ? '&' : '?';
      const res = await client.get(`${url}${sep}limit=${limit}${after === null ? '' : `&after=${encodeURIComponent(after)}`}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { applications: ApplicationSummary[]; page: { limit: number; next: string | null; total: number } };
      expect(body.page.limit).toBe(limit);
      expect(body.applications.length).toBeLessThanOrEqual(limit);
      ids.push(...body.applications.map((a) => a.id));
      totals.push(body.page.total);
      after = body.page.next;
      if (after === null) break;
    }
    return { ids, totals };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    applicantA = await t.login('applicantA');
    callId = await insertCall(t.ctx, { year: 2026, totalBudget: 10_000_000, createdBy: t.users.officer });
    otherCallId = await insertCall(t.ctx, { year: 2025, totalBudget: 10_000_000, createdBy: t.users.officer });
    await t.ctx.db
      .insertInto('enterprises')
      .values(
        ENTERPRISES.filter((e) => e.name !== null).map((e) => ({
          credit_code: e.code,
          name: e.name ?? '',
          profile_json: '{}',
          created_at: t.ctx.now(),
          updated_at: t.ctx.now(),
        })),
      )
      .execute();
    // 61 applications of the call with ties on every key (times shared by three, totals and
    // scores repeating, drafts not submitted, scores missing), 5 of another call.
    for (let i = 0; i < 61; i++) {
      const status = STATUSES[i % STATUSES.length] as ApplicationStatus;
      const minute = String(Math.floor(i / 3)).padStart(2, '0');
      seeded.push({
        id: newId(),
        callId,
        creditCode: (ENTERPRISES[i % ENTERPRISES.length] as (typeof ENTERPRISES)[number]).code,
        status,
        engineTotal: ((i * 7) % 5) * 100_000,
        score: status === 'draft' || i % 4 === 0 ? null : 60 + (i % 3) * 10,
        createdAt: `2027-03-10T08:${minute}:00.000Z`,
        submittedAt: status === 'draft' ? null : `2027-03-11T09:${String(59 - (i % 20)).padStart(2, '0')}:00.000Z`,
      });
    }
    for (let i = 0; i < 5; i++) {
      seeded.push({
        id: newId(),
        callId: otherCallId,
        creditCode: ENTERPRISES[0].code,
        status: 'submitted',
        engineTotal: 1,
        score: null,
        createdAt: `2026-03-10T08:0${i}:00.000Z`,
        submittedAt: `2026-03-10T09:0${i}:00.000Z`,
      });
    }
    await seed(seeded);
  });
  afterAll(async () => {
    await t.close();
  });

  const ofCall = () => seeded.filter((a) => a.callId === callId);

  it.each(['created', 'submitted', 'requested', 'score'] as const)(
    'pages through a call sorted by %s, both ways, every row once',
    async (sort) => {
      for (const order of ['desc', 'asc'] as const) {
        const { ids, totals } = await pageThrough(officer, `/api/v1/applications?callId=${callId}&sort=${sort}&order=${order}`, 7);
        expect(ids).toEqual(expectedOrder(ofCall(), sort, order));
        expect(new Set(totals)).toEqual(new Set([ofCall().length]));
      }
    },
  );

  it('lists every call newest first by default, 50 a page', async () => {
    const res = await officer.get('/api/v1/applications');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.page.limit).toBe(50);
    expect(body.page.total).toBe(seeded.length);
    expect(body.applications.map((a: ApplicationSummary) => a.id)).toEqual(expectedOrder(seeded, 'created', 'desc').slice(0, 50));
    const { ids } = await pageThrough(officer, '/api/v1/applications', 50);
    expect(ids).toEqual(expectedOrder(seeded, 'created', 'desc'));
  });

  it('filters by status and enterprise with the sort, and counts each status of the call', async () => {
    for (const status of ['draft', 'approved'] as const) {
      const { ids, totals } = await pageThrough(officer, `/api/v1/applications?callId=${callId}&status=${status}&sort=score`, 4);
      const expected = ofCall().filter((a) => a.status === status);
      expect(expected.length).toBeGreaterThan(5);
      expect(ids).toEqual(expectedOrder(expected, 'score', 'desc'));
      expect(totals[0]).toBe(expected.length);
    }
    const code = ENTERPRISES[2].code;
    const { ids } = await pageThrough(officer, `/api/v1/applications?creditCode=${code}&sort=requested&order=asc`, 5);
    expect(ids).toEqual(
      expectedOrder(
        seeded.filter((a) => a.creditCode === code),
        'requested',
        'asc',
      ),
    );

    const counts = await officer.get(`/api/v1/applications/counts?callId=${callId}`);
    expect(counts.statusCode).toBe(200);
    const expected = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, ofCall().filter((a) => a.status === s).length]));
    const requested = ofCall()
      .filter((a) => a.status !== 'draft' && a.status !== 'rejected')
      .reduce((sum, a) => sum + a.engineTotal, 0);
    const approved = ofCall()
      .filter((a) => a.status === 'approved')
      .reduce((sum, a) => sum + a.engineTotal, 0);
    expect(requested).toBeGreaterThan(0);
    expect(counts.json()).toEqual({ counts: expected, total: ofCall().length, requested, approved });
    expect(counts.json().counts.paid).toBe(0);
  });

  it('searches the start of the enterprise’s name, of the credit code in any case, and of the id', async () => {
    const found = async (q: string, extra = '') =>
      (await pageThrough(officer, `/api/v1/applications?callId=${callId}&q=${encodeURIComponent(q)}${extra}`, 10)).ids;
    const byCodes = (...codes: string[]) =>
      expectedOrder(
        ofCall().filter((a) => codes.includes(a.creditCode)),
        'created',
        'desc',
      );

    // Two enterprises' names start with 北京丰泽; one with 北京云岗; the middle of a name is no match.
    expect(await found('北京丰泽')).toEqual(byCodes(ENTERPRISES[0].code, ENTERPRISES[1].code));
    expect(await found('  北京云岗 ')).toEqual(byCodes(ENTERPRISES[2].code));
    expect(await found('丰泽')).toEqual([]);
    expect(await found('Alpha')).toEqual(byCodes(ENTERPRISES[3].code));
    // Credit codes: any case; the enterprise without a name is found by its code.
    expect(await found('91110106ma01fz')).toEqual(byCodes(ENTERPRISES[0].code, ENTERPRISES[1].code));
    expect(await found('921101')).toEqual(byCodes(ENTERPRISES[4].code));
    // An id's first characters, any case; with a status that it does not have, nothing.
    const one = ofCall()[17] as Seeded;
    expect(await found(one.id.slice(0, 13).toUpperCase())).toEqual([one.id]);
    const otherStatus = STATUSES.find((s) => s !== one.status) as ApplicationStatus;
    expect(await found(one.id.slice(0, 13), `&status=${otherStatus}`)).toEqual([]);
    // Search with a status and a sort, and the counts of the same search.
    const { ids } = await pageThrough(officer, `/api/v1/applications?callId=${callId}&q=北京&status=submitted&sort=requested`, 3);
    expect(ids).toEqual(
      expectedOrder(
        ofCall().filter((a) => a.status === 'submitted' && a.creditCode !== ENTERPRISES[3].code && a.creditCode !== ENTERPRISES[4].code),
        'requested',
        'desc',
      ),
    );
    const counts = (await officer.get(`/api/v1/applications/counts?callId=${callId}&q=${encodeURIComponent('北京丰泽')}`)).json();
    expect(counts.total).toBe(byCodes(ENTERPRISES[0].code, ENTERPRISES[1].code).length);
    // Characters a LIKE pattern would take for wildcards are plain text here.
    expect(await found('%')).toEqual([]);
    expect(await found('_')).toEqual([]);
    // A blank search is no search.
    expect((await pageThrough(officer, `/api/v1/applications?callId=${callId}&q=%20`, 100)).ids).toHaveLength(ofCall().length);
  });

  it('finds the same applications whether a search is taken as narrow or broad', async () => {
    const columns = { id: 'applications.id', creditCode: 'applications.credit_code' };
    const one = ofCall()[5] as Seeded;
    for (const q of ['北京丰泽', '北京', '91110106ma01', 'Alpha', one.id.slice(0, 9), '丰泽', 'zzz']) {
      const ids = async (narrow: number) =>
        (
          await t.ctx.db
            .selectFrom('applications')
            .select('id')
            .where(await searchCondition(t.ctx.db, dialect, q, columns, narrow))
            .where('call_id', '=', callId)
            .execute()
        )
          .map((r) => r.id)
          .sort();
      const asNarrow = await ids(1_000_000);
      expect(await ids(0), q).toEqual(asNarrow);
      const named = ENTERPRISES.filter((e) => e.name?.startsWith(q) || e.code.startsWith(q.toUpperCase())).map((e): string => e.code);
      const expected = ofCall()
        .filter((a) => named.includes(a.creditCode) || a.id.startsWith(q.toLowerCase()))
        .map((a) => a.id)
        .sort();
      expect(asNarrow, q).toEqual(expected);
    }
  });

  it('keeps an applicant to its own enterprise, paged and counted', async () => {
    const own = [
      { ...(seeded[0] as Seeded), id: newId(), creditCode: CODE_A, createdAt: '2027-03-12T00:00:00.000Z' },
      { ...(seeded[1] as Seeded), id: newId(), creditCode: CODE_A, createdAt: '2027-03-12T00:00:01.000Z' },
      { ...(seeded[2] as Seeded), id: newId(), creditCode: CODE_A, createdAt: '2027-03-12T00:00:02.000Z' },
    ];
    await seed(own);
    seeded.push(...own);
    const { ids, totals } = await pageThrough(applicantA, '/api/v1/applications', 1);
    expect(ids).toEqual(expectedOrder(own, 'created', 'desc'));
    expect(totals).toEqual([3, 3, 3]);
    const counts = (await applicantA.get('/api/v1/applications/counts')).json();
    expect(counts.total).toBe(3);
    // A search of the whole platform still finds only its own.
    expect((await pageThrough(applicantA, '/api/v1/applications?q=9', 10)).ids).toEqual(ids);
    expect((await applicantA.get(`/api/v1/applications/counts?creditCode=${ENTERPRISES[0].code}`)).statusCode).toBe(403);
  });

  it('pages on after rows are added, each row once', async () => {
    const url = `/api/v1/applications?callId=${otherCallId}&sort=created&limit=2`;
    const first = (await officer.get(url)).json();
    const before = seeded.filter((a) => a.callId === otherCallId);
    expect(first.applications.map((a: ApplicationSummary) => a.id)).toEqual(expectedOrder(before, 'created', 'desc').slice(0, 2));
    // One newer than the page (already passed: not seen), one older than every row (seen last).
    const newer = { ...(before[0] as Seeded), id: newId(), createdAt: '2026-03-10T09:00:00.000Z' };
    const older = { ...(before[0] as Seeded), id: newId(), createdAt: '2026-03-01T00:00:00.000Z' };
    await seed([newer, older]);
    seeded.push(newer, older);
    const rest = await pageThrough(officer, url.replace('&limit=2', ''), 2, first.page.next);
    expect([...first.applications.map((a: ApplicationSummary) => a.id), ...rest.ids]).toEqual([
      ...expectedOrder(before, 'created', 'desc'),
      older.id,
    ]);
    expect(rest.totals[0]).toBe(before.length + 2);
  });

  it('refuses a cursor that is not one, or of another sort, and a page size out of bounds, naming the field', async () => {
    const first = (await officer.get(`/api/v1/applications?callId=${callId}&sort=score&limit=2`)).json();
    const next = first.page.next as string;
    const bad = async (query: string) => {
      const res = await officer.get(`/api/v1/applications?callId=${callId}&${query}`);
      expect(res.statusCode, query).toBe(400);
      return res.json().issues.map((i: { path: string }) => i.path);
    };
    expect(await bad(`sort=created&after=${encodeURIComponent(next)}`)).toEqual(['after']);
    expect(await bad('after=not-a-cursor')).toEqual(['after']);
    // A cursor of the right sort whose key is text where the score is a number.
    const forged = Buffer.from(JSON.stringify(['score', 'x', 'y'])).toString('base64url');
    expect(await bad(`sort=score&after=${forged}`)).toEqual(['after']);
    expect(await bad('limit=0')).toEqual(['query.limit']);
    expect(await bad('limit=501')).toEqual(['query.limit']);
    expect(await bad('limit=2.5')).toEqual(['query.limit']);
    expect(await bad('sort=name')).toEqual(['query.sort']);
    expect(await bad('order=up')).toEqual(['query.order']);
    expect(await bad(`q=${'x'.repeat(101)}`)).toEqual(['query.q']);
    const max = await officer.get(`/api/v1/applications?callId=${callId}&limit=500`);
    expect(max.statusCode).toBe(200);
    expect(max.json().page).toEqual({ limit: 500, next: null, total: ofCall().length });
  });
});
