import type { VigilApi } from '../../shared/ipc/api';

declare global {
  interface Window {
    /** The only bridge to the main process (see electron/preload). */
    readonly vigil: VigilApi;
  }
}
