import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { Dialogs } from './dialogs';
import { createHandlers, type AppContext } from './handlers';
import { createDispatcher, type Dispatch } from './ipc/dispatch';
import { Operations } from './operations';
import { Session } from './session';
import type { SettingsStore } from './settings';

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/**
 * Wires the session, operations, handlers and dispatcher. The Electron app
 * and the end-to-end test bridge both call this, so the two differ only in
 * the transport and in who answers the dialogs.
 */
export function createServices(options: {
  dialogs: Dialogs;
  settings: SettingsStore;
  emit: Emit;
  app: AppContext['app'];
  onInternalError?: (channel: string, error: unknown) => void;
}): { context: AppContext; dispatch: Dispatch } {
  const session = new Session((reason) => options.emit('locked', { reason }));
  const operations = new Operations((payload) => options.emit('progress', payload));
  const context: AppContext = {
    session,
    operations,
    dialogs: options.dialogs,
    settings: options.settings,
    app: options.app,
  };
  return { context, dispatch: createDispatcher(createHandlers(context), options.onInternalError) };
}
