import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTICLES, calculate, MEASURE_IDS, validateRequest } from '@ftai/policy-fengtai';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRequests } from '../../../bench/generate-requests.mjs';
import { type MatchProgress, matchFile } from './match-file.js';
import { formatCsvRecord } from './parse-csv.js';
import { MatchInputError } from './read-registry.js';
import { registryHeader, requestToCells } from './registry-header.js';
import { writeTemplate } from './write-template.js';

/**
 * matchFile end to end, worker threads and all (they run the build: `npx tsc -b` first).
 */
let dir: string;
const requests = generateRequests(600, 20261128);
const header = registryHeader({ lang: 'zh', items: 3, json: ['history', 'otherPolicyAwards'] });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftai-match-test-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string) => join(dir, name);
const lines = (path: string) => readFileSync(path, 'utf8').split('\n').slice(0, -1);
const csvOf = (rows: readonly (readonly unknown[])[]) =>
  `${rows.map((r) => formatCsvRecord(r as (string | number | boolean | null)[])).join('\r\n')}\r\n`;
/** What `ftai calc` answers for a request, as one line. */
const calcLine = (request: unknown, options: { explain?: boolean; lang?: 'zh' | 'en' } = {}) => {
  const v = validateRequest(request);
  if (!v.ok) throw new Error('sample requests validate');
  return JSON.stringify(calculate(v.request, options));
};

describe('matchFile', () => {
  it('answers every row of a CSV registry exactly as calculate() does, in input order, over several workers', async () => {
    writeFileSync(file('registry.csv'), csvOf([header, ...requests.map((r) => requestToCells(r, header))]));
    const seen: MatchProgress[] = [];
    const summary = await matchFile(
      { input: file('registry.csv'), outputs: { jsonl: file('answers.jsonl'), errors: file('errors.jsonl') }, workers: 3, batchRows: 7 },
      (p) => seen.push(p),
    );
    expect(summary).toMatchObject({ rowsDone: requests.length, rowsBad: 0, lastRow: requests.length + 1, aborted: false, workers: 3 });
    expect(lines(file('answers.jsonl'))).toEqual(requests.map((r) => calcLine(r)));
    expect(readFileSync(file('errors.jsonl'), 'utf8')).toBe('');
    expect(seen.at(-1)).toMatchObject({ phase: 'done', rowsDone: requests.length, fraction: 1 });
    const answers = requests.map((r) => JSON.parse(calcLine(r)) as { total: number });
    expect(summary.grantedTotal).toBe(answers.reduce((s, a) => s + a.total, 0));
    expect(summary.grantedRows).toBe(answers.filter((a) => a.total > 0).length);
  });

  it('answers JSON Lines of requests as `ftai calc --jsonl` does, error lines included', async () => {
    const input = requests.slice(0, 50).map((r) => JSON.stringify(r));
    input.splice(10, 0, '{"year": 2026, "enterprise": {}, "facts": {"computeSpend": -1}}', 'not json', '');
    writeFileSync(file('requests.jsonl'), `${input.join('\n')}\n`);
    const summary = await matchFile({
      input: file('requests.jsonl'),
      outputs: { jsonl: file('answers2.jsonl'), errors: file('errors2.jsonl') },
      workers: 2,
      batchRows: 4,
      explain: false,
      lang: 'en',
    });
    const out = lines(file('answers2.jsonl'));
    expect(summary).toMatchObject({ rowsDone: 52, rowsBad: 2 });
    expect(out.filter((_, i) => i !== 10 && i !== 11)).toEqual(
      requests.slice(0, 50).map((r) => calcLine(r, { explain: false, lang: 'en' })),
    );
    expect(JSON.parse(out[10] as string)).toMatchObject({
      code: 'FTAI_ERR_VALIDATION',
      line: 11,
      issues: [{ path: 'facts.computeSpend' }],
    });
    expect(JSON.parse(out[11] as string)).toMatchObject({ code: 'FTAI_ERR_NOT_JSON', line: 12 });
    expect(lines(file('errors2.jsonl'))).toEqual([out[10], out[11]]);
  });

  it('reports a bad row with its row number, column and contract field, and goes on', async () => {
    const en = registryHeader({ lang: 'en', items: 1 });
    const good = requestToCells({ year: 2026, enterprise: { creditCode: '91110106MA01ABCD2L', registeredInFengtai: true } }, en);
    const at = (name: string) => en.indexOf(name);
    const bad = [...good];
    bad[at('computeSpend')] = '-5';
    bad[at('modelFilings.1.id')] = 'M-1';
    bad[at('modelFilings.1.date')] = '2026-02-30';
    const worse = [...good];
    worse[at('creditCode')] = '91110106MA01ABCD2X';
    worse[at('year')] = 'next year';
    writeFileSync(file('bad.csv'), csvOf([en, good, bad, [], good, worse]));
    const summary = await matchFile({
      input: file('bad.csv'),
      outputs: { jsonl: file('bad.jsonl'), errors: file('bad.errors.jsonl') },
      workers: 2,
    });
    expect(summary).toMatchObject({ rowsDone: 4, rowsBad: 2, lastRow: 6 });
    const errors = lines(file('bad.errors.jsonl')).map((l) => JSON.parse(l));
    expect(errors.map((e) => e.row)).toEqual([3, 6]);
    expect(errors[0].issues.map((i: { column: string; path: string }) => [i.column, i.path])).toEqual([
      ['computeSpend', 'facts.computeSpend'],
      ['modelFilings.1.date', 'facts.modelFilings[0].date'],
    ]);
    expect(errors[0].error).toMatch(/^row 3: computeSpend \(facts\.computeSpend\): expected a non-negative amount/);
    expect(errors[1].issues.map((i: { column: string }) => i.column)).toEqual(['year', 'creditCode']);
    // The answers keep their places: good, error, good, error (the blank row is skipped).
    expect(lines(file('bad.jsonl')).map((l) => ('error' in JSON.parse(l) ? 'error' : 'answer'))).toEqual([
      'answer',
      'error',
      'answer',
      'error',
    ]);
  });

  it('refuses an other award by both or neither of subject and measure, a measure not enterprise-level, a 5.1 history without its tier: row, column, field and what is allowed', async () => {
    const zh = registryHeader({ lang: 'zh', items: 1 });
    const at = (name: string) => zh.indexOf(name);
    const base = requestToCells({ year: 2026, enterprise: { creditCode: '91110106MA01ABCD2L', registeredInFengtai: true } }, zh);
    const award = (subject: string, measure: string) => {
      const cells = [...base];
      cells[at('其他政策支持1-政策')] = '丰台区某项措施';
      cells[at('其他政策支持1-对象')] = subject;
      cells[at('其他政策支持1-对应本措施事项')] = measure;
      cells[at('其他政策支持1-金额（元）')] = '450000';
      return cells;
    };
    const tierless = [...base];
    tierless[at('本政策往年支持1-措施')] = '5.1';
    tierless[at('本政策往年支持1-年度')] = '2025';
    tierless[at('本政策往年支持1-金额（元）')] = '200000';
    const rows = [award('SC-1', '5.3a'), award('', ''), award('', '6.2a'), tierless, award('', '小巨人奖励'), award('SC-1', '')];
    writeFileSync(file('refused.csv'), csvOf([zh, ...rows]));
    const summary = await matchFile({
      input: file('refused.csv'),
      outputs: { jsonl: file('refused.jsonl'), errors: file('refused.errors.jsonl') },
      workers: 1,
    });
    expect(summary).toMatchObject({ rowsDone: 6, rowsBad: 5 });
    const errors = lines(file('refused.errors.jsonl')).map(
      (l) => JSON.parse(l) as { row: number; error: string; issues: { path: string; column: string; message: string }[] },
    );
    expect(errors.map((e) => [e.row, e.issues.map((i) => [i.column, i.path])])).toEqual([
      [2, [['其他政策支持1-政策', 'otherPolicyAwards[0]']]],
      [3, [['其他政策支持1-政策', 'otherPolicyAwards[0]']]],
      [4, [['其他政策支持1-对应本措施事项', 'otherPolicyAwards[0].measure']]],
      [5, [['本政策往年支持1-对象', 'history[0].subject']]],
      [6, [['其他政策支持1-对应本措施事项', 'otherPolicyAwards[0].measure']]],
    ]);
    const enterpriseMeasures = '1, 2.2, 3.1, 3.2, 3.3, 4.1, 4.3, 5.1, 5.2, 5.3a, 5.3b, 5.4, 6.2c, 6.3a, 8.1, 8.2, 8.3, 9.3, 10.2';
    const [both, neither, perSubject, noTier, unknownName] = errors.map((e) => e.error);
    expect(both).toMatch(/^row 2: 其他政策支持1-政策 \(otherPolicyAwards\[0\]\): expected either subject .* or measure /);
    expect(both).toContain(enterpriseMeasures);
    expect(both).toMatch(/not both$/);
    expect(neither).toContain(enterpriseMeasures);
    expect(neither).toMatch(/got neither$/);
    expect(perSubject).toBe(
      `row 4: 其他政策支持1-对应本措施事项 (otherPolicyAwards[0].measure): expected one of ${enterpriseMeasures}, got "6.2a"`,
    );
    expect(noTier).toBe(
      'row 5: 本政策往年支持1-对象 (history[0].subject): expected the tier measure 5.1 granted, one of revenue-1b, revenue-500m, revenue-100m, revenue-50m, above-designated-size, got null',
    );
    expect(unknownName).toContain(`expected one of ${enterpriseMeasures}, got "小巨人奖励"`);
    // The row with a subject alone is answered.
    expect(JSON.parse(lines(file('refused.jsonl'))[5] as string)).toMatchObject({ creditCode: '91110106MA01ABCD2L' });
  });

  it('refuses a registry whose header it cannot map, and writes nothing', async () => {
    writeFileSync(file('unknown.csv'), '年度,算力投入,联系人\n2026,100,张三\n');
    await expect(matchFile({ input: file('unknown.csv'), outputs: { jsonl: file('never.jsonl') } })).rejects.toThrow(MatchInputError);
    await expect(matchFile({ input: file('unknown.csv'), outputs: { jsonl: file('never.jsonl') } })).rejects.toThrow(
      'the header row cannot be matched: unknown column "联系人"',
    );
    expect(() => readFileSync(file('never.jsonl'))).toThrow();
    const allowed = await matchFile({ input: file('unknown.csv'), outputs: { jsonl: file('allowed.jsonl') }, ignoreUnknownColumns: true });
    expect(allowed).toMatchObject({ rowsDone: 1, rowsBad: 0, ignoredColumns: ['联系人'] });
  });

  it('reads a GB18030 CSV, as spreadsheet programs on Chinese Windows save it', async () => {
    const text = `年度,企业名称,注册在丰台,纳税在丰台,人工智能伙伴计划企业,算力投入\n2026,北京示例智能科技有限公司,是,是,是,"1,000,000"\n`;
    // GB18030 bytes of the text, made by decoding every GB18030 two-byte code (Node has no GB18030 encoder).
    const table = new Map<string, number[]>();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const c = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(c)) table.set(c, [lead, trail]);
      }
    }
    const bytes = [...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : (table.get(c) ?? [])));
    writeFileSync(file('gbk.csv'), Buffer.from(bytes));
    await matchFile({ input: file('gbk.csv'), outputs: { jsonl: file('gbk.jsonl') }, workers: 1 });
    const want = {
      year: 2026,
      enterprise: { name: '北京示例智能科技有限公司', registeredInFengtai: true, taxResidentInFengtai: true, aiPartnerProgram: true },
      facts: { computeSpend: 1_000_000 },
    };
    expect(lines(file('gbk.jsonl'))).toEqual([calcLine(want)]);
  });

  it('reads a workbook: dates, numbers and booleans as cells, rows numbered as the sheet numbers them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('登记表');
    sheet.addRow([
      '年度',
      '统一社会信用代码',
      '注册在丰台',
      '纳税在丰台',
      '人工智能伙伴计划企业',
      '算力投入（元）',
      '模型备案1-编号',
      '模型备案1-日期',
    ]);
    sheet.addRow([2026, '91110106MA01ABCD2L', true, '是', 1, 5_000_000.5, 'M-1', new Date(Date.UTC(2026, 2, 1))]);
    sheet.addRow([]);
    sheet.addRow([2026, '91110106MA01ABCD2L', true, true, true, 'lots', 'M-2', '2026-03-01']);
    await workbook.xlsx.writeFile(file('registry.xlsx'));
    const summary = await matchFile({
      input: file('registry.xlsx'),
      outputs: { jsonl: file('xlsx.jsonl'), errors: file('xlsx.errors.jsonl') },
      workers: 2,
    });
    expect(summary).toMatchObject({ rowsDone: 2, rowsBad: 1 });
    const want = {
      year: 2026,
      enterprise: { creditCode: '91110106MA01ABCD2L', registeredInFengtai: true, taxResidentInFengtai: true, aiPartnerProgram: true },
      facts: { computeSpend: '5000000.50', modelFilings: [{ id: 'M-1', date: '2026-03-01' }] },
    };
    const out = lines(file('xlsx.jsonl'));
    expect(out[0]).toBe(calcLine(want));
    expect(JSON.parse(out[1] as string)).toMatchObject({ row: 4, issues: [{ column: '算力投入（元）', path: 'facts.computeSpend' }] });
  });

  it('writes a summary workbook whose totals per measure and article add up to the answers', async () => {
    const sample = requests.slice(0, 300);
    writeFileSync(file('sample.csv'), csvOf([header, ...sample.map((r) => requestToCells(r, header))]));
    const summary = await matchFile({
      input: file('sample.csv'),
      outputs: { xlsx: file('summary.xlsx'), notify: file('notify.jsonl') },
      workers: 2,
      batchRows: 16,
    });
    const answers = sample.map(
      (r) =>
        JSON.parse(calcLine(r)) as { creditCode: string; total: number; results: { measure: string; status: string; amount: number }[] },
    );
    const byMeasure = new Map<string, number>();
    for (const a of answers)
      for (const r of a.results) if (r.status === 'granted') byMeasure.set(r.measure, (byMeasure.get(r.measure) ?? 0) + r.amount);
    const grand = answers.reduce((s, a) => s + a.total, 0);
    expect(summary.grantedTotal).toBe(grand);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('summary.xlsx'));
    const main = workbook.getWorksheet('汇总');
    if (!main) throw new Error('no summary sheet');
    const value = (v: ExcelJS.CellValue) => (v !== null && typeof v === 'object' && 'result' in v ? v.result : v);
    const rows: unknown[][] = [];
    main.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(value)));
    // Measure rows carry the measure's summary text in column D; article rows a count there.
    const measureRows = rows.filter((r) => MEASURE_IDS.includes(r[1] as string) && typeof r[3] === 'string');
    expect(measureRows.map((r) => r[1])).toEqual(MEASURE_IDS);
    for (const r of measureRows) expect([r[1], r[6]]).toEqual([r[1], byMeasure.get(r[1] as string) ?? 0]);
    const totals = rows.filter((r) => r[0] === '合计');
    expect(totals[0]?.[6]).toBe(grand);
    expect(totals[1]?.[4]).toBe(grand);
    const articleRows = rows.filter((r) => /^第.+条$/.test(String(r[0])) && typeof r[3] === 'number');
    expect(articleRows.map((r) => r[0])).toEqual(ARTICLES.map((x) => x.citation.zh));
    expect(articleRows.reduce((s, r) => s + (r[4] as number), 0)).toBe(grand);
    expect(rows.find((r) => r[0] === '获资金支持的企业·年度')?.[2]).toBe(answers.filter((a) => a.total > 0).length);

    // Each measure's sheet lists its grants; their amounts add up to the summary's.
    for (const id of MEASURE_IDS) {
      const sheet = workbook.getWorksheet(`措施${id}`);
      if (['9.1', '9.2', '10.1', '10.3'].includes(id)) {
        expect(sheet).toBeUndefined();
        continue;
      }
      if (!sheet) throw new Error(`no sheet for ${id}`);
      let listed = 0;
      let total: unknown;
      sheet.eachRow((row, n) => {
        const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(value);
        if (n === 1) return;
        if (cells[0] === '合计') total = cells[6];
        else if (cells[5] === '予以支持') listed += cells[6] as number;
      });
      expect([id, listed, total]).toEqual([id, byMeasure.get(id) ?? 0, byMeasure.get(id) ?? 0]);
    }
    const notify = lines(file('notify.jsonl')).map((l) => JSON.parse(l) as { total: number; creditCode: string });
    expect(notify.map((n) => [n.creditCode, n.total])).toEqual(answers.filter((a) => a.total > 0).map((a) => [a.creditCode, a.total]));
  });

  it('reads back its own template, CSV and workbook, filled in', async () => {
    const simple = requests.filter((r) => {
      const lists = [...Object.values((r.facts ?? {}) as Record<string, unknown>), r.history, r.otherPolicyAwards];
      return lists.every((v) => !Array.isArray(v) || v.length <= 1);
    });
    expect(simple.length).toBeGreaterThan(20);
    for (const lang of ['zh', 'en'] as const) {
      await writeTemplate(file(`template-${lang}.csv`), { lang });
      await writeTemplate(file(`template-${lang}.xlsx`), { lang });
      const csvHeader = readFileSync(file(`template-${lang}.csv`), 'utf8')
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split(',');
      expect(csvHeader).toEqual(registryHeader({ lang, items: 1 }));
      writeFileSync(file(`filled-${lang}.csv`), `\uFEFF${csvOf([csvHeader, ...simple.map((r) => requestToCells(r, csvHeader))])}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file(`template-${lang}.xlsx`));
      const sheet = workbook.worksheets[0];
      if (!sheet) throw new Error('template has no sheet');
      const xlsxHeader = (sheet.getRow(1).values as string[]).slice(1);
      expect(xlsxHeader).toEqual(csvHeader);
      for (const r of simple) sheet.addRow(requestToCells(r, xlsxHeader));
      await workbook.xlsx.writeFile(file(`filled-${lang}.xlsx`));
      for (const filled of [`filled-${lang}.csv`, `filled-${lang}.xlsx`]) {
        const summary = await matchFile({ input: file(filled), outputs: { jsonl: file(`${filled}.jsonl`) }, workers: 2 });
        expect(summary.rowsBad, filled).toBe(0);
        expect(lines(file(`${filled}.jsonl`)), filled).toEqual(simple.map((r) => calcLine(r)));
      }
    }
  });

  it('stops on abort with every written line whole, in order, and says how far it got', async () => {
    const many = generateRequests(6000, 7);
    writeFileSync(file('many.jsonl'), `${many.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const controller = new AbortController();
    const summary = await matchFile(
      { input: file('many.jsonl'), outputs: { jsonl: file('many.out.jsonl'), xlsx: file('many.xlsx') }, workers: 2, batchRows: 50 },
      (p) => {
        if (p.rowsDone >= 500) controller.abort();
      },
      controller.signal,
    );
    expect(summary.aborted).toBe(true);
    expect(summary.rowsDone).toBeGreaterThanOrEqual(500);
    expect(summary.rowsDone).toBeLessThan(many.length);
    const text = readFileSync(file('many.out.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const out = lines(file('many.out.jsonl'));
    expect(out.length).toBe(summary.rowsDone);
    expect(summary.lastRow).toBe(summary.rowsDone);
    out.forEach((line, i) => {
      expect(line).toBe(calcLine(many[i]));
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('many.xlsx'));
    const state = workbook.getWorksheet('汇总')?.getRow(8).getCell(3).value;
    expect(state).toBe(`已中止：只含第${summary.lastRow}行及以前`);
  });
});
