/** The file extensions that fit each accepted type; the first is the one given to a name that lies. */
export const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  /** OFD (GB/T 33190), the national format of e-invoices and official documents. */
  'application/ofd': ['ofd'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/msword': ['doc'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.ms-excel': ['xls'],
};

const MAX_LENGTH = 120;

/**
 * A file name safe to store and to send back in Content-Disposition: no folders (`../`, `C:\`),
 * no control characters or characters that Windows refuses, at most 120 characters, and an
 * extension that matches the type detected from the content, so that `scan.pdf` holding PNG
 * bytes is kept as `scan.png` and opens with the right program.
 *
 * @example sanitiseFilename('../../etc/scan.pdf', 'image/png') // 'scan.png'
 */
export function sanitiseFilename(name: string, mime: string): string {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 ? cleaned.slice(dot + 1).toLowerCase() : '';
  const allowed = EXTENSIONS[mime] ?? [];
  const fits = allowed.includes(ext);
  const stem = (dot > 0 ? cleaned.slice(0, dot) : cleaned) || 'attachment';
  const suffix = fits ? cleaned.slice(dot) : `.${allowed[0] ?? 'bin'}`;
  // Cut by code points, so that a Chinese name is not split inside a character.
  return Array.from(stem)
    .slice(0, MAX_LENGTH - Array.from(suffix).length)
    .join('')
    .concat(suffix);
}
