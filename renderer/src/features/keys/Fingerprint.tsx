import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton';
import { groupFingerprint } from '../../logic/format';

/** A fingerprint in groups of four, left to right in every language, to compare by eye or read aloud. */
export function Fingerprint({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <span className="fingerprint-line">
      <code
        className="fingerprint mono"
        aria-label={t('keys.fingerprintLabel')}
        data-testid="fingerprint"
      >
        {groupFingerprint(value).map((group, i) => (
          <span key={i}>{group}</span>
        ))}
      </code>{' '}
      <CopyButton value={value} label={t('keys.copyFingerprint')} />
    </span>
  );
}
