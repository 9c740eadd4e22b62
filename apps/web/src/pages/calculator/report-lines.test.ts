import { describe, expect, it } from 'vitest';
import { describeFacts, formatAmount } from './report-lines';

describe('the facts in the printed report', () => {
  it('reads as labels and values, in contract order, with money, yes/no and enumerations spelled out', () => {
    expect(
      describeFacts(
        {
          incubator: { rating: 'ministry-excellent', investment: 3000000, incubatedAIEnterprises: 11 },
          computeSpend: 1234567.89,
          modelFilings: [
            { id: 'M-1', date: '2026-03-01', industrial: true },
            { id: 'M-2', date: '2026-07-15', industrial: false },
          ],
          industryAverageGrowthRate: 0.15,
          firstAboveDesignatedSize: true,
        },
        'zh',
      ),
    ).toEqual([
      { label: '算力实际投入', values: ['1,234,567.89 元'] },
      {
        label: '通过国家生成式人工智能备案的大模型',
        values: ['备案编号 M-1;备案日期 2026-03-01;工业大模型', '备案编号 M-2;备案日期 2026-07-15'],
      },
      { label: '本年度首次达规(规模以上企业)', values: ['是'] },
      { label: '所在行业平均增幅', values: ['15%'] },
      { label: '孵化器', values: ['孵化器评级 部级卓越孵化器;孵化器建设投入 3,000,000 元;培育符合条件的人工智能企业数 11'] },
    ]);
  });
  it('speaks English too', () => {
    expect(describeFacts({ standards: [{ id: 'GB/T 1-2026', level: 'national', date: '2026-06-01' }] }, 'en')).toEqual([
      { label: 'Standards led and published', values: ['Standard number GB/T 1-2026; Level National; Published on 2026-06-01'] },
    ]);
  });
  it('has nothing to say about no facts', () => {
    expect(describeFacts(undefined, 'zh')).toEqual([]);
  });
  it('formats amounts with separators and fen', () => {
    expect(formatAmount(900000.5)).toBe('900,000.5');
  });
});
