import { join } from 'node:path';
import type { Dialogs } from '../../electron/main/dialogs';
import { createHandlers } from '../../electron/main/handlers';
import { createDispatcher, type Handlers } from '../../electron/main/ipc/dispatch';
import { MemoryClipboard } from '../../electron/main/clipboard';
import { createServices } from '../../electron/main/services';
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
  /** Paths "shown in the file manager". */
  readonly shownInFolder: string[] = [];
  showInFolder = (path: string) => void this.shownInFolder.push(path);
}

export interface TestServices {
  context: ReturnType<typeof createServices>['context'];
  clipboard: MemoryClipboard;
  panics: string[];
  dialogs: ScriptedDialogs;
  events: { event: string; payload: unknown }[];
  calls: string[];
  dispatch: ReturnType<typeof createServices>['dispatch'];
  handlers: Handlers;
}

/** The real handlers and dispatcher, with scripted dialogs and a record of which handlers ran. */
export async function testServices(): Promise<TestServices> {
  const events: TestServices['events'] = [];
  const calls: string[] = [];
  const panics: string[] = [];
  const dialogs = new ScriptedDialogs();
  const clipboard = new MemoryClipboard();
  const settings = await SettingsStore.load(join(await tempDir(), 'settings.json'));
  const { context } = createServices({
    dialogs,
    settings,
    clipboard,
    emit: (event, payload) => events.push({ event, payload }),
    app: { version: '0.0.0-test', platform: 'test' },
    afterPanic: (kind) => panics.push(kind),
  });
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
  return {
    context,
    clipboard,
    panics,
    dialogs,
    events,
    calls,
    handlers,
    dispatch: createDispatcher(recorded),
  };
}
