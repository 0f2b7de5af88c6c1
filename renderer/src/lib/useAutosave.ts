import { useCallback, useEffect, useRef, useState } from 'react';
import { hasDraft, useDraft } from './drafts';

/** How long after the last change the text is saved. */
const SAVE_AFTER_MS = 800;

export type SaveState = 'idle' | 'unsaved' | 'saving' | 'saved' | 'failed';

/**
 * Text saved as it is typed (the arguments of a submission): kept as a draft
 * (`key`) from the first keystroke, saved a moment after the last change and
 * when the editor is left, so that nothing typed depends on a button. A
 * failed save keeps the draft and its error (the core's problems by field).
 * After a lock the draft is gone from memory (the lock discards it and the
 * next unlock says so), so nothing is saved then.
 */
export function useAutosave<T>(
  key: string,
  initial: () => T,
  send: (value: T) => Promise<unknown>,
  onSaved: () => void,
) {
  const [draft, setDraft, discard] = useDraft<T>(key, initial);
  const [state, setState] = useState<SaveState>(() => (hasDraft(key) ? 'unsaved' : 'idle'));
  const [error, setError] = useState<unknown>(null);
  const latest = useRef(draft);
  const after = useRef(onSaved);
  const sender = useRef(send);
  useEffect(() => {
    latest.current = draft;
    after.current = onSaved;
    sender.current = send;
  });
  const update = useCallback(
    (change: (previous: T) => T) => {
      setState('unsaved');
      setDraft(change);
    },
    [setDraft],
  );
  const save = useCallback(async () => {
    const sending = latest.current;
    setState('saving');
    try {
      await sender.current(sending);
      setError(null);
      // Typed on while it was being saved: that part is saved next.
      if (latest.current === sending) {
        discard();
        setState('saved');
      } else setState('unsaved');
      after.current();
    } catch (e) {
      setError(e);
      setState('failed');
    }
  }, [discard]);
  useEffect(() => {
    if (state !== 'unsaved') return;
    const timer = setTimeout(() => void save(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft, state, save]);
  useEffect(
    () => () => {
      if (hasDraft(key)) void save();
    },
    [key, save],
  );
  return { draft, update, save, state, error };
}
