import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertApplication, insertCall } from '../review/test-fixtures.js';
import { type Client, CODE_A, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';

const NAME_A = '北京测试甲智能科技有限公司';

describe.each(DIALECTS)('the enterprise’s bank account for payments (收款账户) on %s', (dialect) => {
  let t: TestApp;
  let applicant: Client;
  let officer: Client;
  const url = '/api/v1/enterprises/me/bank-account';
  const paths = (body: { issues: { path: string }[] }) => body.issues.map((i) => i.path);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    applicant = await t.login('applicantA');
    officer = await t.login('officer');
  });
  afterAll(async () => {
    await t.close();
  });

  it('is given by the enterprise in its own name, audited with the account before and after', async () => {
    const before = (await applicant.get('/api/v1/enterprises/me')).json().bankAccount;
    // Another party's account: refused, the enterprise's name said.
    const other = await applicant.put(url, {
      accountName: '北京某某投资有限公司',
      bankName: '中国银行丰台支行',
      accountNo: '6216610100001234',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().issues[0]).toMatchObject({ path: 'accountName' });
    expect(other.json().issues[0].message).toContain(NAME_A);
    // Not a number of 8 to 32 digits, and a bank left empty.
    const bad = await applicant.put(url, { accountName: NAME_A, bankName: '', accountNo: '6216-61AB' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json()).sort()).toEqual(['accountNo', 'bankName']);
    expect((await applicant.get('/api/v1/enterprises/me')).json().bankAccount).toEqual(before);

    // Spaces and dashes between the groups of digits are dropped; brackets of either width are one name.
    const ok = await applicant.put(url, {
      accountName: '北京测试甲智能科技有限公司 ',
      bankName: '中国银行北京丰台支行',
      accountNo: '6216 6101-0000 1234',
    });
    expect(ok.statusCode).toBe(200);
    const account = { accountName: NAME_A, bankName: '中国银行北京丰台支行', accountNo: '6216610100001234' };
    expect(ok.json().bankAccount).toEqual(account);
    // The officer who pays sees it.
    expect((await officer.get(`/api/v1/enterprises/${CODE_A}`)).json().bankAccount).toEqual(account);
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_id', 'before_json', 'after_json'])
      .where('action', '=', 'enterprise.bank_account')
      .executeTakeFirstOrThrow();
    expect(entry.actor_id).toBe(t.users.applicantA);
    expect(entry.entity_id).toBe(CODE_A);
    expect(JSON.parse(entry.before_json ?? 'null')).toEqual(before);
    expect(JSON.parse(entry.after_json ?? 'null')).toEqual(account);

    // On the application: for the officer's payment dialog and the enterprise; not for a reviewer.
    const callId = await insertCall(t.ctx, { year: 2026, totalBudget: 1_000_000, createdBy: t.users.officer });
    const appId = await insertApplication(t.ctx, {
      callId,
      creditCode: CODE_A,
      status: 'under_review',
      items: [{ measure: '1', subject: null, engineAmount: 100_000 }],
      createdBy: t.users.applicantA,
    });
    expect((await officer.get(`/api/v1/applications/${appId}`)).json().bankAccount).toEqual(account);
    expect((await applicant.get(`/api/v1/applications/${appId}`)).json().bankAccount).toEqual(account);
    const reviewer = await t.login('reviewer1');
    const assigned = await officer.post(`/api/v1/applications/${appId}/assignments`, { reviewerId: t.users.reviewer1 });
    expect(assigned.statusCode).toBe(201);
    expect((await reviewer.get(`/api/v1/applications/${appId}`)).json().bankAccount).toBeNull();
  });

  it('is the enterprise’s own to give: an officer cannot, nor a visitor', async () => {
    const body = { accountName: NAME_A, bankName: '中国银行北京丰台支行', accountNo: '6216610100009999' };
    expect((await officer.put(url, body)).statusCode).toBe(403);
    expect((await t.anonymous().put(url, body)).statusCode).toBe(401);
  });
});
