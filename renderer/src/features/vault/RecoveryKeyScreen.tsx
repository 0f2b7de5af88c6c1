import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../components/Field';
import { Form } from '../../components/Form';
import { Gate } from '../../components/Gate';
import { formatNumber } from '../../logic/format';
import { confirmationIndex, groupMatches, recoveryGroups } from '../../logic/recoveryKey';

/**
 * The recovery key, shown once. The user writes it down, says so, and then
 * types one group back, so that a key glanced at and lost is caught now,
 * not on the day it is needed.
 */
export function RecoveryKeyScreen({
  recoveryKey,
  onDone,
  inShell = false,
}: {
  recoveryKey: string;
  onDone: () => void;
  /** Inside the app shell (Settings), which already has the page's <main>. */
  inShell?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const groups = recoveryGroups(recoveryKey);
  const [asked] = useState(() =>
    confirmationIndex(groups.length, crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32),
  );
  const [writtenDown, setWrittenDown] = useState(false);
  const [step, setStep] = useState<'show' | 'confirm'>('show');
  const [typed, setTyped] = useState('');
  const [wrong, setWrong] = useState(false);

  if (step === 'show') {
    return (
      <Gate title={t('recoveryKey.title')} inShell={inShell}>
        <p>{t('recoveryKey.intro')}</p>
        <div className="notice notice-warn">
          <div className="notice-title">{t('recoveryKey.onceTitle')}</div>
          {t('recoveryKey.once')}
        </div>
        {/* Numbered, since the check afterwards asks for one group by its number. */}
        <ol
          className="recovery-key mono"
          aria-label={t('recoveryKey.label')}
          data-testid="recovery-key"
        >
          {groups.map((group, i) => (
            <li key={i}>
              <small className="key-index">{formatNumber(i + 1, locale)}</small>
              <span>{group}</span>
            </li>
          ))}
        </ol>
        <div className="actions no-print">
          <button type="button" className="btn" onClick={() => window.print()}>
            {t('recoveryKey.print')}
          </button>
        </div>
        <Checkbox
          label={t('recoveryKey.writtenDown')}
          checked={writtenDown}
          onChange={setWrittenDown}
        />
        <div className="actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={!writtenDown}
            onClick={() => setStep('confirm')}
          >
            {t('common.continue')}
          </button>
        </div>
      </Gate>
    );
  }

  const confirm = () => {
    if (groupMatches(recoveryKey, asked, typed)) onDone();
    else setWrong(true);
  };

  return (
    <Gate title={t('recoveryKey.confirmTitle')} inShell={inShell}>
      <Form onSubmit={confirm}>
        <div className="field">
          <label htmlFor="recovery-confirm">
            {t('recoveryKey.confirmLabel', {
              n: formatNumber(asked + 1, locale),
              count: groups.length,
            })}
          </label>
          <input
            id="recovery-confirm"
            type="text"
            className="mono"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            autoFocus
            aria-invalid={wrong ? true : undefined}
            aria-describedby={wrong ? 'recovery-wrong' : undefined}
            onChange={(e) => {
              setTyped(e.target.value);
              setWrong(false);
            }}
            data-group-index={asked + 1}
          />
          {wrong ? (
            <span className="field-error" id="recovery-wrong" role="alert">
              {t('recoveryKey.wrong')}
            </span>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="btn btn-primary">
            {t('recoveryKey.confirm')}
          </button>
          <button type="button" className="btn" onClick={() => setStep('show')}>
            {t('recoveryKey.showAgain')}
          </button>
        </div>
      </Form>
    </Gate>
  );
}
