import PDFDocument from 'pdfkit';
import type { PdfFonts } from './pdf-font.js';

/** A cell of a table: its text, right-aligned for figures, bold for headings. */
export interface SheetCell {
  readonly text: string;
  readonly align?: 'left' | 'right' | 'center';
  readonly bold?: boolean;
  readonly colSpan?: number;
}

/** What the PDF says about itself: its title, subject and author (the issuer), and its language. */
export interface SheetInfo {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  readonly lang: 'zh-CN' | 'en';
  /** The document's date (the server's clock): its creation date in the PDF. */
  readonly date: Date;
}

const GREY = '#595959';
const BODY = 10.5;

/**
 * An A4 sheet written top to bottom in a Chinese font, as official forms are: a centred title,
 * headings, paragraphs, numbered lines, bordered tables that run on to the next page row by row,
 * and 第N页（共M页） at each page's foot. pdfkit lays it out and embeds only the glyphs used.
 */
export class PdfSheet {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(fonts: PdfFonts, info: SheetInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 64, bottom: 64, left: 64, right: 64 },
      bufferPages: true,
      lang: info.lang,
      displayTitle: true,
      info: { Title: info.title, Subject: info.subject, Author: info.author, Creator: 'ftai', CreationDate: info.date },
    });
    this.doc.registerFont('regular', fonts.regular.bytes, fonts.regular.face);
    this.doc.registerFont('bold', fonts.bold.bytes, fonts.bold.face);
    this.doc.font('regular').fontSize(BODY);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  private get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get left(): number {
    return this.doc.page.margins.left;
  }

  /** The title, centred and spaced (受 理 回 执 reads as one word set wide). */
  title(text: string, spaced = false): this {
    this.doc
      .font('bold')
      .fontSize(20)
      .text(text, this.left, this.doc.y, { width: this.width, align: 'center', characterSpacing: spaced ? 8 : 0 });
    this.doc.font('regular').fontSize(BODY).moveDown(0.3);
    return this;
  }

  /** A centred line under the title (the number, the version and date). */
  subtitle(text: string): this {
    this.doc.fontSize(BODY).text(text, this.left, this.doc.y, { width: this.width, align: 'center' });
    this.doc.moveDown(1);
    return this;
  }

  heading(text: string): this {
    this.doc.moveDown(0.6);
    this.doc.font('bold').fontSize(12).text(text, this.left, this.doc.y, { width: this.width });
    this.doc.font('regular').fontSize(BODY).moveDown(0.3);
    return this;
  }

  paragraph(text: string, options: { align?: 'left' | 'right'; indent?: number; gap?: number } = {}): this {
    const indent = options.indent ?? 0;
    this.doc.text(text, this.left + indent, this.doc.y, {
      width: this.width - indent,
      align: options.align ?? 'left',
      lineGap: 3,
    });
    this.doc.moveDown(options.gap ?? 0.3);
    return this;
  }

  /** A bold line of its own, kept with at least two lines of what follows it. */
  subheading(text: string): this {
    this.keepRoom(3 * this.doc.currentLineHeight(true));
    this.doc.font('bold').text(text, this.left, this.doc.y, { width: this.width, lineGap: 3 });
    this.doc.font('regular').moveDown(0.1);
    return this;
  }

  /**
   * A form's foot: a closing paragraph (the note), then lines right-aligned (the issuer and the
   * date), all kept together on one page.
   */
  closing(note: string, lines: readonly string[]): this {
    const noteHeight = this.doc.heightOfString(note, { width: this.width, lineGap: 3 });
    this.keepRoom(noteHeight + (lines.length + 2) * this.doc.currentLineHeight(true));
    this.paragraph(note);
    this.doc.moveDown(1);
    for (const line of lines) this.doc.text(line, this.left, this.doc.y, { width: this.width, align: 'right', lineGap: 3 });
    return this;
  }

  /** A new page unless `height` points are left on this one. */
  private keepRoom(height: number): void {
    if (this.doc.y + height > this.doc.page.maxY()) this.doc.addPage();
  }

  /** A label in bold and its text after it, on one run of lines: 企业：北京…. */
  field(label: string, text: string, sep = '：'): this {
    this.doc.font('bold').text(`${label}${sep}`, this.left, this.doc.y, { width: this.width, continued: true, lineGap: 3 });
    this.doc.font('regular').text(text, { lineGap: 3 });
    this.doc.moveDown(0.2);
    return this;
  }

  /** Lines numbered 1. 2. …, indented. */
  numbered(lines: readonly string[], indent = 12): this {
    lines.forEach((line, i) => {
      this.doc.text(`${i + 1}. ${line}`, this.left + indent, this.doc.y, { width: this.width - indent, lineGap: 2 });
    });
    this.doc.moveDown(0.3);
    return this;
  }

  /** A bordered table: `widths` in points or '*' (the rest shared); the first row a header when `header`. */
  table(rows: readonly (readonly SheetCell[])[], widths: readonly (number | '*')[], header = true): this {
    this.doc.x = this.left;
    this.doc.table({
      position: { x: this.left, y: this.doc.y },
      maxWidth: this.width,
      columnStyles: widths.map((w) => ({ width: w })),
      defaultStyle: { border: 0.5, borderColor: GREY, padding: [4, 5, 4, 5] },
      data: rows.map((row, r) =>
        row.map((c) => ({
          text: c.text,
          align: { x: c.align ?? 'left', y: 'top' as const },
          ...(c.colSpan ? { colSpan: c.colSpan } : {}),
          ...((header && r === 0) || c.bold ? { font: { src: 'bold' }, backgroundColor: '#f0f0f0' } : {}),
          ...(header && r === 0 ? { type: 'TH' as const } : {}),
        })),
      ),
    });
    this.doc.font('regular').fontSize(BODY);
    this.doc.x = this.left;
    this.doc.moveDown(0.5);
    return this;
  }

  /** The PDF's bytes, with 第N页（共M页） at the foot of each page. */
  async end(pageWord: (n: number, of: number) => string): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const bottom = this.doc.page.margins.bottom;
      // Writing below the bottom margin would start a new page: the margin is lifted for the foot.
      this.doc.page.margins.bottom = 0;
      this.doc
        .font('regular')
        .fontSize(9)
        .fillColor(GREY)
        .text(pageWord(i - start + 1, count), this.left, this.doc.page.height - bottom + 20, { width: this.width, align: 'center' });
      this.doc.page.margins.bottom = bottom;
      this.doc.fillColor('black');
    }
    this.doc.end();
    return this.done;
  }
}
