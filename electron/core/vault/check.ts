import type { Vault } from './vault';
import { verifyAuditChain } from './audit';
import type { Queryable } from './database';

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

/** Every page's HMAC: one row per damaged page (its number), none when all are intact. */
export async function checkPages(db: Queryable): Promise<CheckItem> {
  const rows = await db.all<Record<string, string>>('PRAGMA cipher_integrity_check');
  return {
    name: 'encrypted pages (cipher_integrity_check)',
    ok: rows.length === 0,
    problems: rows.map((r) => Object.values(r).join(' ')),
  };
}

const cipherIntegrity: VaultCheck = (vault) => checkPages(vault.db);

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

/** "checkEvidenceBlobs" → "evidence blobs": a name for a module's check that could not run. */
function describeCheck(check: VaultCheck): string {
  return check.name
    .replace(/^check/, '')
    .replace(/([A-Z])/g, ' $1')
    .trim()
    .toLowerCase();
}

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
/**
 * A check that cannot even run (a damaged page under the table it reads)
 * is itself a finding: it fails, saying what stopped it, and the others
 * still run. `check` never ends in an internal error.
 */
export async function runOne<T>(
  name: string,
  subject: T,
  check: (subject: T) => Promise<CheckItem>,
): Promise<CheckItem> {
  try {
    return await check(subject);
  } catch (error) {
    const code =
      (error as { cause?: { code?: string } } | undefined)?.cause?.code ??
      (error as { code?: string } | undefined)?.code;
    const why =
      error instanceof Error && (error as { code?: string }).code === 'DISK_FULL'
        ? error.message
        : `it could not read the database (${code ?? 'error'}), as happens at a damaged page`;
    return { name, ok: false, problems: [`this check could not run: ${why}`] };
  }
}

/** The database's own checks, then those of the modules with data of their own (see core/checks.ts). */
export async function runVaultChecks(vault: Vault, extra: VaultCheck[] = []): Promise<CheckReport> {
  const items: CheckItem[] = [];
  for (const check of [...BUILT_IN, ...extra])
    items.push(await runOne(CHECK_NAMES.get(check) ?? describeCheck(check), vault, check));
  return { ok: items.every((i) => i.ok), items };
}
