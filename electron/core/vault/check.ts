import type { CheckCode } from '../../../shared/vault';
import type { Vault } from './vault';
import { verifyAuditChain } from './audit';
import type { Queryable } from './database';

export interface CheckItem {
  /** What was checked, as a code the UI names (shared/vault CHECK_CODES); `name` is the CLI's English. */
  code: CheckCode;
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
    code: 'pages',
    name: 'encrypted pages (cipher_integrity_check)',
    ok: rows.length === 0,
    problems: rows.map((r) => Object.values(r).join(' ')),
  };
}

const cipherIntegrity: VaultCheck = (vault) => checkPages(vault.db);

async function sqliteIntegrity(vault: Vault): Promise<CheckItem> {
  const rows = await vault.db.all<{ integrity_check: string }>('PRAGMA integrity_check');
  const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  return {
    code: 'structure',
    name: 'database structure (integrity_check)',
    ok: problems.length === 0,
    problems,
  };
}

async function foreignKeys(vault: Vault): Promise<CheckItem> {
  const rows = await vault.db.all<{ table: string; rowid: number; parent: string }>(
    'PRAGMA foreign_key_check',
  );
  return {
    code: 'references',
    name: 'references between records (foreign_key_check)',
    ok: rows.length === 0,
    problems: rows.map((r) => `${r.table} row ${r.rowid} points to a missing ${r.parent}`),
  };
}

async function auditChain(vault: Vault): Promise<CheckItem> {
  const result = await verifyAuditChain(vault.db);
  return {
    code: 'audit-chain',
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

const CHECK_NAMES = new Map<VaultCheck, [CheckCode, string]>([
  [cipherIntegrity, ['pages', 'encrypted pages (cipher_integrity_check)']],
  [sqliteIntegrity, ['structure', 'database structure (integrity_check)']],
  [foreignKeys, ['references', 'references between records (foreign_key_check)']],
  [auditChain, ['audit-chain', 'audit log hash chain']],
]);

/** The code of a module's check, known by its function's name ("checkEvidenceBlobs"). */
const MODULE_CODES: Record<string, CheckCode> = {
  checkCaseRecords: 'case-records',
  checkEvidenceBlobs: 'evidence-files',
  checkInterruptedWork: 'interrupted-work',
};

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
  code: CheckCode,
  name: string,
  subject: T,
  check: (subject: T) => Promise<CheckItem>,
): Promise<CheckItem> {
  try {
    return await check(subject);
  } catch (error) {
    const errorCode =
      (error as { cause?: { code?: string } } | undefined)?.cause?.code ??
      (error as { code?: string } | undefined)?.code;
    const why =
      error instanceof Error && (error as { code?: string }).code === 'DISK_FULL'
        ? error.message
        : `it could not read the database (${errorCode ?? 'error'}), as happens at a damaged page`;
    return { code, name, ok: false, problems: [`this check could not run: ${why}`] };
  }
}

/** The database's own checks, then those of the modules with data of their own (see core/checks.ts). */
export async function runVaultChecks(vault: Vault, extra: VaultCheck[] = []): Promise<CheckReport> {
  const items: CheckItem[] = [];
  for (const check of [...BUILT_IN, ...extra]) {
    const [code, name]: [CheckCode, string] = CHECK_NAMES.get(check) ?? [
      MODULE_CODES[check.name] ?? 'other',
      describeCheck(check),
    ];
    items.push(await runOne(code, name, vault, check));
  }
  return { ok: items.every((i) => i.ok), items };
}
