import { describe, expect, it } from 'vitest';
import type { ApplicationView } from './applications.js';
import { receiptLines } from './receipt.js';

const names = new Map([
  ['2.1', { citation: '第二条第（1）项', name: '大模型合规备案' }],
  ['5.1', { citation: '第五条第（1）项', name: '主营业务收入首次达到规模' }],
  ['8.1', { citation: '第八条第（1）项', name: '部级卓越孵化器、市级标杆孵化器' }],
]);

const event = (seq: number, to: string, at: string) => ({ seq, from: null, to, actor: '甲', role: 'applicant', note: null, at });

/** A submitted application as GET /api/v1/applications/:id sends it, with what the receipt reads. */
const app = (over: Partial<ApplicationView> = {}): ApplicationView =>
  ({
    id: 'a1',
    number: '丰科AI申〔2026〕0001号',
    callId: 'c1',
    creditCode: '91110106MA01ABCD1X',
    enterpriseName: '北京丰智科技有限公司',
    status: 'submitted',
    engineTotal: 1_600_000,
    submittedAt: '2026-03-01T02:05:00.000Z',
    call: { year: 2025, title: '2026年度丰台区人工智能若干措施申报', noticeIssuer: '北京市丰台区科学技术和信息化局' },
    policyVersion: '2025.10.30-2',
    items: [
      { measure: '2.1', subject: 'M-1', review: false, engineAmount: 300_000 },
      { measure: '5.1', subject: 'revenue-100m', review: false, engineAmount: 400_000 },
      { measure: '8.1', subject: null, review: true, engineAmount: 900_000 },
    ],
    timeline: [event(1, 'draft', '2026-02-28T01:00:00.000Z'), event(2, 'submitted', '2026-03-01T02:05:00.000Z')],
    attachments: [{ filename: '备案证明.pdf' }, { filename: '营业执照.pdf' }],
    ...over,
  }) as unknown as ApplicationView;

describe('the receipt (受理回执)', () => {
  it('names the number, the enterprise, the call, the time received in Beijing time and the policy version', () => {
    const r = receiptLines(app(), names);
    expect(r?.number).toBe('丰科AI申〔2026〕0001号');
    expect(r?.rows).toEqual([
      ['申报企业', '北京丰智科技有限公司'],
      ['统一社会信用代码', '91110106MA01ABCD1X'],
      ['申报批次', '2026年度丰台区人工智能若干措施申报'],
      ['评估年度', '2025年度'],
      ['受理时间', '2026年3月1日 10:05（北京时间）'],
      ['政策依据', '《丰台区支持人工智能科技创新和产业创新融合发展的若干措施》（政策版本2025.10.30-2）'],
    ]);
    expect(r?.issuer).toBe('北京市丰台区科学技术和信息化局');
    expect(r?.date).toBe('2026年3月1日');
  });
  it('lists each measure by clause and name with the engine’s figure, a maximum as 最高, 5.1 by its tier, and the total', () => {
    const r = receiptLines(app(), names);
    expect(r?.items).toEqual([
      { measure: '第二条第（1）项（大模型合规备案）', subject: 'M-1', amount: '300,000' },
      { measure: '第五条第（1）项（主营业务收入首次达到规模）', subject: '1亿元', amount: '400,000' },
      { measure: '第八条第（1）项（部级卓越孵化器、市级标杆孵化器）', subject: '—', amount: '最高900,000' },
    ]);
    expect(r?.total).toBe('1,600,000');
    expect(r?.attachments).toEqual(['备案证明.pdf', '营业执照.pdf']);
  });
  it('names a resubmission after a return beside the first receipt', () => {
    const timeline = [
      event(1, 'draft', '2026-02-28T01:00:00.000Z'),
      event(2, 'submitted', '2026-03-01T02:05:00.000Z'),
      event(3, 'returned', '2026-03-03T02:00:00.000Z'),
      event(4, 'submitted', '2026-03-05T08:30:00.000Z'),
    ];
    const r = receiptLines(app({ timeline } as Partial<ApplicationView>), names);
    expect(r?.rows[4]).toEqual(['受理时间', '2026年3月1日 10:05（北京时间）；补正后重新提交于2026年3月5日 16:30']);
  });
  it('is none before the application is submitted', () => {
    expect(receiptLines(app({ number: null, submittedAt: null }), names)).toBeNull();
  });
});
