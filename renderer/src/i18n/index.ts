import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { uiStrings, UI_ENGLISH } from '../../../shared/i18n/ui';
import type { Language } from '../lib/types';

export const UI_LANGUAGES: readonly Language[] = ['en', 'es', 'fr', 'ar', 'ru'];
const RIGHT_TO_LEFT: ReadonlySet<Language> = new Set(['ar']);

type Strings = Record<string, unknown>;
/** The UI namespace of the one locale store (shared/i18n): English built in, others on demand. */
const en: Strings = UI_ENGLISH;

/** The first of the system's preferred languages that Vigil speaks ("ar-EG" → ar), else English. */
export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0] as Language;
    if (UI_LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

export function isRightToLeft(language: string): boolean {
  return RIGHT_TO_LEFT.has(language as Language);
}

/** Every string of the UI comes from the locale files; English fills any gap. */
export async function setupI18n(language: Language): Promise<void> {
  const resources: Record<string, { translation: Strings }> = { en: { translation: en } };
  if (language !== 'en') resources[language] = { translation: await uiStrings(language) };
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(language);
}

/** The whole layout mirrors for right-to-left languages (CSS uses logical properties). */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr';
}

export async function changeLanguage(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', await uiStrings(language));
  }
  await i18next.changeLanguage(language);
  applyDocumentLanguage(language);
}
