import type { Answer, ParameterFile, ParameterHistory, ParameterVersion } from '@ftai/api';
import { editionFromFile, POLICY_VERSION } from '@ftai/policy-fengtai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachRequiredMaterials, multipartBody } from '../http/attach-materials.js';
import { type Client, CODE_A, CODE_B, createTestApp, DIALECTS, PASSWORD, type TestApp } from '../test/harness.js';
import { createUser } from '../users/create-user.js';
import { editionByNumber, editionInEffect } from './editions.js';

const ENTERPRISE = { registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: false };
/** R&D spend up by 3,000,000: version 1's band “300万元（含）至500万元” pays 200,000. */
const RD_FACTS = { rdSpend: 12_000_000, previousRdSpend: 9_000_000 };
/** 第四条第（3）项 in two bands, as a year's 申报指南 might fix them: the same increase pays 150,000. */
const TWO_BANDS = [
  { min: 1_000_000, amount: 150_000, label: { zh: '100万元（含）至500万元', en: '1,000,000 (incl.) to 5,000,000' } },
  { min: 5_000_000, amount: 450_000, label: { zh: '500万元（含）以上', en: '5,000,000 or more' } },
];
const GUIDE = '2027年度丰台区人工智能产业政策申报指南';
const P2 = `${POLICY_VERSION}+p2`;

const result43 = (answer: Answer) => answer.results.find((r) => r.measure === '4.3');

describe.each(DIALECTS)('policy parameter versions (政策参数版本), on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let officer2: Client;
  let applicantA: Client;
  let applicantB: Client;
  let callId: string;
  let earlyApplication: string;
  let earlyStored: { result_json: string | null; policy_version: string | null };

  const draft = {
    changes: [{ parameter: '4.3.tiers', value: TWO_BANDS }],
    effectiveOn: '2027-04-01',
    reason: '按2027年度申报指南确定研发费用增量的分档和金额',
    authority: GUIDE,
    authorityRef: '丰科信发〔2027〕1号',
  };

  /** After the clock moves every client signs in again (sessions run on the test's clock). */
  const signInAll = async () => {
    officer = await t.login('officer');
    officer2 = await t.login('officer2');
    applicantA = await t.login('applicantA');
    applicantB = await t.login('applicantB');
  };

  const calculate = async () => {
    const res = await t
      .anonymous()
      .post('/api/v1/calculate', { year: 2026, enterprise: { ...ENTERPRISE, creditCode: CODE_A }, facts: RD_FACTS });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Answer;
  };

  /** An application of the enterprise with the R&D facts, submitted now. */
  const submitApplication = async (client: Client) => {
    const created = await client.post('/api/v1/applications', { callId, enterprise: ENTERPRISE, facts: RD_FACTS });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    await attachRequiredMaterials(client, id);
    const submitted = await client.post(`/api/v1/applications/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    return id;
  };

  const stored = (id: string) =>
    t.ctx.db.selectFrom('applications').select(['result_json', 'policy_version']).where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2027-03-10T02:00:00Z' });
    await createUser(t.ctx, { username: 'officer2', displayName: '审批员乙', role: 'officer', password: PASSWORD, actorId: null });
    await signInAll();
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '2027年度人工智能措施申报',
      opensOn: '2027-03-01',
      closesOn: '2027-06-30',
      totalBudget: 5_000_000,
      requiredReviews: 0,
    });
    expect(call.statusCode, call.body).toBe(201);
    callId = call.json().id;
    // Submitted under version 1, before any other version exists.
    earlyApplication = await submitApplication(applicantA);
    earlyStored = await stored(earlyApplication);
    expect(earlyStored.policy_version).toBe(POLICY_VERSION);
  });
  afterAll(async () => {
    await t.close();
  });

  it('starts with version 1, approved and in effect, for anyone to see', async () => {
    const list = await t.anonymous().get('/api/v1/policy/versions');
    expect(list.statusCode, list.body).toBe(200);
    const [v1] = list.json().versions as ParameterVersion[];
    expect(list.json().page).toEqual({ limit: 50, next: null, total: 1 });
    expect(v1).toMatchObject({
      number: 1,
      version: POLICY_VERSION,
      status: 'approved',
      inEffect: true,
      basedOn: null,
      effectiveOn: '2025-10-30',
      authority: '丰台区支持人工智能科技创新和产业创新融合发展的若干措施',
      changes: [],
      draftedBy: null,
    });
    expect(v1?.reason).toContain('假设');
    expect((await editionInEffect(t.ctx)).version).toBe(POLICY_VERSION);
    // The database knows the statuses too (migration 0028).
    await expect(
      t.ctx.db
        .insertInto('policy_versions')
        .values({
          number: 99,
          status: 'in-force' as 'approved',
          based_on: 1,
          changes_json: '[]',
          own_changes_json: '[]',
          effective_on: '2027-04-01',
          reason: '测试',
          authority: GUIDE,
          authority_ref: null,
          drafted_by: null,
          drafted_at: null,
          submitted_at: null,
          decided_by: null,
          decided_at: null,
          decision_note: null,
          updated_at: '2027-03-10T02:00:00.000Z',
        })
        .execute(),
    ).rejects.toThrow(/policy_versions_status|CHECK constraint/);
  });

  it('refuses a draft whose values are off their unit, naming each change in Chinese', async () => {
    const bad = await officer.post('/api/v1/policy/versions', {
      ...draft,
      changes: [
        { parameter: '1.rate', value: 'a lot' },
        { parameter: 'no.such', value: 1 },
      ],
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().code).toBe('FTAI_ERR_VALIDATION');
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['changes[0].value', 'changes[1].parameter']);
    expect(bad.json().message).toBe('第1项修改“算力支持比例”：应为百分比，如“25%”；第2项修改：本政策没有该参数');
    const tiers = await officer.post('/api/v1/policy/versions', {
      ...draft,
      changes: [{ parameter: '4.3.tiers', value: [{ min: 1, amount: 1, label: { zh: '一档' } }] }],
    });
    expect(tiers.statusCode).toBe(400);
    expect(tiers.json().message).toBe('第1项修改“研发费用增量分档”：每一档都应有中英文名称');
    const past = await officer.post('/api/v1/policy/versions', { ...draft, effectiveOn: '2027-03-09' });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({
      issues: [{ path: 'effectiveOn' }],
      message: '生效日期应在今天（2027年3月10日）至2028年12月31日之间',
    });
    expect((await t.anonymous().post('/api/v1/policy/versions', draft)).statusCode).toBe(401);
    expect((await applicantA.post('/api/v1/policy/versions', draft)).statusCode).toBe(403);
    // Nothing was written.
    expect((await officer.get('/api/v1/policy/versions')).json().page.total).toBe(1);
  });

  it('lives as a draft, is edited by its author, submitted, and approved by another officer only', async () => {
    const created = await officer.post('/api/v1/policy/versions', { ...draft, reason: '初稿' });
    expect(created.statusCode, created.body).toBe(201);
    const v2 = created.json() as ParameterVersion;
    expect(v2).toMatchObject({ number: 2, version: P2, status: 'draft', inEffect: false, basedOn: 1, draftedBy: { name: 'officer' } });
    expect(v2.changes).toEqual([
      {
        parameter: '4.3.tiers',
        label: { zh: '研发费用增量分档', en: 'bands of the R&D increase' },
        unit: 'tiers',
        reference: '第四条第（3）项',
        wasAssumed: true,
        before: expect.arrayContaining([expect.objectContaining({ min: 3_000_000, amount: 200_000 })]),
        after: TWO_BANDS,
      },
    ]);
    // A draft is the officers' business.
    expect((await t.anonymous().get('/api/v1/policy/versions/2')).statusCode).toBe(404);
    expect((await t.anonymous().get('/api/v1/policy/versions')).json().page.total).toBe(1);
    expect((await t.anonymous().get('/api/v1/policy/versions/2/parameters.json')).statusCode).toBe(404);
    expect((await officer2.get('/api/v1/policy/versions?status=draft')).json().versions.map((v: ParameterVersion) => v.number)).toEqual([
      2,
    ]);

    // Only its author edits it.
    const foreign = await officer2.put('/api/v1/policy/versions/2', draft);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().message).toBe('只有起草人可以修改该政策参数版本');
    const edited = await officer.put('/api/v1/policy/versions/2', draft);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ reason: draft.reason, authorityRef: '丰科信发〔2027〕1号' });

    const early = await officer2.post('/api/v1/policy/versions/2/approve', {});
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'FTAI_ERR_VERSION_STATUS',
      message: '该政策参数版本尚为草稿，不能再批准；请刷新页面后查看',
    });

    const submitted = await officer.post('/api/v1/policy/versions/2/submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'pending', submittedAt: '2027-03-10T02:00:00.000Z' });
    expect((await officer.put('/api/v1/policy/versions/2', draft)).json().code).toBe('FTAI_ERR_VERSION_STATUS');

    // Four eyes: the author may not decide.
    const own = await officer.post('/api/v1/policy/versions/2/approve', {});
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({
      code: 'FTAI_ERR_OWN_VERSION',
      message: '第2版政策参数由您本人起草，须由其他工作人员批准（双人审批）',
    });
    // A rejection says why.
    const noReason = await officer2.post('/api/v1/policy/versions/2/reject', {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ issues: [{ path: 'note' }], message: '请填写驳回理由' });

    const approved = await officer2.post('/api/v1/policy/versions/2/approve', { note: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      inEffect: false,
      decidedBy: { name: '审批员乙' },
      decisionNote: '同意',
      decidedAt: '2027-03-10T02:00:00.000Z',
    });
    const twice = await officer2.post('/api/v1/policy/versions/2/reject', { note: '重复' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('该政策参数版本已批准，不能再驳回；请刷新页面后查看');

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'before_json', 'after_json'])
      .where('entity', '=', 'policy_version')
      .where('entity_id', '=', '2')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ['policy-version.draft', t.users.officer],
      ['policy-version.update', t.users.officer],
      ['policy-version.submit', t.users.officer],
      ['policy-version.approve', expect.any(String)],
    ]);
    expect(JSON.parse(audit[1]?.before_json ?? '{}')).toMatchObject({ reason: '初稿' });
    expect(JSON.parse(audit[1]?.after_json ?? '{}')).toMatchObject({ reason: draft.reason, changes: draft.changes });
    expect(JSON.parse(audit[3]?.before_json ?? '{}')).toEqual({ status: 'pending' });
    expect(JSON.parse(audit[3]?.after_json ?? '{}')).toEqual({ status: 'approved', effectiveOn: '2027-04-01', note: '同意' });
  });

  it('is public once approved, as a version, a parameter file and a parameter’s history', async () => {
    const one = await t.anonymous().get('/api/v1/policy/versions/2');
    expect(one.statusCode).toBe(200);
    const file = await t.anonymous().get('/api/v1/policy/versions/2/parameters.json');
    expect(file.statusCode, file.body).toBe(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="ftai-parameters-p2.json"');
    expect(file.json()).toEqual({
      policy: 'fengtai-ai-2025',
      number: 2,
      version: P2,
      effectiveOn: '2027-04-01',
      authority: GUIDE,
      changes: [{ parameter: '4.3.tiers', value: TWO_BANDS }],
    } satisfies ParameterFile);
    expect(editionFromFile(file.json()).version).toBe(P2);

    const history = (await t.anonymous().get('/api/v1/policy/parameters')).json() as ParameterHistory;
    expect(history.inEffect).toEqual({ number: 1, version: POLICY_VERSION, effectiveOn: '2025-10-30' });
    const tiers = history.parameters.find((p) => p.id === '4.3.tiers');
    expect(tiers?.assumed?.zh).toContain('原文未列分档金额');
    expect(tiers?.history.map((h) => [h.number, h.effectiveOn, h.authority, h.assumed])).toEqual([
      [1, '2025-10-30', '丰台区支持人工智能科技创新和产业创新融合发展的若干措施', true],
      [2, '2027-04-01', GUIDE, false],
    ]);
    expect(tiers?.history[1]?.value).toEqual(TWO_BANDS);
    expect(history.parameters.find((p) => p.id === '1.rate')?.history).toHaveLength(1);
  });

  it('is not in effect before its date, and is from its first day (Beijing), for new calculations only', async () => {
    const before = await calculate();
    expect(before.policy.version).toBe(POLICY_VERSION);
    expect(result43(before)?.amount).toBe(200_000);
    expect((await t.anonymous().get('/api/v1/measures')).json().policy.version).toBe(POLICY_VERSION);

    // 2027-04-01 00:30 in Beijing is still 2027-03-31 in UTC.
    t.clock.set('2027-03-31T16:30:00Z');
    await signInAll();
    const after = await calculate();
    expect(after.policy.version).toBe(P2);
    expect(result43(after)).toMatchObject({ status: 'granted', amount: 150_000 });
    expect(result43(after)?.explanation?.join('')).toContain(`《${GUIDE}》`);
    expect((await editionInEffect(t.ctx)).number).toBe(2);
    const measures = (await t.anonymous().get('/api/v1/measures')).json();
    expect(measures.policy.version).toBe(P2);
    expect((await t.anonymous().get('/api/v1/measures?version=1')).json().policy.version).toBe(POLICY_VERSION);
    expect((await t.anonymous().get('/api/v1/policy')).json().version).toBe(P2);
    const history = (await t.anonymous().get('/api/v1/policy/parameters')).json() as ParameterHistory;
    expect(history.inEffect.number).toBe(2);
    const tiers = history.parameters.find((p) => p.id === '4.3.tiers');
    expect(tiers?.assumed).toBeNull();
    expect(tiers?.value).toEqual(TWO_BANDS);

    // A match job run now answers every row under version 2.
    const registry = `${JSON.stringify({ year: 2026, enterprise: { ...ENTERPRISE, creditCode: CODE_A, name: '甲公司' }, facts: RD_FACTS })}\n`;
    const job = await officer.request('POST', '/api/v1/match-jobs', await multipartBody('登记表.jsonl', Buffer.from(registry)));
    expect(job.statusCode, job.body).toBe(202);
    await t.ctx.matchJobs.whenSettled(job.json().id);
    const results = await officer.get(`/api/v1/match-jobs/${job.json().id}/results.jsonl`);
    expect(results.statusCode, results.body).toBe(200);
    expect(results.body).toContain(`"version":"${P2}"`);
    expect(results.body).toContain('"amount":150000');

    // The application submitted before keeps its answer and the version it cites; an estimate uses the new one.
    expect(await stored(earlyApplication)).toEqual(earlyStored);
    const view = (await applicantA.get(`/api/v1/applications/${earlyApplication}`)).json();
    expect(view.engineTotal).toBe(200_000);
    const estimate = await applicantA.post(`/api/v1/applications/${earlyApplication}/estimate`);
    expect(estimate.statusCode, estimate.body).toBe(200);
    expect(estimate.json().policy.version).toBe(P2);

    // One submitted now is computed and stored under version 2.
    const late = await submitApplication(applicantB);
    const lateStored = await stored(late);
    expect(lateStored.policy_version).toBe(P2);
    expect(result43(JSON.parse(lateStored.result_json ?? '{}') as Answer)?.amount).toBe(150_000);

    // Each ledger entry records the version its application's answer came from.
    for (const [id, amount] of [
      [earlyApplication, 200_000],
      [late, 150_000],
    ] as const) {
      for (const to of ['formal_check', 'under_review']) {
        const moved = await officer.post(`/api/v1/applications/${id}/transitions`, { to });
        expect(moved.statusCode, moved.body).toBe(200);
      }
      const approve = await officer.post(`/api/v1/applications/${id}/approve`, { items: [{ measure: '4.3', subject: null, amount }] });
      expect(approve.statusCode, approve.body).toBe(200);
    }
    const commit = await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional' });
    expect(commit.statusCode, commit.body).toBe(201);
    const ledger = (await officer.get(`/api/v1/ledger?callId=${callId}`)).json();
    expect(
      (ledger.rows as { creditCode: string; amount: number; policyVersion: string }[])
        .map((r) => [r.creditCode, r.amount, r.policyVersion])
        .sort(),
    ).toEqual([
      [CODE_A, 200_000, POLICY_VERSION],
      [CODE_B, 150_000, P2],
    ]);
  });

  it('is rejected with a reason, withdrawn by its author, and never approved for a day already past', async () => {
    const base = { ...draft, changes: [{ parameter: '1.rate', value: '25%' }], effectiveOn: '2027-05-01' };
    const v3 = (await officer2.post('/api/v1/policy/versions', base)).json() as ParameterVersion;
    // Based on the version in effect: its changes are version 2's and its own.
    expect(v3).toMatchObject({ number: 3, basedOn: 2 });
    expect((await editionByNumber(t.ctx.db, 3)).changes.map((c) => c.parameter)).toEqual(['1.rate', '4.3.tiers']);
    expect((await officer2.post('/api/v1/policy/versions/3/submit', {})).statusCode).toBe(200);
    const rejected = await officer.post('/api/v1/policy/versions/3/reject', { note: '比例须经局务会研究' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: '比例须经局务会研究', decidedBy: { name: 'officer' } });

    const v4 = (await officer.post('/api/v1/policy/versions', base)).json() as ParameterVersion;
    expect((await officer2.post(`/api/v1/policy/versions/${v4.number}/withdraw`, {})).statusCode).toBe(403);
    const withdrawn = await officer.post(`/api/v1/policy/versions/${v4.number}/withdraw`, { note: '另行起草' });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });

    const v5 = (await officer.post('/api/v1/policy/versions', { ...base, effectiveOn: '2027-04-01' })).json() as ParameterVersion;
    expect((await officer.post(`/api/v1/policy/versions/${v5.number}/submit`, {})).statusCode).toBe(200);
    t.clock.set('2027-04-02T02:00:00Z');
    await signInAll();
    const late = await officer2.post(`/api/v1/policy/versions/${v5.number}/approve`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'FTAI_ERR_EFFECTIVE_DATE',
      message: `第${v5.number}版政策参数的生效日期为2027年4月1日，生效日期应在今天（2027年4月2日）至2028年12月31日之间：请驳回该版本，并以新的生效日期重新起草`,
    });

    // A version drafted on version 1 would undo version 2, approved since and in effect before it.
    const stale = (await officer.post('/api/v1/policy/versions', { ...base, basedOn: 1 })).json() as ParameterVersion;
    expect(stale).toMatchObject({ number: 6, basedOn: 1 });
    expect((await officer.post('/api/v1/policy/versions/6/submit')).statusCode).toBe(200);
    const overtaken = await officer2.post('/api/v1/policy/versions/6/approve', {});
    expect(overtaken.statusCode).toBe(409);
    expect(overtaken.json()).toMatchObject({
      code: 'FTAI_ERR_CONFLICT',
      message:
        '第6版政策参数以第1版为基础起草，其后第2版已获批准且先行生效，批准本版将撤销第2版的修改：请驳回本版，并以第2版为基础重新起草',
    });

    // The public sees the approved ones, newest first, a page at a time.
    const page1 = (await t.anonymous().get('/api/v1/policy/versions?limit=1')).json();
    expect(page1.versions.map((v: ParameterVersion) => v.number)).toEqual([2]);
    expect(page1.page.total).toBe(2);
    const page2 = (await t.anonymous().get(`/api/v1/policy/versions?limit=1&after=${page1.page.next}`)).json();
    expect(page2.versions.map((v: ParameterVersion) => v.number)).toEqual([1]);
    expect(page2.page.next).toBeNull();
    expect((await officer.get('/api/v1/policy/versions')).json().versions.map((v: ParameterVersion) => [v.number, v.status])).toEqual([
      [6, 'pending'],
      [5, 'pending'],
      [4, 'withdrawn'],
      [3, 'rejected'],
      [2, 'approved'],
      [1, 'approved'],
    ]);
    expect((await t.anonymous().get('/api/v1/measures?version=3')).statusCode).toBe(404);
    expect((await officer.get('/api/v1/measures?version=3')).json().policy.version).toBe(`${POLICY_VERSION}+p3`);
  });
});
