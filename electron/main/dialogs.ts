/**
 * Native dialogs, as main sees them. The Electron implementation is in
 * electronDialogs.ts; the end-to-end tests script them. Paths never come
 * from the renderer: it receives opaque references to what the user chose.
 */
export interface Dialogs {
  chooseNewVaultFolder(): Promise<string | null>;
  chooseVaultFolder(): Promise<string | null>;
  chooseEvidenceFiles(): Promise<string[]>;
  chooseSaveFile(suggestedName: string): Promise<string | null>;
  chooseSaveFolder(suggestedName: string): Promise<string | null>;
  chooseOpenFile(kind: 'bundle' | 'key' | 'dossier'): Promise<string | null>;
  /** Opens the system's file manager at a file or folder Vigil wrote. */
  showInFolder(path: string): void;
}
