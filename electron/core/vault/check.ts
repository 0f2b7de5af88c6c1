import type { Vault } from './vault';
import { verifyAuditChain } from './audit';

export interface CheckItem {
  name: string;
  ok: boolean;
  problems: string[];
  /** Facts worth telling that are not failures (e.g. what this opening cleaned up). */
  notes?: string[];
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

const CHECK_NAMES = new Map<VaultCheck, string>([
  [cipherIntegrity, 'encrypted pages (cipher_integrity_check)'],
  [sqliteIntegrity, 'database structure (integrity_check)'],
  [foreignKeys, 'references between records (foreign_key_check)'],
  [auditChain, 'audit log hash chain'],
]);

/**
 * A check that cannot even run (a damaged page under the table it reads)
 * is itself a finding: it fails, saying what stopped it, and the others
 * still run. `check` never ends in an internal error.
 */
async function runOne(vault: Vault, check: VaultCheck): Promise<CheckItem> {
  try {
    return await check(vault);
  } catch (error) {
    const code = (error as { code?: string } | undefined)?.code;
    const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
    const why =
      error instanceof Error && code && code !== 'INTERNAL' && !code.startsWith('SQLITE')
        ? error.message
        : `the database could not be read (${cause?.code ?? code ?? 'error'}: ${cause?.message ?? (error as Error).message})`;
    return {
      name: CHECK_NAMES.get(check) ?? check.name ?? 'a check',
      ok: false,
      problems: [`this check could not run: ${why}`],
    };
  }
}

/** The database's own checks, then those of the modules with data of their own (see core/checks.ts). */
export async function runVaultChecks(vault: Vault, extra: VaultCheck[] = []): Promise<CheckReport> {
  const items: CheckItem[] = [];
  for (const check of [...BUILT_IN, ...extra]) items.push(await runOne(vault, check));
  return { ok: items.every((i) => i.ok), items };
}
