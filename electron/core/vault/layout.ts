import { join } from 'node:path';

/** The files of a vault directory. Everything in it is encrypted, except the header's public parameters. */
export const HEADER_FILE = 'vault.header';
export const DATABASE_FILE = 'vault.db';
export const BLOB_DIR = 'blobs';

export const headerPath = (dir: string): string => join(dir, HEADER_FILE);
export const databasePath = (dir: string): string => join(dir, DATABASE_FILE);
export const blobDir = (dir: string): string => join(dir, BLOB_DIR);
