import { describe, expect, it } from 'vitest';
import { readStep } from './explanation-step';

describe('a step of an explanation', () => {
  it('marks an assumed reading, in either language', () => {
    expect(readStep('假设：最高支持额度（200万元）按每一年度计算')).toEqual({
      assumed: '假设',
      text: '最高支持额度（200万元）按每一年度计算',
    });
    expect(readStep('assumed: the cap applies to each year')).toEqual({ assumed: 'assumed', text: 'the cap applies to each year' });
  });
  it('leaves any other step as it is', () => {
    expect(readStep('建设投入3,000,000元×30%＝900,000元')).toEqual({ assumed: null, text: '建设投入3,000,000元×30%＝900,000元' });
    expect(readStep('基本条件核验：依申报信息，在丰台区注册')).toEqual({ assumed: null, text: '基本条件核验：依申报信息，在丰台区注册' });
  });
});
