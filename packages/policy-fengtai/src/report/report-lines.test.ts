import { describe, expect, it } from 'vitest';
import type { ResultLike as MeasureResult } from './report-lines.js';
import { describeConditions, describeFacts, describeHistory, describeOtherAward, formatAmount, reportResult } from './report-lines.js';

const names = new Map([
  ['5.1', { citation: '第五条第（1）项', name: '主营业务收入首次达到规模' }],
  ['5.3a', { citation: '第五条第（3）项', name: '首次认定国家专精特新“小巨人”企业' }],
  ['8.2', { citation: '第八条第（2）项', name: '孵化器培育人工智能企业' }],
]);
const statusWord = (s: string) =>
  ({ granted: '予以支持', excluded: '不予支持', incomplete: '待补充信息', ineligible: '不符合条件' })[s] ?? s;
const result = (over: Partial<MeasureResult>): MeasureResult => ({
  measure: '5.3a',
  subject: null,
  status: 'granted',
  amount: 500000,
  review: true,
  citation: '第五条第（3）项',
  ...over,
});

describe('the facts in the printed report', () => {
  it('reads as labels and values, in contract order, with money, yes/no, dates and enumerations spelled out', () => {
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
      { label: '算力实际投入', values: ['1,234,567.89元'] },
      {
        label: '通过国家生成式人工智能备案的大模型',
        values: ['备案编号：M-1；备案日期：2026年3月1日；工业大模型', '备案编号：M-2；备案日期：2026年7月15日'],
      },
      { label: '本年度首次达规（规模以上企业）', values: ['是'] },
      { label: '所在行业平均增幅', values: ['15%'] },
      { label: '孵化器', values: ['孵化器评级：部级卓越孵化器；孵化器建设投入：3,000,000元；培育符合条件的人工智能企业数：11'] },
    ]);
  });
  it('shows the new dates of prizes and first-set products', () => {
    expect(
      describeFacts(
        {
          agentCompetitionPrizes: [{ id: 'AC-1', prize: 800000, date: '2026-08-18' }],
          firstSetProducts: [{ id: 'FS-1', inBeijingCatalogue: true, catalogueDate: '2026-04-01' }],
        },
        'zh',
      ),
    ).toEqual([
      { label: '智能体创新创业大赛获奖', values: ['获奖编号：AC-1；大赛设定的奖金：800,000元；获奖日期：2026年8月18日'] },
      { label: '首台（套）产品', values: ['产品编号：FS-1；入选北京市首台（套）目录；入选目录日期：2026年4月1日'] },
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

describe('the results in the printed report', () => {
  it('keep the 需评审 flag and show a maximum as 最高, named by clause and name', () => {
    expect(reportResult(result({}), names, 'zh', statusWord)).toEqual({
      measure: '第五条第（3）项（首次认定国家专精特新“小巨人”企业）',
      subject: '—',
      status: '予以支持',
      amount: '最高500,000',
      review: true,
    });
    expect(reportResult(result({ measure: '8.2', review: false, amount: 500000 }), names, 'zh', statusWord)).toMatchObject({
      amount: '500,000',
      review: false,
    });
    expect(reportResult(result({}), new Map(), 'en', (s) => s)).toMatchObject({ amount: 'up to 500,000', review: true });
  });
  it('give every status its cause, never the word alone', () => {
    const excluded = result({
      status: 'excluded',
      amount: 0,
      reasons: ['从优不重复：丰台区专精特新企业奖励已支持500,000元，不低于本项'],
    });
    expect(reportResult(excluded, names, 'zh', statusWord)).toMatchObject({
      status: '不予支持：从优不重复：丰台区专精特新企业奖励已支持500,000元，不低于本项',
      amount: '0',
      review: false,
    });
    const incomplete = result({
      measure: '5.1',
      status: 'incomplete',
      amount: 0,
      reasons: ['缺少“以往年度最高主营业务收入”“上年度主营业务收入”（填写其一即可），无法测算'],
    });
    expect(reportResult(incomplete, names, 'zh', statusWord).status).toBe(
      '待补充信息：缺少“以往年度最高主营业务收入”“上年度主营业务收入”（填写其一即可），无法测算',
    );
  });
  it('name 5.1’s tier by the text’s words', () => {
    expect(reportResult(result({ measure: '5.1', subject: 'revenue-100m', amount: 300000 }), names, 'zh', statusWord).subject).toBe(
      '1亿元',
    );
  });
});

describe('earlier support in the printed report', () => {
  it('names the measure by clause and name, 5.1 by its tier', () => {
    expect(describeHistory({ measure: '5.1', year: 2025, subject: 'revenue-50m', amount: 200000 }, names, 'zh')).toBe(
      '2025年度，第五条第（1）项（主营业务收入首次达到规模），档位“5000万元”，200,000元',
    );
    expect(describeHistory({ measure: '5.3a', year: 2025, subject: null, amount: 500000 }, names, 'zh')).toBe(
      '2025年度，第五条第（3）项（首次认定国家专精特新“小巨人”企业），500,000元',
    );
  });
  it('says what another policy’s award names: its subject or the measure it overlaps', () => {
    expect(describeOtherAward({ policy: '丰台区专精特新企业奖励', measure: '5.3a', amount: 500000 }, names, 'zh')).toBe(
      '丰台区专精特新企业奖励：对应本措施第五条第（3）项（首次认定国家专精特新“小巨人”企业），500,000元',
    );
    expect(describeOtherAward({ policy: '丰台区某项措施', subject: 'SC-1', amount: 450000 }, names, 'zh')).toBe(
      '丰台区某项措施：支持对象SC-1，450,000元',
    );
  });
});

describe('the general conditions in the report', () => {
  it('answer every yes/no field of the enterprise, in the contract’s words, a dash where not given', () => {
    const line = describeConditions({ registeredInFengtai: true, taxResidentInFengtai: true, seriousDishonesty: false }, 'zh');
    expect(line.startsWith('在丰台注册：是；在丰台纳税：是；存在严重失信：否；')).toBe(true);
    expect(line).toContain('工业智能企业：—');
    expect(describeConditions({ startup: true }, 'en')).toContain('Start-up: yes');
  });
});
