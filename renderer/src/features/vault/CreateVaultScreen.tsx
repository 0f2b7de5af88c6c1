import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KdfPreset } from '../../../../shared/vault';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { VaultLocation } from '../../lib/types';
import { vigil } from '../../lib/vigil';
import { KdfChoice } from './KdfChoice';
import {
  EMPTY_NEW_PASSPHRASE,
  newPassphraseProblem,
  PassphraseFields,
  type NewPassphrase,
} from './PassphraseFields';

/** A new vault: where, the passphrase, how hard the key is to derive. */
export function CreateVaultScreen({
  onCreated,
  onCancel,
}: {
  onCreated: (location: VaultLocation, recoveryKey: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [location, setLocation] = useState<VaultLocation | null>(null);
  const [passphrase, setPassphrase] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE);
  const [kdf, setKdf] = useState<KdfPreset>('standard');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const choose = async () => {
    setError(null);
    try {
      const chosen = await vigil.vault.chooseNewLocation();
      if (chosen) setLocation(chosen);
    } catch (e) {
      setError(e);
    }
  };

  const create = async () => {
    setTried(true);
    if (!location || newPassphraseProblem(passphrase)) return;
    setBusy(true);
    setError(null);
    try {
      const created = await vigil.vault.create({
        locationId: location.locationId,
        passphrase: passphrase.passphrase,
        kdf,
      });
      setPassphrase(EMPTY_NEW_PASSPHRASE);
      onCreated(location, created.recoveryKey);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  return (
    <main className="gate">
      <div className="gate-card">
        <h1 tabIndex={-1}>{t('create.title')}</h1>
        <p>{t('create.intro')}</p>
        <ErrorNotice error={error} />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <fieldset>
            <legend>{t('create.where')}</legend>
            <p className="field-hint">{t('create.whereHint')}</p>
            {location ? (
              <p>
                {t('create.chosen')} <strong dir="auto">{location.label}</strong>
              </p>
            ) : tried ? (
              <p className="field-error">{t('create.noFolder')}</p>
            ) : null}
            <button type="button" className="btn" onClick={() => void choose()}>
              {location ? t('create.chooseAgain') : t('create.choose')}
            </button>
            <p />
          </fieldset>
          <PassphraseFields value={passphrase} onChange={setPassphrase} showErrors={tried} />
          <KdfChoice value={kdf} onChange={setKdf} />
          {busy ? (
            <p role="status" className="notice">
              {t('create.working')}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('create.submit')}
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
