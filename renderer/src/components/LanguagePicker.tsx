import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, UI_LANGUAGES } from '../i18n';
import type { Language } from '../lib/types';
import { vigil } from '../lib/vigil';

/** Each language named in itself, so anyone can find theirs. */
const NATIVE_NAMES: Record<Language, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  ar: 'العربية',
  ru: 'Русский',
};

export async function switchLanguage(language: Language): Promise<void> {
  await changeLanguage(language);
  await vigil.settings.set({ language }).catch(() => undefined);
}

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <span className="language-picker">
      <label htmlFor={id}>{t('settings.language')}</label>{' '}
      <select
        id={id}
        value={i18n.resolvedLanguage}
        onChange={(e) => void switchLanguage(e.target.value as Language)}
      >
        {UI_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {NATIVE_NAMES[language]}
          </option>
        ))}
      </select>
    </span>
  );
}
