import type { MatchJobDetail, Offer, OfferBatch, OfferBatchPreview } from '@ftai/api';
import { formatCsvRecord, registryHeader, requestToCells } from '@ftai/match';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../http/attach-materials.js';
import { logSmsChannel } from '../notify/index.js';
import { startSmtpServer } from '../notify/test-fixtures.js';
import { type Client, CODE_A, createTestApp, DIALECTS, PASSWORD, type TestApp } from '../test/harness.js';
import { channelsOf, deliverDue, type OfferChannels, sweepOffers } from './offer-deliveries.js';

const CODE_B = '91110106MA0000K14N';
const CODE_C = '91110106MA0000K54T';
const CODE_D = '91110106MA0000K06U';
const ENTERPRISE = { registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: false, industrialAI: false };

/** The registry the bureau matches: A (an account), B and C (none), D (registered elsewhere: nothing). */
const REQUESTS = [
  {
    year: 2026,
    enterprise: { ...ENTERPRISE, creditCode: CODE_A, name: '北京测试甲智能科技有限公司', aiPartnerProgram: true },
    facts: { computeSpend: 5_000_000 },
  },
  {
    year: 2026,
    enterprise: { ...ENTERPRISE, creditCode: CODE_B, name: '北京测试14智能科技有限公司', aiPartnerProgram: false },
    facts: {
      modelFilings: [
        { id: 'Beijing-A-2026', date: '2026-03-01', industrial: false },
        { id: 'Beijing-B-2026', date: '2026-07-15', industrial: true },
      ],
    },
  },
  {
    year: 2026,
    enterprise: { ...ENTERPRISE, creditCode: CODE_C, name: '北京测试54智能科技有限公司', aiPartnerProgram: false },
    facts: { incubator: { rating: 'ministry-excellent', investment: 3_000_000, incubatedAIEnterprises: 11, investedAIEnterprises: 3 } },
  },
  {
    year: 2026,
    enterprise: { ...ENTERPRISE, creditCode: CODE_D, name: '北京测试6智能科技有限公司', registeredInFengtai: false },
    facts: { computeSpend: 1_000_000 },
  },
];
const header = registryHeader({ lang: 'zh', items: 2, json: ['history', 'otherPolicyAwards'] });
const CSV = `\uFEFF${[header, ...REQUESTS.map((r) => requestToCells(r, header))].map((r) => formatCsvRecord(r)).join('\r\n')}\r\n`;

describe.each(DIALECTS)('免申即享: from a match to a confirmed application, on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let applicantA: Client;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let callId: string;
  let jobId: string;
  let batch: OfferBatch;
  const sms: string[] = [];
  /** The mails the test's SMTP server took, as a client reads them. */
  const mails = (): ParsedMail[] => smtp.received.map((r) => r.mail);
  let email: OfferChannels['email'] = null;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(dialect, {
      now: '2027-03-10T02:00:00Z',
      config: {
        smtpUrl: smtp.url,
        mailFrom: '丰台区科学技术和信息化局 <noreply@example.gov.cn>',
        publicUrl: 'https://ftai.example.gov.cn',
      },
    });
    officer = await t.login('officer');
    applicantA = await t.login('applicantA');
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '2027年度人工智能措施申报',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 3_000_000,
    });
    expect(call.statusCode, call.body).toBe(201);
    callId = call.json().id;
    const up = await officer.request('POST', '/api/v1/match-jobs', await multipartBody('登记表.csv', Buffer.from(CSV)));
    expect(up.statusCode, up.body).toBe(202);
    jobId = up.json().id;
    await t.ctx.matchJobs.whenSettled(jobId);
    const job = (await officer.get(`/api/v1/match-jobs/${jobId}`)).json() as MatchJobDetail;
    expect(job).toMatchObject({ status: 'done', grantedEnterprises: 3 });
    const contacts = await officer.post('/api/v1/enterprise-contacts', {
      contacts: [
        { creditCode: CODE_A, email: 'a@example.com' },
        { creditCode: CODE_B, email: 'b@example.com', phone: '+86 138-0000-0000' },
      ],
    });
    expect(contacts.statusCode, contacts.body).toBe(200);
    expect(contacts.json()).toEqual({ updated: 1, created: 1 });
  });
  afterAll(async () => {
    await email?.close?.();
    await t.close();
    await smtp.close();
  });

  /** The settings' channels (e-mail to the test's SMTP server, made once), the SMS log-only driver writing here. */
  const channels = (): OfferChannels => {
    email ??= channelsOf(t.ctx.config).email;
    return { email, sms: logSmsChannel((line) => sms.push((JSON.parse(line) as { text: string }).text)) };
  };

  it('previews a batch with filters against the budget, changing nothing', async () => {
    const body = { matchJobId: jobId, deadline: '2027-04-20' };
    const all = await officer.post(`/api/v1/calls/${callId}/offer-batches/preview`, body);
    expect(all.statusCode, all.body).toBe(200);
    const p = all.json() as OfferBatchPreview;
    expect(p).toMatchObject({
      enterprises: 3,
      total: 1_000_000 + 1_100_000 + 1_550_000,
      skipped: { noCreditCode: 0, otherYear: 0, alreadyInCall: 0, filtered: 0 },
    });
    expect(p.budget).toEqual({ total: 3_000_000, requested: 0, left: 3_000_000 - 3_650_000, covered: false });
    expect(p.sample.map((s) => s.creditCode)).toEqual([CODE_C, CODE_B, CODE_A]);
    expect(p.sample.find((s) => s.creditCode === CODE_A)).toMatchObject({ hasAccount: true, email: 'a@example.com', review: false });
    expect(p.sample.find((s) => s.creditCode === CODE_C)).toMatchObject({ hasAccount: false, email: null, review: true });
    expect(p.byMeasure.find((m) => m.measure === '2.1')).toEqual({ measure: '2.1', enterprises: 1, amount: 1_100_000 });

    const withoutReview = (
      await officer.post(`/api/v1/calls/${callId}/offer-batches/preview`, { ...body, filters: { review: 'without' } })
    ).json() as OfferBatchPreview;
    // 2.1's amounts are maxima too (最高…，经评审认定): only A's compute support is without a review.
    expect(withoutReview).toMatchObject({ enterprises: 1, total: 1_000_000, skipped: { filtered: 2 } });
    const onlyModels = (
      await officer.post(`/api/v1/calls/${callId}/offer-batches/preview`, { ...body, filters: { measures: ['2.1'], minTotal: 1_000_001 } })
    ).json() as OfferBatchPreview;
    expect(onlyModels).toMatchObject({ enterprises: 1, total: 1_100_000 });
    expect(await t.ctx.db.selectFrom('offers').select('id').execute()).toEqual([]);

    const past = await officer.post(`/api/v1/calls/${callId}/offer-batches/preview`, { ...body, deadline: '2027-03-10' });
    expect(past.statusCode).toBe(400);
    expect(past.json().issues[0].path).toBe('deadline');
    expect(past.json().message).toBe('确认截止日期应晚于今天（2027年3月10日）');
    const beyond = await officer.post(`/api/v1/calls/${callId}/offer-batches/preview`, { ...body, deadline: '2027-05-01' });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().issues[0].message).toContain('2027-04-30');
    expect((await applicantA.post(`/api/v1/calls/${callId}/offer-batches/preview`, body)).statusCode).toBe(403);
  });

  it('commits one offer per enterprise, audited, and a second commit takes none of them twice', async () => {
    const res = await officer.post(`/api/v1/calls/${callId}/offer-batches`, { matchJobId: jobId, deadline: '2027-04-20', reminderDays: 5 });
    expect(res.statusCode, res.body).toBe(201);
    batch = res.json() as OfferBatch;
    expect(batch).toMatchObject({
      title: '免申即享第1批',
      deadline: '2027-04-20',
      reminderDays: 5,
      counts: { offers: 3, pending: 3, total: 3_650_000, delivered: 0 },
    });
    // B was known by its credit code alone (contacts without a name): it takes the registry's name.
    const named = await t.ctx.db.selectFrom('enterprises').select('name').where('credit_code', '=', CODE_B).executeTakeFirstOrThrow();
    expect(named.name).toBe('北京测试14智能科技有限公司');
    const audit = await t.ctx.db.selectFrom('audit_log').select('after_json').where('action', '=', 'offer-batch.create').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ offers: 3, total: 3_650_000, matchJobId: jobId });
    const again = await officer.post(`/api/v1/calls/${callId}/offer-batches`, { matchJobId: jobId, deadline: '2027-04-20' });
    expect(again.statusCode).toBe(409);
    const page = await officer.get(`/api/v1/offer-batches/${batch.id}/offers?limit=2`);
    expect(page.json().offers).toHaveLength(2);
    expect(page.json().page.total).toBe(3);
    const rest = await officer.get(`/api/v1/offer-batches/${batch.id}/offers?limit=2&after=${page.json().page.next}`);
    expect(rest.json().offers).toHaveLength(1);
  });

  it('tells each enterprise: 站内信, a Chinese e-mail through SMTP, an SMS; skips where there is no address', async () => {
    const handled = await deliverDue(t.ctx, channels(), 100);
    expect(handled).toBe(9);
    expect(
      mails()
        .map((m) => (m.to && 'text' in m.to ? m.to.text : ''))
        .sort(),
    ).toEqual(['"北京测试14智能科技有限公司" <b@example.com>', '"北京测试甲智能科技有限公司" <a@example.com>']);
    const toB = mails().find((m) => m.to && 'text' in m.to && m.to.text.includes('b@example.com')) as ParsedMail;
    expect(toB.subject).toContain('北京测试14智能科技有限公司');
    expect(toB.text).toContain('第二条第（1）项（大模型合规备案）');
    expect(toB.text).toContain('1,100,000元');
    expect(toB.text).toContain('2027年4月20日');
    expect(toB.text).toContain('https://ftai.example.gov.cn/invitation');
    const code = /[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/.exec(toB.text ?? '')?.[0];
    expect(code).toBeDefined();
    const toA = mails().find((m) => m.to && 'text' in m.to && m.to.text.includes('a@example.com')) as ParsedMail;
    expect(toA.text).not.toMatch(/邀请码/);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toContain(code as string);
    const rows = await t.ctx.db.selectFrom('offer_deliveries').select(['channel', 'status']).execute();
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(3 + 2 + 1);
    expect(rows.filter((r) => r.status === 'skipped')).toHaveLength(3);
    // Nothing is due any more: nothing is sent twice.
    expect(await deliverDue(t.ctx, channels(), 100)).toBe(0);
    expect(mails()).toHaveLength(2);

    // The enterprise with an account reads it in its message centre, with the unread count.
    const inbox = await applicantA.get('/api/v1/messages');
    expect(inbox.json()).toMatchObject({ unread: 1, page: { total: 1 } });
    expect(inbox.json().messages[0].subject).toContain('免申即享');
    expect((await applicantA.post(`/api/v1/messages/${inbox.json().messages[0].id}/read`)).statusCode).toBe(200);
    expect((await applicantA.get('/api/v1/messages')).json().unread).toBe(0);
    const view = (await officer.get(`/api/v1/offer-batches/${batch.id}`)).json() as OfferBatch;
    expect(view.counts).toMatchObject({ delivered: 3, read: 1, failed: { email: 0, sms: 0 } });

    // The invitation: bound to its credit code, single use.
    const stranger = t.anonymous();
    const wrong = await stranger.post('/api/v1/auth/invitation', {
      code,
      creditCode: CODE_C,
      username: 'b.manager',
      displayName: '王经理',
      password: PASSWORD,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].path).toBe('code');
    expect(wrong.json().message).toBe('邀请码无效：请核对统一社会信用代码和邀请码；邀请码仅能使用一次，确认截止日期后失效');
    const b = t.anonymous();
    const signed = await b.post('/api/v1/auth/invitation', {
      code: (code as string).toLowerCase().replace('-', ' '),
      creditCode: CODE_B,
      username: 'b.manager',
      displayName: '王经理',
      password: PASSWORD,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    b.csrf = signed.json().csrfToken;
    const offerId = signed.json().offerId as string;
    expect(signed.json().user).toMatchObject({ role: 'applicant', creditCode: CODE_B });
    const reuse = await t
      .anonymous()
      .post('/api/v1/auth/invitation', { code, creditCode: CODE_B, username: 'b.other', displayName: '李', password: PASSWORD });
    expect(reuse.statusCode).toBe(400);

    // B confirms in one step: the commitment and its bank account; an application, submitted, marked 免申即享.
    expect((await b.get('/api/v1/messages')).json().unread).toBe(1);
    const offer = (await b.get(`/api/v1/offers/${offerId}`)).json() as Offer;
    // Read on its page, read in the message centre too.
    expect((await b.get('/api/v1/messages')).json().unread).toBe(0);
    expect(offer).toMatchObject({ status: 'pending', total: 1_100_000, hasBankAccount: false, creditCode: CODE_B });
    expect(offer.items.map((i) => [i.measure, i.subject, i.amount, i.review])).toEqual([
      ['2.1', 'Beijing-A-2026', 500_000, true],
      ['2.1', 'Beijing-B-2026', 600_000, true],
    ]);
    expect(offer.items[1]?.explanation.join('')).toContain('600,000元');
    const noAccount = await b.post(`/api/v1/offers/${offerId}/confirm`, { commitment: true });
    expect(noAccount.statusCode).toBe(400);
    expect(noAccount.json()).toMatchObject({
      code: 'FTAI_ERR_BANK_ACCOUNT_MISSING',
      message: '尚未登记收款账户：请填写收款账户后再确认申领',
    });
    const noCommitment = await b.post(`/api/v1/offers/${offerId}/confirm`, { commitment: false });
    expect(noCommitment.statusCode).toBe(400);
    const bank = { accountName: '北京测试14智能科技有限公司', bankName: '北京银行丰台支行', accountNo: '0109 0000 0000 0014' };
    const confirmed = await b.post(`/api/v1/offers/${offerId}/confirm`, { commitment: true, bankAccount: bank });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const after = confirmed.json() as Offer;
    expect(after).toMatchObject({ status: 'confirmed', hasBankAccount: true });
    const app = (await officer.get(`/api/v1/applications/${after.applicationId}`)).json();
    expect(app).toMatchObject({ status: 'submitted', creditCode: CODE_B, engineTotal: 1_100_000 });
    expect(app.number).toMatch(/^丰科AI申〔2027〕\d{4}号$/);
    expect(app.timeline.at(-1)).toMatchObject({ to: 'submitted', note: '免申即享确认申领' });
    // A second confirmation does nothing: the same application, no second one.
    const twice = await b.post(`/api/v1/offers/${offerId}/confirm`, { commitment: true });
    expect(twice.statusCode).toBe(200);
    expect(twice.json().applicationId).toBe(after.applicationId);
    const apps = await t.ctx.db.selectFrom('applications').select('id').where('credit_code', '=', CODE_B).execute();
    expect(apps).toHaveLength(1);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', offerId).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['invitation.use', 'offer.confirm']);
  });

  it('answers “what can we get now?” on the offer, or the application it became, with the ledger', async () => {
    const a = await applicantA.get('/api/v1/enterprises/me/outlook');
    expect(a.statusCode, a.body).toBe(200);
    const [callA] = a.json().calls;
    expect(callA).toMatchObject({
      call: { id: callId },
      basedOn: 'offer',
      offer: { status: 'pending', total: 1_000_000 },
      application: null,
    });
    expect(callA.answer.total).toBe(1_000_000);
    expect(callA.answer.results.find((r: { measure: string }) => r.measure === '1').explanation.length).toBeGreaterThan(0);
    const b = await t.login('b.manager');
    const [callB] = (await b.get('/api/v1/enterprises/me/outlook?lang=en')).json().calls;
    expect(callB).toMatchObject({ basedOn: 'application', offer: { status: 'confirmed' }, application: { status: 'submitted' } });
    expect(callB.answer.total).toBe(1_100_000);
    expect((await officer.get('/api/v1/enterprises/me/outlook')).statusCode).toBe(403);
  });

  it('lets an enterprise decline with a reason, and no other see its offer', async () => {
    const own = (await applicantA.get('/api/v1/offers')).json().offers as Offer[];
    expect(own).toHaveLength(1);
    const id = own[0]?.id as string;
    expect((await (await t.login('applicantB')).get(`/api/v1/offers/${id}`)).statusCode).toBe(404);
    expect((await applicantA.post(`/api/v1/offers/${id}/decline`, { reason: '' })).statusCode).toBe(400);
    const declined = await applicantA.post(`/api/v1/offers/${id}/decline`, { reason: '本年度已通过其他渠道申报' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: '本年度已通过其他渠道申报' });
    const late = await applicantA.post(`/api/v1/offers/${id}/confirm`, { commitment: true });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('该免申即享已放弃，不能再确认申领');
  });

  it('reminds before the deadline, once, and expires what is left after it, audited', async () => {
    t.clock.set('2027-04-16T02:00:00Z');
    expect(await sweepOffers(t.ctx)).toEqual({ reminded: 1, expired: 0 });
    expect(await sweepOffers(t.ctx)).toEqual({ reminded: 0, expired: 0 });
    await deliverDue(t.ctx, channels(), 100);
    const reminders = await t.ctx.db.selectFrom('offer_deliveries').select(['channel', 'status']).where('kind', '=', 'reminder').execute();
    expect(reminders.map((r) => r.channel).sort()).toEqual(['email', 'inbox', 'sms']);
    t.clock.set('2027-04-21T02:00:00Z');
    expect(await sweepOffers(t.ctx)).toEqual({ reminded: 0, expired: 1 });
    officer = await t.login('officer');
    const view = (await officer.get(`/api/v1/offer-batches/${batch.id}`)).json() as OfferBatch;
    expect(view.counts).toMatchObject({ pending: 0, confirmed: 1, declined: 1, expired: 1, confirmedTotal: 1_100_000 });
    expect(await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'offer.expire').execute()).toHaveLength(1);
  });
});
