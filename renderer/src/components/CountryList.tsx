import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCountryNames } from './CountrySelect';

/** Several countries: the chosen ones as removable chips, and a menu to add another. */
export function CountryList({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: readonly string[];
  onChange: (value: string[]) => void;
}) {
  const { t } = useTranslation();
  const { name, options } = useCountryNames();
  const id = useId();
  return (
    <fieldset>
      <legend>{legend}</legend>
      {value.length > 0 ? (
        <ul className="chips">
          {value.map((code) => (
            <li key={code}>
              <span>{name(code)}</span>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label={t('common.removeItem', { item: name(code) })}
                onClick={() => onChange(value.filter((c) => c !== code))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="field">
        <label htmlFor={id}>{t('common.addCountry')}</label>
        <select
          id={id}
          value=""
          onChange={(e) => {
            if (e.target.value && !value.includes(e.target.value))
              onChange([...value, e.target.value]);
          }}
        >
          <option value="">{t('common.chooseCountry')}</option>
          {options
            .filter((o) => !value.includes(o.value))
            .map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
        </select>
      </div>
    </fieldset>
  );
}
