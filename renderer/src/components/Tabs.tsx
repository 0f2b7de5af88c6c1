import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * ARIA tabs: arrow keys move between tabs (mirrored in right-to-left), Home and End jump.
 * A tab with a `note` (unsaved work in it) shows a dot and has the note as its description,
 * so its name stays the same.
 */
export function Tabs<T extends string>({
  label,
  tabs,
  selected,
  onSelect,
  children,
}: {
  label: string;
  tabs: readonly { id: T; label: ReactNode; note?: string }[];
  selected: T;
  onSelect: (id: T) => void;
  children: ReactNode;
}) {
  const base = useId();
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const rtl = document.documentElement.dir === 'rtl';
    let next: number;
    if (event.key === (rtl ? 'ArrowLeft' : 'ArrowRight')) next = (index + 1) % tabs.length;
    else if (event.key === (rtl ? 'ArrowRight' : 'ArrowLeft'))
      next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    const target = tabs[next]!;
    onSelect(target.id);
    refs.current.get(target.id)?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(el) => {
              if (el) refs.current.set(tab.id, el);
              else refs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${base}-panel`}
            tabIndex={tab.id === selected ? 0 : -1}
            className="tab"
            aria-describedby={tab.note ? `${base}-note-${tab.id}` : undefined}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {tab.note ? (
              <span className="tab-mark" aria-hidden="true">
                {' ●'}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      {/* Outside the tabs, so a note never becomes part of a tab's name. */}
      {tabs.map((tab) =>
        tab.note ? (
          <span key={tab.id} id={`${base}-note-${tab.id}`} hidden>
            {tab.note}
          </span>
        ) : null,
      )}
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${selected}`}>
        {children}
      </div>
    </>
  );
}
