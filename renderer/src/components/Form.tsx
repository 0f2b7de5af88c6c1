import { useEffect, useRef, useState, type ReactNode } from 'react';
import { FieldIssuesProvider } from './FieldIssues';

/**
 * A form whose submit (the button, or Enter in a field) runs `onSubmit` and
 * never reloads the page. When a submit is refused, here or by the core
 * (`error`), focus moves to the first field marked invalid, or else to the
 * error notice, so that nobody is left at a button far from the problem.
 */
export function Form({
  onSubmit,
  error,
  children,
}: {
  onSubmit: () => unknown;
  /** The last save's error: the core's problems by field are shown next to their fields. */
  error?: unknown;
  children: ReactNode;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0 && !error) return;
    // After React has drawn the fields' errors.
    const frame = requestAnimationFrame(() => {
      const root = form.current;
      if (!root) return;
      const invalid = root.querySelector<HTMLElement>('[aria-invalid="true"]');
      const notice = root.querySelector<HTMLElement>('[role="alert"]');
      (invalid ?? notice)?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [attempt, error]);
  return (
    <FieldIssuesProvider error={error}>
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
          setAttempt((n) => n + 1);
        }}
      >
        {children}
      </form>
    </FieldIssuesProvider>
  );
}
