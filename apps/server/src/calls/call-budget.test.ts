import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ITEMS_A, insertApplication } from '../notice/test-fixtures.js';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';

interface Issue {
  path: string;
  code: string;
  message: string;
}

describe.each(DIALECTS)('a call’s budgets against what is allocated on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let callId: string;

  const callUpdates = async () =>
    (await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', callId).orderBy('seq').execute())
      .map((a) => a.action)
      .filter((a) => a === 'call.update');

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '2027年度人工智能措施申报',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 5_000_000,
      articleBudgets: { '1': 2_000_000, '6': 1_000_000 },
    });
    expect(call.statusCode, call.body).toBe(201);
    callId = call.json().id;
    // Committed awards of 1,280,000: 800,000 under article 1, 480,000 under article 6 (6.2a).
    await insertApplication(t.ctx, { callId, year: 2026, applicantId: t.users.applicantA, status: 'approved', items: ITEMS_A });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses an article budget above the total, at creation and after, naming both figures', async () => {
    const created = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '超出总额的条款预算',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 13_000_000,
      articleBudgets: { '1': 20_000_000, '6': 1_000_000 },
    });
    expect(created.statusCode).toBe(400);
    expect(created.json().code).toBe('FTAI_ERR_BUDGET_ABOVE_TOTAL');
    expect(created.json().issues).toEqual([
      {
        path: 'articleBudgets.1',
        code: 'FTAI_ERR_BUDGET_ABOVE_TOTAL',
        message: "expected at most 13,000,000 yuan, the call's total budget; got 20,000,000 for article 1",
      },
    ]);
    expect(await t.ctx.db.selectFrom('calls').select('id').where('title', '=', '超出总额的条款预算').execute()).toEqual([]);

    // This call: 5,000,000 in total, article 1 2,000,000. A total below article 1's budget, and an
    // article above the total as it stays, are refused alike; nothing is written or audited.
    const lower = await officer.patch(`/api/v1/calls/${callId}`, { totalBudget: 1_500_000 });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().issues).toEqual([
      {
        path: 'articleBudgets.1',
        code: 'FTAI_ERR_BUDGET_ABOVE_TOTAL',
        message: "expected at most 1,500,000 yuan, the call's total budget; got 2,000,000 for article 1",
      },
    ]);
    const higher = await officer.patch(`/api/v1/calls/${callId}`, { articleBudgets: { '1': 2_000_000, '6': 6_000_000 } });
    expect(higher.statusCode).toBe(400);
    expect(higher.json().issues.map((i: Issue) => i.path)).toEqual(['articleBudgets.6']);
    const call = (await officer.get(`/api/v1/calls/${callId}`)).json();
    expect({ total: call.totalBudget, articles: call.articleBudgets }).toEqual({
      total: 5_000_000,
      articles: { 1: 2_000_000, 6: 1_000_000 },
    });
    expect(await callUpdates()).toEqual([]);
  });

  it('refuses a total budget below what the call’s awards already hold, naming the amount', async () => {
    const res = await officer.patch(`/api/v1/calls/${callId}`, { totalBudget: 1_000_000 });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('FTAI_ERR_BUDGET_BELOW_ALLOCATED');
    expect(res.json().error).toContain('1,280,000 yuan');
    expect(res.json().issues).toEqual([
      {
        path: 'totalBudget',
        code: 'FTAI_ERR_BUDGET_BELOW_ALLOCATED',
        message: 'expected at least 1,280,000 yuan, the amount already allocated to awards of this call; got 1,000,000',
      },
    ]);
    const call = (await officer.get(`/api/v1/calls/${callId}`)).json();
    expect(call.totalBudget).toBe(5_000_000);
    expect(await callUpdates()).toEqual([]);
  });

  it('refuses an article budget below what that article’s awards hold, and changes nothing of the request', async () => {
    const res = await officer.patch(`/api/v1/calls/${callId}`, {
      title: '改名',
      totalBudget: 4_000_000,
      articleBudgets: { '1': 500_000, '6': 480_000 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('FTAI_ERR_BUDGET_BELOW_ALLOCATED');
    expect(res.json().issues.map((i: Issue) => [i.path, i.message])).toEqual([
      ['articleBudgets.1', 'expected at least 800,000 yuan, the amount already allocated to awards of article 1; got 500,000'],
    ]);
    const call = (await officer.get(`/api/v1/calls/${callId}`)).json();
    expect(call).toMatchObject({
      title: '2027年度人工智能措施申报',
      totalBudget: 5_000_000,
      articleBudgets: { '1': 2_000_000, '6': 1_000_000 },
    });
    expect(await callUpdates()).toEqual([]);
  });

  it('takes budgets down to exactly what is allocated, audited', async () => {
    const res = await officer.patch(`/api/v1/calls/${callId}`, { totalBudget: 1_280_000, articleBudgets: { '1': 800_000, '6': 480_000 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ totalBudget: 1_280_000, articleBudgets: { '1': 800_000, '6': 480_000 } });
    expect(await callUpdates()).toEqual(['call.update']);
    // The dashboard's budget left is 0, never negative.
    const dashboard = (await officer.get(`/api/v1/calls/${callId}/dashboard`)).json();
    expect(dashboard.totals).toMatchObject({ budget: 1_280_000, allocated: 1_280_000, available: 0 });
  });

  it('still changes dates and titles of a call with awards, and budgets of a call with none', async () => {
    const res = await officer.patch(`/api/v1/calls/${callId}`, { closesOn: '2027-05-15' });
    expect(res.statusCode, res.body).toBe(200);
    const empty = await officer.post('/api/v1/calls', {
      year: 2027,
      title: '2028年度人工智能措施申报',
      opensOn: '2028-03-01',
      closesOn: '2028-04-30',
      totalBudget: 100,
    });
    const lowered = await officer.patch(`/api/v1/calls/${empty.json().id}`, { totalBudget: 0, articleBudgets: { '2': 0 } });
    expect(lowered.statusCode, lowered.body).toBe(200);
  });
});
