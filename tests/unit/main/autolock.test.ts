import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AutoLock } from '../../../electron/main/autoLock';
import { readHeader } from '../../../electron/core/vault/header';
import { unlockWithPassphrase } from '../../../electron/core/vault/keyslots';
import { testServices, type TestServices } from '../../helpers/services';
import { cheapStandardPresetInThisFile } from '../../helpers/kdfPreset';
import { tempDir } from '../../helpers/tmp';

const PASS = 'auto lock test passphrase';

cheapStandardPresetInThisFile();

async function unlocked(): Promise<TestServices & { dir: string }> {
  const services = await testServices();
  const dir = join(await tempDir(), 'vault');
  services.dialogs.folders.push(dir);
  const chosen = await services.dispatch('vault.chooseNewLocation', {});
  const { locationId } = (chosen as { ok: true; value: { locationId: string } }).value;
  const created = await services.dispatch('vault.create', {
    locationId,
    passphrase: PASS,
    kdf: 'standard',
  });
  expect(created.ok).toBe(true);
  return { ...services, dir };
}

/** Every Buffer, typed array and string reachable from `root` through JavaScript properties. */
function reachableBytes(root: unknown): { buffers: Uint8Array[]; strings: string[] } {
  const seen = new Set<unknown>();
  const buffers: Uint8Array[] = [];
  const strings: string[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      strings.push(value);
      continue;
    }
    if (
      value === null ||
      (typeof value !== 'object' && typeof value !== 'function') ||
      seen.has(value)
    )
      continue;
    seen.add(value);
    if (ArrayBuffer.isView(value)) {
      buffers.push(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      continue;
    }
    if (value instanceof Map) for (const [k, v] of value) stack.push(k, v);
    if (value instanceof Set) for (const v of value) stack.push(v);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && 'value' in descriptor) stack.push(descriptor.value);
    }
  }
  return { buffers, strings };
}

function holdsKey(root: unknown, key: Buffer): boolean {
  const { buffers, strings } = reachableBytes(root);
  const hex = key.toString('hex');
  return buffers.some((b) => Buffer.from(b).includes(key)) || strings.some((s) => s.includes(hex));
}

describe('auto-lock', () => {
  it('locks after the idle delay (system idle time), not before, and tells the renderer', async () => {
    const { context, events } = await unlocked();
    let idle = 0;
    const autoLock = new AutoLock({
      systemIdleSeconds: () => idle,
      delayMinutes: () => context.settings.get().autoLockMinutes,
      isUnlocked: () => context.session.current !== null,
      lock: (reason) => context.session.lock(reason),
      setInterval: () => 0,
      clearInterval: () => {},
    });
    autoLock.start();
    idle = 5 * 60 - 1;
    await autoLock.tick();
    expect(context.session.current).not.toBeNull();
    idle = 5 * 60;
    await autoLock.tick();
    expect(context.session.current).toBeNull();
    expect(events).toContainEqual({ event: 'locked', payload: { reason: 'idle' } });
    autoLock.stop();
  });

  it('follows the delay the user sets', async () => {
    const { context, dispatch } = await unlocked();
    expect(await dispatch('settings.set', { autoLockMinutes: 1 })).toMatchObject({
      ok: true,
      value: { autoLockMinutes: 1 },
    });
    const autoLock = new AutoLock({
      systemIdleSeconds: () => 61,
      delayMinutes: () => context.settings.get().autoLockMinutes,
      isUnlocked: () => context.session.current !== null,
      lock: (reason) => context.session.lock(reason),
    });
    await autoLock.tick();
    expect(context.session.current).toBeNull();
  });

  for (const [event, reason] of [
    ['lock-screen', 'screen-lock'],
    ['suspend', 'suspend'],
    ['panic', 'panic'],
  ] as const) {
    it(`locks on ${event}, closes the vault and forgets the chosen files`, async () => {
      const { context, events, dispatch, dir } = await unlocked();
      const vault = context.session.current!;
      const fileRef = context.session.remember('file', join(dir, 'whatever.jpg'));
      const autoLock = new AutoLock({
        systemIdleSeconds: () => 0,
        delayMinutes: () => 5,
        isUnlocked: () => context.session.current !== null,
        lock: (r) => context.session.lock(r),
      });
      await autoLock.onSystemEvent(event);
      expect(events).toContainEqual({ event: 'locked', payload: { reason } });
      expect(vault.isLocked).toBe(true);
      await expect(vault.db.all('SELECT 1')).rejects.toThrow(/locked/);
      expect(() => context.session.resolve('file', fileRef)).toThrow(/no longer valid/);
      expect(await dispatch('vault.check', {})).toMatchObject({
        ok: false,
        error: { code: 'VAULT_LOCKED' },
      });
    });
  }

  it('leaves no copy of the vault key reachable from the session, before or after locking', async () => {
    const { context, dir } = await unlocked();
    const key = await unlockWithPassphrase(await readHeader(dir), PASS);
    expect(holdsKey({ planted: Buffer.from(key) }, key)).toBe(true); // the search can find a key
    expect(holdsKey({ planted: key.toString('hex') }, key)).toBe(true);
    expect(holdsKey(context, key)).toBe(false);
    await context.session.lock('user');
    expect(holdsKey(context, key)).toBe(false);
    expect(context.session.current).toBeNull();
  });
});
