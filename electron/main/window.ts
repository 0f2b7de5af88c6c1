import { BrowserWindow, type Session, type WebContents } from 'electron';
import { isAppUrl } from './security';

/** In-memory session: no HTTP cache, no localStorage or IndexedDB on disk. */
export const PARTITION = 'vigil-in-memory';

/**
 * The main window. Options are written out literally here (not built by a
 * helper) so that static checkers such as electronegativity can see them.
 */
export function createMainWindow(
  preloadPath: string,
  options: { devTools: boolean },
): BrowserWindow {
  return new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: '#f7f7f5',
    title: 'Vigil',
    webPreferences: {
      preload: preloadPath,
      partition: PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** Our page may not go anywhere, open anything, or embed anything. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The CSP on every response of the app's session, on top of the one the
 * app:// handler and index.html carry. Written literally so static checkers
 * see it; a unit test keeps it equal to CONTENT_SECURITY_POLICY.
 */
export function enforceContentSecurityPolicy(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; connect-src 'none'; media-src 'self' blob:; object-src 'none'; frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
}

/** No camera, microphone, location, notifications, clipboard reading…: Vigil needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/** Keeps the vault out of screenshots and screen recordings where the OS allows. */
export function protectContent(window: BrowserWindow): void {
  window.setContentProtection(true);
}

/**
 * Locks when the window is minimised or hidden, if the user asked for it
 * (Settings): a window left in the taskbar then holds nothing.
 */
export function lockWhenHidden(
  window: Pick<BrowserWindow, 'on'>,
  options: { enabled: () => boolean; isUnlocked: () => boolean; lock: () => void },
): void {
  const onHidden = () => {
    if (options.enabled() && options.isUnlocked()) options.lock();
  };
  window.on('minimize', onHidden);
  window.on('hide', onHidden);
}
