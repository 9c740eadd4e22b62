import type { ReceiptLines } from '@ftai/api/receipt';
import type { PdfFonts } from './pdf-font.js';
import { PdfSheet } from './pdf-sheet.js';

/** 第1页（共2页）. */
export const pageWordZh = (n: number, of: number) => `第${n}页（共${of}页）`;

/**
 * 受理回执 as a PDF: the same lines as the receipt page (receiptLines), on A4 in the official
 * style — the title, the number, the particulars, the measures with the engine's figures and the
 * total, the materials, what the receipt means, and the issuer with the date at the foot.
 */
export function receiptPdf(fonts: PdfFonts, r: ReceiptLines, now: Date): Promise<Buffer> {
  const sheet = new PdfSheet(fonts, {
    title: `${r.title}（${r.number}）`,
    subject: '受理回执',
    author: r.issuer,
    lang: 'zh-CN',
    date: now,
  });
  sheet.title(r.title, true).subtitle(r.number);
  sheet.table(
    r.rows.map(([label, value]) => [{ text: label, bold: true }, { text: value }]),
    [130, '*'],
    false,
  );
  sheet.heading(r.itemsHeading);
  sheet.table(
    [
      r.itemColumns.map((text, i) => ({ text, align: i === 2 ? ('right' as const) : ('left' as const) })),
      ...r.items.map((i) => [{ text: i.measure }, { text: i.subject }, { text: i.amount, align: 'right' as const }]),
      [
        { text: '合计', bold: true, colSpan: 2 },
        { text: r.total, align: 'right' as const, bold: true },
      ],
    ],
    ['*', 100, 100],
  );
  sheet.heading(r.attachmentsHeading);
  if (r.attachments.length === 0) sheet.paragraph('无');
  else sheet.numbered(r.attachments, 0);
  sheet.closing(r.note, r.issuer === '' ? [r.date] : [r.issuer, r.date]);
  return sheet.end(pageWordZh);
}
