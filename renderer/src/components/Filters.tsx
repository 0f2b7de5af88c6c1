import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { VocabularyName } from '../../../shared/vocabularies';
import { useVocabularies } from '../lib/vocabularies';
import { Options } from './Field';

/**
 * The controls of a filter bar. Each has a fixed id (a page has one of each)
 * and the empty value means "any": the filter is off.
 */
export function FilterSelect({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('cases.any')}</option>
        <Options options={options} />
      </select>
    </div>
  );
}

/** A filter on one term of a controlled vocabulary, labelled in the UI language. */
export function VocabFilter({
  vocabulary,
  ...props
}: Omit<Parameters<typeof FilterSelect>[0], 'options'> & { vocabulary: VocabularyName }) {
  const { terms, label } = useVocabularies();
  const options = terms(vocabulary).map((term) => ({
    value: term.id,
    label: label(vocabulary, term.id),
  }));
  return <FilterSelect {...props} options={options} />;
}

/** Words to find, filtering as they are typed. */
export function FilterText({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field grow">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        dir="auto"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
