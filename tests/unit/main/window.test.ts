import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import {
  createMainWindow,
  denyAllPermissions,
  enforceContentSecurityPolicy,
  hardenWebContents,
  PARTITION,
} from '../../../electron/main/window';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';
import { FakeSession, FakeWebContents } from '../../helpers/fakeElectron';

const fake = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../../helpers/fakeElectron');
  return createFakeElectron();
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const prefsOf = (devTools: boolean) => {
  createMainWindow('/app/preload.cjs', { devTools });
  return fake.windows.at(-1)!.options.webPreferences as Record<string, unknown>;
};

describe('main window hardening', () => {
  it('uses every secure web preference', () => {
    const prefs = prefsOf(false);
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    });
    // A partition without "persist:" lives in memory: no cache, storage or cookies on disk.
    expect(prefs.partition).toBe(PARTITION);
    expect(PARTITION.startsWith('persist:')).toBe(false);
    expect(fake.windows.at(-1)!.options).toMatchObject({ show: false });
    expect(prefsOf(true).devTools).toBe(true);
  });

  it('denies navigation away from the app, new windows and webviews', () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
    const attempt = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://example.org/')).toBe(true);
    expect(attempt('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', 'app://evil/index.html')).toBe(true);
    expect(attempt('will-navigate', 'app://vigil/index.html')).toBe(false);
    expect(attempt('will-redirect', 'https://example.org/')).toBe(true);
    expect(attempt('will-attach-webview', 'app://vigil/x')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({
      action: 'deny',
    });
    expect(contents.windowOpenHandler?.({ url: 'app://vigil/index.html' })).toEqual({
      action: 'deny',
    });
  });

  it('denies every permission request and check, and every download', () => {
    const session = new FakeSession();
    denyAllPermissions(session as unknown as Session);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      let granted: boolean | undefined;
      session.permissionRequestHandler?.({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
    }
    expect(session.permissionCheckHandler?.()).toBe(false);
    expect(session.deviceHandler?.()).toBe(false);
    let prevented = false;
    session.emit('will-download', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it("adds the CSP to every response of the session, identical to the protocol handler's", () => {
    const session = new FakeSession();
    enforceContentSecurityPolicy(session as unknown as Session);
    let headers: Record<string, string[]> | undefined;
    session.headersListener?.(
      { responseHeaders: { 'X-Other': ['1'] } },
      (response) => (headers = response.responseHeaders),
    );
    expect(headers).toEqual({
      'X-Other': ['1'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});
