import { contextBridge } from 'electron';

// Exposes the typed bridge `window.vigil`; nothing else crosses into the page.
contextBridge.exposeInMainWorld('vigil', Object.freeze({ version: 1 }));
