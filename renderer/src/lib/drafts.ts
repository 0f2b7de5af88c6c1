import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { DraftCounts, DraftKind } from '../../../shared/drafts';
import { onSessionEnd } from './sessionMemory';
import { vigil } from './vigil';

/**
 * Unsaved form content, kept in memory by editor (e.g. "testimony:<case>:new")
 * so that leaving an editor or a failed save never loses what was typed.
 * Dropped when the vault locks, and when the record is saved. Screens watch
 * which drafts exist (to mark their tab and case); main hears only how many
 * of each kind there are, so the next unlock can say what a lock discarded.
 */
const drafts = new Map<string, unknown>();
const listeners = new Set<() => void>();
let version = 0;

function changed(): void {
  version += 1;
  for (const listener of listeners) listener();
  void vigil.drafts.report({ counts: draftCounts() }).catch(() => undefined);
}

onSessionEnd(() => {
  // Not reported: main drops its counts when it locks, and counts them as discarded first.
  drafts.clear();
  version += 1;
  for (const listener of listeners) listener();
});

/** What a draft key says: the kind of record and its case (null for a case not yet created). */
export function draftOf(key: string): { kind: DraftKind; caseId: string | null } | null {
  const [kind, caseId] = key.split(':');
  switch (kind) {
    case 'case':
      return { kind, caseId: caseId === 'new' ? null : (caseId ?? null) };
    case 'person':
    case 'event':
    case 'testimony':
    case 'intervention':
    case 'submission':
    case 'facts':
    case 'arguments':
    case 'appeal':
      return { kind, caseId: caseId ?? null };
    default:
      // The export wizard's choices are not typed work: nothing to warn about.
      return null;
  }
}

function draftCounts(): DraftCounts {
  const counts: DraftCounts = {};
  for (const key of drafts.keys()) {
    const draft = draftOf(key);
    if (draft) counts[draft.kind] = (counts[draft.kind] ?? 0) + 1;
  }
  return counts;
}

function setDraft(key: string, value: unknown): void {
  const isNew = !drafts.has(key);
  drafts.set(key, value);
  // Typing changes the value, not which drafts exist: only a new one is news. Told after the
  // state update that set it has run (it runs while React renders the editor).
  if (isNew) queueMicrotask(changed);
}

export function discardDraft(key: string): void {
  if (drafts.delete(key)) changed();
}

export function hasDraft(key: string): boolean {
  return drafts.has(key);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The unsaved drafts (kind and case) that exist now; the caller re-renders when that changes. */
export function useDrafts(): { kind: DraftKind; caseId: string | null }[] {
  useSyncExternalStore(subscribe, () => version);
  return [...drafts.keys()].flatMap((key) => {
    const draft = draftOf(key);
    return draft ? [draft] : [];
  });
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
      setDraft(keyRef.current, resolved);
      return resolved;
    });
  }, []);
  const discard = useCallback(() => discardDraft(keyRef.current), []);
  return [value, update, discard];
}
