import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  apiAs,
  dayFromToday,
  type E2EBrowser,
  type E2EServer,
  HAS_CHROMIUM,
  launchBrowser,
  PASSWORD,
  screenshot,
  startServer,
} from './harness.js';

const CREDIT_CODE = '91110106MA0000K01C';
const ENTERPRISE = '北京丰台智联科技有限公司';
const CALL_TITLE = '2026年度丰台区人工智能产业支持措施申报';

interface ApplicationSummary {
  readonly id: string;
  readonly status: string;
  readonly engineTotal: number;
  readonly score: number | null;
}

/**
 * Signs in through the login page. (The harness's signIn clicks any "登录" button, and the header
 * has one too while signed out: the form's own button is the one in the main area.)
 */
async function signIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel(/用户名|User name/).fill(username);
  await page.getByLabel(/密码|Password/).fill(PASSWORD);
  await page
    .getByRole('main')
    .getByRole('button', { name: /登\s*录|Sign in/ })
    .click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** A full-page screenshot from the top, once dialogs and their masks are gone (sticky parts then sit where a user sees them). */
async function shoot(page: Page, name: string): Promise<void> {
  await page
    .locator('.ant-modal-mask')
    .first()
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(300);
  await screenshot(page, name);
}

/** Console errors but the browser's note of an API refusal the test itself provokes (a 400 shown in place, a 409). */
function unexpected(errors: readonly string[], ...statuses: number[]): string[] {
  return errors.filter((e) => !statuses.some((s) => e.includes(`Failed to load resource: the server responded with a status of ${s}`)));
}

/** The portal and the review console, end to end: applicant → officer (API) → reviewer → applicant. */
describe.skipIf(!HAS_CHROMIUM)('the enterprise portal and the reviewer console', () => {
  let server: E2EServer;
  let browser: E2EBrowser;
  let files: string;
  let pdf: string;
  let applicationId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    addUser(server, 'e2e-officer', 'officer', ['--name', '主管部门 王科长']);
    addUser(server, 'e2e-reviewer', 'reviewer', ['--name', '评审专家 张教授']);
    addUser(server, 'e2e-reviewer2', 'reviewer', ['--name', '评审专家 刘研究员']);
    addUser(server, 'e2e-ent', 'applicant', ['--name', '申报专员 李明', '--credit-code', CREDIT_CODE, '--enterprise', ENTERPRISE]);
    const officer = await apiAs(server, 'e2e-officer');
    await officer.post('/api/v1/calls', {
      year: 2026,
      title: CALL_TITLE,
      opensOn: dayFromToday(-10),
      closesOn: dayFromToday(30),
      totalBudget: 20_000_000,
      articleBudgets: { '1': 5_000_000, '2': 3_000_000 },
    });
    files = mkdtempSync(join(tmpdir(), 'ftai-e2e-files-'));
    pdf = join(files, '算力租赁合同.pdf');
    writeFileSync(
      pdf,
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  /** Ticks a topic of the editor and waits for its section. */
  async function tickTopic(page: Page, name: RegExp, key: string) {
    await page.getByRole('checkbox', { name }).check();
    await page.getByTestId(`facts-topic-${key}`).waitFor();
  }

  it('lets the applicant fill the profile, draft with a live estimate, attach a file and submit', async () => {
    const { page, errors } = await browser.page();
    await signIn(page, server.url, 'e2e-ent');
    await page.waitForURL(/\/portal$/);
    await page.getByTestId('open-calls').getByText(CALL_TITLE).waitFor();
    await page.getByTestId('my-applications').getByText('还没有申报').waitFor();

    // The profile: the general conditions and the partner programme (第一条 needs it).
    await page.getByRole('link', { name: '企业信息', exact: true }).click();
    await page.getByTestId('profile-page').waitFor();
    await expect.poll(() => page.getByLabel('企业名称').inputValue()).toBe(ENTERPRISE);
    await page.getByLabel('企业名称').fill('');
    await page.getByRole('button', { name: '保存企业信息' }).click();
    await page.getByText('请填写企业名称').waitFor();
    await page.getByLabel('企业名称').fill(ENTERPRISE);
    await page.getByRole('switch', { name: '注册地在丰台区' }).click();
    await page.getByRole('switch', { name: '税务关系在丰台区' }).click();
    await page.getByRole('switch', { name: '人工智能伙伴计划企业' }).click();
    await page.getByRole('button', { name: '保存企业信息' }).click();
    await page.getByText('企业信息已保存').waitFor();

    // A draft in the open call.
    await page.getByRole('link', { name: '申报工作台' }).click();
    await page.getByRole('button', { name: `申报 ${CALL_TITLE}` }).click();
    await page.waitForURL(/\/portal\/applications\/[^/]+$/);
    applicationId = page.url().split('/').pop() ?? '';
    await page.getByTestId('application-editor').waitFor();
    await page.getByTestId('enterprise-flags').getByText('注册在丰台').waitFor();

    // Compute spend (第一条) and a model filing (第二条(1)): estimated live.
    await tickTopic(page, /大模型训练算力/, 'compute');
    await page.getByLabel('算力实际投入').fill('5000000');
    await page
      .getByTestId('estimate-total')
      .filter({ hasText: /^1000000$/ })
      .waitFor({ state: 'attached' });
    await tickTopic(page, /大模型备案/, 'models');
    await page.getByRole('button', { name: '添加大模型' }).click();
    await page.getByLabel('备案编号').fill('Beijing-FengtaiZhilian-20260301');
    await page.getByLabel('备案日期').fill('2026-03-01');
    await page.getByLabel('备案日期').press('Enter');
    await page
      .getByTestId('estimate-total')
      .filter({ hasText: /^1500000$/ })
      .waitFor({ state: 'attached' });
    await page
      .getByTestId('save-state')
      .getByText(/已自动保存/)
      .waitFor();

    // A second model without its filing id: the API's field error shows in place, under the field,
    // and the rest is saved all the same (autosave keeps every valid field).
    await page.getByRole('button', { name: '添加大模型' }).click();
    // The row's two fields are wanting (备案编号 and 备案日期).
    await page.getByTestId('save-state').getByText('已保存正确填写的内容，2处填写错误未保存').waitFor();
    await page.getByTestId('facts-list-modelFilings').locator('.ant-form-item-explain-error').first().waitFor();
    await page.getByRole('button', { name: /删除.*2/ }).click();
    await page
      .getByTestId('save-state')
      .getByText(/已自动保存/)
      .waitFor();

    // The estimate explains itself: 5,000,000 × 20%.
    await page
      .getByTestId('estimate-details')
      .getByRole('button', { name: /展开行|Expand row/ })
      .first()
      .click();
    await page
      .getByTestId('explanation-1-')
      .getByText(/5,000,000元×20%/)
      .waitFor();

    // Revenue without last year's figure: 待补充信息, the fields named as the form labels them; a
    // click brings the field into view, focused, and the live estimate grants once it is filled.
    await tickTopic(page, /主营业务收入与增长/, 'revenue');
    await page.getByLabel('本年度主营业务收入').fill('120000000');
    const needs = page.getByTestId('estimate-incomplete');
    await needs.getByRole('button', { name: '上年度主营业务收入' }).first().waitFor();
    expect(await needs.textContent()).toContain('第五条第（2）项（主营业务收入增量）');
    await shoot(page, 'application-editor-incomplete');
    await needs.getByRole('button', { name: '上年度主营业务收入' }).first().click();
    await page.waitForFunction("document.activeElement?.getAttribute('data-testid') === 'fact-previousRevenue'");
    await page.keyboard.type('60000000');
    // 第五条第（1）项 now pays the 1亿元 tier; 第五条第（2）项 still needs the industry's average growth.
    await needs.getByRole('button', { name: '所在行业平均增幅' }).click();
    await page.waitForFunction("document.activeElement?.getAttribute('data-testid') === 'fact-industryAverageGrowthRate'");
    await page.keyboard.type('15');
    await page
      .getByTestId('estimate-total')
      .filter({ hasText: /^2300000$/ })
      .waitFor({ state: 'attached' });
    expect(await needs.count()).toBe(0);
    // Not part of this application after all: untick it, and its facts go.
    await page.getByRole('checkbox', { name: /主营业务收入与增长/ }).uncheck();
    await page
      .getByTestId('estimate-total')
      .filter({ hasText: /^1500000$/ })
      .waitFor({ state: 'attached' });

    // The materials the list requires of 第一条 (contract, invoice, payment voucher) and 第二条第（1）项
    // (the filing), each uploaded where the list names it.
    const checklist = page.getByTestId('materials-checklist');
    await checklist.getByTestId('material-1-contract').getByText('未上传').waitFor();
    await checklist.getByTestId('material-1-usage').getByText('可选').waitFor();
    // A file whose content is not what its name says is refused, in Chinese, naming it.
    const zip = join(files, '付款回单.pdf');
    writeFileSync(zip, Buffer.from('504b0506000000000000000000000000000000000000', 'hex'));
    await page.getByTestId('upload-1-payment').locator('input[type=file]').setInputFiles(zip);
    await page.getByText('上传失败：文件“付款回单.pdf”的内容为压缩包，不能上传').waitFor();
    await checklist.getByTestId('material-1-payment').getByText('未上传').waitFor();
    for (const [testId, name] of [
      ['1-contract', '算力租赁合同.pdf'],
      ['1-invoice', '算力租赁发票.pdf'],
      ['1-payment', '银行付款回单.pdf'],
      ['2.1-certificate', '大模型备案通知.pdf'],
    ] as const) {
      const file = join(files, name);
      if (name !== '算力租赁合同.pdf') writeFileSync(file, readFileSync(pdf));
      await page.getByTestId(`upload-${testId}`).locator('input[type=file]').setInputFiles(file);
      await checklist.getByTestId(`material-${testId}`).getByText('已上传1份').waitFor();
    }
    await page.getByTestId('attachment-list').getByText('算力租赁合同.pdf').waitFor();
    await shoot(page, 'application-editor');

    // Submit, confirming.
    await page.getByTestId('submit-button').click();
    await page.getByTestId('submit-confirm').getByText('1,500,000').waitFor();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByTestId('application-submitted').waitFor();
    await page.getByTestId('application-status').getByText('已提交').waitFor();
    await page.getByTestId('timeline-card').getByText('创建申报草稿').waitFor();
    await page.getByTestId('policy-version').getByText(/\d/).waitFor();
    await page.getByTestId('stored-result').getByTestId('answer-total').getByText('1,500,000').waitFor();
    await shoot(page, 'application-submitted');
    // The readable number, and the receipt (受理回执) to print.
    expect(await page.getByTestId('application-number').textContent()).toMatch(/^丰科AI申〔\d{4}〕\d{4}号$/);
    await page.getByTestId('receipt-link').click();
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt-number').textContent()).toMatch(/^丰科AI申〔\d{4}〕\d{4}号$/);
    expect(await page.getByTestId('receipt').textContent()).toContain(ENTERPRISE);
    expect(await page.getByTestId('receipt-items').textContent()).toContain('1,500,000');
    expect(await page.getByTestId('receipt-attachments').textContent()).toContain('算力租赁合同.pdf');
    await shoot(page, 'receipt');
    await page.goBack();
    await page.getByTestId('application-submitted').waitFor();

    const applicant = await apiAs(server, 'e2e-ent');
    const { applications } = await applicant.get<{ applications: ApplicationSummary[] }>('/api/v1/applications');
    expect(applications).toHaveLength(1);
    expect(applications[0]).toMatchObject({ id: applicationId, status: 'submitted', engineTotal: 1_500_000 });
    const view = await applicant.get<{ attachments: { filename: string; mime: string }[] }>(`/api/v1/applications/${applicationId}`);
    expect(view.attachments.map((a) => a.filename).sort()).toEqual([
      '大模型备案通知.pdf',
      '算力租赁发票.pdf',
      '算力租赁合同.pdf',
      '银行付款回单.pdf',
    ]);
    // The refused upload's 415 is the one error the page logged.
    expect(unexpected(errors, 400, 415)).toEqual([]);
  });

  it('works on a phone: the dashboard offers the application the enterprise has (一企一报), which it withdraws, changes and submits again', async () => {
    const { page, errors } = await browser.page({ width: 390, height: 844 });
    await signIn(page, server.url, 'e2e-ent');
    await page.getByTestId('my-applications').getByText('已提交', { exact: true }).waitFor();
    // No second application in the call: the one it has, by its number, to view.
    const live = page.getByTestId('open-calls').getByTestId('live-application');
    await live.getByText(/本企业在本批次已有申报：丰科AI申〔\d{4}〕\d{4}号/).waitFor();
    expect(await page.getByRole('button', { name: `申报 ${CALL_TITLE}`, exact: true }).count()).toBe(0);
    await shoot(page, 'portal-dashboard-phone');

    // 撤回 before the formal check: a draft again, under the same number.
    await page.getByRole('button', { name: `查看申报 ${CALL_TITLE}` }).click();
    await page.getByTestId('application-submitted').waitFor();
    const number = await page.getByTestId('application-number').textContent();
    await page.getByTestId('withdraw-button').click();
    await page.getByLabel('撤回原因（选填）').fill('需补充算力租赁发票');
    await shoot(page, 'withdraw-dialog-phone');
    await page.getByRole('button', { name: '确认撤回' }).click();
    await page.getByTestId('application-editor').waitFor();
    await page.getByTestId('application-status').getByText('草稿').waitFor();
    expect(await page.getByTestId('application-number').textContent()).toBe(number);
    await page
      .getByTestId('estimate-total')
      .filter({ hasText: /^1500000$/ })
      .waitFor({ state: 'attached' });
    await shoot(page, 'application-editor-phone');

    // A refused field does not stop the rest from being saved; leaving with it asks first.
    await page.getByLabel('算力实际投入').fill('-1');
    await page.getByTestId('save-state').getByText('已保存正确填写的内容，1处填写错误未保存').waitFor();
    await page.goBack();
    await page.locator('.ant-modal-confirm-title', { hasText: '有未保存的修改' }).waitFor();
    await page.getByRole('button', { name: '留在本页' }).click();
    await page.getByLabel('算力实际投入').fill('5000000');
    await page
      .getByTestId('save-state')
      .getByText(/已自动保存/)
      .waitFor();

    await page.getByTestId('submit-button').click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByTestId('application-submitted').waitFor();
    expect(await page.getByTestId('application-number').textContent()).toBe(number);
    await page.getByTestId('application-timeline').getByText('撤回原因：需补充算力租赁发票').waitFor();
    expect(unexpected(errors, 400)).toEqual([]);
  });

  it('lets the reviewer declare no conflict and score, and a conflicted reviewer recuse', async () => {
    const officer = await apiAs(server, 'e2e-officer');
    await officer.post(`/api/v1/applications/${applicationId}/transitions`, { to: 'formal_check' });
    await officer.post(`/api/v1/applications/${applicationId}/transitions`, { to: 'under_review' });
    const { users } = await officer.get<{ users: { id: string; username: string }[] }>('/api/v1/users');
    const idOf = (name: string) => users.find((u) => u.username === name)?.id ?? '';
    await officer.post(`/api/v1/applications/${applicationId}/assignments`, { reviewerId: idOf('e2e-reviewer') });
    await officer.post(`/api/v1/applications/${applicationId}/assignments`, { reviewerId: idOf('e2e-reviewer2') });

    const { page, errors } = await browser.page();
    await signIn(page, server.url, 'e2e-reviewer');
    await page.waitForURL(/\/review$/);
    await page.getByTestId('review-list').getByText(ENTERPRISE).waitFor();
    await page.getByText('待声明').first().waitFor();
    await shoot(page, 'review-list');

    await page.getByRole('button', { name: '声明并评审' }).click();
    await page.getByTestId('declaration-statement').getByText(CREDIT_CODE).waitFor();
    // Nothing of the file before the declaration.
    expect(await page.getByTestId('scoring-card').count()).toBe(0);
    await shoot(page, 'review-declaration');
    await page.getByRole('checkbox', { name: '我已阅读并如实作出上述声明' }).check();
    await page.getByRole('button', { name: '确认无利益冲突' }).click();
    await page.getByTestId('scoring-card').waitFor();
    await page.getByTestId('review-result').getByTestId('answer-total').getByText('1,500,000').waitFor();
    await page.getByRole('link', { name: /算力租赁合同\.pdf/ }).waitFor();

    // The comment is required, as the API says.
    await page.getByLabel('技术创新性（满分30分）').fill('24');
    await page.getByLabel('实施可行性（满分30分）').fill('25');
    await page.getByLabel('产业带动效果（满分25分）').fill('20');
    await page.getByLabel('材料合规性（满分15分）').fill('13');
    await page.getByLabel('评审意见').click();
    await page.getByTestId('score-total').getByText('82').waitFor();
    await page.getByTestId('score-submit').click();
    await page.getByText('请填写评审意见').waitFor();
    await page.getByLabel('评审意见').fill('算力投入真实,合同与发票齐全;建议按测算金额支持。');
    await page.getByTestId('score-submit').click();
    await page.getByTestId('my-score').getByText('您的评分：82分（满分100分）').waitFor();
    await shoot(page, 'review-score');

    // Scoring again while under review replaces the score.
    await page.getByLabel('材料合规性（满分15分）').fill('15');
    await page.getByTestId('score-submit').click();
    await page.getByTestId('my-score').getByText('您的评分：84分（满分100分）').waitFor();
    await page.getByRole('link', { name: '评审工作台' }).first().click();
    await page.getByTestId('review-list').getByText('84分').waitFor();
    expect(errors).toEqual([]);

    // The second reviewer knows the enterprise: declares the conflict, and the assignment is gone.
    const second = await browser.page();
    await signIn(second.page, server.url, 'e2e-reviewer2');
    await second.page.getByRole('button', { name: '声明并评审' }).click();
    await second.page.getByRole('button', { name: '存在利益冲突，申请回避' }).click();
    await second.page.getByLabel('利益关系说明').fill('本人 2024 年曾在该企业担任技术顾问');
    await second.page.getByRole('button', { name: '确认回避' }).click();
    await second.page.getByText('已申报利益冲突，评审任务已撤回').waitFor();
    await second.page.getByTestId('review-list').getByText('暂无分配给您的申报').waitFor();
    expect(second.errors).toEqual([]);

    const reviews = await officer.get<{ assignments: { reviewerName: string; totalScore: number | null }[] }>(
      `/api/v1/reviews?applicationId=${applicationId}`,
    );
    expect(reviews.assignments).toEqual([expect.objectContaining({ reviewerName: '评审专家 张教授', totalScore: 84 })]);
  });

  it('shows a return for changes with the officer’s note, and takes the resubmission', async () => {
    const officer = await apiAs(server, 'e2e-officer');
    const note = '请补充算力租赁发票,并核对算力实际投入金额。';
    await officer.post(`/api/v1/applications/${applicationId}/transitions`, { to: 'returned', note });

    const { page, errors } = await browser.page();
    await signIn(page, server.url, 'e2e-ent');
    await page.getByTestId('returned-messages').getByText(note).waitFor();
    await page.getByTestId('my-applications').getByText('退回修改').waitFor();
    await shoot(page, 'portal-dashboard');

    await page.getByRole('button', { name: '去补正' }).click();
    await page.getByTestId('returned-note').getByText(note).waitFor();
    await page.getByLabel('算力实际投入').fill('4800000');
    await page
      .getByTestId('estimate-total')
      .filter({ hasText: /^1460000$/ })
      .waitFor({ state: 'attached' });
    await page.getByTestId('submit-button').getByText('补正后重新提交').waitFor();
    await page.getByTestId('submit-button').click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByTestId('application-submitted').waitFor();
    const timeline = page.getByTestId('application-timeline');
    await timeline.getByText(note).waitFor();
    await timeline.getByText('补正后重新提交').waitFor();
    await shoot(page, 'application-resubmitted');

    const view = await officer.get<{ status: string; engineTotal: number }>(`/api/v1/applications/${applicationId}`);
    expect(view).toMatchObject({ status: 'submitted', engineTotal: 1_460_000 });
    expect(errors).toEqual([]);
  });
});
