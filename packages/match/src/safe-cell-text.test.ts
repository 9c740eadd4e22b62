import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { safeCellText, safeCellValue } from './safe-cell-text.js';
import { writeSummaryWorkbook } from './summary-workbook.js';

describe('text cells no spreadsheet evaluates', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
    ['+86-10-12345678', "'+86-10-12345678"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['＝1＋1', "'＝1＋1"],
    ['北京测试甲智能科技有限公司', '北京测试甲智能科技有限公司'],
    ['91110106MA0000K01C', '91110106MA0000K01C'],
    ['', ''],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, expected) => {
    expect(safeCellText(input)).toBe(expected);
  });

  it('leaves numbers (negative ones too) and formula objects as they are', () => {
    expect(safeCellValue(-5)).toBe(-5);
    const formula = { formula: 'SUM(A1:A2)', result: 3 };
    expect(safeCellValue(formula)).toBe(formula);
  });

  const dir = mkdtempSync(join(tmpdir(), 'ftai-safe-cell-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('neutralises the names, subjects and input name a summary workbook takes from a registry', async () => {
    const spool = join(dir, 'spool-1.jsonl');
    writeFileSync(
      spool,
      `${JSON.stringify([2, '91110106MA0000K01C', '=HYPERLINK("http://evil.example","甲")', 2026, '@SC-1', 'granted', 800_000, 1_000_000, false, '-x'])}\n`,
    );
    const file = join(dir, 'summary.xlsx');
    await writeSummaryWorkbook({
      file,
      lang: 'zh',
      inputName: '=cmd|registry.csv',
      rows: 1,
      bad: 0,
      grantedRows: 1,
      grantedTotal: 800_000,
      stoppedAfterRow: undefined,
      measures: [
        {
          measure: '1',
          article: 1,
          citation: '第一条',
          summary: '智能算力支持',
          grantedResults: 1,
          grantedRows: 1,
          amount: 800_000,
          pending: 0,
          inKind: 0,
          service: 0,
        },
      ],
      articles: [{ article: 1, grantedRows: 1, grantedResults: 1, amount: 800_000 }],
      spoolOf: (m) => (m === '1' ? spool : undefined),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.getWorksheet('汇总')?.getCell('C3').value).toBe("'=cmd|registry.csv");
    const sheet = workbook.getWorksheet('措施1');
    if (!sheet) throw new Error('no sheet');
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(0, 5)).toEqual([2, '91110106MA0000K01C', '\'=HYPERLINK("http://evil.example","甲")', 2026, "'@SC-1"]);
    expect(row[6]).toBe(800_000);
    expect(row[9]).toBe("'-x");
    for (const value of row) expect(typeof value === 'object' && value !== null && 'formula' in value).toBe(false);
  });
});
