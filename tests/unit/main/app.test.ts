import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, IPC_PREFIX } from '../../../shared/ipc/contract';
import { cheapStandardPresetInThisFile } from '../../helpers/kdfPreset';
import { tempDir } from '../../helpers/tmp';

const fake = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../../helpers/fakeElectron');
  return createFakeElectron();
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

/** Starts the real electron/main/index.ts against the fake Electron, once for the whole file. */
const started = (async () => {
  fake.electron.userData = await tempDir('vigil-userdata-');
  await import('../../../electron/main/index');
  fake.ready();
  await vi.waitFor(() => expect(fake.windows[0]?.loadedUrl).toBeTruthy());
  return fake.windows[0]!;
})();

const PASS = 'a long enough passphrase';

cheapStandardPresetInThisFile();

async function invoke(channel: string, input: unknown, event?: unknown) {
  const window = await started;
  const handler = fake.handlers.get(`${IPC_PREFIX}${channel}`)!;
  return handler(
    event ?? { sender: window.webContents, senderFrame: window.webContents.mainFrame },
    input,
  ) as Promise<{
    ok: boolean;
    value?: Record<string, unknown>;
    error?: { code: string; message: string };
  }>;
}

describe('electron/main with a fake Electron', () => {
  it('opens one hardened window on app://vigil, protected from screen capture, in an in-memory session', async () => {
    const window = await started;
    expect(fake.windows).toHaveLength(1);
    expect(window.loadedUrl).toBe('app://vigil/index.html');
    expect(window.contentProtection).toBe(true);
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(fake.electron.app.sandboxEnabled).toBe(true);
    expect(fake.electron.app.switches).toEqual(
      expect.arrayContaining(['disable-breakpad', 'disable-background-networking']),
    );
    expect(fake.electron.protocol.privileged).toEqual([expect.objectContaining({ scheme: 'app' })]);
    const session = fake.sessions.get('vigil-in-memory')!;
    expect(session.protocolHandlers.has('app')).toBe(true);
    let granted: boolean | undefined;
    session.permissionRequestHandler?.({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    // The window's contents were hardened when created.
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({
      action: 'deny',
    });
    const response = await session.protocolHandlers.get('app')!({
      url: 'app://vigil/../../etc/passwd',
      method: 'GET',
    });
    expect(response.status).toBe(404);
  });

  it('registers a handler for every channel of the contract', async () => {
    await started;
    expect([...fake.handlers.keys()].sort()).toEqual(
      CHANNELS.map((c) => `${IPC_PREFIX}${c}`).sort(),
    );
  });

  it('refuses requests from a foreign frame, another window, or a page that is not ours', async () => {
    const window = await started;
    const refusedFrom = [
      { sender: window.webContents, senderFrame: { url: 'app://vigil/index.html' } }, // a subframe
      { sender: {}, senderFrame: window.webContents.mainFrame }, // another webContents
      { sender: window.webContents, senderFrame: null },
    ];
    for (const event of refusedFrom) {
      const result = await invoke('vault.status', {}, event);
      expect(result.ok).toBe(false);
      expect(result.error?.message).toMatch(/did not come from Vigil/);
    }
    window.webContents.mainFrame.url = 'https://evil.example/';
    expect((await invoke('vault.status', {})).ok).toBe(false);
    window.webContents.mainFrame.url = 'app://vigil/index.html';
    expect(await invoke('vault.status', {})).toEqual({
      ok: true,
      value: { unlocked: false, vaultId: null, label: null, open: null, locked: null },
    });
  });

  it('locks on screen lock, on suspend and on the panic shortcut, and tells the page', async () => {
    const window = await started;
    const lockedEvents = () =>
      window.webContents.sent.filter((m) => m.channel === `${IPC_PREFIX}event:locked`);
    const unlock = async (name: string) => {
      fake.electron.nextPaths.push(join(await tempDir(), name));
      const location = await invoke('vault.chooseNewLocation', {});
      const created = await invoke('vault.create', {
        locationId: location.value!.locationId,
        passphrase: PASS,
        kdf: 'standard',
      });
      expect(created.ok).toBe(true);
      // Where the open vault is, for a reloaded page to lock back to its unlock screen.
      expect((await invoke('vault.status', {})).value).toMatchObject({
        unlocked: true,
        open: { label: name },
      });
    };

    await unlock('a');
    fake.powerMonitor.emit('lock-screen');
    await vi.waitFor(() =>
      expect(lockedEvents().at(-1)?.payload).toEqual({ reason: 'screen-lock' }),
    );
    expect((await invoke('vault.status', {})).value?.unlocked).toBe(false);

    await unlock('b');
    fake.powerMonitor.emit('suspend');
    await vi.waitFor(() => expect(lockedEvents().at(-1)?.payload).toEqual({ reason: 'suspend' }));
    expect((await invoke('vault.status', {})).value?.unlocked).toBe(false);

    await unlock('c');
    expect(fake.shortcuts.has('CommandOrControl+Shift+L')).toBe(true);
    fake.shortcuts.get('CommandOrControl+Shift+L')!();
    await vi.waitFor(() => expect(lockedEvents().at(-1)?.payload).toEqual({ reason: 'panic' }));
    // The panic closed this window: a fresh one asks now.
    const fresh = fake.windows.filter((w) => !w.destroyed).at(-1)!;
    expect(fresh).not.toBe(window);
    const status = await invoke(
      'vault.status',
      {},
      {
        sender: fresh.webContents,
        senderFrame: fresh.webContents.mainFrame,
      },
    );
    expect(status.value?.unlocked).toBe(false);
  });

  /** The window main trusts now (a panic replaces it). */
  const live = () => fake.windows.filter((w) => !w.destroyed).at(-1)!;
  const call = (channel: string, input: unknown) =>
    invoke(channel, input, {
      sender: live().webContents,
      senderFrame: live().webContents.mainFrame,
    });
  const openVault = async (name: string) => {
    fake.electron.nextPaths.push(join(await tempDir(), name));
    const location = await call('vault.chooseNewLocation', {});
    expect(
      (
        await call('vault.create', {
          locationId: location.value!.locationId,
          passphrase: PASS,
          kdf: 'standard',
        })
      ).ok,
    ).toBe(true);
  };

  it('panic and quick exit close every window and open one fresh window at a lock screen naming no vault', async () => {
    await started;
    await openVault('panic-shortcut');
    const before = live();
    fake.shortcuts.get('CommandOrControl+Shift+L')!();
    await vi.waitFor(() => expect(before.destroyed).toBe(true));
    const fresh = live();
    expect(fresh).not.toBe(before);
    expect(fake.windows.filter((w) => !w.destroyed)).toHaveLength(1);
    expect(fresh.loadedUrl).toBe('app://vigil/index.html');
    expect(fresh.contentProtection).toBe(true);
    fresh.emit('ready-to-show');
    expect(fresh.shown).toBe(true);
    expect(fresh.minimised).toBe(false);
    // The app did not quit when the old window went, and the old window is no longer trusted.
    expect(fake.electron.app.quitCalls).toBe(0);
    expect(
      (
        await invoke(
          'vault.status',
          {},
          { sender: before.webContents, senderFrame: before.webContents.mainFrame },
        )
      ).ok,
    ).toBe(false);
    expect((await call('vault.status', {})).value).toMatchObject({
      unlocked: false,
      locked: { label: '' },
    });

    // The quick exit, from the page: the same, and the fresh window stays minimised.
    await openVault('quick-exit');
    const shown = live();
    expect((await call('vault.lock', { reason: 'quick-exit' })).ok).toBe(true);
    await vi.waitFor(() => expect(shown.destroyed).toBe(true));
    const hidden = live();
    hidden.emit('ready-to-show');
    expect(hidden.minimised).toBe(true);
    expect(hidden.shown).toBe(false);
    expect(fake.windows.filter((w) => !w.destroyed)).toHaveLength(1);
    expect((await call('vault.status', {})).value).toMatchObject({
      unlocked: false,
      locked: { label: '' },
    });
  });

  it('locks on minimise only when the setting asks, and the clipboard is cleared on lock', async () => {
    await started;
    await openVault('minimise-off');
    live().minimize();
    expect((await call('vault.status', {})).value?.unlocked).toBe(true);
    expect((await call('settings.set', { lockOnHide: true })).ok).toBe(true);
    const copied = await call('clipboard.copy', { text: 'F1E2 D3C4 fingerprint' });
    expect(copied.value).toEqual({ clearsInSeconds: 30 });
    expect(fake.clipboard.text).toBe('F1E2 D3C4 fingerprint');
    live().minimize();
    await vi.waitFor(() =>
      expect(live().webContents.sent.at(-1)).toMatchObject({ payload: { reason: 'hidden' } }),
    );
    expect((await call('vault.status', {})).value?.unlocked).toBe(false);
    expect(fake.clipboard.text).toBe('');
    // A plain lock (not a panic): the next unlock screen may name the vault.
    expect((await call('vault.status', {})).value).toMatchObject({
      locked: { label: 'minimise-off' },
    });
  });

  it('holds a close or quit with drafts open and asks the page; panic never asks; "Close anyway" closes', async () => {
    await started;
    const asked = (w: ReturnType<typeof live>) =>
      w.webContents.sent.filter((m) => m.channel === `${IPC_PREFIX}event:closeRequested`).length;
    const tryClose = (w: ReturnType<typeof live>) => {
      let prevented = false;
      w.emit('close', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    await openVault('close-guard');
    // Nothing unsaved: the window may close, and the page is not asked.
    expect(tryClose(live())).toBe(false);
    expect(asked(live())).toBe(0);
    // Drafts open: the close is held and the page asked (counts only crossed, as reported).
    expect((await call('drafts.report', { counts: { testimony: 2, person: 1 } })).ok).toBe(true);
    expect(tryClose(live())).toBe(true);
    expect(asked(live())).toBe(1);
    let quitPrevented = false;
    fake.electron.app.emit('before-quit', { preventDefault: () => (quitPrevented = true) });
    expect(quitPrevented).toBe(true);
    expect((await call('vault.status', {})).value?.unlocked).toBe(true);
    // The drafts were saved meanwhile: nothing to ask any more.
    expect((await call('drafts.report', { counts: {} })).ok).toBe(true);
    expect(tryClose(live())).toBe(false);

    // The panic shortcut with drafts open closes every window without asking.
    expect((await call('drafts.report', { counts: { event: 1 } })).ok).toBe(true);
    const before = live();
    const sentBefore = asked(before);
    fake.shortcuts.get('CommandOrControl+Shift+L')!();
    await vi.waitFor(() => expect(before.destroyed).toBe(true));
    expect(asked(before)).toBe(sentBefore);

    // "Close anyway" from the page closes the window for real; the vault locks with it.
    await openVault('close-anyway');
    expect((await call('drafts.report', { counts: { case: 1 } })).ok).toBe(true);
    const window = live();
    window.close();
    expect(window.destroyed).toBe(false);
    expect(asked(window)).toBe(1);
    const quits = fake.electron.app.quitCalls;
    expect((await call('app.closeWindow', {})).ok).toBe(true);
    expect(window.destroyed).toBe(true);
    // The last window gone, the app quits; the quit is no longer held.
    expect(fake.electron.app.quitCalls).toBe(quits + 1);
    quitPrevented = false;
    fake.electron.app.emit('before-quit', { preventDefault: () => (quitPrevented = true) });
    expect(quitPrevented).toBe(false);
  });
});
