import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type E2EBrowser, type E2EServer, HAS_CHROMIUM, launchBrowser, screenshot, startServer } from './harness.js';

/** The demo's password (seed-demo): every demo account has it. */
const DEMO = 'ftai-demo-2026';

/** Signs in on the login page's own button (the header has a "登录" button too). */
async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  // The first load parses the whole bundle: on a busy machine that takes a while.
  await page.getByLabel(/用户名|User name/).waitFor({ timeout: 60_000 });
  await page.getByLabel(/用户名|User name/).fill(username);
  await page.getByLabel(/密码|Password/).fill(DEMO);
  await page
    .getByRole('main')
    .getByRole('button', { name: /登\s*录|Sign in/ })
    .click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Console errors, less the browser's note of a refusal the test provokes on purpose (a 400 shown in place, a 409). */
function unexpected(errors: readonly string[], ...statuses: number[]): string[] {
  return errors.filter((e) => !statuses.some((s) => e.includes(`the server responded with a status of ${s}`)));
}

/** Picks an option of the open Ant Design select (the visible list, not its hidden accessible copy). */
async function pick(page: Page, option: string): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
}

/** A full-page screenshot from the top (a sticky header would otherwise sit where the page was scrolled to). */
async function shot(page: Page, name: string): Promise<void> {
  // The root type check has no DOM library: the browser's globals are named by hand.
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await screenshot(page, name);
}

/** "12,000,000 元" → 12000000. */
const yuan = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

describe.skipIf(!HAS_CHROMIUM)('the officer console', () => {
  let server: E2EServer;
  let browser: E2EBrowser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startServer();
    server.ftai('db', 'seed-demo');
    browser = await launchBrowser();
    ({ page, errors } = await browser.page());
    page.setDefaultTimeout(20_000);
    await signIn(page, server.url, 'officer');
  });
  afterEach(async (ctx) => {
    errors.length = 0; // each test checks its own
    if (ctx.task.result?.state === 'fail')
      await page.screenshot({ path: `/tmp/w3shots/fail-${ctx.task.name.slice(0, 24).replace(/\W+/g, '_')}.png`, fullPage: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the budget dashboard with its charts', async () => {
    // An officer lands on the console, which opens on the dashboard.
    await page.getByRole('navigation').getByRole('link', { name: '预算看板' }).click();
    await page.waitForURL('**/officer/dashboard');
    await page.getByRole('heading', { name: '预算看板' }).waitFor();
    for (const chart of ['chart-article', 'chart-top', 'chart-measure']) {
      await page.getByTestId(chart).locator('svg, canvas').first().waitFor();
    }
    // The demo's call: 12,000,000 budget, all of it allocated, three approved applications waiting.
    await expect.poll(() => page.getByText('12,000,000').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('count-approved').textContent()).toContain('3');
    await page.waitForTimeout(1200); // the bars grow in
    await shot(page, 'dashboard');
    expect(errors).toEqual([]);
  });

  it('filters the queue by status and searches it', async () => {
    await page.getByTestId('count-under_review').click();
    await page.waitForURL(/status=under_review/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(3);
    for (const tag of await rows.locator('.ant-tag').allTextContents()) expect(tag).toBe('专家评审');
    await page.getByRole('tab', { name: /已拨付/ }).click();
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByRole('tab', { name: /全部/ }).click();
    await expect.poll(() => rows.count()).toBe(20); // 30, 20 a page
    // The search finds the start of a name (or of a credit code, or of an application's number).
    await page.getByTestId('queue-search').locator('input').fill('北京看丹');
    await page.getByTestId('queue-search').locator('input').press('Enter');
    await expect.poll(() => rows.count()).toBe(3);
    // The search is cleared before the tab changes (else the tab's list would still be searched).
    await page.getByTestId('queue-search').locator('input').fill('');
    await page.getByTestId('queue-search').locator('input').press('Enter');
    await expect.poll(() => rows.count()).toBe(20);
    await page.getByRole('tab', { name: /专家评审/ }).click();
    await expect.poll(() => rows.count()).toBe(3);
    await shot(page, 'queue');
    expect(errors).toEqual([]);
  });

  it('refuses a tied reviewer and approves with one amount reduced', async () => {
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().getByRole('link').first().click();
    await page.getByTestId('approval-form').waitFor();
    expect(await page.getByTestId('application-status').textContent()).toBe('专家评审');

    // Record reviewer 陈工's tie to this enterprise, then try to assign him: refused as a conflict of interest.
    await page.getByText('登记专家与本企业的关联（回避）').click();
    await page.getByLabel('评审专家', { exact: true }).click();
    await pick(page, '评审专家 陈工');
    await page.getByLabel('关联关系').fill('曾任该企业技术顾问');
    await page.getByRole('button', { name: /^登\s*记$/ }).click();
    await page.getByText('已登记回避关系').waitFor();
    await page.getByTestId('reviewer-select').click();
    await pick(page, '评审专家 陈工');
    await page.getByTestId('assign-reviewer').click();
    await page
      .getByTestId('assign-refusal')
      .getByText(/利益冲突/)
      .waitFor();

    // Every item starts at the engine's figure; the first is cut by 20%.
    const inputs = page.getByTestId('approval-form').locator('input.ant-input-number-input');
    const count = await inputs.count();
    expect(count).toBeGreaterThan(0);
    const engine = yuan(await inputs.first().inputValue());
    const reduced = Math.floor((engine * 8) / 10);
    await inputs.first().fill(String(reduced));
    await inputs.first().blur();
    // An amount above the engine's figure is not accepted: the input keeps it at the figure.
    if (count > 1) {
      const second = yuan(await inputs.nth(1).inputValue());
      await inputs.nth(1).fill(String(second + 1000));
      await inputs.nth(1).blur();
      await expect.poll(async () => yuan(await inputs.nth(1).inputValue())).toBe(second);
    }
    const total = yuan(await page.getByTestId('approved-total').textContent());
    await page
      .getByTestId('approval-form')
      .getByText(`−${(engine - reduced).toLocaleString('en-US')}`)
      .first()
      .waitFor();
    await shot(page, 'application-approve');

    await page.getByTestId('approve-submit').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*认/ })
      .click();
    await expect.poll(() => page.getByTestId('application-status').textContent()).toBe('已审定');
    await page.getByText('审定与分配明细').waitFor();
    expect(yuan(await page.locator('.ant-descriptions-item').filter({ hasText: '审定金额' }).first().textContent())).toBe(total);
    expect(unexpected(errors, 409)).toEqual([]);
  });

  it('raises the budget, previews the allocation over it and commits it', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '申报批次' }).click();
    await page
      .getByRole('button', { name: /编\s*辑/ })
      .first()
      .click();
    const total = page.getByLabel('年度总预算');
    // A total below an article's budget (article 1: 2,000,000) is refused in place, before any request.
    await total.fill('1000000');
    await page.getByTestId('call-save').click();
    await page.getByText('单条预算不得超过年度总预算1,000,000元').first().waitFor();
    await total.fill('16000000');
    await page.getByTestId('call-save').click();
    await page.getByText(/^已保存/).waitFor();
    await page.getByText('16,000,000').first().waitFor();

    await page.getByRole('navigation').getByRole('link', { name: '预算分配' }).click();
    await page.getByTestId('preview').click();
    await page.getByTestId('allocated-sum').waitFor();
    const left = Number(await page.getByTestId('budget-left').getAttribute('data-value'));
    const approved = Number(await page.getByTestId('approved-sum').getAttribute('data-value'));
    const allocated = Number(await page.getByTestId('allocated-sum').getAttribute('data-value'));
    // The demo allocated 12,000,000; the budget is now 16,000,000; four approved applications wait.
    expect(left).toBe(4_000_000);
    expect(approved).toBeGreaterThan(left);
    expect(allocated).toBe(Math.min(left, approved));
    expect(yuan(await page.getByTestId('allocated-sum').locator('.ant-statistic-content').textContent())).toBe(allocated);
    await page.getByTestId('oversubscribed').getByText('审定金额超出可分配预算').waitFor();
    // The table's rows add up to the figure shown.
    const cells = await page.locator('.ant-table-tbody tr.ant-table-row').evaluateAll((trs) =>
      trs.map((tr) => {
        const tds = [...tr.querySelectorAll('td')];
        return Number((tds[tds.length - 2]?.textContent ?? '').replace(/[^\d]/g, ''));
      }),
    );
    expect(cells).toHaveLength(4);
    expect(cells.reduce((s, v) => s + v, 0)).toBe(allocated);
    // The rule as applied: the total binds at one stated ratio, budget ÷ the sum it scales.
    const totalLine = page.getByTestId('allocation-rule').getByTestId('binding-total');
    const stated = (await totalLine.getAttribute('data-percent')) as string;
    expect(stated).toMatch(/^\d+\.\d{2}$/);
    expect(await totalLine.textContent()).toContain(`可分配预算4,000,000元`);
    expect(await totalLine.textContent()).toContain(`＝${stated}%`);
    // Rows whose items only the total scales show that ratio (the demo's second and fourth).
    const rowRatios = await page.getByTestId('row-ratio').evaluateAll((els) => els.map((e) => e.getAttribute('data-percent')));
    expect(rowRatios.filter((r) => r === stated).length).toBeGreaterThanOrEqual(1);
    // Article 1's budget binds first: its items get its ratio times the total's, and the page says so.
    const article1 = page.getByTestId('binding-article-1');
    const combined = (await article1.getAttribute('data-combined')) as string;
    expect(await article1.textContent()).toContain(`×${stated}%≈${combined}%`);
    // The first application has an item of each kind: its rows show the ratios stated.
    await page.locator('.ant-table-row-expand-icon').first().click();
    const items = page.locator('.ant-table-expanded-row tr.ant-table-row');
    const both = items.filter({ hasText: '第一条单列预算 → 年度总额控制' }).first();
    expect(await both.getByTestId('item-ratio').textContent()).toBe(`${combined}%`);
    const totalOnly = items.filter({ hasText: '年度总额控制' }).filter({ hasNotText: '单列预算' }).first();
    expect(await totalOnly.getByTestId('item-ratio').textContent()).toBe(`${stated}%`);
    // The yuan left by the floors went one each by largest remainder: flagged on the rows.
    expect(await page.getByTestId('plus-yuan').count()).toBeGreaterThanOrEqual(1);
    await shot(page, 'allocation-preview');

    await page.getByTestId('commit').click();
    await page.getByRole('dialog').getByRole('button', { name: '提交分配' }).click();
    await page.getByTestId('committed').waitFor();
    expect(await page.getByTestId('committed').textContent()).toContain(allocated.toLocaleString('en-US'));
    expect(errors).toEqual([]);
  });

  it('publishes the notice and opens its page and export', async () => {
    await page.getByRole('link', { name: '去发布公示' }).click();
    await page.getByText(/4件已审定并完成分配的申报待公示/).waitFor();
    await page.getByTestId('publish').click();
    await page.getByRole('dialog').getByRole('button', { name: '发布公示' }).click();
    await page.getByTestId('published').waitFor();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(2);
    // The demo's notice has an objection: it shows under its row.
    await page.locator('.ant-table-tbody tr.ant-table-row').nth(1).getByRole('button').first().click();
    await page.getByText('张先生').waitFor();
    await shot(page, 'notice');

    const exportLink = page.getByTestId('published').getByRole('link', { name: /导出Excel/ });
    const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    expect(file).toBeTruthy();

    const [noticePage] = await Promise.all([
      page.context().waitForEvent('page'),
      page
        .getByTestId('published')
        .getByRole('link', { name: /公示页面/ })
        .click(),
    ]);
    await noticePage.waitForLoadState();
    expect(await noticePage.content()).toContain('公示');
    await noticePage.close();
    expect(errors).toEqual([]);
  });

  it('refuses to allocate 0 yuan to an approved item unless the officer says why (不予安排)', async () => {
    // One more approval after the budget is spent: the demo's last applications under review.
    const officer = await apiAs(server, 'officer', DEMO);
    const { applications } = await officer.get<{ applications: { id: string }[] }>('/api/v1/applications?status=under_review&limit=1');
    const id = applications[0]?.id as string;
    const view = await officer.get<{ items: { measure: string; subject: string | null; engineAmount: number }[] }>(
      `/api/v1/applications/${id}`,
    );
    await officer.post(`/api/v1/applications/${id}/approve`, {
      items: view.items.map((it) => ({ measure: it.measure, subject: it.subject, amount: it.engineAmount })),
      note: '经专家评审通过',
    });

    await page.getByRole('navigation').getByRole('link', { name: '预算分配' }).click();
    await page.getByTestId('preview').click();
    await page.getByTestId('allocated-sum').waitFor();
    expect(Number(await page.getByTestId('budget-left').getAttribute('data-value'))).toBe(0);
    // Each page has its own title.
    expect(await page.title()).toBe('预算分配 · 丰台AI政策通');
    // With nothing left in all, nothing is left in any article either.
    await page.getByText('本条可分配0元').first().waitFor();
    expect(await page.getByText(/本条可分配[1-9]/).count()).toBe(0);
    await page.getByTestId('commit').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/本次分配0元，将以“不予安排”列入公示/).waitFor();
    // No reason, no commit: the button waits for one (the server would refuse it, 409).
    const commitButton = dialog.getByRole('button', { name: '提交分配' });
    await dialog.getByText('请填写不予安排的理由（至少2个字）').waitFor();
    expect(await commitButton.isDisabled()).toBe(true);
    await dialog.getByTestId('not-funded-reason').fill('年度预算已分配完毕，本年度不予安排');
    expect(await commitButton.isEnabled()).toBe(true);
    await shot(page, 'allocation-not-funded');
    await commitButton.click();
    await page.getByTestId('committed').waitFor();
    const audit = await officer.get<{ entries: { after: { notFunded?: { items: number; reason: string } } | null }[] }>(
      '/api/v1/audit?action=allocation.commit&limit=1',
    );
    expect(audit.entries[0]?.after?.notFunded?.reason).toBe('年度预算已分配完毕，本年度不予安排');
    expect(errors).toEqual([]);
  });

  it('imports other policies’ awards: a bad row refused in place, then a good file', async () => {
    const officer = await apiAs(server, 'officer', DEMO);
    const { enterprises } = await officer.get<{ enterprises: { creditCode: string }[] }>('/api/v1/enterprises');
    const [a, b] = enterprises.map((e) => e.creditCode);
    await page.getByRole('navigation').getByRole('link', { name: '他项政策奖励' }).click();
    // The help names both ways a row can say what was supported: subject, or measure (对应本措施事项),
    // with the measures a row may name, by clause and name.
    expect(await page.getByTestId('awards-help').textContent()).toContain('支持对象和（或）对应本措施事项');
    await page.getByRole('button', { name: '填入表头' }).click();
    expect(await page.getByTestId('csv-input').inputValue()).toBe('统一社会信用代码,政策名称,支持对象,对应本措施事项,金额,年度\n');
    await page.getByText('对应本措施事项：可填写的事项编号').click();
    await page.getByTestId('awards-measures').getByText('第五条第（3）项（首次认定国家专精特新“小巨人”企业）').waitFor();
    expect(await page.getByTestId('awards-measures').locator('li').count()).toBe(19);
    const csv = page.getByTestId('csv-input');
    await csv.fill(
      [
        'creditCode,policy,subject,amount,year',
        `${a},丰台区支持数字经济发展若干措施,E2E-1,300000,2025`,
        '91110106MA01,丰台区支持数字经济发展若干措施,E2E-2,1200.50,2025',
      ].join('\n'),
    );
    await page.getByTestId('import').click();
    await page.getByTestId('import-refused').waitFor();
    const issues = page.getByTestId('import-issues').locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => issues.count()).toBe(2);
    expect(await issues.nth(0).textContent()).toContain('第3行');
    expect(await issues.nth(0).textContent()).toContain('统一社会信用代码');
    expect(await issues.nth(1).textContent()).toContain('金额（元）');
    // The problem itself in Chinese.
    expect(await issues.nth(0).textContent()).toContain('统一社会信用代码应为18位');
    expect(await issues.nth(1).textContent()).toContain('金额应为整元');

    await csv.fill(
      [
        'creditCode,policy,subject,amount,year',
        `${a},丰台区支持数字经济发展若干措施,E2E-1,300000,2025`,
        `${b},丰台区支持数字经济发展若干措施,E2E-2,120000,2025`,
      ].join('\n'),
    );
    await page.getByTestId('import').click();
    await page.getByTestId('import-done').getByText('已导入2条奖励，合计420,000元').waitFor();
    await expect.poll(() => page.getByText('E2E-2').count()).toBe(1);
    expect(await page.getByText('本次导入').count()).toBe(2);
    expect(unexpected(errors, 400)).toEqual([]);
  });

  it('shows the audit log with diffs and verifies the chain', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '审计日志' }).click();
    // The log's own rows, not those of an entry's diff table opened below it.
    const rows = page.getByTestId('audit-table').locator('tr.ant-table-row:not(.ant-table-expanded-row tr)');
    await expect.poll(() => rows.count()).toBe(20);
    // The newest entry is the import just made.
    expect(await rows.first().textContent()).toContain('导入他项政策奖励');
    await rows.first().getByRole('button').first().click();
    await page.getByText('amount', { exact: true }).waitFor();
    // Paged by the server: the next page holds older entries, the previous one the newest again.
    const newest = Number(await rows.first().locator('td').nth(1).textContent());
    await page.getByRole('button', { name: /下一页/ }).click();
    await expect.poll(async () => Number(await rows.first().locator('td').nth(1).textContent())).toBe(newest - 20);
    await page.getByRole('button', { name: /上一页/ }).click();
    await expect.poll(async () => Number(await rows.first().locator('td').nth(1).textContent())).toBe(newest);
    // Who and which, by name: the operator with their role, the record by its name.
    expect(await rows.first().textContent()).toContain('主管部门');
    // Filtered by the server: the operator's imports only — the demo's (12 days ago) and today's.
    const officer = await apiAs(server, 'officer', DEMO);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    type Log = { entries: { seq: number }[]; page: { total: number } };
    const imports = await officer.get<Log>('/api/v1/audit?action=other-policy-awards.import&limit=50');
    const todays = await officer.get<Log>(`/api/v1/audit?action=other-policy-awards.import&from=${today}&to=${today}&limit=50`);
    expect(todays.page.total).toBeGreaterThan(0);
    expect(todays.page.total).toBeLessThan(imports.page.total);
    await page.getByTestId('action-filter').click();
    // The list is virtual: typed, the option is the first of the few left.
    await page.keyboard.type('导入他项');
    await pick(page, '导入他项政策奖励');
    await expect.poll(() => rows.count()).toBe(imports.page.total);
    expect(await rows.first().textContent()).toContain('导入他项政策奖励');
    // And of today only (Beijing): the date range typed into its two fields.
    const from = page.getByPlaceholder('开始日期');
    const to = page.getByPlaceholder('结束日期');
    await from.click();
    await from.fill(today);
    await from.press('Enter');
    await to.fill(today);
    await to.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => rows.count()).toBe(todays.page.total);
    const shown: number[] = [];
    for (let i = 0; i < todays.page.total; i++) shown.push(Number(await rows.nth(i).locator('td').nth(1).textContent()));
    expect(shown).toEqual(todays.entries.map((e) => e.seq));

    // The workbook holds the rows filtered, and only them, in Chinese.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志');
    if (!sheet) throw new Error('no sheet 审计日志');
    const [y, m, d] = today.split('-').map(Number);
    expect(String(sheet.getRow(1).getCell(1).value)).toContain(`${y}年${m}月${d}日`);
    expect(String(sheet.getRow(1).getCell(1).value)).toContain('操作：导入他项政策奖励');
    expect(sheet.getRow(3).getCell(1).value).toBe('序号');
    const exported: unknown[][] = [];
    for (let r = 4; r < sheet.rowCount; r++) exported.push((sheet.getRow(r).values as unknown[]).slice(1));
    expect(exported.map((r) => r[1])).toEqual(todays.entries.map((e) => e.seq));
    expect(exported.map((r) => [r[3], r[4], r[5]])).toEqual(todays.entries.map(() => ['科信局 王科长', '主管部门', '导入他项政策奖励']));
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe(`共${todays.page.total}条记录`);

    // The chain checked: its head and the anchor file with the head it last holds.
    await page.getByTestId('verify').click();
    await page
      .getByTestId('verify-result')
      .getByText(/哈希链完整/)
      .waitFor();
    const facts = await page.getByTestId('verify-facts').textContent();
    expect(facts).toMatch(/链头第\d+条记录，校验值[0-9a-f]{16}…/);
    expect(facts).toContain('锚点文件');
    expect(facts).toMatch(/最近锚点第\d+条记录/);
    await shot(page, 'audit');
    expect(unexpected(errors, 400)).toEqual([]);
  });

  it('matches the platform’s enterprises and a registry file, with progress, downloads and whom to notify', async () => {
    await page.getByRole('navigation').getByRole('link', { name: '免申即享匹配' }).click();
    await page.getByRole('heading', { name: '免申即享匹配' }).waitFor();
    // The enterprises the platform holds, for the demo's assessment year.
    await page.getByLabel('评估年度').fill('2025');
    await page
      .getByRole('button', { name: /开始匹配/ })
      .last()
      .click();
    const jobs = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => jobs.count()).toBe(1);
    // Polled every 2 s until done.
    await jobs.first().getByText('已完成').waitFor({ timeout: 60_000 });
    expect(await jobs.first().textContent()).toContain('30 / 30行');
    await jobs
      .first()
      .getByRole('link', { name: /匹配汇总表（Excel）/ })
      .waitFor();

    // The registry template, from the page: Chinese headers and the notes sheet.
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('registry-template').click()]);
    expect(template.suggestedFilename()).toBe('企业登记表模板.xlsx');
    const templateBook = new ExcelJS.Workbook();
    await templateBook.xlsx.readFile((await template.path()) as string);
    expect(templateBook.getWorksheet('企业登记表')?.getRow(1).getCell(1).value).toBe('年度');
    expect(templateBook.getWorksheet('填写说明')).toBeTruthy();

    // A registry file with a bad row: matched, the bad row counted and downloadable.
    const officer = await apiAs(server, 'officer', DEMO);
    const { enterprises } = await officer.get<{ enterprises: { creditCode: string }[] }>('/api/v1/enterprises');
    const registry = [
      '年度,统一社会信用代码,企业名称,注册在丰台,纳税在丰台,人工智能伙伴计划企业,算力投入',
      `2025,${enterprises[0]?.creditCode},名册企业甲,是,是,是,5000000`,
      `2025,${enterprises[1]?.creditCode},名册企业乙,是,是,否,5000000`,
      '2025,91110106MA01,名册企业丙,是,是,是,100',
    ].join('\n');
    await page.locator('input[type=file]').setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: Buffer.from(registry) });
    await page
      .getByRole('button', { name: /开始匹配/ })
      .first()
      .click();
    await expect.poll(() => jobs.count()).toBe(2);
    await jobs.first().getByText('已完成').waitFor({ timeout: 60_000 });
    expect(await jobs.first().textContent()).toContain('名册.csv');
    await jobs
      .first()
      .getByRole('link', { name: /错误明细（JSON Lines）/ })
      .waitFor();
    await shot(page, 'match');
    // The results and the refused row as workbooks in Chinese.
    const [results] = await Promise.all([
      page.waitForEvent('download'),
      jobs
        .first()
        .getByRole('link', { name: /匹配结果（Excel）/ })
        .click(),
    ]);
    expect(results.suggestedFilename()).toMatch(/^匹配结果-.+\.xlsx$/);
    const resultsBook = new ExcelJS.Workbook();
    await resultsBook.xlsx.readFile((await results.path()) as string);
    const resultSheet = resultsBook.getWorksheet('匹配结果');
    expect(resultSheet?.getRow(3).getCell(3).value).toBe(enterprises[0]?.creditCode);
    expect(resultSheet?.getRow(3).getCell(5).value).toBe(1_000_000);
    expect(String(resultSheet?.getRow(3).getCell(6).value)).toContain('第一条 1,000,000元');
    expect(resultSheet?.getRow(5).getCell(2).value).toBe(4);
    expect(String(resultSheet?.getRow(5).getCell(9).value)).toContain('统一社会信用代码');
    const [errorsFile] = await Promise.all([
      page.waitForEvent('download'),
      jobs
        .first()
        .getByRole('link', { name: /错误明细（Excel）/ })
        .click(),
    ]);
    const errorsBook = new ExcelJS.Workbook();
    await errorsBook.xlsx.readFile((await errorsFile.path()) as string);
    const errorRow = errorsBook.getWorksheet('错误明细')?.getRow(3);
    expect(errorRow?.getCell(2).value).toBe(4);
    expect(String(errorRow?.getCell(3).value)).toContain('统一社会信用代码');
    expect(String(errorRow?.getCell(5).value)).toMatch(/^统一社会信用代码/);
    // The partner-program enterprise gets 20% of 5,000,000 for compute (第一条): 1,000,000.
    await jobs
      .first()
      .getByRole('button', { name: /待通知企业/ })
      .click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('1,000,000').first().waitFor();
    expect(await drawer.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    expect(await drawer.locator('.ant-table-tbody').textContent()).toContain('名册企业甲');
    await drawer
      .getByRole('button', { name: /close|关闭/i })
      .first()
      .click();
    expect(errors).toEqual([]);
  });

  it('works on a phone width', async () => {
    const phone = await browser.page({ width: 390, height: 844 });
    await signIn(phone.page, server.url, 'officer');
    await phone.page.goto(`${server.url}/officer/applications?status=public_notice`);
    await phone.page.getByRole('heading', { name: '申报受理' }).waitFor();
    // Cards instead of the wide table: the demo's three on notice and the four published above.
    await expect.poll(() => phone.page.locator('.ant-list .ant-card').count()).toBe(7);
    expect(await phone.page.locator('.ant-table').count()).toBe(0);
    const width = await phone.page.evaluate(
      () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);
    await shot(phone.page, 'queue-phone');
    expect(phone.errors).toEqual([]);
  });
});
