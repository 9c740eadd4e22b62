import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EBrowser, type E2EServer, HAS_CHROMIUM, launchBrowser, ROOT, screenshot, signIn, startServer } from './harness.js';

/**
 * 政策参数版本 and 政策模拟 end to end, on the demo data with a real server and Chromium: officer A
 * drafts a version that puts 第四条第（3）项 on two bands (100万元（含）至500万元 150,000元; 500万元（含）以上
 * 450,000元) — a reading the engine lacks is refused at its field first — and submits it — they
 * cannot decide it themselves; officer B approves it; the public
 * policy browser shows the new figure in effect and its history; a simulation of version 1 against
 * the new version over the demo call's applications runs, and its page shows the difference — 4.3
 * under A and B, the 差额, consistent with the totals — the largest changes with both
 * explanations, and 年度预算测算's table; the parameter file and both workbooks download.
 */

/** The demo's password (seed-demo): every demo account has it. */
const DEMO = 'ftai-demo-2026';

/** An amount as the page shows it ("1,234,567", "+150,000元", "−50,000元") as a number. */
function amountOf(text: string | null): number {
  const t = (text ?? '').replace(/\s/g, '');
  const digits = t.replace(/[^\d]/g, '');
  if (digits === '') throw new Error(`no amount in “${text}”`);
  return /^[−-]/.test(t) ? -Number(digits) : Number(digits);
}

async function textOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).first().textContent()) ?? '';
}

/** Picks an option of the open Ant Design select (the visible list, not its hidden accessible copy). */
async function pick(page: Page, option: string): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

describe.skipIf(!HAS_CHROMIUM)('政策参数版本 and 政策模拟', () => {
  let server: E2EServer;
  let browser: E2EBrowser;
  let versionNumber = 0;
  let simulationUrl = '';

  beforeAll(async () => {
    server = await startServer();
    server.ftai('db', 'seed-demo');
    // The demo's second officer (officer2, 科信局 李科员) decides the first one's version (four eyes).
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('officer A drafts two bands for 第四条第（3）项 and submits them; they cannot approve their own', async () => {
    const { page, errors } = await browser.page();
    page.setDefaultTimeout(30_000);
    await signIn(page, server.url, 'officer', DEMO);
    await page.goto(`${server.url}/officer/policy-versions`);
    await expect.poll(() => page.getByTestId('version-1').count()).toBe(1);
    await page.getByTestId('version-new').click();
    await page.waitForURL(/\/officer\/policy-versions\/new$/);

    // The parameter from the catalogue, by search.
    await page.getByRole('combobox', { name: '添加参数' }).click();
    await page.getByRole('combobox', { name: '添加参数' }).fill('研发费用增量');
    await pick(page, '研发费用增量分档');
    const card = page.getByTestId('change-4.3.tiers');
    await page.waitForTimeout(1500);
    await expect.poll(() => card.getByTestId(/^tier-min-/).count()).toBe(5);
    for (const i of [4, 3, 2]) await card.getByTestId(`tier-remove-${i}`).click();
    await card.getByLabel('第1档起点（元）', { exact: true }).fill('1000000');
    await card.getByLabel('第1档金额（元）', { exact: true }).fill('150000');
    await card.getByLabel('第2档起点（元）', { exact: true }).fill('5000000');
    await card.getByLabel('第2档金额（元）', { exact: true }).fill('450000');
    // The labels follow the thresholds, as the policy's own are written.
    await expect.poll(() => textOf(page, 'tier-label-0')).toBe('100万元（含）至500万元');
    await expect.poll(() => textOf(page, 'tier-label-1')).toBe('500万元（含）以上');

    await page.getByLabel('授权文件', { exact: true }).fill('2027年度丰台区人工智能产业政策申报指南');
    await page.getByLabel('文号', { exact: true }).fill('丰科信发〔2027〕1号');
    await page.getByLabel('调整理由', { exact: true }).fill('申报指南明确研发费用增量支持分为两档。');
    // A reading the engine does not implement: the server refuses it, and says so at the parameter's field.
    await page.getByRole('combobox', { name: '添加参数' }).click();
    await page.getByRole('combobox', { name: '添加参数' }).fill('全额计算');
    await pick(page, '2025年度数据全额计算');
    const reading = page.getByTestId('change-general.first-year-in-full');
    await reading.getByRole('radio', { name: '否', exact: true }).check();
    await page.getByTestId('version-save').click();
    await expect.poll(() => reading.locator('.ant-form-item-explain-error').textContent()).toContain('尚未实现');
    expect(new URL(page.url()).pathname).toBe('/officer/policy-versions/new');
    await reading.getByRole('button', { name: '不调整“2025年度数据全额计算”' }).click();
    await page.getByTestId('version-save').click();
    await page.waitForURL(/\/officer\/policy-versions\/\d+$/);
    versionNumber = Number(new URL(page.url()).pathname.split('/').pop());
    expect(versionNumber).toBeGreaterThan(1);

    // The change, before → after, readable: the five bands of version 1, the two of the draft; it was an assumption.
    const after = page.getByTestId('after-4.3.tiers');
    await expect.poll(() => after.textContent()).toContain('100万元（含）至500万元');
    expect(await after.textContent()).toContain('150,000元');
    expect(await after.textContent()).toContain('450,000元');
    expect(await page.getByTestId('before-4.3.tiers').textContent()).toContain('2000万元（含）以上');
    expect(await page.getByTestId('was-assumed-4.3.tiers').count()).toBe(1);
    expect(await textOf(page, 'version-status')).toBe('草稿');

    await page.getByTestId('version-submit').click();
    await expect.poll(() => textOf(page, 'version-status')).toBe('待审批');
    expect(await textOf(page, 'version-own')).toContain('不能审批本人起草的版本');
    expect(await page.getByTestId('version-approve').count()).toBe(0);
    await screenshot(page, 'version-pending');
    // The one refusal is the one provoked above.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  }, 180_000);

  it('officer B approves it; the policy browser shows the figure in effect and its history', async () => {
    const { page, errors } = await browser.page();
    page.setDefaultTimeout(30_000);
    await signIn(page, server.url, 'officer2', DEMO);
    await page.goto(`${server.url}/officer/policy-versions/${versionNumber}`);
    await page.getByTestId('version-approve').click();
    await expect.poll(() => textOf(page, 'version-status')).toBe('已批准');
    // Effective today: the version in effect from now.
    expect(await page.getByTestId('version-in-effect').count()).toBe(1);
    const file = await page.request.get(`${server.url}/api/v1/policy/versions/${versionNumber}/parameters.json`);
    expect(file.status()).toBe(200);
    expect(((await file.json()) as { changes: { parameter: string }[] }).changes.map((c) => c.parameter)).toContain('4.3.tiers');

    const pub = await browser.page();
    await pub.page.goto(`${server.url}/policy`);
    await pub.page.getByRole('tab', { name: '参数及历史', exact: true }).click();
    await expect.poll(() => textOf(pub.page, 'parameter-version-in-effect')).toContain(`第${versionNumber}号`);
    const value = pub.page.getByTestId('value-4.3.tiers');
    expect(await value.textContent()).toContain('500万元（含）以上');
    expect(await value.textContent()).toContain('450,000元');
    // The document fixed the figure: no longer an assumption; still one elsewhere (the general conditions).
    expect(await pub.page.getByTestId('assumed-4.3.tiers').count()).toBe(0);
    expect(await pub.page.getByTestId('assumed-general.conditions').count()).toBe(1);
    await pub.page.getByTestId('value-4.3.tiers').click();
    await expect
      .poll(() =>
        pub.page
          .getByTestId('history-4.3.tiers')
          .locator('tbody tr.ant-table-row', { hasText: /第\d+号/ })
          .count(),
      )
      .toBe(2);
    await screenshot(pub.page, 'policy-parameters');
    expect(pub.errors).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('simulates version 1 against the new version over the demo call: the difference, the largest changes, the budget estimate', async () => {
    const { page, errors } = await browser.page({ width: 1366, height: 900 });
    page.setDefaultTimeout(30_000);
    await signIn(page, server.url, 'officer2', DEMO);
    await page.goto(`${server.url}/officer/policy-versions/${versionNumber}`);
    await page.getByTestId('version-simulate').click();
    await page.waitForURL(/\/officer\/simulations\?b=\d+$/);
    // B is the version asked for; A the one before it (the new version is in effect already).
    await expect.poll(() => page.getByTestId('simulation-b').textContent()).toContain(`第${versionNumber}号`);
    await expect.poll(() => page.getByTestId('simulation-a').textContent()).toContain('第1号');
    await expect.poll(() => page.getByTestId('simulation-call').textContent()).toContain('申报');
    await page.getByTestId('simulation-start').click();
    await page.waitForURL(/\/officer\/simulations\/[^/?]+$/);
    simulationUrl = page.url();
    await page.getByTestId('total-difference').waitFor({ timeout: 180_000 });

    // 第四条第（3）项 under A and B, and B − A.
    const a43 = amountOf(await textOf(page, 'measure-a-4.3'));
    const b43 = amountOf(await textOf(page, 'measure-b-4.3'));
    const d43 = amountOf(await textOf(page, 'measure-difference-4.3'));
    expect(a43).toBeGreaterThan(0);
    expect(b43 - a43).toBe(d43);
    expect(d43).not.toBe(0);
    // The totals shown: B − A is the 差额, and the measures' differences add up to it.
    const value = (id: string) => page.getByTestId(id).locator('.ant-statistic-content-value').textContent();
    const totalA = amountOf(await value('total-a'));
    const totalB = amountOf(await value('total-b'));
    const totalD = amountOf(await value('total-difference'));
    expect(totalB - totalA).toBe(totalD);
    const rows = page.getByTestId('simulation-measures').locator('tbody tr.ant-table-row');
    let sum = 0;
    for (const row of await rows.all()) sum += amountOf(await row.locator('[data-testid^="measure-difference-"]').textContent());
    expect(sum).toBe(totalD);
    // Only 4.3 changed: the difference is all its own.
    expect(totalD).toBe(d43);

    // The largest changes: the first one opens on both explanations, side by side.
    const largest = page.getByTestId('simulation-largest').locator('tbody tr.ant-table-row');
    expect(await largest.count()).toBeGreaterThan(0);
    await largest.first().click();
    const a = page.getByTestId('explanation-a').first();
    const b = page.getByTestId('explanation-b').first();
    await a.waitFor();
    expect(await a.textContent()).toMatch(/元/);
    expect(await b.textContent()).toMatch(/元/);

    // 年度预算测算: 8% over version B's figures.
    await page.getByLabel('总体增长率', { exact: true }).fill('8');
    await page.getByTestId('estimate-make').click();
    const table = page.getByTestId('estimate-table');
    await table.waitFor();
    const total = amountOf(await textOf(page, 'estimate-total'));
    const articleCells = page.locator('[data-testid^="estimate-expected-a"]');
    let articles = 0;
    for (const cell of await articleCells.all()) articles += amountOf(await cell.textContent());
    expect(articles).toBe(total);
    // Each line floored: within a yuan per measure of B's total × 1.08.
    expect(total).toBeLessThanOrEqual(Math.floor((totalB * 108) / 100));
    expect(total).toBeGreaterThan(Math.floor((totalB * 108) / 100) - 40);
    expect(await textOf(page, 'estimate-assumptions')).toContain('增长8%');

    // The downloads answer.
    for (const id of ['simulation-xlsx', 'estimate-xlsx']) {
      const href = await page.getByTestId(id).first().getAttribute('href');
      const res = await page.request.get(`${server.url}${href}`);
      expect(res.status(), id).toBe(200);
      expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
    }

    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
    await screenshot(page, 'simulation');
    expect(errors).toEqual([]);
  }, 300_000);

  it('the simulation page for the README: totals, charts and measures at 1366 wide', async () => {
    const { page } = await browser.page({ width: 1366, height: 900 });
    await signIn(page, server.url, 'officer2', DEMO);
    await page.goto(simulationUrl);
    await page.getByTestId('total-difference').waitFor({ timeout: 60_000 });
    await page.getByTestId('chart-sim-distribution').locator('svg').first().waitFor();
    // The charts drawn (ECharts animates its bars in).
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    const dir = join(ROOT, 'docs', 'screenshots');
    mkdirSync(dir, { recursive: true });
    // From the top to the end of the measures' table: what a reader of the README looks for.
    const bottom = await page
      .getByTestId('simulation-measures')
      .evaluate((el) => (el as unknown as { getBoundingClientRect(): { bottom: number } }).getBoundingClientRect().bottom);
    await page.screenshot({
      path: join(dir, 'simulation.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1366, height: Math.ceil(bottom) + 24 },
    });
  }, 120_000);
});
