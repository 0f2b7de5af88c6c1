import type { Migration } from './types';
import { initial } from './0001-initial';

export type { Migration };

/** Every migration, in order. The last one's version is the schema this build writes. */
export const MIGRATIONS: readonly Migration[] = [initial];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
