import { PassThrough } from 'node:stream';
import type { AuditEntry } from '@ftai/api';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { type Client, CODE_A, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { appendAudit } from './append-audit.js';
import { AUDIT_SHEET, exportAuditXlsx } from './export-audit-xlsx.js';

const ENTERPRISE_A = '北京测试甲智能科技有限公司';
const CALL_TITLE = '2027年度人工智能措施申报';

/** Each cell of a row, from column A. */
const values = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
/** A title row's text: its first cell, merged across the sheet. */
const title = (sheet: ExcelJS.Worksheet, row: number) => String(sheet.getRow(row).getCell(1).value);

async function readWorkbook(data: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((s) => s.name)).toEqual([AUDIT_SHEET]);
  const sheet = workbook.getWorksheet(AUDIT_SHEET);
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

/** The entry rows of an exported sheet (below the two title rows and the header, above the count). */
function entryRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 4; r < sheet.rowCount; r++) rows.push(values(sheet, r));
  return rows;
}

describe.each(DIALECTS)('the audit log, readable and exported, on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let callId: string;
  let applicationId: string;
  let noticeId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: CALL_TITLE,
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 50_000_000,
    });
    expect(call.statusCode, call.body).toBe(201);
    callId = call.json().id;
    const draft = await (await t.login('applicantA')).post('/api/v1/applications', { callId });
    expect(draft.statusCode, draft.body).toBe(201);
    applicationId = draft.json().id;
    noticeId = newId();
    await t.ctx.db
      .insertInto('notices')
      .values({
        id: noticeId,
        call_id: callId,
        published_by: t.users.officer,
        published_at: '2027-03-11T06:00:00.000Z',
        objections_until: '2027-03-18',
      })
      .execute();
    // Beijing 2027-03-10 to 03-12 (16:00Z is midnight in Beijing); the app's own entries (the users,
    // the call, the draft) are of 2027-03-15.
    const written = [
      {
        at: '2027-03-10T03:00:00.000Z',
        actorId: t.users.officer,
        action: 'call.update',
        entity: 'call',
        entityId: callId,
        before: { title: '旧标题' },
        after: { title: CALL_TITLE },
      },
      {
        at: '2027-03-11T02:00:00.000Z',
        actorId: t.users.officer,
        action: 'application.transition',
        entity: 'application',
        entityId: applicationId,
        before: { status: 'submitted' },
        after: { status: 'formal_check', note: null },
      },
      {
        at: '2027-03-11T05:00:00.000Z',
        actorId: t.users.admin,
        action: 'enterprise.update',
        entity: 'enterprise',
        entityId: CODE_A,
        before: { aiPartnerProgram: false },
        after: { aiPartnerProgram: true },
      },
      {
        at: '2027-03-11T06:00:00.000Z',
        actorId: t.users.officer,
        action: 'notice.publish',
        entity: 'notice',
        entityId: noticeId,
        before: null,
        after: { callId, applications: 2 },
      },
      {
        at: '2027-03-11T07:00:00.000Z',
        actorId: null,
        action: 'objection.record',
        entity: 'objection',
        entityId: 'O-1',
        before: null,
        after: { name: '张先生' },
      },
      {
        at: '2027-03-12T01:00:00.000Z',
        actorId: t.users.admin,
        action: 'user.create',
        entity: 'user',
        entityId: t.users.reviewer1,
        before: null,
        after: { username: 'reviewer1' },
      },
      {
        at: '2027-03-12T02:00:00.000Z',
        actorId: t.users.officer,
        action: 'call.update',
        entity: 'call',
        entityId: 'no-such-call',
        before: { x: 1 },
        after: { x: 2 },
      },
    ];
    for (const { at, ...entry } of written) await t.ctx.tx((trx) => appendAudit(trx, entry, at));
  });
  afterAll(async () => {
    await t.close();
  });

  const head = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .executeTakeFirstOrThrow()
      ).seq,
    );

  it('names who made each change and which record it is, by name, in the list', async () => {
    const res = await officer.get('/api/v1/audit?from=2027-03-10&to=2027-03-12&order=asc');
    expect(res.statusCode, res.body).toBe(200);
    const entries = res.json().entries as AuditEntry[];
    expect(entries.map((e) => [e.action, e.actorName, e.actorRole, e.entityLabel])).toEqual([
      ['call.update', 'officer', 'officer', CALL_TITLE],
      ['application.transition', 'officer', 'officer', ENTERPRISE_A],
      ['enterprise.update', 'admin', 'admin', ENTERPRISE_A],
      ['notice.publish', 'officer', 'officer', `${CALL_TITLE}拟支持名单公示`],
      // The public: no operator; an objection has no name of its own.
      ['objection.record', null, null, null],
      ['user.create', 'admin', 'admin', 'reviewer1'],
      // A record no longer on record: no name, its number stays.
      ['call.update', 'officer', 'officer', null],
    ]);
    expect(entries[1]).toMatchObject({ entity: 'application', entityId: applicationId, actorId: t.users.officer });
    // The app's own entries: the draft names its enterprise, the call its title.
    const own = (await officer.get('/api/v1/audit?from=2027-03-15&order=asc')).json().entries as AuditEntry[];
    expect(own.find((e) => e.action === 'application.create')).toMatchObject({
      actorName: 'applicantA',
      actorRole: 'applicant',
      entityLabel: ENTERPRISE_A,
    });
    expect(own.find((e) => e.action === 'call.create')).toMatchObject({ actorName: 'officer', entityLabel: CALL_TITLE });
  });

  it('exports the filtered entries as a workbook in Chinese, and writes no entry of its own', async () => {
    const before = await head();
    const res = await officer.get('/api/v1/audit/export.xlsx?from=2027-03-11&to=2027-03-11&order=asc');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // Named by the Beijing time of the export (the test clock: 2027-03-15T02:00Z).
    expect(res.headers['content-disposition']).toContain('filename="audit-20270315-100000.xlsx"');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('审计日志-20270315-100000.xlsx')}`);
    const sheet = await readWorkbook(res.rawPayload);
    expect(title(sheet, 1)).toBe('审计日志（2027年3月11日）');
    expect(title(sheet, 2)).toMatch(/^导出时间：2027年3月15日10:00:00（北京时间）。按审计记录号从早到晚排列/);
    expect(values(sheet, 3)).toEqual([
      '序号',
      '审计记录号',
      '时间（北京时间）',
      '操作人',
      '角色',
      '操作',
      '对象类型',
      '对象',
      '对象编号',
      '变更内容',
      '校验值（哈希）',
    ]);
    const rows = entryRows(sheet);
    expect(rows.map((r) => r.slice(0, 1).concat(r.slice(2, 9)))).toEqual([
      [1, '2027年3月11日10:00:00', 'officer', '主管部门', '申报状态变更', '申报', ENTERPRISE_A, applicationId],
      [2, '2027年3月11日13:00:00', 'admin', '系统管理员', '修改企业信息', '企业', ENTERPRISE_A, CODE_A],
      [3, '2027年3月11日14:00:00', 'officer', '主管部门', '发布公示', '公示', `${CALL_TITLE}拟支持名单公示`, noticeId],
      // No operator and no name: the role and the record's name are left empty.
      [4, '2027年3月11日15:00:00', '社会公众', undefined, '收到异议', '异议', undefined, 'O-1'],
    ]);
    // What changed, in short, a status by its name; the hash ties each row to the chain.
    expect(rows.map((r) => r[9])).toEqual([
      'status：已提交→形式审查',
      'aiPartnerProgram：否→是',
      `callId：${callId}\napplications：2`,
      'name：张先生',
    ]);
    const seqs = rows.map((r) => r[1] as number);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const stored = await t.ctx.db.selectFrom('audit_log').select(['seq', 'hash']).where('seq', 'in', seqs).orderBy('seq').execute();
    expect(rows.map((r) => r[10])).toEqual(stored.map((s) => s.hash));
    expect(values(sheet, sheet.rowCount)[0]).toBe('共4条记录');
    // Reading is not audited.
    expect(await head()).toBe(before);
  });

  it('names every filter in its title, newest first as the list', async () => {
    const res = await officer.get(
      `/api/v1/audit/export.xlsx?to=2027-03-12&actorId=${t.users.admin}&action=enterprise.update&entity=enterprise`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await readWorkbook(res.rawPayload);
    expect(title(sheet, 1)).toBe('审计日志（截至2027年3月12日；操作人：admin；操作：修改企业信息；对象类型：企业）');
    expect(entryRows(sheet).map((r) => [r[5], r[7]])).toEqual([['修改企业信息', ENTERPRISE_A]]);

    // Without a filter: the whole log, newest first (the list's order), the harness's users at the end.
    const all = await readWorkbook((await officer.get('/api/v1/audit/export.xlsx')).rawPayload);
    expect(title(all, 1)).toBe('审计日志（全部记录）');
    expect(title(all, 2)).toContain('按审计记录号从新到旧排列');
    const seqs = entryRows(all).map((r) => r[1] as number);
    expect(seqs).toHaveLength(await head());
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(entryRows(all).at(-1)?.slice(5, 8)).toEqual(['创建账号', '账号', 'admin']);
  });

  it('reads the log in batches, in either order, every entry once', async () => {
    const exported = async (order: 'asc' | 'desc') => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise((resolve) => out.on('end', resolve));
      // Two entries a batch: seven entries take four batches.
      const count = await exportAuditXlsx(t.ctx.db, { from: '2027-03-10', to: '2027-03-12', order }, '2027-03-15T02:00:00.000Z', out, 2);
      await done;
      return { count, rows: entryRows(await readWorkbook(Buffer.concat(chunks))) };
    };
    const asc = await exported('asc');
    const desc = await exported('desc');
    expect(asc.count).toBe(7);
    expect(asc.rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(desc.rows.map((r) => r[1])).toEqual(asc.rows.map((r) => r[1]).reverse());
    expect(asc.rows.map((r) => r[5])).toEqual([
      '修改申报批次',
      '申报状态变更',
      '修改企业信息',
      '发布公示',
      '收到异议',
      '创建账号',
      '修改申报批次',
    ]);
  });

  it('refuses a range backwards and anyone but an officer', async () => {
    const backwards = await officer.get('/api/v1/audit/export.xlsx?from=2027-03-12&to=2027-03-11');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().issues).toMatchObject([{ path: 'query.to' }]);
    expect((await officer.get('/api/v1/audit/export.xlsx?limit=5')).statusCode).toBe(400);
    expect((await (await t.login('applicantA')).get('/api/v1/audit/export.xlsx')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/v1/audit/export.xlsx')).statusCode).toBe(401);
  });
});
