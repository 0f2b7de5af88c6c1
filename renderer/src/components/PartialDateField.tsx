import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_QUALIFIERS, type DateQualifier } from '../../../shared/domain/partialDate';
import { useLocale } from '../i18n/useLocale';
import { useFieldIssue } from './FieldIssues';
import { formatPartialDate } from '../logic/format';
import { readDateDraft, typedDateDraft, type DateDraft } from '../logic/partialDateText';
import { useIsolatedT } from '../i18n/isolate';

/**
 * A date as researchers know it: a text field that reads "March 2024",
 * "15/03/2024" or "about 2023" in the UI language, and a menu for how
 * certain it is (exact, approximate, before, after, unknown). What was
 * understood is read back in words, so a misreading is seen at once.
 */
export function PartialDateField({
  label,
  value,
  onChange,
  required,
  showError,
  path,
  error,
}: {
  label: string;
  value: DateDraft;
  onChange: (value: DateDraft) => void;
  required?: boolean;
  /** Show "not understood" only after the user tried to save. */
  showError?: boolean;
  /** The date's path in the record, for the core's problem with it (an end before the start). */
  path?: string;
  /** The form's own problem with this date (an end before the start), shown once the user tried to save. */
  error?: string;
}) {
  const { t } = useTranslation();
  const ti = useIsolatedT();
  const { language, dateWords, dateInputWords } = useLocale();
  const id = useId();
  const reading = readDateDraft(value, [language], dateInputWords, Boolean(required));
  const fromCore = useFieldIssue(path);
  const coreError = (showError ? error : undefined) || fromCore;
  const problem =
    Boolean(coreError) ||
    (!reading.ok && (showError || (reading.reason !== 'empty' && value.text.trim().length > 3)));
  const understood =
    reading.ok && reading.date ? formatPartialDate(reading.date, language, dateWords) : null;
  const onText = (text: string) =>
    onChange(typedDateDraft(value, text, [language], dateInputWords));
  return (
    <fieldset className="date-field">
      <legend>{label}</legend>
      <div className="date-row">
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('dates.input.when')}</label>
          <input
            id={`${id}-text`}
            type="text"
            dir="auto"
            value={value.qualifier === 'unknown' ? '' : value.text}
            disabled={value.qualifier === 'unknown'}
            placeholder={t('dates.input.placeholder')}
            aria-describedby={`${id}-read`}
            aria-invalid={problem ? true : undefined}
            onChange={(e) => onText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('dates.input.certainty')}</label>
          <select
            id={`${id}-q`}
            value={value.qualifier}
            onChange={(e) =>
              onChange({
                text: value.text,
                qualifier: e.target.value as DateQualifier,
                qualifierFromText: false,
              })
            }
          >
            {DATE_QUALIFIERS.map((q) => (
              <option key={q} value={q}>
                {t(`dates.qualifiers.${q}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={`${id}-read`} className={problem ? 'field-error' : 'field-hint'} aria-live="polite">
        {problem
          ? reading.ok
            ? coreError
            : reading.reason === 'empty'
              ? t('dates.input.required')
              : reading.reason === 'invalid'
                ? t('dates.input.invalid')
                : t('dates.input.unrecognised')
          : understood
            ? ti('dates.input.understood', { date: understood })
            : t('dates.input.hint')}
      </p>
    </fieldset>
  );
}
