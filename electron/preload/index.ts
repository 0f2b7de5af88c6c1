import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { createVigilApi } from '../../shared/ipc/api';
import { IPC_PREFIX } from '../../shared/ipc/contract';

// Reviewed (electronegativity PRELOAD_JS_CHECK): this preload exposes only
// `window.vigil`, built from the contract's channel list. It never exposes
// ipcRenderer, the IpcRendererEvent object, Node APIs or any path; every
// payload is validated again in main. Dropped files reach main by the paths
// webUtils reads from the File objects themselves: the page cannot choose them.
contextBridge.exposeInMainWorld(
  'vigil',
  createVigilApi({
    invoke: (channel, input) => ipcRenderer.invoke(`${IPC_PREFIX}${channel}`, input),
    pathsOfFiles: (files) => files.map((file) => webUtils.getPathForFile(file)),
    subscribe(event, listener) {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(`${IPC_PREFIX}event:${event}`, forward);
      return () => {
        ipcRenderer.removeListener(`${IPC_PREFIX}event:${event}`, forward);
      };
    },
  }),
);
