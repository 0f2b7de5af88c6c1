import { useCallback, useState } from 'react';

/** A set of chosen values (say, the kinds of record to show), one checkbox each. */
export function useToggleSet<T>(
  initial: Iterable<T>,
): [ReadonlySet<T>, (item: T, on: boolean) => void] {
  const [chosen, setChosen] = useState<ReadonlySet<T>>(() => new Set(initial));
  const toggle = useCallback(
    (item: T, on: boolean) =>
      setChosen((current) => {
        const next = new Set(current);
        if (on) next.add(item);
        else next.delete(item);
        return next;
      }),
    [],
  );
  return [chosen, toggle];
}
