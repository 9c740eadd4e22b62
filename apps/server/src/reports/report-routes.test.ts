import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { attachRequiredMaterials } from '../http/attach-materials.js';
import { type Client, createTestApp, DIALECTS, type TestApp } from '../test/harness.js';

const CASES = join(import.meta.dirname, '..', '..', '..', '..', 'packages', 'policy-fengtai', 'cases');
const caseNamed = (start: string) => {
  const file = readdirSync(CASES).find((f) => f.startsWith(start));
  if (!file) throw new Error(`no case ${start} in ${CASES}`);
  return JSON.parse(readFileSync(join(CASES, file), 'utf8')) as { request: Record<string, unknown>; expect: { total: number } };
};

/** The PDF's text, page by page, and what it says about itself. */
async function readPdf(bytes: Buffer) {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  const meta = await pdf.getMetadata();
  return { pages: text as string[], all: (text as string[]).join('\n'), info: meta.info as Record<string, unknown> };
}

/** Text as extracted runs lines and cells together; compare without the white space. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The default font (Debian's fonts-noto-cjk, which .ci/run installs); without it the PDFs answer 503, tested below. */
const HAS_FONT = existsSync(loadConfig().pdfFont.split('#')[0] ?? '');
if (!HAS_FONT) console.warn('fonts-noto-cjk is not installed: the PDFs’ content is not tested here (apt-get install fonts-noto-cjk)');

const ENTERPRISE = { registeredInFengtai: true, taxResidentInFengtai: true, aiPartnerProgram: true };

describe.skipIf(!HAS_FONT).each(DIALECTS)('the PDFs: 受理回执 and 政策测算报告, on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let applicantA: Client;
  let applicantB: Client;
  let callId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    officer = await t.login('officer');
    const call = await officer.post('/api/v1/calls', {
      year: 2027,
      title: '2028年度人工智能措施申报',
      opensOn: '2028-03-01',
      closesOn: '2028-04-30',
      totalBudget: 5_000_000,
    });
    expect(call.statusCode, call.body).toBe(201);
    callId = call.json().id;
    t.clock.set('2028-03-15T02:05:00Z');
    officer = await t.login('officer');
    applicantA = await t.login('applicantA');
    applicantB = await t.login('applicantB');
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives the applicant and the officer the receipt of a submitted application, with the page’s lines, in Chinese', async () => {
    const draft = await applicantA.post('/api/v1/applications', {
      callId,
      enterprise: ENTERPRISE,
      facts: { computeSpend: 1_000_000, modelFilings: [{ id: 'Beijing-M-1', date: '2027-05-01' }] },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;

    // Before submission there is no receipt: 409, in Chinese.
    const early = await applicantA.get(`/api/v1/applications/${id}/receipt.pdf`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'FTAI_ERR_CONFLICT', message: '该申报尚未提交，暂无受理回执；提交后即可下载' });

    await attachRequiredMaterials(applicantA, id);
    const submitted = await applicantA.post(`/api/v1/applications/${id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const view = submitted.json();

    const res = await applicantA.get(`/api/v1/applications/${id}/receipt.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`受理回执-${view.number}.pdf`)}`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, all, info } = await readPdf(res.rawPayload);
    expect(pages).toHaveLength(1);
    expect(info.Title).toBe(`受理回执（${view.number}）`);
    expect(info.Author).toBe('北京市丰台区科学技术和信息化局');
    const text = squeeze(all);
    expect(text).toContain('受理回执');
    expect(text).toContain(squeeze(view.number));
    expect(text).toContain(`申报企业${view.enterpriseName}`);
    expect(text).toContain(`统一社会信用代码${view.creditCode}`);
    expect(text).toContain('申报批次2028年度人工智能措施申报');
    expect(text).toContain('评估年度2027年度');
    expect(text).toContain('受理时间2028年3月15日10:05（北京时间）');
    expect(text).toContain('第一条（智能算力支持）');
    expect(text).toContain('第二条第（1）项（大模型合规备案）');
    expect(text).toContain('Beijing-M-1');
    // The engine's figures, the total, every file, what the receipt means, the issuer and the date.
    const total = (view.engineTotal as number).toLocaleString('en-US');
    expect(text).toContain(`合计${total}`);
    for (const a of view.attachments as { filename: string }[]) expect(text).toContain(squeeze(a.filename));
    expect(text).toContain('相关支持额度受年度总额控制');
    expect(text).toContain('北京市丰台区科学技术和信息化局2028年3月15日');
    expect(text).toContain('第1页（共1页）');

    // The officer may print it too; another enterprise may not see it.
    expect((await officer.get(`/api/v1/applications/${id}/receipt.pdf`)).statusCode).toBe(200);
    const other = await applicantB.get(`/api/v1/applications/${id}/receipt.pdf`);
    expect([403, 404]).toContain(other.statusCode);
    expect((await t.anonymous().get(`/api/v1/applications/${id}/receipt.pdf`)).statusCode).toBe(401);
  });

  it('draws the calculation report of a request: the facts as given, every result with its cause and steps, the 需评审 flag, the total', async () => {
    const c = caseNamed('16-');
    const res = await t.anonymous().post('/api/v1/calculate/report.pdf', c.request);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const code = (c.request.enterprise as { creditCode: string }).creditCode;
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`政策测算报告-${c.request.year}-${code}.pdf`));
    const { all, info } = await readPdf(res.rawPayload);
    expect(info.Title).toBe(`政策测算报告（${code}）`);
    const text = squeeze(all);
    expect(text).toContain('政策测算报告');
    expect(text).toContain('测算日期');
    expect(text).toContain('部级卓越孵化器');
    expect(text).toContain('孵化器建设投入：3,000,000元');
    expect(text).toContain('在丰台注册：是');
    expect(text).toContain('第八条第（1）项（部级卓越孵化器、市级标杆孵化器）');
    expect(text).toContain('最高900,000需评审');
    expect(text).toContain('经评审认定');
    expect(text).toContain('培育符合条件的人工智能企业11家×50,000元＝550,000元');
    expect(text).toContain(`合计${c.expect.total.toLocaleString('en-US')}`);
    expect(text).toContain('测算结果仅供参考');
  });

  it('names earlier grants and other policies’ awards as the page does, causes after their status word, and speaks English when asked', async () => {
    const history = caseNamed('18-');
    const zh = squeeze((await readPdf((await t.anonymous().post('/api/v1/calculate/report.pdf', history.request)).rawPayload)).all);
    expect(zh).toMatch(/已获支持：\d{4}年度，第五条第（1）项/);
    expect(zh).toContain('不予支持：');
    const best = caseNamed('20-');
    const other = squeeze((await readPdf((await t.anonymous().post('/api/v1/calculate/report.pdf', best.request)).rawPayload)).all);
    expect(other).toContain('其他政策支持：');
    expect(other).toContain('对应本措施第五条第（3）项');
    const en = await t.anonymous().post('/api/v1/calculate/report.pdf?lang=en', best.request);
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-disposition']).toContain('ftai-report-');
    const english = (await readPdf(en.rawPayload)).all;
    expect(english).toContain('Policy calculation report');
    expect(english).toMatch(/Page 1 of \d/);
  });

  it('refuses a request that breaks the contract with the calculation’s own issues, and runs on to further pages', async () => {
    const bad = await t.anonymous().post('/api/v1/calculate/report.pdf', { year: 2026, enterprise: {}, facts: { computeSpend: -1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('FTAI_ERR_VALIDATION');
    expect(bad.json().issues[0].path).toBe('facts.computeSpend');

    // Forty models filed: the report runs on to more pages, each numbered, nothing cut.
    const filings = Array.from({ length: 40 }, (_, i) => ({ id: `Beijing-M-${i + 1}`, date: '2026-05-01', industrial: i % 2 === 0 }));
    const long = await t
      .anonymous()
      .post('/api/v1/calculate/report.pdf', { year: 2026, enterprise: ENTERPRISE, facts: { modelFilings: filings } });
    expect(long.statusCode, long.body).toBe(200);
    const { pages } = await readPdf(long.rawPayload);
    expect(pages.length).toBeGreaterThan(1);
    expect(squeeze(pages.at(-1) ?? '')).toContain(`第${pages.length}页（共${pages.length}页）`);
    const text = squeeze(pages.join('\n'));
    for (const f of filings) expect(text).toContain(`备案编号：${f.id}；`);
  });
});

describe('without a Chinese font', () => {
  it('answers 503 FTAI_ERR_PDF_UNAVAILABLE, saying in Chinese to print the page instead', async () => {
    const t = await createTestApp('sqlite', { config: { pdfFont: '/nonexistent/font.ttc', pdfFontBold: '/nonexistent/bold.ttc' } });
    try {
      const res = await t.anonymous().post('/api/v1/calculate/report.pdf', { year: 2026, enterprise: ENTERPRISE });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ code: 'FTAI_ERR_PDF_UNAVAILABLE' });
      expect(res.json().error).toContain('FTAI_PDF_FONT');
      expect(res.json().message).toContain('另存为PDF');
    } finally {
      await t.close();
    }
  });
});
