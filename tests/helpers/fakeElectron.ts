import { EventEmitter } from 'node:events';

/**
 * A small stand-in for the `electron` module (whose binary is absent here):
 * it records what main asks of Electron, so tests can check the window
 * options, the handlers, the protocol and the power events. It fakes
 * Electron only; every Vigil module under test is real.
 */
export interface FakeFrame {
  url: string;
}

export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame = { url: 'app://vigil/index.html' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: { channel: string; payload: unknown }[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler:
    ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheckHandler: (() => boolean) | null = null;
  deviceHandler: (() => boolean) | null = null;
  headersListener:
    | ((
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string[]> }) => void,
      ) => void)
    | null = null;
  webRequest = {
    onHeadersReceived: (listener: FakeSession['headersListener']) => {
      this.headersListener = listener;
    },
  };
  protocolHandlers = new Map<
    string,
    (request: { url: string; method: string }) => Promise<Response>
  >();
  protocol = {
    handle: (
      scheme: string,
      handler: (request: { url: string; method: string }) => Promise<Response>,
    ) => {
      this.protocolHandlers.set(scheme, handler);
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']) {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: () => boolean) {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: () => boolean) {
    this.deviceHandler = handler;
  }
}

/** What the tests see of a fake window (its class stays inside the factory, with the factory's state). */
export interface FakeWindow extends EventEmitter {
  webContents: FakeWebContents;
  contentProtection: boolean;
  loadedUrl: string | null;
  options: Record<string, unknown>;
  destroyed: boolean;
  minimised: boolean;
  shown: boolean;
  destroy(): void;
  minimize(): void;
  close(): void;
}

export function createFakeElectron() {
  const windows: FakeWindow[] = [];
  const sessions = new Map<string, FakeSession>();
  const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const shortcuts = new Map<string, () => void>();
  const powerMonitor = Object.assign(new EventEmitter(), {
    idleSeconds: 0,
    getSystemIdleTime: () => powerMonitor.idleSeconds,
  });
  const appEvents = new EventEmitter();
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  const clipboard = { text: '', writes: 0, clears: 0 };

  class FakeBrowserWindow extends EventEmitter {
    webContents = new FakeWebContents();
    contentProtection = false;
    loadedUrl: string | null = null;
    destroyed = false;
    minimised = false;
    shown = false;
    static getAllWindows() {
      return windows.filter((w) => !w.destroyed);
    }
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.emit('closed');
      if (FakeBrowserWindow.getAllWindows().length === 0) appEvents.emit('window-all-closed');
    }
    /** As Electron: 'close' first, which a listener may prevent; then the window goes. */
    close() {
      if (this.destroyed) return;
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.destroy();
    }
    minimize() {
      this.minimised = true;
      this.emit('minimize');
    }
    setContentProtection(value: boolean) {
      this.contentProtection = value;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return this.minimised;
    }
    show() {
      this.shown = true;
    }
    focus() {}
    restore() {}
  }

  const electron = {
    app: Object.assign(appEvents, {
      switches: [] as string[],
      sandboxEnabled: false,
      isPackaged: true,
      commandLine: { appendSwitch: (name: string) => electron.app.switches.push(name) },
      enableSandbox: () => {
        electron.app.sandboxEnabled = true;
      },
      requestSingleInstanceLock: () => true,
      whenReady: () => ready,
      getPath: (_name: string) => electron.userData,
      getVersion: () => '0.0.0-test',
      quitCalls: 0,
      quit: () => {
        electron.app.quitCalls += 1;
      },
      exit: () => {},
    }),
    userData: '',
    BrowserWindow: FakeBrowserWindow as unknown as (new (
      options: Record<string, unknown>,
    ) => FakeWindow) & { getAllWindows(): FakeWindow[] },
    clipboard: {
      writeText: (text: string) => {
        clipboard.text = text;
        clipboard.writes += 1;
      },
      readText: () => clipboard.text,
      clear: () => {
        clipboard.text = '';
        clipboard.clears += 1;
      },
    },
    shownInFolder: [] as string[],
    shell: { showItemInFolder: (path: string) => electron.shownInFolder.push(path) },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) =>
        handlers.set(channel, fn),
    },
    powerMonitor,
    protocol: {
      privileged: [] as unknown[],
      registerSchemesAsPrivileged: (schemes: unknown[]) =>
        electron.protocol.privileged.push(...schemes),
    },
    session: {
      fromPartition: (name: string) => {
        if (!sessions.has(name)) sessions.set(name, new FakeSession());
        return sessions.get(name)!;
      },
    },
    globalShortcut: {
      register: (accelerator: string, fn: () => void) => shortcuts.set(accelerator, fn),
      unregisterAll: () => shortcuts.clear(),
    },
    nextPaths: [] as string[],
    dialog: {
      showOpenDialog: async () => {
        const path = electron.nextPaths.shift();
        return path ? { canceled: false, filePaths: [path] } : { canceled: true, filePaths: [] };
      },
      showSaveDialog: async () => {
        const path = electron.nextPaths.shift();
        return path ? { canceled: false, filePath: path } : { canceled: true };
      },
    },
    contextBridge: { exposeInMainWorld: () => {} },
    ipcRenderer: {},
  };
  return {
    electron,
    windows,
    sessions,
    handlers,
    shortcuts,
    powerMonitor,
    clipboard,
    ready: resolveReady,
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
