import type { ReactNode } from 'react';
import { LanguagePicker } from './LanguagePicker';

/**
 * The centred card of the screens around the vault (welcome, create, unlock,
 * recover, the recovery key), with the page's heading first.
 */
export function Gate({
  title,
  languagePicker = false,
  inShell = false,
  children,
}: {
  title: ReactNode;
  /** Before a vault is open, the only place to change the language. */
  languagePicker?: boolean;
  /** Inside the app shell (Settings), which already has the page's <main>. */
  inShell?: boolean;
  children: ReactNode;
}) {
  const Outer = inShell ? 'section' : 'main';
  return (
    <Outer className="gate">
      <div className="gate-card">
        {languagePicker ? (
          <div className="gate-lang">
            <LanguagePicker />
          </div>
        ) : null}
        <h1 tabIndex={-1}>{title}</h1>
        {children}
      </div>
    </Outer>
  );
}
