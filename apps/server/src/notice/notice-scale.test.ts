import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.js';
import { snapshotLegacyNotices } from '../db/migrations/0005-notice-snapshots.js';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { readStoredNoticeContent } from './notice-versions.js';
import { bulkCreditCode, bulkEnterpriseName, seedApprovedCall, seedManyApproved } from './test-fixtures.js';

/** A thousand applications, two lines each: a notice of several pages, published set-based. */
const COUNT = 1000;
const LINES = 2 * COUNT;
/** Every line's amount: 800,000 (第一条) and 100,000 + i (3.2) for enterprise i. */
const TOTAL = COUNT * 900_000 + (COUNT * (COUNT + 1)) / 2;

interface Entry {
  no: number;
  applicationId: string;
  enterpriseName: string;
  creditCode: string;
  measure: string;
  amount: number;
}

/** The href of the link `rel` on a notice page, decoded from HTML. */
function linkOf(html: string, rel: 'next' | 'prev'): string | undefined {
  return html.match(new RegExp(`<a rel="${rel}" href="([^"]+)"`))?.[1]?.replaceAll('&amp;', '&');
}

/** The numbers (序号) of the rows of a notice page's main table. */
function rowNumbers(html: string): number[] {
  return [...html.matchAll(/<tr><td class="n" data-label="序号">(\d+)<\/td>/g)].map((m) => Number(m[1]));
}

describe.each(DIALECTS)('a notice of a thousand applications, set-based and paged, on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let callId: string;
  let ids: string[];
  let noticeId: string;
  let auditBefore: number;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2027-03-15T02:00:00Z' });
    officer = await t.login('officer');
    ({ callId, ids } = await seedManyApproved(t, COUNT));
    auditBefore = (await t.ctx.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq;
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('says what publishing would take in, to officers only', async () => {
    const res = await officer.get(`/api/v1/calls/${callId}/notice/readiness`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ callId, approved: COUNT, allocated: COUNT, amount: TOTAL });
    expect((await t.anonymous().get(`/api/v1/calls/${callId}/notice/readiness`)).statusCode).toBe(401);
    expect((await officer.get('/api/v1/calls/nope/notice/readiness')).statusCode).toBe(404);
  });

  it('publishes every application with its event and audit entry, and the chain verifies', async () => {
    const res = await officer.post(`/api/v1/calls/${callId}/notice`, { objectionDays: 7 });
    expect(res.statusCode).toBe(201);
    const n = res.json();
    noticeId = n.id;
    expect(n).toMatchObject({ lineCount: LINES, enterpriseCount: COUNT, total: TOTAL, version: 1 });
    expect(n.lines).toHaveLength(50);
    expect(n.page).toMatchObject({ limit: 50, total: LINES, previous: null, next: expect.any(String) });

    const moved = await t.ctx.db
      .selectFrom('applications')
      .select(['status', 'notice_id'])
      .where('call_id', '=', callId)
      .groupBy(['status', 'notice_id'])
      .select((eb) => eb.fn.countAll().as('n'))
      .execute();
    expect(moved.map((m) => ({ ...m, n: Number(m.n) }))).toEqual([{ status: 'public_notice', notice_id: noticeId, n: COUNT }]);
    const events = await t.ctx.db
      .selectFrom('application_events')
      .select(['application_id', 'seq', 'from_status', 'to_status'])
      .where('to_status', '=', 'public_notice')
      .execute();
    expect(events).toHaveLength(COUNT);
    expect(new Set(events.map((e) => e.application_id))).toEqual(new Set(ids));
    expect(events.every((e) => Number(e.seq) === 2 && e.from_status === 'approved')).toBe(true);

    const entries = await t.ctx.db
      .selectFrom('audit_log')
      .select(['seq', 'action', 'entity_id', 'before_json', 'after_json'])
      .where('seq', '>', auditBefore)
      .orderBy('seq')
      .execute();
    const transitions = entries.filter((e) => e.action === 'application.transition');
    expect(transitions.map((e) => e.entity_id).sort()).toEqual([...ids].sort());
    expect(JSON.parse(transitions[0]?.after_json ?? '{}')).toEqual({
      status: 'public_notice',
      note: `已公示（公示编号${noticeId}），异议受理截至2027年3月22日（含当日）`,
    });
    // Then the notice's own entry: the applications counted and digested, not listed.
    const publish = entries.at(-1);
    expect(publish?.action).toBe('notice.publish');
    expect(JSON.parse(publish?.after_json ?? '{}')).toMatchObject({ applications: COUNT, lines: LINES, total: TOTAL, version: 1 });
    expect(n.auditHead.seq).toBe(Number(publish?.seq));
    const verified = (await officer.get('/api/v1/audit/verify')).json();
    expect(verified).toMatchObject({ ok: true, problems: [], headSeq: Number(publish?.seq) });
  });

  it('pages the lines forward and back, every line once, in the order of the notice', async () => {
    const seen: Entry[] = [];
    let after: string | null = null;
    const cursors: (string | null)[] = [];
    do {
      const q: string = after ? `&after=${after}` : '';
      const res = await t.anonymous().get(`/api/v1/notices/${noticeId}?limit=300${q}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.page.total).toBe(LINES);
      cursors.push(body.page.previous);
      seen.push(...body.lines);
      after = body.page.next;
    } while (after);
    expect(seen.map((l) => l.no)).toEqual(Array.from({ length: LINES }, (_, i) => i + 1));
    expect(cursors[0]).toBeNull();
    // Names in the notice's order (pinyin of equal prefixes, then the numbers), 第一条 before 3.2 within each.
    expect(seen.slice(0, 4).map((l) => [l.enterpriseName, l.measure])).toEqual([
      [bulkEnterpriseName(1), '1'],
      [bulkEnterpriseName(1), '3.2'],
      [bulkEnterpriseName(2), '1'],
      [bulkEnterpriseName(2), '3.2'],
    ]);
    expect(seen.reduce((s, l) => s + l.amount, 0)).toBe(TOTAL);

    // Back from the last page with `before`: the same pages, in reverse.
    const last = await t.anonymous().get(`/api/v1/notices/${noticeId}?limit=300&after=${cursors.at(-1)}`);
    let before: string | null = last.json().page.previous;
    const back: number[] = [];
    while (before) {
      const res = await t.anonymous().get(`/api/v1/notices/${noticeId}?limit=300&before=${before}`);
      back.unshift(...res.json().lines.map((l: Entry) => l.no));
      before = res.json().page.previous;
    }
    expect(back).toEqual(Array.from({ length: back.length }, (_, i) => i + 1));
    expect(back.length).toBeGreaterThanOrEqual(LINES - 600);

    // Newest first: the last line first.
    const desc = (await t.anonymous().get(`/api/v1/notices/${noticeId}?limit=2&order=desc`)).json();
    expect(desc.lines.map((l: Entry) => l.no)).toEqual([LINES, LINES - 1]);
  });

  it('searches by enterprise name or credit code, and by application', async () => {
    const name = bulkEnterpriseName(123);
    const byName = (await t.anonymous().get(`/api/v1/notices/${noticeId}?q=${encodeURIComponent('0123号')}`)).json();
    expect(byName.lines.map((l: Entry) => [l.enterpriseName, l.measure])).toEqual([
      [name, '1'],
      [name, '3.2'],
    ]);
    expect(byName.page).toMatchObject({ total: 2, next: null });
    expect(byName.enterprises).toEqual([
      // Bulk-seeded applications were never submitted through the API: no readable number.
      {
        creditCode: bulkCreditCode(123),
        name,
        applicationIds: [byName.lines[0].applicationId],
        applicationNumbers: [null],
        total: 900_000 + 123,
      },
    ]);
    const byCode = (await t.anonymous().get(`/api/v1/notices/${noticeId}?q=${bulkCreditCode(45)}`)).json();
    expect(byCode.page.total).toBe(2);
    // "%" and "_" are taken literally.
    expect((await t.anonymous().get(`/api/v1/notices/${noticeId}?q=%25`)).json().page.total).toBe(0);
    expect((await t.anonymous().get(`/api/v1/notices/${noticeId}?q=_`)).json().page.total).toBe(0);
    const byApp = (await t.anonymous().get(`/api/v1/notices/${noticeId}?applicationId=${ids[9]}`)).json();
    expect(byApp.lines.map((l: Entry) => l.creditCode)).toEqual([bulkCreditCode(10), bulkCreditCode(10)]);
    expect(byApp.lineCount).toBe(LINES);
  });

  it('refuses a cursor that is not one, or after and before together, naming the field', async () => {
    const bad = await t.anonymous().get(`/api/v1/notices/${noticeId}?after=nonsense`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual(['after']);
    const first = (await t.anonymous().get(`/api/v1/notices/${noticeId}?limit=1`)).json();
    const both = await t.anonymous().get(`/api/v1/notices/${noticeId}?after=${first.page.next}&before=${first.page.next}`);
    expect(both.statusCode).toBe(400);
    expect(both.json().issues.map((i: { path: string }) => i.path)).toEqual(['before']);
    expect((await t.anonymous().get(`/api/v1/notices/${noticeId}?limit=501`)).statusCode).toBe(400);
  });

  it('shows the page a hundred lines at a time, with next and previous links and a search', async () => {
    const first = await t.anonymous().get(`/notices/${noticeId}`);
    expect(first.statusCode).toBe(200);
    expect(rowNumbers(first.body)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(first.body).toContain(`本页列示第1至100项（共${LINES}项）`);
    expect(first.body).toContain(`合计（${COUNT}家企业，${LINES}项）`);
    expect(linkOf(first.body, 'prev')).toBeUndefined();
    const nextHref = linkOf(first.body, 'next');
    expect(nextHref).toMatch(new RegExp(`^/notices/${noticeId}\\?after=`));
    const second = await t.anonymous().get(nextHref ?? '');
    expect(rowNumbers(second.body)).toEqual(Array.from({ length: 100 }, (_, i) => i + 101));
    const prevHref = linkOf(second.body, 'prev');
    expect(prevHref).toMatch(/\?before=/);
    const back = await t.anonymous().get(prevHref ?? '');
    expect(rowNumbers(back.body)).toEqual(rowNumbers(first.body));
    expect(linkOf(back.body, 'prev')).toBeUndefined();
    // The enterprises of the page, with their totals on the whole notice.
    expect(first.body).toContain('下表列示本页所列企业在本公告中的合计金额');
    const enterprise = (i: number) =>
      `<td data-label="企业名称">${bulkEnterpriseName(i)}</td><td data-label="统一社会信用代码">${bulkCreditCode(i)}</td>`;
    expect(first.body).toContain(enterprise(50));
    expect(first.body).not.toContain(enterprise(51));

    const found = await t.anonymous().get(`/notices/${noticeId}?q=${encodeURIComponent('0777号')}`);
    expect(rowNumbers(found.body)).toEqual([1553, 1554]);
    expect(found.body).toContain('查询“0777号”：共2项。');
    expect(found.body).toContain('name="q" value="0777号"');
    // The version's page pages the same way, with its own links.
    const version = await t.anonymous().get(`/notices/${noticeId}/versions/1?limit=10`);
    expect(rowNumbers(version.body)).toHaveLength(10);
    expect(linkOf(version.body, 'next')).toMatch(new RegExp(`^/notices/${noticeId}/versions/1\\?limit=10&after=`));
  });

  it('streams the whole notice as a workbook that reads back line for line', async () => {
    const res = await t.anonymous().get(`/api/v1/notices/${noticeId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('公示名单');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.rowCount).toBe(LINES + 2);
    const numbers: number[] = [];
    let sum = 0;
    for (let r = 2; r <= LINES + 1; r++) {
      const row = sheet.getRow(r);
      numbers.push(Number(row.getCell(1).value));
      sum += Number(row.getCell(7).value);
    }
    expect(numbers).toEqual(Array.from({ length: LINES }, (_, i) => i + 1));
    expect(sum).toBe(TOTAL);
    expect(sheet.getRow(2).getCell(2).value).toBe(bulkEnterpriseName(1));
    expect(sheet.getRow(LINES + 1).getCell(3).value).toBe(bulkCreditCode(COUNT));
    expect(sheet.getCell(`B${LINES + 2}`).value).toBe('合计');
    expect(sheet.getCell(`G${LINES + 2}`).value).toBe(TOTAL);
    expect(sheet.getCell('G2').numFmt).toBe('#,##0');
    const info = workbook.getWorksheet('公示说明');
    expect(info?.getCell('B2').value).toBe('2027年度人工智能科技创新和产业创新融合发展支持资金申报拟支持名单公示');
  });

  it('lists the notices a page at a time, of one call if asked, without reading their contents', async () => {
    const all = (await t.anonymous().get('/api/v1/notices?limit=1')).json();
    expect(all.page).toMatchObject({ limit: 1, total: 1, next: null });
    expect(all.notices[0]).toMatchObject({ id: noticeId, count: LINES, enterprises: COUNT, total: TOTAL, version: 1 });
    expect((await t.anonymous().get(`/api/v1/notices?callId=${callId}`)).json().notices).toHaveLength(1);
    expect((await t.anonymous().get('/api/v1/notices?callId=other')).json()).toMatchObject({ notices: [], page: { total: 0 } });
  });
});

describe.each(DIALECTS)('migration 0014 on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2027-03-15T02:00:00Z', migrateUpTo: '0013-shared-limits' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('splits the versions stored before it into rows: the notice pages, lists and exports as before', async () => {
    const seeded = await seedApprovedCall(t);
    const noticeId = 'stored-before-0014';
    await t.ctx.db
      .insertInto('notices')
      .values({
        id: noticeId,
        call_id: seeded.callId,
        published_by: t.users.officer,
        published_at: '2027-03-10T02:00:00.000Z',
        objections_until: '2027-03-17',
      })
      .execute();
    await t.ctx.db
      .updateTable('applications')
      .set({ notice_id: noticeId, status: 'public_notice' })
      .where('call_id', '=', seeded.callId)
      .execute();
    // A version as 0005 (and every publication before 0014) stored it: content_json only.
    await t.ctx.tx((trx) => snapshotLegacyNotices(trx, () => new Date('2027-03-15T03:00:00Z')));
    const stored = await t.ctx.db.selectFrom('notice_versions').select(['content_json']).executeTakeFirstOrThrow();
    await migrateToLatest(t.ctx.db, dialect);

    const n = (await t.anonymous().get(`/api/v1/notices/${noticeId}?limit=3`)).json();
    if (stored.content_json === null) throw new Error('0005 stores the content as JSON');
    const content = JSON.parse(stored.content_json);
    // Migration 0017 keeps it, and a correction compares with it.
    expect(await readStoredNoticeContent(t.ctx.db, noticeId, 1)).toEqual(content);
    expect(n).toMatchObject({ lineCount: 5, enterpriseCount: 2, total: 1_930_000, page: { total: 5, limit: 3 } });
    expect(n.lines).toEqual(content.lines.slice(0, 3).map((l: object, i: number) => ({ ...l, no: i + 1 })));
    // As stored, with the readable numbers looked up beside the ids (migration 0024 gave the submitted ones theirs).
    expect(n.enterprises).toEqual(
      content.enterprises.map((e: { applicationIds: string[] }) => ({
        ...e,
        applicationNumbers: e.applicationIds.map(() => expect.stringMatching(/^丰科AI申〔\d{4}〕\d{4}号$/)),
      })),
    );
    const rest = (await t.anonymous().get(`/api/v1/notices/${noticeId}?limit=3&after=${n.page.next}`)).json();
    expect(rest.lines.map((l: { no: number }) => l.no)).toEqual([4, 5]);
    expect((await t.anonymous().get('/api/v1/notices')).json().notices).toEqual([
      expect.objectContaining({ id: noticeId, count: 5, enterprises: 2, total: 1_930_000, version: 1 }),
    ]);
    expect(rowNumbers((await t.anonymous().get(`/notices/${noticeId}`)).body)).toEqual([1, 2, 3, 4, 5]);
    // Written once, as the versions are.
    await expect(t.ctx.db.updateTable('notice_lines').set({ amount: 1 }).execute()).rejects.toThrow(/written once|append-only/);
    await expect(t.ctx.db.deleteFrom('notice_enterprises').execute()).rejects.toThrow(/written once|append-only/);
    expect((await (await t.login('officer')).get('/api/v1/audit/verify')).json()).toMatchObject({ ok: true });
  });
});
