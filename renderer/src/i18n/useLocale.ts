import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QualifierWords } from '../logic/format';
import type { QualifierWordLists } from '../logic/partialDateText';
import type { Language } from '../lib/types';

/** The UI language and what formatting needs from it. */
export function useLocale(): {
  language: Language;
  dateWords: QualifierWords;
  dateInputWords: QualifierWordLists;
} {
  const { t, i18n } = useTranslation();
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  return useMemo(() => {
    const list = (text: string) =>
      text
        .split('|')
        .map((w) => w.trim())
        .filter(Boolean);
    return {
      language,
      dateWords: {
        approximate: (date) => t('dates.approximate', { date }),
        before: (date) => t('dates.before', { date }),
        after: (date) => t('dates.after', { date }),
        unknown: t('dates.unknown'),
      },
      dateInputWords: {
        approximate: list(t('dates.words.approximate')),
        before: list(t('dates.words.before')),
        after: list(t('dates.words.after')),
        unknown: list(t('dates.words.unknown')),
      },
    };
  }, [language, t]);
}
