import type { ReactNode } from 'react';

/**
 * A button whose visible label ("Edit") is completed, for screen readers,
 * by what it acts on ("Edit: Leila Haddad"). The visible text stays the start
 * of the accessible name, as voice-control users need.
 */
export function ActionButton({
  label,
  context,
  className = 'btn btn-small',
  onClick,
  disabled,
}: {
  label: ReactNode;
  context: string;
  className?: string;
  onClick: () => void;
  disabled?: boolean;
}) {
  return (
    <button type="button" className={className} onClick={onClick} disabled={disabled}>
      {label}
      <span className="visually-hidden">
        : <bdi>{context}</bdi>
      </span>
    </button>
  );
}
