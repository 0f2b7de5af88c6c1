import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Form } from '../../components/Form';
import { Gate } from '../../components/Gate';
import { Status } from '../../components/Status';
import type { VaultLocation } from '../../lib/types';
import { useSubmit } from '../../lib/useSubmit';
import { vigil } from '../../lib/vigil';
import {
  EMPTY_NEW_PASSPHRASE,
  newPassphraseProblem,
  PassphraseFields,
  type NewPassphrase,
} from './PassphraseFields';
import { SubmitOrCancel } from './SubmitOrCancel';

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
  const { tried, busy, error, submit } = useSubmit();

  const recover = () =>
    submit(() =>
      recoveryKey.trim() && !newPassphraseProblem(passphrase)
        ? async () => {
            await vigil.vault.recover({
              locationId: location.locationId,
              recoveryKey,
              newPassphrase: passphrase.passphrase,
            });
            setRecoveryKey('');
            setPassphrase(EMPTY_NEW_PASSPHRASE);
            onDone();
          }
        : null,
    );

  return (
    <Gate title={t('recover.title')}>
      <p>{t('recover.intro')}</p>
      <p>
        {t('unlock.vault')} <strong dir="auto">{location.label}</strong>
      </p>
      <ErrorNotice error={error} />
      <Form onSubmit={recover}>
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
        <Status when={busy}>{t('recover.working')}</Status>
        <SubmitOrCancel submitLabel={t('recover.submit')} busy={busy} onCancel={onCancel} />
      </Form>
    </Gate>
  );
}
