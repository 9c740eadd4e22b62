import { describe, expect, it } from 'vitest';
import { issueText } from './issue-text';

describe('API field messages in Chinese', () => {
  it.each([
    ['expected a valid unified social credit code: check character is X, expected L', '统一社会信用代码校验位错误:第 18 位为 X,应为 L'],
    ['missing: expected a text', '必填项,请填写'],
    ['expected one of little-giant, high-tech, got nothing', '必填项,请填写'],
    ['expected a date that exists, as YYYY-MM-DD, got "2026-02-30"', '日期不存在,请按 YYYY-MM-DD 填写'],
    ['expected one of national, municipal, got "x"', '请从列表中选择'],
    ['missing: expected national or municipal for key-lab', '请选择级别(国家级或北京市级)'],
    ['expected a unique id in modelFilings, got "M-1" twice', '编号重复:"M-1"'],
    ['expected null: measure 1 is granted per enterprise, got "S"', '支持对象编号应留空:事项 1 按企业支持'],
    ['unknown field typo: expected only the fields the contract defines here', '未知字段 typo:不属于计算请求格式'],
    ['something new the API says', 'something new the API says'],
  ])('%s → %s', (message, zh) => {
    expect(issueText(message, 'zh')).toBe(zh);
  });
  it('leaves English as the API wrote it', () => {
    expect(issueText('missing: expected a text', 'en')).toBe('missing: expected a text');
  });
});
