/** Texts of the officer pages: Chinese first, English beside it, same keys. */
export const officer = {
  zh: {},
  en: {},
} as const;
