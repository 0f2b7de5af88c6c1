import { basename, resolve } from 'node:path';
import { KDF_PRESETS } from '../../../shared/vault';
import {
  argon2idParams,
  changePassphrase,
  checkVault,
  createVault,
  openVault,
  readVaultInfo,
  recoverVault,
  replaceRecoveryKey,
} from '../../core';
import type { Handlers } from '../ipc/dispatch';
import { shownLocation } from './app';
import type { AppContext } from './context';

/** How the app appears to a `vigil` command that finds the vault in use. */
export const APP_HOLDER = 'the Vigil app';

type VaultChannels =
  | 'vault.chooseNewLocation'
  | 'vault.chooseExisting'
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.lock'
  | 'vault.status'
  | 'vault.info'
  | 'vault.changePassphrase'
  | 'vault.recover'
  | 'vault.newRecoveryKey'
  | 'vault.check';

export function vaultHandlers(ctx: AppContext): Pick<Handlers, VaultChannels> {
  const location = (path: string | null) =>
    path ? { locationId: ctx.session.remember('location', path), label: basename(path) } : null;
  return {
    async 'vault.chooseNewLocation'() {
      return location(await ctx.dialogs.chooseNewVaultFolder());
    },
    async 'vault.chooseExisting'() {
      return location(await ctx.dialogs.chooseVaultFolder());
    },
    async 'vault.create'({ locationId, passphrase, kdf }) {
      const dir = ctx.session.resolve('location', locationId);
      const created = await createVault({
        dir,
        passphrase,
        kdf: argon2idParams(KDF_PRESETS[kdf]),
        holder: APP_HOLDER,
      });
      await ctx.session.open(created.vault);
      await ctx.settings.rememberVault(dir);
      return { vaultId: created.vaultId, recoveryKey: created.recoveryKey };
    },
    async 'vault.unlock'({ locationId, passphrase }) {
      const dir = ctx.session.resolve('location', locationId);
      // While unlocked, the app is the vault's one writer; `vigil` commands that only read
      // still run, and those that write say the app holds the vault.
      // Opening again the vault the app already holds: let go of it first (or it would wait for itself).
      const current = ctx.session.current;
      if (current && resolve(current.dir) === resolve(dir)) await ctx.session.lock('user');
      const vault = await openVault({ dir, passphrase, holder: APP_HOLDER });
      await ctx.session.open(vault);
      await ctx.settings.rememberVault(dir);
      return { vaultId: vault.id, label: basename(dir) };
    },
    async 'vault.lock'({ reason }) {
      if (reason === 'user') {
        ctx.operations.cancelAll();
        await ctx.session.lock(reason);
      } else await ctx.panic(reason);
      return {};
    },
    async 'vault.status'() {
      const vault = ctx.session.current;
      const last = ctx.session.lastLockedVault;
      return {
        unlocked: Boolean(vault && !vault.isLocked),
        vaultId: vault?.id ?? null,
        label: ctx.session.currentLabel,
        open: vault && !vault.isLocked ? shownLocation(ctx, vault.dir) : null,
        locked:
          last && !vault
            ? shownLocation(ctx, last.dir, last.reason === 'panic' || last.reason === 'quick-exit')
            : null,
      };
    },
    async 'vault.info'() {
      return readVaultInfo(ctx.session.requireVault().dir);
    },
    async 'vault.changePassphrase'({ current, next, kdf }) {
      const vault = ctx.session.requireVault();
      await changePassphrase({
        dir: vault.dir,
        vault,
        passphrase: current,
        newPassphrase: next,
        kdf: kdf ? argon2idParams(KDF_PRESETS[kdf]) : undefined,
      });
      return {};
    },
    async 'vault.recover'({ locationId, recoveryKey, newPassphrase }) {
      await recoverVault({
        dir: ctx.session.resolve('location', locationId),
        recoveryKey,
        newPassphrase,
        holder: APP_HOLDER,
      });
      return {};
    },
    async 'vault.newRecoveryKey'({ passphrase }) {
      const vault = ctx.session.requireVault();
      return { recoveryKey: await replaceRecoveryKey({ dir: vault.dir, vault, passphrase }) };
    },
    async 'vault.check'() {
      return checkVault(ctx.session.requireVault());
    },
  };
}
