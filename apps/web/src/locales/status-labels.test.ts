import { APPLICATION_STATUSES, STATUS_TABLE } from '@ftai/api/statuses';
import { describe, expect, it } from 'vitest';
import i18n from '../i18n';

describe('the status labels of the web app', () => {
  it.each(['zh', 'en'] as const)('name every status of the table in %s, as the table does', (lang) => {
    const t = i18n.getFixedT(lang, 'common');
    for (const s of APPLICATION_STATUSES) {
      const label = t(`status.${s}`);
      expect(label, s).toBe(STATUS_TABLE[s].label[lang]);
      expect(label, s).not.toBe(`status.${s}`);
    }
    expect(t('status.under_review')).toBe(lang === 'zh' ? '专家评审' : 'Under review');
  });
});
