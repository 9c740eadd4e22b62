import { open } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';

/** The accepted kinds as the refusal names them. */
export const ACCEPTED_KINDS = 'PDF, OFD, PNG, JPEG, WebP, Word (.doc, .docx) and Excel (.xls, .xlsx)';

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/** Whether the ZIP file's central directory (its last 64 KiB) names `entry` at its root. */
async function zipNames(path: string, size: number, entry: string): Promise<boolean> {
  const length = Math.min(size, 64 << 10);
  const handle = await open(path, 'r');
  try {
    const { buffer } = await handle.read(Buffer.alloc(length), 0, length, size - length);
    // A central directory record: signature PK\1\2, the name's length at 28, the name at 46.
    for (
      let i = buffer.indexOf('PK\u0001\u0002', 0, 'latin1');
      i >= 0 && i + 46 <= buffer.length;
      i = buffer.indexOf('PK\u0001\u0002', i + 4, 'latin1')
    ) {
      const n = buffer.readUInt16LE(i + 28);
      if (buffer.toString('utf8', i + 46, i + 46 + n) === entry) return true;
    }
    return false;
  } finally {
    await handle.close();
  }
}

/**
 * The type of an uploaded file, read from its bytes (file-type), never from the name alone: PDF,
 * PNG, JPEG, WebP, .docx and .xlsx as file-type knows them; OFD, a ZIP package with OFD.xml at its
 * root (GB/T 33190); the old Word and Excel formats, OLE2 compound files (file-type says `cfb`),
 * told apart by the name's extension, which is all the container says. Undefined for anything else
 * (a ZIP that is no OFD, a compound file named otherwise, an executable …).
 *
 * @example await fileKind('/tmp/x', '发票.ofd', 2048) // 'application/ofd' for an OFD package
 */
export async function fileKind(path: string, name: string, size: number): Promise<{ mime: string } | { refused: string }> {
  const detected = await fileTypeFromFile(path);
  const ext = extensionOf(name);
  const what = size === 0 ? 'an empty file' : detected ? `${detected.mime} (.${detected.ext})` : 'no known file type';
  if (!detected) return { refused: what };
  switch (detected.mime) {
    case 'application/pdf':
    case 'image/png':
    case 'image/jpeg':
    case 'image/webp':
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      return { mime: detected.mime };
    case 'application/x-cfb':
      if (ext === 'doc') return { mime: 'application/msword' };
      if (ext === 'xls') return { mime: 'application/vnd.ms-excel' };
      return { refused: `${what}, named .${ext || '(none)'}: an old Word or Excel file must be named .doc or .xls` };
    case 'application/zip':
      if (await zipNames(path, size, 'OFD.xml')) return { mime: 'application/ofd' };
      return { refused: what };
    default:
      return { refused: what };
  }
}
