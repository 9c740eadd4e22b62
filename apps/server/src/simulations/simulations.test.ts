import type { BudgetEstimate, BudgetEstimateList, Simulation, SimulationList, SimulationResult } from '@ftai/api';
import { formatCsvRecord, registryHeader, requestToCells } from '@ftai/match';
import { type Answer, calculate, type Edition, makeEdition, SHIPPED_EDITION, validateRequest } from '@ftai/policy-fengtai';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRequests } from '../../../../bench/generate-requests.mjs';
import { buildEngineRequest } from '../applications/build-engine-request.js';
import { attachRequiredMaterials, multipartBody } from '../http/attach-materials.js';
import { type Client, createTestApp, DIALECTS, PASSWORD, type TestApp } from '../test/harness.js';
import { createUser } from '../users/create-user.js';

/** Version B: 第四条第（3）项 in two bands, as a year's 申报指南 might fix them, and 第一条 at 25%. */
const TWO_BANDS = [
  { min: 1_000_000, amount: 150_000, label: { zh: '100万元（含）至500万元', en: '1,000,000 (incl.) to 5,000,000' } },
  { min: 5_000_000, amount: 450_000, label: { zh: '500万元（含）以上', en: '5,000,000 or more' } },
];
const CHANGES = [
  { parameter: '4.3.tiers', value: TWO_BANDS },
  { parameter: '1.rate', value: '25%' },
];
const GUIDE = '2027年度丰台区人工智能产业政策申报指南';
const EDITION_B = makeEdition(2, CHANGES, GUIDE);

const ENTERPRISE = { registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: false, aiPartnerProgram: true };
/** A third enterprise, whose application stays a draft (left out of a call's population). */
const CODE_C = '91110106MA01ABCD2L';

/** The sums a simulation must reproduce: per side, the total and per measure (granted results), from calculate under each edition. */
function expectedSums(requests: readonly unknown[], edition: Edition) {
  const byMeasure = new Map<string, number>();
  let total = 0;
  let granted = 0;
  for (const request of requests) {
    const v = validateRequest(request);
    if (!v.ok) continue;
    const answer: Answer = calculate(v.request, { edition, lang: 'zh' });
    total += answer.total;
    if (answer.total > 0) granted += 1;
    for (const r of answer.results) {
      if (r.status === 'granted') byMeasure.set(r.measure, (byMeasure.get(r.measure) ?? 0) + r.amount);
    }
  }
  return { total, granted, byMeasure };
}

function expectSides(result: SimulationResult, requests: readonly unknown[]) {
  const a = expectedSums(requests, SHIPPED_EDITION);
  const b = expectedSums(requests, EDITION_B);
  expect(result.total).toEqual({ a: a.total, b: b.total, difference: b.total - a.total });
  expect(result.enterprises.grantedA).toBe(a.granted);
  expect(result.enterprises.grantedB).toBe(b.granted);
  for (const m of result.measures) {
    expect(m.a.amount, `measure ${m.measure} under A`).toBe(a.byMeasure.get(m.measure) ?? 0);
    expect(m.b.amount, `measure ${m.measure} under B`).toBe(b.byMeasure.get(m.measure) ?? 0);
    expect(m.difference).toBe(m.b.amount - m.a.amount);
  }
  expect(result.measures.reduce((s, m) => s + m.a.amount, 0)).toBe(a.total);
  expect(result.measures.reduce((s, m) => s + m.b.amount, 0)).toBe(b.total);
  return { a, b };
}

const sample = generateRequests(80, 15);
const header = registryHeader({ lang: 'zh', items: 3, json: ['history', 'otherPolicyAwards'] });
const badRow = requestToCells({ year: 2026, enterprise: { registeredInFengtai: true } }, header);
badRow[header.indexOf('算力投入（元）')] = 'a lot';
const csv = `\uFEFF${[
  header,
  ...sample.slice(0, 3).map((r) => requestToCells(r, header)),
  badRow,
  ...sample.slice(3).map((r) => requestToCells(r, header)),
]
  .map((r) => formatCsvRecord(r))
  .join('\r\n')}\r\n`;

async function workbookOf(res: { rawPayload: Buffer }): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}

/** Every cell's text of a sheet, row by row. */
function textsOf(sheet: ExcelJS.Worksheet | undefined): string[][] {
  const rows: string[][] = [];
  sheet?.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.push(cell.value === null || cell.value === undefined ? '' : String(cell.value));
    });
    rows.push(cells);
  });
  return rows;
}

describe.each(DIALECTS)('政策模拟 and 年度预算测算 on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let applicantA: Client;
  let callId: string;
  let callSimulation: Simulation;

  const waitFor = async (id: string): Promise<Simulation> => {
    await t.ctx.matchJobs.whenSettled(id);
    const res = await officer.get(`/api/v1/simulations/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Simulation;
  };
  const auditOf = (entity: string, id: string) =>
    t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('entity', '=', entity)
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();

  /** An application with `facts`, submitted (or left a draft). */
  const apply = async (client: Client, enterprise: Record<string, unknown>, facts: Record<string, unknown>, submit = true) => {
    const created = await client.post('/api/v1/applications', { callId, enterprise, facts });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    if (!submit) return id;
    await attachRequiredMaterials(client, id);
    const submitted = await client.post(`/api/v1/applications/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2027-03-15T02:00:00Z' });
    await createUser(t.ctx, {
      username: 'applicantC',
      displayName: 'applicantC',
      role: 'applicant',
      creditCode: CODE_C,
      enterpriseName: '北京测试丙智能科技有限公司',
      password: PASSWORD,
      actorId: null,
    });
    officer = await t.login('officer');
    applicantA = await t.login('applicantA');
    const applicantB = await t.login('applicantB');
    const applicantC = await t.login('applicantC');
    // Version 2, a draft: drafts are simulated too.
    await t.ctx.db
      .insertInto('policy_versions')
      .values({
        number: 2,
        status: 'draft',
        based_on: 1,
        changes_json: JSON.stringify(CHANGES),
        own_changes_json: JSON.stringify(CHANGES),
        effective_on: '2027-04-01',
        reason: '按2027年度申报指南确定研发费用增量分档和算力支持比例',
        authority: GUIDE,
        authority_ref: null,
        drafted_by: t.users.officer,
        drafted_at: '2027-03-15T02:00:00.000Z',
        submitted_at: null,
        decided_by: null,
        decided_at: null,
        decision_note: null,
        updated_at: '2027-03-15T02:00:00.000Z',
      })
      .execute();
    const call = await officer.post('/api/v1/calls', {
      year: 2026,
      title: '2027年度人工智能措施申报',
      opensOn: '2027-03-01',
      closesOn: '2027-06-30',
      totalBudget: 100_000_000,
      requiredReviews: 0,
    });
    expect(call.statusCode, call.body).toBe(201);
    callId = call.json().id;
    // 第一条 at 20% → 25%, 第四条第（3）项 200,000 → 150,000 (an increase of 3,000,000).
    await apply(applicantA, ENTERPRISE, { computeSpend: 5_000_000, rdSpend: 12_000_000, previousRdSpend: 9_000_000 });
    await apply(applicantB, ENTERPRISE, { computeSpend: 2_345_678, rdSpend: 20_000_000, previousRdSpend: 10_000_000 });
    await apply(applicantC, ENTERPRISE, { computeSpend: 9_000_000 }, false);
  });
  afterAll(async () => {
    await t.close();
  });

  it('simulates a call’s submitted applications under versions A and B: each side’s totals are the engine’s, by measure and in total', async () => {
    const applications = await t.ctx.db
      .selectFrom('applications')
      .select(['id', 'call_id', 'credit_code', 'request_json', 'status'])
      .where('call_id', '=', callId)
      .execute();
    const submitted = applications.filter((a) => a.status !== 'draft');
    expect(submitted).toHaveLength(2);
    const requests = await Promise.all(submitted.map((a) => buildEngineRequest(t.ctx.db, a)));
    const a = expectedSums(requests, SHIPPED_EDITION);
    const b = expectedSums(requests, EDITION_B);
    // The budgets: version A's figures exactly, so A is covered and B (which differs) is not where it asks more.
    const article1A = a.byMeasure.get('1') ?? 0;
    expect(article1A).toBeGreaterThan(0);
    expect(b.byMeasure.get('1')).toBeGreaterThan(article1A);
    const patched = await officer.patch(`/api/v1/calls/${callId}`, { totalBudget: a.total, articleBudgets: { '1': article1A } });
    expect(patched.statusCode, patched.body).toBe(200);

    const res = await officer.post('/api/v1/simulations', { population: { kind: 'call', callId }, versionA: 1, versionB: 2 });
    expect(res.statusCode, res.body).toBe(202);
    const created = res.json() as Simulation;
    expect(created).toMatchObject({
      population: { kind: 'call', label: '2027年度人工智能措施申报' },
      versionA: { number: 1, version: SHIPPED_EDITION.version },
      versionB: { number: 2, version: EDITION_B.version },
      callId,
      result: null,
      xlsx: null,
    });
    expect(['queued', 'running']).toContain(created.status);

    const sim = await waitFor(created.id);
    expect(sim, JSON.stringify(sim.error)).toMatchObject({ status: 'done', rowsTotal: 2, rowsDone: 2, error: null });
    const result = sim.result as SimulationResult;
    expect(result.rows).toBe(2);
    expect(result.bad).toBe(0);
    expectSides(result, requests);
    expect(result.enterprises.gain + result.enterprises.lose + result.enterprises.unchanged).toBe(2);

    // Budget coverage against the call's budgets: the total and article 1's own; other articles have none.
    expect(result.budget).toEqual({
      callId,
      callTitle: '2027年度人工智能措施申报',
      total: a.total,
      coveredA: true,
      coveredB: b.total <= a.total,
    });
    const article1 = result.articles.find((x) => x.article === 1);
    expect(article1).toMatchObject({ budget: article1A, coveredA: true, coveredB: false });
    expect(result.articles.find((x) => x.article === 4)).toMatchObject({ budget: null, coveredA: null, coveredB: null });
    // The largest changes carry both explanations.
    expect(result.largest.length).toBeGreaterThan(0);
    const change = result.largest[0];
    expect(change?.items.some((i) => i.a !== null && i.b !== null && i.a.lines.length > 0 && i.b.lines.length > 0)).toBe(true);
    expect(sim.xlsx).toBe(`/api/v1/simulations/${sim.id}/result.xlsx`);
    callSimulation = sim;

    // Audited: created by the officer, started and finished by the platform.
    expect(await auditOf('simulation', sim.id)).toEqual([
      { action: 'simulation.create', actor_id: t.users.officer },
      { action: 'simulation.start', actor_id: null },
      { action: 'simulation.finish', actor_id: null },
    ]);
    // The match jobs' list and routes do not show a simulation.
    const jobs = await officer.get('/api/v1/match-jobs');
    expect((jobs.json().jobs as { id: string }[]).map((j) => j.id)).not.toContain(sim.id);
    expect((await officer.get(`/api/v1/match-jobs/${sim.id}`)).statusCode).toBe(404);
  });

  it('simulates an uploaded registry and the same registry through a match job: the same totals, the engine’s', async () => {
    const q = `?versionA=1&versionB=2&callId=${encodeURIComponent(callId)}`;
    const res = await officer.request('POST', `/api/v1/simulations${q}`, await multipartBody('丰台区企业登记表.csv', Buffer.from(csv)));
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().population).toEqual({ kind: 'upload', label: '丰台区企业登记表.csv' });
    const sim = await waitFor(res.json().id);
    expect(sim.status, String(sim.error)).toBe('done');
    const result = sim.result as SimulationResult;
    expect(result).toMatchObject({ rows: sample.length + 1, bad: 1 });
    expectSides(result, sample);
    expect(result.budget?.callId).toBe(callId);
    // The distribution counts every enterprise-year granted anything, once per side.
    expect(result.distribution.a.reduce((s, n) => s + n, 0)).toBe(result.enterprises.grantedA);
    expect(result.distribution.b.reduce((s, n) => s + n, 0)).toBe(result.enterprises.grantedB);

    // The registry of an earlier match job: the same rows, the same figures.
    const job = await officer.request('POST', '/api/v1/match-jobs', await multipartBody('登记表.csv', Buffer.from(csv)));
    expect(job.statusCode, job.body).toBe(202);
    await t.ctx.matchJobs.whenSettled(job.json().id);
    const again = await officer.post('/api/v1/simulations', {
      population: { kind: 'match-job', matchJobId: job.json().id },
      versionA: 1,
      versionB: 2,
      callId,
    });
    expect(again.statusCode, again.body).toBe(202);
    expect(again.json().population).toEqual({ kind: 'match-job', label: '匹配任务“登记表.csv”' });
    const viaJob = await waitFor(again.json().id);
    expect(viaJob.status, String(viaJob.error)).toBe('done');
    expect(viaJob.result).toEqual(result);
  });

  it('simulates the platform’s enterprises for a year', async () => {
    const res = await officer.post('/api/v1/simulations', { population: { kind: 'platform', year: 2026 }, versionA: 1, versionB: 2 });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().population).toEqual({ kind: 'platform', label: '平台企业（2026年度）' });
    const sim = await waitFor(res.json().id);
    expect(sim.status, String(sim.error)).toBe('done');
    const enterprises = await t.ctx.db.selectFrom('enterprises').select(['credit_code']).execute();
    expect(sim.rowsTotal).toBe(enterprises.length);
    expect(sim.result?.rows).toBe(enterprises.length);
  });

  it('lists simulations newest first, a page at a time, without their results', async () => {
    const page = await officer.get('/api/v1/simulations?limit=2');
    expect(page.statusCode, page.body).toBe(200);
    const list = page.json() as SimulationList;
    expect(list.simulations).toHaveLength(2);
    expect(list.page.total).toBe(4);
    expect('result' in (list.simulations[0] ?? {})).toBe(false);
    const rest = await officer.get(`/api/v1/simulations?limit=2&after=${encodeURIComponent(list.page.next ?? '')}`);
    const next = rest.json() as SimulationList;
    expect(next.page.next).toBeNull();
    const shown = [...list.simulations, ...next.simulations];
    // Newest first: by creation, then by id (the test's clock stands still).
    const rows = await t.ctx.db
      .selectFrom('match_jobs')
      .select(['id'])
      .where('kind', '=', 'simulation')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(shown.map((s) => s.id)).toEqual(rows.map((r) => r.id));
    expect(shown.map((s) => s.id)).toContain(callSimulation.id);
  });

  it('writes the simulation as a workbook in Chinese: 汇总 with both versions and the budgets, by article and measure, the largest changes, the distribution', async () => {
    const res = await officer.get(callSimulation.xlsx ?? '');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('政策模拟'));
    const book = await workbookOf(res);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '按条款', '按措施', '变化最大的20户', '金额分布']);
    const result = callSimulation.result as SimulationResult;
    const summary = textsOf(book.getWorksheet('汇总'));
    const flat = summary.flat().join('|');
    expect(flat).toContain(`第1版（${SHIPPED_EDITION.version}）`);
    expect(flat).toContain(`第2版（${EDITION_B.version}）`);
    expect(flat).toContain('2027年度人工智能措施申报');
    expect(summary.find((r) => r[0] === '支持金额合计（元）')).toEqual([
      '支持金额合计（元）',
      String(result.total.a),
      String(result.total.b),
      String(result.total.difference),
    ]);
    expect(summary.find((r) => r[0] === '年度总预算能否覆盖')?.slice(2)).toEqual(['是', result.budget?.coveredB ? '是' : '否（超出预算）']);
    expect(flat).toContain('分条款预算不足');
    const articles = textsOf(book.getWorksheet('按条款'));
    expect(articles[1]?.[0]).toBe('条款');
    expect(articles.find((r) => r[0] === '第一条')?.slice(6)).toEqual([String(result.articles[0]?.budget), '是', '否（超出预算）']);
    const largest = textsOf(book.getWorksheet('变化最大的20户'));
    expect(largest[1]).toContain('版本A测算说明');
    expect(largest[2]?.[8]).toMatch(/第.+条.*：予以支持/);
    expect(largest[2]?.[9]).toMatch(/第.+条.*：予以支持/);
    expect(textsOf(book.getWorksheet('金额分布'))[2]?.[0]).toMatch(/^1元至/);
  });

  it('estimates next year’s budget from side B: each measure grown and floored, articles and total summed from the lines', async () => {
    const body = { year: 2027, overall: '8%', measures: { '1': '12.5%', '4.3': '-5%' }, note: '按2026年度申报增长情况测算' };
    const res = await officer.post(`/api/v1/simulations/${callSimulation.id}/estimates`, body);
    expect(res.statusCode, res.body).toBe(201);
    const estimate = res.json() as BudgetEstimate;
    const result = callSimulation.result as SimulationResult;
    expect(estimate).toMatchObject({
      simulationId: callSimulation.id,
      side: 'b',
      version: { number: 2, version: EDITION_B.version },
      year: 2027,
      overall: '8%',
      measures: body.measures,
      note: body.note,
      xlsx: `/api/v1/budget-estimates/${estimate.id}.xlsx`,
    });
    // By hand: 第一条 under B is 25% of each compute spend (5,000,000 and 2,345,678): 1,250,000 + 586,419 = 1,836,419;
    // × 112.5% = 2,065,971.375 → 2,065,971. 第四条第（3）项: 150,000 + 450,000 = 600,000; × 95% = 570,000.
    const line = (m: string) => estimate.lines.find((l) => l.measure === m);
    expect(line('1')).toMatchObject({ base: 1_836_419, growth: '12.5%', expected: 2_065_971 });
    expect(line('4.3')).toMatchObject({ base: 600_000, growth: '-5%', expected: 570_000 });
    for (const l of estimate.lines) {
      const m = result.measures.find((x) => x.measure === l.measure);
      expect(l.base).toBe(m?.b.amount);
      const rate = (body.measures as Record<string, string>)[l.measure] ?? '8%';
      expect(l.growth).toBe(rate);
      const hundredths = BigInt(Math.round(Number(rate.slice(0, -1)) * 100));
      expect(l.expected).toBe(Number((BigInt(l.base) * (10_000n + hundredths)) / 10_000n));
    }
    for (const x of estimate.articles) {
      const lines = estimate.lines.filter((l) => l.article === x.article);
      expect(x.expected).toBe(lines.reduce((s, l) => s + l.expected, 0));
      expect(x.base).toBe(lines.reduce((s, l) => s + l.base, 0));
    }
    expect(estimate.total).toEqual({
      base: result.total.b,
      expected: estimate.lines.reduce((s, l) => s + l.expected, 0),
    });
    expect(await auditOf('budget_estimate', estimate.id)).toEqual([{ action: 'budget-estimate.create', actor_id: t.users.officer }]);

    // Side A, the overall rate alone.
    const onA = await officer.post(`/api/v1/simulations/${callSimulation.id}/estimates`, { side: 'a', year: 2027, overall: '0%' });
    expect(onA.statusCode, onA.body).toBe(201);
    expect((onA.json() as BudgetEstimate).total).toEqual({ base: result.total.a, expected: result.total.a });
    const list = await officer.get(`/api/v1/simulations/${callSimulation.id}/estimates`);
    expect(list.statusCode, list.body).toBe(200);
    // Newest first (made at the same instant here: by id, descending).
    expect((list.json() as BudgetEstimateList).estimates.map((e) => e.id)).toEqual([onA.json().id, estimate.id].sort().reverse());

    // The workbook prints every assumption on top, then the lines.
    const xlsx = await officer.get(estimate.xlsx);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('2027年度预算测算'));
    const book = await workbookOf(xlsx);
    const rows = textsOf(book.getWorksheet('年度预算测算'));
    const byKey = new Map(rows.map((r) => [r[0], r[1]]));
    expect(rows[0]?.[0]).toBe('2027年度预算测算');
    expect(byKey.get('测算年度')).toBe('2027年度');
    expect(byKey.get('政策参数版本')).toContain(`第2版（${EDITION_B.version}）`);
    expect(byKey.get('测算对象')).toBe('2027年度人工智能措施申报（申报批次的申报，共2行）');
    expect(byKey.get('测算日期')).toBe('2027年3月15日');
    expect(byKey.get('总体增长率')).toBe('8%');
    expect(byKey.get('分事项增长率')).toBe('第一条：12.5%；第四条第（3）项：-5%');
    expect(byKey.get('测算方法')).toContain('本年度测算金额×（1＋增长率），向下取整到元');
    expect(byKey.get('备注')).toBe(body.note);
    const total = rows.find((r) => r[0] === '合计');
    expect(total?.[2]).toBe(String(result.total.b));
    expect(total?.[4]).toBe(String(estimate.total.expected));
    expect(rows.find((r) => r[1] === '第一条')?.slice(2)).toEqual(['1836419', '12.5%', '2065971']);
  });

  it('refuses what cannot be simulated or estimated, with a code and a Chinese message', async () => {
    const unknown = await officer.post('/api/v1/simulations', { population: { kind: 'call', callId }, versionA: 1, versionB: 9 });
    expect(unknown.statusCode, unknown.body).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'FTAI_ERR_VERSION_NOT_FOUND', message: '未找到第9版政策参数，请核对版本号' });
    const noCall = await officer.post('/api/v1/simulations', {
      population: { kind: 'call', callId: 'no-such-call' },
      versionA: 1,
      versionB: 2,
    });
    expect(noCall.statusCode).toBe(404);
    const noFile = await officer.request('POST', '/api/v1/simulations?versionA=1', await multipartBody('a.csv', Buffer.from(csv)));
    expect(noFile.statusCode, noFile.body).toBe(400);
    expect(noFile.json().issues[0].path).toBe('query.versionB');
    const badRate = await officer.post(`/api/v1/simulations/${callSimulation.id}/estimates`, { year: 2027, overall: '-150%' });
    expect(badRate.statusCode, badRate.body).toBe(400);
    expect(badRate.json().message).toBe('增长率不得低于-100%');
    const badMeasure = await officer.post(`/api/v1/simulations/${callSimulation.id}/estimates`, {
      year: 2027,
      overall: '1%',
      measures: { '99.9': '2%' },
    });
    expect(badMeasure.statusCode, badMeasure.body).toBe(400);
    const done = await officer.post(`/api/v1/simulations/${callSimulation.id}/cancel`);
    expect(done.statusCode, done.body).toBe(409);
    expect(done.json().message).toBe('该政策模拟已结束，不能取消');
    expect((await officer.get('/api/v1/simulations/no-such')).json().message).toBe('未找到该政策模拟');
    expect((await officer.get('/api/v1/budget-estimates/no-such.xlsx')).statusCode).toBe(404);
  });

  it('cancels a queued simulation at once, audited; it keeps no result', async () => {
    // The runner stopped (as while another instance holds the queue): the simulation waits, queued.
    await t.ctx.matchJobs.close();
    try {
      const res = await officer.post('/api/v1/simulations', { population: { kind: 'platform', year: 2026 }, versionA: 2, versionB: 1 });
      expect(res.statusCode, res.body).toBe(202);
      const id = res.json().id as string;
      expect(res.json().status).toBe('queued');
      const cancelled = await officer.post(`/api/v1/simulations/${id}/cancel`);
      expect(cancelled.statusCode, cancelled.body).toBe(200);
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', result: null, xlsx: null });
      expect(await auditOf('simulation', id)).toEqual([
        { action: 'simulation.create', actor_id: t.users.officer },
        { action: 'simulation.cancel', actor_id: t.users.officer },
      ]);
      expect((await officer.post(`/api/v1/simulations/${id}/estimates`, { year: 2027, overall: '8%' })).statusCode).toBe(409);
      // A match job's cancel route does not reach a simulation.
      expect((await officer.post(`/api/v1/match-jobs/${id}/cancel`)).statusCode).toBe(404);
    } finally {
      await t.ctx.matchJobs.start();
    }
  });

  it('simulates a draft as it stood when the simulation was made, though it changes before the run', async () => {
    await t.ctx.matchJobs.close();
    let id: string;
    try {
      const res = await officer.post('/api/v1/simulations', { population: { kind: 'call', callId }, versionA: 1, versionB: 2 });
      expect(res.statusCode, res.body).toBe(202);
      id = res.json().id;
      await t.ctx.db
        .updateTable('policy_versions')
        .set({ changes_json: JSON.stringify([{ parameter: '1.rate', value: '50%' }]) })
        .where('number', '=', 2)
        .execute();
    } finally {
      await t.ctx.matchJobs.start();
    }
    try {
      const sim = await waitFor(id);
      expect(sim.status, String(sim.error)).toBe('done');
      expect(sim.result).toEqual(callSimulation.result);
    } finally {
      await t.ctx.db
        .updateTable('policy_versions')
        .set({ changes_json: JSON.stringify(CHANGES) })
        .where('number', '=', 2)
        .execute();
    }
  });

  it('is for officers: an enterprise gets 403 on every route', async () => {
    const id = callSimulation.id;
    for (const [method, url, payload] of [
      ['POST', '/api/v1/simulations', { population: { kind: 'call', callId }, versionA: 1, versionB: 2 }],
      ['GET', '/api/v1/simulations', undefined],
      ['GET', `/api/v1/simulations/${id}`, undefined],
      ['POST', `/api/v1/simulations/${id}/cancel`, undefined],
      ['GET', `/api/v1/simulations/${id}/result.xlsx`, undefined],
      ['POST', `/api/v1/simulations/${id}/estimates`, { year: 2027, overall: '8%' }],
      ['GET', `/api/v1/simulations/${id}/estimates`, undefined],
    ] as const) {
      const res = await applicantA.request(method, url, payload === undefined ? {} : { body: payload });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
  });
});
