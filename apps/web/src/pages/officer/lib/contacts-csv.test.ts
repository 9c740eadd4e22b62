import { describe, expect, it } from 'vitest';
import { decodeCsv, normalPhone, parseCsv, readContacts } from './contacts-csv';

const CODE_A = '91110106MA01ABCD2L';
const CODE_B = '91110106MA0000K01C';

describe('the enterprises’ contacts, read from CSV', () => {
  it('reads the Chinese headings, leaving empty cells out', () => {
    const csv = `\uFEFF统一社会信用代码,企业名称,联系邮箱,联系手机\r\n${CODE_A},北京丰台智联科技有限公司,ai@example.cn,+86 138-0000-0000\r\n${CODE_B.toLowerCase()},,,13900000000\r\n\r\n`;
    expect(readContacts(csv)).toEqual({
      contacts: [
        { creditCode: CODE_A, name: '北京丰台智联科技有限公司', email: 'ai@example.cn', phone: '13800000000' },
        { creditCode: CODE_B, phone: '13900000000' },
      ],
      lines: [2, 3],
      problems: [],
    });
  });

  it('reads the English headings in any order, and quoted cells', () => {
    const csv = `phone,creditCode,name\n,${CODE_A},"Zhilian, ""AI"" Ltd"\n`;
    expect(readContacts(csv).contacts).toEqual([{ creditCode: CODE_A, name: 'Zhilian, "AI" Ltd' }]);
  });

  it('names every problem with its line and column', () => {
    const csv = [
      '统一社会信用代码,企业名称,联系邮箱,联系手机',
      `${CODE_A},甲,not-an-address,12345`,
      'SHORT,乙,,',
      `${CODE_B},,,`,
      `${CODE_A},丙,,`,
      `${CODE_A},丁,,`,
    ].join('\n');
    expect(readContacts(csv).problems).toEqual([
      { line: 2, column: 'email', problem: 'email' },
      { line: 2, column: 'phone', problem: 'phone' },
      { line: 3, column: 'creditCode', problem: 'creditCode' },
      { line: 4, column: null, problem: 'nothing' },
      { line: 6, column: 'creditCode', problem: 'duplicate', first: 5 },
    ]);
  });

  it('refuses a file without the credit code column, or with a quote left open', () => {
    expect(readContacts('企业名称,联系邮箱\n甲,a@b.cn').problems).toEqual([{ line: 1, column: null, problem: 'header' }]);
    expect(readContacts(`creditCode,name\n${CODE_A},"甲\n乙`).problems).toEqual([{ line: 2, column: null, problem: 'quote' }]);
    expect(readContacts('').contacts).toEqual([]);
  });

  it('counts the lines of a quoted line break', () => {
    expect(parseCsv('a,"x\ny"\nb,c').rows).toEqual([
      { line: 1, cells: ['a', 'x\ny'] },
      { line: 3, cells: ['b', 'c'] },
    ]);
  });

  it('keeps mobile numbers as the API does', () => {
    expect(normalPhone('+86 138 0000 0000')).toBe('13800000000');
    expect(normalPhone('86-13800000000')).toBe('13800000000');
  });

  it('decodes UTF-8, and GB18030 as Excel saves it', () => {
    expect(decodeCsv(new TextEncoder().encode('企业名称').buffer)).toBe('企业名称');
    // 企业 in GB18030.
    expect(decodeCsv(new Uint8Array([0xc6, 0xf3, 0xd2, 0xb5]).buffer)).toBe('企业');
  });
});
