import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { vigil } from '../lib/vigil';
import { ProgressList, type FileProgress } from './ProgressList';

/**
 * A long operation's controls: while it runs, that it is working, its
 * progress and a cancel button; otherwise the button that starts it.
 */
export function OperationControls({
  operationId,
  progress,
  workingLabel,
  progressLabel,
  children,
}: {
  operationId: string | null;
  progress: FileProgress | null;
  workingLabel: string;
  progressLabel: string;
  /** The start button, shown when nothing runs. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {operationId ? (
        <>
          <p role="status">{workingLabel}</p>
          {progress ? <ProgressList files={[progress]} label={progressLabel} /> : null}
        </>
      ) : null}
      <div className="actions">
        {operationId ? (
          <button
            type="button"
            className="btn btn-danger"
            // Best effort: an operation that has just ended has nothing left to cancel.
            onClick={() => void vigil.operations.cancel({ operationId }).catch(() => undefined)}
          >
            {t('common.cancel')}
          </button>
        ) : (
          children
        )}
      </div>
    </>
  );
}
