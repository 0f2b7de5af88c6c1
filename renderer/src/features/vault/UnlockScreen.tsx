import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mark, MARKS } from '../../app/perfMarks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Form } from '../../components/Form';
import { Gate } from '../../components/Gate';
import { Status } from '../../components/Status';
import type { LockReason } from '../../app/App';
import type { VaultLocation } from '../../lib/types';
import { isUiError, vigil } from '../../lib/vigil';

/** Reasons the screen never names: saying "panic" tells whoever is looking that something was hidden. */
type Unsaid = 'panic' | 'quick-exit' | 'quit';
const UNSAID: ReadonlySet<LockReason> = new Set<Unsaid>(['panic', 'quick-exit', 'quit']);
const said = (reason: LockReason | undefined): reason is Exclude<LockReason, Unsaid> =>
  reason !== undefined && !UNSAID.has(reason);

/** The passphrase, a clear answer when it is wrong, and the way out (recovery key, another vault). */
export function UnlockScreen({
  location,
  reason,
  notice,
  onUnlocked,
  onRecover,
  onOtherVault,
}: {
  location: VaultLocation;
  reason?: LockReason;
  notice?: 'recovered';
  onUnlocked: (label: string) => void;
  onRecover: () => void;
  onOtherVault: () => void;
}) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);

  const unlock = async () => {
    if (!passphrase) return;
    setBusy(true);
    setError(null);
    try {
      const opened = await vigil.vault.unlock({ locationId: location.locationId, passphrase });
      setPassphrase('');
      mark(MARKS.unlocked);
      onUnlocked(opened.label);
    } catch (e) {
      setBusy(false);
      setPassphrase('');
      if (isUiError(e) && e.code === 'WRONG_PASSPHRASE') setWrong((n) => n + 1);
      else setError(e);
      requestAnimationFrame(() => input.current?.focus());
    }
  };

  return (
    <Gate title={t('unlock.title')} languagePicker>
      {location.label ? (
        <p>
          {t('unlock.vault')} <strong dir="auto">{location.label}</strong>
        </p>
      ) : null}
      {said(reason) ? (
        <Status className="notice">{t(`unlock.lockedBecause.${reason}`)}</Status>
      ) : null}
      <Status when={notice === 'recovered'} className="notice notice-ok">
        {t('unlock.recovered')}
      </Status>
      {wrong > 0 ? (
        <div className="notice notice-error" role="alert" data-testid="wrong-passphrase">
          <div className="notice-title">{t('unlock.wrongTitle')}</div>
          {t('unlock.wrong')}
        </div>
      ) : null}
      <ErrorNotice error={error} />
      <Form onSubmit={unlock}>
        <div className="field">
          <label htmlFor="unlock-passphrase">{t('unlock.passphrase')}</label>
          <input
            ref={input}
            id="unlock-passphrase"
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            autoFocus
            value={passphrase}
            aria-invalid={wrong > 0 ? true : undefined}
            aria-describedby={wrong > 0 ? 'wrong-passphrase-hint' : undefined}
            onChange={(e) => setPassphrase(e.target.value)}
          />
          {wrong > 0 ? (
            <span id="wrong-passphrase-hint" className="field-hint">
              {t('unlock.attempts', { count: wrong })}
            </span>
          ) : null}
        </div>
        <Status when={busy}>{t('unlock.working')}</Status>
        <div className="actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || passphrase.length === 0}
          >
            {t('unlock.submit')}
          </button>
          <button type="button" className="link-button" onClick={onRecover}>
            {t('unlock.forgot')}
          </button>
          <button type="button" className="link-button" onClick={onOtherVault}>
            {t('unlock.other')}
          </button>
        </div>
      </Form>
    </Gate>
  );
}
