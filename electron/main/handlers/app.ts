import { basename } from 'node:path';
import type { Handlers } from '../ipc/dispatch';
import type { Settings } from '../settings';
import type { AppContext } from './context';

type AppChannels =
  | 'app.info'
  | 'app.forgetRecent'
  | 'app.showInFolder'
  | 'clipboard.copy'
  | 'settings.get'
  | 'settings.set'
  | 'operation.cancel'
  | 'drafts.report'
  | 'drafts.discarded'
  | 'app.closeWindow';

/** The settings the renderer sees: never the recent vaults' paths. */
function shownSettings(settings: Settings) {
  return {
    language: settings.language ?? null,
    autoLockMinutes: settings.autoLockMinutes,
    lockOnHide: settings.lockOnHide,
    hideVaultNames: settings.hideVaultNames,
    clipboardSeconds: settings.clipboardSeconds,
    backupReminderDays: settings.backupReminderDays,
    navCollapsed: settings.navCollapsed,
  };
}

/** A recent or last vault as the welcome and unlock screens may show it: no name when names are hidden. */
export function shownLocation(ctx: AppContext, path: string, hideName = false) {
  const hidden = hideName || ctx.settings.get().hideVaultNames;
  return {
    locationId: ctx.session.remember('location', path),
    label: hidden ? '' : basename(path),
  };
}

export function appHandlers(ctx: AppContext): Pick<Handlers, AppChannels> {
  return {
    async 'app.info'() {
      const recentVaults = ctx.settings.get().recentVaults.map((path) => shownLocation(ctx, path));
      return { ...ctx.app, recentVaults };
    },
    async 'app.forgetRecent'({ locationId }) {
      await ctx.settings.forgetVaults(
        locationId === undefined ? undefined : ctx.session.resolve('location', locationId),
      );
      return {};
    },
    async 'app.showInFolder'({ outputId }) {
      ctx.dialogs.showInFolder(ctx.session.resolve('output', outputId));
      return {};
    },
    async 'clipboard.copy'({ text }) {
      const seconds = ctx.settings.get().clipboardSeconds;
      await ctx.clipboard.copy(text, seconds);
      return { clearsInSeconds: seconds };
    },
    async 'settings.get'() {
      return shownSettings(ctx.settings.get());
    },
    async 'settings.set'(input) {
      return shownSettings(await ctx.settings.update(input));
    },
    async 'drafts.report'({ counts }) {
      ctx.session.requireVault();
      ctx.drafts.report(counts);
      return {};
    },
    async 'drafts.discarded'() {
      return { counts: ctx.drafts.takeDiscarded(ctx.session.requireVault().dir) };
    },
    async 'app.closeWindow'() {
      ctx.closeWindow();
      return {};
    },
    async 'operation.cancel'({ operationId }) {
      return { cancelled: ctx.operations.cancel(operationId) };
    },
  };
}
