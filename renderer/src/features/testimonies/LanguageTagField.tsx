import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** The language of a statement: common ones by name, any other as a tag (e.g. "fa", "ku"). */
const COMMON = [
  'ar',
  'en',
  'es',
  'fr',
  'ru',
  'fa',
  'ku',
  'tr',
  'uk',
  'ky',
  'tg',
  'uz',
  'az',
  'hy',
  'ka',
  'pt',
  'am',
  'ti',
  'so',
  'ur',
  'he',
  'zh',
  'my',
  'vi',
];

export function LanguageTagField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const names = useMemo(
    () => new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en', 'en'], { type: 'language' }),
    [i18n.resolvedLanguage],
  );
  const known = value === '' || COMMON.includes(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={known ? value : 'other'}
        onChange={(e) =>
          onChange(e.target.value === 'other' ? (known ? 'und' : value) : e.target.value)
        }
      >
        <option value="">{t('common.notRecorded')}</option>
        {COMMON.map((code) => (
          <option key={code} value={code}>
            {names.of(code) ?? code}
          </option>
        ))}
        <option value="other">{t('testimonies.otherLanguage')}</option>
      </select>
      {!known ? (
        <>
          <label htmlFor={`${id}-tag`}>{t('testimonies.languageTag')}</label>
          <input
            id={`${id}-tag`}
            type="text"
            dir="ltr"
            value={value === 'und' ? '' : value}
            onChange={(e) => onChange(e.target.value)}
          />
        </>
      ) : null}
    </div>
  );
}
