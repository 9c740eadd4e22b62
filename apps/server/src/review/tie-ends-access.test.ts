import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentKey } from '../applications/store-attachment.js';
import { newId, sha256 } from '../ids.js';
import { putBytes } from '../storage/blob-store.js';
import { type Client, CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { insertApplication, insertCall } from './test-fixtures.js';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const CODE_C = '91110106MA0000K05Q';

describe.each(DIALECTS)('a recorded tie (利益关联) ends a reviewer’s access on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let applicantA: Client;
  let reviewer1: Client;
  let reviewer2: Client;
  let callId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    applicantA = await t.login('applicantA');
    reviewer1 = await t.login('reviewer1');
    reviewer2 = await t.login('reviewer2');
    callId = await insertCall(t.ctx, { year: 2026, totalBudget: 10_000_000, createdBy: t.users.officer });
  });
  afterAll(async () => {
    await t.close();
  });

  /** An application under review with one attached file, assigned to `reviewerId`. */
  async function assigned(creditCode: string, reviewerId: string, subject: string) {
    const applicationId = await insertApplication(t.ctx, {
      callId,
      creditCode,
      status: 'under_review',
      items: [{ measure: '2.1', subject, engineAmount: 500_000 }],
      createdBy: t.users.applicantA,
    });
    const hash = sha256(PNG);
    await putBytes(t.ctx.blobs, attachmentKey(hash), PNG);
    const attachmentId = newId();
    await t.ctx.db
      .insertInto('attachments')
      .values({
        id: attachmentId,
        application_id: applicationId,
        sha256: hash,
        filename: '模型备案证明.png',
        mime: 'image/png',
        size: PNG.length,
        uploaded_by: t.users.applicantA,
        at: t.ctx.now(),
      })
      .execute();
    const res = await officer.post(`/api/v1/applications/${applicationId}/assignments`, { reviewerId });
    expect(res.statusCode, res.body).toBe(201);
    return { applicationId, attachmentId, assignmentId: res.json().id as string };
  }

  /** What `reviewer` gets on each read of the application: the application, its timeline, its files, one file; and whether its lists show it. */
  async function reads(reviewer: Client, a: { applicationId: string; attachmentId: string }) {
    const listed = (await reviewer.get('/api/v1/applications')).json().applications.map((x: { id: string }) => x.id);
    const reviews = (await reviewer.get('/api/v1/reviews')).json().assignments.map((x: { applicationId: string }) => x.applicationId);
    return {
      application: (await reviewer.get(`/api/v1/applications/${a.applicationId}`)).statusCode,
      timeline: (await reviewer.get(`/api/v1/applications/${a.applicationId}/timeline`)).statusCode,
      attachments: (await reviewer.get(`/api/v1/applications/${a.applicationId}/attachments`)).statusCode,
      file: (await reviewer.get(`/api/v1/attachments/${a.attachmentId}`)).statusCode,
      isListed: listed.includes(a.applicationId),
      isInReviews: reviews.includes(a.applicationId),
    };
  }
  const SEES = { application: 200, timeline: 200, attachments: 200, file: 200, isListed: true, isInReviews: true };
  const HIDDEN = { application: 403, timeline: 403, attachments: 403, file: 403, isListed: false, isInReviews: false };

  it('hides every application of the enterprise once the reviewer declares a conflict on one of them', async () => {
    const first = await assigned(CODE_A, t.users.reviewer1, 'M-1');
    const second = await assigned(CODE_A, t.users.reviewer1, 'M-2');
    expect(await reads(reviewer1, first)).toEqual(SEES);
    expect(await reads(reviewer1, second)).toEqual(SEES);

    const declared = await reviewer1.post(`/api/v1/assignments/${first.assignmentId}/declaration`, {
      noConflict: false,
      note: '曾任技术顾问',
    });
    expect(declared.statusCode, declared.body).toBe(200);
    expect(declared.json()).toEqual({ isWithdrawn: true, assignment: null });

    expect(await reads(reviewer1, first)).toEqual(HIDDEN);
    // Still assigned to the second application, but tied to its enterprise now.
    expect(await reads(reviewer1, second)).toEqual(HIDDEN);
    const refused = await reviewer1.get(`/api/v1/applications/${second.applicationId}`);
    expect(refused.json()).toMatchObject({
      code: 'FTAI_ERR_FORBIDDEN',
      error: expect.stringContaining('none of an enterprise it is tied to'),
    });
    const vouched = await reviewer1.post(`/api/v1/assignments/${second.assignmentId}/declaration`, { noConflict: true });
    expect(vouched.statusCode).toBe(409);
    expect(vouched.json().code).toBe('FTAI_ERR_CONFLICT_OF_INTEREST');

    // The officer and the applicant still see both.
    for (const c of [officer, applicantA]) {
      expect((await c.get(`/api/v1/applications/${second.applicationId}/timeline`)).statusCode).toBe(200);
      expect((await c.get(`/api/v1/attachments/${second.attachmentId}`)).statusCode).toBe(200);
    }
  });

  it('hides an assigned application as soon as an officer records a tie', async () => {
    const a = await assigned(CODE_B, t.users.reviewer2, 'M-3');
    expect(await reads(reviewer2, a)).toEqual(SEES);
    const link = await officer.post(`/api/v1/users/${t.users.reviewer2}/links`, { creditCode: CODE_B, relation: '配偶在该企业任职' });
    expect(link.statusCode, link.body).toBe(201);
    expect(await reads(reviewer2, a)).toEqual(HIDDEN);
  });

  it('records a conflict declared after the review is over: the decision stands, the access ends', async () => {
    const a = await assigned(CODE_C, t.users.reviewer1, 'M-4');
    await t.ctx.db.updateTable('applications').set({ status: 'approved' }).where('id', '=', a.applicationId).execute();
    expect(await reads(reviewer1, a)).toEqual(SEES);

    const late = await reviewer1.post(`/api/v1/assignments/${a.assignmentId}/declaration`, { noConflict: false, note: '后发现持股' });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toEqual({ isWithdrawn: false, assignment: null });
    expect(await reads(reviewer1, a)).toEqual(HIDDEN);
    const links = await t.ctx.db.selectFrom('reviewer_links').select('relation').where('credit_code', '=', CODE_C).execute();
    expect(links).toEqual([{ relation: 'declared by reviewer: 后发现持股' }]);
    const kept = await t.ctx.db.selectFrom('review_assignments').select('id').where('id', '=', a.assignmentId).execute();
    expect(kept).toHaveLength(1);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity_id', '=', a.assignmentId)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'review.assign', actor_id: t.users.officer },
      { action: 'review.declare', actor_id: t.users.reviewer1 },
    ]);
    // A declaration of no conflict is still made only while under review.
    const none = await reviewer1.post(`/api/v1/assignments/${a.assignmentId}/declaration`, { noConflict: true });
    expect(none.statusCode).toBe(409);
  });
});
