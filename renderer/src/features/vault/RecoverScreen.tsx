import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { VaultLocation } from '../../lib/types';
import { vigil } from '../../lib/vigil';
import {
  EMPTY_NEW_PASSPHRASE,
  newPassphraseProblem,
  PassphraseFields,
  type NewPassphrase,
} from './PassphraseFields';

/** A forgotten passphrase: the recovery key sets a new one (the vault itself is not re-encrypted). */
export function RecoverScreen({
  location,
  onDone,
  onCancel,
}: {
  location: VaultLocation;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [recoveryKey, setRecoveryKey] = useState('');
  const [passphrase, setPassphrase] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const recover = async () => {
    setTried(true);
    if (!recoveryKey.trim() || newPassphraseProblem(passphrase)) return;
    setBusy(true);
    setError(null);
    try {
      await vigil.vault.recover({
        locationId: location.locationId,
        recoveryKey,
        newPassphrase: passphrase.passphrase,
      });
      setRecoveryKey('');
      setPassphrase(EMPTY_NEW_PASSPHRASE);
      onDone();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <main className="gate">
      <div className="gate-card">
        <h1 tabIndex={-1}>{t('recover.title')}</h1>
        <p>{t('recover.intro')}</p>
        <p>
          {t('unlock.vault')} <strong dir="auto">{location.label}</strong>
        </p>
        <ErrorNotice error={error} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void recover();
          }}
        >
          <div className="field">
            <label htmlFor="recovery-key-input">{t('recover.key')}</label>
            <span className="field-hint" id="recovery-key-hint">
              {t('recover.keyHint')}
            </span>
            <input
              id="recovery-key-input"
              type="text"
              className="mono"
              autoComplete="off"
              spellCheck={false}
              value={recoveryKey}
              aria-describedby="recovery-key-hint"
              aria-invalid={tried && !recoveryKey.trim() ? true : undefined}
              onChange={(e) => setRecoveryKey(e.target.value)}
            />
          </div>
          <PassphraseFields value={passphrase} onChange={setPassphrase} showErrors={tried} />
          {busy ? (
            <p role="status" className="muted">
              {t('recover.working')}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('recover.submit')}
            </button>
            <button type="button" className="btn" onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
