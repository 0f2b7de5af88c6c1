import { join } from 'node:path';
import type { Dialogs } from '../../electron/main/dialogs';
import { createHandlers, type AppContext } from '../../electron/main/handlers';
import { createDispatcher, type Handlers } from '../../electron/main/ipc/dispatch';
import { Operations } from '../../electron/main/operations';
import { Session } from '../../electron/main/session';
import { SettingsStore } from '../../electron/main/settings';
import { tempDir } from './tmp';

/** Scripted answers for the native dialogs: tests push what "the user" picks next. */
export class ScriptedDialogs implements Dialogs {
  readonly folders: (string | null)[] = [];
  readonly files: string[][] = [];
  readonly saves: (string | null)[] = [];
  readonly opens: (string | null)[] = [];
  chooseNewVaultFolder = async () => this.folders.shift() ?? null;
  chooseVaultFolder = async () => this.folders.shift() ?? null;
  chooseEvidenceFiles = async () => this.files.shift() ?? [];
  chooseSaveFile = async () => this.saves.shift() ?? null;
  chooseSaveFolder = async () => this.saves.shift() ?? null;
  chooseOpenFile = async () => this.opens.shift() ?? null;
}

export interface TestServices {
  context: AppContext;
  dialogs: ScriptedDialogs;
  events: { event: string; payload: unknown }[];
  calls: string[];
  dispatch: ReturnType<typeof createDispatcher>;
  handlers: Handlers;
}

/** The real handlers and dispatcher, with scripted dialogs and a record of which handlers ran. */
export async function testServices(): Promise<TestServices> {
  const events: TestServices['events'] = [];
  const calls: string[] = [];
  const dialogs = new ScriptedDialogs();
  const settings = await SettingsStore.load(join(await tempDir(), 'settings.json'));
  const session = new Session((reason) => events.push({ event: 'locked', payload: { reason } }));
  const operations = new Operations((payload) => events.push({ event: 'progress', payload }));
  const context: AppContext = {
    session,
    operations,
    dialogs,
    settings,
    app: { version: '0.0.0-test', platform: 'test' },
  };
  const handlers = createHandlers(context);
  const recorded = Object.fromEntries(
    Object.entries(handlers).map(([channel, fn]) => [
      channel,
      async (input: unknown) => {
        calls.push(channel);
        return (fn as (i: unknown) => Promise<unknown>)(input);
      },
    ]),
  ) as unknown as Handlers;
  return { context, dialogs, events, calls, handlers, dispatch: createDispatcher(recorded) };
}
