import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Gate } from '../../components/Gate';
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
      {recent.length > 0 ? (
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">{t('welcome.recent')}</h2>
          <ul className="recent-list">
            {recent.map((vault) => (
              <li key={vault.locationId}>
                <button type="button" className="btn" onClick={() => onChoose(vault)} dir="auto">
                  {vault.label}
                </button>
              </li>
            ))}
          </ul>
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
