import { useState } from 'react';

type ListMode = { name: 'list' };

/**
 * What a case tab shows (its list, an editor, a question about one record)
 * and the changes made from the list, which reload it or say why they failed.
 */
export function useRecordTab<Mode extends { name: string }>(reload: () => void) {
  const [mode, setMode] = useState<Mode | ListMode>({ name: 'list' });
  const [error, setError] = useState<unknown>(null);
  const toList = () => setMode({ name: 'list' });
  /** Back from an editor or dialog that may have changed the list. */
  const back = () => {
    toList();
    reload();
  };
  /** Closes the question and makes the change it asked about. */
  const act = async (change: () => Promise<unknown>) => {
    toList();
    try {
      await change();
      reload();
    } catch (e) {
      setError(e);
    }
  };
  return { mode, setMode, error, setError, toList, back, act };
}

/**
 * Opens the record a link pointed to (from search or the timeline) once the
 * list has arrived. Only once: going back shows the list.
 */
export function useOpenLinked<R extends { id: string }>(
  recordId: string | undefined,
  records: readonly R[] | undefined,
  open: (record: R) => void,
): void {
  const [opened, setOpened] = useState(false);
  if (!opened && recordId && records) {
    const found = records.find((r) => r.id === recordId);
    setOpened(true);
    if (found) open(found);
  }
}
