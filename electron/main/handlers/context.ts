import type { Dialogs } from '../dialogs';
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
}
