import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.js';
import { NOTICE_SNAPSHOT_MIGRATION, snapshotLegacyNotices } from '../db/migrations/0005-notice-snapshots.js';
import { sha256 } from '../ids.js';
import { type Client, CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';
import { NOTICE_INFO_SHEET, NOTICE_SHEET } from './export-notice-xlsx.js';
import { noticeContentSha256, readStoredNoticeContent } from './notice-versions.js';
import { escapeHtml } from './render-notice-html.js';
import { type ApprovedCall, seedApprovedCall } from './test-fixtures.js';

const FORMULA = '=HYPERLINK("http://evil.example/x","北京测试甲")';
const HOSTILE = '<script>alert("x")</script> & Co';

/** The cells of a workbook's sheets, row by row, as exceljs reads them back. */
async function workbookCells(payload: Buffer): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  for (const sheet of workbook.worksheets) {
    out[sheet.name] = [];
    sheet.eachRow((row) => out[sheet.name]?.push((row.values as unknown[]).slice(1)));
  }
  return out;
}

describe.each(DIALECTS)('notices are snapshots on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let seeded: ApprovedCall;
  let noticeId: string;
  let published: { json: unknown; html: string; cells: Record<string, unknown[][]> };

  const read = async (path = '') => {
    const json = (await t.anonymous().get(`/api/v1/notices/${noticeId}${path}`)).json();
    const html = (await t.anonymous().get(`/notices/${noticeId}${path}`)).body;
    const xlsx = await t.anonymous().get(`/api/v1/notices/${noticeId}${path}/export.xlsx`);
    return { json, html, cells: await workbookCells(xlsx.rawPayload) };
  };
  const auditRow = (seq: number) =>
    t.ctx.db.selectFrom('audit_log').select(['seq', 'action', 'actor_id', 'hash']).where('seq', '=', seq).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2027-03-15T02:00:00Z' });
    officer = await t.login('officer');
    seeded = await seedApprovedCall(t);
    // Names as the enterprises typed them before publication: markup and a formula.
    await t.ctx.db.updateTable('enterprises').set({ name: FORMULA }).where('credit_code', '=', CODE_A).execute();
    await t.ctx.db.updateTable('enterprises').set({ name: HOSTILE }).where('credit_code', '=', CODE_B).execute();
    const res = await officer.post(`/api/v1/calls/${seeded.callId}/notice`, { objectionDays: 7 });
    expect(res.statusCode).toBe(201);
    noticeId = res.json().id;
    published = await read();
  });
  afterAll(async () => {
    await t.close();
  });

  it('prints the audit chain head taken right after the publication’s own audit entry', async () => {
    const n = published.json as { version: number; auditHead: { seq: number; hash: string }; contentSha256: string };
    expect(n.version).toBe(1);
    const entry = await auditRow(n.auditHead.seq);
    expect(entry).toMatchObject({ action: 'notice.publish', actor_id: t.users.officer, hash: n.auditHead.hash });
    const after = await t.ctx.db.selectFrom('audit_log').select('after_json').where('seq', '=', n.auditHead.seq).executeTakeFirstOrThrow();
    expect(JSON.parse(after.after_json ?? '{}')).toMatchObject({ version: 1, contentSha256: n.contentSha256 });
    expect(published.html).toContain(`平台审计记录第${n.auditHead.seq}条的校验值为：<code>${n.auditHead.hash}</code>`);
    expect(published.cells[NOTICE_INFO_SHEET]).toEqual(
      expect.arrayContaining([
        ['审计链记录序号', String(n.auditHead.seq)],
        ['审计链校验值', n.auditHead.hash],
      ]),
    );
  });

  it('escapes markup on the page and neutralises formulas in the workbook, and keeps the names as published in the JSON', async () => {
    const n = published.json as { lines: { enterpriseName: string }[] };
    expect(new Set(n.lines.map((l) => l.enterpriseName))).toEqual(new Set([FORMULA, HOSTILE]));
    expect(published.html).not.toContain('<script');
    expect(published.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    const rows = published.cells[NOTICE_SHEET] ?? [];
    const names = rows.slice(1, -1).map((r) => r[1]);
    expect(names).toContain(`'${FORMULA}`);
    expect(names).not.toContain(FORMULA);
    // Amounts stay numbers.
    expect(rows.slice(1).every((r) => typeof r[6] === 'number')).toBe(true);
  });

  it('refuses a correction from anyone but an officer, without a reason, or when nothing changed', async () => {
    const url = `/api/v1/notices/${noticeId}/revisions`;
    for (const who of ['applicantA', 'reviewer1']) {
      const res = await (await t.login(who)).post(url, { reason: '更正' });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.anonymous().post(url, { reason: '更正' })).statusCode).toBe(401);
    for (const body of [{}, { reason: '  ' }, { reason: '更正', objectionDays: 0 }, { reason: '更正', extra: 1 }]) {
      const res = await officer.post(url, body);
      expect(res.statusCode).toBe(400);
    }
    const same = await officer.post(url, { reason: '核对无误' });
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ code: 'FTAI_ERR_CONFLICT' });
    expect(same.json().error).toContain('nothing to correct');
    expect((await officer.post('/api/v1/notices/nope/revisions', { reason: '更正' })).statusCode).toBe(404);
  });

  it('shows what was published after renames, ledger and call changes, and new display names', async () => {
    await t.ctx.db.updateTable('enterprises').set({ name: '北京改名后甲科技有限公司' }).where('credit_code', '=', CODE_A).execute();
    await t.ctx.db.updateTable('enterprises').set({ name: '北京改名后乙科技有限公司' }).where('credit_code', '=', CODE_B).execute();
    await t.ctx.db.updateTable('awards').set({ amount: 1 }).where('application_id', '=', seeded.appA).where('measure', '=', '1').execute();
    await t.ctx.db
      .updateTable('awards')
      .set({ amount: 0 })
      .where('application_id', '=', seeded.appB)
      .where('measure', '=', '3.2')
      .execute();
    await t.ctx.db.updateTable('calls').set({ title: '改过的标题' }).where('id', '=', seeded.callId).execute();
    await t.ctx.db.updateTable('users').set({ display_name: '改名的科长' }).where('id', '=', t.users.officer).execute();
    const now = await read();
    expect(now.json).toEqual(published.json);
    expect(now.html).toBe(published.html);
    expect(now.cells).toEqual(published.cells);
    expect(now.html).not.toContain('改名后');
    expect((await read('/versions/1')).json).toEqual(published.json);
  });

  it('issues a correction as a new, audited version; the publication stays public', async () => {
    t.clock.set('2027-03-17T02:00:00Z');
    officer = await t.login('officer');
    const res = await officer.post(
      `/api/v1/notices/${noticeId}/revisions`,
      { reason: '企业名称变更，金额按复核结果调整' },
      { idempotencyKey: 'revise-notice-0001' },
    );
    expect(res.statusCode).toBe(201);
    const v2 = res.json();
    expect(v2).toMatchObject({
      id: noticeId,
      version: 2,
      correction: 1,
      origin: 'correction',
      reason: '企业名称变更，金额按复核结果调整',
      on: '2027-03-17',
      publishedOn: '2027-03-15',
      isLatest: true,
      latestVersion: 2,
      objectionsUntil: '2027-03-22',
    });
    expect(v2.call.title).toBe('改过的标题');
    expect(v2.total).toBe(1_930_000 - 800_000 + 1 - 100_000);
    expect(v2.lines.map((l: { enterpriseName: string }) => l.enterpriseName)).not.toContain(FORMULA);
    expect(v2.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ applicationId: seeded.appA, measure: '1', field: 'amount', before: 800_000, after: 1 }),
        expect.objectContaining({ applicationId: seeded.appA, measure: '1', field: 'enterpriseName', before: FORMULA }),
        expect.objectContaining({ applicationId: seeded.appB, measure: '3.2', field: 'line', before: 100_000, after: null }),
      ]),
    );
    // A retry with the same key gets the same answer, not a third version.
    const again = await officer.post(
      `/api/v1/notices/${noticeId}/revisions`,
      { reason: '企业名称变更，金额按复核结果调整' },
      { idempotencyKey: 'revise-notice-0001' },
    );
    expect(again.json()).toEqual(v2);

    const entry = await auditRow(v2.auditHead.seq);
    expect(entry).toMatchObject({ action: 'notice.revise', actor_id: t.users.officer, hash: v2.auditHead.hash });
    const revisions = await t.ctx.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'notice.revise').execute();
    expect(revisions).toEqual([{ entity_id: noticeId }]);

    const latest = await read();
    expect(latest.json).toEqual(v2);
    expect(latest.html).toContain('拟支持名单公示（第1次更正）</title>');
    expect(latest.html).toContain('<h2>更正说明</h2>\n<p>企业名称变更，金额按复核结果调整</p>');
    expect(latest.html).toContain('原公示发布日期：2027年3月15日；本次更正日期：2027年3月17日。');
    expect(latest.html).toContain('<td>北京改名后甲科技有限公司</td><td>智能算力支持</td><td>金额</td><td>800,000元</td><td>1元</td>');
    expect(latest.html).toContain('<td>撤销支持事项</td><td>100,000元</td><td>不再列入</td>');
    expect(latest.html).toContain(`<a href="/notices/${noticeId}/versions/1">原公示</a>（2027年3月15日发布）`);
    // Official style in the text the platform writes (the names as published are what they are).
    const ours = latest.html.split(escapeHtml(FORMULA)).join('').split(escapeHtml(HOSTILE)).join('');
    expect(ours).not.toMatch(/[\u4e00-\u9fff][,:;()]|[,:;()][\u4e00-\u9fff]/);
    expect(latest.cells[NOTICE_INFO_SHEET]).toEqual(
      expect.arrayContaining([
        ['版本', '第1次更正（2027年3月17日）'],
        ['更正说明', '企业名称变更，金额按复核结果调整'],
      ]),
    );

    const first = await read('/versions/1');
    expect(first.json).toEqual({ ...(published.json as object), isLatest: false, latestVersion: 2, versions: v2.versions });
    expect(first.html).toContain('本版本已被第1次更正取代');
    expect(first.cells[NOTICE_SHEET]).toEqual(published.cells[NOTICE_SHEET]);
    expect((await t.anonymous().get(`/api/v1/notices/${noticeId}/versions/3`)).statusCode).toBe(404);
    expect((await t.anonymous().get(`/notices/${noticeId}/versions/zero`)).statusCode).toBe(400);

    const list = (await t.anonymous().get('/api/v1/notices')).json().notices;
    expect(list).toEqual([expect.objectContaining({ id: noticeId, version: 2, versionOn: '2027-03-17', reason: v2.reason })]);
    expect((await officer.get('/api/v1/audit/verify')).json()).toMatchObject({ ok: true });
  });

  it('reopens the objection window with a correction, never shortening it', async () => {
    const res = await officer.post(`/api/v1/notices/${noticeId}/revisions`, { reason: '公示期重新计算', objectionDays: 10 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 3, correction: 2, objectionsUntil: '2027-03-27' });
    expect(res.json().changes).toEqual([expect.objectContaining({ field: 'objectionsUntil', before: '2027-03-22', after: '2027-03-27' })]);
    const notice = await t.ctx.db.selectFrom('notices').select('objections_until').where('id', '=', noticeId).executeTakeFirstOrThrow();
    expect(notice.objections_until).toBe('2027-03-27');
    const shorter = await officer.post(`/api/v1/notices/${noticeId}/revisions`, { reason: '缩短', objectionDays: 1 });
    expect(shorter.statusCode).toBe(409);
  });

  it('stores each version once, as rows, which give back exactly the text its digest covers', async () => {
    const versions = await t.ctx.db
      .selectFrom('notice_versions')
      .select(['version', 'content_json', 'content_sha256'])
      .where('notice_id', '=', noticeId)
      .orderBy('version')
      .execute();
    expect(versions.map((v) => [Number(v.version), v.content_json])).toEqual([
      [1, null],
      [2, null],
      [3, null],
    ]);
    for (const v of versions) {
      const content = await readStoredNoticeContent(t.ctx.db, noticeId, Number(v.version));
      if (!content) throw new Error(`no version ${v.version}`);
      expect(sha256(JSON.stringify(content))).toBe(v.content_sha256);
      expect(noticeContentSha256(content)).toBe(v.content_sha256);
    }
    const first = await readStoredNoticeContent(t.ctx.db, noticeId, 1);
    expect(first?.lines.map((l) => l.enterpriseName)).toContain(FORMULA);
    expect(await readStoredNoticeContent(t.ctx.db, noticeId, 9)).toBeUndefined();
  });

  it('refuses, in the database itself, to change or delete a stored version', async () => {
    await expect(
      t.ctx.db.updateTable('notice_versions').set({ reason: 'edited' }).where('notice_id', '=', noticeId).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.updateTable('notice_versions').set({ content_json: '{}' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.deleteFrom('notice_versions').where('version', '=', 1).execute()).rejects.toThrow(/append-only/);
    const [first] = await t.ctx.db.selectFrom('notice_versions').selectAll().where('version', '=', 1).execute();
    if (!first) throw new Error('no version 1');
    if (dialect === 'sqlite') {
      // REPLACE deletes the row it replaces without firing delete triggers: refused before it does.
      await expect(
        t.ctx.db
          .replaceInto('notice_versions')
          .values({ ...first, reason: 'replaced' })
          .execute(),
      ).rejects.toThrow(/append-only/);
    } else {
      await expect(sql`truncate notice_versions`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
      await expect(
        t.ctx.db
          .insertInto('notice_versions')
          .values({ ...first })
          .onConflict((oc) => oc.columns(['notice_id', 'version']).doUpdateSet({ reason: 'replaced' }))
          .execute(),
      ).rejects.toThrow(/append-only/);
    }
    const versions = await t.ctx.db.selectFrom('notice_versions').select(['version', 'reason']).orderBy('version').execute();
    expect(versions.map((v) => Number(v.version))).toEqual([1, 2, 3]);
    expect(versions[0]?.reason).toBeNull();
  });
});

describe.each(DIALECTS)('migration 0005 on %s', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2027-03-15T02:00:00Z', migrateUpTo: '0004-milestone-tier-subjects' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('snapshots a notice published before snapshots from the records as they stand, audited', async () => {
    const seeded = await seedApprovedCall(t);
    const noticeId = 'legacy-notice';
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
      .where('id', 'in', [seeded.appA, seeded.appB])
      .execute();
    const applied = await migrateToLatest(t.ctx.db, dialect, { now: () => new Date('2027-03-15T03:00:00Z') });
    expect(applied).toContain(NOTICE_SNAPSHOT_MIGRATION);

    const res = await t.anonymous().get(`/api/v1/notices/${noticeId}`);
    expect(res.statusCode).toBe(200);
    const n = res.json();
    expect(n).toMatchObject({ version: 1, origin: 'migration', on: '2027-03-15', publishedOn: '2027-03-10', total: 1_930_000 });
    expect(n.lines.map((l: { creditCode: string }) => l.creditCode)).toEqual([CODE_A, CODE_A, CODE_B, CODE_B, CODE_B]);
    const entry = await t.ctx.db
      .selectFrom('audit_log')
      .select(['seq', 'actor_id', 'entity', 'entity_id', 'after_json', 'hash'])
      .where('action', '=', 'notice.snapshot-legacy')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_id: null, entity: 'migration', entity_id: NOTICE_SNAPSHOT_MIGRATION });
    expect(JSON.parse(entry.after_json ?? '{}').notices).toEqual([
      { noticeId, lines: 5, total: 1_930_000, contentSha256: n.contentSha256 },
    ]);
    expect(n.auditHead).toEqual({ seq: Number(entry.seq), hash: entry.hash });
    const html = (await t.anonymous().get(`/notices/${noticeId}`)).body;
    expect(html).toContain('本公告发布时平台尚未留存公告内容；本版本系平台于2027年3月15日依当日记录生成，此后不再改动。');

    await t.ctx.db.updateTable('enterprises').set({ name: '迁移后改名' }).where('credit_code', '=', CODE_A).execute();
    expect((await t.anonymous().get(`/api/v1/notices/${noticeId}`)).json()).toEqual(n);
    // A second run finds nothing to snapshot and writes nothing.
    expect(await snapshotLegacyNotices(t.ctx.db, () => new Date())).toBe(0);
    expect(await t.ctx.db.selectFrom('audit_log').select('seq').where('action', '=', 'notice.snapshot-legacy').execute()).toHaveLength(1);
    expect((await (await t.login('officer')).get('/api/v1/audit/verify')).json()).toMatchObject({ ok: true });
  });
});
