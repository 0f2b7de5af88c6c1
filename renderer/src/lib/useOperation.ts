import { useState } from 'react';
import type { FileProgress } from '../components/ProgressList';
import { runActivity, useActivities, type ActivityKind, type ActivityOutcome } from './activity';

/**
 * A long operation in the main process that reports progress and can be
 * cancelled, run as an activity (so it goes on, and reports, when the user
 * leaves the screen): its id while it runs (null otherwise) and its progress.
 */
export function useOperation(kind: ActivityKind) {
  const [operationId, setOperationId] = useState<string | null>(null);
  const running = useActivities().find((a) => a.id === operationId && a.state === 'running');
  const progress: FileProgress | null = running?.files[0] ?? null;
  /** Runs `work` under a new operation id; `outcome` says what the activity area reports. */
  const start = async <T>(
    work: (operationId: string) => Promise<T>,
    outcome: (value: T) => ActivityOutcome | null,
  ): Promise<T> => {
    try {
      return await runActivity(kind, { outcome }, (id) => {
        setOperationId(id);
        return work(id);
      });
    } finally {
      setOperationId(null);
    }
  };
  return { operationId, progress, start };
}
