import { useCallback, useState } from 'react';
import { useTask, type Work } from './useTask';

/**
 * A form's submit: the first attempt turns on its error messages (`tried`),
 * and it saves only what passes its checks. A failed save leaves every field
 * as it was and shows why.
 */
export function useSubmit() {
  const [tried, setTried] = useState(false);
  const { busy, error, setError, run } = useTask<'save'>();
  /** `check` returns the save to run, or null when the form is not ready (nothing is sent). */
  const submit = useCallback(
    (check: () => Work | null) => {
      setTried(true);
      const save = check();
      if (save) void run('save', save);
    },
    [run],
  );
  return { tried, setTried, busy, error, setError, submit };
}
