import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type E2EBrowser, type E2EServer, HAS_CHROMIUM, launchBrowser, screenshot, signIn, startServer } from './harness.js';

/** The demo's password (seed-demo): every demo account has it. */
const DEMO = 'ftai-demo-2026';

/** The two widths every page is read at: an officer's laptop and an applicant's phone. */
const WIDTHS = [
  { name: 'desk', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Waits until the page has settled: no request under way, no spinner or skeleton left. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined);
  await page.locator('h1').first().waitFor();
  await page.waitForTimeout(200);
}

/**
 * Every route of every role, on the demo data, at desktop and phone width: each page in Chinese
 * is read for English words (outside the short allow-list: ftai, AI, PDF, OFD, codes and ids) and
 * checked with axe by `screenshot`, and must not be wider than the phone's screen.
 */
describe.skipIf(!HAS_CHROMIUM)('every route of every role, at desktop and phone width, in Chinese', () => {
  let server: E2EServer;
  let browser: E2EBrowser;
  const routes: Record<'public' | 'applicant' | 'reviewer' | 'officer', [name: string, path: string][]> = {
    public: [],
    applicant: [],
    reviewer: [],
    officer: [],
  };

  beforeAll(async () => {
    server = await startServer();
    server.ftai('db', 'seed-demo');
    browser = await launchBrowser();
    const officer = await apiAs(server, 'officer', DEMO);
    const { notices } = await officer.get<{ notices: { id: string }[] }>('/api/v1/notices');
    const { applications } = await officer.get<{ applications: { id: string; creditCode: string; status: string }[] }>(
      '/api/v1/applications?limit=50',
    );
    const submitted = applications.find((a) => a.status === 'under_review') ?? applications[0];
    const reviewer = await apiAs(server, 'reviewer1', DEMO);
    const { assignments } = await reviewer.get<{ assignments: { id: string }[] }>('/api/v1/reviews');
    const ent = await apiAs(server, 'ent05', DEMO);
    const own = (await ent.get<{ applications: { id: string; number: string | null }[] }>('/api/v1/applications')).applications;
    const numbered = own.find((a) => a.number !== null);

    routes.public.push(
      ['home', '/'],
      ['login', '/login'],
      ['policy', '/policy'],
      ['calculator', '/calculator'],
      ['notices', '/notices'],
      ['invitation', '/invitation'],
      ['not-found', '/no-such-page'],
    );
    if (notices[0]) routes.public.push(['notice-page', `/notices/${notices[0].id}`]);
    routes.applicant.push(
      ['portal', '/portal'],
      ['profile', '/portal/profile'],
      ['awards', '/portal/awards'],
      ['messages', '/portal/messages'],
    );
    if (own[0]) routes.applicant.push(['application', `/portal/applications/${own[0].id}`]);
    if (numbered) routes.applicant.push(['receipt', `/portal/applications/${numbered.id}/receipt`]);
    routes.reviewer.push(['reviews', '/review']);
    if (assignments[0]) routes.reviewer.push(['assignment', `/review/assignments/${assignments[0].id}`]);
    routes.officer.push(
      ['dashboard', '/officer/dashboard'],
      ['queue', '/officer/applications'],
      ['calls', '/officer/calls'],
      ['allocation', '/officer/allocation'],
      ['notices', '/officer/notices'],
      ['other-awards', '/officer/other-awards'],
      ['match', '/officer/match'],
      ['offer-batches', '/officer/offer-batches'],
      ['offer-batch-new', '/officer/offer-batches/new'],
      ['audit', '/officer/audit'],
    );
    if (submitted) routes.officer.push(['application', `/officer/applications/${submitted.id}`]);
    // 政策参数版本 and 政策模拟: the list, version 1, a new draft; the simulations, and one done (version 1 against itself).
    routes.officer.push(
      ['policy-versions', '/officer/policy-versions'],
      ['policy-version', '/officer/policy-versions/1'],
      ['policy-version-new', '/officer/policy-versions/new'],
      ['simulations', '/officer/simulations'],
    );
    const { calls } = await officer.get<{ calls: { id: string }[] }>('/api/v1/calls');
    if (calls[0]) {
      const simulation = await officer.post<{ id: string; status: string }>('/api/v1/simulations', {
        population: { kind: 'call', callId: calls[0].id },
        versionA: 1,
        versionB: 1,
      });
      for (let i = 0; i < 300; i++) {
        const { status } = await officer.get<{ status: string }>(`/api/v1/simulations/${simulation.id}`);
        if (status !== 'queued' && status !== 'running') break;
        await new Promise((r) => setTimeout(r, 200));
      }
      routes.officer.push(['simulation', `/officer/simulations/${simulation.id}`]);
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const users = { public: null, applicant: 'ent05', reviewer: 'reviewer1', officer: 'officer' } as const;

  for (const role of ['public', 'applicant', 'reviewer', 'officer'] as const) {
    for (const w of WIDTHS) {
      it(`${role}: every page at ${w.name} width`, async () => {
        expect(routes[role].length).toBeGreaterThan(role === 'reviewer' ? 1 : 2);
        const { page, errors } = await browser.page({ width: w.width, height: w.height });
        page.setDefaultTimeout(20_000);
        const user = users[role];
        if (user) await signIn(page, server.url, user, DEMO);
        for (const [name, path] of routes[role]) {
          await page.goto(`${server.url}${path}`);
          await settle(page);
          expect(new URL(page.url()).pathname, `${role} ${name}: not sent elsewhere`).toBe(path);
          if (w.name === 'phone') {
            const width = await page.evaluate<number>('document.documentElement.scrollWidth');
            expect(width, `${role} ${name} is wider than the phone`).toBeLessThanOrEqual(w.width);
          }
          await screenshot(page, `route-${role}-${name}-${w.name}`);
        }
        // The demo's 404 page answers 404 for its address; nothing else may fail.
        expect(errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
      }, 240_000);
    }
  }
});
