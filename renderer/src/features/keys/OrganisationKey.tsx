import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/Field';
import { Form } from '../../components/Form';
import { Status } from '../../components/Status';
import { formatDateTime } from '../../logic/format';
import type { KeyInfo } from '../../lib/types';
import { useTask } from '../../lib/useTask';
import { vigil } from '../../lib/vigil';
import {
  EMPTY_NEW_PASSPHRASE,
  newPassphraseProblem,
  PassphraseFields,
  type NewPassphrase,
} from '../vault/PassphraseFields';
import { Fingerprint } from './Fingerprint';
import { CoreWarnings } from '../../components/CoreWarnings';

/** The organisation's key: generate it, or show it with its fingerprint, export the public part or a backup. */
export function OrganisationKey({
  current,
  onChanged,
  onImport,
}: {
  current: KeyInfo | null;
  onChanged: () => void;
  onImport: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const { busy, error, message, setMessage, run } = useTask<'generate' | 'export' | 'backup'>();
  const [tried, setTried] = useState(false);
  const [backup, setBackup] = useState<NewPassphrase | null>(null);

  if (!current) {
    return (
      <section className="card" aria-labelledby="org-key-heading">
        <h2 id="org-key-heading">{t('keys.orgTitle')}</h2>
        <p>{t('keys.orgNone')}</p>
        <ErrorNotice error={error} />
        <Form
          onSubmit={() => {
            setTried(true);
            if (!name.trim() || !email.trim()) return;
            void run('generate', async () => {
              await vigil.keys.generate({ name: name.trim(), email: email.trim() });
              onChanged();
            });
          }}
        >
          <div className="grid-2">
            <TextField
              label={t('keys.orgName')}
              value={name}
              onChange={setName}
              error={tried && !name.trim() ? t('common.required') : undefined}
            />
            <TextField
              label={t('keys.orgEmail')}
              type="email"
              value={email}
              onChange={setEmail}
              dir="ltr"
              error={tried && !email.trim() ? t('common.required') : undefined}
            />
          </div>
          <Status when={busy}>{t('keys.generating')}</Status>
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('keys.generate')}
            </button>
            <button type="button" className="btn" onClick={onImport}>
              {t('keys.importSecret')}
            </button>
          </div>
        </Form>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="org-key-heading">
      <h2 id="org-key-heading">{t('keys.orgTitle')}</h2>
      <ErrorNotice error={error} />
      <Status when={Boolean(message)} className="notice notice-ok">
        {message}
      </Status>
      <dl className="facts">
        <dt>{t('keys.fingerprint')}</dt>
        <dd>
          <Fingerprint value={current.fingerprint} />
        </dd>
        <dt>{t('keys.userIds')}</dt>
        <dd dir="auto">{current.userIds.join(', ')}</dd>
        <dt>{t('keys.algorithm')}</dt>
        <dd>
          {current.algorithm} (v{current.version})
        </dd>
        <dt>{t('keys.created')}</dt>
        <dd>{formatDateTime(current.created, locale)}</dd>
      </dl>
      <CoreWarnings warnings={current.notices} />
      <p className="field-hint">{t('keys.orgHint')}</p>
      <div className="actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() =>
            void run('export', async () => {
              const saved = await vigil.keys.exportPublic({});
              if (saved.saved) setMessage(t('keys.exported', { name: saved.label ?? '' }));
            })
          }
        >
          {t('keys.exportPublic')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => setBackup(EMPTY_NEW_PASSPHRASE)}
        >
          {t('keys.backup')}
        </button>
      </div>
      {backup ? (
        <Dialog title={t('keys.backupTitle')} onClose={() => setBackup(null)}>
          <p>{t('keys.backupIntro')}</p>
          <Form
            onSubmit={() => {
              if (newPassphraseProblem(backup)) return setBackup({ ...backup });
              const passphrase = backup.passphrase;
              setBackup(null);
              void run('backup', async () => {
                const saved = await vigil.keys.exportSecret({ passphrase });
                if (saved.saved) setMessage(t('keys.exported', { name: saved.label ?? '' }));
              });
            }}
          >
            <PassphraseFields
              value={backup}
              onChange={setBackup}
              showErrors={backup.confirm.length > 0}
              label={t('keys.backupPassphrase')}
            />
            <div className="actions">
              <button type="submit" className="btn btn-primary">
                {t('keys.backupSave')}
              </button>
              <button type="button" className="btn" onClick={() => setBackup(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </Form>
        </Dialog>
      ) : null}
    </section>
  );
}
