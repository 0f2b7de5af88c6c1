import { useEffect, useRef } from 'react';
import type { EventPayload } from '../../../shared/ipc/contract';
import { vigil } from './vigil';

export type Progress = EventPayload<'progress'>;

/** Calls `listener` with the progress events of one operation while it runs. */
export function useProgress(
  operationId: string | null,
  listener: (progress: Progress) => void,
): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!operationId) return;
    return vigil.on('progress', (progress) => {
      if (progress.operationId === operationId) latest.current(progress);
    });
  }, [operationId]);
}
