export type Lang = 'zh' | 'en';

/** A text in Chinese (the official language) and English. */
export interface Localized {
  readonly zh: string;
  readonly en: string;
}
