import type { ReactNode } from 'react';

/**
 * A list the user grows and shrinks (violations argued, measures asked,
 * procedures seized): each row with its own remove button, then an add
 * button. Rows are drawn by `row`; the words come from the caller.
 */
export function RepeatedRows<T>({
  items,
  onChange,
  row,
  blank,
  removeLabel,
  addLabel,
}: {
  items: readonly T[];
  onChange: (update: (items: readonly T[]) => T[]) => void;
  row: (item: T, index: number) => ReactNode;
  /** A new, empty row. */
  blank: () => T;
  removeLabel: (index: number) => string;
  addLabel: string;
}) {
  return (
    <>
      {items.map((item, i) => (
        <div key={i} className="editor-section">
          {row(item, i)}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onChange((list) => list.filter((_, j) => j !== i))}
          >
            {removeLabel(i)}
          </button>
        </div>
      ))}
      <button type="button" className="btn" onClick={() => onChange((list) => [...list, blank()])}>
        {addLabel}
      </button>
    </>
  );
}
