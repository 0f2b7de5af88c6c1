import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Form } from '../../components/Form';
import { Status } from '../../components/Status';
import type { Settings } from '../../lib/types';
import { vigil } from '../../lib/vigil';

/**
 * The choices for a computer others may see or use: lock when the window is
 * minimised or hidden, no vault name on the screens before unlocking, and how
 * long what Vigil copied stays on the clipboard. Settings of the app, not
 * vault data: they hold nothing from a case.
 */
export function PrivacySettings({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [seconds, setSeconds] = useState<string | null>(null);
  // The boxes show the choice at once; a refused save puts them back.
  const [choices, setChoices] = useState({
    lockOnHide: settings.lockOnHide,
    hideVaultNames: settings.hideVaultNames,
  });
  const choose = (change: Partial<typeof choices>) => {
    const before = choices;
    setChoices({ ...choices, ...change });
    void save(change).then((ok) => {
      if (!ok) setChoices(before);
    });
  };
  const shownSeconds = seconds ?? String(settings.clipboardSeconds);
  const secondsValue = Number(shownSeconds);
  const secondsValid = Number.isInteger(secondsValue) && secondsValue >= 5 && secondsValue <= 600;

  const save = async (change: Parameters<typeof vigil.settings.set>[0]): Promise<boolean> => {
    setError(null);
    setSaved(false);
    try {
      await vigil.settings.set(change);
      setSaved(true);
      onSaved();
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };

  return (
    <section className="card" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t('settings.privacyTitle')}</h2>
      <p className="field-hint">{t('settings.privacyHint')}</p>
      <ErrorNotice error={error} />
      <div className="choice">
        <input
          id="lock-on-hide"
          type="checkbox"
          checked={choices.lockOnHide}
          onChange={(e) => choose({ lockOnHide: e.target.checked })}
        />
        <label htmlFor="lock-on-hide">{t('settings.lockOnHide')}</label>
      </div>
      <div className="choice">
        <input
          id="hide-vault-names"
          type="checkbox"
          checked={choices.hideVaultNames}
          onChange={(e) => choose({ hideVaultNames: e.target.checked })}
        />
        <label htmlFor="hide-vault-names">{t('settings.hideVaultNames')}</label>
      </div>
      <Form onSubmit={() => save({ clipboardSeconds: secondsValue })}>
        <div className="field inline-field">
          <label htmlFor="clipboard-seconds">{t('settings.clipboardSeconds')}</label>
          <input
            id="clipboard-seconds"
            type="number"
            inputMode="numeric"
            min={5}
            max={600}
            value={shownSeconds}
            aria-invalid={!secondsValid ? true : undefined}
            aria-describedby={!secondsValid ? 'clipboard-seconds-error' : undefined}
            onChange={(e) => {
              setSaved(false);
              setSeconds(e.target.value);
            }}
          />
          {!secondsValid ? (
            <span id="clipboard-seconds-error" className="field-error">
              {t('settings.clipboardRange')}
            </span>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={!secondsValid}>
            {t('common.save')}
          </button>
          <Status when={saved} inline>
            {t('common.saved')}
          </Status>
        </div>
      </Form>
    </section>
  );
}
