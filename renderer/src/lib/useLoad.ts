import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (update: (previous: T | undefined) => T | undefined) => void;
}

/**
 * Runs `load` when `key` changes (and on reload), keeping only the answer to
 * the latest request: a slow answer to an old request never overwrites a
 * newer one. The previous data stays on screen while a reload runs.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [round, setRound] = useState(0);
  const request = `${key}#${round}`;
  const [state, setState] = useState<{
    request: string | null;
    data: T | undefined;
    error: unknown;
  }>({ request: null, data: undefined, error: undefined });
  const loadRef = useRef(load);
  // Declared before the loading effect, so it always runs first with the latest function.
  useEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    let live = true;
    loadRef.current().then(
      (data) => live && setState({ request, data, error: undefined }),
      (error: unknown) => live && setState((s) => ({ request, data: s.data, error })),
    );
    return () => {
      live = false;
    };
  }, [request]);
  const loading = state.request !== request;
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const setData = useCallback(
    (update: (previous: T | undefined) => T | undefined) =>
      setState((s) => ({ ...s, data: update(s.data) })),
    [],
  );
  return { data: state.data, error: loading ? undefined : state.error, loading, reload, setData };
}
