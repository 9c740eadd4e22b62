import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApplication, insertCall } from '../review/test-fixtures.js';
import { type Client, CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';

interface Result {
  measure: string;
  subject: string | null;
  status: string;
  amount: number;
  reasons?: string[];
}
interface LedgerRow {
  creditCode: string;
  measure: string;
  subject: string | null;
  year: number;
  amount: number;
}
const resultOf = (body: { results: Result[] }, measure: string) => body.results.find((r) => r.measure === measure);

const enterpriseA = { creditCode: CODE_A, registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: false };
const enterpriseB = { creditCode: CODE_B, registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: false };
/** R&D spend up by 3,000,000: 第四条(3) grants 200,000, once per enterprise. */
const rdFacts = { rdSpend: 12_000_000, previousRdSpend: 9_000_000 };

const CSV_HEADER_ZH = '统一社会信用代码,政策名称,支持对象,金额（元）,年度';

describe.each(DIALECTS)('ledger on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let reviewer: Client;
  let applicantA: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    reviewer = await t.login('reviewer1');
    applicantA = await t.login('applicantA');
  });
  afterAll(async () => {
    await t.close();
  });

  const postCsv = (c: Client, csv: string) =>
    c.request('POST', '/api/v1/other-policy-awards/import', { payload: csv, headers: { 'content-type': 'text/csv; charset=utf-8' } });
  const otherAwardCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('other_policy_awards')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('turns committed awards into the ledger, and the ledger into next year’s history', async () => {
    // 2026: the engine grants 4.3 once; the officer approves it and the allocation commits it.
    const calc2026 = await t.anonymous().post('/api/v1/calculate', { year: 2026, enterprise: enterpriseA, facts: rdFacts });
    const granted = resultOf(calc2026.json(), '4.3');
    expect(granted).toMatchObject({ status: 'granted', amount: 200_000 });
    const callId = await insertCall(t.ctx, { year: 2026, totalBudget: 5_000_000, createdBy: t.users.officer });
    const appId = await insertApplication(t.ctx, {
      callId,
      creditCode: CODE_A,
      status: 'under_review',
      items: [{ measure: '4.3', subject: null, engineAmount: granted?.amount ?? 0 }],
      createdBy: t.users.applicantA,
    });
    const approve = await officer.post(`/api/v1/applications/${appId}/approve`, {
      items: [{ measure: '4.3', subject: null, amount: 200_000 }],
    });
    expect(approve.statusCode).toBe(200);
    expect((await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional' })).statusCode).toBe(201);

    const ledger = await officer.get(`/api/v1/ledger?creditCode=${CODE_A}`);
    expect(ledger.statusCode).toBe(200);
    expect(ledger.json()).toEqual({
      rows: [
        {
          creditCode: CODE_A,
          enterpriseName: '北京测试甲智能科技有限公司',
          measure: '4.3',
          subject: null,
          year: 2026,
          amount: 200_000,
          status: 'committed',
          callId,
          applicationId: appId,
          paidAt: null,
          policyVersion: null,
        },
      ],
      total: 200_000,
      page: { limit: 50, next: null, total: 1 },
    });

    // 2027: with the ledger as history the one-time measure is excluded; without it, granted again.
    const history = ledger.json().rows.map((r: LedgerRow) => ({ measure: r.measure, year: r.year, subject: r.subject, amount: r.amount }));
    const calc2027 = await t.anonymous().post('/api/v1/calculate', { year: 2027, enterprise: enterpriseA, facts: rdFacts, history });
    expect(calc2027.statusCode).toBe(200);
    expect(resultOf(calc2027.json(), '4.3')).toMatchObject({ status: 'excluded', amount: 0 });
    const forgetful = await t.anonymous().post('/api/v1/calculate', { year: 2027, enterprise: enterpriseA, facts: rdFacts });
    expect(resultOf(forgetful.json(), '4.3')).toMatchObject({ status: 'granted', amount: 200_000 });

    // Filters.
    expect((await officer.get(`/api/v1/ledger?creditCode=${CODE_A}&year=2026&callId=${callId}`)).json().total).toBe(200_000);
    expect((await officer.get(`/api/v1/ledger?creditCode=${CODE_A}&year=2025`)).json()).toEqual({
      rows: [],
      total: 0,
      page: { limit: 50, next: null, total: 0 },
    });
    expect((await officer.get(`/api/v1/ledger?creditCode=${CODE_B}`)).json()).toEqual({
      rows: [],
      total: 0,
      page: { limit: 50, next: null, total: 0 },
    });
    const badYear = await officer.get('/api/v1/ledger?year=26');
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().issues.map((i: { path: string }) => i.path)).toEqual(['query.year']);

    // An applicant sees its own awards only.
    const own = await applicantA.get('/api/v1/ledger');
    expect(own.statusCode).toBe(200);
    expect(own.json().rows.map((r: LedgerRow) => r.creditCode)).toEqual([CODE_A]);
    expect((await applicantA.get(`/api/v1/ledger?creditCode=${CODE_A}`)).statusCode).toBe(200);
    const other = await applicantA.get(`/api/v1/ledger?creditCode=${CODE_B}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('FTAI_ERR_FORBIDDEN');
    const applicantB = await t.login('applicantB');
    expect((await applicantB.get('/api/v1/ledger')).json()).toEqual({ rows: [], total: 0, page: { limit: 50, next: null, total: 0 } });
    expect((await reviewer.get('/api/v1/ledger')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/v1/ledger')).statusCode).toBe(401);
  });

  it("imports other policies' awards from CSV, which then rule out a smaller award (best of, never twice)", async () => {
    const csv = [
      CSV_HEADER_ZH,
      `${CODE_A},丰台区应用场景建设支持政策,SC-9,700000,2027`,
      `${CODE_B},丰台区首台套支持政策,FS-1,"300000.00",2026`,
      '',
    ].join('\r\n');
    const res = await postCsv(officer, csv);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ rows: 2, amount: 1_000_000 });
    const batchId = res.json().batchId;

    const listed = await officer.get(`/api/v1/other-policy-awards?creditCode=${CODE_A}`);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().awards).toEqual([
      {
        id: expect.any(String),
        creditCode: CODE_A,
        enterpriseName: '北京测试甲智能科技有限公司',
        policy: '丰台区应用场景建设支持政策',
        subject: 'SC-9',
        measure: null,
        amount: 700_000,
        year: 2027,
        batchId,
        importedAt: expect.any(String),
      },
    ]);
    expect((await officer.get(`/api/v1/other-policy-awards?batchId=${batchId}`)).json().total).toBe(1_000_000);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity_id', '=', batchId).execute();
    expect(audit.map((a) => a.action)).toEqual(['other-policy-awards.import']);

    // This policy's 6.2a for SC-9 is 600,000, not strictly more than 700,000: excluded.
    const otherPolicyAwards = listed.json().awards.map((a: { policy: string; subject: string | null; amount: number }) => ({
      policy: a.policy,
      subject: a.subject,
      amount: a.amount,
    }));
    const facts = { scenarioProjects: [{ id: 'SC-9', totalInvestment: 2_000_000, industrial: false, municipalSubsidy: 0 }] };
    const withOther = await t.anonymous().post('/api/v1/calculate', { year: 2027, enterprise: enterpriseA, facts, otherPolicyAwards });
    expect(resultOf(withOther.json(), '6.2a')).toMatchObject({ status: 'excluded', amount: 0 });
    const without = await t.anonymous().post('/api/v1/calculate', { year: 2027, enterprise: enterpriseA, facts });
    expect(resultOf(without.json(), '6.2a')).toMatchObject({ status: 'granted', amount: 600_000 });

    // The same file again: every row is already on record, nothing is imported twice.
    const before = await otherAwardCount();
    const again = await postCsv(officer, csv);
    expect(again.statusCode).toBe(400);
    expect(again.json().issues.map((i: { path: string }) => i.path)).toEqual(['rows[2]', 'rows[3]']);
    expect(again.json().issues[0].message).toContain('already imported');
    expect(await otherAwardCount()).toBe(before);
  });

  it('refuses a CSV with bad rows, naming every one, and imports nothing', async () => {
    const before = await otherAwardCount();
    const csv = [
      'creditCode,policy,subject,amount,year',
      `${CODE_A},政策甲,P-1,100000,2026`, // line 2: good
      '91110106MA0000K01D,政策甲,P-2,100000,2026', // line 3: wrong check character
      `${CODE_B},,P-3,100000.50,1999`, // line 4: no policy, fen, year out of range
      `${CODE_B},政策乙,P-4,12万,2026`, // line 5: not an amount
      `${CODE_B},政策乙,P-5,100000`, // line 6: a column short
      `${CODE_A},政策甲,P-1,100000,2026`, // line 7: line 2 again
    ].join('\n');
    const res = await postCsv(officer, csv);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FTAI_ERR_VALIDATION');
    const issues: { path: string; message: string }[] = res.json().issues;
    expect(issues.map((i) => i.path)).toEqual([
      'rows[3].creditCode',
      'rows[4].policy',
      'rows[4].amount',
      'rows[4].year',
      'rows[5].amount',
      'rows[6]',
    ]);
    expect(issues.find((i) => i.path === 'rows[4].amount')?.message).toContain('whole yuan');
    expect(res.json().error).toContain('nothing was imported');
    expect(await otherAwardCount()).toBe(before);

    // Once the rows are sound, the duplicate inside the file is still refused.
    const dup = await postCsv(
      officer,
      ['creditCode,policy,subject,amount,year', `${CODE_A},政策丙,Q-1,1,2026`, `${CODE_A},政策丙,Q-1,2,2026`].join('\n'),
    );
    expect(dup.statusCode).toBe(400);
    expect(dup.json().issues).toEqual([
      { path: 'rows[3]', code: 'FTAI_ERR_INVALID_FIELD', message: `${CODE_A} 政策丙 Q-1 2026: the same award as line 2` },
    ]);

    const badHeader = await postCsv(officer, 'creditCode,policy,amount,year,remark\n');
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json().issues.map((i: { path: string }) => i.path)).toEqual(['header[4]', 'header']);
    const headerOnly = await postCsv(officer, `${CSV_HEADER_ZH}\n`);
    expect(headerOnly.json().issues.map((i: { path: string }) => i.path)).toEqual(['csv']);
    const unreadable = await postCsv(officer, `${CSV_HEADER_ZH}\n${CODE_A},"政策,P-1,1,2026\n`);
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().issues[0].path).toMatch(/^rows\[\d+\]$/);
    expect(await otherAwardCount()).toBe(before);
  });

  it("imports other policies' awards that name a measure of this policy instead of a subject", async () => {
    const csv = [
      '统一社会信用代码,政策名称,支持对象,对应本措施事项,金额,年度',
      `${CODE_A},丰台区专精特新企业奖励,,5.3a,500000,2026`,
      `${CODE_A},丰台区算力券,,1,300000,2026`,
      `${CODE_A},丰台区首台套支持政策,FS-2,,200000,2026`,
    ].join('\n');
    const res = await postCsv(officer, csv);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rows: 3, amount: 1_000_000 });
    const batchId = res.json().batchId;
    const listed = (await officer.get(`/api/v1/other-policy-awards?batchId=${batchId}&sort=amount`)).json().awards as {
      policy: string;
      subject: string | null;
      measure: string | null;
      amount: number;
    }[];
    expect(listed.map((a) => [a.policy, a.subject, a.measure, a.amount])).toEqual([
      ['丰台区专精特新企业奖励', null, '5.3a', 500_000],
      ['丰台区算力券', null, '1', 300_000],
      ['丰台区首台套支持政策', 'FS-2', null, 200_000],
    ]);
    const stored = await t.ctx.db
      .selectFrom('other_policy_awards')
      .select(['subject', 'measure'])
      .where('batch_id', '=', batchId)
      .orderBy('policy')
      .execute();
    expect(stored.map((r) => [r.subject, r.measure]).sort()).toEqual([
      ['', '1'],
      ['', '5.3a'],
      ['FS-2', ''],
    ]);

    // The English header `measure` alone is enough when every row names a measure; the duplicate
    // check keys on the measure (a subject of the same text is another award).
    const again = await postCsv(
      officer,
      ['creditCode,policy,measure,amount,year', `${CODE_A},丰台区专精特新企业奖励,5.3a,500000,2026`].join('\n'),
    );
    expect(again.statusCode).toBe(400);
    expect(again.json().issues).toEqual([
      {
        path: 'rows[2]',
        code: 'FTAI_ERR_INVALID_FIELD',
        message: expect.stringMatching(new RegExp(`^${CODE_A} 丰台区专精特新企业奖励 measure 5\\.3a 2026: already imported on `)),
      },
    ]);
    const sameText = await postCsv(
      officer,
      ['creditCode,policy,subject,amount,year', `${CODE_A},丰台区专精特新企业奖励,5.3a,1,2026`].join('\n'),
    );
    expect(sameText.statusCode).toBe(201);

    // The engine request the platform builds carries the measure, and the engine compares it with 5.3a.
    const callId = await insertCall(t.ctx, { year: 2026, totalBudget: 5_000_000, createdBy: t.users.officer });
    const appId = await insertApplication(t.ctx, { callId, creditCode: CODE_A, status: 'draft', items: [], createdBy: t.users.applicantA });
    await t.ctx.db
      .updateTable('applications')
      .set({
        request_json: JSON.stringify({
          enterprise: { registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: false },
          facts: { recognitions: [{ id: 'LG-1', type: 'little-giant', level: 'national', date: '2026-05-01' }] },
        }),
      })
      .where('id', '=', appId)
      .execute();
    const est = await applicantA.post(`/api/v1/applications/${appId}/estimate`);
    expect(est.statusCode, est.body).toBe(200);
    const m53a = (est.json().results as Result[]).find((r) => r.measure === '5.3a');
    expect(m53a).toMatchObject({ status: 'excluded', amount: 0 });
    expect(m53a?.reasons?.join('')).toContain('丰台区专精特新企业奖励');
  });

  it('refuses a row that names both a subject and a measure, or neither, or a measure no award may name', async () => {
    const before = await otherAwardCount();
    const csv = [
      'creditCode,policy,subject,measure,amount,year',
      `${CODE_A},政策甲,P-1,,100000,2026`, // line 2: good
      `${CODE_A},政策甲,P-2,5.3a,100000,2026`, // line 3: both
      `${CODE_A},政策甲,,,100000,2026`, // line 4: neither
      `${CODE_A},政策甲,,6.2a,100000,2026`, // line 5: a per-subject measure
      `${CODE_A},政策甲,,5.9,100000,2026`, // line 6: no such measure
    ].join('\n');
    const res = await postCsv(officer, csv);
    expect(res.statusCode).toBe(400);
    const issues: { path: string; message: string }[] = res.json().issues;
    expect(issues.map((i) => i.path)).toEqual(['rows[3].measure', 'rows[4].subject', 'rows[5].measure', 'rows[6].measure']);
    expect(issues[0]?.message).toContain('not both');
    expect(issues[1]?.message).toContain('got neither');
    expect(issues[1]?.message).toContain(
      '1, 2.2, 3.1, 3.2, 3.3, 4.1, 4.3, 5.1, 5.2, 5.3a, 5.3b, 5.4, 6.2c, 6.3a, 8.1, 8.2, 8.3, 9.3, 10.2',
    );
    expect(issues[2]?.message).toContain('measure 6.2a supports an object: give its id as subject instead');
    expect(issues[3]?.message).toContain('got "5.9"');
    expect(issues[3]?.message).toContain('one of 1, 2.2,');
    expect(await otherAwardCount()).toBe(before);
    // A header naming neither column says what it needs.
    const noKey = await postCsv(officer, `creditCode,policy,amount,year\n${CODE_A},政策甲,1,2026\n`);
    expect(noKey.json().issues).toEqual([
      {
        path: 'header',
        code: 'FTAI_ERR_INVALID_FIELD',
        message: expect.stringContaining('subject (支持对象) or measure (对应本措施事项)'),
      },
    ]);
  });

  it('keeps 5.1 by its tier from the engine’s answer to the ledger, and the ledger as next year’s history', async () => {
    const facts2026 = { revenue: 60_000_000, previousRevenue: 40_000_000 };
    const calc2026 = await t.anonymous().post('/api/v1/calculate', { year: 2026, enterprise: enterpriseB, facts: facts2026 });
    expect(resultOf(calc2026.json(), '5.1')).toMatchObject({ subject: 'revenue-50m', status: 'granted', amount: 200_000, review: true });
    // 5.1 is decided on review: a call that approves without one (the review is not what is tested here).
    const callId = await insertCall(t.ctx, { year: 2026, totalBudget: 5_000_000, createdBy: t.users.officer, requiredReviews: 0 });
    const appId = await insertApplication(t.ctx, {
      callId,
      creditCode: CODE_B,
      status: 'under_review',
      items: [{ measure: '5.1', subject: 'revenue-50m', engineAmount: 200_000 }],
      createdBy: t.users.applicantB,
    });
    // The approval names the tier (an expert review may grant less than 最高200,000元).
    const untiered = await officer.post(`/api/v1/applications/${appId}/approve`, {
      items: [{ measure: '5.1', subject: null, amount: 150_000 }],
    });
    expect(untiered.statusCode).toBe(400);
    expect(untiered.json().issues[0].message).toContain('its item of measure 5.1 has subject revenue-50m');
    const approve = await officer.post(`/api/v1/applications/${appId}/approve`, {
      items: [{ measure: '5.1', subject: 'revenue-50m', amount: 150_000 }],
    });
    expect(approve.statusCode, approve.body).toBe(200);
    expect(approve.json().items).toEqual([
      { measure: '5.1', subject: 'revenue-50m', article: 5, engineAmount: 200_000, approvedAmount: 150_000 },
    ]);
    expect((await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional' })).statusCode).toBe(201);
    const ledger = (await officer.get(`/api/v1/ledger?creditCode=${CODE_B}&callId=${callId}`)).json();
    expect(ledger.rows.map((r: LedgerRow) => [r.measure, r.subject, r.year, r.amount])).toEqual([['5.1', 'revenue-50m', 2026, 150_000]]);

    // 2027: revenue 70,000,000 with no earlier figure given. It reaches 5000万元 only, which the
    // ledger holds: nothing new, once ever. Without the ledger the engine cannot tell (待补充信息).
    const facts2027 = { revenue: 70_000_000 };
    const next = await insertCall(t.ctx, { year: 2027, totalBudget: 5_000_000, createdBy: t.users.officer });
    const draftId = await insertApplication(t.ctx, {
      callId: next,
      creditCode: CODE_B,
      status: 'draft',
      items: [],
      createdBy: t.users.applicantB,
    });
    await t.ctx.db
      .updateTable('applications')
      .set({ request_json: JSON.stringify({ enterprise: enterpriseB, facts: facts2027 }) })
      .where('id', '=', draftId)
      .execute();
    const applicantB = await t.login('applicantB');
    const est = await applicantB.post(`/api/v1/applications/${draftId}/estimate`);
    expect(est.statusCode, est.body).toBe(200);
    expect(resultOf(est.json(), '5.1')).toMatchObject({ subject: 'revenue-50m', status: 'excluded', amount: 0 });
    expect(resultOf(est.json(), '5.1')?.reasons?.join('')).toContain('2026年度');
    const forgetful = await t.anonymous().post('/api/v1/calculate', { year: 2027, enterprise: enterpriseB, facts: facts2027 });
    expect(resultOf(forgetful.json(), '5.1')).toMatchObject({ subject: null, status: 'incomplete', amount: 0 });
  });

  it('reads CSV bodies up to 5 MiB, past the 1 MiB limit of JSON', async () => {
    const filler = `${'x'.repeat(99)}\n`.repeat(12_000); // 1.2 MB
    const big = await postCsv(officer, `unknown\n${filler}`);
    expect(big.statusCode).toBe(400);
    expect(big.json().issues[0].path).toBe('header[0]');
    const tooBig = await postCsv(officer, `unknown\n${filler.repeat(5)}`);
    expect(tooBig.statusCode).toBe(413);
  });

  it('takes the CSV as JSON {csv} too', async () => {
    const res = await officer.post('/api/v1/other-policy-awards/import', { csv: `${CSV_HEADER_ZH}\n${CODE_B},政策丁,R-1,5000,2026\n` });
    expect(res.statusCode).toBe(201);
    expect(res.json().rows).toBe(1);
    const bad = await officer.post('/api/v1/other-policy-awards/import', { text: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['csv', 'text']);
  });

  it('lets only officers import and list other awards (403 otherwise)', async () => {
    const before = await otherAwardCount();
    const csv = `${CSV_HEADER_ZH}\n${CODE_A},政策戊,S-1,5000,2026\n`;
    for (const c of [reviewer, applicantA]) {
      const res = await postCsv(c, csv);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FTAI_ERR_FORBIDDEN');
      expect((await c.get('/api/v1/other-policy-awards')).statusCode).toBe(403);
    }
    expect(await otherAwardCount()).toBe(before);
  });
});
