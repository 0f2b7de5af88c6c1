import type { Handlers } from '../ipc/dispatch';
import { appHandlers } from './app';
import type { AppContext } from './context';
import { evidenceHandlers } from './evidence';
import { vaultHandlers } from './vault';
import { recordsHandlers } from './records';
import { keysHandlers } from './keys';
import { dossierHandlers } from './dossier';
import { releaseHandlers } from './release';
import { backupHandlers } from './backup';
import { historyHandlers } from './history';

export type { AppContext };

/** Every channel's implementation; typed as Handlers, so a missing one is a compile error. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...vaultHandlers(ctx),
    ...evidenceHandlers(ctx),
    ...recordsHandlers(ctx),
    ...keysHandlers(ctx),
    ...dossierHandlers(ctx),
    ...releaseHandlers(ctx),
    ...backupHandlers(ctx),
    ...historyHandlers(ctx),
  };
}
