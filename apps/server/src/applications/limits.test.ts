import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachRequiredMaterials } from '../http/attach-materials.js';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const FACTS = { computeSpend: 1_000_000 };
const ENTERPRISE = { registeredInFengtai: true, taxResidentInFengtai: true, aiPartnerProgram: true };

async function upload(client: Client, applicationId: string, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  const payload = Buffer.from(await request.arrayBuffer());
  return client.request('POST', `/api/v1/applications/${applicationId}/attachments`, {
    payload,
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  });
}

describe.each(DIALECTS)('limits on attachments and applications on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let applicantA: Client;
  let applicantB: Client;

  const openCall = async (year: number) => {
    const call = await officer.post('/api/v1/calls', {
      year,
      title: `${year + 1}年度人工智能措施申报`,
      opensOn: `${year + 1}-03-01`,
      closesOn: `${year + 1}-04-30`,
      totalBudget: 5_000_000,
    });
    expect(call.statusCode, call.body).toBe(201);
    return call.json().id as string;
  };
  const startDraft = (client: Client, callId: string) =>
    client.post('/api/v1/applications', { callId, facts: FACTS, enterprise: ENTERPRISE });
  const audited = async (action: string) =>
    (await t.ctx.db.selectFrom('audit_log').select('action').execute()).filter((a) => a.action === action).length;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    applicantA = await t.login('applicantA');
    applicantB = await t.login('applicantB');
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes 50 files on one application and refuses the 51st with an actionable message', async () => {
    expect(t.ctx.config.maxAttachmentsPerApplication).toBe(50);
    const callId = await openCall(2026);
    const draft = await startDraft(applicantA, callId);
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;
    for (let i = 1; i <= 50; i++) {
      const res = await upload(applicantA, id, `证明材料-${i}.png`);
      expect(res.statusCode, res.body).toBe(201);
    }
    const uploadsBefore = await audited('attachment.upload');
    const refused = await upload(applicantA, id, '证明材料-51.png');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'FTAI_ERR_ATTACHMENT_LIMIT',
      error: expect.stringContaining('this application already has 50 files, the limit of 50: combine documents into one PDF'),
    });
    expect((await applicantA.get(`/api/v1/applications/${id}/attachments`)).json().attachments).toHaveLength(50);
    expect(await audited('attachment.upload')).toBe(uploadsBefore);

    // The limit is per application: another enterprise's draft takes files.
    const other = await startDraft(applicantB, callId);
    expect((await upload(applicantB, other.json().id, '营业执照.png')).statusCode).toBe(201);
  });

  it('keeps one application of an enterprise in one call (一企一报): another is refused naming it, until it is rejected', async () => {
    const callId = await openCall(2027);
    t.clock.set('2028-03-15T02:00:00Z');
    applicantA = await t.login('applicantA');
    applicantB = await t.login('applicantB');
    officer = await t.login('officer');
    const first = await startDraft(applicantA, callId);
    expect(first.statusCode, first.body).toBe(201);
    const id = first.json().id as string;
    const createsBefore = await audited('application.create');
    const refused = await startDraft(applicantA, callId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('FTAI_ERR_APPLICATION_EXISTS');
    expect(refused.json().error).toBe(
      `your enterprise already has application ${id} in status draft in call ${callId}: continue it (GET /api/v1/applications/${id}) instead of starting another; one enterprise makes one application per call`,
    );
    expect(refused.json().message).toBe(
      '贵单位在本批次已有一份申报（当前状态：草稿），请继续办理该申报：一家企业在同一批次只能提交一份申报',
    );
    expect(await audited('application.create')).toBe(createsBefore);
    expect((await applicantA.get(`/api/v1/applications?callId=${callId}`)).json().applications).toHaveLength(1);

    // Another enterprise, and another call, are not held back.
    expect((await startDraft(applicantB, callId)).statusCode).toBe(201);
    const nextCall = await openCall(2028);
    expect((await startDraft(applicantA, nextCall)).statusCode).toBe(201);

    // Submitted, it is still the enterprise's one, now named by its number.
    await attachRequiredMaterials(applicantA, id);
    const submitted = await applicantA.post(`/api/v1/applications/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const number = submitted.json().number as string;
    const again = await startDraft(applicantA, callId);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(
      `贵单位在本批次已有一份申报（申报编号${number}，当前状态：已提交），请继续办理该申报：一家企业在同一批次只能提交一份申报`,
    );

    // Rejected, it no longer holds the enterprise's place.
    for (const to of ['formal_check', 'rejected']) {
      expect((await officer.post(`/api/v1/applications/${id}/transitions`, { to })).statusCode).toBe(200);
    }
    expect((await startDraft(applicantA, callId)).statusCode).toBe(201);
  });
});
