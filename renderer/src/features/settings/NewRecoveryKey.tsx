import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { vigil } from '../../lib/vigil';
import { RecoveryKeyScreen } from '../vault/RecoveryKeyScreen';

/**
 * Replaces a lost or exposed recovery key. The new key is shown once, with
 * the same written-copy check as at creation; the old one stops working.
 */
export function NewRecoveryKey() {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (issued) {
    return (
      <RecoveryKeyScreen
        inShell
        recoveryKey={issued}
        onDone={() => {
          setIssued(null);
          setDone(true);
        }}
      />
    );
  }

  const issue = async () => {
    if (!passphrase) return;
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      const { recoveryKey } = await vigil.vault.newRecoveryKey({ passphrase });
      setPassphrase('');
      setIssued(recoveryKey);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{t('settings.recoveryTitle')}</h2>
      <p className="field-hint">{t('settings.recoveryHint')}</p>
      <p className="field-hint">{t('settings.newRecoveryHint')}</p>
      <ErrorNotice error={error} />
      {done ? (
        <p className="notice notice-ok" role="status">
          {t('settings.newRecoveryDone')}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void issue();
        }}
      >
        <div className="field">
          <label htmlFor="recovery-passphrase">{t('settings.currentPassphrase')}</label>
          <input
            id="recovery-passphrase"
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </div>
        {busy ? (
          <p role="status" className="muted">
            {t('settings.newRecoveryWorking')}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="btn" disabled={busy || !passphrase}>
            {t('settings.newRecoveryButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
