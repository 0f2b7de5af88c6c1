import { useSyncExternalStore } from 'react';
import type { FileProgress } from '../components/ProgressList';
import { onSessionEnd } from './sessionMemory';
import { isUiError, newOperationId, vigil, type Output } from './vigil';

export type ActivityKind = 'intake' | 'export' | 'import' | 'backup' | 'strip';

/** What a finished operation left: a file main wrote (to show in its folder), a case, a count. */
export interface ActivityOutcome {
  /** The file or folder's name, as main reported it. */
  label?: string | null;
  /** main's reference to what it wrote, for "show in folder" (the page never holds a path). */
  outputId?: string | null;
  /** The case an import made or updated. */
  caseId?: string | null;
  /** For an intake: files added and files already in the vault. */
  added?: number;
  duplicates?: number;
  /** For a batch strip: what happened to each file it reached. */
  strip?: Output<'evidence.stripMany'>;
}

export interface Activity {
  id: string;
  kind: ActivityKind;
  /** The case it works on (an intake), if any. */
  caseId: string | null;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** Per file (an intake names its files up front) or one line for the whole operation. */
  files: FileProgress[];
  outcome: ActivityOutcome | null;
  error: unknown;
}

/**
 * Long operations (intake, export, import, backup, a batch strip) of this session, kept
 * outside any screen: they go on while the user goes elsewhere, and the
 * activity area (and the screen that started one, if it is shown again)
 * reads their progress and result here. Forgotten when the vault locks.
 */
let activities: readonly Activity[] = [];
const listeners = new Set<() => void>();
let unsubscribeProgress: (() => void) | null = null;

function update(id: string, change: (a: Activity) => Activity): void {
  activities = activities.map((a) => (a.id === id ? change(a) : a));
  for (const listener of listeners) listener();
}

function onProgress(id: string, item: string | null, done: number, total: number | null): void {
  update(id, (a) => {
    if (a.state !== 'running') return a;
    // An operation that names its files up front: the named one advances, those before it are done.
    const index = a.files.findIndex((f) => f.state !== 'done' && f.name === item);
    if (index >= 0)
      return {
        ...a,
        files: a.files.map((f, i) => {
          if (i < index && f.state !== 'done') return { ...f, done: f.size, state: 'done' };
          if (i !== index) return f;
          const complete = total !== null && done >= total;
          return { ...f, done, state: complete ? 'done' : 'working' };
        }),
      };
    return { ...a, files: [{ name: item ?? '', size: total ?? 0, done, state: 'working' }] };
  });
}

function listenToProgress(): void {
  unsubscribeProgress ??= vigil.on('progress', (p) => {
    if (activities.some((a) => a.id === p.operationId))
      onProgress(p.operationId, p.item, p.done, p.total);
  });
}

onSessionEnd(() => {
  activities = [];
  unsubscribeProgress?.();
  unsubscribeProgress = null;
  for (const listener of listeners) listener();
});

/**
 * Runs `work` as an activity under a new operation id. Resolves or rejects as
 * `work` does (a screen still shown uses the answer); the activity keeps the
 * outcome `outcome` draws from it, or the error, or that it was cancelled.
 */
export async function runActivity<T>(
  kind: ActivityKind,
  options: {
    caseId?: string;
    files?: FileProgress[];
    outcome: (value: T) => ActivityOutcome | null;
  },
  work: (operationId: string) => Promise<T>,
): Promise<T> {
  listenToProgress();
  const id = newOperationId();
  activities = [
    ...activities.filter(
      (a) => a.state === 'running' || a.kind !== kind || a.caseId !== (options.caseId ?? null),
    ),
    {
      id,
      kind,
      caseId: options.caseId ?? null,
      state: 'running',
      files: options.files ?? [],
      outcome: null,
      error: null,
    },
  ];
  for (const listener of listeners) listener();
  try {
    const value = await work(id);
    const outcome = options.outcome(value);
    if (outcome)
      update(id, (a) => ({
        ...a,
        state: 'done',
        outcome,
        files: a.files.map((f) => ({ ...f, done: f.size, state: 'done' })),
      }));
    // Nothing was done (the save dialog was cancelled): nothing to report.
    else dismissActivity(id);
    return value;
  } catch (e) {
    const cancelled = isUiError(e) && e.code === 'CANCELLED';
    update(id, (a) => ({
      ...a,
      state: cancelled ? 'cancelled' : 'failed',
      error: cancelled ? null : e,
      files: a.files.map((f) =>
        f.state === 'done' ? f : { ...f, state: cancelled ? 'cancelled' : 'failed' },
      ),
    }));
    throw e;
  }
}

export function cancelActivity(id: string): void {
  // Best effort: an operation that has just ended has nothing left to cancel.
  void vigil.operations.cancel({ operationId: id }).catch(() => undefined);
}

export function dismissActivity(id: string): void {
  activities = activities.filter((a) => a.id !== id);
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Every activity of the session, oldest first; the caller re-renders as they change. */
export function useActivities(): readonly Activity[] {
  return useSyncExternalStore(subscribe, () => activities);
}
