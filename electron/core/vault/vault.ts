import { createHash, randomUUID } from 'node:crypto';
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
import { readHeader, serializeHeader, writeHeaderBytes, type VaultHeader } from './header';
import {
  makePassphraseSlot,
  makeRecoverySlot,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  VAULT_KEY_BYTES,
} from './keyslots';

// Kept with the header and the slots, so that a session derives the key without loading SQLCipher first.
export { unlockVaultKey } from './keyslots';
import { blobDir, databasePath, HEADER_FILE } from './layout';
import { deriveBackupKey } from './backupKey';
import { assertNotNewer, migrate, schemaVersion } from './migrate';
import { recoverOutgoing, type RecoveryNote } from './outgoing';
import { checkPages, runOne, type CheckItem, type CheckReport } from './check';
import { DEFAULT_LOCK_WAIT_MS, WriterSlot } from './writerLock';

export interface SessionOptions {
  /** Who is recorded in the audit log. Defaults to the operating-system user name. */
  actor?: string;
  /** The clock, injectable for tests. */
  now?: () => Date;
  /**
   * 'write' (the default) takes the vault's writer lock at opening and holds
   * it until `lock()`: one writer at a time, across processes. 'read' opens
   * without it; the lock is then taken at the first write, if any.
   */
  access?: 'write' | 'read';
  /** How long to wait for another process holding the writer lock (ms). */
  waitMs?: number;
  /** How other processes see this one while it holds the lock: "vigil evidence add", "the Vigil app". */
  holder?: string;
  /** Cancels a wait for the lock. */
  signal?: AbortSignal;
}

function writerSlot(dir: string, options: SessionOptions): WriterSlot {
  return new WriterSlot(dir, {
    holder: options.holder ?? `Vigil (${process.title})`,
    waitMs: options.waitMs ?? DEFAULT_LOCK_WAIT_MS,
    signal: options.signal,
    now: options.now,
  });
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
  /** What this opening found left behind by interrupted processes, and what it did about it. */
  recovered: RecoveryNote[] = [];

  constructor(
    readonly dir: string,
    public header: VaultHeader,
    readonly db: Database,
    private readonly context: AuditContext,
    private readonly writer: WriterSlot,
    /** Authenticates this vault's backups (derived from the vault key); wiped on lock. */
    private readonly backupKey?: SecretBytes,
    /** A session's connection (see KeptConnection): lock() leaves it open for the next command. */
    private readonly kept?: KeptConnection,
  ) {}

  private locked = false;

  /** The key that authenticates a backup of this vault (see vault/backupKey.ts). */
  backupMacKey(): SecretBytes {
    if (this.isLocked || !this.backupKey)
      throw new VigilError('VAULT_LOCKED', 'The vault is locked.');
    return this.backupKey;
  }

  /** Whether this process holds the vault's writer lock. */
  get isWriter(): boolean {
    return this.writer.held;
  }

  /**
   * Holds the writer lock from now until `lock()`, waiting for another
   * holder as configured. Work that writes files before its transaction
   * (blobs, exports) calls this first; transactions call it themselves.
   */
  async ensureWriter(): Promise<void> {
    if (this.isLocked) throw new VigilError('VAULT_LOCKED', 'The vault is locked.');
    await this.writer.ensure();
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
    return this.locked || this.db.isClosed;
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
    if (this.isLocked) {
      await this.writer.release();
      return;
    }
    this.locked = true;
    if (this.kept) await this.writer.release();
    else await this.db.close().finally(() => this.writer.release());
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

const BUSY_TIMEOUT_MS = 5_000;

function isNotADatabase(error: unknown): boolean {
  const cause = error instanceof VigilError ? error.cause : error;
  return (cause as { code?: string } | undefined)?.code === 'SQLITE_NOTADB';
}

/** Keys the database with the raw vault key, proves the key right, refuses newer schemas, then migrates. */
async function openDatabase(
  dir: string,
  vaultKey: SecretBytes,
  create: boolean,
  writer: WriterSlot,
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
  db.guardWrites(() => writer.ensure());
  try {
    // SQLCipher's own log goes to stderr; Vigil reports errors itself, in one clear line.
    await db.exec('PRAGMA cipher_log_level = NONE');
    // Another process's checkpoint or recovery can hold the database for a moment: wait for it,
    // briefly, then say so (writers are kept apart by the writer lock, so this stays short).
    await db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // SQLCipher takes the raw key as a hex blob literal. JavaScript strings
    // cannot be wiped; this one is dropped as soon as the statement runs.
    await db.exec(`PRAGMA key = "x'${vaultKey.toString('hex')}'"`);
    try {
      await db.get('SELECT count(*) AS n FROM sqlite_master');
    } catch (error) {
      // Only "not a database" means the key does not fit; a full disk, an I/O error or a busy
      // database is reported as what it is.
      if (!isNotADatabase(error)) throw error;
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

/**
 * A header rewrite owes an audit entry. It is noted in the database before
 * the new header is written, and the note is settled (entry recorded, note
 * removed) in one transaction after: if the process dies in between, the
 * next opener finds the note and records the entry when the new header is
 * the one in place (or drops it when the old one still is).
 */
async function recoverHeaderChange(vault: Vault): Promise<void> {
  const pending = await vault.db.all<{ header_sha256: string; audit: string }>(
    'SELECT header_sha256, audit FROM pending_header_changes',
  );
  if (pending.length === 0) return;
  const current = sha256(serializeHeader(await readHeader(vault.dir)));
  await vault.db.transaction(async (tx) => {
    for (const row of pending) {
      await tx.run('DELETE FROM pending_header_changes WHERE header_sha256 = ?', [
        row.header_sha256,
      ]);
      if (row.header_sha256 !== current) continue;
      const event = JSON.parse(row.audit) as AuditEvent;
      await vault.record(tx, {
        ...event,
        detail: { ...event.detail, recordedAfterInterruption: true },
      });
    }
  });
}

/** Settles what interrupted processes left; only the holder of the writer lock may. */
async function recoverInterrupted(vault: Vault): Promise<void> {
  await removeStaleTempFiles(vault.dir);
  await recoverHeaderChange(vault);
  vault.recovered = await recoverOutgoing(vault);
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

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
  const writer = writerSlot(input.dir, input);
  try {
    await writer.ensure();
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
    let db: Database;
    try {
      db = await openDatabase(input.dir, vaultKey, true, writer);
    } catch (error) {
      await writer.release();
      await clearDirectory(input.dir);
      throw error;
    }
    const vault = new Vault(
      input.dir,
      header,
      db,
      context,
      writer,
      deriveBackupKey(vaultKey, vaultId),
    );
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
      await writeHeaderBytes(input.dir, serializeHeader(header), { create: true });
    } catch (error) {
      await vault.lock();
      await clearDirectory(input.dir);
      throw error;
    }
    return { vault, vaultId, recoveryKey: recovery.text };
  } catch (error) {
    await writer.release();
    throw error;
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
  return openWithKey(dir, header, vaultKey, options, writerSlot(dir, options));
}

async function openWithKey(
  dir: string,
  header: VaultHeader,
  vaultKey: SecretBytes,
  options: SessionOptions,
  writer: WriterSlot,
  kept?: KeptConnection,
): Promise<Vault> {
  const access = options.access ?? 'write';
  try {
    if (access === 'write') await writer.ensure();
    const db = kept
      ? await kept.connection(() => openDatabase(dir, vaultKey, false, writer))
      : await openDatabase(dir, vaultKey, false, writer);
    db.guardWrites(() => writer.ensure());
    const meta = await db.get<{ value: string }>(
      "SELECT value FROM vault_meta WHERE key = 'vault_id'",
    );
    if (meta?.value !== header.vaultId) {
      await (kept ? kept.close() : db.close());
      throw new VigilError(
        'VAULT_DAMAGED',
        'The vault database does not belong to this vault header.',
      );
    }
    const vault = new Vault(
      dir,
      header,
      db,
      auditContext(options),
      writer,
      deriveBackupKey(vaultKey, header.vaultId),
      kept,
    );
    try {
      if (writer.held) await recoverInterrupted(vault);
      else if (await writer.tryTake().catch(() => false)) {
        // A reader settles what a dead process left only when no writer is at work;
        // if that fails, the next writer will.
        await recoverInterrupted(vault).catch(() => undefined);
      }
      if (access === 'read') await writer.release();
    } catch (error) {
      await vault.lock();
      await kept?.close();
      throw error;
    }
    return vault;
  } catch (error) {
    await writer.release();
    throw error;
  }
}

/**
 * One SQLCipher connection kept open across the commands of a `vigil batch` or
 * `vigil shell`: opening the database again costs more than most commands.
 * Each command still gets a Vault of its own (its actor, its writer lock taken
 * and released as if run alone, its recovery of what others left); that
 * Vault's lock() leaves the connection here. The connection is opened again
 * when the database file is no longer the one it opened (replaced by another
 * process) or its schema changed, and `close()` ends it: SQLCipher then zeroes
 * its copy of the key, as when the app locks.
 */
export class KeptConnection {
  private db: Database | null = null;
  private opened: { dev: number; ino: number; schema: number } | null = null;

  constructor(private readonly dir: string) {}

  /** The kept connection if it still fits the database on disk, else a new one from `open`. */
  async connection(open: () => Promise<Database>): Promise<Database> {
    if (this.db && !this.db.isClosed && this.opened) {
      const file = await stat(databasePath(this.dir)).catch(() => null);
      const same =
        file?.dev === this.opened.dev &&
        file.ino === this.opened.ino &&
        (await schemaVersion(this.db).catch(() => -1)) === this.opened.schema;
      if (same) return this.db;
    }
    await this.close();
    const db = await open();
    try {
      const file = await stat(databasePath(this.dir));
      this.opened = { dev: file.dev, ino: file.ino, schema: await schemaVersion(db) };
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    this.db = db;
    return db;
  }

  get isOpen(): boolean {
    return this.db !== null && !this.db.isClosed;
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    this.opened = null;
    if (db && !db.isClosed) await db.close();
  }
}

export async function openVault(
  input: { dir: string; passphrase: string } & SessionOptions,
): Promise<Vault> {
  const header = await readHeader(input.dir);
  const vaultKey = await unlockWithPassphrase(header, input.passphrase);
  try {
    return await openWithKey(input.dir, header, vaultKey, input, writerSlot(input.dir, input));
  } finally {
    wipe(vaultKey);
  }
}

/**
 * Opens the vault with a key from `unlockVaultKey`, as `openVault` would with
 * the passphrase: the header is read again (another process may have changed
 * the passphrase since; the key stays the same) and must still be the
 * unlocked vault's. The key is not wiped here.
 */
export async function openUnlockedVault(
  dir: string,
  unlocked: { vaultId: string; vaultKey: SecretBytes },
  options: SessionOptions = {},
  kept?: KeptConnection,
): Promise<Vault> {
  const header = await readHeader(dir);
  if (header.vaultId !== unlocked.vaultId)
    throw new VigilError(
      'VAULT_LOCKED',
      'The vault in this directory is not the one unlocked at the start of this session; nothing was done.',
    );
  return openWithKey(dir, header, unlocked.vaultKey, options, writerSlot(dir, options), kept);
}

/** Proves that `vaultKey` opens the database of the vault at `dir` (on a connection of its own). */
async function proveKey(dir: string, header: VaultHeader, vaultKey: SecretBytes): Promise<void> {
  const db = await Database.open(databasePath(dir));
  try {
    await db.exec('PRAGMA cipher_log_level = NONE');
    await db.exec(`PRAGMA key = "x'${vaultKey.toString('hex')}'"`);
    const meta = await db
      .get<{ value: string }>("SELECT value FROM vault_meta WHERE key = 'vault_id'")
      .catch(() => undefined);
    if (meta?.value !== header.vaultId)
      throw new VigilError(
        'VAULT_DAMAGED',
        'The vault database does not open with the key in this header; nothing was changed.',
      );
  } finally {
    await db.close();
  }
}

type HeaderUpdate = (
  header: VaultHeader,
  vaultKey: SecretBytes,
) => Promise<{ header: VaultHeader; event: AuditEvent }>;

/**
 * Rewrites the header under the writer lock, so that two changes can never
 * both succeed: the second waits, then reads the header the first wrote.
 * The key is proven to open this vault's database before a way in is
 * replaced, and the audit entry survives a crash at any point (see
 * recoverHeaderChange). `vault` is an open vault of this process (the app),
 * whose lock and connection are used instead of a new opening.
 */
async function changeHeader(
  input: { dir: string; vault?: Vault } & SessionOptions,
  unlock: (header: VaultHeader) => Promise<SecretBytes>,
  update: HeaderUpdate,
): Promise<void> {
  const dir = input.vault?.dir ?? input.dir;
  // Read before waiting: if it differs afterwards, someone changed it while this one waited.
  const seen = serializeHeader(await readHeader(dir));
  const writer = input.vault ? null : writerSlot(dir, { ...input, access: 'write' });
  let vault = input.vault;
  try {
    if (vault) await vault.ensureWriter();
    else await writer!.ensure();
    const header = await readHeader(dir);
    let vaultKey: SecretBytes;
    try {
      vaultKey = await unlock(header);
    } catch (error) {
      const code = error instanceof VigilError ? error.code : undefined;
      if (
        (code === 'WRONG_PASSPHRASE' || code === 'WRONG_RECOVERY_KEY') &&
        !serializeHeader(header).equals(seen)
      ) {
        throw new VigilError(
          code,
          'The passphrase was changed by another process while this one waited for the vault; nothing was done. Use the new passphrase.',
        );
      }
      throw error;
    }
    try {
      if (vault) {
        if (vault.id !== header.vaultId)
          throw new VigilError('VAULT_DAMAGED', 'The vault header belongs to another vault.');
        await proveKey(dir, header, vaultKey);
      } else {
        vault = await openWithKey(dir, header, vaultKey, { ...input, access: 'write' }, writer!);
      }
      const { header: updated, event } = await update(header, vaultKey);
      const bytes = serializeHeader(updated);
      const digest = sha256(bytes);
      const open = vault;
      await open.db.transaction((tx) =>
        tx.run(
          'INSERT INTO pending_header_changes (header_sha256, audit, started_at) VALUES (?, ?, ?)',
          [digest, JSON.stringify(event), open.now().toISOString()],
        ),
      );
      await writeHeaderBytes(dir, bytes);
      await open.db.transaction(async (tx) => {
        await tx.run('DELETE FROM pending_header_changes WHERE header_sha256 = ?', [digest]);
        await open.record(tx, event);
      });
      open.header = updated;
    } finally {
      wipe(vaultKey);
    }
  } finally {
    if (!input.vault) {
      if (vault) await vault.lock();
      await writer!.release();
    }
  }
}

function passphraseSlotUpdate(
  newPassphrase: string,
  kdf: Argon2idParams | undefined,
  action: string,
): HeaderUpdate {
  return async (header, vaultKey) => {
    const params = kdf ?? header.slots.passphrase.kdf;
    const passphrase = await makePassphraseSlot(header.vaultId, vaultKey, newPassphrase, params);
    return {
      header: { ...header, slots: { ...header.slots, passphrase } },
      event: { action, entityType: 'vault', entityId: header.vaultId, detail: { kdf: params } },
    };
  };
}

/**
 * Issues a new recovery key (for one that was lost, or seen by someone) and
 * returns it, to be shown once. The old key stops working; the passphrase
 * and the database are untouched. Only the header changes, atomically.
 */
export async function replaceRecoveryKey(
  input: { dir: string; passphrase: string; vault?: Vault } & SessionOptions,
): Promise<string> {
  const recovery = generateRecoveryKey();
  try {
    await changeHeader(
      input,
      (header) => unlockWithPassphrase(header, input.passphrase),
      async (header, vaultKey) => ({
        header: {
          ...header,
          slots: {
            ...header.slots,
            recovery: makeRecoverySlot(header.vaultId, vaultKey, recovery.secret),
          },
        },
        event: {
          action: 'vault.recovery-key-replaced',
          entityType: 'vault',
          entityId: header.vaultId,
        },
      }),
    );
    return recovery.text;
  } finally {
    wipe(recovery.secret);
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
    vault?: Vault;
  } & SessionOptions,
): Promise<void> {
  assertPassphrase(input.newPassphrase, 'The new passphrase');
  await changeHeader(
    input,
    (header) => unlockWithPassphrase(header, input.passphrase),
    passphraseSlotUpdate(input.newPassphrase, input.kdf, 'vault.passphrase-changed'),
  );
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
  const secret = parseRecoveryKey(input.recoveryKey);
  try {
    await changeHeader(
      input,
      async (header) => unlockWithRecoveryKey(header, secret),
      passphraseSlotUpdate(input.newPassphrase, input.kdf, 'vault.recovered'),
    );
  } finally {
    wipe(secret);
  }
}

/**
 * For `check` when the vault cannot be opened because its database is
 * damaged (a page under the schema or the vault's own table): the key is
 * still right, so every page's HMAC can be checked, and the report says
 * which pages are damaged. Reads only.
 */
export async function checkDamagedDatabase(
  input: { dir: string; passphrase: string },
  openError: VigilError,
): Promise<CheckReport> {
  const header = await readHeader(input.dir);
  const vaultKey = await unlockWithPassphrase(header, input.passphrase);
  const items: CheckItem[] = [
    { code: 'open', name: 'opening the vault database', ok: false, problems: [openError.message] },
  ];
  try {
    const db = await Database.open(databasePath(input.dir));
    try {
      await db.exec('PRAGMA cipher_log_level = NONE');
      await db.exec(`PRAGMA key = "x'${vaultKey.toString('hex')}'"`);
      items.push(await runOne('pages', 'encrypted pages (cipher_integrity_check)', db, checkPages));
    } finally {
      await db.close();
    }
  } finally {
    wipe(vaultKey);
  }
  return { ok: false, items };
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
