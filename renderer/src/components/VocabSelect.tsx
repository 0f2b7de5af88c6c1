import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VocabularyName } from '../../../shared/vocabularies';
import { useVocabularies } from '../lib/vocabularies';
import { Field } from './Field';
import { useFieldIssue } from './FieldIssues';

/** A picker over a controlled vocabulary, labelled in the UI language. */
export function VocabSelect({
  label,
  vocabulary,
  value,
  onChange,
  allowNone,
  hint,
  error,
  path,
}: {
  label: ReactNode;
  vocabulary: VocabularyName;
  value: string | null;
  onChange: (value: string | null) => void;
  allowNone?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  path?: string;
}) {
  const { t } = useTranslation();
  const { terms, label: labelOf } = useVocabularies();
  return (
    <Field label={label} hint={hint} error={error} path={path}>
      {(control) => (
        <select {...control} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
          {allowNone || value === null ? <option value="">{t('common.notRecorded')}</option> : null}
          {terms(vocabulary).map((term) => (
            <option key={term.id} value={term.id}>
              {labelOf(vocabulary, term.id)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Several terms of one vocabulary, as checkboxes; a problem with the list is shown under its legend. */
export function VocabChecklist({
  legend,
  vocabulary,
  value,
  onChange,
  path,
}: {
  legend: ReactNode;
  vocabulary: VocabularyName;
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** The list's path in the record, for the core's problem with it. */
  path?: string;
}) {
  const { terms, label } = useVocabularies();
  const error = useFieldIssue(path);
  const errorId = `${vocabulary}-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      <div className="grid-2">
        {terms(vocabulary).map((term, i) => {
          const id = `${vocabulary}-${term.id}`;
          return (
            <div className="choice" key={term.id}>
              <input
                id={id}
                type="checkbox"
                checked={value.includes(term.id)}
                aria-invalid={error && i === 0 ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                onChange={(e) =>
                  onChange(
                    e.target.checked ? [...value, term.id] : value.filter((v) => v !== term.id),
                  )
                }
              />
              <label htmlFor={id}>{label(vocabulary, term.id)}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
