import type { Answer } from '@ftai/policy-fengtai';
import { measures } from '@ftai/policy-fengtai';
import {
  describeConditions,
  describeFacts,
  describeHistory,
  describeOtherAward,
  formatYuan,
  type HistoryLike,
  type Lang,
  type MeasureName,
  type OtherAwardLike,
  REPORT_WORDS,
  reportResult,
  resultStatusWord,
} from '@ftai/policy-fengtai/report';
import type { PdfFonts } from './pdf-font.js';
import { PdfSheet } from './pdf-sheet.js';
import { pageWordZh } from './receipt-pdf.js';

/** What the report reads of the request: as POST /api/v1/calculate takes it. */
export interface ReportRequest {
  readonly year: number;
  readonly enterprise: Readonly<Record<string, unknown>>;
  readonly facts?: Readonly<Record<string, unknown>> | undefined;
  readonly history?: readonly HistoryLike[] | undefined;
  readonly otherPolicyAwards?: readonly OtherAwardLike[] | undefined;
}

/** The measures by id, named in `lang`, as the report cites them. */
function namesIn(lang: Lang): ReadonlyMap<string, MeasureName> {
  return new Map(measures.map((m) => [m.id, { citation: m.citation[lang], name: m.name[lang] }]));
}

/** A day as the report dates it: 2026年12月4日, or 2026-12-04. */
const day = (iso: string, lang: Lang) =>
  lang === 'en' ? iso.slice(0, 10) : `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/**
 * 政策测算报告 as a PDF, in the language asked: what the calculation is based on (enterprise, year,
 * general conditions, facts, earlier grants, other policies' awards), every result with its status
 * and cause and its amount (最高 … 需评审 where a review decides), the total, then each result's
 * steps (假设 marked as the engine words them), the legend and the disclaimer. The lines are the
 * printed page's (@ftai/policy-fengtai/report); `today` is the Beijing day of the calculation.
 */
export function calcReportPdf(
  fonts: PdfFonts,
  request: ReportRequest,
  answer: Answer,
  lang: Lang,
  today: string,
  now: Date,
): Promise<Buffer> {
  const w = REPORT_WORDS[lang];
  const en = lang === 'en';
  const colon = en ? ': ' : '：';
  const sep = en ? '; ' : '；';
  const names = namesIn(lang);
  const e = request.enterprise;
  const name = typeof e.name === 'string' ? e.name : '—';
  const code = typeof e.creditCode === 'string' ? e.creditCode : null;

  const sheet = new PdfSheet(fonts, {
    title: code ? `${w.title}（${code}）` : w.title,
    subject: w.policy,
    author: 'ftai',
    lang: en ? 'en' : 'zh-CN',
    date: now,
  });
  sheet.title(w.title);
  sheet.subtitle(
    `${w.policy}\n${w.policyVersion}${colon}${answer.policy.version}${en ? ' · ' : '；'}${w.computedOn}${colon}${day(today, lang)}`,
  );

  sheet.heading(w.request);
  sheet.field(w.enterprise, code ? (en ? `${name} (${code})` : `${name}（${code}）`) : name, colon);
  sheet.field(w.year, String(request.year), colon);
  sheet.field(w.conditions, describeConditions(e, lang), colon);
  for (const f of describeFacts(request.facts, lang)) {
    if (f.values.length === 1) sheet.field(f.label, f.values[0] ?? '', colon);
    else sheet.subheading(`${f.label}${colon}`).numbered(f.values);
  }
  sheet.field(w.history, request.history?.length ? request.history.map((h) => describeHistory(h, names, lang)).join(sep) : w.none, colon);
  sheet.field(
    w.otherAwards,
    request.otherPolicyAwards?.length ? request.otherPolicyAwards.map((o) => describeOtherAward(o, names, lang)).join(sep) : w.none,
    colon,
  );

  sheet.heading(w.results);
  const statusWord = (s: string) => resultStatusWord(s, lang);
  const lines = answer.results.map((r) => ({ r, line: reportResult(r, names, lang, statusWord) }));
  sheet.table(
    [
      [{ text: w.measure }, { text: w.subject }, { text: w.status }, { text: w.amount, align: 'right' }],
      ...lines.map(({ line }) => [
        { text: line.measure },
        { text: line.subject },
        { text: line.status },
        { text: line.review ? `${line.amount}\n${w.review}` : line.amount, align: 'right' as const },
      ]),
      [
        { text: w.total, bold: true, colSpan: 3 },
        { text: formatYuan(answer.total), align: 'right', bold: true },
      ],
    ],
    [150, 70, '*', 80],
  );
  if (lines.some(({ line }) => line.review)) sheet.paragraph(w.reviewLegend);

  sheet.heading(w.steps);
  for (const { r, line } of lines) {
    if (!r.explanation?.length) continue;
    sheet.subheading(line.subject === '—' ? line.measure : `${line.measure}${en ? ', ' : '，'}${w.subject}${colon}${line.subject}`);
    sheet.numbered(r.explanation);
  }
  sheet.paragraph(w.disclaimer, { gap: 1 });
  return sheet.end(en ? (n, of) => `Page ${n} of ${of}` : pageWordZh);
}
