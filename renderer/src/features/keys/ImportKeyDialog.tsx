import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { KeyInfo } from '../../lib/types';
import { isUiError, vigil } from '../../lib/vigil';
import { Fingerprint } from './Fingerprint';

/**
 * Import a key file. Partner keys arrive untrusted: the user is shown the
 * fingerprint to compare with the partner (by phone, in person) before
 * trusting it. A protected secret key asks for its passphrase.
 */
export function ImportKeyDialog({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ fileId: string; name: string } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [wrongPassphrase, setWrongPassphrase] = useState(false);
  const [imported, setImported] = useState<{ key: KeyInfo; status: string }[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const choose = async () => {
    setError(null);
    try {
      const chosen = await vigil.keys.chooseFile();
      if (chosen) setFile(chosen);
    } catch (e) {
      setError(e);
    }
  };
  const importFile = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setImported(
        await vigil.keys.importFile({
          fileId: file.fileId,
          trust: false,
          ...(passphrase ? { passphrase } : {}),
        }),
      );
      setPassphrase('');
      onImported();
    } catch (e) {
      setWrongPassphrase(isUiError(e) && e.code === 'WRONG_PASSPHRASE');
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const trust = async (key: KeyInfo) => {
    try {
      const updated = await vigil.keys.setTrust({ fingerprint: key.fingerprint, trusted: true });
      setImported(
        (list) =>
          list?.map((entry) =>
            entry.key.fingerprint === key.fingerprint ? { ...entry, key: updated } : entry,
          ) ?? null,
      );
      onImported();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Dialog title={t('keys.importTitle')} onClose={onClose}>
      <ErrorNotice error={error} />
      {imported ? (
        <>
          {imported.map(({ key, status }) => (
            <div key={key.fingerprint} className="card">
              <p>
                <strong dir="auto">{key.userIds.join(', ')}</strong>{' '}
                <span className="badge">{t(`keys.status.${status as 'new'}`)}</span>
              </p>
              <Fingerprint value={key.fingerprint} />
              {key.kind === 'partner' && !key.trusted ? (
                <>
                  <p className="notice notice-warn">{t('keys.compare')}</p>
                  <button type="button" className="btn btn-primary" onClick={() => void trust(key)}>
                    {t('keys.trustAfterCompare')}
                  </button>
                </>
              ) : (
                <p className="badge badge-ok">
                  {key.kind === 'organisation' ? t('keys.kind.organisation') : t('keys.trusted')}
                </p>
              )}
            </div>
          ))}
          <div className="actions">
            <button type="button" className="btn" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{t('keys.importIntro')}</p>
          {file ? (
            <p>
              {t('keys.chosenFile')} <strong dir="auto">{file.name}</strong>
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="key-passphrase">{t('keys.keyPassphrase')}</label>
            <span className="field-hint" id="key-passphrase-hint">
              {t('keys.keyPassphraseHint')}
            </span>
            <input
              id="key-passphrase"
              type="password"
              value={passphrase}
              autoComplete="off"
              aria-describedby="key-passphrase-hint"
              aria-invalid={wrongPassphrase ? true : undefined}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </div>
          <div className="actions">
            <button type="button" className="btn" onClick={() => void choose()}>
              {file ? t('keys.chooseAgain') : t('keys.chooseFile')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!file || busy}
              onClick={() => void importFile()}
            >
              {t('keys.import')}
            </button>
            <button type="button" className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
