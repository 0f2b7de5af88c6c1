import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/useLocale';
import { formatDateValue } from '../logic/format';
import { readDay } from '../logic/partialDateText';
import { useFieldIssue } from './FieldIssues';
import { useIsolatedT } from '../i18n/isolate';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A full calendar day (when consent was given or withdrawn, when to follow
 * up), typed like any date in Vigil: in the UI language's day-and-month
 * order, with month names, read back in words before saving. It replaces the
 * browser's date picker, which shows mm/dd/yyyy whatever the language.
 *
 * `onChange` receives `YYYY-MM-DD`, null for an empty field, or the text as
 * typed when it is not a day: nothing typed is dropped silently, and the
 * core refuses it next to this field (`path`).
 */
export function DayField({
  label,
  value,
  onChange,
  path,
}: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  path?: string;
}) {
  const { t } = useTranslation();
  const ti = useIsolatedT();
  const { language, dateInputWords } = useLocale();
  const id = useId();
  const textOf = (day: string | null) =>
    day && ISO_DAY.test(day) ? formatDateValue(day, language) : (day ?? '');
  const [text, setText] = useState(() => textOf(value));
  const reading = readDay(text, [language], dateInputWords);
  const meant = reading.ok ? reading.day : text.trim();
  // A value set from outside (a button that fills in a date, a box that clears it) replaces the text.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== meant) setText(textOf(value));
  }
  const coreError = useFieldIssue(path);
  const problem = !reading.ok && text.trim().length > 3;
  const message = problem
    ? reading.reason === 'not-a-day'
      ? t('dates.input.notADay')
      : reading.reason === 'invalid'
        ? t('dates.input.invalid')
        : t('dates.input.unrecognised')
    : coreError;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        dir="auto"
        value={text}
        placeholder={t('dates.input.dayPlaceholder')}
        aria-describedby={`${id}-read`}
        aria-invalid={message ? true : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const read = readDay(next, [language], dateInputWords);
          onChange(read.ok ? read.day : next.trim());
        }}
      />
      <span id={`${id}-read`} className={message ? 'field-error' : 'field-hint'} aria-live="polite">
        {message ??
          (reading.ok && reading.day
            ? ti('dates.input.understood', { date: formatDateValue(reading.day, language) })
            : t('dates.input.dayHint'))}
      </span>
    </div>
  );
}
