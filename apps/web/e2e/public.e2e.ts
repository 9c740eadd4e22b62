import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type E2EBrowser, type E2EServer, HAS_CHROMIUM, launchBrowser, pdfText, ROOT, screenshot, startServer } from './harness.js';

const CASES = join(ROOT, 'packages', 'policy-fengtai', 'cases');
const readCase = (prefix: string) => {
  const file = [
    '16-incubator-construction-11-incubated-capped-at-500-000-3-inve.json',
    '12-revenue-first-reaching-100-000-000-pays-300-000-growth-60-00.json',
  ].find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no case ${prefix}`);
  return JSON.parse(readFileSync(join(CASES, file), 'utf8')) as {
    name: string;
    request: { year: number; enterprise: Record<string, unknown>; facts: Record<string, unknown> };
    expect: { total: number };
  };
};
/**
 * Chromium logs every 4xx answer as a console error. The API's 400 is how the calculator validates
 * ("forms validate as the API does"): where a test provokes one on purpose, it counts them and
 * allows exactly those; every other console error still fails the test.
 */
const besides400 = (errors: readonly string[]) => errors.filter((e) => !/status of 400 \(Bad Request\)/.test(e));
const yuan = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** PATCH as a signed-in user (the harness's apiAs has no patch). */
async function patchAs(server: E2EServer, username: string, password: string, path: string, body: unknown): Promise<void> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${server.url}${path}`, {
    method: 'PATCH',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`PATCH ${path}: ${res.status} ${await res.text()}`);
}

/** Types into an Ant Design InputNumber or Input found by test id. */
async function fill(page: Page, testId: string, value: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(value);
  await input.blur();
}

/** Picks an option of an Ant Design Select by its visible text (typing it first where the list can be searched). */
async function choose(page: Page, testId: string, option: string, search?: string) {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

describe.skipIf(!HAS_CHROMIUM)('public pages: policy browser, calculator, notices', () => {
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

  it('browses the policy: articles, a keyword search with highlights, a clause, an assumption, the full text', async () => {
    const { page, errors } = await browser.page();
    await page.goto(`${server.url}/policy`);
    await page.getByText('第一条 加大人工智能算力供给').waitFor();
    await page.getByText('第十条 深化教育科技人才一体化发展').waitFor();

    await page.getByTestId('policy-search').locator('input').fill('研发投入');
    await page.getByTestId('policy-found').waitFor();
    // The search opens what it found: 4.3 with its original clause and its assumption.
    const m43 = page.getByTestId('measure-4.3');
    await m43.waitFor();
    expect(await m43.locator('blockquote').textContent()).toContain('对年度研发费用较上年增长超过100万元（含）的企业');
    const assumption = page.getByTestId('assumption-4.3');
    expect(await assumption.textContent()).toContain('假设');
    expect(await assumption.textContent()).toContain('4.3.tiers');
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    expect(await page.getByText('第八条 打造高品质产业承载空间').count()).toBe(0);
    await screenshot(page, 'policy');

    // 第五条第（3）项: the name and the clause as the text numbers them; the amount a maximum (最高),
    // after review (经评审认定).
    await page.getByTestId('policy-search').locator('input').fill('小巨人');
    const m53a = page.getByTestId('measure-5.3a');
    await m53a.waitFor();
    const header = page.locator('.ant-collapse-item').filter({ has: m53a }).locator('.ant-collapse-header');
    expect(await header.textContent()).toContain('第五条第（3）项');
    expect(await header.textContent()).toContain('首次认定国家专精特新“小巨人”企业');
    expect(await page.getByTestId('review-5.3a').textContent()).toBe('经评审认定');
    const detail = await m53a.textContent();
    expect(detail).toContain('最高500,000元');
    expect(detail).toContain('经评审认定：测算结果为政策允许的最高额，以评审认定为准');
    expect(detail).not.toContain('定额');
    await page.mouse.move(0, 0);
    await screenshot(page, 'policy-review');

    await page.getByTestId('policy-search').locator('input').fill('孵化器');
    await page.getByTestId('measure-8.2').waitFor();
    await page.getByRole('tab', { name: '政策原文' }).click();
    await page.getByTestId('policy-text').getByText('第十条').waitFor();
    expect(await page.getByTestId('policy-text').locator('mark').count()).toBeGreaterThan(0);
    // As published: each article's heading and each numbered item on a line of its own, the
    // punctuation full-width, nothing in English.
    const text = page.getByTestId('policy-text');
    expect(await text.locator('[data-article="第二条"]').textContent()).toBe('第二条\u3000支持人工智能大模型研发');
    const item = text.locator('.ant-typography').filter({ hasText: /^（1）支持大模型合规备案/ });
    expect(await item.textContent()).toBe(
      '（1）支持大模型合规备案对通过国家生成式人工智能备案的大模型，一次性给予研发企业最高50万元支持；工业大模型最高支持60万元。',
    );
    const all = (await text.textContent()) ?? '';
    expect(all).toContain('印发通知：北京市丰台区科学技术和信息化局关于印发');
    expect(all).toContain('2025年10月30日');
    expect(all).not.toMatch(/[,;()]|full text|issuer|The notice/);
    await page.getByTestId('policy-search').locator('input').fill('');
    await screenshot(page, 'policy-text');
    expect(errors).toEqual([]);
  });

  it('computes the incubator case through the step form, downloads the request, loads it back, explains in English', async () => {
    const c = readCase('16-');
    const { page, errors } = await browser.page();
    await page.goto(`${server.url}/calculator`);

    // Step 1: a credit code with a wrong check character is refused by the API, in place.
    await fill(page, 'calc-year', String(c.request.year));
    await fill(page, 'calc-credit-code', '91110106MA0000K54X');
    await fill(page, 'calc-name', String(c.request.enterprise.name));
    await page.getByTestId('calc-next').click();
    await page.locator('#enterprise_enterprise_creditCode_help').getByText('统一社会信用代码校验位错误：第18位为X，应为T').waitFor();
    await fill(page, 'calc-credit-code', String(c.request.enterprise.creditCode));
    await page.getByTestId('calc-next').click();

    // Step 2: only the incubator.
    await page.getByTestId('topic-incubator').click();
    await page.getByTestId('calc-next').click();

    // Step 3: the incubator's facts, and nothing else is asked.
    await page.getByTestId('facts-topic-incubator').waitFor();
    expect(await page.locator('[data-testid^="facts-topic-"]').count()).toBe(1);
    await choose(page, 'fact-incubator-rating', '部级卓越孵化器');
    await fill(page, 'fact-incubator-investment', '3000000');
    await fill(page, 'fact-incubator-incubatedAIEnterprises', '11');
    await fill(page, 'fact-incubator-investedAIEnterprises', '3');
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'calculator-steps');
    await page.getByTestId('calc-next').click();

    // Step 4: no earlier support; calculate.
    await page.getByText('为什么要填？').waitFor();
    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-results').waitFor();
    expect(await page.getByTestId('calc-total').textContent()).toContain(yuan(c.expect.total));
    expect(await page.getByTestId('answer-total').textContent()).toContain(yuan(c.expect.total));
    // 第八条第（1）项 is after review: the most the text allows, 最高 and 需评审.
    const row81 = page.getByRole('row', { name: /第八条第（1）项/ });
    expect(await row81.textContent()).toContain('最高900,000');
    expect(await row81.textContent()).toContain('需评审');
    await row81.getByRole('button').first().click();
    expect(await page.getByTestId('explanation-8.1-').textContent()).toContain('建设投入3,000,000元×30%＝900,000元');
    await page.mouse.move(0, 0);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'calculator-result');

    // The printed report: the request, every result with its steps, the total, version and date.
    await page.emulateMedia({ media: 'print' });
    const report = page.getByTestId('print-report');
    expect(await report.isVisible()).toBe(true);
    expect(await page.getByTestId('calc-steps').isVisible()).toBe(false);
    const text = await report.textContent();
    expect(text).toContain('政策测算报告');
    expect(text).toContain('2025.10.30-2');
    expect(text).toContain('部级卓越孵化器');
    expect(text).toContain('培育符合条件的人工智能企业11家×50,000元＝550,000元');
    // The 需评审 flag and the maximum survive on paper.
    const printed81 = await page.getByTestId('print-8.1-').textContent();
    expect(printed81).toContain('第八条第（1）项（部级卓越孵化器、市级标杆孵化器）');
    expect(printed81).toContain('最高900,000');
    expect(printed81).toContain('需评审');
    expect(await page.getByTestId('print-8.2-').textContent()).not.toContain('需评审');
    expect(await page.getByTestId('print-review-legend').textContent()).toContain('经评审认定');
    expect(await page.getByTestId('print-total').textContent()).toBe(yuan(c.expect.total));
    await screenshot(page, 'calculator-print');
    await page.emulateMedia({ media: 'screen' });

    // 下载: the printable report as a PDF the server draws, with the same lines as the printed page.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('calc-report-pdf').click()]);
    expect(pdf.suggestedFilename()).toBe(`政策测算报告-2026-${c.request.enterprise.creditCode}.pdf`);
    const paper = await pdfText(await pdf.path());
    expect(paper.text).toContain('政策测算报告');
    expect(paper.text).toContain('第八条第（1）项（部级卓越孵化器、市级标杆孵化器）');
    expect(paper.text).toContain('最高900,000需评审');
    expect(paper.text).toContain('培育符合条件的人工智能企业11家×50,000元＝550,000元');
    expect(paper.text).toContain(`合计${yuan(c.expect.total)}`);

    // 高级 → 导出: exactly the contract request of the case (startup answered "no" in the form).
    await page.getByTestId('calc-advanced').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('calc-export-json').click()]);
    expect(download.suggestedFilename()).toBe(`ftai-request-2026-${c.request.enterprise.creditCode}.json`);
    const saved = await download.path();
    const downloaded = JSON.parse(readFileSync(saved, 'utf8'));
    expect(downloaded).toEqual({ ...c.request, enterprise: { ...c.request.enterprise, startup: false } });

    // Start again, then load the downloaded file: the steps fill in and the answer comes back.
    await page.getByRole('button', { name: /重新开始/ }).click();
    await page.getByTestId('calc-year').waitFor();
    await page.getByTestId('calc-load-input').setInputFiles(saved);
    await page.getByTestId('calc-results').waitFor();
    await page.getByTestId('calc-total').getByText(yuan(c.expect.total)).waitFor();
    await page.getByRole('button', { name: /修改填写/ }).click();
    expect(await page.getByTestId('calc-credit-code').inputValue()).toBe(c.request.enterprise.creditCode);
    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-next').click();
    expect(await page.getByTestId('fact-incubator-investment').inputValue()).toBe('3,000,000');
    expect(await page.getByTestId('facts-topic-incubator').textContent()).toContain('部级卓越孵化器');

    // A file that breaks the contract is refused with the API's reasons, and nothing is loaded.
    const dir = mkdtempSync(join(tmpdir(), 'ftai-e2e-json-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ year: 2026, enterprise: {}, facts: { modelFilings: [{ id: 'M-1', date: '2026-02-30' }], typo: 1 } }),
    );
    await page.getByTestId('calc-load-input').setInputFiles(bad);
    const issues = page.getByTestId('calc-load-issues');
    await issues.waitFor();
    expect(await issues.textContent()).toContain('facts.modelFilings[0].date');
    expect(await issues.textContent()).toContain('facts.typo');
    expect(await page.getByTestId('fact-incubator-investment').inputValue()).toBe('3,000,000');

    // English: on the results, switching the language asks again and explains in English.
    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-results').waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByText('Policy calculator').waitFor();
    await page
      .getByRole('row', { name: /Article 8\(1\)/ })
      .getByRole('button')
      .first()
      .click();
    await page.getByTestId('explanation-8.1-').getByText('construction investment 3,000,000 × 30% = 900,000').waitFor();
    expect(await page.getByTestId('calc-total').textContent()).toContain(yuan(c.expect.total));
    await page.mouse.move(0, 0);
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'calculator-result-en');
    expect(besides400(errors)).toEqual([]);
    expect(errors.length).toBe(2); // the refusals provoked above
  });

  it('asks for what is missing: 待补充信息 names 上年度主营业务收入, jumps to it, and grants once it is filled', async () => {
    const c = readCase('12-');
    const { page, errors } = await browser.page();
    await page.goto(`${server.url}/calculator`);
    await fill(page, 'calc-year', String(c.request.year));
    await page.getByTestId('calc-next').click();
    await page.getByTestId('topic-revenue').click();
    await page.getByTestId('topic-models').click();
    await page.getByTestId('calc-next').click();
    // Nothing is changed silently: a negative amount and one beyond the largest stay as typed,
    // and the field says what is wrong, in Chinese.
    await fill(page, 'fact-revenue', '-5');
    await page.getByTestId('calc-next').click();
    await page.locator('#facts_revenue_help').getByText('金额不能为负数').waitFor();
    expect(await page.getByTestId('fact-revenue').inputValue()).toBe('-5');
    await fill(page, 'fact-revenue', '123456789012345678');
    await page.getByTestId('calc-next').click();
    await page.locator('#facts_revenue_help').getByText('金额不能超过9,999,999,999,999.99元').waitFor();
    expect(await page.getByTestId('fact-revenue').inputValue()).toBe('123,456,789,012,345,678');
    // Last year's revenue is left out (a figure not given is never read as 0).
    await fill(page, 'fact-revenue', '120000000');
    await fill(page, 'fact-priorMaxRevenue', '60000000');
    await fill(page, 'fact-industryAverageGrowthRate', '15');
    // A model filing without an id: the API names facts.modelFilings[0].id, shown on that row.
    await page.getByRole('button', { name: /添加大模型/ }).click();
    await page.getByTestId('calc-next').click();
    await page.locator('#facts_modelFilings_0_id_help').waitFor();
    // Untick the models: their facts are no longer asked nor sent.
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByTestId('topic-models').click();
    await page.getByTestId('calc-next').click();
    expect(await page.getByTestId('facts-topic-models').count()).toBe(0);
    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-results').waitFor();

    // 第五条第（2）项 needs last year's revenue: 待补充信息, the field named as the form labels it.
    const missing = page.getByTestId('incomplete-5.2');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('第五条第（2）项（主营业务收入增量）');
    expect(await missing.textContent()).toContain('上年度主营业务收入');
    const row52 = page.getByRole('row', { name: /第五条第（2）项/ });
    expect(await row52.locator('[data-status]').textContent()).toBe('待补充信息');
    expect(await row52.textContent()).toContain('缺少“上年度主营业务收入”，无法测算');
    expect(await page.getByTestId('calc-total').textContent()).toContain('300,000');
    await page.mouse.move(0, 0);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'calculator-incomplete');

    // The name is a link to the field: the facts step, the input focused, a hint beside it.
    await missing.getByRole('button', { name: '上年度主营业务收入' }).click();
    await page.getByTestId('facts-topic-revenue').waitFor();
    await page.waitForFunction("document.activeElement?.getAttribute('data-testid') === 'fact-previousRevenue'");
    await page.getByText('测算需要此项，请补充').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'calculator-fill');
    await page.getByTestId('fact-previousRevenue').fill('60000000');
    await page.getByTestId('fact-previousRevenue').blur();
    await page.getByText('测算需要此项，请补充').waitFor({ state: 'detached' });

    // Filled in: calculate again, and 第五条第（2）项 is granted.
    await page.getByTestId('calc-recalculate').click();
    await page.getByTestId('calc-results').waitFor();
    await page.getByTestId('calc-total').getByText(yuan(c.expect.total)).waitFor();
    expect(
      await page
        .getByRole('row', { name: /第五条第（2）项/ })
        .locator('[data-status]')
        .textContent(),
    ).toBe('予以支持');
    expect(await page.getByTestId('calc-incomplete').count()).toBe(0);
    expect(besides400(errors)).toEqual([]);
    expect(errors.length).toBe(3); // the three refusals provoked above (a negative amount, a huge one, a filing without id)
  });

  it('asks 5.1’s tier for its history, 0 for support in kind, and another policy’s award by subject or measure', async () => {
    const c = readCase('12-');
    const { page, errors } = await browser.page();
    await page.goto(`${server.url}/calculator`);
    await fill(page, 'calc-year', '2026');
    await page.getByTestId('calc-next').click();
    await page.getByTestId('topic-revenue').click();
    await page.getByTestId('calc-next').click();
    await fill(page, 'fact-revenue', '120000000');
    await fill(page, 'fact-previousRevenue', '60000000');
    await fill(page, 'fact-priorMaxRevenue', '60000000');
    await fill(page, 'fact-industryAverageGrowthRate', '15');
    await page.getByTestId('calc-next').click();

    // 第五条第（1）项 was granted for the 1亿元 tier in 2025: the tier is chosen from the text's tiers.
    await page.getByTestId('history-add').click();
    await choose(page, 'history-0-measure', '第五条第（1）项（主营业务收入首次达到规模）', '首次达到规模');
    await page.getByTestId('history-0-tier').click();
    // (Once the measure's list has closed, the only list open is the tiers'.)
    await expect
      .poll(() => page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents())
      .toEqual(['10亿元', '5亿元', '1亿元', '5000万元', '首次达规']);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: /^1亿元$/ })
      .click();
    await fill(page, 'history-0-year', '2025');
    await fill(page, 'history-0-amount', '300000');
    // 第五条第（4）项 is support in kind: amount 0, not to be typed.
    await page.getByTestId('history-add').click();
    await choose(page, 'history-1-measure', '第五条第（4）项', '零租金');
    await fill(page, 'history-1-year', '2025');
    expect(await page.getByTestId('history-1-amount').isDisabled()).toBe(true);
    expect(await page.getByTestId('history-1-amount').inputValue()).toBe('0');
    // Another policy supported the enterprise's growth: it names the measure it overlaps.
    await page.getByTestId('other-add').click();
    await fill(page, 'other-0-policy', '丰台区某项措施');
    await page.getByTestId('other-0').getByText('对应本措施事项').click();
    await choose(page, 'other-0-measure', '第五条第（2）项（主营业务收入增量）', '主营业务收入增量');
    await fill(page, 'other-0-amount', '2000000');
    await page.mouse.move(0, 0);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'calculator-history');

    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-results').waitFor();
    // Each exclusion is shown with its own cause.
    expect(await page.getByTestId('reason-5.1-revenue-100m').textContent()).toBe('已于2025年度享受“1亿元”档支持（一次性）');
    expect(await page.getByTestId('reason-5.2-').textContent()).toContain(
      '从优不重复：区内其他政策已给予支持（丰台区某项措施2,000,000元）',
    );
    expect(await page.getByRole('row', { name: /第五条第（1）项/ }).textContent()).toContain('1亿元');
    expect(await page.getByTestId('calc-total').textContent()).toContain('0');

    await page.getByTestId('calc-advanced').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('calc-export-json').click()]);
    const request = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(request.history).toEqual([
      { measure: '5.1', year: 2025, subject: 'revenue-100m', amount: 300000 },
      { measure: '5.4', year: 2025, subject: null, amount: 0 },
    ]);
    expect(request.otherPolicyAwards).toEqual([{ policy: '丰台区某项措施', measure: '5.2', amount: 2000000 }]);
    expect(request.facts).toEqual(c.request.facts);
    expect(errors).toEqual([]);
  });

  it('works on a phone width', async () => {
    const { page, errors } = await browser.page({ width: 390, height: 844 });
    await page.goto(`${server.url}/policy`);
    await page.getByText('第一条 加大人工智能算力供给').waitFor();
    // Keyboard: the measure headers are buttons; Enter opens one.
    await page.getByRole('button', { name: /^第一条\s*智能算力支持/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('measure-1').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.getByTestId('policy-search').locator('input').fill('算力');
    await page.getByTestId('policy-found').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'policy-phone');

    await page.goto(`${server.url}/calculator`);
    await page.getByText('第1步，共5步').waitFor();
    await page.getByTestId('calc-next').click();
    await page.getByTestId('topic-compute').click();
    await page.getByTestId('calc-next').click();
    await fill(page, 'fact-computeSpend', '5000000');
    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-results').waitFor();
    // Not a partner-program enterprise: compute support is refused, total 0.
    expect(await page.getByTestId('calc-total').textContent()).toContain('0');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, 'calculator-phone');

    await page.goto(`${server.url}/notices`);
    await page.getByText('公示公告').first().waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });

  it('lists notices: empty at first, then a published notice with its page, .xlsx and an objection', async () => {
    const { page, errors } = await browser.page();
    await page.goto(`${server.url}/notices`);
    await page.getByTestId('notices-empty').waitFor();

    // The demo data (a closed notice), then a new notice published now, open for objections: the
    // budget is raised so the call's remaining approved applications get an allocation.
    server.ftai('db', 'seed-demo');
    const officer = await apiAs(server, 'officer', 'ftai-demo-2026');
    const { calls } = await officer.get<{ calls: { id: string }[] }>('/api/v1/calls');
    const callId = calls[0]?.id ?? '';
    await patchAs(server, 'officer', 'ftai-demo-2026', `/api/v1/calls/${callId}`, { totalBudget: 30_000_000 });
    await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional' });
    const notice = await officer.post<{ id: string }>(`/api/v1/calls/${callId}/notice`, { objectionDays: 7 });

    await page.reload();
    const card = page.getByTestId(`notice-${notice.id}`);
    await card.waitFor();
    expect(await page.locator('[data-testid^="notice-"]').count()).toBe(2);
    expect(await card.getByRole('link', { name: /查看公示全文/ }).getAttribute('href')).toBe(`/notices/${notice.id}`);
    expect(await card.getByRole('link', { name: /下载Excel文件/ }).getAttribute('href')).toBe(`/api/v1/notices/${notice.id}/export.xlsx`);
    await card.getByText(/^拟支持名单（\d+）$/).click();
    await card.locator('.ant-table-row').first().waitFor();
    await card.locator('.ant-motion-collapse').waitFor({ state: 'detached' });
    await screenshot(page, 'notices');

    // The server renders the notice page itself; the call's second notice is titled as such.
    const html = await fetch(`${server.url}/notices/${notice.id}`);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await card.textContent()).toContain('拟支持名单公示（第二批）');

    // The page as a citizen opens it on a computer (the README shows it).
    const desk = await browser.page({ width: 1366, height: 768 });
    await desk.page.goto(`${server.url}/notices/${notice.id}`);
    await desk.page.locator('h1').waitFor();
    await screenshot(desk.page, 'notice-page');
    await desk.page.close();

    // On a phone the notice fits the screen (each line a block, not a 600 px table), and a
    // citizen objects through the form on the page and gets a receipt number.
    const phone = await browser.page({ width: 390, height: 844 });
    await phone.page.goto(`${server.url}/notices/${notice.id}`);
    expect(await phone.page.locator('h1').textContent()).toMatch(/拟支持名单公示（第二批）$/);
    expect(await phone.page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await phone.page.getByRole('button', { name: '提交异议' }).click();
    // The browser asks for the required fields first; sent empty anyway, the server says so in Chinese.
    expect(await phone.page.locator('#objection-name:invalid').count()).toBe(1);
    await phone.page.getByLabel('姓名或单位名称').fill('李四');
    await phone.page.getByLabel('联系电话或电子邮箱').fill('13900000000');
    await phone.page.getByLabel('异议内容及理由').fill('该企业的算力合同与发票金额不一致，请核实。');
    await screenshot(phone.page, 'notice-page-phone');
    await phone.page.getByRole('button', { name: '提交异议' }).click();
    await phone.page.getByRole('heading', { name: '异议受理回执' }).waitFor();
    const receiptId = (await phone.page.locator('#receipt-id').textContent()) ?? '';
    await screenshot(phone.page, 'objection-receipt');
    await phone.context.close();

    // An objection: required fields first, then sent.
    await page.getByTestId(`object-${notice.id}`).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /提交异议/ }).click();
    await dialog.getByText('请填写姓名或单位名称').waitFor();
    await dialog.getByLabel('姓名或单位名称').fill('张三');
    await dialog.getByLabel('联系电话或电子邮箱').fill('13800000000');
    await dialog.getByLabel('异议内容及理由').fill('该企业的研发费用数据与公开年报不符，请核实。');
    await dialog.getByRole('button', { name: /提交异议/ }).click();
    await page.getByText(/异议已提交，受理编号/).waitFor();
    const { objections } = await officer.get<{ objections: { id: string; name: string }[] }>(`/api/v1/notices/${notice.id}/objections`);
    expect(objections.map((o) => o.name)).toContain('张三');
    expect(objections.find((o) => o.id === receiptId)?.name).toBe('李四');

    // The audit chain head is on the card; a correction (更正公告) shows as such, with both versions.
    expect(await card.getByText('审计链校验值').count()).toBe(1);
    const corrected = await officer.post<{ version: number }>(`/api/v1/notices/${notice.id}/revisions`, {
      reason: '公示期延长至10日',
      objectionDays: 10,
    });
    expect(corrected.version).toBe(2);
    await page.reload();
    await card.waitFor();
    await card.getByText('第1次更正').first().waitFor();
    await card
      .getByText(/公示期延长至10日/)
      .first()
      .waitFor();
    await card.getByText(/^历次版本（2）$/).click();
    const versions = page.getByTestId(`versions-${notice.id}`);
    await versions.getByText('原公示').waitFor();
    expect(await versions.getByRole('link', { name: '公示全文' }).nth(0).getAttribute('href')).toBe(`/notices/${notice.id}/versions/1`);
    await card.locator('.ant-motion-collapse').waitFor({ state: 'detached' });
    await screenshot(page, 'notices-correction');

    // With a call open (the demo's, which assesses last year), the calculator starts with the
    // year the call assesses and says so; a year outside the policy's years is warned about.
    const { calls: listed } = await officer.get<{ calls: { year: number; isAccepting: boolean }[] }>('/api/v1/calls');
    const open = listed.find((c) => c.isAccepting);
    expect(open?.year).toBe(new Date().getFullYear() - 1);
    await page.goto(`${server.url}/calculator`);
    await page.getByTestId('calc-year-call').waitFor();
    expect(await page.getByTestId('calc-year').inputValue()).toBe(String(open?.year));
    expect(await page.getByTestId('calc-year-call').textContent()).toContain(`评估${open?.year}年度数据`);
    await fill(page, 'calc-year', '2030');
    expect(await page.getByTestId('calc-year-outside').textContent()).toBe(
      '2030年度不在本政策支持年度（2025年至2028年）内，测算结果仅供参考。',
    );
    expect(await page.getByTestId('calc-year-call').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
