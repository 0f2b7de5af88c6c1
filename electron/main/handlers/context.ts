import type { ClipboardGuard } from '../clipboard';
import type { Dialogs } from '../dialogs';
import type { DraftLedger } from '../draftLedger';
import type { Operations } from '../operations';
import type { Session } from '../session';
import type { SettingsStore } from '../settings';

/** Everything the handlers need, passed in plainly (the Electron app and the test bridge build it). */
export interface AppContext {
  session: Session;
  dialogs: Dialogs;
  settings: SettingsStore;
  operations: Operations;
  app: { version: string; platform: string };
  clipboard: ClipboardGuard;
  /** Counts of the renderer's unsaved drafts, and what the last lock discarded. */
  drafts: DraftLedger;
  /**
   * The panic shortcut or the quick exit: stop everything, lock, and (in the app) close every
   * window for a fresh one at a neutral lock screen, minimised for a quick exit.
   */
  panic(kind: 'panic' | 'quick-exit'): Promise<void>;
  /** "Close anyway" after the renderer warned of drafts: the window closes without asking again. */
  closeWindow(): void;
}
