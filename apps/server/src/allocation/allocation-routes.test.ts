import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApplicationStatus } from '../db/schema.js';
import { type FixtureItem, insertApplication, insertCall } from '../review/test-fixtures.js';
import { type Client, CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';

interface PlannedApplication {
  applicationId: string;
  items: { measure: string; subject: string; allocated: number }[];
}
/** The allocated amount of every item on the answer's page, by `${applicationId}|${measure}|${subject}`. */
const allocatedByKey = (body: { applications: PlannedApplication[] }) =>
  Object.fromEntries(body.applications.flatMap((a) => a.items.map((i) => [`${a.applicationId}|${i.measure}|${i.subject}`, i.allocated])));

describe.each(DIALECTS)('budget allocation on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let reviewer: Client;
  let applicant: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    reviewer = await t.login('reviewer1');
    applicant = await t.login('applicantA');
  });
  afterAll(async () => {
    await t.close();
  });

  const application = (
    callId: string,
    creditCode: string,
    items: FixtureItem[],
    o: { status?: ApplicationStatus; score?: number | null; submittedAt?: string } = {},
  ) =>
    insertApplication(t.ctx, {
      callId,
      creditCode,
      status: o.status ?? 'approved',
      items,
      score: o.score ?? null,
      submittedAt: o.submittedAt ?? '2027-03-10T01:00:00.000Z',
      createdBy: creditCode === CODE_A ? t.users.applicantA : t.users.applicantB,
    });

  /**
   * The oversubscribed call of the hand-checked examples: total 1,000,000, article 1 (第一条)
   * 300,000. A asks 400,000 (art. 1) + 500,000 (art. 2); B 200,000 (art. 1) + 300,000 (art. 6).
   */
  const oversubscribedCall = async (scores: { a: number | null; b: number | null }) => {
    const callId = await insertCall(t.ctx, {
      year: 2026,
      totalBudget: 1_000_000,
      articleBudgets: { 1: 300_000 },
      createdBy: t.users.officer,
    });
    const a = await application(
      callId,
      CODE_A,
      [
        { measure: '1', subject: null, engineAmount: 400_000, approvedAmount: 400_000 },
        { measure: '2.1', subject: 'M-1', engineAmount: 500_000, approvedAmount: 500_000 },
      ],
      { score: scores.a, submittedAt: '2027-03-10T01:00:00.000Z' },
    );
    const b = await application(
      callId,
      CODE_B,
      [
        { measure: '1', subject: null, engineAmount: 200_000, approvedAmount: 200_000 },
        { measure: '6.2a', subject: 'SC-1', engineAmount: 600_000, approvedAmount: 300_000 },
      ],
      { score: scores.b, submittedAt: '2027-03-11T01:00:00.000Z' },
    );
    // Not approved (yet): takes no part.
    await application(callId, CODE_B, [{ measure: '3.2', subject: null, engineAmount: 60_000 }], { status: 'under_review' });
    return { callId, a, b };
  };

  it('allocates proportionally, article budget first, then the total, to the yuan', async () => {
    const { callId, a, b } = await oversubscribedCall({ a: 80, b: 90 });
    const ITEM_A1 = {
      measure: '1',
      subject: '',
      article: 1,
      approved: 400_000,
      allocated: 181_818,
      percent: '45.45',
      remainderYuan: 0,
      scaledBy: ['article', 'total'],
    };
    const ITEM_A2 = { measure: '2.1', subject: 'M-1', article: 2, approved: 500_000, allocated: 454_546 };
    const preview = await officer.post(`/api/v1/calls/${callId}/allocation/preview`, { method: 'proportional' });
    expect(preview.statusCode).toBe(200);
    const body = preview.json();
    // Article 1: 600,000 asked, 300,000 budget → each gets half: A 200,000, B 100,000.
    // Total: 200,000 + 500,000 + 100,000 + 300,000 = 1,100,000 for 1,000,000 → × 10/11:
    //   181,818.18 · 454,545.45 · 90,909.09 · 272,727.27 → floors sum to 999,999; the one yuan
    //   left goes to the largest remainder (.45): A's 2.1 → 454,546.
    expect(allocatedByKey(body)).toEqual({
      [`${a}|1|`]: 181_818,
      [`${a}|2.1|M-1`]: 454_546,
      [`${b}|1|`]: 90_909,
      [`${b}|6.2a|SC-1`]: 272_727,
    });
    expect(body.method).toBe('proportional');
    expect(body.summary).toMatchObject({
      applications: 2,
      items: 4,
      awards: 4,
      approved: 1_400_000,
      allocated: 1_000_000,
      ratio: 0.7143,
      oversubscribed: true,
    });
    // What article 1 can really receive once the total binds: its allocation, not its 300,000.
    expect(body.summary.byArticle['1']).toEqual({
      budget: 300_000,
      approved: 600_000,
      allocated: 272_727,
      ratio: 0.4545,
      available: 272_727,
    });
    // One ratio per budget that binds, stated as applied: article 1 at 1/2, then the total at 10/11;
    // article 1's items get the product, 45.45%. The one remainder yuan went to A's 2.1, named.
    expect(body.summary.bindings).toEqual([
      {
        scope: 'article',
        article: 1,
        budget: 300_000,
        scaled: 600_000,
        ratio: { numerator: 1, denominator: 2, percent: '50.00' },
        combinedPercent: '45.45',
        items: 2,
        remainderYuan: 0,
        remainderItems: [],
      },
      {
        scope: 'total',
        article: null,
        budget: 1_000_000,
        scaled: 1_100_000,
        ratio: { numerator: 10, denominator: 11, percent: '90.91' },
        combinedPercent: null,
        items: 4,
        remainderYuan: 1,
        remainderItems: [
          { applicationId: a, creditCode: CODE_A, enterpriseName: '北京测试甲智能科技有限公司', measure: '2.1', subject: 'M-1' },
        ],
      },
    ]);
    expect(body.page).toEqual({ limit: 50, next: null, total: 2 });
    expect(body.planId).toMatch(/^[0-9a-f]{64}$/);
    expect(body.budget).toEqual({ total: 1_000_000, perArticle: { 1: 300_000 } });
    expect(body.applications).toEqual([
      {
        applicationId: a,
        creditCode: CODE_A,
        enterpriseName: '北京测试甲智能科技有限公司',
        score: 80,
        submittedAt: '2027-03-10T01:00:00.000Z',
        approved: 900_000,
        allocated: 636_364,
        percent: '70.71',
        remainderYuan: 1,
        items: [ITEM_A1, { ...ITEM_A2, percent: '90.91', remainderYuan: 1, scaledBy: ['total'] }],
      },
      {
        applicationId: b,
        creditCode: CODE_B,
        enterpriseName: '北京测试乙智能科技有限公司',
        score: 90,
        submittedAt: '2027-03-11T01:00:00.000Z',
        approved: 500_000,
        allocated: 363_636,
        percent: '72.73',
        remainderYuan: 0,
        items: [
          {
            measure: '1',
            subject: '',
            article: 1,
            approved: 200_000,
            allocated: 90_909,
            percent: '45.45',
            remainderYuan: 0,
            scaledBy: ['article', 'total'],
          },
          {
            measure: '6.2a',
            subject: 'SC-1',
            article: 6,
            approved: 300_000,
            allocated: 272_727,
            percent: '90.91',
            remainderYuan: 0,
            scaledBy: ['total'],
          },
        ],
      },
    ]);
    // A preview writes nothing; its plan is kept for its pages.
    expect(await t.ctx.db.selectFrom('awards').select('id').where('call_id', '=', callId).execute()).toEqual([]);
    const planPage = `/api/v1/calls/${callId}/allocation/applications?method=proportional&plan=${body.planId}`;
    expect((await officer.get(planPage)).json().applications).toHaveLength(2);

    const commit = await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional' });
    // The commit let go of the kept plan, which it made stale: its pages are refused, not shown as
    // if nothing had been allocated.
    const stale = await officer.get(planPage);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toContain('preview again');
    expect(commit.statusCode).toBe(201);
    expect(commit.json().summary).toEqual(body.summary);
    expect(commit.json().planId).toBe(body.planId);
    expect(commit.json().applications).toEqual(body.applications);
    expect(commit.json().awards).toBe(4);
    // The committed allocation's pages explain each item as the preview did, from the steps it kept.
    const committedPage = await officer.get(`/api/v1/allocations/${commit.json().allocationId}/applications`);
    expect(committedPage.json().applications).toEqual(body.applications);
    // The enterprise sees the same on its application: the budgets that bound its items, each
    // item's ratio and its +1 元, and no other enterprise.
    const own = await applicant.get(`/api/v1/applications/${a}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().allocation).toMatchObject({
      allocationId: commit.json().allocationId,
      method: 'proportional',
      bindings: body.summary.bindings.map(({ remainderItems: _, ...binding }: { remainderItems: unknown }) => binding),
      items: [
        { ...ITEM_A1, subject: '' },
        { ...ITEM_A2, percent: '90.91', remainderYuan: 1, scaledBy: ['total'] },
      ],
    });

    const items = await t.ctx.db
      .selectFrom('application_items')
      .select(['application_id', 'measure', 'subject', 'allocated_amount'])
      .where('application_id', 'in', [a, b])
      .execute();
    expect(Object.fromEntries(items.map((i) => [`${i.application_id}|${i.measure}|${i.subject}`, Number(i.allocated_amount)]))).toEqual(
      allocatedByKey(body),
    );
    const apps = await t.ctx.db
      .selectFrom('applications')
      .select(['id', 'allocated_total'])
      .where('id', 'in', [a, b])
      .orderBy('id')
      .execute();
    expect(Object.fromEntries(apps.map((x) => [x.id, Number(x.allocated_total)]))).toEqual({ [a]: 636_364, [b]: 363_636 });
    const awards = await t.ctx.db
      .selectFrom('awards')
      .select(['credit_code', 'measure', 'subject', 'year', 'amount', 'status'])
      .where('call_id', '=', callId)
      .orderBy('credit_code')
      .orderBy('measure')
      .execute();
    expect(awards.map((w) => ({ ...w, amount: Number(w.amount), year: Number(w.year) }))).toEqual([
      { credit_code: CODE_A, measure: '1', subject: '', year: 2026, amount: 181_818, status: 'committed' },
      { credit_code: CODE_A, measure: '2.1', subject: 'M-1', year: 2026, amount: 454_546, status: 'committed' },
      { credit_code: CODE_B, measure: '1', subject: '', year: 2026, amount: 90_909, status: 'committed' },
      { credit_code: CODE_B, measure: '6.2a', subject: 'SC-1', year: 2026, amount: 272_727, status: 'committed' },
    ]);
    const allocation = await t.ctx.db.selectFrom('allocations').selectAll().where('call_id', '=', callId).executeTakeFirstOrThrow();
    expect({ method: allocation.method, total: Number(allocation.total), committedBy: allocation.committed_by }).toEqual({
      method: 'proportional',
      total: 1_000_000,
      committedBy: t.users.officer,
    });
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', allocation.id).execute();
    expect(audit.map((r) => r.action)).toEqual(['allocation.commit']);

    // The same applications cannot be allocated twice.
    const again = await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toContain('nothing to allocate');

    // A later approval competes only for what the committed awards left: nothing of the total.
    const late = await application(callId, CODE_A, [{ measure: '1', subject: null, engineAmount: 50_000, approvedAmount: 50_000 }]);
    const next = (await officer.post(`/api/v1/calls/${callId}/allocation/preview`, { method: 'proportional' })).json();
    expect(next.committed).toEqual({ total: 1_000_000, perArticle: { 1: 272_727, 2: 454_546, 6: 272_727 } });
    expect(next.budget).toEqual({ total: 0, perArticle: { 1: 27_273 } });
    expect(allocatedByKey(next)).toEqual({ [`${late}|1|`]: 0 });

    // Committing that would allocate the late item 0 yuan: refused unless the officer says why.
    const unexplained = await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional', planId: next.planId });
    expect(unexplained.statusCode).toBe(409);
    expect(unexplained.json().code).toBe('FTAI_ERR_NOT_FUNDED');
    expect(unexplained.json().issues.map((i: { path: string }) => i.path)).toEqual(['notFundedReason']);
    expect(unexplained.json().error).toContain('1 approved item(s) would be allocated 0 yuan');
    const lateRow = () =>
      t.ctx.db.selectFrom('applications').select(['allocated_total', 'allocation_id']).where('id', '=', late).executeTakeFirstOrThrow();
    expect(await lateRow()).toEqual({ allocated_total: null, allocation_id: null });
    const tooShort = await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional', notFundedReason: ' ' });
    expect(tooShort.statusCode).toBe(400);

    const reason = '年度预算已分配完毕，本年度不予安排';
    const stated = await officer.post(`/api/v1/calls/${callId}/allocation/commit`, {
      method: 'proportional',
      planId: next.planId,
      notFundedReason: reason,
    });
    expect(stated.statusCode, stated.body).toBe(201);
    const id = stated.json().allocationId;
    expect(Number((await lateRow()).allocated_total)).toBe(0);
    const record = await t.ctx.db.selectFrom('allocations').select('result_json').where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(record.result_json).notFunded).toEqual({ items: 1, reason });
    const entry = await t.ctx.db.selectFrom('audit_log').select('after_json').where('entity_id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json ?? '{}').notFunded).toEqual({ items: 1, reason });
  });

  it('allocates by score: highest first, the last funded item takes what is left', async () => {
    const { callId, a, b } = await oversubscribedCall({ a: 80, b: 90 });
    const preview = (await officer.post(`/api/v1/calls/${callId}/allocation/preview`, { method: 'score' })).json();
    // Article 1 (300,000): B (90) 200,000 in full, A (80) the 100,000 left.
    // Total (1,000,000): B's 200,000 and 300,000, then A's 100,000 (art. 1 sorts first by key),
    // then A's 2.1 the 400,000 left of its 500,000.
    expect(allocatedByKey(preview)).toEqual({
      [`${a}|1|`]: 100_000,
      [`${a}|2.1|M-1`]: 400_000,
      [`${b}|1|`]: 200_000,
      [`${b}|6.2a|SC-1`]: 300_000,
    });
    expect(preview.summary.allocated).toBe(1_000_000);
    const commit = await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'score' });
    expect(commit.statusCode).toBe(201);
    expect(commit.json().summary).toEqual(preview.summary);
  });

  it('commits once per Idempotency-Key: the retry gets the same answer', async () => {
    const callId = await insertCall(t.ctx, { year: 2026, totalBudget: 10_000_000, createdBy: t.users.officer });
    const a = await application(callId, CODE_A, [{ measure: '4.3', subject: null, engineAmount: 200_000, approvedAmount: 200_000 }]);
    const first = await officer.post(
      `/api/v1/calls/${callId}/allocation/commit`,
      { method: 'proportional' },
      { idempotencyKey: 'commit-2026-0001' },
    );
    const retry = await officer.post(
      `/api/v1/calls/${callId}/allocation/commit`,
      { method: 'proportional' },
      { idempotencyKey: 'commit-2026-0001' },
    );
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(first.json()).toMatchObject({ summary: { allocated: 200_000, oversubscribed: false }, awards: 1 });
    expect(allocatedByKey(first.json())).toEqual({ [`${a}|4.3|`]: 200_000 });
    expect(await t.ctx.db.selectFrom('allocations').select('id').where('call_id', '=', callId).execute()).toHaveLength(1);
    expect(await t.ctx.db.selectFrom('awards').select('id').where('call_id', '=', callId).execute()).toHaveLength(1);

    const otherKey = await officer.post(
      `/api/v1/calls/${callId}/allocation/commit`,
      { method: 'proportional' },
      { idempotencyKey: 'commit-2026-0002' },
    );
    expect(otherKey.statusCode).toBe(409);
    const shortKey = await officer.post(
      `/api/v1/calls/${callId}/allocation/commit`,
      { method: 'proportional' },
      { idempotencyKey: 'short' },
    );
    expect(shortKey.statusCode).toBe(400);
  });

  it('leaves out an application any item of which is already allocated', async () => {
    const callId = await insertCall(t.ctx, { year: 2026, totalBudget: 10_000_000, createdBy: t.users.officer });
    const waiting = await application(callId, CODE_A, [{ measure: '4.3', subject: null, engineAmount: 200_000, approvedAmount: 200_000 }]);
    const half = await application(callId, CODE_B, [
      { measure: '1', subject: null, engineAmount: 100_000, approvedAmount: 100_000 },
      { measure: '4.3', subject: null, engineAmount: 50_000, approvedAmount: 50_000 },
    ]);
    await t.ctx.db
      .updateTable('application_items')
      .set({ allocated_amount: 100_000 })
      .where('application_id', '=', half)
      .where('measure', '=', '1')
      .execute();
    const preview = (await officer.post(`/api/v1/calls/${callId}/allocation/preview`, { method: 'proportional' })).json();
    expect(preview.applications.map((a: PlannedApplication) => a.applicationId)).toEqual([waiting]);
    expect(preview.summary).toMatchObject({ applications: 1, items: 1, approved: 200_000, allocated: 200_000 });
  });

  it('gives the memory back after a preview and a commit, not after a page or a refusal', async () => {
    const { callId } = await oversubscribedCall({ a: null, b: null });
    const done = vi.spyOn(t.ctx.memory, 'wholeCallWorkDone');
    const starts = vi.spyOn(t.ctx.memory, 'wholeCallWorkStarts');
    try {
      expect((await officer.post(`/api/v1/calls/${callId}/allocation/preview`, { method: 'proportional' })).statusCode).toBe(200);
      expect(done).toHaveBeenCalledTimes(1);
      expect((await officer.get(`/api/v1/calls/${callId}/dashboard`)).statusCode).toBe(200);
      expect(done).toHaveBeenCalledTimes(1);
      expect((await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional' })).statusCode).toBe(201);
      expect(done).toHaveBeenCalledTimes(2);
      // A refusal is answered as well, and its request did what it did: whatever the status, once more.
      expect((await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional' })).statusCode).toBe(409);
      expect(done).toHaveBeenCalledTimes(3);
      expect(starts).toHaveBeenCalledTimes(3);
    } finally {
      done.mockRestore();
      starts.mockRestore();
    }
  });

  it('refuses bad input and unknown calls', async () => {
    const callId = await insertCall(t.ctx, { year: 2026, totalBudget: 1_000, createdBy: t.users.officer });
    const bad = await officer.post(`/api/v1/calls/${callId}/allocation/preview`, { method: 'lottery' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['method']);
    expect((await officer.post('/api/v1/calls/none/allocation/preview', { method: 'score' })).statusCode).toBe(404);
    expect((await officer.get('/api/v1/calls/none/dashboard')).statusCode).toBe(404);
    const empty = await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'score' });
    expect(empty.statusCode).toBe(409);
  });

  it('lets only officers preview, commit and see the dashboard (403 otherwise)', async () => {
    const callId = await insertCall(t.ctx, { year: 2026, totalBudget: 1_000_000, createdBy: t.users.officer });
    await application(callId, CODE_A, [{ measure: '4.3', subject: null, engineAmount: 200_000, approvedAmount: 200_000 }]);
    for (const c of [reviewer, applicant]) {
      expect((await c.post(`/api/v1/calls/${callId}/allocation/preview`, { method: 'score' })).statusCode).toBe(403);
      const commit = await c.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'score' });
      expect(commit.statusCode).toBe(403);
      expect(commit.json().code).toBe('FTAI_ERR_FORBIDDEN');
      expect((await c.get(`/api/v1/calls/${callId}/dashboard`)).statusCode).toBe(403);
    }
    expect(await t.ctx.db.selectFrom('awards').select('id').where('call_id', '=', callId).execute()).toEqual([]);
    const admin = await t.login('admin');
    expect((await admin.get(`/api/v1/calls/${callId}/dashboard`)).statusCode).toBe(200);
  });

  it('shows a dashboard whose figures add up', async () => {
    const { callId, b } = await oversubscribedCall({ a: 80, b: 90 });
    await application(callId, CODE_A, [{ measure: '3.3', subject: null, engineAmount: 150_000 }], { status: 'draft' });
    await application(callId, CODE_B, [{ measure: '4.3', subject: null, engineAmount: 100_000 }], { status: 'rejected' });
    await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional' });
    await t.ctx.db
      .updateTable('awards')
      .set({ status: 'paid', paid_at: '2027-09-01T02:00:00.000Z' })
      .where('application_id', '=', b)
      .where('measure', '=', '6.2a')
      .execute();

    const res = await officer.get(`/api/v1/calls/${callId}/dashboard`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    // Requested: A 900,000 + B 800,000 + under review 60,000 + rejected 100,000; the draft asks nothing yet.
    expect(d.totals).toEqual({
      budget: 1_000_000,
      requested: 1_860_000,
      approved: 1_400_000,
      allocated: 1_000_000,
      paid: 272_727,
      available: 0,
    });
    expect(d.counts).toMatchObject({ draft: 1, under_review: 1, approved: 2, rejected: 1, paid: 0 });
    for (const figure of ['requested', 'approved', 'allocated', 'paid'] as const) {
      const byArticle = d.byArticle.reduce((s: number, x: Record<string, number>) => s + (x[figure] ?? 0), 0);
      const byMeasure = d.byMeasure.reduce((s: number, x: Record<string, number>) => s + (x[figure] ?? 0), 0);
      expect([figure, byArticle, byMeasure]).toEqual([figure, d.totals[figure], d.totals[figure]]);
    }
    expect(d.byArticle[0]).toEqual({
      article: 1,
      citation: { zh: '第一条', en: 'Article 1' },
      budget: 300_000,
      requested: 600_000,
      approved: 600_000,
      allocated: 272_727,
      paid: 0,
    });
    expect(d.byArticle[5]).toMatchObject({ article: 6, citation: { zh: '第六条', en: 'Article 6' } });
    expect(d.byMeasure.find((m: { measure: string }) => m.measure === '6.2a')).toMatchObject({
      article: 6,
      citation: { zh: '第六条第（2）项', en: 'Article 6(2)' },
      name: { zh: '应用场景建设项目' },
      summary: { zh: expect.stringContaining('项目总投入的30%') },
      requested: 600_000,
      approved: 300_000,
      allocated: 272_727,
      paid: 272_727,
    });
    expect(d.byMeasure.map((m: { measure: string }) => m.measure)).toEqual(['1', '2.1', '3.2', '4.3', '6.2a']);
    expect(d.topEnterprises).toEqual([
      { creditCode: CODE_A, name: '北京测试甲智能科技有限公司', allocated: 636_364, paid: 0 },
      { creditCode: CODE_B, name: '北京测试乙智能科技有限公司', allocated: 363_636, paid: 272_727 },
    ]);
  });
});
