import type { ReactNode } from 'react';

/** A form whose submit (the button, or Enter in a field) runs `onSubmit` and never reloads the page. */
export function Form({ onSubmit, children }: { onSubmit: () => unknown; children: ReactNode }) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
