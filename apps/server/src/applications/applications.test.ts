import { POLICY_VERSION } from '@ftai/policy-fengtai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachRequiredMaterials } from '../http/attach-materials.js';
import { newId } from '../ids.js';
import { type Client, CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { buildEngineRequest } from './build-engine-request.js';

/** The enterprise flags the policy's general conditions and 第一条 need. */
const ENTERPRISE = { registeredInFengtai: true, taxResidentInFengtai: true, aiPartnerProgram: true };
/** 第一条: 1,000,000.50 × 20% = 200,000 (floored); 第二条(1): one filed model, 500,000. */
const FACTS = { computeSpend: '1000000.50', modelFilings: [{ id: 'M-1', date: '2026-03-01' }] };

interface View {
  id: string;
  status: string;
  engineTotal: number;
  policyVersion: string | null;
  request: { enterprise: Record<string, unknown>; facts: Record<string, unknown> };
  result: { policy: { version: string }; total: number; results: { measure: string; status: string; amount: number }[] } | null;
  items: { measure: string; subject: string | null; article: number; review: boolean; engineAmount: number }[];
  timeline: { seq: number; from: string | null; to: string; actor: string; role: string; note: string | null; at: string }[];
  allowedMoves: string[];
}

const issuePaths = (body: { issues: { path: string }[] }) => body.issues.map((i) => i.path);

describe.each(DIALECTS)('applications on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let applicantA: Client;
  let applicantB: Client;
  let reviewer1: Client;
  let reviewer2: Client;
  let admin: Client;

  /** A call as the officer opens it: assessment year 2026, open around the clock's 2027-03-15. */
  const openCall = async (year = 2026, dates = { opensOn: '2027-03-01', closesOn: '2027-04-30' }) => {
    const res = await officer.post('/api/v1/calls', { year, title: `${year + 1}年度人工智能措施申报`, ...dates, totalBudget: 50_000_000 });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };
  const draft = async (callId: string, facts: unknown = FACTS, client = applicantA) => {
    const res = await client.post('/api/v1/applications', { callId, facts, enterprise: ENTERPRISE });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as View;
  };
  /**
   * A further application of the enterprise in the call, as a database from before 一企一报 (one
   * application a call, refused at creation since) may hold: started in a call of its own, then
   * moved into this one. The rules that guard such data (no subject claimed twice) still stand.
   */
  const legacyDraft = async (callId: string, facts: unknown = FACTS, client = applicantA) => {
    const view = await draft(await openCall(), facts, client);
    await t.ctx.db.updateTable('applications').set({ call_id: callId }).where('id', '=', view.id).execute();
    return view;
  };
  /** Submits, with the required materials attached first (as the applicant would, or the submission is refused). */
  const submit = async (client: Client, id: string, key?: string) => {
    await attachRequiredMaterials(client, id);
    return client.post(`/api/v1/applications/${id}/submit`, undefined, key ? { idempotencyKey: key } : {});
  };
  const move = (id: string, to: string, note?: string) =>
    officer.post(`/api/v1/applications/${id}/transitions`, note === undefined ? { to } : { to, note });
  /** A ledger row, as the budget allocation would commit it. */
  const award = (a: { applicationId: string; callId: string; measure: string; subject?: string; year: number; amount: number }) =>
    t.ctx.db
      .insertInto('awards')
      .values({
        id: newId(),
        credit_code: CODE_A,
        measure: a.measure,
        subject: a.subject ?? '',
        year: a.year,
        amount: a.amount,
        call_id: a.callId,
        application_id: a.applicationId,
        status: 'committed',
        created_at: t.ctx.now(),
        paid_at: null,
      })
      .execute();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    applicantA = await t.login('applicantA');
    applicantB = await t.login('applicantB');
    reviewer1 = await t.login('reviewer1');
    reviewer2 = await t.login('reviewer2');
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('starts a draft for the applicant’s enterprise and stores the facts exactly as sent', async () => {
    const callId = await openCall();
    const view = await draft(callId);
    expect(view).toMatchObject({
      callId,
      creditCode: CODE_A,
      enterpriseName: '北京测试甲智能科技有限公司',
      status: 'draft',
      engineTotal: 0,
      result: null,
      items: [],
      allowedMoves: ['submitted'],
    });
    // Not the parsed form (fen): the applicant's own decimal string.
    expect(view.request).toEqual({ enterprise: ENTERPRISE, facts: FACTS });
    const row = await t.ctx.db.selectFrom('applications').select('request_json').where('id', '=', view.id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.request_json)).toEqual({ enterprise: ENTERPRISE, facts: FACTS });
    expect(view.timeline).toEqual([
      { seq: 1, from: null, to: 'draft', actor: 'applicantA', role: 'applicant', note: null, at: t.ctx.now() },
    ]);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', view.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['application.create']);
  });

  it('refuses bad facts, unknown fields and unknown calls, naming each field', async () => {
    const callId = await openCall();
    const bad = await applicantA.post('/api/v1/applications', {
      callId,
      facts: { computeSpend: -1, bogus: true, modelFilings: [{ id: 'M-1' }, { id: 'M-2', date: '2026-02-30' }] },
      enterprise: { creditCode: CODE_B, startup: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('FTAI_ERR_VALIDATION');
    expect(issuePaths(bad.json()).sort()).toEqual(
      [
        'enterprise.creditCode',
        'enterprise.startup',
        'facts.bogus',
        'facts.computeSpend',
        'facts.modelFilings[0].date',
        'facts.modelFilings[1].date',
      ].sort(),
    );
    const byPath = Object.fromEntries(bad.json().issues.map((i: { path: string; code: string; message: string }) => [i.path, i]));
    expect(byPath['facts.bogus'].code).toBe('FTAI_ERR_UNKNOWN_FIELD');
    expect(byPath['facts.modelFilings[0].date'].code).toBe('FTAI_ERR_MISSING_FIELD');
    expect(byPath['facts.computeSpend'].message).toContain('expected a non-negative amount in yuan');
    expect(byPath['enterprise.startup']).toMatchObject({ code: 'FTAI_ERR_INVALID_FIELD', message: 'expected true or false, got "yes"' });

    const noCall = await applicantA.post('/api/v1/applications', { callId: 'no-such-call' });
    expect(noCall.statusCode).toBe(400);
    expect(issuePaths(noCall.json())).toEqual(['callId']);

    const closed = await openCall();
    expect((await officer.patch(`/api/v1/calls/${closed}`, { status: 'closed' })).statusCode).toBe(200);
    const late = await applicantA.post('/api/v1/applications', { callId: closed });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('FTAI_ERR_CALL_CLOSED');

    const count = await t.ctx.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('lets only applicants start drafts (officer, reviewer, admin: 403)', async () => {
    const callId = await openCall();
    for (const client of [officer, reviewer1, admin]) {
      const res = await client.post('/api/v1/applications', { callId, facts: FACTS });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FTAI_ERR_FORBIDDEN');
    }
    expect((await t.anonymous().post('/api/v1/applications', { callId })).statusCode).toBe(401);
  });

  it('estimates with exactly the engine’s figures and explanations, storing nothing', async () => {
    const callId = await openCall();
    const view = await draft(callId);
    const est = await applicantA.post(`/api/v1/applications/${view.id}/estimate?lang=en`);
    expect(est.statusCode).toBe(200);
    const direct = await t.anonymous().post('/api/v1/calculate?lang=en', {
      year: 2026,
      enterprise: { creditCode: CODE_A, name: '北京测试甲智能科技有限公司', ...ENTERPRISE },
      facts: FACTS,
    });
    expect(est.json()).toEqual(direct.json());
    expect(est.json().total).toBe(700_000);
    const results = est.json().results as { measure: string; subject: string | null; amount: number; explanation: string[] }[];
    expect(results.filter((r) => r.amount > 0).map((r) => [r.measure, r.subject, r.amount])).toEqual([
      ['1', null, 200_000],
      ['2.1', 'M-1', 500_000],
    ]);
    expect(results[0]?.explanation).toContain('compute spend 1,000,000.50 × 20% = 200,000 (floored to whole yuan)');
    // Chinese by default.
    const zh = await applicantA.post(`/api/v1/applications/${view.id}/estimate`);
    expect(zh.json().results[0].explanation.join(' ')).toMatch(/[\u4e00-\u9fff]/);
    expect((await officer.post(`/api/v1/applications/${view.id}/estimate`)).statusCode).toBe(200);

    const after = (await applicantA.get(`/api/v1/applications/${view.id}`)).json() as View;
    expect(after).toMatchObject({ status: 'draft', engineTotal: 0, result: null, items: [] });

    for (const client of [applicantB, reviewer1]) {
      expect((await client.post(`/api/v1/applications/${view.id}/estimate`)).statusCode).toBe(403);
    }
  });

  it('answers a draft that cannot be calculated yet with the contract’s field paths', async () => {
    const callId = await openCall();
    const view = await draft(callId, {
      modelFilings: [
        { id: 'M-1', date: '2026-03-01' },
        { id: 'M-1', date: '2026-04-01' },
      ],
    });
    const est = await applicantA.post(`/api/v1/applications/${view.id}/estimate`);
    expect(est.statusCode).toBe(400);
    expect(issuePaths(est.json())).toEqual(['facts.modelFilings[1].id']);
    const sub = await submit(applicantA, view.id);
    expect(sub.statusCode).toBe(400);
    expect(issuePaths(sub.json())).toEqual(['facts.modelFilings[1].id']);
    expect(((await applicantA.get(`/api/v1/applications/${view.id}`)).json() as View).status).toBe('draft');
  });

  it('submits once per Idempotency-Key, stores the engine’s answer with the policy version, and walks the status machine', async () => {
    const callId = await openCall();
    const view = await draft(callId);

    // Only the applicant of the enterprise submits.
    expect((await submit(officer, view.id)).statusCode).toBe(403);
    expect((await submit(admin, view.id)).statusCode).toBe(403);
    expect((await submit(applicantB, view.id)).statusCode).toBe(403);

    const first = await submit(applicantA, view.id, 'submit-key-0001');
    expect(first.statusCode, first.body).toBe(200);
    const again = await submit(applicantA, view.id, 'submit-key-0001');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const submitted = first.json() as View;
    expect(submitted.status).toBe('submitted');
    expect(submitted.engineTotal).toBe(700_000);
    expect(submitted.policyVersion).toBe(POLICY_VERSION);
    expect(submitted.result?.policy.version).toBe(POLICY_VERSION);
    expect(submitted.result?.total).toBe(700_000);
    expect(submitted.items).toEqual([
      { measure: '1', subject: null, article: 1, review: false, engineAmount: 200_000, approvedAmount: null, allocatedAmount: null },
      // 第二条第（1）项 grants 最高500,000元: an expert review may approve less.
      { measure: '2.1', subject: 'M-1', article: 2, review: true, engineAmount: 500_000, approvedAmount: null, allocatedAmount: null },
    ]);
    expect((submitted as View & { needsFacts: unknown[] }).needsFacts).toEqual([]);
    expect(submitted.timeline.map((e) => [e.from, e.to])).toEqual([
      [null, 'draft'],
      ['draft', 'submitted'],
    ]);
    const events = await t.ctx.db.selectFrom('application_events').select('id').where('application_id', '=', view.id).execute();
    expect(events).toHaveLength(2);
    const stored = await t.ctx.db
      .selectFrom('applications')
      .select(['result_json', 'policy_version', 'engine_total', 'submitted_at'])
      .where('id', '=', view.id)
      .executeTakeFirstOrThrow();
    expect(stored.policy_version).toBe(POLICY_VERSION);
    expect(Number(stored.engine_total)).toBe(700_000);
    expect(stored.submitted_at).toBe(t.ctx.now());
    // Stored with Chinese explanations, the bureau's record.
    expect(JSON.parse(stored.result_json ?? '{}').results[0].explanation.join(' ')).toMatch(/[\u4e00-\u9fff]/);

    // A second submit without a key is a move the status machine refuses.
    const twice = await submit(applicantA, view.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('FTAI_ERR_TRANSITION');
    // No edits once submitted.
    const edit = await applicantA.put(`/api/v1/applications/${view.id}`, { facts: FACTS });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'FTAI_ERR_TRANSITION' });
    expect(edit.json().error).toContain('submitted');

    // Officers only, no skipping, and the moves with more than a decision are made elsewhere.
    expect((await applicantA.post(`/api/v1/applications/${view.id}/transitions`, { to: 'formal_check' })).statusCode).toBe(403);
    expect((await reviewer1.post(`/api/v1/applications/${view.id}/transitions`, { to: 'formal_check' })).statusCode).toBe(403);
    const skip = await move(view.id, 'under_review');
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toMatchObject({ code: 'FTAI_ERR_TRANSITION' });
    expect(skip.json().error).toContain('it can move to draft, formal_check');
    const approve = await move(view.id, 'approved');
    expect(approve.statusCode).toBe(409);
    expect(approve.json().error).toContain('POST /api/v1/applications/:id/approve');
    const pay = await move(view.id, 'paid');
    expect(pay.json().error).toContain('/pay');
    const badTo = await move(view.id, 'archived');
    expect(badTo.statusCode).toBe(400);
    expect(issuePaths(badTo.json())).toEqual(['to']);

    expect((await move(view.id, 'formal_check')).statusCode).toBe(200);
    const review = await admin.post(`/api/v1/applications/${view.id}/transitions`, { to: 'under_review' });
    expect(review.statusCode).toBe(200);
    expect((review.json() as View).allowedMoves).toEqual(['returned', 'approved', 'rejected']);
    const noNote = await move(view.id, 'returned');
    expect(noNote.statusCode).toBe(400);
    expect(issuePaths(noNote.json())).toEqual(['note']);
    const blank = await move(view.id, 'returned', '   ');
    expect(issuePaths(blank.json())).toEqual(['note']);
    t.clock.set('2027-03-15T05:00:00Z');
    const returned = await move(view.id, 'returned', '请补充算力租用合同');
    expect(returned.statusCode).toBe(200);

    // The applicant edits and resubmits; the engine runs again on the new facts.
    const seen = (await applicantA.get(`/api/v1/applications/${view.id}`)).json() as View;
    expect(seen.status).toBe('returned');
    expect(seen.allowedMoves).toEqual(['submitted']);
    expect((await applicantB.put(`/api/v1/applications/${view.id}`, { facts: FACTS })).statusCode).toBe(403);
    expect((await officer.put(`/api/v1/applications/${view.id}`, { facts: FACTS })).statusCode).toBe(403);
    const edited = await applicantA.put(`/api/v1/applications/${view.id}`, { facts: { ...FACTS, computeSpend: 2_000_000 } });
    expect(edited.statusCode).toBe(200);
    expect((edited.json() as View).request).toEqual({ enterprise: ENTERPRISE, facts: { ...FACTS, computeSpend: 2_000_000 } });
    t.clock.set('2027-03-15T06:30:00Z');
    const resubmitted = await submit(applicantA, view.id, 'submit-key-0002');
    expect(resubmitted.statusCode).toBe(200);
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', engineTotal: 900_000 });
    expect((resubmitted.json() as View).items.map((i) => i.engineAmount)).toEqual([400_000, 500_000]);

    const timeline = await applicantA.get(`/api/v1/applications/${view.id}/timeline`);
    expect(timeline.statusCode).toBe(200);
    expect(timeline.json().events).toEqual([
      { seq: 1, from: null, to: 'draft', actor: 'applicantA', role: 'applicant', note: null, at: '2027-03-15T02:00:00.000Z' },
      { seq: 2, from: 'draft', to: 'submitted', actor: 'applicantA', role: 'applicant', note: null, at: '2027-03-15T02:00:00.000Z' },
      { seq: 3, from: 'submitted', to: 'formal_check', actor: 'officer', role: 'officer', note: null, at: '2027-03-15T02:00:00.000Z' },
      { seq: 4, from: 'formal_check', to: 'under_review', actor: 'admin', role: 'admin', note: null, at: '2027-03-15T02:00:00.000Z' },
      {
        seq: 5,
        from: 'under_review',
        to: 'returned',
        actor: 'officer',
        role: 'officer',
        note: '请补充算力租用合同',
        at: '2027-03-15T05:00:00.000Z',
      },
      {
        seq: 6,
        from: 'returned',
        to: 'submitted',
        actor: 'applicantA',
        role: 'applicant',
        note: 'resubmitted',
        at: '2027-03-15T06:30:00.000Z',
      },
    ]);
    t.clock.set('2027-03-15T02:00:00Z');

    // Every change is in the audit chain, and the chain still verifies.
    const actions = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', view.id).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual([
      'application.create',
      // The four required materials (第一条: contract, invoice and payment voucher; 第二条第（1）项: the filing).
      'attachment.upload',
      'attachment.upload',
      'attachment.upload',
      'attachment.upload',
      'application.submit',
      'application.transition',
      'application.transition',
      'application.transition',
      'application.transition',
      'application.update',
      'application.submit',
      'application.transition',
    ]);
    expect((await officer.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('shows an application only to its applicant, officers and the reviewers assigned to it', async () => {
    const callId = await openCall();
    const view = await draft(callId);
    const url = `/api/v1/applications/${view.id}`;
    expect((await applicantA.get(url)).statusCode).toBe(200);
    expect((await officer.get(url)).statusCode).toBe(200);
    expect((await admin.get(url)).statusCode).toBe(200);
    for (const client of [applicantB, reviewer1, reviewer2]) {
      for (const path of [url, `${url}/timeline`, `${url}/attachments`]) {
        const res = await client.get(path);
        expect(res.statusCode, path).toBe(403);
        expect(res.json().code).toBe('FTAI_ERR_FORBIDDEN');
      }
    }
    expect((await t.anonymous().get(url)).statusCode).toBe(401);
    expect((await applicantA.get('/api/v1/applications/no-such-id')).statusCode).toBe(404);
    expect((await applicantB.get('/api/v1/applications/no-such-id')).statusCode).toBe(404);

    await t.ctx.db
      .insertInto('review_assignments')
      .values({
        id: newId(),
        application_id: view.id,
        reviewer_id: t.users.reviewer1,
        assigned_by: t.users.officer,
        assigned_at: t.ctx.now(),
        declared_at: null,
        scores_json: null,
        total_score: null,
        comment: null,
        scored_at: null,
      })
      .execute();
    const assigned = await reviewer1.get(url);
    expect(assigned.statusCode).toBe(200);
    expect((assigned.json() as View).allowedMoves).toEqual([]);
    expect((await reviewer1.get(`${url}/timeline`)).statusCode).toBe(200);
    expect((await reviewer2.get(url)).statusCode).toBe(403);

    // Lists: each sees its own share.
    const other = await draft(callId, FACTS, applicantB);
    const ids = async (client: Client, query = '') => {
      const res = await client.get(`/api/v1/applications?callId=${callId}${query}`);
      expect(res.statusCode).toBe(200);
      return (res.json().applications as { id: string }[]).map((a) => a.id);
    };
    expect((await ids(officer)).sort()).toEqual([view.id, other.id].sort());
    expect(await ids(officer, `&creditCode=${CODE_B}`)).toEqual([other.id]);
    expect(await ids(officer, '&status=submitted')).toEqual([]);
    expect(await ids(applicantA)).toEqual([view.id]);
    expect(await ids(applicantB)).toEqual([other.id]);
    expect(await ids(reviewer1)).toEqual([view.id]);
    expect(await ids(reviewer2)).toEqual([]);
    const peek = await applicantB.get(`/api/v1/applications?creditCode=${CODE_A}`);
    expect(peek.statusCode).toBe(403);
    const badStatus = await officer.get('/api/v1/applications?status=lost');
    expect(badStatus.statusCode).toBe(400);
    expect(issuePaths(badStatus.json())).toEqual(['query.status']);
    const summary = (await officer.get(`/api/v1/applications?callId=${callId}&creditCode=${CODE_A}`)).json().applications[0];
    expect(Object.keys(summary).sort()).toEqual(
      [
        'allocatedTotal',
        'approvedTotal',
        'callId',
        'createdAt',
        'creditCode',
        'engineTotal',
        'enterpriseName',
        'id',
        'number',
        'score',
        'status',
        'submittedAt',
        'updatedAt',
      ].sort(),
    );
  });

  it('lists newest first', async () => {
    const callId = await openCall();
    const older = await draft(callId);
    t.clock.set('2027-03-15T03:00:00Z');
    const newer = await legacyDraft(callId);
    t.clock.set('2027-03-15T02:00:00Z');
    const res = await applicantA.get(`/api/v1/applications?callId=${callId}`);
    expect(res.json().applications.map((a: { id: string }) => a.id)).toEqual([newer.id, older.id]);
  });

  it('takes submissions only within the call’s dates, in Beijing time', async () => {
    const callId = await openCall(2026, { opensOn: '2027-03-20', closesOn: '2027-04-30' });
    const view = await draft(callId);
    const early = await submit(applicantA, view.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('FTAI_ERR_CALL_CLOSED');
    expect(early.json().error).toContain('from 2027-03-20 to 2027-04-30');
    try {
      // 16:30 UTC on 30 April is already 1 May in Beijing.
      // (Sessions last 8 hours: sign in again at the new time.)
      t.clock.set('2027-04-30T16:30:00Z');
      const late = await submit(await t.login('applicantA'), view.id);
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ code: 'FTAI_ERR_CALL_CLOSED' });
      expect(late.json().error).toContain('today is 2027-05-01');
      t.clock.set('2027-04-30T15:30:00Z');
      expect((await submit(await t.login('applicantA'), view.id)).statusCode).toBe(200);
    } finally {
      t.clock.set('2027-03-15T02:00:00Z');
    }
  });

  it('refuses a subject already claimed by another live application of the enterprise in the same call', async () => {
    const callId = await openCall();
    const first = await draft(callId);
    expect((await submit(applicantA, first.id)).statusCode).toBe(200);
    const second = await legacyDraft(callId, { modelFilings: [{ id: 'M-1', date: '2026-03-01' }] });
    const dup = await submit(applicantA, second.id);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('FTAI_ERR_DUPLICATE_SUBJECT');
    expect(dup.json().error).toContain('measure 2.1 for subject M-1');
    expect(((await applicantA.get(`/api/v1/applications/${second.id}`)).json() as View).status).toBe('draft');

    // Another subject goes through; another enterprise may hold its own M-1; another call is another call.
    const third = await legacyDraft(callId, { modelFilings: [{ id: 'M-2', date: '2026-03-01' }] });
    expect((await submit(applicantA, third.id)).statusCode).toBe(200);
    const ofB = await draft(callId, { modelFilings: [{ id: 'M-1', date: '2026-03-01' }] }, applicantB);
    expect((await submit(applicantB, ofB.id)).statusCode).toBe(200);

    // Once the first is rejected, it holds nothing any more.
    expect((await move(first.id, 'formal_check')).statusCode).toBe(200);
    expect((await move(first.id, 'rejected', '材料不全')).statusCode).toBe(200);
    expect((await submit(applicantA, second.id)).statusCode).toBe(200);
  });

  it('keeps a result that needs facts out of the items: it is shown as needing facts, never approved or allocated', async () => {
    const callId = await openCall();
    // Revenue of 60,000,000 reaches 5000万元, but without the years before the engine cannot tell
    // whether it is reached for the first time; R&D spend without last year's cannot be compared.
    const facts = { computeSpend: 1_000_000, revenue: 60_000_000, rdSpend: 12_000_000 };
    // Enterprise B: the ledger rows this writes must not touch A's history in the tests below.
    const view = await draft(callId, facts, applicantB);
    const submitted = await submit(applicantB, view.id);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const body = submitted.json() as View & { needsFacts: { measure: string; subject: string | null; missing: string[] }[] };
    expect(body.engineTotal).toBe(200_000);
    expect(body.items.map((i) => [i.measure, i.subject, i.engineAmount])).toEqual([['1', null, 200_000]]);
    expect(body.result?.results.filter((r) => r.status === 'incomplete').map((r) => [r.measure, r.amount])).toEqual([
      ['4.3', 0],
      ['5.1', 0],
      ['5.2', 0],
    ]);
    expect(body.needsFacts).toEqual([
      {
        measure: '4.3',
        subject: null,
        citation: '第四条第（3）项',
        missing: ['facts.previousRdSpend'],
        reasons: [expect.stringContaining('无法测算')],
      },
      {
        measure: '5.1',
        subject: null,
        citation: '第五条第（1）项',
        missing: ['facts.priorMaxRevenue', 'facts.previousRevenue'],
        reasons: [expect.stringContaining('无法测算')],
      },
      {
        measure: '5.2',
        subject: null,
        citation: '第五条第（2）项',
        missing: ['facts.previousRevenue'],
        reasons: ['缺少“上年度主营业务收入”，无法测算'],
      },
    ]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', view.id)
      .where('action', '=', 'application.submit')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json ?? '{}').needsFacts).toEqual([
      { measure: '4.3', subject: null, missing: ['facts.previousRdSpend'] },
      { measure: '5.1', subject: null, missing: ['facts.priorMaxRevenue', 'facts.previousRevenue'] },
      { measure: '5.2', subject: null, missing: ['facts.previousRevenue'] },
    ]);

    // Approval knows only the items: 5.1 (no tier yet) is none of them.
    expect((await move(view.id, 'formal_check')).statusCode).toBe(200);
    expect((await move(view.id, 'under_review')).statusCode).toBe(200);
    const approveUrl = `/api/v1/applications/${view.id}/approve`;
    const withIncomplete = await officer.post(approveUrl, {
      items: [
        { measure: '1', subject: null, amount: 200_000 },
        { measure: '5.1', subject: null, amount: 0 },
      ],
    });
    expect(withIncomplete.statusCode).toBe(400);
    expect(issuePaths(withIncomplete.json())).toEqual(['items[1]']);
    expect(withIncomplete.json().issues[0].message).toContain('it has none for measure 5.1');
    const approved = await officer.post(approveUrl, { items: [{ measure: '1', subject: null, amount: 200_000 }] });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ approvedTotal: 200_000 });
    const committed = await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional' });
    expect(committed.statusCode, committed.body).toBe(201);
    const awards = await t.ctx.db
      .selectFrom('awards')
      .select(['measure', 'subject', 'amount'])
      .where('application_id', '=', view.id)
      .execute();
    expect(awards.map((a) => [a.measure, a.subject, Number(a.amount)])).toEqual([['1', '', 200_000]]);
    // Still shown as needing facts once the money is allocated.
    const after = (await officer.get(`/api/v1/applications/${view.id}`)).json() as { needsFacts: { measure: string }[] };
    expect(after.needsFacts.map((n) => n.measure)).toEqual(['4.3', '5.1', '5.2']);
  });

  it('claims 5.1 once per call, whichever tier each application reaches', async () => {
    const callId = await openCall();
    const first = await draft(callId, { revenue: 60_000_000, previousRevenue: 40_000_000 });
    const firstView = (await submit(applicantA, first.id)).json() as View;
    expect(firstView.items.map((i) => [i.measure, i.subject, i.review, i.engineAmount])).toEqual([['5.1', 'revenue-50m', true, 200_000]]);
    const second = await legacyDraft(callId, { revenue: 120_000_000, previousRevenue: 40_000_000 });
    const dup = await submit(applicantA, second.id);
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'FTAI_ERR_DUPLICATE_SUBJECT' });
    expect(dup.json().error).toContain(`measure 5.1 is already claimed by application ${first.id}`);
    // Another enterprise reaches its own tiers.
    const ofB = await draft(callId, { revenue: 120_000_000, previousRevenue: 40_000_000 }, applicantB);
    const viewB = (await submit(applicantB, ofB.id)).json() as View;
    expect(viewB.items.map((i) => [i.measure, i.subject, i.engineAmount])).toEqual([['5.1', 'revenue-100m', 300_000]]);
  });

  it('builds the engine request from the ledger and other-policy awards, leaving out this application’s own awards', async () => {
    const call2026 = await openCall(2026);
    const view = await draft(call2026);
    const earlier = await legacyDraft(call2026, {});
    const earliest = await legacyDraft(call2026, {});
    const measure1 = async (id: string) => {
      const res = await applicantA.post(`/api/v1/applications/${id}/estimate?lang=en`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().results as { measure: string; status: string; amount: number; explanation?: string[] }[]).find(
        (r) => r.measure === '1',
      );
    };
    expect((await measure1(view.id))?.explanation).toContain('year 1 of at most 2 (first granted 2026)');

    // 第一条 supports at most 2 consecutive years: 2025 in the ledger makes 2026 the second.
    await award({ applicationId: earliest.id, callId: call2026, measure: '1', year: 2025, amount: 150_000 });
    const second = await measure1(view.id);
    expect(second).toMatchObject({ status: 'granted', amount: 200_000 });
    expect(second?.explanation).toContain('year 2 of at most 2 (first granted 2025)');

    // This application's own award is what it asks for, not its history.
    await award({ applicationId: view.id, callId: call2026, measure: '2.1', subject: 'M-1', year: 2026, amount: 500_000 });
    const est = await applicantA.post(`/api/v1/applications/${view.id}/estimate?lang=en`);
    expect(est.json().results.find((r: { measure: string }) => r.measure === '2.1')).toMatchObject({ status: 'granted', amount: 500_000 });

    // A third consecutive year is excluded.
    await award({ applicationId: earlier.id, callId: call2026, measure: '1', year: 2026, amount: 200_000 });
    const call2027 = await openCall(2027);
    const next = await draft(call2027, { computeSpend: 1_000_000 });
    expect(await measure1(next.id)).toMatchObject({ status: 'excluded', amount: 0 });
    expect((await submit(applicantA, next.id)).json()).toMatchObject({ engineTotal: 0, items: [] });

    await t.ctx.db
      .insertInto('other_policy_awards')
      .values({
        id: newId(),
        credit_code: CODE_A,
        policy: '丰台区某项措施',
        subject: 'SC-1',
        measure: '',
        amount: 450_000,
        year: 2026,
        batch_id: 'b1',
        imported_by: t.users.officer,
        imported_at: t.ctx.now(),
      })
      .execute();
    // Support to the enterprise as a whole names the measure it overlaps, not a subject.
    await t.ctx.db
      .insertInto('other_policy_awards')
      .values({
        id: newId(),
        credit_code: CODE_A,
        policy: '丰台区专精特新企业奖励',
        subject: '',
        measure: '5.3a',
        amount: 500_000,
        year: 2025,
        batch_id: 'b1',
        imported_by: t.users.officer,
        imported_at: t.ctx.now(),
      })
      .execute();
    // A 5.1 award names its tier, and so does the history built from it.
    await award({ applicationId: earliest.id, callId: call2026, measure: '5.1', subject: 'revenue-50m', year: 2025, amount: 180_000 });
    const row = await t.ctx.db.selectFrom('applications').selectAll().where('id', '=', view.id).executeTakeFirstOrThrow();
    const request = await buildEngineRequest(t.ctx.db, row);
    expect(request).toEqual({
      year: 2026,
      enterprise: { creditCode: CODE_A, name: '北京测试甲智能科技有限公司', ...ENTERPRISE },
      facts: FACTS,
      history: [
        { measure: '1', year: 2025, subject: null, amount: 150_000 },
        { measure: '5.1', year: 2025, subject: 'revenue-50m', amount: 180_000 },
        { measure: '1', year: 2026, subject: null, amount: 200_000 },
      ],
      otherPolicyAwards: [
        { policy: '丰台区专精特新企业奖励', measure: '5.3a', amount: 500_000 },
        { policy: '丰台区某项措施', subject: 'SC-1', amount: 450_000 },
      ],
    });
    // The engine takes it as it is: the tier granted in 2025 is not granted again, and the other
    // policy's little-giant award is compared with 5.3a.
    const withRevenue = await applicantA.put(`/api/v1/applications/${view.id}`, {
      facts: {
        ...FACTS,
        revenue: 80_000_000,
        recognitions: [{ id: 'LG-1', type: 'little-giant', level: 'national', date: '2026-06-01' }],
      },
    });
    expect(withRevenue.statusCode).toBe(200);
    const results = (await applicantA.post(`/api/v1/applications/${view.id}/estimate`)).json().results as {
      measure: string;
      subject: string | null;
      status: string;
      amount: number;
      reasons?: string[];
    }[];
    const m51 = results.find((r) => r.measure === '5.1');
    expect(m51).toMatchObject({ subject: 'revenue-50m', status: 'excluded', amount: 0 });
    expect(m51?.reasons?.join('')).toContain('2025年度');
    // 500,000 from the other policy is not less than 5.3a's 最高500,000元: best of, never twice.
    expect(results.find((r) => r.measure === '5.3a')).toMatchObject({ status: 'excluded', amount: 0 });
    expect(results.find((r) => r.measure === '5.3a')?.reasons?.join('')).toContain('丰台区专精特新企业奖励');
  });

  it('overrides the enterprise profile per application, but never the credit code', async () => {
    const callId = await openCall();
    // A model of its own: the ledger rows of the other tests hold M-1 (one-time).
    const facts = { ...FACTS, modelFilings: [{ id: 'M-OVERRIDE', date: '2026-03-01' }] };
    const res = await applicantA.post('/api/v1/applications', {
      callId,
      facts,
      enterprise: { ...ENTERPRISE, aiPartnerProgram: false, name: '甲公司(申报用名)' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json() as View;
    const est = await applicantA.post(`/api/v1/applications/${view.id}/estimate?lang=en`);
    expect(est.json().creditCode).toBe(CODE_A);
    // Not a partner-program enterprise: 第一条 does not apply, 第二条(1) does.
    expect(est.json().total).toBe(500_000);
    // Leaving `enterprise` out of an edit keeps the overrides.
    const kept = await applicantA.put(`/api/v1/applications/${view.id}`, { facts });
    expect((kept.json() as View).request.enterprise).toMatchObject({ aiPartnerProgram: false });
    const strict = await applicantA.put(`/api/v1/applications/${view.id}`, { facts: FACTS, enterprise: { creditCode: CODE_B } });
    expect(strict.statusCode).toBe(400);
    expect(issuePaths(strict.json())).toEqual(['enterprise.creditCode']);
    const missing = await applicantA.put(`/api/v1/applications/${view.id}`, {});
    expect(missing.statusCode).toBe(400);
    expect(issuePaths(missing.json())).toEqual(['facts']);
  });
  it('numbers an application at its first submission in the call’s format, and keeps the number on resubmission', async () => {
    const callId = await openCall();
    const first = await draft(callId);
    const second = await draft(callId, { computeSpend: 2_000_000 }, applicantB);
    // A draft has no number yet.
    expect((await applicantA.get(`/api/v1/applications/${first.id}`)).json().number).toBeNull();
    expect((await submit(applicantA, first.id)).statusCode).toBe(200);
    expect((await submit(applicantB, second.id)).statusCode).toBe(200);
    expect((await applicantA.get(`/api/v1/applications/${first.id}`)).json().number).toBe('丰科AI申〔2027〕0001号');
    expect((await applicantB.get(`/api/v1/applications/${second.id}`)).json().number).toBe('丰科AI申〔2027〕0002号');
    // Returned and resubmitted: the same number.
    expect((await move(first.id, 'formal_check')).statusCode).toBe(200);
    expect((await move(first.id, 'returned', '请补充算力合同')).statusCode).toBe(200);
    expect((await submit(applicantA, first.id)).statusCode).toBe(200);
    expect((await applicantA.get(`/api/v1/applications/${first.id}`)).json().number).toBe('丰科AI申〔2027〕0001号');
    // The officer's list shows it; the audit entry of the submission records it.
    const listed = (await officer.get(`/api/v1/applications?callId=${callId}`)).json().applications as { id: string; number: string }[];
    expect(listed.map((a) => a.number).sort()).toEqual(['丰科AI申〔2027〕0001号', '丰科AI申〔2027〕0002号']);
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('entity_id', '=', second.id)
      .where('action', '=', 'application.submit')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json ?? '{}').number).toBe('丰科AI申〔2027〕0002号');

    // The format is a setting of the call; it must keep {seq}, which makes numbers unique.
    const bad = await officer.patch(`/api/v1/calls/${callId}`, { applicationNumberFormat: '丰科AI申〔{year}〕号' });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad.json())).toEqual(['applicationNumberFormat']);
    const changed = await officer.patch(`/api/v1/calls/${callId}`, { applicationNumberFormat: '丰科AI补〔{year}〕{seq}号' });
    expect(changed.json().applicationNumberFormat).toBe('丰科AI补〔{year}〕{seq}号');
    const third = await legacyDraft(callId, { computeSpend: 3_000_000 }, applicantB);
    // applicantB already holds 第一条 in this call: a subject of its own (第二条第（1）项) then.
    await applicantB.put(`/api/v1/applications/${third.id}`, { facts: { modelFilings: [{ id: 'M-9', date: '2026-05-01' }] } });
    expect((await submit(applicantB, third.id)).statusCode).toBe(200);
    expect((await applicantB.get(`/api/v1/applications/${third.id}`)).json().number).toBe('丰科AI补〔2027〕0003号');
  });
  it('refuses to submit an application that claims nothing, saying so in Chinese', async () => {
    const callId = await openCall();
    const empty = await draft(callId, {}, applicantB);
    const res = await submit(applicantB, empty.id);
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res.json())).toEqual(['facts']);
    expect(res.json().message).toBe('本申报未申报任何支持事项（测算金额为0元）：请勾选申报事项并填写相应数据后再提交');
    expect((await applicantB.get(`/api/v1/applications/${empty.id}`)).json()).toMatchObject({ status: 'draft', number: null });
  });
});
