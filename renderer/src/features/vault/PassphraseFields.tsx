import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH, passphraseProblem } from '../../../../shared/vault';
import { StrengthMeter } from '../../components/StrengthMeter';

export interface NewPassphrase {
  passphrase: string;
  confirm: string;
  show: boolean;
}

export const EMPTY_NEW_PASSPHRASE: NewPassphrase = { passphrase: '', confirm: '', show: false };

/** Why the new passphrase cannot be used yet, as a translation key, or null. */
export function newPassphraseProblem(
  value: NewPassphrase,
):
  | 'passphrase.problems.empty'
  | 'passphrase.problems.too-short'
  | 'passphrase.problems.too-long'
  | 'passphrase.problems.mismatch'
  | null {
  const problem = passphraseProblem(value.passphrase);
  if (problem) return `passphrase.problems.${problem}`;
  if (value.passphrase !== value.confirm) return 'passphrase.problems.mismatch';
  return null;
}

/** A new passphrase, typed twice, with the strength meter. */
export function PassphraseFields({
  value,
  onChange,
  showErrors,
  label,
}: {
  value: NewPassphrase;
  onChange: (value: NewPassphrase) => void;
  showErrors: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const problem = showErrors ? newPassphraseProblem(value) : null;
  const type = value.show ? 'text' : 'password';
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-new`}>{label ?? t('passphrase.new')}</label>
        <span className="field-hint" id={`${id}-rule`}>
          {t('passphrase.rule', { count: MIN_PASSPHRASE_LENGTH })}
        </span>
        <input
          id={`${id}-new`}
          type={type}
          value={value.passphrase}
          autoComplete="new-password"
          spellCheck={false}
          aria-describedby={`${id}-rule ${id}-meter`}
          aria-invalid={problem && problem !== 'passphrase.problems.mismatch' ? true : undefined}
          onChange={(e) => onChange({ ...value, passphrase: e.target.value })}
        />
        <StrengthMeter passphrase={value.passphrase} id={`${id}-meter`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>{t('passphrase.confirm')}</label>
        <input
          id={`${id}-confirm`}
          type={type}
          value={value.confirm}
          autoComplete="new-password"
          spellCheck={false}
          aria-invalid={problem === 'passphrase.problems.mismatch' ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => onChange({ ...value, confirm: e.target.value })}
        />
        {problem ? (
          <span className="field-error" id={`${id}-problem`}>
            {t(problem, { count: MIN_PASSPHRASE_LENGTH })}
          </span>
        ) : null}
      </div>
      <div className="choice">
        <input
          id={`${id}-show`}
          type="checkbox"
          checked={value.show}
          onChange={(e) => onChange({ ...value, show: e.target.checked })}
        />
        <label htmlFor={`${id}-show`}>{t('passphrase.show')}</label>
      </div>
    </>
  );
}
