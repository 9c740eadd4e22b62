import type { NoticeLine } from '@ftai/api';
import { describe, expect, it } from 'vitest';
import { applicationOptions } from './application-options';

const line = (applicationId: string, enterpriseName: string, measure: string): NoticeLine => ({
  applicationId,
  enterpriseName,
  creditCode: 'X',
  measure,
  measureName: '',
  citation: '',
  subject: '',
  subjectText: '',
  amount: 1,
});

describe('the applications an objection can name', () => {
  it('lists each application once with its enterprise and measures', () => {
    expect(
      applicationOptions([
        line('A1', '北京甲公司', '1'),
        line('A1', '北京甲公司', '2.1'),
        line('A1', '北京甲公司', '2.1'),
        line('B2', '北京乙公司', '8.1'),
      ]),
    ).toEqual([
      { value: 'A1', label: '北京甲公司(1、2.1)' },
      { value: 'B2', label: '北京乙公司(8.1)' },
    ]);
    expect(applicationOptions([])).toEqual([]);
  });
});
