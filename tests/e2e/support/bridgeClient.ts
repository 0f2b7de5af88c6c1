// Runs inside the Chromium page before the renderer (Playwright init script):
// builds `window.vigil` exactly as the Electron preload does, over a
// Playwright binding instead of Electron IPC.
import { createVigilApi } from '../../../shared/ipc/api';

declare global {
  interface Window {
    __vigilInvoke(channel: string, input: unknown): Promise<string>;
    __vigilDeliver?: (event: string, payload: unknown) => void;
    /** Test-only: where the files a test drops "are", by name (Chromium gives a page's Files no path). */
    __vigilDropPaths?: Record<string, string>;
  }
}

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

/** Bytes cannot cross the binding as such: they travel as base64 and are revived here. */
function decodeAnswer(json: string): unknown {
  if (!json.includes('"__vigilBytes"')) return JSON.parse(json);
  return JSON.parse(json, (_key, value: unknown) => {
    const record = value as Record<string, unknown> | null;
    if (record && typeof record === 'object' && typeof record.__vigilBytes === 'string')
      return Uint8Array.from(atob(record.__vigilBytes), (c) => c.charCodeAt(0));
    return value;
  });
}

window.__vigilDeliver = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

Object.defineProperty(window, 'vigil', {
  value: createVigilApi({
    invoke: async (channel, input) => decodeAnswer(await window.__vigilInvoke(channel, input)),
    // Electron's preload reads the path from the File itself; here the test says where it put it.
    pathsOfFiles: (files) => files.map((file) => window.__vigilDropPaths?.[file.name] ?? ''),
    subscribe(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  }),
  writable: false,
  configurable: false,
});

export {};
