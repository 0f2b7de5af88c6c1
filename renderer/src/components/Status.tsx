import type { ReactNode } from 'react';

/**
 * A short message that screen readers announce when it appears: work under
 * way, "Saved", an outcome. Rendered only while `when` holds.
 */
export function Status({
  when = true,
  inline = false,
  className = 'muted',
  children,
}: {
  when?: boolean;
  /** Beside buttons in an actions row, rather than a paragraph of its own. */
  inline?: boolean;
  className?: string;
  children: ReactNode;
}) {
  if (!when) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag role="status" className={className}>
      {children}
    </Tag>
  );
}
