import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatCsvRecord, registryHeader, requestToCells } from '@ftai/match';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRequests } from '../../../bench/generate-requests.mjs';

/**
 * `ftai match` through its real binary (bin/ftai.js over dist/), as a bureau clerk or a script
 * runs it: files in and out, standard output and error, exit codes, Ctrl-C. Needs a build first.
 */
const here = dirname(fileURLToPath(import.meta.url));
const BIN = join(here, '..', 'bin', 'ftai.js');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ftai-match-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const file = (name: string) => join(dir, name);
const ftai = (args: readonly string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000, maxBuffer: 1 << 28 });
const lines = (text: string) => text.split('\n').slice(0, -1);
const csv = (rows: readonly (readonly string[])[]) => `${rows.map((r) => formatCsvRecord(r)).join('\n')}\n`;

const sample = generateRequests(400, 4242);
const header = registryHeader({ lang: 'zh', items: 3, json: ['history', 'otherPolicyAwards'] });

describe('ftai match', () => {
  it('answers a CSV registry exactly as `ftai calc --jsonl` answers the same requests', () => {
    writeFileSync(file('registry.csv'), csv([header, ...sample.map((r) => requestToCells(r, header))]));
    writeFileSync(file('requests.jsonl'), `${sample.map((r) => JSON.stringify(r)).join('\n')}\n`);
    for (const flags of [[], ['--no-explain', '--lang', 'en']]) {
      const calc = ftai(['calc', '--jsonl', file('requests.jsonl'), ...flags]);
      expect(calc.status).toBe(0);
      const match = ftai(['match', file('registry.csv'), '--out', file('answers.jsonl'), '--workers', '2', ...flags]);
      expect(match.stderr).toMatch(
        /ftai match: 400 rows in [\d.]+ s \([\d,]+ rows\/s, 2 workers\): [\d,]+ enterprise-years granted [\d,]+ yuan → /,
      );
      expect(match.status).toBe(0);
      expect(readFileSync(file('answers.jsonl'), 'utf8')).toBe(calc.stdout);
      expect(readFileSync(file('answers.errors.jsonl'), 'utf8')).toBe('');
    }
  });

  it('answers a registry with the new columns (prize date, catalogue date, other awards by measure, 5.1 history by tier) as `ftai calc` does', () => {
    // Every list in numbered columns (no JSON), the new columns among them.
    const numbered = registryHeader({ lang: 'zh', items: 4 });
    expect(numbered).toEqual(
      expect.arrayContaining([
        '智能体大赛奖项1-获奖日期（YYYY-MM-DD）',
        '首台套产品1-入选目录日期（YYYY-MM-DD）',
        '其他政策支持1-对应本措施事项',
        '本政策往年支持1-对象',
      ]),
    );
    const given = sample.map((r) => JSON.stringify(r)).join('\n');
    expect(given).toMatch(/"agentCompetitionPrizes":\[[^\]]*"date":/);
    expect(given).toMatch(/"catalogueDate":/);
    expect(given).toMatch(/"otherPolicyAwards":\[[^\]]*"measure":/);
    expect(given).toMatch(/"measure":"5\.1","year":\d+,"subject":"revenue-/);
    expect(given).toMatch(/"measure":"5\.4","year":\d+,"subject":null,"amount":0\}/);
    // A clerk's row: the 5.1 tier and the overlapped measure written as the text and `ftai measures` name them.
    const clerk = {
      year: 2026,
      enterprise: { creditCode: '91110106MA01ABCD2L', registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: false },
      facts: {
        revenue: 120_000_000,
        previousRevenue: 60_000_000,
        priorMaxRevenue: 60_000_000,
        industryAverageGrowthRate: 0.15,
        recognitions: [{ id: 'R-1', type: 'little-giant', date: '2026-06-01' }],
      },
      history: [{ measure: '5.1', year: 2025, subject: 'revenue-50m', amount: 200_000 }],
      otherPolicyAwards: [{ policy: '丰台区专精特新企业奖励', measure: '5.3a', amount: 500_000 }],
    };
    const clerkCells = requestToCells(clerk, numbered);
    clerkCells[numbered.indexOf('本政策往年支持1-对象')] = '5000万元';
    clerkCells[numbered.indexOf('其他政策支持1-对应本措施事项')] = '首次认定国家专精特新“小巨人”企业';
    const requests = [...sample, clerk];
    writeFileSync(file('numbered.csv'), csv([numbered, ...sample.map((r) => requestToCells(r, numbered)), clerkCells]));
    writeFileSync(file('numbered.jsonl'), `${requests.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const calc = ftai(['calc', '--jsonl', file('numbered.jsonl')]);
    expect(calc.status, calc.stderr).toBe(0);
    const match = ftai(['match', file('numbered.csv'), '--out', file('numbered.answers.jsonl'), '--quiet']);
    expect(match.status, match.stderr).toBe(0);
    expect(readFileSync(file('numbered.answers.jsonl'), 'utf8')).toBe(calc.stdout);
    // The clerk's row: 5.1 pays the next tier, 5.3a yields to the other policy's equal award.
    const answer = JSON.parse(lines(calc.stdout).at(-1) as string) as {
      results: { measure: string; subject: string | null; status: string; amount: number; reasons?: string[] }[];
      total: number;
    };
    expect(answer.results.find((r) => r.measure === '5.1')).toMatchObject({ subject: 'revenue-100m', status: 'granted', amount: 300_000 });
    const littleGiant = answer.results.find((r) => r.measure === '5.3a');
    expect(littleGiant).toMatchObject({ status: 'excluded', amount: 0 });
    expect(littleGiant?.reasons?.[0]).toContain('丰台区专精特新企业奖励500,000元');
    expect(answer.total).toBe(800_000);
  });

  it('writes the answers to standard output without --out, and nothing else with --quiet', () => {
    const run = ftai(['match', file('requests.jsonl'), '--quiet', '--no-explain', '--errors', file('quiet.errors.jsonl')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(lines(run.stdout)).toHaveLength(sample.length);
  });

  it('keeps going past bad rows, writes them to the errors file with row, column and field, and exits 2', () => {
    const en = registryHeader({ lang: 'en', items: 1 });
    const good = requestToCells({ year: 2026, enterprise: { registeredInFengtai: true } }, en);
    const bad = [...good];
    bad[en.indexOf('registeredInFengtai')] = 'maybe';
    writeFileSync(file('bad.csv'), csv([en, good, bad, good]));
    const run = ftai(['match', file('bad.csv'), '--out', file('bad-answers.jsonl')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`1 rows refused: see ${file('bad-answers.errors.jsonl')}`);
    const errors = lines(readFileSync(file('bad-answers.errors.jsonl'), 'utf8')).map((l) => JSON.parse(l));
    expect(errors).toEqual([
      {
        error: 'row 3: registeredInFengtai (enterprise.registeredInFengtai): expected true or false, got "maybe"',
        code: 'FTAI_ERR_VALIDATION',
        row: 3,
        issues: [
          {
            path: 'enterprise.registeredInFengtai',
            code: 'FTAI_ERR_INVALID_FIELD',
            message: 'expected true or false, got "maybe"',
            column: 'registeredInFengtai',
          },
        ],
      },
    ]);
    expect(lines(readFileSync(file('bad-answers.jsonl'), 'utf8'))).toHaveLength(3);
  });

  it('refuses a file it cannot read, or a header it cannot map, with exit code 1 and nothing written', () => {
    writeFileSync(file('extra.csv'), '年度,企业名称,联系人\n2026,甲公司,张三\n');
    const refused = ftai(['match', file('extra.csv'), '--out', file('extra.jsonl')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('ftai match: the header row cannot be matched: unknown column "联系人"');
    expect(existsSync(file('extra.jsonl'))).toBe(false);
    const allowed = ftai(['match', file('extra.csv'), '--out', file('extra.jsonl'), '--allow-extra-columns']);
    expect(allowed.status).toBe(0);
    expect(allowed.stderr).toContain('ignored columns: 联系人');
    expect(ftai(['match', file('missing.csv')]).status).toBe(1);
    const noOut = ftai(['match', file('registry.csv'), '--format', 'xlsx']);
    expect(noOut.status).toBe(1);
    expect(noOut.stderr).toContain('--out FILE.xlsx');
  });

  it('writes a template to fill, and a summary workbook with the totals', async () => {
    expect(ftai(['match', '--template', file('登记表.xlsx')]).status).toBe(0);
    expect(ftai(['match', '--template', file('template.csv'), '--lang', 'en']).status).toBe(0);
    expect(readFileSync(file('template.csv'), 'utf8')).toBe(`\uFEFF${formatCsvRecord(registryHeader({ lang: 'en', items: 1 }))}\r\n`);
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile(file('登记表.xlsx'));
    expect(template.worksheets.map((s) => s.name)).toEqual(['企业登记表', '填写说明']);
    // The new columns, with what to write in official Chinese: column, header, contract field, what.
    const notes = new Map<string, string[]>();
    template.getWorksheet('填写说明')?.eachRow((row) => {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? ''));
      notes.set(cells[1] as string, cells);
    });
    expect(notes.get('智能体大赛奖项1-获奖日期（YYYY-MM-DD）')?.slice(2)).toEqual([
      'facts.agentCompetitionPrizes[0].date',
      '日期，如2026年3月1日（也可填2026/3/1、20260301或日期单元格）；选填；填写的，须在政策有效期内且在评估年度内',
    ]);
    expect(notes.get('首台套产品1-入选目录日期（YYYY-MM-DD）')?.[2]).toBe('facts.firstSetProducts[0].catalogueDate');
    const measureNote = notes.get('其他政策支持1-对应本措施事项');
    expect(measureNote?.[2]).toBe('otherPolicyAwards[0].measure');
    expect(measureNote?.[3]).toContain('智能算力支持（1）、垂类大模型研发（2.2）');
    expect(measureNote?.[3]).toContain('首次认定国家专精特新“小巨人”企业（5.3a）');
    expect(measureNote?.[3]).toContain('与“对象”二者填其一');
    expect(notes.get('本政策往年支持1-对象')?.[3]).toContain('第五条第（1）项填支持档位：10亿元、5亿元、1亿元、5000万元或首次达规');
    expect(notes.get('本政策往年支持1-金额（元）')?.[3]).toContain('第五条第（4）项（实物支持）填0');
    const zhTemplate = ftai(['match', '--template', file('模板.csv')]);
    expect(zhTemplate.status).toBe(0);
    expect(readFileSync(file('模板.csv'), 'utf8')).toContain(
      ',本年度主营业务收入（元）,上年度主营业务收入（元）,以往年度最高主营业务收入（元）,',
    );

    const run = ftai(['match', file('registry.csv'), '--out', file('summary.xlsx'), '--notify', file('notify.jsonl')]);
    expect(run.status).toBe(0);
    const answers = lines(readFileSync(file('answers.jsonl'), 'utf8')).map((l) => JSON.parse(l) as { total: number });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('summary.xlsx'));
    const summary = workbook.getWorksheet('汇总');
    const grand = summary?.getRow(7).getCell(3).value;
    expect(summary?.getRow(7).getCell(1).value).toBe('支持金额合计（元）');
    expect(grand).toBe(answers.reduce((s, a) => s + a.total, 0));
    expect(lines(readFileSync(file('notify.jsonl'), 'utf8'))).toHaveLength(answers.filter((a) => a.total > 0).length);
  });

  it('stops cleanly on Ctrl-C: exit 130, every written line whole, and says how far it got', async () => {
    const many = generateRequests(40_000, 99);
    writeFileSync(file('many.jsonl'), `${many.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const child = spawn(process.execPath, [BIN, 'match', file('many.jsonl'), '--out', file('many.out.jsonl'), '--workers', '1'], {
      cwd: dir,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupt as soon as answers are being written.
    for (let waited = 0; waited < 30_000; waited += 20) {
      if (existsSync(file('many.out.jsonl')) && statSync(file('many.out.jsonl')).size > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    const text = readFileSync(file('many.out.jsonl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const written = lines(text);
    for (const line of written) expect(() => JSON.parse(line)).not.toThrow();
    expect(written.length).toBeLessThan(many.length);
    expect(stderr).toContain(`ftai match: stopped after row ${written.length}: ${written.length.toLocaleString('en-US')} rows written to`);
  });
});
