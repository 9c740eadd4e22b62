import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordProblem } from '../auth/password-policy.js';
import { DEMO_PASSWORD } from '../demo/seed-demo.js';
import { createTestApp, DIALECTS, PASSWORD, type TestApp } from '../test/harness.js';
import { createUser } from './create-user.js';

describe('the password rule', () => {
  const refused: [string, string, string, RegExp][] = [
    ['ten spaces', '          ', 'wang', /at least 12 characters, got 10/],
    ['ten digits in a row', '1234567890', 'wang', /at least 12 characters/],
    ['a common password', 'password12', 'wang', /at least 12 characters/],
    ['twelve spaces', ' '.repeat(12), 'wang', /too easy to guess.*repeats a character/],
    ['twelve digits in a row', '123456789012', 'wang', /too easy to guess/],
    ['a common password made long', 'password1234', 'wang', /too easy to guess/],
    ['a keyboard row', 'qwertyuiop[]', 'wang', /too easy to guess/],
    ['the user name', 'zhangwei2026x', 'zhangwei2026x', /must not be or contain the user name/],
    ['the user name inside, in other case', 'My-OFFICER-account-7', 'officer', /must not be or contain the user name/],
    ['eleven characters, strong or not', 'Tr0ub4dor&3', 'wang', /at least 12 characters, got 11/],
  ];
  it.each(refused)('refuses %s', (_name, password, username, message) => {
    expect(passwordProblem(password, username)).toMatch(message);
  });

  const accepted: [string, string, string][] = [
    ['four unrelated words', 'tulip-harbor-cobalt-41', 'wang'],
    ['a Chinese phrase with digits (characters count as one each)', '丰台人工智能申报二零二六', 'wang'],
    ['the tests’ password', PASSWORD, 'officer'],
    ['the demo’s password', DEMO_PASSWORD, 'ent01'],
  ];
  it.each(accepted)('accepts %s', (_name, password, username) => {
    expect(passwordProblem(password, username)).toBeNull();
  });
});

describe.each(DIALECTS)('the password rule through the API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses an officer with a weak password with FTAI_ERR_WEAK_PASSWORD, and takes a strong one', async () => {
    const admin = await t.login('admin');
    const officer = { username: 'wang', displayName: '王科长', role: 'officer' };
    for (const password of ['          ', '1234567890', 'password12', 'wang', 'wang-wang-wang-wang']) {
      const res = await admin.post('/api/v1/users', { ...officer, password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json()).toMatchObject({ code: 'FTAI_ERR_WEAK_PASSWORD', issues: [{ path: 'password', code: 'FTAI_ERR_WEAK_PASSWORD' }] });
      expect(res.json().error).toMatch(/^password: /);
    }
    expect((await admin.get('/api/v1/users')).json().users.map((u: { username: string }) => u.username)).not.toContain('wang');
    const ok = await admin.post('/api/v1/users', { ...officer, password: 'lantern-orchid-basalt-27' });
    expect(ok.statusCode, ok.body).toBe(201);
    const signedIn = await t.anonymous().post('/api/v1/auth/login', { username: 'wang', password: 'lantern-orchid-basalt-27' });
    expect(signedIn.statusCode).toBe(200);
  });

  it('applies the same rule to accounts made without the API (createUser, as ftai users add)', async () => {
    await expect(
      createUser(t.ctx, { username: 'li', displayName: 'li', role: 'admin', password: 'password1234', actorId: null }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'FTAI_ERR_WEAK_PASSWORD' });
  });
});
