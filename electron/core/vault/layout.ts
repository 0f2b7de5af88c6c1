import { join } from 'node:path';

/** The files of a vault directory. Everything in it is encrypted, except the header's public parameters. */
export const HEADER_FILE = 'vault.header';
export const DATABASE_FILE = 'vault.db';
export const BLOB_DIR = 'blobs';
/** An empty SQLite file used only for its operating-system lock: the one writer holds it. */
export const LOCK_FILE = 'vault.lock';
/** Who holds the writer lock (pid, command, since), written by the holder and removed on release. */
export const HOLDER_FILE = 'vault.lock.json';

export const headerPath = (dir: string): string => join(dir, HEADER_FILE);
export const databasePath = (dir: string): string => join(dir, DATABASE_FILE);
export const blobDir = (dir: string): string => join(dir, BLOB_DIR);
export const lockPath = (dir: string): string => join(dir, LOCK_FILE);
export const holderPath = (dir: string): string => join(dir, HOLDER_FILE);
