import { describe, expect, it } from 'vitest';
import { sanitiseFilename } from './sanitise-filename.js';

describe('sanitiseFilename', () => {
  it.each([
    ['a name that fits its type stays as it is', '营业执照.pdf', 'application/pdf', '营业执照.pdf'],
    ['folders are dropped, Unix and Windows alike', '../../etc/passwd.png', 'image/png', 'passwd.png'],
    ['a Windows path is cut at the last backslash', 'C:\\Users\\甲\\scan.PDF', 'application/pdf', 'scan.PDF'],
    ['an extension that lies is replaced by the detected one', 'scan.pdf', 'image/png', 'scan.png'],
    ['both JPEG extensions fit', 'photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['a name without extension gets one', 'README', 'application/pdf', 'README.pdf'],
    ['control and reserved characters become _', 'a\u0000b<c>:"d|?*.webp', 'image/webp', 'a_b_c___d___.webp'],
    ['leading dots cannot hide a file', '...hidden.pdf', 'application/pdf', 'hidden.pdf'],
    ['an empty name is named for what it is', '', 'image/png', 'attachment.png'],
    ['only dots and spaces: the same', ' . . ', 'application/pdf', 'attachment.pdf'],
  ])('%s', (_name, input, mime, expected) => {
    expect(sanitiseFilename(input, mime)).toBe(expected);
  });

  it('keeps at most 120 characters, cutting between characters and keeping the extension', () => {
    const out = sanitiseFilename(`${'申'.repeat(300)}.pdf`, 'application/pdf');
    expect(Array.from(out)).toHaveLength(120);
    expect(out.endsWith('申.pdf')).toBe(true);
  });
});
