/** Texts of the portal pages: Chinese first, English beside it, same keys. */
export const portal = {
  zh: {},
  en: {},
} as const;
