import i18n from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { common } from './locales/common';

export type Lang = 'zh' | 'en';
const STORE = 'ftai.lang';

/**
 * The texts of each area, fetched with the area: the frame and the home page need only `common`,
 * which comes with the app; a page that asks for another namespace (useTranslation('officer'))
 * waits for it under the nearest Suspense, as it waits for its own code.
 */
const areas: Record<string, () => Promise<Record<Lang, object>>> = {
  policy: () => import('./locales/policy').then((m) => m.policy),
  calculator: () => import('./locales/calculator').then((m) => m.calculator),
  portal: () => import('./locales/portal').then((m) => m.portal),
  review: () => import('./locales/review').then((m) => m.review),
  officer: () => import('./locales/officer').then((m) => m.officer),
  modelling: () => import('./locales/modelling').then((m) => m.modelling),
};

/** Every namespace but `common`: what the areas' pages read, fetched with the first area opened (App.tsx). */
export const AREA_NAMESPACES = Object.keys(areas);

function initialLang(): Lang {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORE) : null;
  return saved === 'en' ? 'en' : 'zh';
}

void i18n
  .use(
    resourcesToBackend(async (lang: string, ns: string) => {
      const load = areas[ns];
      if (!load) throw new Error(`no texts for namespace ${ns}`);
      return (await load())[lang === 'en' ? 'en' : 'zh'];
    }),
  )
  .use(initReactI18next)
  .init({
    resources: { zh: { common: common.zh }, en: { common: common.en } },
    // The other namespaces come from the backend above, when first asked for.
    partialBundledLanguages: true,
    ns: ['common'],
    lng: initialLang(),
    fallbackLng: 'zh',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });

// The page's language from the start (index.html says zh-CN): screen readers and the API's error messages follow it.
if (typeof document !== 'undefined') document.documentElement.lang = initialLang() === 'zh' ? 'zh-CN' : 'en';

export function setLang(lang: Lang): void {
  localStorage.setItem(STORE, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  void i18n.changeLanguage(lang);
}

export default i18n;
