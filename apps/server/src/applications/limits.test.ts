import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe.each(DIALECTS)('limits on attachments and drafts on %s', (dialect) => {
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

    // The limit is per application: another draft takes files.
    const other = await startDraft(applicantA, callId);
    expect((await upload(applicantA, other.json().id, '营业执照.png')).statusCode).toBe(201);
  });

  it('keeps 20 drafts of one enterprise in one call at a time; submitting one frees its place', async () => {
    expect(t.ctx.config.maxDraftsPerCall).toBe(20);
    const callId = await openCall(2027);
    t.clock.set('2028-03-15T02:00:00Z');
    applicantA = await t.login('applicantA');
    applicantB = await t.login('applicantB');
    officer = await t.login('officer');
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await startDraft(applicantA, callId);
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const createsBefore = await audited('application.create');
    const refused = await startDraft(applicantA, callId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('FTAI_ERR_DRAFT_LIMIT');
    expect(refused.json().error).toBe(
      `your enterprise already has 20 drafts in call ${callId}, the limit of 20: continue one of them (PUT /api/v1/applications/:id) or submit it before starting another`,
    );
    expect(await audited('application.create')).toBe(createsBefore);
    const drafts = (await applicantA.get(`/api/v1/applications?callId=${callId}&status=draft`)).json().applications;
    expect(drafts).toHaveLength(20);

    // Another enterprise, and another call, are not held back.
    expect((await startDraft(applicantB, callId)).statusCode).toBe(201);
    const nextCall = await openCall(2028);
    expect((await startDraft(applicantA, nextCall)).statusCode).toBe(201);

    const submitted = await applicantA.post(`/api/v1/applications/${ids[0]}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await startDraft(applicantA, callId)).statusCode).toBe(201);
    expect((await startDraft(applicantA, callId)).statusCode).toBe(409);
  });
});
