import type { MeasureInfo } from '@ftai/api';

type Lang = 'zh' | 'en';

/**
 * A measure as people cite it: the clause as the text numbers it and the measure's name —
 * 第五条第（3）项（首次认定国家专精特新“小巨人”企业）, or "Article 5(3) (first "little giant"
 * recognition)" — never the internal id (CHINESE.md). `m` comes from the catalogue in `lang`;
 * before it has loaded, the result's own citation stands in.
 */
export function measureLabel(m: Pick<MeasureInfo, 'citation' | 'name'> | undefined, lang: Lang, fallback = ''): string {
  if (!m) return fallback;
  if (!m.name) return m.citation;
  return lang === 'en' ? `${m.citation} (${m.name})` : `${m.citation}（${m.name}）`;
}
