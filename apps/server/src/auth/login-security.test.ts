import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createTestApp, DIALECTS, PASSWORD, type TestApp } from '../test/harness.js';
import { HashQueue } from './hash-queue.js';
import { hashCountsByCost, hashQueue } from './password.js';

/** A real, minimal PDF: header, one empty page, cross-reference table, trailer. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 10 10]>> endobj\n' +
    'xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000056 00000 n \n0000000111 00000 n \n' +
    'trailer <</Size 4 /Root 1 0 R>>\nstartxref\n178\n%%EOF\n',
);

/** A sign-in attempt as it reaches the server from `address` (a proxy's, when forwarded). */
function attempt(t: TestApp, username: string, password: string, address = '203.0.113.1', forwardedFor?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: address,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    payload: { username, password },
  });
}

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

describe('the hashing queue', () => {
  it('runs at most its limit at once, first come first served, and hands each place on', async () => {
    const q = new HashQueue(2);
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const tasks = [0, 1, 2, 3, 4].map((i) =>
      q.run(async () => {
        order.push(i);
        await new Promise<void>((r) => releases.push(r));
        return i;
      }),
    );
    await nextTurn();
    expect(q.stats()).toMatchObject({ running: 2, waiting: 3 });
    expect(order).toEqual([0, 1]);
    releases[0]?.();
    await nextTurn();
    expect(order).toEqual([0, 1, 2]);
    expect(q.stats()).toMatchObject({ running: 2, waiting: 2 });
    q.setLimit(3);
    await nextTurn();
    expect(order).toEqual([0, 1, 2, 3]);
    for (let i = 1; i < 5; i++) {
      releases[i]?.();
      await nextTurn();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(q.stats()).toEqual({ limit: 3, running: 0, waiting: 0, peakRunning: 3, peakWaiting: 3 });
  });
});

describe.each(DIALECTS)('sign-in under attack on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('a flood of wrong passwords runs at most N hashes at once: a download and a good sign-in get through', async () => {
    // 2^13: each hash takes long enough (tens of ms) for the flood to pile up behind the queue.
    t = await createTestApp(dialect, { config: { scryptLogN: 13, hashConcurrency: 2 } });
    const app = t;
    const officer = await app.login('officer');
    const applicant = await app.login('applicantA');
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '2027年度人工智能措施申报',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 5_000_000,
    });
    expect(call.statusCode, call.body).toBe(201);
    const draft = await applicant.post('/api/v1/applications', {
      callId: call.json().id,
      facts: { computeSpend: 1_000_000 },
      enterprise: { registeredInFengtai: true, taxResidentInFengtai: true, aiPartnerProgram: true },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), '营业执照.pdf');
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    const uploaded = await applicant.request('POST', `/api/v1/applications/${draft.json().id}/attachments`, {
      payload: Buffer.from(await request.arrayBuffer()),
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);

    hashQueue.resetPeak();
    const FLOOD = 24;
    let refused = 0;
    const flood = Array.from({ length: FLOOD }, (_, i) =>
      attempt(app, i % 2 ? 'officer' : `nobody${i}`, `wrong-password-${i}`).then((r) => {
        expect(r.statusCode).toBe(401);
        refused++;
      }),
    );
    // Wait until the flood fills the queue: the hashing threads are all taken, others wait.
    while (hashQueue.stats().waiting < 4) await nextTurn();

    const download = await applicant.get(uploaded.json().url);
    const refusedWhenDownloaded = refused;
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    // The file was read while most of the flood still waited: reads did not queue behind the hashes.
    expect(refusedWhenDownloaded).toBeLessThan(FLOOD / 2);

    const good = await attempt(app, 'reviewer1', PASSWORD);
    expect(good.statusCode).toBe(200);
    await Promise.all(flood);
    expect(refused).toBe(FLOOD);
    const stats = hashQueue.stats();
    expect(stats.peakRunning).toBe(2);
    expect(stats.peakWaiting).toBeGreaterThanOrEqual(4);
    expect(stats).toMatchObject({ running: 0, waiting: 0 });
  });

  it('an unknown user name costs a hash of the same cost as a known one (no timing tells them apart)', async () => {
    // The configured cost (11) differs from any built-in one, as 15 in production differs from a fixed dummy's.
    t = await createTestApp(dialect, { config: { scryptLogN: 11 } });
    const before = new Map(hashCountsByCost);
    const unknown = await attempt(t, 'no-such-user', 'wrong-password-1');
    const known = await attempt(t, 'officer', 'wrong-password-1');
    expect([unknown.statusCode, known.statusCode]).toEqual([401, 401]);
    expect(unknown.json()).toEqual(known.json());
    const spent = [...hashCountsByCost].filter(([cost, n]) => n !== (before.get(cost) ?? 0));
    expect(spent).toEqual([[11, (before.get(11) ?? 0) + 2]]);
  });

  it('limits one address across user names (35 names × 10 no longer gets through)', async () => {
    t = await createTestApp(dialect, { config: { loginAttemptsPerMinute: 10, loginAttemptsPerAddressPerMinute: 5 } });
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await attempt(t, `name${i}`, 'wrong-password')).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const refused = await attempt(t, 'officer', PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('FTAI_ERR_RATE_LIMIT');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back by this one.
    expect((await attempt(t, 'officer', PASSWORD, '198.51.100.7')).statusCode).toBe(200);
  });

  it('limits sign-in attempts in all, from every address', async () => {
    t = await createTestApp(dialect, { config: { loginAttemptsTotalPerMinute: 4 } });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await attempt(t, 'officer', 'wrong-password', `198.51.100.${i + 1}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('behind a trusted proxy, each client has its own limit; without trust, forwarded addresses are ignored', async () => {
    const proxy = '10.0.0.2';
    t = await createTestApp(dialect, { loginAttemptsPerMinute: 2, config: { trustProxy: 1 } });
    const a = [];
    for (let i = 0; i < 3; i++) a.push((await attempt(t, 'officer', 'wrong-password', proxy, '203.0.113.10')).statusCode);
    expect(a).toEqual([401, 401, 429]);
    expect((await attempt(t, 'officer', 'wrong-password', proxy, '203.0.113.11')).statusCode).toBe(401);
    await t.close();

    // Not trusted: a client cannot pick its address with a header; everyone behind the proxy is one.
    t = await createTestApp(dialect, { loginAttemptsPerMinute: 2 });
    const b = [];
    for (let i = 0; i < 3; i++) b.push((await attempt(t, 'officer', 'wrong-password', proxy, `203.0.113.${20 + i}`)).statusCode);
    expect(b).toEqual([401, 401, 429]);
  });
});

describe('FTAI_TRUST_PROXY', () => {
  const cases: [string | undefined, boolean | number | string[]][] = [
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
    ['1', 1],
    ['2', 2],
    ['10.0.0.0/8, 127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
    ['loopback', ['loopback']],
  ];
  it.each(cases)('%j is read as %j', (value, expected) => {
    const saved = process.env.FTAI_TRUST_PROXY;
    try {
      if (value === undefined) delete process.env.FTAI_TRUST_PROXY;
      else process.env.FTAI_TRUST_PROXY = value;
      expect(loadConfig({ dataDir: '/tmp/unused' }).trustProxy).toEqual(expected);
    } finally {
      if (saved === undefined) delete process.env.FTAI_TRUST_PROXY;
      else process.env.FTAI_TRUST_PROXY = saved;
    }
  });
});
