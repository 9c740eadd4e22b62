import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../test/harness.js';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of String(header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe.each(DIALECTS)('security headers and API docs on %s', (dialect) => {
  let t: TestApp | undefined;
  let webDir: string | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
    if (webDir) rmSync(webDir, { recursive: true, force: true });
    webDir = undefined;
  });

  it('every answer (API, error, web page) carries a CSP, frame protection, nosniff and a referrer policy', async () => {
    webDir = mkdtempSync(join(tmpdir(), 'ftai-web-'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/index.js"></script>');
    t = await createTestApp(dialect, { config: { webDir } });
    const officer = await t.login('officer');
    const answers = [
      await t.anonymous().get('/healthz'),
      await t.anonymous().get('/api/v1/nothing-here'),
      await t.anonymous().post('/api/v1/auth/login', { username: 'officer' }),
      await officer.get('/api/v1/users'),
      await t.anonymous().get('/portal/applications'),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 404, 400, 200, 200]);
    expect(answers[4]?.headers['content-type']).toContain('text/html');
    for (const a of answers) {
      const csp = directives(a.headers['content-security-policy']);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      // Ant Design and ECharts set inline styles.
      expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      // Plain HTTP: no upgrade of the page's own requests, no HSTS.
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      expect(a.headers['strict-transport-security']).toBeUndefined();
      expect(a.headers['x-frame-options']).toBe('DENY');
      expect(a.headers['x-content-type-options']).toBe('nosniff');
      expect(a.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('behind HTTPS (secure cookies) also sends HSTS and upgrades insecure requests', async () => {
    t = await createTestApp(dialect, { config: { secureCookies: true } });
    const res = await t.anonymous().get('/healthz');
    expect(directives(res.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('serves no API docs unless FTAI_API_DOCS=1 (apiDocs)', async () => {
    t = await createTestApp(dialect, { config: { apiDocs: false } });
    const officer = await t.login('officer');
    for (const path of ['/api/docs', '/api/docs/json', '/api/docs/static/index.html']) {
      expect((await t.anonymous().get(path)).statusCode, path).toBe(404);
      expect((await officer.get(path)).statusCode, path).toBe(404);
    }
    await t.close();
    t = await createTestApp(dialect, { config: { apiDocs: true } });
    const json = await t.anonymous().get('/api/docs/json');
    expect(json.statusCode).toBe(200);
    expect(Object.keys(json.json().paths)).toContain('/api/v1/auth/login');
    const ui = await t.anonymous().get('/api/docs');
    expect(ui.statusCode).toBe(200);
    expect(directives(ui.headers['content-security-policy']).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('the default configuration turns the API docs off', async () => {
    const saved = process.env.FTAI_API_DOCS;
    try {
      delete process.env.FTAI_API_DOCS;
      const { loadConfig } = await import('../config.js');
      expect(loadConfig({ dataDir: '/tmp/unused' }).apiDocs).toBe(false);
      process.env.FTAI_API_DOCS = '1';
      expect(loadConfig({ dataDir: '/tmp/unused' }).apiDocs).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.FTAI_API_DOCS;
      else process.env.FTAI_API_DOCS = saved;
    }
  });
});
