import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { seedApprovedCall } from './test-fixtures.js';

describe.each(DIALECTS)('the notice’s issuer, phone and address, settings of the call, on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2027-03-15T02:00:00Z' });
    officer = await t.login('officer');
  });
  afterAll(async () => {
    await t.close();
  });

  it('defaults to the policy’s issuer and no contacts, takes them on creation and change, audited, and refuses a phone that is none', async () => {
    const created = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '2027年度申报',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 1_000,
    });
    expect(created.json()).toMatchObject({ noticeIssuer: '北京市丰台区科学技术和信息化局', noticePhone: '', noticeAddress: '' });
    const id = created.json().id as string;
    const changed = await officer.patch(`/api/v1/calls/${id}`, {
      noticePhone: '010-63800000 转 123',
      noticeAddress: '北京市丰台区文体路2号',
      noticeIssuer: '丰台区科信局',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      noticeIssuer: '丰台区科信局',
      noticePhone: '010-63800000 转 123',
      noticeAddress: '北京市丰台区文体路2号',
    });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'call.update')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.after_json).toContain('010-63800000 转 123');
    const bad = await officer.patch(`/api/v1/calls/${id}`, { noticePhone: 'call me' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('noticePhone');
  });

  it('prints them on the notice page, the objection receipt and the workbook, as set at publication', async () => {
    const { callId } = await seedApprovedCall(t);
    await officer.patch(`/api/v1/calls/${callId}`, { noticePhone: '010-63800000', noticeAddress: '北京市丰台区文体路2号' });
    const notice = await officer.post(`/api/v1/calls/${callId}/notice`, { objectionDays: 7 });
    expect(notice.statusCode, notice.body).toBe(201);
    const id = notice.json().id as string;
    expect(notice.json()).toMatchObject({ contactPhone: '010-63800000', contactAddress: '北京市丰台区文体路2号' });

    const page = (await t.anonymous().get(`/notices/${id}`)).body;
    expect(page).toContain('联系电话：010-63800000；联系地址：北京市丰台区文体路2号。');

    const objection = await t.anonymous().request('POST', `/notices/${id}/objections`, {
      payload: new URLSearchParams({ name: '张三', contact: '13800000000', text: '金额有误' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const receipt = objection.statusCode === 303 ? (await t.anonymous().get(objection.headers.location as string)).body : objection.body;
    expect(receipt).toContain('联系电话：010-63800000');

    const xlsx = await t.anonymous().get(`/api/v1/notices/${id}/export.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const info = book.getWorksheet('公示说明');
    const rows = info?.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1).join('|') : '')) ?? [];
    expect(rows).toContain('联系电话|010-63800000');
    expect(rows).toContain('联系地址|北京市丰台区文体路2号');

    // A later change of the call leaves the published notice as it was.
    await officer.patch(`/api/v1/calls/${callId}`, { noticePhone: '010-00000000' });
    expect((await t.anonymous().get(`/api/v1/notices/${id}`)).json().contactPhone).toBe('010-63800000');
  });
});
