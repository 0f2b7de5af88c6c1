/** The languages of the locale store (a folder each under `locales/`). */
export const LOCALES = ['en', 'es', 'fr', 'ar', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
