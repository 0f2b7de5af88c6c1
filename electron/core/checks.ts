import type { VaultCheck } from './vault/check';

/** Checks contributed by modules that keep data outside the database tables (evidence blobs, later). */
export const vaultChecks: VaultCheck[] = [];
