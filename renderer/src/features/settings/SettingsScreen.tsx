import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Form } from '../../components/Form';
import { LanguagePicker } from '../../components/LanguagePicker';
import { Loading } from '../../components/Loading';
import { Status } from '../../components/Status';
import { formatDateTime, formatNumber } from '../../logic/format';
import type { CheckReport } from '../../lib/types';
import { useLoad } from '../../lib/useLoad';
import { vigil } from '../../lib/vigil';
import { BackupSettings } from './BackupSettings';
import { ChangePassphrase } from './ChangePassphrase';
import { NewRecoveryKey } from './NewRecoveryKey';
import { OrganisationProfile } from './OrganisationProfile';
import { PrivacySettings } from './PrivacySettings';

/** Language, auto-lock, the key derivation, the passphrase, recovery, and a full check of the vault. */
export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const settings = useLoad(() => vigil.settings.get(), 'settings');
  const info = useLoad(() => vigil.vault.info(), 'vault-info');
  const [minutes, setMinutes] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [check, setCheck] = useState<CheckReport | 'running' | null>(null);
  const shownMinutes = minutes ?? String(settings.data?.autoLockMinutes ?? '');
  const minutesValue = Number(shownMinutes);
  const minutesValid = Number.isInteger(minutesValue) && minutesValue >= 1 && minutesValue <= 240;

  const saveMinutes = async () => {
    if (!minutesValid) return;
    setError(null);
    try {
      await vigil.settings.set({ autoLockMinutes: minutesValue });
      setSaved(true);
      settings.reload();
    } catch (e) {
      setError(e);
    }
  };
  const runCheck = async () => {
    setCheck('running');
    try {
      setCheck(await vigil.vault.check());
    } catch (e) {
      setCheck(null);
      setError(e);
    }
  };

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('settings.title')}</h1>
      </div>
      <ErrorNotice error={error ?? settings.error} />
      <section className="card" aria-labelledby="language-heading">
        <h2 id="language-heading">{t('settings.languageTitle')}</h2>
        <LanguagePicker />
      </section>
      <OrganisationProfile />
      <section className="card" aria-labelledby="autolock-heading">
        <h2 id="autolock-heading">{t('settings.autoLockTitle')}</h2>
        <p className="field-hint">{t('settings.autoLockHint')}</p>
        <Form onSubmit={saveMinutes}>
          <div className="field inline-field">
            <label htmlFor="auto-lock">{t('settings.autoLockMinutes')}</label>
            <input
              id="auto-lock"
              type="number"
              min={1}
              max={240}
              value={shownMinutes}
              aria-invalid={!minutesValid && shownMinutes !== '' ? true : undefined}
              onChange={(e) => {
                setSaved(false);
                setMinutes(e.target.value);
              }}
            />
            {!minutesValid && shownMinutes !== '' ? (
              <span className="field-error">{t('settings.autoLockRange')}</span>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={!minutesValid}>
              {t('common.save')}
            </button>
            <Status when={saved} inline>
              {t('common.saved')}
            </Status>
          </div>
        </Form>
        <p className="field-hint">{t('nav.panicHint')}</p>
      </section>
      {settings.data ? (
        <PrivacySettings settings={settings.data} onSaved={settings.reload} />
      ) : null}
      <section className="card" aria-labelledby="vault-heading">
        <h2 id="vault-heading">{t('settings.vaultTitle')}</h2>
        {info.loading && !info.data ? <Loading /> : null}
        {info.data ? (
          <dl className="facts">
            <dt>{t('settings.created')}</dt>
            <dd>{formatDateTime(info.data.createdAt, locale)}</dd>
            <dt>{t('settings.kdf')}</dt>
            <dd>
              {t('settings.kdfValue', {
                alg: info.data.kdf.alg,
                memory: formatNumber(info.data.kdf.memoryMiB, locale),
                iterations: formatNumber(info.data.kdf.iterations, locale),
              })}
            </dd>
          </dl>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="btn"
            disabled={check === 'running'}
            onClick={() => void runCheck()}
          >
            {t('settings.check')}
          </button>
          <Status when={check === 'running'} inline>
            {t('settings.checking')}
          </Status>
        </div>
        {check && check !== 'running' ? (
          <div className={`notice ${check.ok ? 'notice-ok' : 'notice-error'}`} role="status">
            <div className="notice-title">
              {check.ok ? t('settings.checkOk') : t('settings.checkBad')}
            </div>
            <ul>
              {check.items.map((item) => (
                <li key={item.name} data-check={item.code}>
                  {t('settings.checkItem', {
                    check: t(`settings.checks.${item.code}`),
                    result: item.ok
                      ? t('settings.itemOk')
                      : t('settings.itemProblems', { count: item.problems.length }),
                  })}
                  {item.notes?.length ? (
                    <> {t('settings.itemNotes', { count: item.notes.length })}</>
                  ) : null}
                  {item.problems.length > 0 || item.notes?.length ? (
                    // The core's own sentences (record ids, file names), for whoever repairs the vault.
                    <details>
                      <summary>{t('errors.details')}</summary>
                      <ul dir="ltr" lang="en">
                        {[...item.problems, ...(item.notes ?? [])].map((line, i) => (
                          <li key={i}>{line}</li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <BackupSettings />
      <ChangePassphrase onChanged={info.reload} />
      <NewRecoveryKey />
    </>
  );
}
