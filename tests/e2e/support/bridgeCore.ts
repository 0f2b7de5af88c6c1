import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { serveAppRequest } from '../../../electron/main/protocol';
import { MemoryClipboard } from '../../../electron/main/clipboard';
import { createServices } from '../../../electron/main/services';
import { SettingsStore } from '../../../electron/main/settings';
import { hasFile } from '../../helpers/peers';
import type { Dialogs } from '../../../electron/main/dialogs';

export const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = hasFile(
  existsSync(CHROMIUM),
  `Chromium at ${CHROMIUM} (apt-get install chromium)`,
);
const root = resolve(import.meta.dirname, '../../..');
export const rendererDir = join(root, 'out', 'renderer');
export const hasRenderer = hasFile(
  existsSync(join(rendererDir, 'index.html')),
  'the built renderer (npx electron-vite build)',
);

let clientScript: Promise<string> | undefined;

/** The page side of the bridge, bundled once per run. */
function bridgeClient(): Promise<string> {
  clientScript ??= (async () => {
    const output = await build({
      configFile: false,
      logLevel: 'error',
      build: {
        write: false,
        lib: {
          entry: join(import.meta.dirname, 'bridgeClient.ts'),
          formats: ['iife'],
          name: 'vigilBridge',
        },
        minify: false,
      },
    });
    const result = Array.isArray(output) ? output[0] : output;
    const chunk = (result as { output: { type: string; code?: string }[] }).output.find(
      (o) => o.type === 'chunk',
    );
    if (!chunk?.code) throw new Error('the bridge client did not build');
    return chunk.code;
  })();
  return clientScript;
}

/**
 * An answer as JSON, with bytes (an evidence preview) as base64: they cannot
 * cross the binding as such. The replacer sees each raw value on its holder,
 * so no copy of the answer is made on the way.
 */
function encodeAnswer(value: unknown): string {
  return JSON.stringify(
    value,
    function (this: Record<string, unknown>, key: string, encoded: unknown) {
      const raw = key === '' ? value : this[key];
      return raw instanceof Uint8Array
        ? { __vigilBytes: Buffer.from(raw).toString('base64') }
        : encoded;
    },
  );
}

/** Serves the built renderer with the same fenced handler and CSP as the app:// protocol. */
async function serveRenderer(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    void serveAppRequest(rendererDir, {
      url: `app://vigil${request.url ?? '/'}`,
      method: request.method ?? 'GET',
    }).then(async (answer) => {
      response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
      response.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html` };
}

export interface BridgedApp<D extends Dialogs = Dialogs> {
  /** null for a persistent profile (see `userDataDir`), whose context is the browser. */
  browser: Browser | null;
  context: BrowserContext;
  page: Page;
  dialogs: D;
  services: ReturnType<typeof createServices>;
  /** What Vigil "put on the clipboard" (the bridge never touches the desktop's). */
  clipboard: MemoryClipboard;
  /** Panics and quick exits main saw (the app would close every window; the bridge reloads the page). */
  panics: string[];
  /** How many times the page chose "Close anyway" (the app would close its window). */
  windowCloses: { count: number };
  url: string;
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium on the built renderer, with `window.vigil`
 * wired to the real main-process handlers and core (same dispatcher, same
 * validation) through a Playwright binding: only the transport differs from
 * the Electron app. Free of any test framework, so the UI benchmark uses it
 * too; tests use `launchBridgedApp` (bridge.ts), which scripts the dialogs.
 */
export async function launchBridge<D extends Dialogs>(options: {
  dialogs: D;
  settingsFile: string;
  locale?: string;
  userDataDir?: string;
}): Promise<BridgedApp<D>> {
  const settings = await SettingsStore.load(options.settingsFile);
  const dialogs = options.dialogs;
  // Events can only be delivered once the page exists; the services are built before it.
  const target: { page?: Page } = {};
  const clipboard = new MemoryClipboard();
  const panics: string[] = [];
  const windowCloses = { count: 0 };
  const services = createServices({
    dialogs,
    settings,
    clipboard,
    // The app closes every window and opens a fresh one; a reload is the bridge's fresh window.
    afterPanic: (kind) => {
      panics.push(kind);
      void target.page?.reload().catch(() => undefined);
    },
    closeWindow: () => {
      windowCloses.count += 1;
    },
    app: { version: '0.0.0-e2e', platform: 'linux' },
    emit: (event, payload) => {
      void target.page
        ?.evaluate(([e, p]) => window.__vigilDeliver?.(e, p), [event, payload] as const)
        .catch(() => undefined);
    },
  });
  const launch = {
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
  const contextOptions = {
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 820 },
  };
  // A persistent profile keeps Chromium's storage and HTTP cache on disk, where a test can inspect them.
  const browser = options.userDataDir ? null : await chromium.launch(launch);
  const context = browser
    ? await browser.newContext(contextOptions)
    : await chromium.launchPersistentContext(options.userDataDir!, {
        ...launch,
        ...contextOptions,
      });
  // Answers cross as one JSON string: Playwright serialises a string far faster than a
  // large object graph (a 10,000-row case list), which keeps the bridge close to Electron IPC.
  await context.exposeBinding('__vigilInvoke', async (_source, channel: unknown, input: unknown) =>
    encodeAnswer(await services.dispatch(channel, input)),
  );
  await context.addInitScript({ content: await bridgeClient() });
  const page = context.pages()[0] ?? (await context.newPage());
  target.page = page;
  const { server, url } = await serveRenderer();
  return {
    browser,
    context,
    page,
    dialogs,
    services,
    clipboard,
    panics,
    windowCloses,
    url,
    async close() {
      await services.context.session.lock('quit').catch(() => undefined);
      await (browser ? browser.close() : context.close());
      await new Promise((done) => server.close(done));
    },
  };
}
