import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { EXTENSIONS } from './sanitise-filename.js';

/** The accepted kinds as a refusal names them (error-text words them in Chinese). */
export const ACCEPTED_KINDS = 'PDF, OFD, PNG, JPEG, WebP, Word (.doc, .docx) and Excel (.xls, .xlsx)';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The extension a name claims (lower case), or '' for a name that claims none (`scan`, `合同v1.2`). */
export function claimedExtension(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  return /^[a-z][a-z0-9]{0,4}$/.test(ext) ? ext : '';
}

/** The central directory of a ZIP file is read up to this size (a 10 MiB upload has far less). */
const MAX_DIRECTORY = 4 << 20;

/**
 * The names of a ZIP file's entries, from its central directory (found through the end record
 * in the file's last 64 KiB); empty when it cannot be read. Nothing is decompressed.
 */
export async function zipEntryNames(path: string, size: number): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const tail = Math.min(size, (64 << 10) + 22);
    const { buffer: end } = await handle.read(Buffer.alloc(tail), 0, tail, size - tail);
    const at = end.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (at < 0 || at + 22 > end.length) return [];
    const length = end.readUInt32LE(at + 12);
    const offset = end.readUInt32LE(at + 16);
    if (length > MAX_DIRECTORY || offset + length > size) return [];
    const { buffer: directory } = await handle.read(Buffer.alloc(length), 0, length, offset);
    const names: string[] = [];
    // Each record: signature PK\1\2, the name's length at 28, the extra field's at 30, the comment's at 32, the name at 46.
    for (let i = 0; i + 46 <= directory.length && directory.readUInt32LE(i) === 0x02014b50; ) {
      const n = directory.readUInt16LE(i + 28);
      names.push(directory.toString('utf8', i + 46, i + 46 + n));
      i += 46 + n + directory.readUInt16LE(i + 30) + directory.readUInt16LE(i + 32);
    }
    return names;
  } finally {
    await handle.close();
  }
}

/** What a ZIP package is by its entries: OFD (OFD.xml at its root), .docx or .xlsx (OOXML), else nothing accepted. */
function packageKind(names: readonly string[]): string | undefined {
  if (names.includes('OFD.xml')) return 'application/ofd';
  if (names.includes('[Content_Types].xml')) {
    if (names.some((n) => n.startsWith('word/'))) return DOCX;
    if (names.some((n) => n.startsWith('xl/'))) return XLSX;
  }
  return undefined;
}

/**
 * The type of an uploaded file, read from its bytes (file-type), never from the name alone, and
 * the name's extension held to it:
 * - PDF, PNG, JPEG, WebP, .docx and .xlsx as file-type knows them;
 * - OFD (GB/T 33190), a ZIP package with OFD.xml at its root; a .docx or .xlsx file-type took for
 *   a plain ZIP is known by its [Content_Types].xml and word/ or xl/;
 * - the old Word and Excel formats, OLE2 compound files (file-type says `cfb`), told apart by the
 *   name's extension (.doc, .xls), which is all the container says.
 * Refused, with what the content is in the server's words: an empty file, an unknown one, any
 * other type (a plain ZIP, GIF, an executable …), and a file whose name claims another type than
 * its content (a PNG named .pdf, an OFD named .pdf). A name without an extension claims nothing.
 *
 * @example await fileKind('/tmp/x', '发票.ofd', 2048) // { mime: 'application/ofd' } for an OFD package
 */
export async function fileKind(path: string, name: string, size: number): Promise<{ mime: string } | { refused: string }> {
  if (size === 0) return { refused: 'an empty file' };
  const detected = await fileTypeFromFile(path);
  if (!detected) return { refused: 'no known file type' };
  const ext = claimedExtension(name);
  let mime: string | undefined = detected.mime;
  if (detected.mime === 'application/x-cfb') {
    mime = ext === 'doc' ? 'application/msword' : ext === 'xls' ? 'application/vnd.ms-excel' : undefined;
    if (!mime) {
      return {
        refused: `an OLE2 compound file (application/x-cfb), named ${ext ? `.${ext}` : 'without an extension'}: an old Word or Excel file is named .doc or .xls`,
      };
    }
  } else if (detected.mime === 'application/zip') {
    mime = packageKind(await zipEntryNames(path, size));
  }
  const what = mime && mime !== detected.mime ? mime : `${detected.mime} (.${detected.ext})`;
  if (!mime || !(mime in EXTENSIONS)) return { refused: what };
  const fits = EXTENSIONS[mime] ?? [];
  if (ext !== '' && !fits.includes(ext)) {
    return { refused: `${what}, which its extension .${ext} does not claim: name it .${fits[0]}, or upload the file meant` };
  }
  return { mime };
}
