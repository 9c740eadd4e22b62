import { describe, expect, it } from 'vitest';
import { issueText } from './issue-text.js';

describe('API field messages in Chinese', () => {
  it.each([
    ['expected a valid unified social credit code: check character is X, expected L', '统一社会信用代码校验位错误：第18位为X，应为L'],
    ['missing: expected a text', '必填项，请填写'],
    ['expected one of little-giant, high-tech, got nothing', '必填项，请填写'],
    ['expected a date that exists, as YYYY-MM-DD, got "2026-02-30"', '日期不存在，请按YYYY-MM-DD填写'],
    ['expected one of national, municipal, got "x"', '请从列表中选择'],
    ['missing: expected national or municipal for key-lab', '请选择级别（国家级或北京市级）'],
    ['expected a unique id in modelFilings, got "M-1" twice', '编号重复："M-1"'],
    ['expected null: measure 1 is granted per enterprise, got "S"', '支持对象编号应留空：该事项按企业支持'],
    ['unknown field typo: expected only the fields the contract defines here', '未知字段typo：不属于计算请求格式'],
    ['expected the tier measure 5.1 granted, one of revenue-1b, revenue-500m, got null', '请选择已获支持的档位'],
    ['expected 0: measure 5.4 is support in kind, got 1000', '实物支持，金额应为0'],
    ['expected a non-negative amount in yuan, got -5', '金额不能为负数'],
    ['expected an amount of at most 9,999,999,999,999.99 yuan, got "123456789012345678"', '金额不能超过9,999,999,999,999.99元'],
    ['expected a non-negative amount in yuan with at most 2 decimals (fen), got "1.234"', '金额最多两位小数（精确到分）'],
    [
      'expected a non-negative amount in yuan with at most 2 decimals (a number or a decimal string), got true',
      '金额应为不小于0的数，最多两位小数',
    ],
    [
      'expected either subject (the id of the project, model, product … it supported) or measure (one of 1, 2.2, for support to the enterprise as a whole), got neither',
      '请填写支持对象或对应本措施事项，二者选一',
    ],
    [
      'a value in column AB, which has no header: expected it empty, or a header naming its field',
      'AB列没有表头：该列应为空，或在首行填写所属字段的表头',
    ],
    ['expected a JSON list [{…}, …]: Unexpected token', '应为JSON列表，如[{"id": "…"}]'],
    [
      'given both as JSON (column "模型备案（JSON）") and in separate columns: expected one or the other',
      '已在JSON列“模型备案（JSON）”中填写，又分列填写：两种方式只能选用一种',
    ],
    ['unknown column "amout"; expected creditCode (统一社会信用代码), policy (政策名称)', '未知列“amout”：请使用模板中的列名'],
    ['missing the column year (年度)', '缺少“年度”列'],
    ['expected 6 columns as in the header, got 5', '应与表头一样有6列，本行有5列'],
    [
      'expected whole yuan: the ledger keeps awards in whole yuan, and 12.50 has fen; give the amount as the other policy granted it in yuan',
      '金额应为整元：奖励台账按整元记录',
    ],
    ['91110106MA0000K05Q 政策甲 S-1 2026: the same award as line 5', '与第5行为同一笔奖励'],
    ['91110106MA0000K05Q 政策甲 S-1 2026: already imported on 2027-03-05 (batch b1)', '该笔奖励已于2027年3月5日导入'],
    ['something new the API says', 'something new the API says'],
  ])('%s → %s', (message, zh) => {
    expect(issueText(message, 'zh')).toBe(zh);
  });
  it('leaves English as the API wrote it', () => {
    expect(issueText('missing: expected a text', 'en')).toBe('missing: expected a text');
  });
});
