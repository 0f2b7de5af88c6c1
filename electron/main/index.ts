import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  globalShortcut,
  ipcMain,
  powerMonitor,
  protocol,
  session as electronSession,
  type WebContents,
} from 'electron';
import { IPC_PREFIX } from '../../shared/ipc/contract';
import { removeTrackedSync } from '../core';
import { AutoLock } from './autoLock';
import { CloseGuard } from './closeGuard';
import { electronDialogs } from './electronDialogs';
import { registerIpc } from './register';
import { APP_SCHEME, APP_URL } from './security';
import { createServices, type Emit } from './services';
import { SettingsStore } from './settings';
import { serveAppRequest } from './protocol';
import {
  createMainWindow,
  denyAllPermissions,
  enforceContentSecurityPolicy,
  hardenWebContents,
  lockWhenHidden,
  PARTITION,
  protectContent,
} from './window';

/** The panic shortcut: locks at once, from anywhere, even when Vigil is in the background. */
export const PANIC_SHORTCUT = 'CommandOrControl+Shift+L';

const here = import.meta.dirname;
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');

// No crash reporter is ever started (a dump would hold vault data), and
// Chromium's own networking features are kept quiet: Vigil needs no network.
app.commandLine.appendSwitch('disable-breakpad');
app.commandLine.appendSwitch('disable-background-networking');
app.commandLine.appendSwitch('disable-component-update');
app.commandLine.appendSwitch('disable-domain-reliability');
app.enableSandbox();

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false },
  },
]);

let mainWindow: Electron.BrowserWindow | null = null;
const trustedContents = (): WebContents | null =>
  mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null;

const emit: Emit = (event, payload) => {
  trustedContents()?.send(`${IPC_PREFIX}event:${event}`, payload);
};

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const settings = await SettingsStore.load(join(app.getPath('userData'), 'settings.json'));
  const { context, dispatch } = createServices({
    dialogs: electronDialogs(() => mainWindow),
    settings,
    emit,
    clipboard,
    app: { version: app.getVersion(), platform: process.platform },
    // Every window goes, with everything its renderer held; a fresh one shows the neutral lock screen.
    afterPanic: (kind) => openMainWindow({ minimised: kind === 'quick-exit', replacing: true }),
    closeWindow: () => closeGuard.allow(mainWindow),
    // Never log inputs or case data: the channel name is enough to find a bug.
    onInternalError: (channel) => process.stderr.write(`vigil: internal error on ${channel}\n`),
  });

  const appSession = electronSession.fromPartition(PARTITION);
  denyAllPermissions(appSession);
  enforceContentSecurityPolicy(appSession);
  appSession.protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
  registerIpc(ipcMain, dispatch, trustedContents);

  // Closing or quitting with unsaved drafts asks the renderer first ("Keep editing" / "Close anyway").
  const closeGuard = new CloseGuard({
    openDrafts: () => context.drafts.openCounts,
    isUnlocked: () => context.session.current !== null,
    ask: () => emit('closeRequested', {}),
  });
  const lock = (reason: Parameters<typeof context.session.lock>[0]) => context.session.lock(reason);
  const autoLock = new AutoLock({
    systemIdleSeconds: () => powerMonitor.getSystemIdleTime(),
    delayMinutes: () => settings.get().autoLockMinutes,
    isUnlocked: () => context.session.current !== null,
    lock,
  });
  autoLock.start();
  powerMonitor.on('lock-screen', () => void autoLock.onSystemEvent('lock-screen'));
  powerMonitor.on('suspend', () => void autoLock.onSystemEvent('suspend'));
  globalShortcut.register(PANIC_SHORTCUT, () => void context.panic('panic'));

  /**
   * The main window. A replacement (after a panic or quick exit) is made
   * before the old windows are destroyed, so the app never has no window
   * and does not quit; a quick exit leaves it minimised.
   */
  function openMainWindow(options: { minimised: boolean; replacing: boolean }): void {
    const previous = BrowserWindow.getAllWindows();
    const window = createMainWindow(preloadPath, { devTools: !app.isPackaged });
    mainWindow = window;
    protectContent(window);
    closeGuard.watch(window);
    lockWhenHidden(window, {
      enabled: () => settings.get().lockOnHide,
      isUnlocked: () => context.session.current !== null,
      lock: () => void lock('hidden'),
    });
    window.once('ready-to-show', () => {
      if (options.minimised) window.minimize();
      else window.show();
    });
    window.on('closed', () => {
      if (mainWindow !== window) return;
      mainWindow = null;
      void lock('quit');
    });
    if (options.replacing) for (const old of previous) if (!old.isDestroyed()) old.destroy();
    void window.loadURL(APP_URL);
  }

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('before-quit', (event) => {
    // Quitting (the menu, the dock) with drafts open: the same question as closing the window.
    if (closeGuard.holds()) {
      event.preventDefault();
      return;
    }
    globalShortcut.unregisterAll();
    context.operations.cancelAll();
    void lock('quit');
  });
  // Whatever ends the app, nothing half-written is left: an export's temporary folder or
  // file is removed before the process goes (a SIGKILL is handled by the next opening).
  process.on('exit', () => removeTrackedSync());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      // A signal is not a user who can answer: it ends the app without asking.
      closeGuard.allow();
      context.operations.cancelAll();
      removeTrackedSync();
      app.quit();
    });
  app.on('window-all-closed', () => app.quit());

  openMainWindow({ minimised: false, replacing: false });
}

start().catch((error: unknown) => {
  process.stderr.write(
    `vigil: cannot start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  app.exit(1);
});
