/**
 * Performance marks the UI benchmark reads (names only, never data): when
 * the vault finished unlocking, when the case list became interactive (its
 * first page) and complete (every case), when
 * the search field last changed and when its results were on screen.
 */
export const MARKS = {
  unlocked: 'vigil:unlocked',
  casesInteractive: 'vigil:cases-interactive',
  casesComplete: 'vigil:cases-complete',
  searchInput: 'vigil:search-input',
  searchRendered: 'vigil:search-rendered',
} as const;

export function mark(name: (typeof MARKS)[keyof typeof MARKS]): void {
  performance.mark(name);
}
