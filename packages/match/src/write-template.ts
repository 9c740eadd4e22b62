import { writeFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { formatCsvRecord } from './parse-csv.js';
import { COLUMN_GROUPS, type FieldSpec } from './registry-columns.js';
import { registryHeader } from './registry-header.js';
import { columnLetter } from './row-to-request.js';

export interface TemplateOptions {
  readonly lang: 'zh' | 'en';
  /** Numbered items per list in the template (more can be added: `.2`, `.3` …). */
  readonly items?: number;
}

/** What to write in a column of each kind; the Chinese in official style (docs/CHINESE.md). */
const TYPE_NOTES: Record<FieldSpec['type'], { zh: string; en: string }> = {
  year: { zh: '四位年份，如2026', en: 'a year, e.g. 2026' },
  count: { zh: '整数', en: 'a whole number' },
  money: { zh: '金额（元），最多两位小数，可带千分位', en: 'yuan, at most 2 decimals; thousands separators allowed' },
  rate: { zh: '小数（0.15）或百分数（15%）', en: 'a fraction (0.15) or a percentage (15%)' },
  bool: { zh: '填“是”或“否”（也可填true、false、1、0）', en: 'true/false (also 是/否, yes/no, 1/0)' },
  date: { zh: '日期，如2026年3月1日（也可填2026/3/1、20260301或日期单元格）', en: 'a date YYYY-MM-DD (also 2026/3/1, a date cell)' },
  text: { zh: '文字', en: 'text' },
  creditCode: { zh: '18位统一社会信用代码', en: 'the 18-character unified social credit code' },
  enum: { zh: '取值之一', en: 'one of' },
  subject: { zh: '支持对象编号；企业级措施留空', en: "the subject's id; empty for enterprise-level measures" },
};

/**
 * The notes a column of history or other awards adds in Chinese (the English ones are the field's
 * `note`; a fact's Chinese note is its `noteZh`, from its declaration).
 */
const ZH_NOTES: Record<string, string> = {
  'history.subject':
    '第五条第（1）项填支持档位：10亿元、5亿元、1亿元、5000万元或首次达规（也可填revenue-1b、revenue-500m、revenue-100m、revenue-50m、above-designated-size）',
  'history.amount': '第五条第（4）项（实物支持）填0',
  'otherPolicyAwards.subject': '所支持项目、模型、产品等的编号；与“对应本措施事项”二者填其一',
  'otherPolicyAwards.measure': '所对应的本政策企业层面支持事项；与“对象”二者填其一',
};

/** Excel refuses a drop-down list whose choices run longer than this. */
const MAX_LIST_FORMULA = 255;

/** One line of notes per column: header, contract field, what to write. */
function notes(lang: 'zh' | 'en', headers: readonly string[], fields: readonly TemplateField[]) {
  return headers.map((h, i) => {
    const f = fields[i];
    const spec = f?.spec;
    let what = spec ? TYPE_NOTES[spec.type][lang] : 'JSON';
    if (spec?.values) {
      what +=
        lang === 'zh'
          ? `：${Object.entries(spec.values)
              .map(([v, words]) => `${words[0] ?? v}（${v}）`)
              .join('、')}`
          : `: ${Object.keys(spec.values).join(', ')}`;
    }
    if (lang === 'en' && spec?.note) what += ` (${spec.note})`;
    const zhNote = spec?.noteZh ?? (f?.group !== undefined && spec ? ZH_NOTES[`${f.group}.${spec.key}`] : undefined);
    if (lang === 'zh' && zhNote) what += `；${zhNote}`;
    return [columnLetter(i), h, f?.path ?? '', what];
  });
}

interface TemplateField {
  readonly path: string;
  readonly spec: FieldSpec | undefined;
  /** The list or object the field belongs to. */
  readonly group?: string;
}

/** Contract path and field of each template column, in header order. */
function fieldsOf(items: number): TemplateField[] {
  const out: TemplateField[] = [];
  for (const group of COLUMN_GROUPS) {
    if (group.kind === 'scalars') {
      for (const f of group.fields) out.push({ path: group.container === 'request' ? f.key : `${group.container}.${f.key}`, spec: f });
    } else if (group.kind === 'object') {
      for (const f of group.fields) out.push({ path: `facts.${group.key}.${f.key}`, spec: f, group: group.key });
    } else {
      const base = group.container === 'request' ? group.key : `facts.${group.key}`;
      for (let n = 1; n <= items; n++) {
        for (const f of group.fields) out.push({ path: `${base}[${n - 1}].${f.key}`, spec: f, group: group.key });
      }
    }
  }
  return out;
}

/**
 * Writes an empty registry for a clerk to fill: the header row (Chinese names with units, or the
 * contract's keys), one numbered item per list. CSV is UTF-8 with a byte-order mark, so that
 * spreadsheet programs open the Chinese headers right; a workbook adds a notes sheet (one line
 * per column: the contract field and what to write) and drop-down lists for yes/no and
 * enumerations. The matcher reads the first sheet only.
 */
export async function writeTemplate(file: string, options: TemplateOptions): Promise<void> {
  const items = options.items ?? 1;
  const headers = registryHeader({ lang: options.lang, items });
  if (file.toLowerCase().endsWith('.csv')) {
    writeFileSync(file, `\uFEFF${formatCsvRecord(headers)}\r\n`);
    return;
  }
  if (!file.toLowerCase().endsWith('.xlsx')) throw new Error(`${file}: expected a template file name ending in .csv or .xlsx`);
  await (await templateWorkbook(options)).xlsx.writeFile(file);
}

/** The template as a workbook (writeTemplate's .xlsx; the server sends it as a download). */
export async function templateWorkbook(options: TemplateOptions): Promise<ExcelJS.Workbook> {
  const items = options.items ?? 1;
  const headers = registryHeader({ lang: options.lang, items });
  const zh = options.lang === 'zh';
  const fields = fieldsOf(items);
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  workbook.creator = 'ftai';
  const sheet = workbook.addWorksheet(zh ? '企业登记表' : 'Registry', { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  // exceljs keeps range validations on the sheet (its typings leave them out).
  const validations = (sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(40, Math.max(12, (headers[i] ?? '').length * (zh ? 2 : 1.1)));
    const spec = fields[i]?.spec;
    const letter = columnLetter(i);
    const range = `${letter}2:${letter}10000`;
    if (spec?.type === 'bool') {
      validations.add(range, { type: 'list', allowBlank: true, formulae: [zh ? '"是,否"' : '"true,false"'] });
    } else if (spec?.type === 'enum' && spec.values) {
      const choices = Object.entries(spec.values).map(([v, words]) => (zh ? (words[0] ?? v) : v));
      const list = choices.join(',');
      // Excel reads the list's choices split at commas, and refuses a long list: then no drop-down.
      if (list.length <= MAX_LIST_FORMULA - 2 && !choices.some((c) => c.includes(',') || c.includes('"'))) {
        validations.add(range, { type: 'list', allowBlank: true, formulae: [`"${list}"`] });
      }
    } else if (spec?.type === 'text' || spec?.type === 'creditCode' || spec?.type === 'subject') {
      // Text columns stay text: an id like 0012 or a long code must not become a number.
      column.numFmt = '@';
    }
  });
  const guide = workbook.addWorksheet(zh ? '填写说明' : 'Notes');
  guide.columns = [{ width: 6 }, { width: 36 }, { width: 40 }, { width: 90 }];
  guide.addRow(zh ? ['列', '表头', '对应字段(计算接口)', '填写内容'] : ['Column', 'Header', 'Contract field', 'What to write']);
  guide.getRow(1).font = { bold: true };
  for (const line of notes(options.lang, headers, fields)) guide.addRow(line);
  guide.addRow([]);
  guide.addRow([
    '',
    zh
      ? '一行为一家企业一个年度。列表（模型备案、场景项目等）可增加编号列，如“模型备案2-编号”；也可在“模型备案（JSON）”列中填写JSON列表。详见docs/registry-columns.md。'
      : 'One row per enterprise and year. Lists take more numbered columns (modelFilings.2.id …), or JSON in a column named after the list (modelFilings). See docs/registry-columns.md.',
  ]);
  return workbook;
}
