import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/routes';
import { Checkbox, RadioGroup } from '../../components/Field';
import { Loading } from '../../components/Loading';
import type { KeyInfo } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { vigil } from '../../lib/vigil';
import { Fingerprint } from '../keys/Fingerprint';
import { useIsolatedT } from '../../i18n/isolate';
import { CoreWarnings } from '../../components/CoreWarnings';

/** Who signs (the organisation's key), and where the dossier goes: a folder for a body, or an encrypted bundle for partners. */
export function SigningStep({
  forPartners,
  target,
  recipients,
  onTarget,
  onRecipients,
}: {
  forPartners: boolean;
  target: 'directory' | 'bundle';
  recipients: string[];
  onTarget: (target: 'directory' | 'bundle') => void;
  onRecipients: (recipients: string[]) => void;
}) {
  const { t } = useTranslation();
  const ti = useIsolatedT();
  const { navigate } = useNavigation();
  const keys = useLoad(() => vigil.keys.list(), 'keys');
  if (!keys.data) return <Loading />;
  const signer = keys.data.find((k) => k.kind === 'organisation' && k.active) ?? null;
  const candidates = keys.data.filter(
    (k: KeyInfo) =>
      k.canEncrypt && !k.revoked && !k.expired && (k.kind === 'organisation' || k.trusted),
  );
  return (
    <section aria-labelledby="signing-heading">
      <h2 id="signing-heading">{t('export.signingTitle')}</h2>
      {signer ? (
        <div className="card">
          <p>{ti('export.signedBy', { name: signer.userIds[0] ?? '' })}</p>
          <Fingerprint value={signer.fingerprint} />
        </div>
      ) : (
        <div className="notice notice-warn">
          {t('export.noSigner')}{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'keys' })}>
            {t('export.goToKeys')}
          </button>
        </div>
      )}
      <RadioGroup
        legend={t('export.target')}
        name="target"
        value={target}
        onChange={onTarget}
        options={[
          {
            value: 'directory',
            label: t('export.targetDirectory'),
            hint: t('export.targetDirectoryHint'),
          },
          { value: 'bundle', label: t('export.targetBundle'), hint: t('export.targetBundleHint') },
        ]}
      />
      {target === 'bundle' && !forPartners ? (
        <p className="notice notice-warn" role="status">
          {t('export.bundleNotForPartners')}
        </p>
      ) : null}
      {target === 'bundle' ? (
        <fieldset>
          <legend>{t('export.recipients')}</legend>
          {candidates.length === 0 ? <p className="empty">{t('export.noRecipients')}</p> : null}
          {candidates.map((key) => (
            <div key={key.fingerprint} className="recipient">
              <Checkbox
                label={`${key.userIds[0] ?? key.fingerprint}${key.kind === 'organisation' ? ` (${t('keys.kind.organisation')})` : ''}`}
                checked={recipients.includes(key.fingerprint)}
                onChange={(on) =>
                  onRecipients(
                    on
                      ? [...recipients, key.fingerprint]
                      : recipients.filter((f) => f !== key.fingerprint),
                  )
                }
              />
              <Fingerprint value={key.fingerprint} />
              <CoreWarnings warnings={key.notices} />
            </div>
          ))}
        </fieldset>
      ) : null}
    </section>
  );
}
