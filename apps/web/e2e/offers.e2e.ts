import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { creditCodeCheckCharacter } from '@ftai/policy-fengtai';
import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer } from '../../server/src/notify/test-fixtures.js';
import {
  apiAs,
  dayFromToday,
  type E2EBrowser,
  type E2EServer,
  HAS_CHROMIUM,
  launchBrowser,
  screenshot,
  signIn,
  startServer,
} from './harness.js';

/**
 * 免申即享 end to end, the whole loop on a real server and Chromium: an officer turns a finished
 * match job into a batch of offers (preview, confirm, the batch's figures); the Chinese e-mail
 * arrives at a real SMTP server in the test (FTAI_SMTP_URL) and the text message at a small HTTP
 * "provider" (FTAI_SMS_URL); the enterprise without an account signs up with the invitation code
 * the e-mail carried and confirms in one step; the application is in the officer's queue, is
 * approved and allocated, and the ledger holds the award once; confirming again does nothing. An
 * enterprise with an account finds its offer in its messages and declines it.
 */

/** A registry naming an enterprise the platform does not know (JSON Lines: one request a row). */
const REGISTRY_ROW = {
  year: 2025,
  enterprise: {
    creditCode: '',
    name: '',
    registeredInFengtai: true,
    taxResidentInFengtai: true,
    seriousDishonesty: false,
    aiPartnerProgram: true,
    industrialAI: false,
    startup: false,
  },
  facts: {
    computeSpend: 3_000_000,
    modelFilings: [{ id: 'Beijing-Xinzhi-20250601', date: '2025-06-01', industrial: false }],
    rdSpend: 12_000_000,
    previousRdSpend: 9_000_000,
  },
};

/** The demo's password (seed-demo): every demo account has it. */
const DEMO = 'ftai-demo-2026';
const CALL_TITLE = '2026年度丰台区人工智能产业支持措施免申即享（评估2025年度）';
const NEW_NAME = '北京丰台新智科技有限公司';
const NEW_PHONE = '13800000000';
const NEW_EMAIL = 'finance@xinzhi.example.com';
const NEW_PASSWORD = 'Lantern-Orchid-Pebble-Violin';

const NEW_CODE = `91110106MA02NEW01${creditCodeCheckCharacter('91110106MA02NEW01')}`;

async function shot(page: Page, name: string): Promise<void> {
  await page
    .locator('.ant-modal-mask, .ant-message-notice')
    .first()
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
  await screenshot(page, name);
}

/** Console errors but the browser's note of a refusal the test provokes on purpose. */
function unexpected(errors: readonly string[], ...statuses: number[]): string[] {
  return errors.filter((e) => !statuses.some((s) => e.includes(`the server responded with a status of ${s}`)));
}

describe.skipIf(!HAS_CHROMIUM)('免申即享: batches, invitations, confirmation', () => {
  let server: E2EServer;
  let browser: E2EBrowser;
  let sms: Server;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const texts: { to: string; text: string }[] = [];
  /** The mails the test's SMTP server took, as a client reads them. */
  const mails = (): ParsedMail[] => smtp.received.map((r) => r.mail);
  let applicationId = '';
  let callId = '';
  let platformJob = '';

  beforeAll(async () => {
    // The SMS provider: takes {to, text, id}, answers {id}.
    sms = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const m = JSON.parse(body) as { to: string; text: string; id: string };
        texts.push({ to: m.to, text: m.text });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: m.id }));
      });
    });
    await new Promise<void>((resolve) => sms.listen(0, '127.0.0.1', resolve));
    // The SMTP server: what arrives is parsed as a mail client would.
    smtp = await startSmtpServer();
    server = await startServer({
      FTAI_SMS_URL: `http://127.0.0.1:${(sms.address() as AddressInfo).port}/sms`,
      FTAI_SMTP_URL: smtp.url,
      FTAI_MAIL_FROM: '丰台区科学技术和信息化局 <noreply@example.gov.cn>',
      FTAI_NOTIFY_POLL_SECONDS: '0.5',
    });
    server.ftai('db', 'seed-demo');
    browser = await launchBrowser();

    const officer = await apiAs(server, 'officer', DEMO);
    callId = (
      await officer.post<{ id: string }>('/api/v1/calls', {
        year: 2025,
        title: CALL_TITLE,
        opensOn: dayFromToday(0),
        closesOn: dayFromToday(90),
        totalBudget: 30_000_000,
        articleBudgets: {},
        requiredReviews: 0,
      })
    ).id;
    // The platform's own enterprises matched too: the batch for enterprises with an account (last test).
    platformJob = (await officer.post<{ id: string }>('/api/v1/match-jobs', { source: 'platform', year: 2025 })).id;
    for (let i = 0; ; i++) {
      const { status } = await officer.get<{ status: string }>(`/api/v1/match-jobs/${platformJob}`);
      if (status === 'done') break;
      if (status === 'failed' || status === 'cancelled' || i > 200) throw new Error(`the match job ${platformJob} is ${status}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    // Where the messages reach the new enterprise (the bureau's own records).
    await officer.post('/api/v1/enterprise-contacts', {
      contacts: [{ creditCode: NEW_CODE, name: NEW_NAME, phone: NEW_PHONE, email: NEW_EMAIL }],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise((resolve) => sms?.close(resolve));
    await smtp?.close();
  });

  it('lets an officer match a registry, preview a batch from the finished job and create it', async () => {
    const { page, errors } = await browser.page();
    page.setDefaultTimeout(20_000);
    await signIn(page, server.url, 'officer', DEMO);
    // The officer matches the registry on the matching page.
    await page.goto(`${server.url}/officer/match`);
    const registry = { ...REGISTRY_ROW, enterprise: { ...REGISTRY_ROW.enterprise, creditCode: NEW_CODE, name: NEW_NAME } };
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '新企业名册.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${JSON.stringify(registry)}\n`) });
    await page
      .getByRole('button', { name: /开始匹配/ })
      .first()
      .click();
    const officer = await apiAs(server, 'officer', DEMO);
    let uploadJob = '';
    await expect
      .poll(
        async () => {
          const { jobs } = await officer.get<{ jobs: { id: string; filename: string | null; status: string }[] }>('/api/v1/match-jobs');
          const job = jobs.find((j) => j.filename === '新企业名册.jsonl');
          uploadJob = job?.id ?? '';
          return job?.status;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe('done');
    await page.getByTestId(`offer-batch-${uploadJob}`).click();
    await page.waitForURL(/\/officer\/offer-batches\/new\?job=/);
    await page.getByTestId('batch-call').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: CALL_TITLE }).click();
    await page.getByTestId('batch-preview').click();
    const preview = page.getByTestId('batch-preview-result');
    await preview.waitFor();
    await page.getByTestId('batch-sample').getByText(NEW_NAME).waitFor();
    await page.getByTestId('batch-budget').getByText('年度预算足以覆盖本批次').waitFor();
    await shot(page, 'offers-batch-preview');

    await page.getByTestId('batch-commit').click();
    await page
      .getByTestId('batch-commit-confirm')
      .getByText(/将向1家企业发出免申即享通知/)
      .waitFor();
    await page.getByRole('button', { name: '确认生成' }).last().click();
    await page.waitForURL(/\/officer\/offer-batches\/(?!new)[^/?]+$/);
    await page.getByTestId('batch-counts').waitFor();
    expect(await page.getByTestId('batch-count-offers').textContent()).toContain('1');
    await page.getByTestId('batch-offers').getByText(NEW_NAME).waitFor();
    await shot(page, 'offers-batch');

    await page.goto(`${server.url}/officer/offer-batches`);
    await page.getByTestId('batches').getByText('免申即享第1批').waitFor();
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });

  it('lets an enterprise without an account sign up with the invitation code its e-mail carried and confirm in one step', async () => {
    // The Chinese e-mail, through SMTP: the measures by clause, the amounts, the deadline, the code and the link.
    await expect.poll(() => mails().length, { timeout: 30_000 }).toBeGreaterThan(0);
    const mail = mails().find((m) => m.to && 'text' in m.to && m.to.text.includes(NEW_EMAIL)) as ParsedMail;
    expect(mail.subject).toBe(`【免申即享】${NEW_NAME}可享受丰台区人工智能政策支持（待确认）`);
    const text = mail.text ?? '';
    expect(text).toContain(`${NEW_NAME}：`);
    expect(text).toContain('第一条（智能算力支持）');
    expect(text).toMatch(/[\d,]+元/);
    expect(text).toContain('请于');
    expect(text).toContain(`${server.url}/invitation`);
    const code = /邀请码([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1] ?? '';
    expect(code).not.toBe('');
    // The text message carries the same code.
    await expect.poll(() => texts.find((m) => m.to === NEW_PHONE)?.text ?? '', { timeout: 30_000 }).toContain(code);

    const { page, errors } = await browser.page({ width: 390, height: 844 });
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: '凭邀请码注册' }).click();
    await page.waitForURL('**/invitation');
    await page.getByTestId('invitation-credit-code').fill(NEW_CODE.toLowerCase());
    await page.getByTestId('invitation-code').fill('WRONG-0000');
    await page.getByTestId('invitation-username').fill('xinzhi');
    await page.getByTestId('invitation-display-name').fill('张敏（财务部）');
    await page.getByTestId('invitation-password').fill(NEW_PASSWORD);
    await page.getByTestId('invitation-password-again').fill(NEW_PASSWORD);
    await page.getByTestId('invitation-submit').click();
    // The API's refusal on the code's own field.
    await page.getByText('邀请码无效').waitFor();
    await shot(page, 'offers-invitation');
    await page.getByTestId('invitation-code').fill(code);
    await page.getByTestId('invitation-submit').click();
    await page.waitForURL(/\/portal\/offers\/[^/]+$/);
    expect(await page.getByTestId('offer-total').textContent()).toMatch(/^(最高)?[\d,]+元$/);
    await page.getByTestId('offer-bank-account').waitFor();
    await shot(page, 'offers-offer-phone');

    // Without the commitment: refused in place; with it and the account: confirmed, an application made.
    await page.getByLabel('开户银行').fill('北京银行丰台支行');
    await page.getByLabel('银行账号').fill('6222 0200 1234 5678');
    await page.getByTestId('offer-confirm').click();
    await page.getByText('请勾选承诺后再确认申领').waitFor();
    await page.getByTestId('offer-commitment').check();
    await page.getByTestId('offer-confirm').click();
    await page.getByTestId('offer-confirmed').waitFor();
    await shot(page, 'offers-confirmed-phone');
    await page.getByTestId('offer-application').click();
    await page.waitForURL(/\/portal\/applications\/[^/]+$/);
    applicationId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    expect(unexpected(errors, 400)).toEqual([]);
    await page.context().close();
  });

  it('puts the application in the officer’s queue; approved and allocated, the ledger holds the award once; confirming again does nothing', async () => {
    const { page, errors } = await browser.page();
    page.setDefaultTimeout(20_000);
    await signIn(page, server.url, 'officer', DEMO);
    await page.goto(`${server.url}/officer/applications`);
    await page.getByText(NEW_NAME).first().waitFor();
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();

    const officer = await apiAs(server, 'officer', DEMO);
    const app = await officer.get<{
      status: string;
      items: { measure: string; subject: string | null; engineAmount: number }[];
      timeline: { note: string | null }[];
    }>(`/api/v1/applications/${applicationId}`);
    expect(app.status).toBe('submitted');
    expect(app.timeline.at(-1)?.note).toBe('免申即享确认申领');
    await officer.post(`/api/v1/applications/${applicationId}/transitions`, { to: 'formal_check' });
    await officer.post(`/api/v1/applications/${applicationId}/transitions`, { to: 'under_review' });
    await officer.post(`/api/v1/applications/${applicationId}/approve`, {
      items: app.items.map((i) => ({ measure: i.measure, subject: i.subject, amount: i.engineAmount })),
      note: '免申即享：按测算金额审定',
    });
    await officer.post(`/api/v1/calls/${callId}/allocation/commit`, { method: 'proportional' });
    const ledger = await officer.get<{ rows: { applicationId: string; amount: number }[] }>(`/api/v1/ledger?creditCode=${NEW_CODE}`);
    expect(ledger.rows).toHaveLength(app.items.length);
    expect(ledger.rows.every((r) => r.applicationId === applicationId)).toBe(true);
    expect(ledger.rows.reduce((sum, r) => sum + r.amount, 0)).toBe(app.items.reduce((sum, i) => sum + i.engineAmount, 0));

    // The same offer confirmed again: the same application, nothing new, the ledger as it was.
    const ent = await apiAs(server, 'xinzhi', NEW_PASSWORD);
    const { offers } = await ent.get<{ offers: { id: string; applicationId: string | null }[] }>('/api/v1/offers');
    const again = await ent.post<{ status: string; applicationId: string }>(`/api/v1/offers/${offers[0]?.id}/confirm`, {
      commitment: true,
    });
    expect(again).toMatchObject({ status: 'confirmed', applicationId });
    const mine = await officer.get<{ applications: unknown[] }>(`/api/v1/applications?callId=${callId}&q=${NEW_CODE}`);
    expect(mine.applications).toHaveLength(1);
    expect((await officer.get<{ rows: unknown[] }>(`/api/v1/ledger?creditCode=${NEW_CODE}`)).rows).toHaveLength(app.items.length);
  });

  it('shows an enterprise with an account its offer in the messages and on the dashboard, and takes a decline', async () => {
    const officer = await apiAs(server, 'officer', DEMO);
    await officer.post(`/api/v1/calls/${callId}/offer-batches`, {
      matchJobId: platformJob,
      deadline: dayFromToday(14),
      reminderDays: 3,
    });

    const { page, errors } = await browser.page();
    page.setDefaultTimeout(20_000);
    await signIn(page, server.url, 'ent01', DEMO);
    await page.goto(`${server.url}/portal`);
    await page.getByTestId('pending-offers').getByText(CALL_TITLE).waitFor();
    // The open call offers to confirm the offer, not a second application.
    await page.getByTestId('open-calls').getByTestId('call-offer').waitFor();
    // The messages are written by the delivery worker, a moment after the batch: the badge shows them once there.
    await expect
      .poll(
        async () => {
          await page.reload();
          await page.getByTestId('pending-offers').waitFor();
          return page.getByTestId('messages-unread').count();
        },
        { timeout: 30_000, interval: 1000 },
      )
      .toBe(1);
    expect(Number(await page.getByTestId('messages-unread').textContent())).toBeGreaterThan(0);
    await shot(page, 'offers-dashboard');

    await page
      .getByRole('navigation')
      .getByRole('link', { name: /消息中心/ })
      .click();
    await page.waitForURL('**/portal/messages');
    const unread = page.locator('[data-testid^="message-"][data-unread]').first();
    await unread.getByRole('button').click();
    await page.getByTestId('message-body').getByText(CALL_TITLE, { exact: false }).waitFor();
    await shot(page, 'offers-message');
    await page.getByTestId('message-offer-link').click();
    await page.waitForURL(/\/portal\/offers\/[^/]+$/);
    await page.getByTestId('offer-items').locator('.ant-table-row-expand-icon').first().click();
    await page.locator('[data-testid^="offer-explanation-"]').first().waitFor();
    await shot(page, 'offers-offer');

    // “What can we get now?”: the call with the offer's estimate and the way to confirm it.
    const offerUrl = page.url();
    await page.goto(`${server.url}/portal/outlook`);
    const card = page.getByTestId(`outlook-${callId}`);
    await card.getByTestId('outlook-confirm').waitFor();
    expect(await card.getByTestId('outlook-total').textContent()).toMatch(/^[\d,]+元$/);
    await shot(page, 'offers-outlook');
    await page.goto(offerUrl);
    await page.getByTestId('offer-decline').click();
    await page.getByTestId('offer-decline-reason').fill('测算所依据的研发费用与实际不符，将自行申报。');
    await page.getByTestId('offer-decline-ok').click();
    await page.getByTestId('offer-declined').getByText('测算所依据的研发费用与实际不符').waitFor();
    await page.goto(`${server.url}/portal`);
    await page.getByTestId('portal-dashboard').waitFor();
    await page.getByTestId('my-applications').waitFor();
    expect(await page.getByTestId('pending-offers').count()).toBe(0);
    expect(unexpected(errors)).toEqual([]);
    await page.context().close();
  });
});
