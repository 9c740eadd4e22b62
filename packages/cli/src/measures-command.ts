import { catalogue, POLICY_ID, POLICY_VERSION, policyReadings } from '@ftai/policy-fengtai';
import Table from 'cli-table3';
import stringWidth from 'string-width';

export interface MeasuresOptions {
  readonly json: boolean;
  readonly lang: 'zh' | 'en';
  readonly year: number | undefined;
}

export function measuresCommand(options: MeasuresOptions): number {
  const year = options.year ?? new Date().getFullYear();
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    process.stderr.write(`ftai measures: --year expected a year from 2000 to 2100, got ${options.year}\n`);
    return 2;
  }
  const entries = catalogue(year, options.lang);
  const readings = policyReadings(year, options.lang);
  if (options.json) {
    const policy = { id: POLICY_ID, version: POLICY_VERSION };
    process.stdout.write(`${JSON.stringify({ policy, year, readings, measures: entries }, null, 2)}\n`);
    return 0;
  }
  const zh = options.lang === 'zh';
  const width = Math.max(100, process.stdout.columns ?? 160);
  const fixed = 6 + 20 + 8;
  const flexible = width - fixed - 16;
  const table = new Table({
    head: zh ? ['编号', '条款', '规则', '上限', '范围与限制', '假设'] : ['id', 'clause', 'rule', 'caps', 'scope and limits', 'assumptions'],
    colWidths: [6, 18, Math.floor(flexible * 0.34), Math.floor(flexible * 0.18), Math.floor(flexible * 0.2), Math.floor(flexible * 0.28)],
    // English wraps at spaces; Chinese has none, so it is wrapped here by display width.
    wordWrap: !zh,
    style: { head: [], border: [] },
  });
  for (const e of entries) {
    // On a line of its own: it is said of every variant, not of the last one.
    const review = e.review ? (zh ? '；（经评审认定）' : '; (after review)') : '';
    // One variant per line: "2,000,000元" / "工业：3,000,000元".
    const widths = table.options.colWidths as number[];
    const cell = (text: string, column: number) => (zh ? wrapToWidth(text, (widths[column] as number) - 2) : text);
    const lines = (text: string) => text.split(/; |；/).join('\n');
    table.push([
      e.id,
      cell(e.citation, 1),
      cell(lines(`${e.rule}${review}`), 2),
      cell(lines(e.caps), 3) || '—',
      cell(lines(e.scope), 4),
      cell(e.assumptions.join('\n'), 5) || '—',
    ]);
  }
  process.stdout.write(`${table.toString()}\n`);
  // Readings of the whole policy: they touch every measure, so they are said once, under the table.
  for (const r of readings) process.stdout.write(zh ? `假设：${r.assumed}\n` : `assumed: ${r.assumed}\n`);
  return 0;
}

const NO_LINE_START = '，。；：、）”》％%元年';

/** Breaks each line of `text` so that none is wider than `width` terminal columns (a Chinese character takes two). */
export function wrapToWidth(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let current: string[] = [];
    for (const ch of line) {
      if (current.length > 0 && stringWidth([...current, ch].join('')) > width) {
        // Punctuation may not start a line (避头): the character before it moves down with it.
        const carried: string[] = [];
        let first = ch;
        while (NO_LINE_START.includes(first) && current.length > 1) {
          first = current.pop() as string;
          carried.unshift(first);
        }
        out.push(current.join(''));
        current = carried;
      }
      current.push(ch);
    }
    out.push(current.join(''));
  }
  return out.join('\n');
}
