import type { Call } from '@ftai/api';
import { describe, expect, it } from 'vitest';
import { articleBudgetSum, articleBudgetsBody, callFormValues, createCallBody, updateCallBody } from './call-form';

describe('the call form', () => {
  const values = {
    title: '  2027年度申报 ',
    year: 2026,
    opensOn: '2027-01-01',
    closesOn: '2027-03-31',
    totalBudget: 12_000_000,
    articleBudgets: { '1': 2_000_000, '3': null, '8': 1_500_000, '10': undefined },
    status: 'closed' as const,
    requiredReviews: 2,
    applicationNumberFormat: ' 丰科AI申〔{year}〕{seq}号 ',
  };

  it('sends only the articles given a budget', () => {
    expect(articleBudgetsBody(values.articleBudgets)).toEqual({ '1': 2_000_000, '8': 1_500_000 });
    expect(articleBudgetsBody(undefined)).toEqual({});
    expect(articleBudgetSum(values.articleBudgets)).toBe(3_500_000);
  });

  it('creates with the year and no status', () => {
    expect(createCallBody(values)).toEqual({
      year: 2026,
      title: '2027年度申报',
      opensOn: '2027-01-01',
      closesOn: '2027-03-31',
      totalBudget: 12_000_000,
      articleBudgets: { '1': 2_000_000, '8': 1_500_000 },
      requiredReviews: 2,
      applicationNumberFormat: '丰科AI申〔{year}〕{seq}号',
    });
    expect(createCallBody({ ...values, requiredReviews: null })).not.toHaveProperty('requiredReviews');
  });

  it('updates without the year (the API refuses it) and with the status', () => {
    const body = updateCallBody(values);
    expect(body).not.toHaveProperty('year');
    expect(body.status).toBe('closed');
  });

  it('starts editing from the call as stored', () => {
    const call: Call = {
      id: 'c',
      year: 2025,
      title: 'T',
      opensOn: '2026-10-27',
      closesOn: '2027-01-15',
      totalBudget: 12_000_000,
      articleBudgets: { '1': 2_000_000 },
      requiredReviews: 3,
      applicationNumberFormat: '丰科AI申〔{year}〕{seq}号',
      noticeIssuer: '北京市丰台区科学技术和信息化局',
      noticePhone: '010-63800000',
      noticeAddress: '',
      status: 'open',
      isAccepting: true,
      createdAt: '2026-10-27T00:00:00Z',
    };
    expect(callFormValues(call)).toMatchObject({ year: 2025, totalBudget: 12_000_000, articleBudgets: { '1': 2_000_000 }, status: 'open' });
  });

  it('sends the notice’s contacts as typed: the issuer only when given, a phone or address cleared as empty', () => {
    const body = updateCallBody({ ...values, noticeIssuer: '  ', noticePhone: ' 010-63800000 转 123 ', noticeAddress: '' });
    expect(body).not.toHaveProperty('noticeIssuer');
    expect(body).toMatchObject({ noticePhone: '010-63800000 转 123', noticeAddress: '' });
    expect(createCallBody({ ...values, noticeIssuer: '区科信局' })).toMatchObject({ noticeIssuer: '区科信局' });
  });
});
