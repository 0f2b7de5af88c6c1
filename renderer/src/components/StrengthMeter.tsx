import { useTranslation } from 'react-i18next';
import { passphraseStrength } from '../logic/passphraseStrength';

/** The passphrase meter, with the reason and what would make it stronger. */
export function StrengthMeter({ passphrase, id }: { passphrase: string; id: string }) {
  const { t } = useTranslation();
  const strength = passphraseStrength(passphrase);
  return (
    <div id={id} aria-live="polite">
      <div className="meter" data-score={strength.score} aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </div>
      <div className="field-hint">
        <strong>{t(`passphrase.strength.${strength.level}`)}</strong>
        {passphrase.length > 0 && strength.hints.length > 0
          ? ` — ${t(`passphrase.hints.${strength.hints[0]!}`)}`
          : ''}
      </div>
    </div>
  );
}
