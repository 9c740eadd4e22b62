import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  apiAs,
  dayFromToday,
  type E2EBrowser,
  type E2EServer,
  HAS_CHROMIUM,
  launchBrowser,
  pdfText,
  screenshot,
  signIn,
  startServer,
} from './harness.js';

const CREDIT_CODE = '91110106MA0000K01C';
const ENTERPRISE = '北京丰台算力引擎科技有限公司';
const CALL_TITLE = '2026年度人工智能措施申报';

/** A calendar date `days` from today (Beijing time), as YYYY-MM-DD. */

/** A PDF a reader opens (one empty page), named as the applicant names its evidence. */
const PDF =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

/**
 * The applicant's whole road, in Chromium: the calculator (started from the enterprise's own
 * profile) → 按此申报 → the application with its evidence → submitted, with its receipt → returned
 * by the bureau → supplemented (补正) with a further file on a phone → approved and allocated under
 * the year's budget → the enterprise reads why it gets less than approved.
 */
describe.skipIf(!HAS_CHROMIUM)('an applicant from the calculator to an allocated award', () => {
  let server: E2EServer;
  let browser: E2EBrowser;
  let files: string;
  let applicationId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    addUser(server, 'j-officer', 'officer', ['--name', '主管部门 赵科长']);
    addUser(server, 'j-ent', 'applicant', ['--name', '申报专员 陈静', '--credit-code', CREDIT_CODE, '--enterprise', ENTERPRISE]);
    const officer = await apiAs(server, 'j-officer');
    // 300,000 for the year: the award (1,000,000 approved) is scaled to 30%.
    await officer.post('/api/v1/calls', {
      year: 2026,
      title: CALL_TITLE,
      opensOn: dayFromToday(-5),
      closesOn: dayFromToday(40),
      totalBudget: 300_000,
      requiredReviews: 0,
    });
    const ent = await apiAs(server, 'j-ent');
    await ent.put('/api/v1/enterprises/me', {
      name: ENTERPRISE,
      registeredInFengtai: true,
      taxResidentInFengtai: true,
      seriousDishonesty: false,
      aiPartnerProgram: true,
    });
    await ent.put('/api/v1/enterprises/me/bank-account', {
      accountName: ENTERPRISE,
      bankName: '北京银行丰台支行',
      accountNo: '01090000000000017',
    });
    files = mkdtempSync(join(tmpdir(), 'ftai-e2e-journey-'));
    for (const name of ['算力服务合同.pdf', '算力服务发票.pdf', '银行付款回单.pdf', '算力使用情况说明.pdf'])
      writeFileSync(join(files, name), PDF);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  it('estimates with the calculator, applies with its facts, attaches, submits and gets a receipt', async () => {
    const { page, errors } = await browser.page();
    page.setDefaultTimeout(20_000);
    await signIn(page, server.url, 'j-ent');
    await page.goto(`${server.url}/calculator`);
    // Started from the enterprise's profile: its name and the partner programme already there.
    await page.getByTestId('calc-prefilled').waitFor();
    expect(await page.getByTestId('calc-name').inputValue()).toBe(ENTERPRISE);
    await page.getByTestId('calc-next').click();
    await page.getByTestId('topic-compute').click();
    await page.getByTestId('calc-next').click();
    await page.getByLabel('算力实际投入').fill('5000000');
    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-next').click();
    await page.getByTestId('calc-results').waitFor();
    expect(await page.getByTestId('calc-total').textContent()).toContain('1,000,000');
    await screenshot(page, 'journey-calculator');

    // 按此申报: no application yet in the open call, so one is started with these facts.
    await page.getByTestId('calc-apply').click();
    await page.waitForURL('**/portal/apply');
    await page.getByTestId('apply-page').getByText(CALL_TITLE).first().waitFor();
    // The pointer where the button was would hover the portal's menu; the header's menu item turns
    // to the selected colour (企业服务) in a transition.
    await page.mouse.move(0, 0);
    await page.waitForTimeout(800);
    await screenshot(page, 'journey-apply');
    await page.getByTestId('apply-start').click();
    await page.waitForURL(/\/portal\/applications\/[^/]+$/);
    applicationId = page.url().split('/').pop() ?? '';
    await page.getByTestId('application-editor').waitFor();
    expect(await page.getByLabel('算力实际投入').inputValue()).toMatch(/^5,?000,?000$/);
    await page
      .getByTestId('estimate-total')
      .filter({ hasText: /^1000000$/ })
      .waitFor({ state: 'attached' });

    // The materials 第一条 requires: with the contract alone, submission is refused, naming the
    // invoice and the payment voucher by the clause.
    const checklist = page.getByTestId('materials-checklist');
    await page.getByTestId('upload-1-contract').locator('input[type=file]').setInputFiles(join(files, '算力服务合同.pdf'));
    await checklist.getByTestId('material-1-contract').getByText('已上传1份').waitFor();
    await page.getByTestId('submit-button').click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page
      .getByTestId('submit-error')
      .getByText('尚缺必备的申报材料：第一条（智能算力支持）的“发票”“付款凭证”；请在申报材料清单中逐项上传后再提交')
      .waitFor();
    await page.getByTestId('upload-1-invoice').locator('input[type=file]').setInputFiles(join(files, '算力服务发票.pdf'));
    await checklist.getByTestId('material-1-invoice').getByText('已上传1份').waitFor();
    await page.getByTestId('upload-1-payment').locator('input[type=file]').setInputFiles(join(files, '银行付款回单.pdf'));
    await checklist.getByTestId('material-1-payment').getByText('已上传1份').waitFor();
    await screenshot(page, 'journey-materials');
    await page.getByTestId('submit-button').click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByTestId('application-submitted').waitFor();
    const number = (await page.getByTestId('application-number').textContent()) ?? '';
    expect(number).toMatch(/^丰科AI申〔\d{4}〕0001号$/);

    // The receipt (受理回执): its number, the enterprise, the measure and its figure, the file.
    await page.getByTestId('receipt-link').click();
    await page.getByTestId('receipt').waitFor();
    expect(await page.getByTestId('receipt-number').textContent()).toBe(number);
    expect(await page.getByTestId('receipt').textContent()).toContain(ENTERPRISE);
    expect(await page.getByTestId('receipt-items').textContent()).toContain('1,000,000');
    expect(await page.getByTestId('receipt-attachments').textContent()).toContain('算力服务合同.pdf');
    await screenshot(page, 'journey-receipt');
    // …and as the PDF the applicant keeps: the same lines, drawn by the server.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-pdf').click()]);
    expect(pdf.suggestedFilename()).toBe(`受理回执-${number}.pdf`);
    const receipt = await pdfText(await pdf.path());
    expect(receipt.pages).toBe(1);
    expect(receipt.text).toContain(`受理回执${number}`);
    expect(receipt.text).toContain(`申报企业${ENTERPRISE}`);
    expect(receipt.text).toContain('1,000,000');
    expect(receipt.text).toContain('算力服务合同.pdf');
    expect(receipt.text).toContain('北京市丰台区科学技术和信息化局');
    // The browser notes the refusal the test provoked (400, materials missing), and nothing else.
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  }, 120_000);

  it('is returned for a note on the compute’s use, and the applicant supplements it from a phone', async () => {
    const officer = await apiAs(server, 'j-officer');
    const note = '请补充算力用于大模型训练的情况说明。';
    await officer.post(`/api/v1/applications/${applicationId}/transitions`, { to: 'formal_check' });
    await officer.post(`/api/v1/applications/${applicationId}/transitions`, { to: 'returned', note });

    const { page, errors } = await browser.page({ width: 390, height: 844 });
    page.setDefaultTimeout(20_000);
    await signIn(page, server.url, 'j-ent');
    await page.getByTestId('returned-messages').getByText(note).waitFor();
    // 申报 offers the returned application, not a second one.
    await page.getByRole('button', { name: `补正申报 ${CALL_TITLE}` }).waitFor();
    await page.getByRole('button', { name: '去补正' }).click();
    await page.getByTestId('returned-note').getByText(note).waitFor();
    await page.getByTestId('upload-1-usage').locator('input[type=file]').setInputFiles(join(files, '算力使用情况说明.pdf'));
    await page.getByTestId('material-1-usage').getByText('已上传1份').waitFor();
    await screenshot(page, 'journey-supplement-phone');
    await page.getByTestId('submit-button').getByText('补正后重新提交').click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByTestId('application-submitted').waitFor();
    await page.getByTestId('application-timeline').getByText('补正后重新提交').waitFor();
    const stored = await (await apiAs(server, 'j-ent')).get<{ attachments: { filename: string }[] }>(
      `/api/v1/applications/${applicationId}/attachments`,
    );
    expect(stored.attachments.map((a) => a.filename).sort()).toEqual([
      '算力使用情况说明.pdf',
      '算力服务发票.pdf',
      '算力服务合同.pdf',
      '银行付款回单.pdf',
    ]);
    expect(errors).toEqual([]);
  }, 120_000);

  it('shows the enterprise its award allocated under the year’s budget, with the ratio and why', async () => {
    const officer = await apiAs(server, 'j-officer');
    const { calls } = await officer.get<{ calls: { id: string }[] }>('/api/v1/calls');
    const callId = calls[0]?.id ?? '';
    await officer.post(`/api/v1/applications/${applicationId}/transitions`, { to: 'formal_check' });
    await officer.post(`/api/v1/applications/${applicationId}/transitions`, { to: 'under_review' });
    await officer.post(`/api/v1/applications/${applicationId}/approve`, {
      items: [{ measure: '1', subject: null, amount: 1_000_000 }],
      note: '材料齐全，按测算金额审定',
    });
    await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional' });

    const { page, errors } = await browser.page();
    page.setDefaultTimeout(20_000);
    await signIn(page, server.url, 'j-ent');
    await page.goto(`${server.url}/portal/applications/${applicationId}`);
    const why = page.getByTestId('allocation-explanation');
    await why.waitFor();
    const text = (await why.textContent()) ?? '';
    expect(text).toContain('审定1,000,000元 → 核拨300,000元（30.00%）');
    expect(text).toContain('因年度总额控制，本年度按审定金额的30.00%安排');
    expect(await page.getByTestId('item-ratio').first().textContent()).toContain('30.00%');
    await screenshot(page, 'journey-allocated');
    expect(errors).toEqual([]);
  }, 120_000);
});
