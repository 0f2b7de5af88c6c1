import { useTranslation } from 'react-i18next';
import type { SaveState } from '../../lib/useAutosave';

/** The save-now button of a form saved as typed, and where its saving stands. */
export function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <button type="submit" className="btn" disabled={state === 'saving'}>
        {t('submission.save')}
      </button>
      <span className="muted" role="status" data-testid="submission-state">
        {state === 'idle' ? '' : t(`submission.state.${state}`)}
      </span>
    </div>
  );
}
