import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../logic/format';
import type { KeyInfo } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { vigil } from '../../lib/vigil';
import { Fingerprint } from './Fingerprint';
import { ImportKeyDialog } from './ImportKeyDialog';
import { OrganisationKey } from './OrganisationKey';
import { useIsolatedT } from '../../i18n/isolate';
import { CoreWarnings } from '../../components/CoreWarnings';

/** The organisation's key and partners' keys, with their trust. */
export function KeysScreen() {
  const { t, i18n } = useTranslation();
  const ti = useIsolatedT();
  const locale = i18n.resolvedLanguage ?? 'en';
  const keys = useLoad(() => vigil.keys.list(), 'keys');
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const organisation = keys.data?.find((k) => k.kind === 'organisation' && k.active) ?? null;
  const partners = keys.data?.filter((k) => k.kind === 'partner') ?? [];

  const setTrust = async (key: KeyInfo, trusted: boolean) => {
    setError(null);
    try {
      await vigil.keys.setTrust({ fingerprint: key.fingerprint, trusted });
      keys.reload();
    } catch (e) {
      setError(e);
    }
  };
  const exportKey = async (key: KeyInfo) => {
    setError(null);
    try {
      await vigil.keys.exportPublic({ fingerprint: key.fingerprint });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('keys.title')}</h1>
      </div>
      <ErrorNotice error={keys.error ?? error} />
      {keys.loading && !keys.data ? <Loading /> : null}
      {keys.data ? (
        <OrganisationKey
          current={organisation}
          onChanged={keys.reload}
          onImport={() => setImporting(true)}
        />
      ) : null}
      <section aria-labelledby="partners-heading">
        <div className="tab-head">
          <h2 id="partners-heading">{t('keys.partnersTitle')}</h2>
          <button type="button" className="btn btn-primary" onClick={() => setImporting(true)}>
            {t('keys.importPartner')}
          </button>
        </div>
        <p className="field-hint">{t('keys.partnersHint')}</p>
        {keys.data && partners.length === 0 ? (
          <p className="empty">{t('keys.noPartners')}</p>
        ) : null}
        <ul className="record-list">
          {partners.map((key) => (
            <li key={key.fingerprint} className="card">
              <div className="card-head">
                <div>
                  <h3 dir="auto">{key.userIds[0] ?? key.fingerprint}</h3>
                  <span className={`badge ${key.trusted ? 'badge-ok' : 'badge-warn'}`}>
                    {key.trusted ? t('keys.trusted') : t('keys.untrusted')}
                  </span>{' '}
                  {key.revoked ? (
                    <span className="badge badge-risk">{t('keys.revoked')}</span>
                  ) : null}
                  {key.expired ? (
                    <span className="badge badge-risk">{t('keys.expired')}</span>
                  ) : null}
                </div>
                <div className="actions">
                  {key.trusted ? (
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => void setTrust(key, false)}
                    >
                      {t('keys.untrust')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="btn btn-small btn-primary"
                      onClick={() => void setTrust(key, true)}
                    >
                      {t('keys.trust')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => void exportKey(key)}
                  >
                    {t('keys.exportPartner')}
                  </button>
                </div>
              </div>
              <Fingerprint value={key.fingerprint} />
              <p className="muted small">
                {ti('keys.importedAt', { when: formatDateTime(key.importedAt, locale) })}
                {key.trustedBy && key.trustedAt ? (
                  <>
                    {' · '}
                    {ti('keys.trustedBy', {
                      who: key.trustedBy,
                      when: formatDateTime(key.trustedAt, locale),
                    })}
                  </>
                ) : null}
              </p>
              <CoreWarnings warnings={key.notices} />
            </li>
          ))}
        </ul>
      </section>
      {importing ? (
        <ImportKeyDialog onClose={() => setImporting(false)} onImported={keys.reload} />
      ) : null}
    </>
  );
}
