import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VocabularyName } from '../../../shared/vocabularies';
import { useVocabularies } from '../lib/vocabularies';
import { Field } from './Field';

/** A picker over a controlled vocabulary, labelled in the UI language. */
export function VocabSelect({
  label,
  vocabulary,
  value,
  onChange,
  allowNone,
  hint,
  error,
}: {
  label: ReactNode;
  vocabulary: VocabularyName;
  value: string | null;
  onChange: (value: string | null) => void;
  allowNone?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
}) {
  const { t } = useTranslation();
  const { terms, label: labelOf } = useVocabularies();
  return (
    <Field label={label} hint={hint} error={error}>
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

/** Several terms of one vocabulary, as checkboxes. */
export function VocabChecklist({
  legend,
  vocabulary,
  value,
  onChange,
}: {
  legend: ReactNode;
  vocabulary: VocabularyName;
  value: readonly string[];
  onChange: (value: string[]) => void;
}) {
  const { terms, label } = useVocabularies();
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="grid-2">
        {terms(vocabulary).map((term) => {
          const id = `${vocabulary}-${term.id}`;
          return (
            <div className="choice" key={term.id}>
              <input
                id={id}
                type="checkbox"
                checked={value.includes(term.id)}
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
