import type { NoticeContent } from '@ftai/api';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../ids.js';
import { noticeContentSha256 } from './notice-versions.js';

/** A notice of `count` lines with names and clauses in Chinese, quotes and escapes in them. */
function contentOf(count: number): NoticeContent {
  const lines = Array.from({ length: count }, (_, i) => ({
    applicationId: `app-${i}`,
    enterpriseName: `北京"测试"\\科技${i}有限公司\u2028`,
    creditCode: `91110106MA${String(i).padStart(8, '0')}`,
    measure: '4.3',
    measureName: '营业收入奖励',
    citation: '第四条第（三）项',
    subject: i % 2 === 0 ? '' : 'tier-2',
    subjectText: '首次达到1亿元',
    amount: 1_000_000 + i,
  }));
  return {
    issuer: '北京市丰台区科学技术和信息化局',
    call: { id: 'call-1', year: 2027, title: '2027年度申报' },
    publishedAt: '2027-03-15T02:00:00.000Z',
    publishedOn: '2027-03-15',
    objectionsUntil: '2027-03-22',
    lines,
    enterprises: [{ creditCode: lines[0]?.creditCode ?? '', name: '甲', applicationIds: ['app-0'], total: 1_000_000 }],
    total: lines.reduce((s, l) => s + l.amount, 0),
    changes: [],
  };
}

describe('noticeContentSha256', () => {
  it('is the SHA-256 of JSON.stringify of the content, whatever its size', () => {
    for (const count of [0, 1, 7, 3_000]) {
      const content = contentOf(count);
      expect(noticeContentSha256(content)).toBe(sha256(JSON.stringify(content)));
    }
  });

  it('leaves out what JSON leaves out, and changes with any byte of a line', () => {
    const content = contentOf(5);
    const withUndefined = { ...content, reason: undefined } as unknown as NoticeContent;
    expect(noticeContentSha256(withUndefined)).toBe(sha256(JSON.stringify(content)));
    const changed = contentOf(5);
    const line = changed.lines[4];
    if (!line) throw new Error('no line 5');
    line.amount += 1;
    expect(noticeContentSha256(changed)).not.toBe(noticeContentSha256(content));
  });
});
