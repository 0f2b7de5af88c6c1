import type { Vault } from './vault';
import { verifyAuditChain } from './audit';

export interface CheckItem {
  name: string;
  ok: boolean;
  problems: string[];
}

export interface CheckReport {
  ok: boolean;
  items: CheckItem[];
}

/** A check contributed by a module that keeps data of its own (the evidence store adds its blobs). */
export type VaultCheck = (vault: Vault) => Promise<CheckItem>;

async function cipherIntegrity(vault: Vault): Promise<CheckItem> {
  // One row per page whose HMAC fails; none when every page is intact.
  const rows = await vault.db.all<Record<string, string>>('PRAGMA cipher_integrity_check');
  return {
    name: 'encrypted pages (cipher_integrity_check)',
    ok: rows.length === 0,
    problems: rows.map((r) => Object.values(r).join(' ')),
  };
}

async function sqliteIntegrity(vault: Vault): Promise<CheckItem> {
  const rows = await vault.db.all<{ integrity_check: string }>('PRAGMA integrity_check');
  const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  return { name: 'database structure (integrity_check)', ok: problems.length === 0, problems };
}

async function foreignKeys(vault: Vault): Promise<CheckItem> {
  const rows = await vault.db.all<{ table: string; rowid: number; parent: string }>(
    'PRAGMA foreign_key_check',
  );
  return {
    name: 'references between records (foreign_key_check)',
    ok: rows.length === 0,
    problems: rows.map((r) => `${r.table} row ${r.rowid} points to a missing ${r.parent}`),
  };
}

async function auditChain(vault: Vault): Promise<CheckItem> {
  const result = await verifyAuditChain(vault.db);
  return {
    name: `audit log hash chain (${result.entries} entries)`,
    ok: result.ok,
    problems: result.problems,
  };
}

const BUILT_IN: VaultCheck[] = [cipherIntegrity, sqliteIntegrity, foreignKeys, auditChain];

/** The database's own checks, then those of the modules with data of their own (see core/checks.ts). */
export async function runVaultChecks(vault: Vault, extra: VaultCheck[] = []): Promise<CheckReport> {
  const items: CheckItem[] = [];
  for (const check of [...BUILT_IN, ...extra]) items.push(await check(vault));
  return { ok: items.every((i) => i.ok), items };
}
