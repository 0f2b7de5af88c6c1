import type { DraftCounts } from '../../shared/drafts';

/** The part of a BrowserWindow the guard uses (a fake one in unit tests). */
export interface GuardedWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
}

/**
 * Closing the window (or quitting) with unsaved drafts: main holds the
 * close and asks the renderer, which names what would be lost and lets the
 * user keep editing or close anyway (then `allow` closes for real). With no
 * draft, or no vault open, the window closes at once. Panic and quick exit
 * destroy the window and never pass through here: security wins over drafts.
 */
export class CloseGuard {
  private allowed = false;

  constructor(
    private readonly options: {
      /** Unsaved drafts by kind, as the renderer last reported them. */
      openDrafts: () => DraftCounts;
      isUnlocked: () => boolean;
      /** Asks the renderer (an event through the typed contract). */
      ask: () => void;
    },
  ) {}

  /** True when closing now would lose drafts: the close is held and the renderer asked. */
  holds(): boolean {
    if (this.allowed || !this.options.isUnlocked()) return false;
    const total = Object.values(this.options.openDrafts()).reduce((a, b) => a + (b ?? 0), 0);
    if (total === 0) return false;
    this.options.ask();
    return true;
  }

  watch(window: GuardedWindow): void {
    window.on('close', (event) => {
      if (this.holds()) event.preventDefault();
    });
  }

  /** "Close anyway", or an ending that must not be held (a signal): close without asking. */
  allow(window?: GuardedWindow | null): void {
    this.allowed = true;
    if (window && !window.isDestroyed()) window.close();
  }
}
