import { basename } from 'node:path';
import type { Handlers } from '../ipc/dispatch';
import type { AppContext } from './context';

export function appHandlers(
  ctx: AppContext,
): Pick<Handlers, 'app.info' | 'settings.get' | 'settings.set' | 'operation.cancel'> {
  return {
    async 'app.info'() {
      const recentVaults = ctx.settings.get().recentVaults.map((path) => ({
        locationId: ctx.session.remember('location', path),
        label: basename(path),
      }));
      return { ...ctx.app, recentVaults };
    },
    async 'settings.get'() {
      const { language, autoLockMinutes } = ctx.settings.get();
      return { language, autoLockMinutes };
    },
    async 'settings.set'(input) {
      const { language, autoLockMinutes } = await ctx.settings.update(input);
      return { language, autoLockMinutes };
    },
    async 'operation.cancel'({ operationId }) {
      return { cancelled: ctx.operations.cancel(operationId) };
    },
  };
}
