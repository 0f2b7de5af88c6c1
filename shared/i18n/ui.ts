import en from './locales/en/ui.json';
import type { Locale } from './languages';

/** The UI namespace (i18next): the type every language's file is checked against. */
export type UiStrings = typeof en;

/** English is built in (the fallback for any gap); the others load when chosen. */
const LOADERS: Record<Exclude<Locale, 'en'>, () => Promise<{ default: unknown }>> = {
  es: () => import('./locales/es/ui.json'),
  fr: () => import('./locales/fr/ui.json'),
  ar: () => import('./locales/ar/ui.json'),
  ru: () => import('./locales/ru/ui.json'),
};

export const UI_ENGLISH: UiStrings = en;

export async function uiStrings(locale: Locale): Promise<Record<string, unknown>> {
  return locale === 'en' ? en : ((await LOADERS[locale]()).default as Record<string, unknown>);
}
