import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EBrowser, type E2EServer, HAS_CHROMIUM, launchBrowser, screenshot, startServer } from './harness.js';

describe.skipIf(!HAS_CHROMIUM)('the web app shell', () => {
  let server: E2EServer;
  let browser: E2EBrowser;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the home page in Chinese and switches to English', async () => {
    const { page, errors } = await browser.page();
    await page.goto(server.url);
    await page.getByRole('link', { name: '丰台AI政策通' }).waitFor();
    await page.getByText('政策计算器').first().waitFor();
    // One h1, and the product's name as the home page's title.
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.title()).toBe('丰台AI政策通');
    await screenshot(page, 'home');
    await page.getByTestId('lang-switch').click();
    await page.getByText('Calculator').first().waitFor();
    await expect.poll(() => page.title()).toBe('Fengtai AI Policy');
    // Another page, its own title.
    await page.getByRole('link', { name: 'Calculator' }).first().click();
    await expect.poll(() => page.title()).toBe('Calculator · Fengtai AI Policy');
    expect(errors).toEqual([]);
  });

  it('works on a phone width', async () => {
    const { page, errors } = await browser.page({ width: 390, height: 844 });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'menu' }).click();
    await page.getByText('政策条款').last().waitFor();
    await screenshot(page, 'home-phone');
    expect(errors).toEqual([]);
  });
});
