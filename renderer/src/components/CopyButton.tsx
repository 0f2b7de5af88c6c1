import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vigil } from '../lib/vigil';

/**
 * Copies a value (a hash, a fingerprint) to the clipboard and says so. Main
 * does the copying, so that it can clear the clipboard after the delay set in
 * Settings (and at once on lock) if it still holds this value.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<{ seconds: number } | 'no' | null>(null);
  const copy = async () => {
    try {
      const { clearsInSeconds } = await vigil.clipboard.copy({ text: value });
      setCopied({ seconds: clearsInSeconds });
    } catch {
      setCopied('no');
    }
  };
  return (
    <span>
      <button type="button" className="btn btn-small" onClick={() => void copy()}>
        {t('common.copy')}
        <span className="visually-hidden">: {label}</span>
      </button>
      <span role="status" className="muted">
        {copied === 'no'
          ? ` ${t('common.copyFailed')}`
          : copied
            ? ` ${t('common.copiedClears', { seconds: copied.seconds })}`
            : ''}
      </span>
    </span>
  );
}
