/** Texts of the policy pages: Chinese first, English beside it, same keys. */
export const policy = {
  zh: {},
  en: {},
} as const;
