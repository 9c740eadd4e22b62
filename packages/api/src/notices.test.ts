import { describe, expect, it } from 'vitest';
import { chineseNumber, noticeTitle } from './notices.js';

describe('a notice’s title, unique to its call and batch', () => {
  it('numbers the batches in Chinese from the second on', () => {
    expect(noticeTitle('2026年度申报', 1)).toBe('2026年度申报拟支持名单公示');
    expect(noticeTitle('2026年度申报', 2)).toBe('2026年度申报拟支持名单公示（第二批）');
    expect(noticeTitle('2026年度申报', 11)).toBe('2026年度申报拟支持名单公示（第十一批）');
  });
  it.each([
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '100'],
  ])('%i → %s', (n, zh) => {
    expect(chineseNumber(n)).toBe(zh);
  });
});
