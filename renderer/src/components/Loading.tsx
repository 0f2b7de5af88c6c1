import { useTranslation } from 'react-i18next';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}
