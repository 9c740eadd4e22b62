import { measures } from '@ftai/policy-fengtai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, CODE_A, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { insertApplication, insertCall } from './test-fixtures.js';

const ARTICLE_2_1 = measures.find((m) => m.id === '2.1')?.article ?? 2;

describe.each(DIALECTS)('approving an application of many items on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let callId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    // The items are what is tested here, not the expert review: a call that approves without one.
    callId = await insertCall(t.ctx, { year: 2026, totalBudget: 10_000_000_000, createdBy: t.users.officer, requiredReviews: 0 });
  });
  afterAll(async () => {
    await t.close();
  });

  /** An application under review with `n` items of 2.1 (one per filed model), written in batches as submission leaves them. */
  async function underReviewWith(n: number, subjectOf: (i: number) => string, engineAmount: number): Promise<string> {
    const id = await insertApplication(t.ctx, {
      callId,
      creditCode: CODE_A,
      status: 'under_review',
      items: [],
      createdBy: t.users.applicantA,
    });
    for (let i = 0; i < n; i += 500) {
      const rows = Array.from({ length: Math.min(500, n - i) }, (_, k) => ({
        application_id: id,
        measure: '2.1',
        subject: subjectOf(i + k),
        article: ARTICLE_2_1,
        review: 1,
        engine_amount: engineAmount,
        approved_amount: null,
        allocated_amount: null,
      }));
      await t.ctx.db.insertInto('application_items').values(rows).execute();
    }
    await t.ctx.db
      .updateTable('applications')
      .set({ engine_total: n * engineAmount })
      .where('id', '=', id)
      .execute();
    return id;
  }

  const approvedAmounts = async (id: string) =>
    (
      await t.ctx.db
        .selectFrom('application_items')
        .select(['subject', 'approved_amount'])
        .where('application_id', '=', id)
        .orderBy('subject')
        .execute()
    ).map((r) => [r.subject, r.approved_amount === null ? null : Number(r.approved_amount)]);

  it('approves an application of 600 items, each at its own amount', async () => {
    const subject = (i: number) => `M-${String(i).padStart(4, '0')}`;
    const id = await underReviewWith(600, subject, 10_000);
    // Every third model cut by the review, the others in full.
    const items = Array.from({ length: 600 }, (_, i) => ({ measure: '2.1', subject: subject(i), amount: i % 3 === 0 ? 5_000 : 10_000 }));
    const res = await officer.post(`/api/v1/applications/${id}/approve`, { items, note: '专家评审通过' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'approved', engineTotal: 6_000_000, approvedTotal: 200 * 5_000 + 400 * 10_000 });
    expect(res.json().items).toHaveLength(600);
    expect(await approvedAmounts(id)).toEqual(items.map((i) => [i.subject, i.amount]));
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['application.approve', 'application.transition']);
    expect(JSON.parse(audit[0]?.after_json ?? '{}').items).toHaveLength(600);
  });

  it('approves the largest application a draft can describe, an approval body above the 1 MiB JSON limit', async () => {
    // 13,000 objects with 40-character ids fit a draft's 1 MiB of facts (`{"id":"…","date":"2026-01-01"}`,
    // 71 bytes each, across the contract's lists); listing them for approval takes 1.1 MB.
    const n = 13_000;
    const subject = (i: number) => `filed-model-${String(i).padStart(6, '0')}-${'x'.repeat(21)}`;
    const id = await underReviewWith(n, subject, 1_000);
    const items = Array.from({ length: n }, (_, i) => ({ measure: '2.1', subject: subject(i), amount: 1_000 }));
    expect(JSON.stringify({ items }).length).toBeGreaterThan(1 << 20);
    const res = await officer.post(`/api/v1/applications/${id}/approve`, { items });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().approvedTotal).toBe(n * 1_000);
    const approved = await t.ctx.db
      .selectFrom('application_items')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('application_id', '=', id)
      .where('approved_amount', '=', 1_000)
      .executeTakeFirstOrThrow();
    expect(Number(approved.n)).toBe(n);
  });

  it('still names every item left out or unknown, and every amount above the engine’s, however many items', async () => {
    const subject = (i: number) => `P-${i}`;
    const id = await underReviewWith(700, subject, 10_000);
    const items = Array.from({ length: 700 }, (_, i) => ({ measure: '2.1', subject: subject(i), amount: 10_000 }));
    const missing = await officer.post(`/api/v1/applications/${id}/approve`, { items: items.slice(1) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues).toEqual([expect.objectContaining({ path: 'items', message: expect.stringContaining('P-0') })]);
    const over = await officer.post(`/api/v1/applications/${id}/approve`, {
      items: items.map((i, k) => (k === 650 ? { ...i, amount: 10_001 } : i)),
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().code).toBe('FTAI_ERR_OVER_ENGINE');
    expect(over.json().issues.map((i: { path: string }) => i.path)).toEqual(['items[650].amount']);
    expect((await approvedAmounts(id)).every(([, amount]) => amount === null)).toBe(true);
  });
});
