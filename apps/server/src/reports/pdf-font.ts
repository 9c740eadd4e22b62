import { readFile } from 'node:fs/promises';
import { HttpError } from '../errors.js';

/** A font as pdfkit takes it: the file's bytes and, for a collection (.ttc), the face's PostScript name. */
export interface PdfFont {
  readonly bytes: Buffer;
  readonly face: string | undefined;
}

/** The fonts of the PDFs: a Chinese regular face and its bold (the regular where no bold is found). */
export interface PdfFonts {
  readonly regular: PdfFont;
  readonly bold: PdfFont;
}

/** `/path/font.ttc#Face` → the path and the face. */
function parse(setting: string): { path: string; face: string | undefined } {
  const hash = setting.lastIndexOf('#');
  return hash > 0 ? { path: setting.slice(0, hash), face: setting.slice(hash + 1) || undefined } : { path: setting, face: undefined };
}

async function load(setting: string): Promise<PdfFont | null> {
  const { path, face } = parse(setting);
  try {
    return { bytes: await readFile(path), face };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

const loaded = new Map<string, Promise<PdfFonts | null>>();

/**
 * The PDFs' fonts (FTAI_PDF_FONT, FTAI_PDF_FONT_BOLD), read once per process and kept. Without the
 * regular one, 503 FTAI_ERR_PDF_UNAVAILABLE: the server cannot print Chinese, and the pages still
 * can (their 打印 → 另存为PDF). A font found later (installed while running) is read on the next ask.
 */
export async function pdfFonts(config: { readonly pdfFont: string; readonly pdfFontBold: string }): Promise<PdfFonts> {
  const key = `${config.pdfFont}\n${config.pdfFontBold}`;
  let fonts = loaded.get(key);
  if (!fonts) {
    fonts = (async () => {
      const regular = await load(config.pdfFont);
      if (!regular) return null;
      return { regular, bold: (await load(config.pdfFontBold)) ?? regular };
    })();
    loaded.set(key, fonts);
  }
  const found = await fonts;
  if (found) return found;
  loaded.delete(key);
  throw new HttpError(
    503,
    'FTAI_ERR_PDF_UNAVAILABLE',
    `no Chinese font for PDFs at ${parse(config.pdfFont).path} (FTAI_PDF_FONT; on Debian: apt-get install fonts-noto-cjk)`,
  );
}
