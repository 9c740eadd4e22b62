import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, CODE_A, createTestApp, DIALECTS, PASSWORD, type TestApp } from '../test/harness.js';
import { CSRF_COOKIE } from './csrf-key.js';

/** A change an officer may repeat: record a reviewer's tie to an enterprise (201 each time). */
const change = (t: TestApp, c: Client, o: { headers?: Record<string, string>; noCsrf?: boolean } = {}) =>
  c.post(`/api/v1/users/${t.users.reviewer1}/links`, { creditCode: CODE_A, relation: '曾任顾问' }, o);

describe.each(DIALECTS)('CSRF tokens bound to the session on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('a token from before sign-out fails after signing in again', async () => {
    const c = await t.login('officer');
    const before = c.csrf;
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    await c.login('officer', PASSWORD);
    expect(c.csrf).not.toBe(before);
    const stale = await change(t, c, { headers: { 'x-csrf-token': before }, noCsrf: true });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('FTAI_ERR_CSRF');
    expect((await change(t, c)).statusCode).toBe(201);
  });

  it('draws a new CSRF secret at every sign-in and clears it at sign-out', async () => {
    const c = await t.login('officer');
    const first = c.cookies[CSRF_COOKIE];
    expect(first).toBeTruthy();
    await c.login('officer', PASSWORD);
    expect(c.cookies[CSRF_COOKIE]).toBeTruthy();
    expect(c.cookies[CSRF_COOKIE]).not.toBe(first);
    await c.post('/api/v1/auth/logout');
    expect(c.cookies[CSRF_COOKIE]).toBeUndefined();
  });

  it("a token and secret cookie from another session (planted by an attacker) fail in the victim's", async () => {
    const attacker = await t.login('applicantA');
    const victim = await t.login('officer');
    // Cookie tossing: the attacker's own secret and token, set in the victim's browser.
    victim.cookies[CSRF_COOKIE] = attacker.cookies[CSRF_COOKIE] ?? '';
    victim.csrf = attacker.csrf;
    const forged = await change(t, victim);
    expect(forged.statusCode).toBe(403);
    expect(forged.json().code).toBe('FTAI_ERR_CSRF');
  });

  it('two sessions of the same user have tokens that do not cross', async () => {
    const a = await t.login('officer');
    const b = await t.login('officer');
    const crossed = await change(t, b, { headers: { 'x-csrf-token': a.csrf }, noCsrf: true });
    expect(crossed.statusCode).toBe(403);
    expect((await change(t, b)).statusCode).toBe(201);
  });

  it('/auth/me gives a signed-in user a token for its session, and an anonymous caller none', async () => {
    const c = await t.login('officer');
    const me = await c.get('/api/v1/auth/me');
    expect(me.json().user).toMatchObject({ username: 'officer' });
    c.csrf = me.json().csrfToken;
    expect((await change(t, c)).statusCode).toBe(201);
    const anonymous = await new Client(t.app).get('/api/v1/auth/me');
    expect(anonymous.json()).toEqual({ user: null, csrfToken: '' });
  });

  it('signing in ends the session the browser held before', async () => {
    const c = await t.login('officer');
    const old = { ...c.cookies };
    await c.login('officer', PASSWORD);
    const replay = new Client(t.app);
    replay.cookies = old;
    expect((await replay.get('/api/v1/auth/me')).json().user).toBeNull();
  });
});
