import { describe, expect, it } from 'vitest';
import { resultCause, statusWithCause } from './result-cause';

describe('a status with its cause', () => {
  it('follows the word with the reasons', () => {
    expect(statusWithCause('不予支持', ['已于2025年度享受“1亿元”档支持（一次性）'], 'zh')).toBe(
      '不予支持：已于2025年度享受“1亿元”档支持（一次性）',
    );
    expect(statusWithCause('不予支持', ['甲', '乙'], 'zh')).toBe('不予支持：甲；乙');
    expect(statusWithCause('Excluded', ['a', 'b'], 'en')).toBe('Excluded: a; b');
  });
  it('does not say the word twice', () => {
    expect(statusWithCause('服务事项', ['服务事项：纳入区级“服务包”'], 'zh')).toBe('服务事项：纳入区级“服务包”');
    expect(resultCause('服务事项', ['服务事项：纳入区级“服务包”'], 'zh')).toBe('纳入区级“服务包”');
  });
  it('is the word alone without reasons', () => {
    expect(statusWithCause('予以支持', [], 'zh')).toBe('予以支持');
  });
});
