import { useCallback, useState } from 'react';

export type Work = () => Promise<void>;

/**
 * One piece of work at a time behind a screen's buttons: which one runs (to
 * disable the buttons and say what is happening), and how the last one ended
 * (its error, or a message it left). Starting again clears both.
 */
export function useTask<K extends string = string>() {
  const [running, setRunning] = useState<K | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const run = useCallback(async (what: K, work: Work): Promise<void> => {
    setRunning(what);
    setError(null);
    setMessage(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setRunning(null);
    }
  }, []);
  return { running, busy: running !== null, error, setError, message, setMessage, run };
}
