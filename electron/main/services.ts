import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { ClipboardGuard, type ClipboardPort } from './clipboard';
import type { Dialogs } from './dialogs';
import { DraftLedger } from './draftLedger';
import { createHandlers, type AppContext } from './handlers';
import { createDispatcher, type Dispatch } from './ipc/dispatch';
import { Operations } from './operations';
import { Session } from './session';
import type { SettingsStore } from './settings';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Wires the session, operations, handlers and dispatcher. The Electron app
 * and the end-to-end test bridge both call this, so the two differ only in
 * the transport, the clipboard, the windows and who answers the dialogs.
 */
export function createServices(options: {
  dialogs: Dialogs;
  settings: SettingsStore;
  emit: Emit;
  app: AppContext['app'];
  clipboard: ClipboardPort;
  /** After a panic or quick exit has locked: close every window (the app); nothing in the bridge. */
  afterPanic?: (kind: 'panic' | 'quick-exit') => void;
  /** The user chose "Close anyway" (the app closes its window; the bridge records it). */
  closeWindow?: () => void;
  onInternalError?: (channel: string, error: unknown) => void;
}): { context: AppContext; dispatch: Dispatch } {
  const clipboard = new ClipboardGuard(options.clipboard);
  const drafts = new DraftLedger();
  const session: Session = new Session((reason) => {
    drafts.locked(session.lastLockedVault?.dir ?? null);
    // Whatever locks the vault, a hash or passphrase copied from it does not stay behind.
    void clipboard.clearIfOurs();
    options.emit('locked', { reason });
  });
  const operations = new Operations((payload) => options.emit('progress', payload));
  const context: AppContext = {
    session,
    operations,
    dialogs: options.dialogs,
    settings: options.settings,
    app: options.app,
    clipboard,
    drafts,
    async panic(kind) {
      operations.cancelAll();
      await session.lock(kind);
      options.afterPanic?.(kind);
    },
    closeWindow() {
      options.closeWindow?.();
    },
  };
  return { context, dispatch: createDispatcher(createHandlers(context), options.onInternalError) };
}
