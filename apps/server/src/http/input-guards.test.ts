import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { findInputProblem, MAX_DEPTH } from './input-guards.js';
import { MAX_ISSUES } from './validation.js';

/**
 * Hostile input is a 400 naming the field, the same on SQLite and PostgreSQL: U+0000 (which
 * PostgreSQL cannot store in text: it was a 500 there on 14 of 17 routes, ids in the path too)
 * and JSON nested thousands deep (the error formatter overflowed the stack: a 500).
 */

interface Refusal {
  error: string;
  code: string;
  issues: { path: string; code: string; message: string }[];
}

const deepList = (depth: number, leaf = '1') => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

function expectRefused(res: { statusCode: number; body: string }, path: string, code: 'FTAI_ERR_INVALID_TEXT' | 'FTAI_ERR_TOO_DEEP') {
  expect(res.statusCode, res.body).toBe(400);
  const body = JSON.parse(res.body) as Refusal;
  expect(body.code).toBe('FTAI_ERR_VALIDATION');
  expect(body.issues).toEqual([expect.objectContaining({ path, code })]);
  expect(body.error).toContain(body.issues[0]?.message);
}

describe('findInputProblem', () => {
  it('names the first U+0000, in a text or a field name, with its path', () => {
    expect(findInputProblem({ a: [{ b: 'x' }, { c: 'y\u0000' }] }, '')).toMatchObject({ path: 'a[1].c', code: 'FTAI_ERR_INVALID_TEXT' });
    expect(findInputProblem({ 'k\u0000': 1 }, 'query')).toMatchObject({ path: 'query.k\\u0000', code: 'FTAI_ERR_INVALID_TEXT' });
    expect(findInputProblem('\u0000', '')).toMatchObject({ path: '', code: 'FTAI_ERR_INVALID_TEXT' });
    expect(findInputProblem({ a: 'ok', b: [1, null, true, 'ok'] }, '')).toBeUndefined();
  });

  it(`allows ${MAX_DEPTH} levels of nesting and refuses ${MAX_DEPTH + 1}, iteratively (100,000 levels do not overflow)`, () => {
    expect(findInputProblem(JSON.parse(deepList(MAX_DEPTH)), '')).toBeUndefined();
    expect(findInputProblem(JSON.parse(deepList(MAX_DEPTH + 1)), '')).toMatchObject({ code: 'FTAI_ERR_TOO_DEEP' });
    expect(findInputProblem(JSON.parse(deepList(100_000)), '')?.path).toBe('[0]'.repeat(MAX_DEPTH));
  });
});

describe.each(DIALECTS)('hostile input on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let applicant: Client;
  let callId: string;
  let applicationId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    applicant = await t.login('applicantA');
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '2027年度人工智能措施申报',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 5_000_000,
    });
    expect(call.statusCode, call.body).toBe(201);
    callId = call.json().id;
    const application = await applicant.post('/api/v1/applications', { callId, facts: { computeSpend: 1_000_000 } });
    expect(application.statusCode, application.body).toBe(201);
    applicationId = application.json().id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses U+0000 at sign-in, in the body', async () => {
    expectRefused(
      await t.anonymous().post('/api/v1/auth/login', { username: 'officer\u0000', password: 'x' }),
      'username',
      'FTAI_ERR_INVALID_TEXT',
    );
  });

  it.each([
    ['/api/v1/calls/%00', 'params.id'],
    ['/api/v1/notices/n%00x', 'params.id'],
    ['/notices/%00', 'params.id'],
    ['/api/v1/applications/a%00', 'params.id'],
    ['/api/v1/enterprises/%00', 'params.creditCode'],
    ['/api/v1/applications?callId=%00', 'query.callId'],
    ['/api/v1/audit?entityId=x%00', 'query.entityId'],
    ['/api/v1/applications?x%00=1', 'query.x\\u0000'],
  ])('refuses U+0000 in the path or the query: GET %s', async (url, path) => {
    expectRefused(await officer.get(url), path, 'FTAI_ERR_INVALID_TEXT');
  });

  it('refuses U+0000 in a text of a write, deep in the body or in a field name, and stores nothing', async () => {
    const call = { year: 2026, title: 'a\u0000b', opensOn: '2027-03-01', closesOn: '2027-04-30', totalBudget: 1 };
    expectRefused(await officer.post('/api/v1/calls', call), 'title', 'FTAI_ERR_INVALID_TEXT');
    expect((await officer.get('/api/v1/calls')).json().calls).toHaveLength(1);
    const facts = { modelFilings: [{ id: 'M\u0000', date: '2026-03-01', industrial: false }] };
    expectRefused(
      await applicant.put(`/api/v1/applications/${applicationId}`, { facts }),
      'facts.modelFilings[0].id',
      'FTAI_ERR_INVALID_TEXT',
    );
    expectRefused(
      await applicant.request('PUT', `/api/v1/applications/${applicationId}`, {
        payload: '{"facts":{},"enter\\u0000prise":{}}',
        headers: { 'content-type': 'application/json' },
      }),
      'enter\\u0000prise',
      'FTAI_ERR_INVALID_TEXT',
    );
    expect((await applicant.get(`/api/v1/applications/${applicationId}`)).json().request.facts).toEqual({ computeSpend: 1_000_000 });
    expectRefused(
      await officer.request('POST', '/api/v1/other-policy-awards/import', {
        payload: 'creditCode,policy,subject,amount,year\n91110106MA0000K01C,a\u0000,S,1,2025\n',
        headers: { 'content-type': 'text/csv' },
      }),
      'csv',
      'FTAI_ERR_INVALID_TEXT',
    );
    const objection = { name: 'x\u0000', contact: 'y', text: 'z' };
    expectRefused(await t.anonymous().post('/api/v1/notices/none/objections', objection), 'name', 'FTAI_ERR_INVALID_TEXT');
  });

  it('keeps a multipart file name with U+0000 out of the database raw (the upload cleans control characters)', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), 'scan\u0000.pdf');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const res = await applicant.request('POST', `/api/v1/applications/${applicationId}/attachments`, {
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().filename).toBe('scan_.pdf');
  });

  it.each([
    [
      'POST /api/v1/calculate',
      'anonymous',
      'POST',
      (): string => '/api/v1/calculate',
      (deep: string): string => `{"year":2026,"enterprise":${deep}}`,
      'enterprise',
    ],
    [
      'POST /api/v1/applications',
      'applicant',
      'POST',
      (): string => '/api/v1/applications',
      (deep: string): string => `{"callId":"${callId}","facts":${deep}}`,
      'facts',
    ],
    [
      'PUT /api/v1/applications/:id',
      'applicant',
      'PUT',
      (): string => `/api/v1/applications/${applicationId}`,
      (deep: string): string => `{"facts":{},"enterprise":{"name":${deep}}}`,
      'enterprise.name',
    ],
    [
      'PUT /api/v1/enterprises/me',
      'applicant',
      'PUT',
      (): string => '/api/v1/enterprises/me',
      (deep: string): string => `{"name":${deep}}`,
      'name',
    ],
    [
      'POST /api/v1/auth/login',
      'anonymous',
      'POST',
      (): string => '/api/v1/auth/login',
      (deep: string): string => `{"username":${deep},"password":"x"}`,
      'username',
    ],
  ] as const)('refuses JSON nested 4,100 deep: %s', async (_name, who, method, url, body, path) => {
    const client = who === 'anonymous' ? t.anonymous() : applicant;
    const res = await client.request(method, url(), { payload: body(deepList(4100)), headers: { 'content-type': 'application/json' } });
    // The path stops at the first level past the limit: the field's own levels, then the list's.
    expectRefused(res, `${path}${'[0]'.repeat(MAX_DEPTH - path.split('.').length)}`, 'FTAI_ERR_TOO_DEEP');
  });

  it(`answers a body of 30,000 unknown fields with the first ${MAX_ISSUES} issues, not megabytes`, async () => {
    const body: Record<string, unknown> = { year: 2026, enterprise: {} };
    for (let i = 0; i < 30_000; i++) body[`field${i}`] = i;
    const res = await t.anonymous().post('/api/v1/calculate', body);
    expect(res.statusCode).toBe(400);
    const refusal = res.json() as Refusal;
    expect(refusal.issues).toHaveLength(MAX_ISSUES);
    expect(refusal.issues[0]).toMatchObject({ path: 'field0', code: 'FTAI_ERR_UNKNOWN_FIELD' });
    expect(refusal.error).toMatch(/; and 29,900 more issues$/);
    expect(res.body.length).toBeLessThan(30_000);
  });

  it('cuts a megabyte field name in its message (the path keeps it whole)', async () => {
    const name = 'n'.repeat(500_000);
    const res = await t.anonymous().post('/api/v1/calculate', { year: 2026, enterprise: {}, [name]: 1 });
    expect(res.statusCode).toBe(400);
    const issue = (res.json() as Refusal).issues[0];
    expect(issue?.path).toBe(name);
    expect(issue?.message.length).toBeLessThan(200);
  });

  it(`lets ${MAX_DEPTH} levels through to the route's own checks`, async () => {
    const res = await t.anonymous().request('POST', '/api/v1/calculate', {
      payload: `{"year":2026,"enterprise":${deepList(MAX_DEPTH - 1)}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([expect.objectContaining({ path: 'enterprise', code: 'FTAI_ERR_INVALID_FIELD' })]);
    expect(res.json().issues[0].message).toMatch(/^expected an object, got \[\[\[/);
  });
});
