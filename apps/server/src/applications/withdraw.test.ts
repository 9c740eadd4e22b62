import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachRequiredMaterials } from '../http/attach-materials.js';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';

const FACTS = { computeSpend: 1_000_000 };
const ENTERPRISE = { registeredInFengtai: true, taxResidentInFengtai: true, aiPartnerProgram: true };

describe.each(DIALECTS)('withdrawing a submission (撤回) on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let applicantA: Client;
  let applicantB: Client;
  let callId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    applicantA = await t.login('applicantA');
    applicantB = await t.login('applicantB');
    const call = await officer.post('/api/v1/calls', {
      year: 2027,
      title: '2028年度人工智能措施申报',
      opensOn: '2028-03-01',
      closesOn: '2028-04-30',
      totalBudget: 5_000_000,
    });
    expect(call.statusCode, call.body).toBe(201);
    callId = call.json().id;
    t.clock.set('2028-03-15T02:00:00Z');
    officer = await t.login('officer');
    applicantA = await t.login('applicantA');
    applicantB = await t.login('applicantB');
  });
  afterAll(async () => {
    await t.close();
  });

  const submitted = async (client: Client) => {
    const draft = await client.post('/api/v1/applications', { callId, facts: FACTS, enterprise: ENTERPRISE });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;
    await attachRequiredMaterials(client, id);
    const res = await client.post(`/api/v1/applications/${id}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; number: string; engineTotal: number };
  };

  it('makes a submitted application a draft again, keeps its number, and receives it again under that number', async () => {
    const app = await submitted(applicantA);
    expect(app.engineTotal).toBeGreaterThan(0);
    const res = await applicantA.post(`/api/v1/applications/${app.id}/withdraw`, { reason: '补充算力合同后重新提交' });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ status: 'draft', number: app.number, submittedAt: null, engineTotal: 0 });
    expect(view.request.facts).toEqual(FACTS);
    const last = view.timeline.at(-1);
    expect(last).toMatchObject({ from: 'submitted', to: 'draft', note: '补充算力合同后重新提交' });
    const items = await t.ctx.db.selectFrom('application_items').select('measure').where('application_id', '=', app.id).execute();
    expect(items).toEqual([]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['after_json', 'before_json'])
      .where('action', '=', 'application.withdraw')
      .where('entity_id', '=', app.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.before_json ?? 'null')).toMatchObject({ status: 'submitted', number: app.number });
    expect(JSON.parse(audit[0]?.after_json ?? 'null')).toEqual({ status: 'draft', reason: '补充算力合同后重新提交' });

    // The draft takes changes, and its resubmission is received under the same number.
    expect((await applicantA.put(`/api/v1/applications/${app.id}`, { facts: { computeSpend: 2_000_000 } })).statusCode).toBe(200);
    await attachRequiredMaterials(applicantA, app.id);
    const again = await applicantA.post(`/api/v1/applications/${app.id}/submit`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'submitted', number: app.number, engineTotal: 400_000 });
  });

  it('is refused once the formal check has taken it, to another enterprise and to an officer', async () => {
    const app = await submitted(applicantB);
    const byOther = await applicantA.post(`/api/v1/applications/${app.id}/withdraw`, {});
    expect(byOther.statusCode).toBe(403);
    const byOfficer = await officer.post(`/api/v1/applications/${app.id}/withdraw`, {});
    expect(byOfficer.statusCode).toBe(403);
    expect((await officer.post(`/api/v1/applications/${app.id}/transitions`, { to: 'formal_check' })).statusCode).toBe(200);
    const late = await applicantB.post(`/api/v1/applications/${app.id}/withdraw`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'FTAI_ERR_TRANSITION',
      error:
        'an application in status formal_check cannot move to draft: only one in status submitted can; it can move to under_review, returned, rejected',
      message: '申报当前所处环节不允许此项操作，请刷新页面后查看',
    });
    expect((await applicantB.get(`/api/v1/applications/${app.id}`)).json().status).toBe('formal_check');
  });

  it('refuses a draft (nothing to withdraw) and a reason too long, naming the field', async () => {
    const draft = (await applicantA.get(`/api/v1/applications?callId=${callId}`)).json().applications[0];
    await applicantA.post(`/api/v1/applications/${draft.id}/withdraw`, {});
    const twice = await applicantA.post(`/api/v1/applications/${draft.id}/withdraw`, {});
    expect(twice.statusCode).toBe(409);
    const long = await applicantA.post(`/api/v1/applications/${draft.id}/withdraw`, { reason: '理'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.json().issues[0]).toMatchObject({ path: 'reason' });
  });
});
