export type Lang = 'zh' | 'en';

/** A text in Chinese (the official language) and English. */
export interface Localised {
  readonly zh: string;
  readonly en: string;
}
