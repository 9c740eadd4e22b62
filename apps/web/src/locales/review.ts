/** Texts of the review pages: Chinese first, English beside it, same keys. */
export const review = {
  zh: {},
  en: {},
} as const;
