import { readFileSync } from 'node:fs';
import { ARTICLE_NUMBERS, MEASURE_IDS } from '@ftai/policy-fengtai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, PASSWORD, type TestApp } from './test/harness.js';

const example = JSON.parse(readFileSync(new URL('../../../examples/request.json', import.meta.url), 'utf8'));

describe.each(DIALECTS)('basics on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers /healthz', async () => {
    const res = await t.anonymous().get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: dialect });
  });

  it('computes the contract, as ftai calc does', async () => {
    const res = await t.anonymous().post('/api/v1/calculate?lang=en', example);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(21838000);
    expect(body.results[0]).toMatchObject({ measure: '1', status: 'granted', amount: 1000000, citation: '第一条' });
    expect(body.results[0].explanation).toContain('compute spend 5,000,000 × 20% = 1,000,000');
    // 5.1's subject is the tier newly reached; the example's history names the tier granted before.
    expect(body.results.find((r: { measure: string }) => r.measure === '5.1')).toMatchObject({
      subject: 'revenue-100m',
      status: 'granted',
      amount: 300_000,
      review: true,
      citation: '第五条第（1）项',
    });
  });

  it('refuses bad input with field paths', async () => {
    const res = await t.anonymous().post('/api/v1/calculate', {
      year: 2026,
      enterprise: { creditCode: '91110106MA0000K01D', extra: 1 },
      facts: { computeSpend: -5 },
      history: [{ measure: '1', year: 2025, subject: 'x', amount: 1 }],
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(['enterprise.creditCode', 'enterprise.extra', 'facts.computeSpend']);
    const cross = await t
      .anonymous()
      .post('/api/v1/calculate', { year: 2026, enterprise: {}, history: [{ measure: '99', year: 2025, subject: null, amount: 1 }] });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().issues[0].path).toBe('history[0].measure');
    // 5.1's history names the tier granted; another policy's award names a subject or a measure, not both.
    const untiered = await t.anonymous().post('/api/v1/calculate', {
      year: 2026,
      enterprise: {},
      history: [{ measure: '5.1', year: 2025, subject: null, amount: 200_000 }],
      otherPolicyAwards: [{ policy: '丰台区某项措施', subject: 'SC-1', measure: '5.3a', amount: 1 }],
    });
    expect(untiered.statusCode).toBe(400);
    expect(untiered.json().issues.map((i: { path: string }) => i.path)).toEqual(['history[0].subject', 'otherPolicyAwards[0]']);
    expect(untiered.json().issues[0].message).toContain('revenue-50m');
  });

  it('signs in, refuses a wrong password, and needs the CSRF token for changes', async () => {
    expect((await t.anonymous().get('/api/v1/auth/me')).json().user).toBeNull();
    const bad = await t.anonymous().post('/api/v1/auth/login', { username: 'officer', password: 'nope' });
    expect(bad.statusCode).toBe(401);
    const officer = await t.login('officer');
    const me = await officer.get('/api/v1/auth/me');
    expect(me.json().user).toMatchObject({ username: 'officer', role: 'officer' });
    const call = { year: 2026, title: '2027年度人工智能措施申报', opensOn: '2027-03-01', closesOn: '2027-04-30', totalBudget: 5000000 };
    const noToken = await officer.post('/api/v1/calls', call, { noCsrf: true });
    expect(noToken.statusCode).toBe(403);
    const ok = await officer.post('/api/v1/calls', call);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ year: 2026, totalBudget: 5000000, isAccepting: true });
  });

  it('rate-limits sign-in attempts', async () => {
    const limited = await createTestApp(dialect, { loginAttemptsPerMinute: 3 });
    try {
      const c = limited.anonymous();
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await c.post('/api/v1/auth/login', { username: 'officer', password: 'wrong' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      const other = await c.post('/api/v1/auth/login', { username: 'admin', password: PASSWORD });
      expect(other.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('audits every change in a verifiable chain', async () => {
    const officer = await t.login('officer');
    const v = await officer.get('/api/v1/audit/verify');
    expect(v.json()).toMatchObject({ ok: true, problems: [] });
    expect(v.json().entries).toBeGreaterThanOrEqual(7);
    const applicant = await t.login('applicantA');
    expect((await applicant.get('/api/v1/audit/verify')).statusCode).toBe(403);
  });

  it('serves the policy text and the catalogue of every measure', async () => {
    const policy = (await t.anonymous().get('/api/v1/policy')).json();
    expect(policy.inForce).toEqual({ from: '2025-10-30', to: '2028-12-31' });
    expect(policy.text).toContain('第一条 加大人工智能算力供给');
    // Where each article's heading ends: the text runs it into what follows.
    expect(policy.headings[1]).toEqual({ article: 2, title: '支持人工智能大模型研发' });
    expect(policy.headings).toHaveLength(10);
    const res = await t.anonymous().get('/api/v1/measures?lang=en&year=2026');
    const m = res.json().measures;
    expect(m.map((x: { id: string }) => x.id)).toEqual(MEASURE_IDS);
    // The articles come with the catalogue: every list of articles the web app shows is this one.
    const articles = res.json().articles;
    expect(articles.map((a: { article: number }) => a.article)).toEqual(ARTICLE_NUMBERS);
    expect(articles[0]).toEqual({ article: 1, citation: 'Article 1', title: 'More AI compute', shortName: 'Compute', measures: ['1'] });
    expect(m[0]).toMatchObject({ id: '1', citation: 'Article 1', caps: '2,000,000; industrial: 3,000,000', perSubject: false });
    const zh = (await t.anonymous().get('/api/v1/measures?year=2026')).json().measures;
    const m51 = zh.find((x: { id: string }) => x.id === '5.1');
    expect(m51).toMatchObject({ citation: '第五条第（1）项', review: true, enterpriseLevel: true });
    expect(m51.milestoneTiers.map((x: { id: string; label: { zh: string } }) => `${x.id} ${x.label.zh}`)).toEqual([
      'revenue-1b 10亿元',
      'revenue-500m 5亿元',
      'revenue-100m 1亿元',
      'revenue-50m 5000万元',
      'above-designated-size 首次达规',
    ]);
    expect(zh.find((x: { id: string }) => x.id === '6.2a')).toMatchObject({ enterpriseLevel: false, milestoneTiers: null });
    expect((await t.anonymous().get('/api/v1/measures?year=1999')).statusCode).toBe(400);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.anonymous().get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('FTAI_ERR_NOT_FOUND');
  });

  it('words every error message in the language of Accept-Language, Chinese by default', async () => {
    const bad = { year: 2026, enterprise: {}, facts: { computeSpend: -5 } };
    const zh = await t.anonymous().post('/api/v1/calculate', bad);
    expect(zh.statusCode).toBe(400);
    // The message a person reads; the server's own words stay in `error`, the field in `issues`.
    expect(zh.json()).toMatchObject({ code: 'FTAI_ERR_VALIDATION', message: '金额不能为负数', issues: [{ path: 'facts.computeSpend' }] });
    expect(zh.json().error).toContain('facts.computeSpend');
    const en = await t.anonymous().post('/api/v1/calculate', bad, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().message).toBe(en.json().error);
    expect((await t.anonymous().get('/api/v1/applications')).json()).toMatchObject({
      code: 'FTAI_ERR_UNAUTHENTICATED',
      message: '请先登录',
    });
    const missing = await t.anonymous().get('/api/v1/nothing-here', { headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    expect(missing.json().message).toBe('未找到所请求的记录，可能编号有误或已被删除');
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.anonymous().get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/v1/calculate');
  });
});
