import { useCallback, useEffect, useRef, useState } from 'react';
import { onSessionEnd } from './sessionMemory';

/**
 * Unsaved form content, kept in memory by editor (e.g. "testimony:new:<case>")
 * so that leaving an editor or a failed save never loses what was typed.
 * Dropped when the vault locks, and when the record is saved.
 */
const drafts = new Map<string, unknown>();
onSessionEnd(() => drafts.clear());

export function discardDraft(key: string): void {
  drafts.delete(key);
}

export function hasDraft(key: string): boolean {
  return drafts.has(key);
}

/** Form state that outlives the component until saved or discarded. */
export function useDraft<T>(
  key: string,
  initial: () => T,
): [T, (update: T | ((previous: T) => T)) => void, () => void] {
  const [value, setValue] = useState<T>(() =>
    drafts.has(key) ? (drafts.get(key) as T) : initial(),
  );
  const keyRef = useRef(key);
  useEffect(() => {
    keyRef.current = key;
  }, [key]);
  const update = useCallback((next: T | ((previous: T) => T)) => {
    setValue((previous) => {
      const resolved = typeof next === 'function' ? (next as (p: T) => T)(previous) : next;
      drafts.set(keyRef.current, resolved);
      return resolved;
    });
  }, []);
  const discard = useCallback(() => drafts.delete(keyRef.current), []);
  return [value, update, discard];
}
