import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The browser tab's title for the page shown: `page · 丰台AI政策通` (in the language shown), the
 * page named by its text `key` in namespace `ns`, or the product's name alone (the home page). One
 * title per page, so that tabs, history and screen readers tell pages apart.
 */
export function usePageTitle(key?: string, ns = 'common'): void {
  const { t } = useTranslation('common');
  const product = t('appName');
  const page = key === undefined ? undefined : t(key, { ns });
  useEffect(() => {
    document.title = page ? `${page} · ${product}` : product;
  }, [page, product]);
}
