import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vigil } from '../lib/vigil';
import { ErrorNotice } from './ErrorNotice';

/**
 * Opens the system's file manager at what main has just written. The page
 * holds only main's reference to it: main opens the path it chose itself.
 */
export function ShowInFolder({ outputId, context }: { outputId: string; context?: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const show = async () => {
    setError(null);
    try {
      await vigil.app.showInFolder({ outputId });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <button type="button" className="btn btn-small" onClick={() => void show()}>
        {t('common.showInFolder')}
        {context ? <span className="visually-hidden">: {context}</span> : null}
      </button>
      <ErrorNotice error={error} />
    </>
  );
}
