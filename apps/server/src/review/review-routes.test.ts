import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { type FixtureItem, insertApplication, insertCall } from './test-fixtures.js';

interface Issue {
  path: string;
  code: string;
  message: string;
}
const paths = (body: { issues: Issue[] }) => body.issues.map((i) => i.path);
/** Enterprises of their own for the conflict-of-interest tests, so that the ties they record bind no other test. */
const CODE_TIED = '91110106MA0000K05Q';
const CODE_DECLARED = '91110106MA0000K07Y';
const CODE_LATE = '91110106MA0000K095';
const CODE_TWO_REVIEWS = '91110106MAC43G000W';
const good = { innovation: 25, feasibility: 20, impact: 20, compliance: 10 };

describe.each(DIALECTS)('review on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let reviewer1: Client;
  let reviewer2: Client;
  let applicantA: Client;
  let callId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    reviewer1 = await t.login('reviewer1');
    reviewer2 = await t.login('reviewer2');
    applicantA = await t.login('applicantA');
    callId = await insertCall(t.ctx, { year: 2026, totalBudget: 10_000_000, createdBy: t.users.officer });
  });
  afterAll(async () => {
    await t.close();
  });

  const underReview = (creditCode = CODE_A, items: FixtureItem[] = [{ measure: '2.1', subject: 'M-1', engineAmount: 500_000 }]) =>
    insertApplication(t.ctx, { callId, creditCode, status: 'under_review', items, createdBy: t.users.applicantA });

  const auditActions = async (entityId: string) =>
    (await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('seq').execute()).map(
      (r) => r.action,
    );

  it('publishes the rubric, 100 points in four criteria', async () => {
    const res = await t.anonymous().get('/api/v1/reviews/rubric');
    expect(res.statusCode).toBe(200);
    expect(res.json().max).toBe(100);
    expect(res.json().criteria.map((c: { id: string; label: { zh: string }; max: number }) => [c.id, c.label.zh, c.max])).toEqual([
      ['innovation', '技术创新性', 30],
      ['feasibility', '实施可行性', 30],
      ['impact', '产业带动效果', 25],
      ['compliance', '材料合规性', 15],
    ]);
  });

  it('assigns a reviewer once, and refuses a reviewer tied to the enterprise', async () => {
    const appId = await underReview(CODE_TIED);
    const link = await officer.post(`/api/v1/users/${t.users.reviewer2}/links`, { creditCode: CODE_TIED, relation: '持有该企业股份' });
    expect(link.statusCode).toBe(201);

    const tied = await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer2 });
    expect(tied.statusCode).toBe(409);
    expect(tied.json().code).toBe('FTAI_ERR_CONFLICT_OF_INTEREST');
    expect(tied.json().error).toContain('持有该企业股份');

    const ok = await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer1 });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      applicationId: appId,
      reviewerId: t.users.reviewer1,
      isDeclared: false,
      isScored: false,
      application: { creditCode: CODE_TIED, enterpriseName: CODE_TIED, status: 'under_review', engineTotal: 500_000 },
    });
    expect(await auditActions(ok.json().id)).toEqual(['review.assign']);

    const twice = await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer1 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('FTAI_ERR_CONFLICT');

    const notReviewer = await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.applicantA });
    expect(notReviewer.statusCode).toBe(400);
    expect(paths(notReviewer.json())).toEqual(['reviewerId']);
    const missing = await officer.post(`/api/v1/applications/${appId}/assignments`, {});
    expect(missing.statusCode).toBe(400);
    expect(paths(missing.json())).toEqual(['reviewerId']);

    const submitted = await insertApplication(t.ctx, {
      callId,
      creditCode: CODE_B,
      status: 'submitted',
      items: [],
      createdBy: t.users.applicantB,
    });
    const early = await officer.post(`/api/v1/applications/${submitted}/assignments`, { reviewerId: t.users.reviewer1 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toContain('submitted');
    expect((await officer.post('/api/v1/applications/nope/assignments', { reviewerId: t.users.reviewer1 })).statusCode).toBe(404);
  });

  it('lets only officers assign and withdraw (403 for reviewers and applicants)', async () => {
    const appId = await underReview(CODE_B);
    for (const c of [reviewer1, applicantA]) {
      const res = await c.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer1 });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FTAI_ERR_FORBIDDEN');
    }
    const a = (await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer1 })).json();
    expect((await reviewer1.post(`/api/v1/assignments/${a.id}/withdraw`)).statusCode).toBe(403);
    expect((await applicantA.post(`/api/v1/assignments/${a.id}/withdraw`)).statusCode).toBe(403);

    const withdrawn = await officer.post(`/api/v1/assignments/${a.id}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(await t.ctx.db.selectFrom('review_assignments').select('id').where('id', '=', a.id).executeTakeFirst()).toBeUndefined();
    expect(await auditActions(a.id)).toEqual(['review.assign', 'review.withdraw']);
    expect((await officer.post(`/api/v1/assignments/${a.id}/withdraw`)).statusCode).toBe(404);
  });

  it('lets only the assigned reviewer declare and score, after declaring, within the rubric', async () => {
    const appId = await underReview();
    const a1 = (await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer1 })).json();

    for (const c of [reviewer2, applicantA, officer]) {
      const declared = await c.post(`/api/v1/assignments/${a1.id}/declaration`, { noConflict: true });
      expect(declared.statusCode).toBe(403);
      const scored = await c.post(`/api/v1/assignments/${a1.id}/score`, { scores: good, comment: '良好' });
      expect(scored.statusCode).toBe(403);
    }

    const early = await reviewer1.post(`/api/v1/assignments/${a1.id}/score`, { scores: good, comment: '良好' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toContain('declare');

    const declared = await reviewer1.post(`/api/v1/assignments/${a1.id}/declaration`, { noConflict: true });
    expect(declared.statusCode).toBe(200);
    expect(declared.json()).toMatchObject({ isWithdrawn: false, assignment: { id: a1.id, isDeclared: true, isScored: false } });
    expect((await reviewer1.post(`/api/v1/assignments/${a1.id}/declaration`, { noConflict: true })).statusCode).toBe(409);

    const tooHigh = await reviewer1.post(`/api/v1/assignments/${a1.id}/score`, { scores: { ...good, innovation: 31 }, comment: 'x' });
    expect(tooHigh.statusCode).toBe(400);
    expect(paths(tooHigh.json())).toEqual(['scores.innovation']);
    expect(tooHigh.json().issues[0].message).toContain('30');
    const bad = await reviewer1.post(`/api/v1/assignments/${a1.id}/score`, {
      scores: { innovation: 20.5, feasibility: -1, impact: 20 },
      comment: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json()).sort()).toEqual(['comment', 'scores.compliance', 'scores.feasibility', 'scores.innovation']);
    const extra = await reviewer1.post(`/api/v1/assignments/${a1.id}/score`, { scores: { ...good, style: 5 }, comment: 'x' });
    expect(paths(extra.json())).toEqual(['scores.style']);

    const scored = await reviewer1.post(`/api/v1/assignments/${a1.id}/score`, { scores: good, comment: '创新性较强' });
    expect(scored.statusCode).toBe(200);
    expect(scored.json()).toMatchObject({ applicationScore: 75, assignment: { totalScore: 75, isScored: true, scores: good } });

    // A second reviewer: the application's score is the mean, rounded down to a whole point.
    const a2 = (await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer2 })).json();
    await reviewer2.post(`/api/v1/assignments/${a2.id}/declaration`, { noConflict: true, note: '与该企业无关联' });
    const second = await reviewer2.post(`/api/v1/assignments/${a2.id}/score`, {
      scores: { innovation: 30, feasibility: 30, impact: 10, compliance: 10 },
      comment: '实施条件成熟',
    });
    expect(second.json().applicationScore).toBe(77); // floor((75 + 80) / 2)
    const rescored = await reviewer1.post(`/api/v1/assignments/${a1.id}/score`, {
      scores: { ...good, compliance: 6 },
      comment: '材料略有欠缺',
    });
    expect(rescored.json()).toMatchObject({ applicationScore: 75, assignment: { totalScore: 71 } }); // floor((71 + 80) / 2)
    const stored = await t.ctx.db.selectFrom('applications').select('score').where('id', '=', appId).executeTakeFirstOrThrow();
    expect(Number(stored.score)).toBe(75);
    expect(await auditActions(a1.id)).toEqual(['review.assign', 'review.declare', 'review.score', 'review.score']);

    // A scored review stays on record.
    expect((await officer.post(`/api/v1/assignments/${a1.id}/withdraw`)).statusCode).toBe(409);
  });

  it('shows a reviewer only its own assignments, officers all of an application, applicants nothing', async () => {
    const appId = await underReview(CODE_B);
    const mine = (await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer1 })).json();
    const theirs = (await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer2 })).json();

    const r1 = await reviewer1.get('/api/v1/reviews');
    expect(r1.statusCode).toBe(200);
    const r1Ids = r1.json().assignments.map((a: { id: string }) => a.id);
    expect(r1Ids).toContain(mine.id);
    expect(r1Ids).not.toContain(theirs.id);
    expect(r1.json().assignments.every((a: { reviewerId: string }) => a.reviewerId === t.users.reviewer1)).toBe(true);
    const r1One = await reviewer1.get(`/api/v1/reviews?applicationId=${appId}`);
    expect(r1One.json().assignments.map((a: { id: string }) => a.id)).toEqual([mine.id]);
    expect(r1One.json().assignments[0].application).toMatchObject({
      id: appId,
      callId,
      enterpriseName: '北京测试乙智能科技有限公司',
      engineTotal: 500_000,
      items: [{ measure: '2.1', subject: 'M-1', engineAmount: 500_000 }],
    });

    const all = await officer.get(`/api/v1/reviews?applicationId=${appId}`);
    expect(
      all
        .json()
        .assignments.map((a: { id: string }) => a.id)
        .sort(),
    ).toEqual([mine.id, theirs.id].sort());
    expect((await applicantA.get('/api/v1/reviews')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/v1/reviews')).statusCode).toBe(401);
  });

  it('records a declared conflict as a tie and withdraws the assignment', async () => {
    const appId = await underReview(CODE_DECLARED);
    const a = (await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer1 })).json();
    const res = await reviewer1.post(`/api/v1/assignments/${a.id}/declaration`, { noConflict: false, note: '曾任该企业技术顾问' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ isWithdrawn: true, assignment: null });
    expect(await t.ctx.db.selectFrom('review_assignments').select('id').where('id', '=', a.id).executeTakeFirst()).toBeUndefined();
    const link = await t.ctx.db
      .selectFrom('reviewer_links')
      .select('relation')
      .where('reviewer_id', '=', t.users.reviewer1)
      .where('credit_code', '=', CODE_DECLARED)
      .executeTakeFirstOrThrow();
    expect(link.relation).toBe('declared by reviewer: 曾任该企业技术顾问');
    expect(await auditActions(a.id)).toEqual(['review.assign', 'review.declare']);

    const again = await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('FTAI_ERR_CONFLICT_OF_INTEREST');
  });

  it('drops the score of a reviewer who declares a conflict after scoring', async () => {
    const appId = await underReview(CODE_LATE);
    const a = (await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer2 })).json();
    await reviewer2.post(`/api/v1/assignments/${a.id}/declaration`, { noConflict: true });
    const scored = await reviewer2.post(`/api/v1/assignments/${a.id}/score`, { scores: good, comment: '良好' });
    expect(scored.json().applicationScore).toBe(75);
    const declared = await reviewer2.post(`/api/v1/assignments/${a.id}/declaration`, { noConflict: false });
    expect(declared.json()).toEqual({ isWithdrawn: true, assignment: null });
    const app = await t.ctx.db.selectFrom('applications').select('score').where('id', '=', appId).executeTakeFirstOrThrow();
    expect(app.score).toBeNull();
    const link = await t.ctx.db
      .selectFrom('reviewer_links')
      .select('relation')
      .where('reviewer_id', '=', t.users.reviewer2)
      .where('credit_code', '=', CODE_LATE)
      .executeTakeFirstOrThrow();
    expect(link.relation).toBe('declared by reviewer');
  });

  it("approves amounts up to the engine's figure, every item once", async () => {
    const appId = await underReview(CODE_A, [
      { measure: '1', subject: null, engineAmount: 1_000_000 },
      { measure: '6.2a', subject: 'SC-1', engineAmount: 600_000 },
    ]);
    const url = `/api/v1/applications/${appId}/approve`;

    const over = await officer.post(url, {
      items: [
        { measure: '1', subject: null, amount: 1_000_001 },
        { measure: '6.2a', subject: 'SC-1', amount: 600_000 },
      ],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().code).toBe('FTAI_ERR_OVER_ENGINE');
    expect(paths(over.json())).toEqual(['items[0].amount']);
    expect(over.json().issues[0].message).toContain('1,000,000');

    const missing = await officer.post(url, { items: [{ measure: '1', subject: null, amount: 900_000 }] });
    expect(missing.statusCode).toBe(400);
    expect(paths(missing.json())).toEqual(['items']);
    expect(missing.json().issues[0].message).toContain('6.2a subject SC-1');

    const unknown = await officer.post(url, {
      items: [
        { measure: '1', subject: null, amount: 900_000 },
        { measure: '6.2a', subject: 'SC-2', amount: 1 },
        { measure: '6.2a', subject: 'SC-1', amount: 1 },
        { measure: '1', subject: null, amount: 1 },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(paths(unknown.json())).toEqual(['items[1]', 'items[3]']);

    const fractional = await officer.post(url, { items: [{ measure: '1', subject: null, amount: 0.5 }] });
    expect(paths(fractional.json())).toEqual(['items[0].amount']);

    for (const c of [reviewer1, applicantA]) {
      expect((await c.post(url, { items: [] })).statusCode).toBe(403);
    }
    const unchanged = await t.ctx.db
      .selectFrom('applications')
      .select(['status', 'approved_total'])
      .where('id', '=', appId)
      .executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ status: 'under_review', approved_total: null });

    const ok = await officer.post(url, {
      items: [
        { measure: '6.2a', subject: 'SC-1', amount: 600_000 },
        { measure: '1', subject: null, amount: 800_000 },
      ],
      note: '第一条按专家意见核减',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      id: appId,
      status: 'approved',
      engineTotal: 1_600_000,
      approvedTotal: 1_400_000,
      items: [
        { measure: '1', subject: null, article: 1, engineAmount: 1_000_000, approvedAmount: 800_000 },
        { measure: '6.2a', subject: 'SC-1', article: 6, engineAmount: 600_000, approvedAmount: 600_000 },
      ],
    });
    const app = await t.ctx.db
      .selectFrom('applications')
      .select(['status', 'approved_total'])
      .where('id', '=', appId)
      .executeTakeFirstOrThrow();
    expect({ status: app.status, approvedTotal: Number(app.approved_total) }).toEqual({ status: 'approved', approvedTotal: 1_400_000 });
    const items = await t.ctx.db
      .selectFrom('application_items')
      .select(['measure', 'approved_amount'])
      .where('application_id', '=', appId)
      .orderBy('measure')
      .execute();
    expect(items.map((i) => [i.measure, Number(i.approved_amount)])).toEqual([
      ['1', 800_000],
      ['6.2a', 600_000],
    ]);
    const event = await t.ctx.db
      .selectFrom('application_events')
      .select(['from_status', 'to_status', 'note', 'actor_id'])
      .where('application_id', '=', appId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ from_status: 'under_review', to_status: 'approved', note: '第一条按专家意见核减', actor_id: t.users.officer });
    expect(await auditActions(appId)).toEqual(['application.approve', 'application.transition']);

    const twice = await officer.post(url, { items: [] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('FTAI_ERR_TRANSITION');
  });

  it('stops reviewing once the application is decided', async () => {
    const appId = await underReview(CODE_A, [{ measure: '3.1', subject: null, engineAmount: 500_000 }]);
    const a = (await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer1 })).json();
    await reviewer1.post(`/api/v1/assignments/${a.id}/declaration`, { noConflict: true });
    // The call's one review is in (reviewer2's); reviewer1 has declared but not scored when the officer decides.
    const b = (await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer2 })).json();
    await reviewer2.post(`/api/v1/assignments/${b.id}/declaration`, { noConflict: true });
    expect((await reviewer2.post(`/api/v1/assignments/${b.id}/score`, { scores: good, comment: '材料齐全' })).statusCode).toBe(200);
    const approved = await officer.post(`/api/v1/applications/${appId}/approve`, {
      items: [{ measure: '3.1', subject: null, amount: 400_000 }],
    });
    expect(approved.statusCode).toBe(200);
    const late = await reviewer1.post(`/api/v1/assignments/${a.id}/score`, { scores: good, comment: '迟到的评分' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toContain('approved');
  });

  it('waits for the reviews the call requires before approval, and counts no conflicted review', async () => {
    const created = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '需两份评审的批次',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 5_000_000,
      requiredReviews: 2,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().requiredReviews).toBe(2);
    const twoCall = created.json().id as string;
    const appId = await insertApplication(t.ctx, {
      callId: twoCall,
      creditCode: CODE_TWO_REVIEWS,
      status: 'under_review',
      items: [{ measure: '3.1', subject: null, engineAmount: 500_000 }],
      createdBy: t.users.applicantA,
    });
    const url = `/api/v1/applications/${appId}/approve`;
    const items = [{ measure: '3.1', subject: null, amount: 500_000 }];
    const progress = async () => (await officer.get(`/api/v1/applications/${appId}`)).json().reviews;
    expect(await progress()).toEqual({ required: 2, completed: 0 });

    const none = await officer.post(url, { items });
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ code: 'FTAI_ERR_REVIEWS_MISSING' });
    expect(none.json().error).toContain('2 completed expert reviews');

    // Two scored reviews, one of them by a reviewer whose tie to the enterprise is recorded after the score: one counts.
    for (const [reviewer, client] of [
      [t.users.reviewer1, reviewer1],
      [t.users.reviewer2, reviewer2],
    ] as const) {
      const a = (await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: reviewer })).json();
      await client.post(`/api/v1/assignments/${a.id}/declaration`, { noConflict: true });
      expect((await client.post(`/api/v1/assignments/${a.id}/score`, { scores: good, comment: '材料齐全' })).statusCode).toBe(200);
    }
    expect(await progress()).toEqual({ required: 2, completed: 2 });
    await t.ctx.db
      .insertInto('reviewer_links')
      .values({ reviewer_id: t.users.reviewer1, credit_code: CODE_TWO_REVIEWS, relation: '评分后发现的亲属关系', created_at: t.ctx.now() })
      .execute();
    expect(await progress()).toEqual({ required: 2, completed: 1 });
    const one = await officer.post(url, { items });
    expect(one.statusCode).toBe(409);
    expect(one.json().error).toContain('1 is done');
    // Nothing changed on the refused attempts.
    expect((await officer.get(`/api/v1/applications/${appId}`)).json().status).toBe('under_review');

    // The officer lowers the call's requirement to one (audited as any change to the call): the approval goes through.
    const lowered = await officer.patch(`/api/v1/calls/${twoCall}`, { requiredReviews: 1 });
    expect(lowered.statusCode).toBe(200);
    expect(lowered.json().requiredReviews).toBe(1);
    expect((await officer.post(url, { items })).statusCode).toBe(200);
    const wrong = await officer.patch(`/api/v1/calls/${twoCall}`, { requiredReviews: 1.5 });
    expect(wrong.statusCode).toBe(400);
    expect(paths(wrong.json())).toEqual(['requiredReviews']);
  });

  it('needs no review for an application without an item decided on review', async () => {
    const appId = await underReview(CODE_B, [{ measure: '1', subject: null, engineAmount: 500_000 }]);
    expect((await officer.get(`/api/v1/applications/${appId}`)).json().reviews).toEqual({ required: 0, completed: 0 });
    const approved = await officer.post(`/api/v1/applications/${appId}/approve`, {
      items: [{ measure: '1', subject: null, amount: 500_000 }],
    });
    expect(approved.statusCode).toBe(200);
  });

  it('keeps the audit chain whole', async () => {
    const v = await officer.get('/api/v1/audit/verify');
    expect(v.json()).toMatchObject({ ok: true, problems: [] });
  });
});
