/**
 * The policy's full text (the policy package's Markdown file) laid out as the bureau published it:
 * the title, the document's particulars, the notice that issued it, then the preamble, each article
 * with its heading on a line of its own and each numbered item (（1）, （2）…) on its own line, and
 * the closing paragraph. The file's ASCII punctuation (a transcription's) is set full-width, as the
 * published text has it, and its dates in Chinese. Pure: the page draws the blocks (PolicyText.tsx).
 */

/** A part of the laid-out text. `gloss` is the English the file gives beside a Chinese label. */
export type PolicyBlock =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'particular'; readonly label: string; readonly gloss: string; readonly value: string }
  | { readonly kind: 'issuance'; readonly title: string; readonly quote: string; readonly date: string }
  | { readonly kind: 'source' }
  | { readonly kind: 'body' }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'article'; readonly citation: string; readonly title: string; readonly lead: string }
  | { readonly kind: 'item'; readonly marker: string; readonly text: string };

const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '!': '！', '?': '？' };

/**
 * ASCII punctuation in Chinese text set full-width (CHINESE.md): `,;:()!?` → `，；：（）！？`.
 * A comma or colon between two digits (5,000, 10:30) is left as it is.
 */
export function fullWidthPunctuation(text: string): string {
  return text.replace(/[,;:()!?]/g, (ch, at: number) => {
    if ((ch === ',' || ch === ':') && /\d/.test(text[at - 1] ?? '') && /\d/.test(text[at + 1] ?? '')) return ch;
    return FULL_WIDTH[ch] ?? ch;
  });
}

/** "2025-10-30" → "2025年10月30日" wherever it stands in the text. */
export function chineseDates(text: string): string {
  return text.replace(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (_m, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);
}

/** An English gloss in brackets after Chinese: " (issuer)", " (Fengtai District …)". */
const GLOSS = /\s*\(([A-Za-z][^()]*)\)/g;
const withoutGloss = (text: string) => text.replace(GLOSS, '').trim();
const glossOf = (text: string) => [...text.matchAll(GLOSS)].map((m) => m[1]).join('; ');

const ARTICLE = /^(第[一二三四五六七八九十]+条)\s*(.*)$/;
/** An item's number as the file writes it, half- or full-width: (1), （2）. */
const ITEM = /[(（](\d+)[)）]/g;
const ISSUANCE = /^The notice that published it:\s*(.*?)\s*—\s*"(.*)"\s*\(([^()]*)\)\s*$/;

/**
 * An article's line split into its heading, its lead (the text before its first item) and its
 * items. `titles` are the headings the catalogue gives (article → 加大人工智能算力供给): the file
 * runs each heading into the text after it, and the catalogue's heading says where it ends.
 */
function articleBlocks(citation: string, rest: string, title: string | undefined): PolicyBlock[] {
  const text = fullWidthPunctuation(rest);
  const heading = title !== undefined && text.startsWith(title) ? title : '';
  const after = text.slice(heading.length).replace(/^[。．.]/, '');
  const marks = [...after.matchAll(ITEM)];
  const lead = (marks.length === 0 ? after : after.slice(0, marks[0]?.index)).trim();
  const blocks: PolicyBlock[] = [{ kind: 'article', citation, title: heading, lead }];
  marks.forEach((m, i) => {
    const start = (m.index ?? 0) + m[0].length;
    const end = marks[i + 1]?.index ?? after.length;
    blocks.push({ kind: 'item', marker: `（${m[1]}）`, text: after.slice(start, end).trim() });
  });
  return blocks;
}

/**
 * The blocks of the policy's Markdown file, in order. `titles` maps an article's number (1 for
 * 第一条) to its heading as the catalogue gives it.
 *
 * @example
 * policyBlocks('第二条 支持大模型研发。(1)支持备案,给予支持。(2)鼓励研发。', new Map([[2, '支持大模型研发']]))
 * // [{ kind: 'article', citation: '第二条', title: '支持大模型研发', lead: '' },
 * //  { kind: 'item', marker: '（1）', text: '支持备案，给予支持。' }, { kind: 'item', marker: '（2）', text: '鼓励研发。' }]
 */
export function policyBlocks(markdown: string, titles: ReadonlyMap<number, string>): PolicyBlock[] {
  const blocks: PolicyBlock[] = [];
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('# ')) {
      blocks.push({ kind: 'title', text: line.slice(2).trim() });
    } else if (line.startsWith('## ')) {
      // 正文 (full text): the page names it in its own language.
      blocks.push({ kind: 'body' });
    } else if (line.startsWith('- ')) {
      const item = line.slice(2);
      const colon = item.search(/:\s/);
      const label = colon < 0 ? item : item.slice(0, colon);
      const value = colon < 0 ? '' : item.slice(colon + 1).trim();
      blocks.push({
        kind: 'particular',
        label: withoutGloss(label).replace(/\s*\/\s*/g, '、'),
        gloss: glossOf(label),
        value: chineseDates(withoutGloss(value)),
      });
    } else if (line.startsWith('The notice that published it:')) {
      const m = ISSUANCE.exec(line);
      if (m) blocks.push({ kind: 'issuance', title: m[1] ?? '', quote: fullWidthPunctuation(m[2] ?? ''), date: m[3] ?? '' });
    } else if (/^[A-Za-z]/.test(line)) {
      // The file's own English note on what the text is: the page says it in its own language.
      blocks.push({ kind: 'source' });
    } else {
      const m = ARTICLE.exec(line);
      if (m) blocks.push(...articleBlocks(m[1] ?? '', m[2] ?? '', titles.get(articleNumber(m[1] ?? ''))));
      else blocks.push({ kind: 'paragraph', text: fullWidthPunctuation(line) });
    }
  }
  return blocks;
}

const DIGITS = '一二三四五六七八九';

/** 第一条 → 1, 第十条 → 10 (the policy has ten articles). */
export function articleNumber(citation: string): number {
  const n = citation.replace(/^第|条$/g, '');
  if (n === '十') return 10;
  if (n.startsWith('十')) return 10 + DIGITS.indexOf(n.slice(1)) + 1;
  return DIGITS.indexOf(n) + 1;
}
