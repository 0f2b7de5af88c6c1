import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KdfPreset } from '../../../../shared/vault';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Form } from '../../components/Form';
import { Gate } from '../../components/Gate';
import { Status } from '../../components/Status';
import type { VaultLocation } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';
import { vigil } from '../../lib/vigil';
import { KdfChoice } from './KdfChoice';
import {
  EMPTY_NEW_PASSPHRASE,
  newPassphraseProblem,
  PassphraseFields,
  type NewPassphrase,
} from './PassphraseFields';
import { SubmitOrCancel } from './SubmitOrCancel';

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
  const { tried, busy, error, setError, submit } = useSubmit();

  const choose = async () => {
    setError(null);
    try {
      const chosen = await vigil.vault.chooseNewLocation();
      if (chosen) setLocation(chosen);
    } catch (e) {
      setError(e);
    }
  };

  const create = () =>
    submit(() =>
      location && !newPassphraseProblem(passphrase)
        ? async () => {
            const created = await vigil.vault.create({
              locationId: location.locationId,
              passphrase: passphrase.passphrase,
              kdf,
            });
            setPassphrase(EMPTY_NEW_PASSPHRASE);
            onCreated(location, created.recoveryKey);
          }
        : null,
    );

  return (
    <Gate title={t('create.title')}>
      <p>{t('create.intro')}</p>
      <ErrorNotice error={error} />
      <Form onSubmit={create}>
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
        <Status when={busy} className="notice">
          {t('create.working')}
        </Status>
        <SubmitOrCancel submitLabel={t('create.submit')} busy={busy} onCancel={onCancel} />
      </Form>
    </Gate>
  );
}
