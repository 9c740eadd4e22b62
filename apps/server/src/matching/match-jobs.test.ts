import type { MatchJobDetail } from '@ftai/api';
import { formatCsvRecord, registryHeader, requestToCells } from '@ftai/match';
import { calculate, describeIssues, validateRequest } from '@ftai/policy-fengtai';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRequests } from '../../../../bench/generate-requests.mjs';
import { type Client, CODE_A, CODE_B, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';

/** A job as GET /api/v1/match-jobs/:id answers it. */
type JobView = MatchJobDetail;

/** A multipart/form-data body with one file, as a browser's FormData sends it. */
async function multipart(filename: string, content: string | Buffer) {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), filename);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type') ?? '' } };
}

const calcLine = (request: unknown) => {
  const v = validateRequest(request);
  if (!v.ok) throw new Error('the sample validates');
  return JSON.stringify(calculate(v.request, { lang: 'zh' }));
};
/** What a JSON Lines registry gives for line `lineNo`: the answer, or the error line `ftai calc --jsonl` writes. */
const jsonlLine = (request: unknown, lineNo: number) => {
  const v = validateRequest(request);
  if (v.ok) return JSON.stringify(calculate(v.request, { lang: 'zh' }));
  return JSON.stringify({ error: describeIssues(v.issues), code: 'FTAI_ERR_VALIDATION', issues: v.issues, line: lineNo });
};
const lines = (text: string) => text.split('\n').slice(0, -1);

const sample = generateRequests(120, 31);
const header = registryHeader({ lang: 'zh', items: 3, json: ['history', 'otherPolicyAwards'] });
const badRow = requestToCells({ year: 2026, enterprise: { registeredInFengtai: true } }, header);
badRow[header.indexOf('算力投入（元）')] = 'a lot';
/** The sample, with a bad row as the registry's sixth row. */
const registry = [
  header,
  ...sample.slice(0, 4).map((r) => requestToCells(r, header)),
  badRow,
  ...sample.slice(4).map((r) => requestToCells(r, header)),
];
const csv = `\uFEFF${registry.map((r) => formatCsvRecord(r)).join('\r\n')}\r\n`;

describe.each(DIALECTS)('match jobs on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = async (client: Client, filename: string, content: string | Buffer, query = '') =>
    client.request('POST', `/api/v1/match-jobs${query}`, await multipart(filename, content));
  /** The job once the runner is done with it (no polling: the runner says when). */
  const waitFor = async (id: string): Promise<JobView> => {
    await t.ctx.matchJobs.whenSettled(id);
    return (await officer.get(`/api/v1/match-jobs/${id}`)).json() as JobView;
  };
  const auditOf = (id: string) =>
    t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity', '=', 'match_job')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();

  it('matches an uploaded registry in the background: results as `ftai calc` answers, errors, summary, the enterprises to notify', async () => {
    const res = await upload(officer, '丰台区企业登记表.csv', csv);
    expect(res.statusCode).toBe(202);
    const created = res.json() as JobView;
    expect(created).toMatchObject({ source: 'upload', filename: '丰台区企业登记表.csv', rowsDone: 0 });
    expect(['queued', 'running']).toContain(created.status);

    const job = await waitFor(created.id);
    const answers = sample.map((r) => calcLine(r));
    const parsed = answers.map(
      (a) => JSON.parse(a) as { creditCode: string; total: number; results: { measure: string; status: string; amount: number }[] },
    );
    const grand = parsed.reduce((s, a) => s + a.total, 0);
    expect(job).toMatchObject({
      status: 'done',
      rowsTotal: sample.length + 1,
      rowsDone: sample.length + 1,
      rowsBad: 1,
      grantedEnterprises: parsed.filter((a) => a.total > 0).length,
      grantedTotal: grand,
      error: null,
    });
    expect(job.totals?.measures.reduce((s, m) => s + m.amount, 0)).toBe(grand);

    const results = await officer.get(job.downloads?.results ?? '');
    expect(results.statusCode).toBe(200);
    expect(results.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const out = lines(results.body);
    expect(out.filter((_, i) => i !== 4)).toEqual(answers);
    const errors = await officer.get(job.downloads?.errors ?? '');
    expect(lines(errors.body).map((l) => JSON.parse(l))).toMatchObject([
      { row: 6, issues: [{ column: '算力投入（元）', path: 'facts.computeSpend', code: 'FTAI_ERR_INVALID_FIELD' }] },
    ]);
    expect(out[4]).toBe(lines(errors.body)[0]);

    // The same answers as workbooks in Chinese: one row per registry row; the refused row by its row and column.
    const resultsXlsx = await officer.get(job.downloads?.resultsXlsx ?? '');
    expect(resultsXlsx.statusCode).toBe(200);
    expect(resultsXlsx.headers['content-disposition']).toContain(encodeURIComponent('匹配结果'));
    const rbook = new ExcelJS.Workbook();
    await rbook.xlsx.load(resultsXlsx.rawPayload as unknown as ArrayBuffer);
    const rsheet = rbook.getWorksheet('匹配结果');
    expect(rsheet?.getRow(2).values).toEqual([
      undefined,
      '序号',
      '登记表行号',
      '统一社会信用代码',
      '评估年度',
      '可获支持合计（元）',
      '予以支持的事项',
      '需专家评审的事项',
      '待补充信息的事项',
      '未能计算的原因',
    ]);
    // Rows 3 … : the registry's rows in order, the bad one fifth.
    const firstGranted = parsed.findIndex((a) => a.total > 0);
    const r = rsheet?.getRow(3 + (firstGranted >= 4 ? firstGranted + 1 : firstGranted));
    expect(r?.getCell(3).value).toBe(parsed[firstGranted]?.creditCode);
    expect(r?.getCell(5).value).toBe(parsed[firstGranted]?.total);
    expect(String(r?.getCell(6).value)).toMatch(/^第.+条.* [\d,]+元/);
    const bad = rsheet?.getRow(7);
    expect(bad?.getCell(2).value).toBe(6);
    expect(String(bad?.getCell(9).value)).toMatch(/^算力投入（元）：金额/);
    expect(rsheet?.getRow(3 + sample.length + 1).getCell(1).value).toBe(`共${sample.length + 1}行`);
    const resultTotal = Array.from({ length: sample.length + 1 }, (_, i) => Number(rsheet?.getRow(3 + i).getCell(5).value ?? 0));
    expect(resultTotal.reduce((a, b) => a + b, 0)).toBe(grand);

    const errorsXlsx = await officer.get(job.downloads?.errorsXlsx ?? '');
    expect(errorsXlsx.statusCode).toBe(200);
    const ebook = new ExcelJS.Workbook();
    await ebook.xlsx.load(errorsXlsx.rawPayload as unknown as ArrayBuffer);
    const erow = ebook.getWorksheet('错误明细')?.getRow(3);
    expect(erow?.getCell(2).value).toBe(6);
    expect(erow?.getCell(3).value).toBe('算力投入（元）');
    expect(erow?.getCell(4).value).toBe('facts.computeSpend');
    // The problem in Chinese, the API's words beside it.
    expect(String(erow?.getCell(5).value)).toMatch(/^金额/);
    expect(String(erow?.getCell(5).value)).not.toMatch(/[A-Za-z]{3}/);
    expect(String(erow?.getCell(6).value)).toMatch(/^expected/);

    const summary = await officer.get(job.downloads?.summary ?? '');
    expect(summary.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(summary.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('汇总')?.getRow(7).getCell(3).value).toBe(grand);

    const notify = await officer.get(`${job.downloads?.notify}?limit=5&offset=2`);
    const granted = sample
      .map((r, i) => ({ r, a: parsed[i] }))
      .filter(({ a }) => (a?.total ?? 0) > 0)
      .map(({ r, a }) => ({
        creditCode: a?.creditCode,
        name: (r.enterprise as { name?: string }).name ?? null,
        total: a?.total,
        measures: a?.results.filter((x) => x.status === 'granted').map((x) => x.measure),
      }));
    const body = notify.json() as {
      total: number;
      enterprises: { creditCode: string; name: string | null; total: number; measures: { measure: string }[] }[];
    };
    expect(body.total).toBe(granted.length);
    expect(
      body.enterprises.map((e) => ({ creditCode: e.creditCode, name: e.name, total: e.total, measures: e.measures.map((m) => m.measure) })),
    ).toEqual(granted.slice(2, 7));

    const list = (await admin.get('/api/v1/match-jobs')).json() as { jobs: JobView[] };
    expect(list.jobs.map((j) => j.id)).toContain(job.id);
    expect(await auditOf(job.id)).toEqual([
      { action: 'match-job.create', actor_id: t.users.officer },
      { action: 'match-job.start', actor_id: null },
      { action: 'match-job.finish', actor_id: null },
    ]);
  });

  it('matches the enterprises the platform holds: profile, latest application of the year, ledger history', async () => {
    const applicantA = await t.login('applicantA');
    const profile = { name: '北京测试甲智能科技有限公司', registeredInFengtai: true, taxResidentInFengtai: true, aiPartnerProgram: true };
    expect((await applicantA.put('/api/v1/enterprises/me', profile)).statusCode).toBe(200);
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '2027年度人工智能措施申报',
      opensOn: '2027-03-01',
      closesOn: '2027-04-30',
      totalBudget: 50_000_000,
    });
    expect(call.statusCode).toBe(201);
    const application = await applicantA.post('/api/v1/applications', {
      callId: call.json().id,
      facts: { computeSpend: 5_000_000, rdSpend: 12_000_000, previousRdSpend: 9_000_000 },
    });
    expect(application.statusCode).toBe(201);
    // History by tier and an other policy's award by measure, as the platform holds them.
    const earlier = await officer.post('/api/v1/calls', {
      year: 2025,
      title: '2026年度人工智能措施申报',
      opensOn: '2026-03-01',
      closesOn: '2026-04-30',
      totalBudget: 50_000_000,
    });
    await t.ctx.db
      .insertInto('applications')
      .values({
        id: 'earlier-app',
        call_id: earlier.json().id,
        credit_code: CODE_A,
        status: 'paid',
        request_json: '{}',
        result_json: null,
        policy_version: null,
        engine_total: 200_000,
        approved_total: 200_000,
        allocated_total: 200_000,
        score: null,
        created_by: t.users.applicantA,
        created_at: t.ctx.now(),
        updated_at: t.ctx.now(),
        submitted_at: t.ctx.now(),
        notice_id: null,
      })
      .execute();
    await t.ctx.db
      .insertInto('awards')
      .values({
        id: 'earlier-award',
        credit_code: CODE_A,
        measure: '5.1',
        subject: 'revenue-50m',
        year: 2025,
        amount: 200_000,
        call_id: earlier.json().id,
        application_id: 'earlier-app',
        status: 'paid',
        created_at: t.ctx.now(),
        paid_at: '2026-06-01',
      })
      .execute();
    const imported = await officer.post('/api/v1/other-policy-awards/import', {
      csv: `creditCode,policy,measure,amount,year\n${CODE_A},丰台区算力券,1,2000000,2026\n`,
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const estimate = await applicantA.post(`/api/v1/applications/${application.json().id}/estimate`);
    expect(estimate.statusCode).toBe(200);
    // 第一条 grants 1,000,000, not more than the other policy's 2,000,000 for the same measure.
    expect(estimate.json().results.find((r: { measure: string }) => r.measure === '1')).toMatchObject({ status: 'excluded', amount: 0 });

    const res = await officer.post('/api/v1/match-jobs', { source: 'platform', year: 2026 });
    expect(res.statusCode).toBe(202);
    const job = await waitFor((res.json() as JobView).id);
    expect(job).toMatchObject({ status: 'done', source: 'platform', year: 2026, rowsTotal: 2, rowsDone: 2, rowsBad: 0 });
    const out = lines((await officer.get(job.downloads?.results ?? '')).body).map((l) => JSON.parse(l) as { creditCode: string });
    expect(out.map((a) => a.creditCode)).toEqual([CODE_A, CODE_B].sort());
    // The same answer as the application's own estimate: one way of building the request.
    expect(out.find((a) => a.creditCode === CODE_A)).toEqual(estimate.json());
    const notify = (await officer.get(job.downloads?.notify ?? '')).json() as { enterprises: { creditCode: string; name: string }[] };
    expect(notify.enterprises).toMatchObject([{ creditCode: CODE_A, name: '北京测试甲智能科技有限公司' }]);
  });

  it('runs one job at a time: a queued job cancelled never runs, a running one stops with its output whole', async () => {
    const many = generateRequests(20_000, 5);
    const big = await upload(officer, 'big.jsonl', `${many.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const small = await upload(officer, 'small.csv', csv);
    expect([big.statusCode, small.statusCode]).toEqual([202, 202]);
    const bigId = (big.json() as JobView).id;
    const smallId = (small.json() as JobView).id;
    expect((small.json() as JobView).status).toBe('queued');

    const cancelSmall = await officer.post(`/api/v1/match-jobs/${smallId}/cancel`);
    expect(cancelSmall.statusCode).toBe(200);
    expect(cancelSmall.json()).toMatchObject({ status: 'cancelled', rowsDone: 0 });

    await t.ctx.matchJobs.whenStarted(bigId);
    expect((await officer.get(`/api/v1/match-jobs/${bigId}`)).json().status).toBe('running');
    const cancelBig = await officer.post(`/api/v1/match-jobs/${bigId}/cancel`);
    expect([200, 202]).toContain(cancelBig.statusCode);
    const stopped = await waitFor(bigId);
    expect(stopped.status).toBe('cancelled');
    expect(stopped.rowsDone).toBeLessThan(many.length);
    const out = lines((await officer.get(stopped.downloads?.results ?? '')).body);
    expect(out).toHaveLength(stopped.rowsDone);
    // Requests the contract refuses (the generator's, made before 5.1 history named tiers) are error lines in place.
    out.forEach((line, i) => {
      expect(line).toBe(jsonlLine(many[i], i + 1));
    });
    expect((await officer.post(`/api/v1/match-jobs/${bigId}/cancel`)).statusCode).toBe(409);
    expect((await officer.get(`/api/v1/match-jobs/${smallId}/results.jsonl`)).statusCode).toBe(404);
    expect((await auditOf(smallId)).map((a) => a.action)).toEqual(['match-job.create', 'match-job.cancel']);
    expect((await auditOf(bigId)).map((a) => a.action)).toEqual([
      'match-job.create',
      'match-job.start',
      'match-job.cancel',
      'match-job.finish',
    ]);
  });

  it('fails a job whose registry cannot be read, saying why', async () => {
    const res = await upload(officer, 'extra.csv', '年度,企业名称,联系人\n2026,甲公司,张三\n');
    const job = await waitFor((res.json() as JobView).id);
    expect(job).toMatchObject({ status: 'failed', error: 'the header row cannot be matched: unknown column "联系人"', downloads: null });
    expect((await officer.get(`/api/v1/match-jobs/${job.id}/results.jsonl`)).statusCode).toBe(409);
    const allowed = await upload(officer, 'extra.csv', '年度,企业名称,联系人\n2026,甲公司,张三\n', '?allowExtraColumns=true');
    expect(await waitFor((allowed.json() as JobView).id)).toMatchObject({ status: 'done', rowsDone: 1 });
  });

  it('refuses files that are no registry, and bodies that say nothing', async () => {
    const txt = await upload(officer, 'notes.txt', 'hello');
    expect(txt.statusCode).toBe(415);
    expect(txt.json()).toMatchObject({ code: 'FTAI_ERR_UPLOAD' });
    // A form cut short is the client's fault, as for attachments (one upload reader): 400, never a 500.
    const cut = await officer.request('POST', '/api/v1/match-jobs', {
      payload: '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\n\r\n年度,企业名称\r\n2026,甲',
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
    });
    expect(cut.statusCode).toBe(400);
    expect(cut.json()).toMatchObject({ code: 'FTAI_ERR_UPLOAD' });
    expect((await officer.post('/api/v1/match-jobs', { source: 'upload', year: 2026 })).json()).toMatchObject({
      code: 'FTAI_ERR_VALIDATION',
      issues: [{ path: 'source', message: 'expected "platform" (a registry file is sent as multipart/form-data)' }],
    });
    expect((await officer.post('/api/v1/match-jobs', { source: 'platform' })).json()).toMatchObject({ issues: [{ path: 'year' }] });
    expect((await officer.post('/api/v1/match-jobs')).statusCode).toBe(400);
    // Registries may pass the 10 MiB limit of attachments; the matching limit is its own.
    const large = await upload(officer, 'large.jsonl', `${' '.repeat(11 << 20)}\n`);
    expect(large.statusCode).toBe(202);
    expect(await waitFor((large.json() as JobView).id)).toMatchObject({ status: 'done', rowsDone: 0 });
    const config = t.ctx.config as { matchUploadLimitBytes: number };
    const limit = config.matchUploadLimitBytes;
    config.matchUploadLimitBytes = 1000;
    try {
      const tooLarge = await upload(officer, 'too-large.csv', csv);
      expect(tooLarge.statusCode).toBe(413);
      expect(tooLarge.json()).toMatchObject({ code: 'FTAI_ERR_UPLOAD', error: 'the file is larger than the limit of 1,000 bytes' });
    } finally {
      config.matchUploadLimitBytes = limit;
    }
    expect((await officer.get('/api/v1/match-jobs/nope')).statusCode).toBe(404);
  });

  it('gives the registry template to fill in, with Chinese headers and notes', async () => {
    const res = await officer.get('/api/v1/match-jobs/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('企业登记表模板.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('企业登记表');
    if (!sheet) throw new Error('no sheet 企业登记表');
    const head = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(head).toEqual(registryHeader({ lang: 'zh', items: 2 }));
    expect(head).toContain('算力投入（元）');
    expect(book.getWorksheet('填写说明')?.getRow(1).values).toEqual([undefined, '列', '表头', '对应字段(计算接口)', '填写内容']);
    // For officers, as the matching page it belongs to.
    expect((await t.anonymous().get('/api/v1/match-jobs/template.xlsx')).statusCode).toBe(401);
  });

  it('is for officers and admins only', async () => {
    const res = await upload(officer, 'one.csv', csv);
    const id = (res.json() as JobView).id;
    await waitFor(id);
    for (const who of ['applicantA', 'reviewer1']) {
      const c = await t.login(who);
      expect((await upload(c, 'x.csv', csv)).statusCode, who).toBe(403);
      expect((await c.post('/api/v1/match-jobs', { source: 'platform', year: 2026 })).statusCode, who).toBe(403);
      for (const path of [
        '',
        `/${id}`,
        `/${id}/results.jsonl`,
        `/${id}/results.xlsx`,
        `/${id}/summary.xlsx`,
        `/${id}/errors.jsonl`,
        `/${id}/errors.xlsx`,
        `/${id}/notify`,
        '/template.xlsx',
      ]) {
        expect((await c.get(`/api/v1/match-jobs${path}`)).statusCode, `${who} GET ${path}`).toBe(403);
      }
      expect((await c.post(`/api/v1/match-jobs/${id}/cancel`)).statusCode, who).toBe(403);
    }
    expect((await t.anonymous().get('/api/v1/match-jobs')).statusCode).toBe(401);
    expect((await admin.get(`/api/v1/match-jobs/${id}/summary.xlsx`)).statusCode).toBe(200);
  });
});
