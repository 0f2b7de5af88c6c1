import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KdfPreset } from '../../../../shared/vault';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Form } from '../../components/Form';
import { Status } from '../../components/Status';
import { useSubmit } from '../../lib/useSubmit';
import { vigil } from '../../lib/vigil';
import { KdfChoice } from '../vault/KdfChoice';
import {
  EMPTY_NEW_PASSPHRASE,
  newPassphraseProblem,
  PassphraseFields,
  type NewPassphrase,
} from '../vault/PassphraseFields';

/** A new passphrase (and optionally a stronger key derivation); the vault is rewrapped, not re-encrypted. */
export function ChangePassphrase({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE);
  const [kdf, setKdf] = useState<KdfPreset>('standard');
  const { tried, setTried, busy, error, submit } = useSubmit();
  const [done, setDone] = useState(false);

  const change = () =>
    submit(() => {
      setDone(false);
      if (!current || newPassphraseProblem(next)) return null;
      return async () => {
        await vigil.vault.changePassphrase({ current, next: next.passphrase, kdf });
        setCurrent('');
        setNext(EMPTY_NEW_PASSPHRASE);
        setTried(false);
        setDone(true);
        onChanged();
      };
    });

  return (
    <section className="card" aria-labelledby="passphrase-heading">
      <h2 id="passphrase-heading">{t('settings.passphraseTitle')}</h2>
      <p className="field-hint">{t('settings.passphraseHint')}</p>
      <ErrorNotice error={error} />
      <Status when={done} className="notice notice-ok">
        {t('settings.passphraseChanged')}
      </Status>
      <Form onSubmit={change}>
        <div className="field">
          <label htmlFor="current-passphrase">{t('settings.currentPassphrase')}</label>
          <input
            id="current-passphrase"
            type="password"
            autoComplete="current-password"
            value={current}
            aria-invalid={tried && !current ? true : undefined}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </div>
        <PassphraseFields value={next} onChange={setNext} showErrors={tried} />
        <KdfChoice value={kdf} onChange={setKdf} />
        <Status when={busy}>{t('settings.changing')}</Status>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('settings.changePassphrase')}
          </button>
        </div>
      </Form>
    </section>
  );
}
