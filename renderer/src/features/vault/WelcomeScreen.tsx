import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Gate } from '../../components/Gate';
import { Status } from '../../components/Status';
import { useLoad } from '../../lib/useLoad';
import type { VaultLocation } from '../../lib/types';
import { vigil } from '../../lib/vigil';

/** Open a recent vault, another one, or create one. */
export function WelcomeScreen({
  onChoose,
  onCreate,
}: {
  onChoose: (location: VaultLocation) => void;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  const info = useLoad(() => vigil.app.info(), 'app');
  const [error, setError] = useState<unknown>(null);
  const [forgotten, setForgotten] = useState(false);
  // Only the list in the settings changes: the vault's folder is never touched.
  const forget = async (locationId?: string) => {
    setError(null);
    try {
      await vigil.app.forgetRecent(locationId === undefined ? {} : { locationId });
      setForgotten(true);
      info.reload();
    } catch (e) {
      setError(e);
    }
  };
  const openOther = async () => {
    setError(null);
    try {
      const chosen = await vigil.vault.chooseExisting();
      if (chosen) onChoose(chosen);
    } catch (e) {
      setError(e);
    }
  };
  const recent = info.data?.recentVaults ?? [];
  return (
    <Gate title={t('welcome.title')} languagePicker>
      <p>{t('welcome.intro')}</p>
      <ErrorNotice error={error ?? info.error} />
      <Status when={forgotten} className="notice notice-ok">
        {t('welcome.forgotten')}
      </Status>
      {recent.length > 0 ? (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('welcome.recent')}</h2>
          <ul className="recent-list">
            {recent.map((vault, index) => {
              // With vault names hidden (Settings), a vault is only its place in the list.
              const name = vault.label || t('welcome.recentHidden', { number: index + 1 });
              return (
                <li key={vault.locationId}>
                  <button type="button" className="btn" onClick={() => onChoose(vault)} dir="auto">
                    {name}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => void forget(vault.locationId)}
                  >
                    {t('welcome.forget')}
                    <span className="visually-hidden">: {name}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="link-button" onClick={() => void forget()}>
            {t('welcome.forgetAll')}
          </button>
        </section>
      ) : null}
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={onCreate}>
          {t('welcome.create')}
        </button>
        <button type="button" className="btn" onClick={() => void openOther()}>
          {t('welcome.openOther')}
        </button>
      </div>
    </Gate>
  );
}
