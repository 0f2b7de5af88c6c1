import type { Queryable } from '../database';

/** One schema step. Migrations are never edited once released: add a new one. */
export interface Migration {
  version: number;
  name: string;
  up(tx: Queryable): Promise<void>;
}
