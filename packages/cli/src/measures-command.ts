import { catalogue, POLICY_ID, POLICY_VERSION } from '@ftai/policy-fengtai';
import Table from 'cli-table3';

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
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ policy: { id: POLICY_ID, version: POLICY_VERSION }, year, measures: entries }, null, 2)}\n`);
    return 0;
  }
  const zh = options.lang === 'zh';
  const width = Math.max(100, process.stdout.columns ?? 160);
  const fixed = 6 + 14 + 8;
  const flexible = width - fixed - 16;
  const table = new Table({
    head: zh ? ['编号', '条款', '规则', '上限', '范围与限制', '假设'] : ['id', 'clause', 'rule', 'caps', 'scope and limits', 'assumptions'],
    colWidths: [6, 12, Math.floor(flexible * 0.34), Math.floor(flexible * 0.18), Math.floor(flexible * 0.2), Math.floor(flexible * 0.28)],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const e of entries) {
    const review = e.review ? (zh ? '(经评审)' : ' (after review)') : '';
    // One variant per line: "2,000,000" / "工业: 3,000,000".
    const lines = (text: string) => text.split(/; |，/).join('\n');
    table.push([e.id, e.citation, lines(`${e.rule}${review}`), lines(e.caps) || '—', lines(e.scope), e.assumptions.join('\n') || '—']);
  }
  process.stdout.write(`${table.toString()}\n`);
  return 0;
}
