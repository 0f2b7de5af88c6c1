import { dialog, shell, type BrowserWindow } from 'electron';
import type { Dialogs } from './dialogs';

/** Native dialogs, attached to the main window. */
export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  const parent = () => window() ?? undefined;
  const pickFolder = async (title: string, create: boolean) => {
    const options = {
      title,
      properties: ['openDirectory', ...(create ? (['createDirectory'] as const) : [])],
    } as Electron.OpenDialogOptions;
    const w = parent();
    const result = w
      ? await dialog.showOpenDialog(w, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    chooseNewVaultFolder: () => pickFolder('Choose an empty folder for the new vault', true),
    chooseVaultFolder: () => pickFolder('Choose a vault folder', false),
    async chooseEvidenceFiles() {
      const options: Electron.OpenDialogOptions = {
        title: 'Add evidence files',
        properties: ['openFile', 'multiSelections'],
      };
      const w = parent();
      const result = w
        ? await dialog.showOpenDialog(w, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseSaveFile(defaultPath) {
      const w = parent();
      const options: Electron.SaveDialogOptions = {
        defaultPath,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const result = w
        ? await dialog.showSaveDialog(w, options)
        : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async chooseSaveFolder(defaultPath) {
      const w = parent();
      const options: Electron.SaveDialogOptions = { defaultPath, properties: ['createDirectory'] };
      const result = w
        ? await dialog.showSaveDialog(w, options)
        : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    async chooseOpenFile(kind) {
      const filters =
        kind === 'key'
          ? [{ name: 'OpenPGP keys', extensions: ['asc', 'gpg', 'pgp', 'key'] }]
          : kind === 'bundle'
            ? [{ name: 'Encrypted bundles', extensions: ['gpg', 'pgp', 'vigil'] }]
            : [];
      const options: Electron.OpenDialogOptions = {
        properties: kind === 'dossier' ? ['openDirectory'] : ['openFile'],
        filters,
      };
      const w = parent();
      const result = w
        ? await dialog.showOpenDialog(w, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    showInFolder(path) {
      // Only ever a path main resolved from its own reference to a file it wrote.
      shell.showItemInFolder(path);
    },
  };
}
