import { useState } from 'react';
import type { FileProgress } from '../components/ProgressList';
import { useProgress } from './operations';
import { newOperationId } from './vigil';

/**
 * A long operation in the main process that reports progress and can be
 * cancelled: its id while it runs (null otherwise) and the latest progress.
 */
export function useOperation() {
  const [operationId, setOperationId] = useState<string | null>(null);
  const [progress, setProgress] = useState<FileProgress | null>(null);
  useProgress(operationId, (p) =>
    setProgress({ name: p.item ?? '', size: p.total ?? 0, done: p.done, state: 'working' }),
  );
  /** Runs `work` under a new operation id; the progress of an earlier run is forgotten. */
  const start = async <T>(work: (operationId: string) => Promise<T>): Promise<T> => {
    const id = newOperationId();
    setOperationId(id);
    setProgress(null);
    try {
      return await work(id);
    } finally {
      setOperationId(null);
    }
  };
  return { operationId, progress, start };
}
