import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Form } from '../../components/Form';
import { Status } from '../../components/Status';
import { useTask } from '../../lib/useTask';
import { vigil } from '../../lib/vigil';
import { RecoveryKeyScreen } from '../vault/RecoveryKeyScreen';

/**
 * Replaces a lost or exposed recovery key. The new key is shown once, with
 * the same written-copy check as at creation; the old one stops working.
 */
export function NewRecoveryKey() {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const { busy, error, run } = useTask<'issue'>();
  const [issued, setIssued] = useState<string | null>(null);
  const [done, setDone] = useState(false);

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

  const issue = () => {
    if (!passphrase) return;
    setDone(false);
    void run('issue', async () => {
      const { recoveryKey } = await vigil.vault.newRecoveryKey({ passphrase });
      setPassphrase('');
      setIssued(recoveryKey);
    });
  };

  return (
    <section className="card" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{t('settings.recoveryTitle')}</h2>
      <p className="field-hint">{t('settings.recoveryHint')}</p>
      <p className="field-hint">{t('settings.newRecoveryHint')}</p>
      <ErrorNotice error={error} />
      <Status when={done} className="notice notice-ok">
        {t('settings.newRecoveryDone')}
      </Status>
      <Form onSubmit={issue}>
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
        <Status when={busy}>{t('settings.newRecoveryWorking')}</Status>
        <div className="actions">
          <button type="submit" className="btn" disabled={busy || !passphrase}>
            {t('settings.newRecoveryButton')}
          </button>
        </div>
      </Form>
    </section>
  );
}
