import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies a value (a hash, a fingerprint) to the clipboard and says so. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
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
        {copied === 'yes'
          ? ` ${t('common.copied')}`
          : copied === 'no'
            ? ` ${t('common.copyFailed')}`
            : ''}
      </span>
    </span>
  );
}
