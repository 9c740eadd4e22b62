import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import { officer } from './locales/officer';
import { portal } from './locales/portal';

describe('the texts of the web app', () => {
  it('come with the app for the frame (common) and with each area for the rest', async () => {
    expect(i18n.hasResourceBundle('zh', 'common')).toBe(true);
    expect(i18n.hasResourceBundle('zh', 'officer')).toBe(false);
    await i18n.loadNamespaces(['officer', 'portal']);
    expect(i18n.getResourceBundle('zh', 'officer')).toEqual(officer.zh);
    await i18n.loadLanguages('en');
    expect(i18n.getResourceBundle('en', 'portal')).toEqual(portal.en);
    expect(i18n.getFixedT('zh', 'officer')('nav.dashboard')).toBe('预算看板');
  });

  it('refuses a namespace no area declares, without breaking the others', async () => {
    await i18n.loadNamespaces('nowhere');
    expect(i18n.hasResourceBundle('zh', 'nowhere')).toBe(false);
    expect(i18n.getFixedT('zh', 'common')('status.under_review')).toBe('专家评审');
  });
});
