import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoreWarning, WarningParam } from '../../../shared/warnings';
import { metadataFieldId } from '../../../shared/metadataFields';
import { useIsolatedT } from '../i18n/isolate';
import { useVocabularies } from '../lib/vocabularies';
import { formatDay, formatList } from '../logic/format';

const text = (value: WarningParam | undefined): string =>
  Array.isArray(value) ? value.join(' ') : String(value ?? '');
const list = (value: WarningParam | undefined): string[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [String(value)];

/**
 * A warning from the core in the user's language, worded from its code and
 * values (names, algorithms and file names isolated); the core's English
 * sentence only in the closed technical details.
 */
export function useWarningWords(): (warning: CoreWarning) => ReactNode {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const vocabularies = useVocabularies();
  const locale = i18n.resolvedLanguage ?? 'en';
  return ({ code, params }) => {
    switch (code) {
      case 'key-expired':
        return ti('warnings.key-expired', { date: formatDay(text(params.date), locale) });
      case 'key-version-unreadable':
        return ti('warnings.key-version-unreadable', { version: text(params.version) });
      case 'key-algorithm-unreadable':
      case 'key-encryption-unreadable':
        return ti(`warnings.${code}`, { algorithm: text(params.algorithm) });
      case 'key-asks-aead':
        return ti('warnings.key-asks-aead', { mode: text(params.mode) });
      case 'font-missing-characters': {
        const characters = list(params.characters);
        return ti('warnings.font-missing-characters', {
          count: characters.length,
          characters: characters.join(' '),
        });
      }
      case 'original-names-forbidden': {
        const audience =
          params.audience === 'mechanism'
            ? vocabularies.label('mechanism', text(params.mechanism))
            : params.audience === 'partners' || params.audience === 'public'
              ? t(`export.audiences.${params.audience}.label`)
              : text(params.audience);
        const fields = list(params.fields).map((key) => {
          const id = metadataFieldId(key);
          return id ? t(`metadata.fields.${id}`) : key;
        });
        return ti('warnings.original-names-forbidden', {
          name: text(params.name),
          audience,
          fields: formatList(fields, locale),
        });
      }
      default: {
        // Any other warning: its values as they are (names, user ids isolated), lists joined.
        const values: Record<string, string | number> = {};
        for (const [name, value] of Object.entries(params))
          values[name] = Array.isArray(value) ? formatList(value, locale) : value;
        return ti(`warnings.${code}`, values);
      }
    }
  };
}

/** The core's warnings as notices, each with its English sentence behind "Details". */
export function CoreWarnings({ warnings }: { warnings: readonly CoreWarning[] }) {
  const { t } = useTranslation();
  const words = useWarningWords();
  return (
    <>
      {warnings.map((warning, i) => (
        <div
          key={`${warning.code}-${i}`}
          className="notice notice-warn"
          data-warning={warning.code}
        >
          <p>{words(warning)}</p>
          <details>
            <summary>{t('errors.details')}</summary>
            <p dir="ltr" lang="en">
              {warning.text}
            </p>
          </details>
        </div>
      ))}
    </>
  );
}
