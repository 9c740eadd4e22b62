/** Texts of the calculator pages: Chinese first, English beside it, same keys. */
export const calculator = {
  zh: {},
  en: {},
} as const;
