import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.js';

/**
 * How the web app's files and the API's answers travel: compressed as the client accepts, the
 * hashed assets cached for a year, the page that names them asked again each time.
 */
describe('web delivery: compression and caching', () => {
  let t: TestApp;
  let webDir: string;
  const html = `<!doctype html><title>ftai</title><div id="root"></div>${'<!-- padding -->'.repeat(100)}<script type="module" src="/assets/index-abc123.js"></script>`;
  const js = `console.log(${JSON.stringify('丰台'.repeat(2000))});`;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'ftai-web-'));
    mkdirSync(join(webDir, 'assets'));
    // As the build writes them (vite-plugin-compression2): each file, and beside it .br and .gz.
    for (const [path, body] of [
      ['index.html', html],
      ['assets/index-abc123.js', js],
    ] as const) {
      writeFileSync(join(webDir, path), body);
      writeFileSync(join(webDir, `${path}.br`), brotliCompressSync(body));
      writeFileSync(join(webDir, `${path}.gz`), gzipSync(body));
    }
    t = await createTestApp('sqlite', { config: { webDir } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('sends the precompressed file the client accepts, brotli first, else gzip, else plain', async () => {
    const br = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(js);
    const gz = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(js);
    const plain = await get('/assets/index-abc123.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
  });

  it('caches hashed assets for a year and has the page revalidated (ETag, 304)', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/portal/applications']) {
      const page = await get(url, { 'accept-encoding': 'br' });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(brotliDecompressSync(page.rawPayload).toString(), url).toBe(html);
    }
    const first = await get('/');
    const etag = String(first.headers.etag);
    expect(etag).not.toBe('undefined');
    expect((await get('/', { 'if-none-match': etag })).statusCode).toBe(304);
  });

  it("compresses the API's answers above 1 KB for clients that accept it, and leaves small ones", async () => {
    const big = await get('/api/v1/policy', { 'accept-encoding': 'br' });
    expect(big.statusCode).toBe(200);
    expect(big.headers['content-encoding']).toBe('br');
    const body = JSON.parse(brotliDecompressSync(big.rawPayload).toString());
    expect(body.text).toContain('丰台区支持人工智能');
    const small = await get('/healthz', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toHaveProperty('status');
    const asIs = await get('/api/v1/policy');
    expect(asIs.headers['content-encoding']).toBeUndefined();
    expect(asIs.json()).toEqual(body);
  });
});
