import { useDraft } from './drafts';
import { useSubmit } from './useSubmit';
import type { Work } from './useTask';

/**
 * The state of a record editor: the draft (kept in memory until saved or
 * discarded, so leaving or a failed save never loses a word), one setter per
 * field, and a save that drops the draft and leaves only once the record is
 * written.
 */
export function useRecordEditor<D extends object>(
  draftKey: string,
  initial: () => D,
  onDone: () => void,
) {
  const [draft, setDraft, discardDraft] = useDraft<D>(draftKey, initial);
  const { tried, busy, error, submit } = useSubmit();
  const set = <K extends keyof D>(key: K, value: D[K]) => setDraft((d) => ({ ...d, [key]: value }));
  /** `check` returns the write to run, or null when the draft is not ready. */
  const save = (check: () => Work | null) =>
    submit(() => {
      const write = check();
      return write
        ? async () => {
            await write();
            discardDraft();
            onDone();
          }
        : null;
    });
  const discard = () => {
    discardDraft();
    onDone();
  };
  return { draft, setDraft, set, tried, busy, error, save, discard };
}
