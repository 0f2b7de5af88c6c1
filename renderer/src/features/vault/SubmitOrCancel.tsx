import { useTranslation } from 'react-i18next';

/** A vault form's way forward or back; both wait while the vault is being changed. */
export function SubmitOrCancel({
  submitLabel,
  busy,
  onCancel,
}: {
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {submitLabel}
      </button>
      <button type="button" className="btn" onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
