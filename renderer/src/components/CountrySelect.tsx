import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES } from '../../../shared/domain/countries';
import { Field, Options } from './Field';

/** Country names from Intl in the UI language, sorted the way that language sorts. */
export function useCountryNames(): {
  name: (code: string) => string;
  options: { value: string; label: string }[];
} {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(() => {
    const names = new Intl.DisplayNames([language, 'en'], { type: 'region' });
    const name = (code: string) => names.of(code) ?? code;
    const collator = new Intl.Collator(language);
    const options = COUNTRY_CODES.map((code) => ({ value: code, label: name(code) })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
    return { name, options };
  }, [language]);
}

export function CountrySelect({
  label,
  value,
  onChange,
  hint,
  emptyLabel,
}: {
  label: ReactNode;
  value: string | null;
  onChange: (value: string | null) => void;
  hint?: ReactNode;
  emptyLabel?: string;
}) {
  const { t } = useTranslation();
  const { options } = useCountryNames();
  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <select {...control} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">{emptyLabel ?? t('common.notRecorded')}</option>
          <Options options={options} />
        </select>
      )}
    </Field>
  );
}
