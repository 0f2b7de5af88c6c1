import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rm, stat, unlink } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import {
  passphraseProblem,
  MIN_PASSPHRASE_LENGTH,
  MAX_PASSPHRASE_LENGTH,
} from '../../../shared/vault';
import { VigilError, fsError } from '../errors';
import { TEMP_MARKER } from '../fs/atomic';
import { DEFAULT_ARGON2ID, type Argon2idParams } from '../crypto/kdf';
import { generateRecoveryKey, parseRecoveryKey } from '../crypto/recoveryKey';
import { randomSecret, wipe, type SecretBytes } from '../crypto/secrets';
import { appendAudit, type AuditContext, type AuditEvent, type AuditRow } from './audit';
import { Database, type Queryable } from './database';
import { readHeader, writeHeader, type VaultHeader } from './header';
import {
  makePassphraseSlot,
  makeRecoverySlot,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  VAULT_KEY_BYTES,
} from './keyslots';
import { blobDir, databasePath, HEADER_FILE } from './layout';
import { deriveBackupKey } from './backupKey';
import { assertNotNewer, migrate, schemaVersion } from './migrate';

export interface SessionOptions {
  /** Who is recorded in the audit log. Defaults to the operating-system user name. */
  actor?: string;
  /** The clock, injectable for tests. */
  now?: () => Date;
}

function auditContext(options: SessionOptions): AuditContext {
  let actor = options.actor?.trim();
  if (!actor) {
    try {
      actor = userInfo().username;
    } catch {
      actor = 'unknown';
    }
  }
  return { actor, now: options.now ?? (() => new Date()) };
}

export function assertPassphrase(passphrase: string, what = 'The passphrase'): void {
  switch (passphraseProblem(passphrase)) {
    case 'empty':
      throw new VigilError('INVALID_INPUT', `${what} is empty.`);
    case 'too-short':
      throw new VigilError(
        'INVALID_INPUT',
        `${what} is too short: use at least ${MIN_PASSPHRASE_LENGTH} characters (several words are best).`,
      );
    case 'too-long':
      throw new VigilError(
        'INVALID_INPUT',
        `${what} is too long: at most ${MAX_PASSPHRASE_LENGTH} characters.`,
      );
    default:
  }
}

/**
 * An unlocked vault: an open SQLCipher connection. The vault key itself is
 * wiped as soon as the database is keyed; SQLCipher keeps its own copy, which
 * `lock()` releases by closing the connection.
 */
export class Vault {
  private lockListeners = new Set<() => void>();

  constructor(
    readonly dir: string,
    readonly header: VaultHeader,
    readonly db: Database,
    private readonly context: AuditContext,
    /** Authenticates this vault's backups (derived from the vault key); wiped on lock. */
    private readonly backupKey?: SecretBytes,
  ) {}

  /** The key that authenticates a backup of this vault (see vault/backupKey.ts). */
  backupMacKey(): SecretBytes {
    if (this.db.isClosed || !this.backupKey)
      throw new VigilError('VAULT_LOCKED', 'The vault is locked.');
    return this.backupKey;
  }

  get id(): string {
    return this.header.vaultId;
  }

  get actor(): string {
    return this.context.actor;
  }

  now(): Date {
    return this.context.now();
  }

  get isLocked(): boolean {
    return this.db.isClosed;
  }

  /** Records an audit entry; call inside the transaction that makes the change. */
  record(tx: Queryable, event: AuditEvent): Promise<AuditRow> {
    return appendAudit(tx, this.context, event);
  }

  onLock(listener: () => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  /** Closes the connection (SQLCipher zeroes its key copy) and tells listeners to drop their state. */
  async lock(): Promise<void> {
    if (this.db.isClosed) return;
    await this.db.close();
    wipe(this.backupKey);
    for (const listener of this.lockListeners) listener();
    this.lockListeners.clear();
  }
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    const entries = await readdir(dir);
    return entries.length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw fsError(error, `Cannot read ${dir}`);
  }
}

/** Undoes a failed creation: the directory was empty before, so everything in it is ours. */
async function clearDirectory(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    entries.map((name) =>
      rm(join(dir, name), { recursive: true, force: true }).catch(() => undefined),
    ),
  );
}

/** Keys the database with the raw vault key, proves the key right, refuses newer schemas, then migrates. */
async function openDatabase(
  dir: string,
  vaultKey: SecretBytes,
  create: boolean,
): Promise<Database> {
  if (!create) {
    const exists = await stat(databasePath(dir)).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!exists)
      throw new VigilError(
        'VAULT_DAMAGED',
        'The vault database file is missing; the header alone holds no records.',
      );
  }
  if (create) {
    // Created by us with owner-only permissions; SQLite gives its -wal and -shm files the same.
    const handle = await open(databasePath(dir), 'wx', 0o600).catch((error: unknown) => {
      throw fsError(error, 'Cannot create the vault database');
    });
    await handle.close();
  }
  const db = await Database.open(databasePath(dir));
  try {
    // SQLCipher's own log goes to stderr; Vigil reports errors itself, in one clear line.
    await db.exec('PRAGMA cipher_log_level = NONE');
    // SQLCipher takes the raw key as a hex blob literal. JavaScript strings
    // cannot be wiped; this one is dropped as soon as the statement runs.
    await db.exec(`PRAGMA key = "x'${vaultKey.toString('hex')}'"`);
    try {
      await db.get('SELECT count(*) AS n FROM sqlite_master');
    } catch (error) {
      throw new VigilError(
        'VAULT_DAMAGED',
        'The vault database cannot be decrypted with this vault key: it is damaged or belongs to another vault.',
        {
          cause: error,
        },
      );
    }
    assertNotNewer(await schemaVersion(db));
    // WAL with synchronous=FULL: a committed change survives a power cut.
    // Temporary tables and sort spills stay in memory, never in plaintext temp files.
    // A 64 MiB page cache (decrypted pages, in memory only) roughly halves search latency on large vaults.
    await db.exec(
      'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;',
    );
    await migrate(db);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** A crash during a header rewrite can leave a temp header (it holds only wrapped keys); remove it. */
async function removeStaleTempFiles(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => name.startsWith(`.${HEADER_FILE}${TEMP_MARKER}`))
      .map((name) => unlink(join(dir, name)).catch(() => undefined)),
  );
}

export interface CreatedVault {
  vault: Vault;
  vaultId: string;
  /** Shown to the user once, in groups of four; never stored. */
  recoveryKey: string;
}

export async function createVault(
  input: { dir: string; passphrase: string; kdf?: Argon2idParams } & SessionOptions,
): Promise<CreatedVault> {
  assertPassphrase(input.passphrase);
  if (!(await isEmptyOrMissing(input.dir))) {
    throw new VigilError(
      'VAULT_EXISTS',
      `${input.dir} is not empty; choose a new or empty directory for the vault.`,
    );
  }
  try {
    await mkdir(input.dir, { recursive: true, mode: 0o700 });
    await mkdir(blobDir(input.dir), { mode: 0o700 });
  } catch (error) {
    throw fsError(error, `Cannot create the vault directory ${input.dir}`);
  }
  const vaultId = randomUUID();
  const vaultKey = randomSecret(VAULT_KEY_BYTES);
  const recovery = generateRecoveryKey();
  const context = auditContext(input);
  try {
    const header: VaultHeader = {
      format: 1,
      vaultId,
      createdAt: context.now().toISOString(),
      slots: {
        passphrase: await makePassphraseSlot(
          vaultId,
          vaultKey,
          input.passphrase,
          input.kdf ?? DEFAULT_ARGON2ID,
        ),
        recovery: makeRecoverySlot(vaultId, vaultKey, recovery.secret),
      },
    };
    // The database first, the header last: until the header exists the
    // directory is not a vault, so a crash here loses nothing the user entered.
    const db = await openDatabase(input.dir, vaultKey, true);
    const vault = new Vault(input.dir, header, db, context, deriveBackupKey(vaultKey, vaultId));
    try {
      await db.transaction(async (tx) => {
        await tx.run('INSERT INTO vault_meta (key, value) VALUES (?, ?)', ['vault_id', vaultId]);
        await vault.record(tx, {
          action: 'vault.create',
          entityType: 'vault',
          entityId: vaultId,
          detail: { kdf: header.slots.passphrase.kdf },
        });
      });
      await writeHeader(input.dir, header, { create: true });
    } catch (error) {
      await vault.lock();
      await clearDirectory(input.dir);
      throw error;
    }
    return { vault, vaultId, recoveryKey: recovery.text };
  } finally {
    wipe(vaultKey, recovery.secret);
  }
}

/** Opens a vault whose key is already unwrapped (a restored backup); the caller wipes the key. */
export async function openVaultWithKey(
  dir: string,
  header: VaultHeader,
  vaultKey: SecretBytes,
  options: SessionOptions = {},
): Promise<Vault> {
  const db = await openDatabase(dir, vaultKey, false);
  const meta = await db.get<{ value: string }>(
    "SELECT value FROM vault_meta WHERE key = 'vault_id'",
  );
  if (meta?.value !== header.vaultId) {
    await db.close();
    throw new VigilError(
      'VAULT_DAMAGED',
      'The vault database does not belong to this vault header.',
    );
  }
  await removeStaleTempFiles(dir);
  return new Vault(
    dir,
    header,
    db,
    auditContext(options),
    deriveBackupKey(vaultKey, header.vaultId),
  );
}

export async function openVault(
  input: { dir: string; passphrase: string } & SessionOptions,
): Promise<Vault> {
  const header = await readHeader(input.dir);
  const vaultKey = await unlockWithPassphrase(header, input.passphrase);
  try {
    return await openVaultWithKey(input.dir, header, vaultKey, input);
  } finally {
    wipe(vaultKey);
  }
}

/** Replaces the header after proving the key opens this vault's database, and records why. */
async function replaceHeader(
  dir: string,
  header: VaultHeader,
  updated: VaultHeader,
  vaultKey: SecretBytes,
  event: AuditEvent,
  options: SessionOptions,
): Promise<void> {
  // Prove the key opens this vault's database before replacing a way in.
  const vault = await openVaultWithKey(dir, header, vaultKey, options);
  try {
    await writeHeader(dir, updated);
    await vault.db.transaction((tx) => vault.record(tx, event));
  } finally {
    await vault.lock();
  }
}

async function rewritePassphraseSlot(
  dir: string,
  header: VaultHeader,
  vaultKey: SecretBytes,
  newPassphrase: string,
  kdf: Argon2idParams,
  event: AuditEvent,
  options: SessionOptions,
): Promise<void> {
  const passphrase = await makePassphraseSlot(header.vaultId, vaultKey, newPassphrase, kdf);
  await replaceHeader(
    dir,
    header,
    { ...header, slots: { ...header.slots, passphrase } },
    vaultKey,
    event,
    options,
  );
}

/**
 * Issues a new recovery key (for one that was lost, or seen by someone) and
 * returns it, to be shown once. The old key stops working; the passphrase
 * and the database are untouched. Only the header changes, atomically.
 */
export async function replaceRecoveryKey(
  input: { dir: string; passphrase: string } & SessionOptions,
): Promise<string> {
  const header = await readHeader(input.dir);
  const vaultKey = await unlockWithPassphrase(header, input.passphrase);
  const recovery = generateRecoveryKey();
  try {
    const updated: VaultHeader = {
      ...header,
      slots: {
        ...header.slots,
        recovery: makeRecoverySlot(header.vaultId, vaultKey, recovery.secret),
      },
    };
    await replaceHeader(
      input.dir,
      header,
      updated,
      vaultKey,
      { action: 'vault.recovery-key-replaced', entityType: 'vault', entityId: header.vaultId },
      input,
    );
    return recovery.text;
  } finally {
    wipe(vaultKey, recovery.secret);
  }
}

/**
 * Rewraps the vault key under a new passphrase. Only the header changes
 * (atomically), never the database: a crash at any instant leaves a vault
 * that opens with the old passphrase or the new one.
 */
export async function changePassphrase(
  input: {
    dir: string;
    passphrase: string;
    newPassphrase: string;
    kdf?: Argon2idParams;
  } & SessionOptions,
): Promise<void> {
  assertPassphrase(input.newPassphrase, 'The new passphrase');
  const header = await readHeader(input.dir);
  const vaultKey = await unlockWithPassphrase(header, input.passphrase);
  try {
    const kdf = input.kdf ?? header.slots.passphrase.kdf;
    await rewritePassphraseSlot(
      input.dir,
      header,
      vaultKey,
      input.newPassphrase,
      kdf,
      {
        action: 'vault.passphrase-changed',
        entityType: 'vault',
        entityId: header.vaultId,
        detail: { kdf },
      },
      input,
    );
  } finally {
    wipe(vaultKey);
  }
}

/** Sets a new passphrase using the recovery key written down at creation. */
export async function recoverVault(
  input: {
    dir: string;
    recoveryKey: string;
    newPassphrase: string;
    kdf?: Argon2idParams;
  } & SessionOptions,
): Promise<void> {
  assertPassphrase(input.newPassphrase, 'The new passphrase');
  const header = await readHeader(input.dir);
  const secret = parseRecoveryKey(input.recoveryKey);
  let vaultKey: SecretBytes | undefined;
  try {
    vaultKey = unlockWithRecoveryKey(header, secret);
    const kdf = input.kdf ?? header.slots.passphrase.kdf;
    await rewritePassphraseSlot(
      input.dir,
      header,
      vaultKey,
      input.newPassphrase,
      kdf,
      {
        action: 'vault.recovered',
        entityType: 'vault',
        entityId: header.vaultId,
        detail: { kdf },
      },
      input,
    );
  } finally {
    wipe(secret, vaultKey);
  }
}

export interface VaultInfo {
  vaultId: string;
  createdAt: string;
  kdf: { alg: string; memoryMiB: number; iterations: number };
}

/** Public facts from the header; needs no passphrase. */
export async function readVaultInfo(dir: string): Promise<VaultInfo> {
  const header = await readHeader(dir);
  const { kdf } = header.slots.passphrase;
  return {
    vaultId: header.vaultId,
    createdAt: header.createdAt,
    kdf: { alg: 'argon2id', memoryMiB: kdf.memlimit / (1024 * 1024), iterations: kdf.opslimit },
  };
}
