import type { ArticleInfo } from '@ftai/api';

type Lang = 'zh' | 'en';

/**
 * An article's heading as the text gives it: 第一条 加大人工智能算力供给, or "Article 1 · More AI
 * compute". `a` comes from the catalogue in `lang` (GET /api/v1/measures); before it has loaded,
 * the fallback stands in.
 */
export function articleHeading(a: Pick<ArticleInfo, 'citation' | 'title'> | undefined, lang: Lang, fallback = ''): string {
  if (!a) return fallback;
  return lang === 'en' ? `${a.citation} · ${a.title}` : `${a.citation} ${a.title}`;
}

/** An article in a table or a chart: 第一条 · 算力供给, Article 1 · Compute. */
export function articleShortLabel(a: Pick<ArticleInfo, 'citation' | 'shortName'> | undefined, fallback = ''): string {
  return a ? `${a.citation} · ${a.shortName}` : fallback;
}
