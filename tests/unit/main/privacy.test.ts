import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  ClipboardGuard,
  MemoryClipboard,
  type ClipboardTimers,
} from '../../../electron/main/clipboard';
import { SettingsStore } from '../../../electron/main/settings';
import { lockWhenHidden } from '../../../electron/main/window';
import type { Result } from '../../../shared/ipc/contract';
import { testServices } from '../../helpers/services';
import { tempDir } from '../../helpers/tmp';
import { newVault, reopen } from '../../helpers/vault';
import { EventEmitter } from 'node:events';

// window.ts imports Electron; these tests need none of it.
const fake = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../../helpers/fakeElectron');
  return createFakeElectron();
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

/** Timers that run only when the test says so. */
function manualTimers(): ClipboardTimers & { due: { fn: () => void; ms: number }[]; fire(): void } {
  const due: { fn: () => void; ms: number; cancelled?: boolean }[] = [];
  return {
    due,
    setTimeout: (fn, ms) => {
      const entry = { fn, ms };
      due.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      const index = due.indexOf(handle as (typeof due)[number]);
      if (index >= 0) due.splice(index, 1);
    },
    fire() {
      for (const entry of due.splice(0)) entry.fn();
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the clipboard guard', () => {
  it('clears what Vigil copied after the delay, only if the clipboard still holds it', async () => {
    for (const [text, seconds] of [
      ['3F2A 9C41 0B7E 55D2', 30],
      ['ab'.repeat(32), 5],
      ['مفتاح استرداد ٤٢', 600],
    ] as const) {
      const board = new MemoryClipboard();
      const timers = manualTimers();
      const guard = new ClipboardGuard(board, timers);
      await guard.copy(text, seconds);
      expect(board.text).toBe(text);
      expect(timers.due.map((d) => d.ms)).toEqual([seconds * 1000]);
      timers.fire();
      await settle();
      expect(board.text).toBe('');
    }
  });

  it('leaves alone what the user copied since, and forgets the copied text either way', async () => {
    const board = new MemoryClipboard();
    const timers = manualTimers();
    const guard = new ClipboardGuard(board, timers);
    await guard.copy('fingerprint 1234', 30);
    board.text = 'a shopping list the user copied from elsewhere';
    timers.fire();
    await settle();
    expect(board.text).toBe('a shopping list the user copied from elsewhere');
    // Nothing pending any more: a later lock does not clear it either.
    expect(await guard.clearIfOurs()).toBe(false);
    expect(board.text).toBe('a shopping list the user copied from elsewhere');
  });

  it('a second copy replaces the first: one timer, and the first text is no longer ours', async () => {
    const board = new MemoryClipboard();
    const timers = manualTimers();
    const guard = new ClipboardGuard(board, timers);
    await guard.copy('first', 30);
    await guard.copy('second', 10);
    expect(timers.due.map((d) => d.ms)).toEqual([10_000]);
    board.text = 'first';
    expect(await guard.clearIfOurs()).toBe(false);
    expect(board.text).toBe('first');
  });

  it('a clipboard that cannot be read is left as it is (never a false "cleared")', async () => {
    const cleared: string[] = [];
    const guard = new ClipboardGuard(
      {
        writeText: () => undefined,
        readText: () => {
          throw new Error('no access');
        },
        clear: () => void cleared.push('cleared'),
      },
      manualTimers(),
    );
    await guard.copy('x', 30);
    expect(await guard.clearIfOurs()).toBe(false);
    expect(cleared).toEqual([]);
  });
});

describe('application settings for privacy', () => {
  it('start without a language (the system one is used), lock on hide off, names shown, 30 s', async () => {
    const store = await SettingsStore.load(join(await tempDir(), 'settings.json'));
    expect(store.get()).toEqual({
      autoLockMinutes: 5,
      lockOnHide: false,
      hideVaultNames: false,
      clipboardSeconds: 30,
      backupReminderDays: 7,
      navCollapsed: false,
      recentVaults: [],
    });
  });

  it('persist, and forget one recent vault or all of them', async () => {
    const file = join(await tempDir(), 'settings.json');
    const store = await SettingsStore.load(file);
    for (const path of ['/media/usb/a', '/home/r/b', '/home/r/c']) await store.rememberVault(path);
    await store.update({ lockOnHide: true, hideVaultNames: true, clipboardSeconds: 12 });
    await store.forgetVaults('/home/r/b');
    const again = await SettingsStore.load(file);
    expect(again.get()).toMatchObject({
      lockOnHide: true,
      hideVaultNames: true,
      clipboardSeconds: 12,
      recentVaults: ['/home/r/c', '/media/usb/a'],
    });
    await again.forgetVaults();
    expect((await SettingsStore.load(file)).get().recentVaults).toEqual([]);
  });
});

describe('lock when hidden', () => {
  for (const event of ['minimize', 'hide']) {
    it(`locks on ${event} only when the setting is on and the vault is open`, () => {
      const window = new EventEmitter();
      const state = { enabled: false, unlocked: true, locks: 0 };
      lockWhenHidden(window as never, {
        enabled: () => state.enabled,
        isUnlocked: () => state.unlocked,
        lock: () => void (state.locks += 1),
      });
      window.emit(event);
      expect(state.locks).toBe(0);
      state.enabled = true;
      window.emit(event);
      expect(state.locks).toBe(1);
      state.unlocked = false;
      window.emit(event);
      expect(state.locks).toBe(1);
    });
  }
});

async function services() {
  const s = await testServices();
  const call = async <T = Record<string, unknown>>(channel: string, input: unknown): Promise<T> => {
    const result = (await s.dispatch(channel, input)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const refused = async (channel: string, input: unknown) => {
    const result = await s.dispatch(channel, input);
    expect(result.ok, `${channel} ${JSON.stringify(input)}`).toBe(false);
    return result.ok ? null : result.error;
  };
  return { ...s, call, refused };
}

describe('privacy channels', () => {
  it('settings: read and changed within bounds; bad values refused and nothing changed', async () => {
    const { call, refused } = await services();
    expect(await call('settings.get', {})).toEqual({
      language: null,
      autoLockMinutes: 5,
      lockOnHide: false,
      hideVaultNames: false,
      clipboardSeconds: 30,
      backupReminderDays: 7,
      navCollapsed: false,
    });
    expect(
      await call('settings.set', { lockOnHide: true, hideVaultNames: true, clipboardSeconds: 45 }),
    ).toMatchObject({ lockOnHide: true, hideVaultNames: true, clipboardSeconds: 45 });
    for (const bad of [
      { clipboardSeconds: 4 },
      { clipboardSeconds: 601 },
      { clipboardSeconds: 7.5 },
      { lockOnHide: 'yes' },
      { navCollapsed: 'yes' },
      { recentVaults: ['/etc'] },
    ])
      expect((await refused('settings.set', bad))?.code).toBe('INVALID_INPUT');
    expect(await call('settings.get', {})).toMatchObject({
      clipboardSeconds: 45,
      lockOnHide: true,
    });
  });

  it('recent vaults: labelled by folder, unnamed when names are hidden, forgotten one by one or all', async () => {
    const { call, refused, context } = await services();
    for (const path of ['/media/usb/Dossiers-2024', '/home/r/cases-eg'])
      await context.settings.rememberVault(path);
    let info = await call<{ recentVaults: { locationId: string; label: string }[] }>(
      'app.info',
      {},
    );
    expect(info.recentVaults.map((v) => v.label)).toEqual(['cases-eg', 'Dossiers-2024']);
    await call('settings.set', { hideVaultNames: true });
    info = await call('app.info', {});
    expect(info.recentVaults.map((v) => v.label)).toEqual(['', '']);
    expect(JSON.stringify(info)).not.toMatch(/Dossiers|cases-eg|media|home/);
    await call('app.forgetRecent', { locationId: info.recentVaults[1]!.locationId });
    expect(context.settings.get().recentVaults).toEqual(['/home/r/cases-eg']);
    expect(
      (await refused('app.forgetRecent', { locationId: 'not-a-reference' }))?.code,
    ).toBeTruthy();
    expect(context.settings.get().recentVaults).toEqual(['/home/r/cases-eg']);
    await call('app.forgetRecent', {});
    expect(context.settings.get().recentVaults).toEqual([]);
  });

  it('copy: main puts the text on the clipboard and clears it when the vault locks', async () => {
    const { call, refused, context, clipboard } = await services();
    const { vault } = await newVault();
    await context.session.open(vault);
    expect(await call('clipboard.copy', { text: 'SHA-256 9f86d081884c7d65' })).toEqual({
      clearsInSeconds: 30,
    });
    expect(clipboard.text).toBe('SHA-256 9f86d081884c7d65');
    for (const bad of [{ text: '' }, { text: 'x'.repeat(4097) }, { text: 42 }, {}])
      expect((await refused('clipboard.copy', bad))?.code).toBe('INVALID_INPUT');
    await call('vault.lock', { reason: 'user' });
    expect(clipboard.text).toBe('');
  });

  it('panic and quick exit lock, close the windows and leave a lock screen that names no vault', async () => {
    const { call, context, panics, events } = await services();
    for (const kind of ['panic', 'quick-exit'] as const) {
      const { vault, dir } = await newVault();
      await context.session.open(vault);
      await call('vault.lock', { reason: 'user' });
      // A plain lock: the next window may offer this vault by name.
      let status = await call<{ locked: { label: string } | null }>('vault.status', {});
      expect(status.locked?.label).toBe('vault');
      await context.session.open(await reopen(dir));
      await call('clipboard.copy', { text: 'passphrase hint' });
      await call('vault.lock', { reason: kind });
      expect(panics.at(-1)).toBe(kind);
      expect(events.at(-1)).toEqual({ event: 'locked', payload: { reason: kind } });
      status = await call('vault.status', {});
      expect(status).toMatchObject({ unlocked: false, vaultId: null, label: null });
      expect(status.locked?.label).toBe('');
      expect(context.session.current).toBeNull();
    }
    expect(panics).toEqual(['panic', 'quick-exit']);
  });

  it('drafts: counts only; a lock discards them and the next unlock of that vault says so, once', async () => {
    const { call, refused, context } = await services();
    const { vault, dir } = await newVault();
    const other = await newVault();
    // Nothing to report while locked: the renderer holds no drafts then.
    expect((await refused('drafts.report', { counts: { testimony: 1 } }))?.code).toBe(
      'VAULT_LOCKED',
    );
    await context.session.open(vault);
    expect(await call('drafts.discarded', {})).toEqual({ counts: {} });
    for (const bad of [
      { counts: { testimony: -1 } },
      { counts: { testimony: 1.5 } },
      { counts: { statement: 1 } },
      { counts: { testimony: 'They took her at nine' } },
      { counts: {}, text: 'They took her at nine' },
    ])
      expect((await refused('drafts.report', bad))?.code).toBe('INVALID_INPUT');
    await call('drafts.report', { counts: { testimony: 2, person: 1 } });
    await call('drafts.report', { counts: { testimony: 1, person: 1 } });
    await call('vault.lock', { reason: 'panic' });
    // Another vault opened in between hears nothing of this one's drafts...
    await context.session.open(other.vault);
    expect(await call('drafts.discarded', {})).toEqual({ counts: {} });
    await call('vault.lock', { reason: 'user' });
    // ...and a lock with no drafts leaves nothing to tell.
    await context.session.open(await reopen(dir));
    await call('drafts.report', { counts: { case: 1 } });
    await call('drafts.report', { counts: {} });
    await context.session.lock('idle');
    await context.session.open(await reopen(dir));
    expect(await call('drafts.discarded', {})).toEqual({ counts: {} });
    // Discarded twice before an unlock: the counts add up; told once.
    await call('drafts.report', { counts: { testimony: 1 } });
    await context.session.lock('idle');
    await context.session.open(await reopen(dir));
    await call('drafts.report', { counts: { testimony: 1, submission: 1 } });
    await call('vault.lock', { reason: 'quick-exit' });
    await context.session.open(await reopen(dir));
    expect(await call('drafts.discarded', {})).toEqual({ counts: { testimony: 2, submission: 1 } });
    expect(await call('drafts.discarded', {})).toEqual({ counts: {} });
  });

  it('a panic right after a plain lock still hides the name of the vault locked last', async () => {
    const { call, context } = await services();
    const { vault } = await newVault();
    await context.session.open(vault);
    await call('vault.lock', { reason: 'user' });
    await call('vault.lock', { reason: 'panic' });
    expect((await call<{ locked: { label: string } }>('vault.status', {})).locked.label).toBe('');
  });
});
