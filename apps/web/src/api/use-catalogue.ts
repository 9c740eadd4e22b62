import type { ArticleInfo, Catalogue, MeasureInfo } from '@ftai/api';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from './client';

/** The catalogue of measures in the current language, or in `fixed` (a receipt's Chinese) (cached). */
export function useCatalogue(year = 2026, fixed?: 'zh' | 'en') {
  const { i18n } = useTranslation();
  const lang = fixed ?? (i18n.language === 'en' ? 'en' : 'zh');
  return useQuery({
    queryKey: ['measures', lang, year],
    queryFn: () => api.get<Catalogue>(`/api/v1/measures?lang=${lang}&year=${year}`),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Measure id → catalogue entry. */
export function useMeasureIndex(year = 2026, fixed?: 'zh' | 'en'): Map<string, MeasureInfo> {
  const { data } = useCatalogue(year, fixed);
  return new Map((data?.measures ?? []).map((m) => [m.id, m]));
}

/** Article number → the article (条) in the current language: the policy's articles, from the catalogue. */
export function useArticleIndex(year = 2026): Map<number, ArticleInfo> {
  const { data } = useCatalogue(year);
  return new Map((data?.articles ?? []).map((a) => [a.article, a]));
}
