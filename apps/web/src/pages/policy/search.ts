import type { MeasureInfo } from '@ftai/api';

/** A search box's text as terms: "算力  6.2" → ["算力", "6.2"]. */
export function searchTerms(query: string): string[] {
  return query
    .trim()
    .split(/\s+/)
    .filter((s) => s.length > 0);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Text cut into pieces, the pieces that match a term marked (case-insensitive). */
export function highlightParts(text: string, terms: readonly string[]): { text: string; hit: boolean }[] {
  if (terms.length === 0 || text === '') return text === '' ? [] : [{ text, hit: false }];
  // Longer terms first, so "6.2a" wins over "6.2" where both match.
  const re = new RegExp(
    `(${[...terms]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})`,
    'gi',
  );
  const parts: { text: string; hit: boolean }[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at), hit: false });
    parts.push({ text: m[0], hit: true });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), hit: false });
  return parts;
}

/** The texts of a measure the search looks in: id, citation, name, original clause, summaries, rule. */
function haystack(m: MeasureInfo): string {
  return [m.id, m.citation, m.citationZh, m.name, m.clause, m.summary, m.summaryZh, m.summaryEn, m.rule].join('\n').toLowerCase();
}

/** Does the measure match every term (in its id, citation, name, clause, summary or rule)? */
export function matchesMeasure(m: MeasureInfo, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const h = haystack(m);
  return terms.every((term) => h.includes(term.toLowerCase()));
}

/**
 * "2,000,000元；工业：3,000,000元" → [{ text: "2,000,000元" }, { variant: "工业", text: "3,000,000元" }]
 * (the catalogue's Chinese uses ；and：, its English ; and :).
 */
export function splitVariants(s: string): { variant?: string; text: string }[] {
  if (!s.trim()) return [];
  return s
    .split(/[;；]\s*/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const m = /^(工业|industrial)\s*[:：]\s*(.*)$/.exec(part);
      return m ? { variant: m[1], text: m[2] ?? '' } : { text: part };
    });
}

/**
 * A cap as what it is, the most that is given (CHINESE.md: 最高, never 定额): "500,000元" →
 * "最高500,000元", "国家级：1,000,000元" → "国家级：最高1,000,000元"; "每年最高500,000元" stays.
 */
export function asMaximum(text: string, lang: 'zh' | 'en'): string {
  return text.replace(/^((?:[^:：\d]*[:：]\s*)?)(?=\d)/, `$1${lang === 'en' ? 'up to ' : '最高'}`);
}

/** The measures by article (1 … 10), in catalogue order. */
export function byArticle(measures: readonly MeasureInfo[]): Map<number, MeasureInfo[]> {
  const out = new Map<number, MeasureInfo[]>();
  for (const m of measures) out.set(m.article, [...(out.get(m.article) ?? []), m]);
  return out;
}
