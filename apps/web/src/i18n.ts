import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { calculator } from './locales/calculator';
import { common } from './locales/common';
import { officer } from './locales/officer';
import { policy } from './locales/policy';
import { portal } from './locales/portal';
import { review } from './locales/review';

export type Lang = 'zh' | 'en';
const namespaces = { common, policy, calculator, portal, review, officer };
const STORE = 'ftai.lang';

function initialLang(): Lang {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORE) : null;
  return saved === 'en' ? 'en' : 'zh';
}

void i18n.use(initReactI18next).init({
  resources: {
    zh: Object.fromEntries(Object.entries(namespaces).map(([k, v]) => [k, v.zh])),
    en: Object.fromEntries(Object.entries(namespaces).map(([k, v]) => [k, v.en])),
  },
  lng: initialLang(),
  fallbackLng: 'zh',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});

export function setLang(lang: Lang): void {
  localStorage.setItem(STORE, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(lang);
}

export default i18n;
