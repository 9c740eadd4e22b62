import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { type ApprovedCall, ITEMS_A, insertApplication, openCall, seedApprovedCall } from './test-fixtures.js';

const NAME_A = '北京测试甲智能科技有限公司';
const NAME_B = '北京测试乙智能科技有限公司';
const HOSTILE = '<script>alert("x")</script> & Co';

describe.each(DIALECTS)('public notice, objections, final and paid on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let applicant: Client;
  let reviewer: Client;
  let seeded: ApprovedCall;
  let pending: string;
  let noticeId: string;

  const statusOf = async (id: string) =>
    (await t.ctx.db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
  const awardsOf = (id: string) =>
    t.ctx.db.selectFrom('awards').select(['measure', 'status', 'paid_at']).where('application_id', '=', id).orderBy('measure').execute();
  const auditActions = async () =>
    await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_id', 'entity_id']).orderBy('seq').execute();

  beforeAll(async () => {
    // 2027-03-15 10:00 in Beijing.
    t = await createTestApp(dialect, { now: '2027-03-15T02:00:00Z' });
    officer = await t.login('officer');
    applicant = await t.login('applicantA');
    reviewer = await t.login('reviewer1');
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses to publish while an approved application is not allocated, or when nothing is approved', async () => {
    const half = await seedApprovedCall(t, { year: 2025, allocateB: false });
    const res = await officer.post(`/api/v1/calls/${half.callId}/notice`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('1 of 2 approved applications are not allocated yet: run the budget allocation first');
    expect(await statusOf(half.appA)).toBe('approved');
    expect(await t.ctx.db.selectFrom('notices').selectAll().execute()).toEqual([]);

    const empty = await openCall(t, 2027);
    const none = await officer.post(`/api/v1/calls/${empty}/notice`, {});
    expect(none.statusCode).toBe(409);
    expect(none.json().error).toContain('no application of this call is approved');
    expect((await officer.post('/api/v1/calls/no-such-call/notice', {})).statusCode).toBe(404);
  });

  it('lets only an officer publish, and checks the window length', async () => {
    seeded = await seedApprovedCall(t);
    pending = await insertApplication(t.ctx, {
      callId: seeded.callId,
      year: 2026,
      applicantId: t.users.applicantA,
      status: 'under_review',
      items: ITEMS_A.map((i) => ({ ...i, approvedAmount: null, allocatedAmount: null })),
    });
    for (const c of [applicant, reviewer]) {
      const res = await c.post(`/api/v1/calls/${seeded.callId}/notice`, {});
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FTAI_ERR_FORBIDDEN');
    }
    expect((await t.anonymous().post(`/api/v1/calls/${seeded.callId}/notice`, {})).statusCode).toBe(401);
    for (const objectionDays of [0, 31, 2.5, 'five']) {
      const res = await officer.post(`/api/v1/calls/${seeded.callId}/notice`, { objectionDays });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues.map((i: { path: string }) => i.path)).toEqual(['objectionDays']);
    }
    expect(await statusOf(seeded.appA)).toBe('approved');
  });

  it('publishes: every approved application moves to public_notice with its timeline event', async () => {
    const res = await officer.post(`/api/v1/calls/${seeded.callId}/notice`, { objectionDays: 7 });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    noticeId = body.id;
    expect(body).toMatchObject({
      call: { id: seeded.callId, year: 2026 },
      publishedAt: '2027-03-15T02:00:00.000Z',
      publishedOn: '2027-03-15',
      objectionsUntil: '2027-03-22',
      isOpenForObjections: true,
      total: 1_930_000,
    });
    expect(await statusOf(seeded.appA)).toBe('public_notice');
    expect(await statusOf(seeded.appB)).toBe('public_notice');
    // Not approved: not on the notice, not moved.
    expect(await statusOf(pending)).toBe('under_review');
    const events = await t.ctx.db
      .selectFrom('application_events')
      .select(['seq', 'from_status', 'to_status', 'actor_id', 'note', 'at'])
      .where('application_id', '=', seeded.appA)
      .orderBy('seq')
      .execute();
    expect(events.at(-1)).toEqual({
      seq: 2,
      from_status: 'approved',
      to_status: 'public_notice',
      actor_id: t.users.officer,
      note: `已公示（公示编号${noticeId}），异议受理截至2027年3月22日（含当日）`,
      at: '2027-03-15T02:00:00.000Z',
    });
    const audit = await auditActions();
    expect(audit.filter((a) => a.action === 'notice.publish').map((a) => a.entity_id)).toEqual([noticeId]);
    expect(audit.filter((a) => a.action === 'application.transition').map((a) => a.entity_id)).toEqual(
      expect.arrayContaining([seeded.appA, seeded.appB]),
    );
    // Nothing is left to publish: a second notice of the same call is refused.
    expect((await officer.post(`/api/v1/calls/${seeded.callId}/notice`)).statusCode).toBe(409);
  });

  it('shows the lines, per-enterprise totals and the total to anyone', async () => {
    const res = await t.anonymous().get(`/api/v1/notices/${noticeId}`);
    expect(res.statusCode).toBe(200);
    const n = res.json();
    const line = (
      name: string,
      creditCode: string,
      applicationId: string,
      measure: string,
      citation: string,
      subject: string,
      subjectText: string,
      amount: number,
    ) => ({
      enterpriseName: name,
      creditCode,
      applicationId,
      measure,
      citation,
      subject,
      subjectText,
      amount,
    });
    // By name (甲 before 乙), then catalogue order (1 before 6.2a; 2.1 before 3.2 before 5.1). 2.2, allocated 0, has no award.
    // 5.1's subject is its tier, printed as the engine names it.
    expect(n.lines.map((l: { no: number }) => l.no)).toEqual([1, 2, 3, 4, 5]);
    expect(n.lines.map(({ measureName: _, no: __, ...l }: { measureName: string; no: number }) => l)).toEqual([
      line(NAME_A, CODE_A, seeded.appA, '1', '第一条', '', '', 800_000),
      line(NAME_A, CODE_A, seeded.appA, '6.2a', '第六条第（2）项', 'SC-1', 'SC-1', 480_000),
      line(NAME_B, CODE_B, seeded.appB, '2.1', '第二条第（1）项', 'Beijing-202601', 'Beijing-202601', 400_000),
      line(NAME_B, CODE_B, seeded.appB, '3.2', '第三条第（2）项', '', '', 100_000),
      line(NAME_B, CODE_B, seeded.appB, '5.1', '第五条第（1）项', 'revenue-50m', '“5000万元”档', 150_000),
    ]);
    expect(n.lines.map((l: { measureName: string }) => l.measureName)).toEqual([
      '智能算力支持',
      '应用场景建设项目',
      '大模型合规备案',
      '数据（数字）资产登记',
      '主营业务收入首次达到规模',
    ]);
    expect(n.enterprises).toEqual([
      // The fixtures' applications were never submitted through the API: no number (the page then shows the id).
      { creditCode: CODE_A, name: NAME_A, applicationIds: [seeded.appA], applicationNumbers: [null], total: 1_280_000 },
      { creditCode: CODE_B, name: NAME_B, applicationIds: [seeded.appB], applicationNumbers: [null], total: 650_000 },
    ]);
    expect(n.total).toBe(1_930_000);

    const list = await t.anonymous().get('/api/v1/notices');
    expect(list.statusCode).toBe(200);
    expect(list.json().notices).toEqual([
      {
        id: noticeId,
        call: { id: seeded.callId, year: 2026, title: '2027年度人工智能科技创新和产业创新融合发展支持资金申报' },
        batch: 1,
        title: '2027年度人工智能科技创新和产业创新融合发展支持资金申报拟支持名单公示',
        publishedAt: '2027-03-15T02:00:00.000Z',
        publishedOn: '2027-03-15',
        objectionsUntil: '2027-03-22',
        isOpenForObjections: true,
        count: 5,
        enterprises: 2,
        total: 1_930_000,
        version: 1,
        versionOn: '2027-03-15',
        reason: null,
        auditHead: { seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
    ]);
    expect((await t.anonymous().get('/api/v1/notices/nope')).statusCode).toBe(404);
  });

  it('renders a printable Chinese page with separated figures; a rename after publication does not change it', async () => {
    await t.ctx.db.updateTable('enterprises').set({ name: HOSTILE }).where('credit_code', '=', CODE_B).execute();
    try {
      const res = await t.anonymous().get(`/notices/${noticeId}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = res.body;
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
      expect(html).toContain('<meta charset="utf-8">');
      expect(html).toContain('<style>');
      expect(html).toContain('拟支持名单公示</title>');
      for (const th of ['序号', '企业名称', '统一社会信用代码', '支持事项', '条款', '支持对象', '金额（元）'])
        expect(html).toContain(`<th>${th}</th>`);
      expect(html).toContain('<td class="n" data-label="金额（元）">800,000</td>');
      expect(html).toContain('<td class="n" data-label="金额（元）">480,000</td>');
      expect(html).toContain('<td class="n" data-label="合计金额（元）">1,930,000</td>');
      expect(html).toContain(
        '<td data-label="支持事项">应用场景建设项目</td><td data-label="条款">第六条第（2）项</td><td data-label="支持对象">SC-1</td>',
      );
      expect(html).toContain(
        '<td data-label="支持事项">主营业务收入首次达到规模</td><td data-label="条款">第五条第（1）项</td><td data-label="支持对象">“5000万元”档</td>',
      );
      // Official style (CHINESE.md): full-width punctuation, dates as the text writes them, no internal ids.
      expect(html).toContain('经申报、审核与评审，2026年度拟支持名单公示如下。');
      expect(html).toContain('发布日期：2027年3月15日。公示期自2027年3月15日起至2027年3月22日止（含当日）。');
      expect(html).toContain('合计（2家企业，5项）');
      expect(html).not.toMatch(/2027-03-2\d|6\.2a|revenue-50m/);
      expect(html).not.toMatch(/[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]/);
      // Objections through a form on the page (no script), not by sending JSON.
      expect(html).toContain(`<form class="objection" method="post" action="/notices/${noticeId}/objections">`);
      expect(html).not.toContain('/api/v1/notices');
      expect(html).not.toContain('<script');
      // The notice is what was published: the name as it was then.
      expect(html).not.toContain('alert');
      expect(html).toContain(`<td data-label="企业名称">${NAME_B}</td>`);
      expect(html).toContain('发布单位：北京市丰台区科学技术和信息化局。');
      expect(html).toContain('<h2>审计链校验值</h2>');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect((await t.anonymous().get('/notices/nope')).statusCode).toBe(404);
    } finally {
      await t.ctx.db.updateTable('enterprises').set({ name: NAME_B }).where('credit_code', '=', CODE_B).execute();
    }
  });

  it('exports the same lines as an .xlsx workbook', async () => {
    const res = await t.anonymous().get(`/api/v1/notices/${noticeId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="notice-2026-${noticeId}.xlsx"; filename*=UTF-8''${encodeURIComponent('2026年度公示名单.xlsx')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['公示名单', '公示说明']);
    const sheet = workbook.getWorksheet('公示名单');
    if (!sheet) throw new Error('no sheet');
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['序号', '企业名称', '统一社会信用代码', '支持事项', '条款', '支持对象', '金额（元）', '申请编号']);
    expect(values(2).slice(0, 3)).toEqual([1, NAME_A, CODE_A]);
    expect(values(2)[3]).toBe('智能算力支持');
    // No subject: an empty cell (the streaming writer writes no empty text).
    expect(values(2).slice(4)).toEqual(['第一条', undefined, 800_000, seeded.appA]);
    expect(values(3).slice(3, 7)).toEqual(['应用场景建设项目', '第六条第（2）项', 'SC-1', 480_000]);
    expect(values(4).slice(0, 3)).toEqual([3, NAME_B, CODE_B]);
    expect(values(5)[6]).toBe(100_000);
    expect(values(6).slice(3, 7)).toEqual(['主营业务收入首次达到规模', '第五条第（1）项', '“5000万元”档', 150_000]);
    expect(sheet.getCell('G2').numFmt).toBe('#,##0');
    expect(typeof sheet.getCell('G2').value).toBe('number');
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getCell('B7').value).toBe('合计');
    expect(sheet.getCell('G7').value).toBe(1_930_000);
    const sum = [2, 3, 4, 5, 6].reduce((s, r) => s + Number(sheet.getCell(`G${r}`).value), 0);
    expect(sum).toBe(1_930_000);
  });

  it('takes objections from anyone inside the window and shows them to officers only', async () => {
    const url = `/api/v1/notices/${noticeId}/objections`;
    const anonymous = await t
      .anonymous()
      .post(url, { name: '张三', contact: '010-12345678', text: '该企业研发投入数据存疑', applicationId: seeded.appA });
    expect(anonymous.statusCode).toBe(201);
    expect(anonymous.json()).toMatchObject({ noticeId, applicationId: seeded.appA, at: '2027-03-15T02:00:00.000Z' });
    // A signed-in caller needs no CSRF token here either.
    t.clock.set('2027-03-15T02:01:00Z');
    const signedIn = await applicant.post(url, { name: '李四', contact: 'li@example.com', text: '公示名单之外的意见' }, { noCsrf: true });
    expect(signedIn.statusCode).toBe(201);
    expect(signedIn.json().applicationId).toBeNull();

    const notOnNotice = await t.anonymous().post(url, { name: '王五', contact: 'x', text: 'y', applicationId: pending });
    expect(notOnNotice.statusCode).toBe(400);
    expect(notOnNotice.json().issues.map((i: { path: string }) => i.path)).toEqual(['applicationId']);
    const missing = await t.anonymous().post(url, { name: '王五', contact: 'x', text: '   ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().issues.map((i: { path: string }) => i.path)).toEqual(['text']);
    expect((await t.anonymous().post('/api/v1/notices/nope/objections', { name: 'a', contact: 'b', text: 'c' })).statusCode).toBe(404);

    const listed = await officer.get(url);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().objections).toEqual([
      expect.objectContaining({ name: '张三', contact: '010-12345678', applicationId: seeded.appA }),
      expect.objectContaining({ name: '李四', applicationId: null }),
    ]);
    for (const c of [applicant, reviewer]) expect((await c.get(url)).statusCode).toBe(403);
    expect((await t.anonymous().get(url)).statusCode).toBe(401);

    const recorded = (await auditActions()).filter((a) => a.action === 'objection.record');
    expect(recorded).toHaveLength(2);
    expect(recorded.every((a) => a.actor_id === null)).toBe(true);
  });

  it('takes an objection through the form on the notice page, keeps what was typed on a refusal, and gives a receipt', async () => {
    const form = (fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/notices/${noticeId}/objections`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      });
    // Left empty: the form again, in Chinese, with what was typed kept.
    const refused = await form({ name: '  ', contact: '13800000000', text: '数据存疑<b>' });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('text/html');
    expect(refused.body).toContain('<span class="error" id="objection-name-error">请填写姓名或单位名称</span>');
    expect(refused.body).toContain('value="13800000000"');
    expect(refused.body).toContain('>数据存疑&lt;b&gt;</textarea>');
    // An application not on the notice: said at its field.
    const stranger = await form({ name: '王五', contact: 'w@example.com', text: '意见', applicationId: pending });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('申请编号不在本公告中，请核对后填写，或留空。');
    const before = await t.ctx.db.selectFrom('objections').select('id').execute();

    // (On the notice as a whole: the later tests count the objections against each application.)
    const sent = await form({ name: '赵七', contact: '13900000000', text: '该企业算力合同与发票金额不一致。' });
    expect(sent.statusCode).toBe(303);
    const location = sent.headers.location as string;
    const id = location.split('/').at(-1) ?? '';
    expect(location).toBe(`/notices/${noticeId}/objections/${id}`);
    const stored = await t.ctx.db.selectFrom('objections').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ notice_id: noticeId, application_id: null, name: '赵七', contact: '13900000000' });
    expect(await t.ctx.db.selectFrom('objections').select('id').execute()).toHaveLength(before.length + 1);
    const audited = (await auditActions()).filter((a) => a.action === 'objection.record' && a.entity_id === id);
    expect(audited).toHaveLength(1);

    const receipt = await t.anonymous().get(location);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain('<h1>异议受理回执</h1>');
    expect(receipt.body).toContain(`受理编号：<code id="receipt-id">${id}</code>`);
    expect(receipt.body).toContain('收到时间：2027年3月15日10:01（北京时间）');
    // Nothing the objector wrote is on it: anyone with the address can open it.
    expect(receipt.body).not.toMatch(/赵七|13900000000|发票/);
    expect((await t.anonymous().get(`/notices/${noticeId}/objections/nope`)).statusCode).toBe(404);
    // The JSON API takes JSON only: a form post there is refused.
    const asForm = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notices/${noticeId}/objections`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=a&contact=b&text=c',
    });
    expect(asForm.statusCode).toBe(415);
  });

  it('refuses to finalize while the window is open, and objections once it has closed', async () => {
    // 2027-03-22 18:00 in Beijing: the last day of the window.
    t.clock.set('2027-03-22T10:00:00Z');
    // Sessions last hours, not a week: sign in again.
    officer = await t.login('officer');
    applicant = await t.login('applicantA');
    reviewer = await t.login('reviewer1');
    const early = await officer.post(`/api/v1/applications/${seeded.appB}/finalize`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toBe('the objection window runs until 2027-03-22: finalize from 2027-03-23');
    const lastDay = await t.anonymous().post(`/api/v1/notices/${noticeId}/objections`, { name: '赵六', contact: 'z', text: '最后一天' });
    expect(lastDay.statusCode).toBe(201);

    // 2027-03-23 00:30 in Beijing: closed.
    t.clock.set('2027-03-22T16:30:00Z');
    officer = await t.login('officer');
    applicant = await t.login('applicantA');
    reviewer = await t.login('reviewer1');
    const late = await t.anonymous().post(`/api/v1/notices/${noticeId}/objections`, { name: '赵六', contact: 'z', text: '晚了' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toContain('closed on 2027-03-22');
    expect((await t.anonymous().get(`/api/v1/notices/${noticeId}`)).json().isOpenForObjections).toBe(false);
    // The page's form is gone, and a form posted anyway is answered in Chinese.
    const page = (await t.anonymous().get(`/notices/${noticeId}`)).body;
    expect(page).toContain('公示期已于2027年3月22日结束，不再受理异议。');
    expect(page).not.toContain('<form class="objection"');
    const lateForm = await t.app.inject({
      method: 'POST',
      url: `/notices/${noticeId}/objections`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ name: '赵六', contact: 'z', text: '晚了' }).toString(),
    });
    expect(lateForm.statusCode).toBe(409);
    expect(lateForm.body).toContain('公示期已于2027年3月22日结束，不再受理异议。');
    expect(await statusOf(seeded.appB)).toBe('public_notice');
  });

  it('lets only an officer finalize or pay', async () => {
    for (const c of [applicant, reviewer]) {
      const fin = await c.post(`/api/v1/applications/${seeded.appB}/finalize`, {});
      expect(fin.statusCode).toBe(403);
      const pay = await c.post(`/api/v1/applications/${seeded.appB}/pay`, { paidOn: '2027-03-23' });
      expect(pay.statusCode).toBe(403);
    }
    expect(await statusOf(seeded.appB)).toBe('public_notice');
  });

  it('skips no step', async () => {
    const pay = await officer.post(`/api/v1/applications/${seeded.appB}/pay`, { paidOn: '2027-03-23' });
    expect(pay.statusCode).toBe(409);
    expect(pay.json().code).toBe('FTAI_ERR_TRANSITION');
    const other = await seedApprovedCall(t, { year: 2028 });
    const fin = await officer.post(`/api/v1/applications/${other.appA}/finalize`, {});
    expect(fin.statusCode).toBe(409);
    expect(fin.json().code).toBe('FTAI_ERR_TRANSITION');
    expect(await statusOf(other.appA)).toBe('approved');
    expect((await officer.post('/api/v1/applications/nope/finalize', {})).statusCode).toBe(404);
  });

  it('finalizes after the window; objections against an application need objectionsReviewed', async () => {
    const unreviewed = await officer.post(`/api/v1/applications/${seeded.appA}/finalize`, {});
    expect(unreviewed.statusCode).toBe(400);
    expect(unreviewed.json().issues.map((i: { path: string }) => i.path)).toEqual(['objectionsReviewed']);
    expect(unreviewed.json().error).toContain('1 objection(s)');
    expect(await statusOf(seeded.appA)).toBe('public_notice');

    const a = await officer.post(`/api/v1/applications/${seeded.appA}/finalize`, { objectionsReviewed: true, note: '异议已核实,不成立' });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ id: seeded.appA, status: 'final', allocatedTotal: 1_280_000 });
    expect((await awardsOf(seeded.appA)).map((w) => w.status)).toEqual(['final', 'final']);

    // B had no objection against it (the anonymous ones named no application).
    const b = await officer.post(`/api/v1/applications/${seeded.appB}/finalize`);
    expect(b.statusCode).toBe(200);
    expect(b.json().status).toBe('final');
    expect((await officer.post(`/api/v1/applications/${seeded.appB}/finalize`, {})).statusCode).toBe(409);

    const events = await t.ctx.db
      .selectFrom('application_events')
      .select(['to_status', 'actor_id', 'note', 'at'])
      .where('application_id', '=', seeded.appA)
      .orderBy('seq')
      .execute();
    expect(events.at(-1)).toEqual({
      to_status: 'final',
      actor_id: t.users.officer,
      note: '异议已核实,不成立',
      at: '2027-03-22T16:30:00.000Z',
    });
  });

  it('records the payment of a final application', async () => {
    const url = `/api/v1/applications/${seeded.appA}/pay`;
    const future = await officer.post(url, { paidOn: '2027-03-24' });
    expect(future.statusCode).toBe(400);
    expect(future.json().issues.map((i: { path: string }) => i.path)).toEqual(['paidOn']);
    const impossible = await officer.post(url, { paidOn: '2027-02-30' });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().issues.map((i: { path: string }) => i.path)).toEqual(['paidOn']);
    expect((await officer.post(url, {})).statusCode).toBe(400);

    // No bank account on record (收款账户): refused, nothing written, until the enterprise gives one.
    const account = await t.ctx.db
      .selectFrom('enterprises')
      .select('bank_account_json')
      .where('credit_code', '=', CODE_A)
      .executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('enterprises').set({ bank_account_json: null }).where('credit_code', '=', CODE_A).execute();
    const noAccount = await officer.post(url, { paidOn: '2027-03-23' });
    expect(noAccount.statusCode).toBe(409);
    expect(noAccount.json()).toMatchObject({
      code: 'FTAI_ERR_BANK_ACCOUNT_MISSING',
      error: `the enterprise ${CODE_A} has no bank account on record (收款账户): it gives one in its profile before payment`,
    });
    expect(await statusOf(seeded.appA)).toBe('final');
    const given = await applicant.put('/api/v1/enterprises/me/bank-account', {
      accountName: NAME_A,
      bankName: '北京银行丰台支行',
      accountNo: '0109 0000 0000 0001',
    });
    expect(given.statusCode).toBe(200);
    expect(given.json().bankAccount).toEqual(JSON.parse(account.bank_account_json ?? 'null'));

    const paid = await officer.post(url, { paidOn: '2027-03-23', reference: 'GK-2027-0001' });
    expect(paid.statusCode).toBe(200);
    // The audit entry names the account paid to.
    const payEntry = await t.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'award.pay')
      .where('entity_id', '=', seeded.appA)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(payEntry.after_json ?? '{}').bankAccount).toEqual({
      accountName: NAME_A,
      bankName: '北京银行丰台支行',
      accountNo: '0109000000000001',
    });
    expect(paid.json()).toMatchObject({ id: seeded.appA, status: 'paid' });
    expect(await awardsOf(seeded.appA)).toEqual([
      { measure: '1', status: 'paid', paid_at: '2027-03-23' },
      { measure: '6.2a', status: 'paid', paid_at: '2027-03-23' },
    ]);
    const last = await t.ctx.db
      .selectFrom('application_events')
      .select(['from_status', 'to_status', 'note'])
      .where('application_id', '=', seeded.appA)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toEqual({ from_status: 'final', to_status: 'paid', note: 'paid on 2027-03-23, reference GK-2027-0001' });
    expect((await officer.post(url, { paidOn: '2027-03-23' })).statusCode).toBe(409);

    // A retry with the same Idempotency-Key gets the first answer instead of a refusal.
    const key = 'pay-b-2027-03-23';
    const once = await officer.post(`/api/v1/applications/${seeded.appB}/pay`, { paidOn: '2027-03-23' }, { idempotencyKey: key });
    const again = await officer.post(`/api/v1/applications/${seeded.appB}/pay`, { paidOn: '2027-03-23' }, { idempotencyKey: key });
    expect(once.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(once.json());
    expect((await auditActions()).filter((a) => a.action === 'award.pay').map((a) => a.entity_id)).toEqual([seeded.appA, seeded.appB]);
  });

  it('leaves an audit chain that verifies', async () => {
    const v = await officer.get('/api/v1/audit/verify');
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ ok: true, problems: [] });
    const actions = new Set((await auditActions()).map((a) => a.action));
    for (const a of ['notice.publish', 'application.transition', 'objection.record', 'award.finalize', 'award.pay'])
      expect(actions).toContain(a);
  });

  it('names the applications by their readable numbers on the page, and takes an objection naming one', async () => {
    const fresh = await createTestApp(dialect, { now: '2027-03-15T02:00:00Z' });
    try {
      const call = await seedApprovedCall(fresh);
      const number = '丰科AI申〔2027〕0001号';
      await fresh.ctx.db.updateTable('applications').set({ number }).where('id', '=', call.appA).execute();
      const boss = await fresh.login('officer');
      const id = (await boss.post(`/api/v1/calls/${call.callId}/notice`, {})).json().id;
      const n = (await fresh.anonymous().get(`/api/v1/notices/${id}`)).json();
      expect(n.enterprises.find((e: { applicationIds: string[] }) => e.applicationIds[0] === call.appA)).toMatchObject({
        applicationNumbers: [number],
      });
      const page = await fresh.app.inject({ method: 'GET', url: `/notices/${id}` });
      expect(page.body).toContain(`<td data-label="申请编号">${number}</td>`);
      expect(page.body).not.toContain(`<td data-label="申请编号">${call.appA}</td>`);
      // The workbook lists the number too.
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await fresh.anonymous().get(`/api/v1/notices/${id}/export.xlsx`)).rawPayload as unknown as ArrayBuffer);
      expect((book.getWorksheet('公示名单')?.getColumn(8).values ?? []).includes(number)).toBe(true);
      const objection = await fresh
        .anonymous()
        .post(`/api/v1/notices/${id}/objections`, { name: '赵六', contact: '13800000000', text: '请核实', applicationId: number });
      expect(objection.statusCode).toBe(201);
      expect(objection.json().applicationId).toBe(call.appA);
    } finally {
      await fresh.close();
    }
  });

  it('rate-limits objections from one address', async () => {
    const fresh = await createTestApp(dialect, { now: '2027-03-15T02:00:00Z' });
    try {
      const call = await seedApprovedCall(fresh);
      const boss = await fresh.login('officer');
      const id = (await boss.post(`/api/v1/calls/${call.callId}/notice`, {})).json().id;
      const c = fresh.anonymous();
      const codes: number[] = [];
      for (let i = 0; i < 21; i++)
        codes.push((await c.post(`/api/v1/notices/${id}/objections`, { name: 'n', contact: 'c', text: `t${i}` })).statusCode);
      expect(codes.slice(0, 20).every((s) => s === 201)).toBe(true);
      expect(codes[20]).toBe(429);
    } finally {
      await fresh.close();
    }
  });
});
