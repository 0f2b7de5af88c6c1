import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, rmdir, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { VigilError, fsError, isVigilError } from '../errors';
import { fsyncDir } from '../fs/atomic';
import { crashPoint } from '../fs/crashPoints';
import { parseRecoveryKey } from '../crypto/recoveryKey';
import { constantTimeEqual, wipe, type SecretBytes } from '../crypto/secrets';
import { deriveBackupKey } from '../vault/backupKey';
import { runVaultChecks } from '../vault/check';
import { parseHeader, type VaultHeader } from '../vault/header';
import { unlockWithPassphrase, unlockWithRecoveryKey } from '../vault/keyslots';
import { BLOB_DIR, DATABASE_FILE, HEADER_FILE } from '../vault/layout';
import { openVaultWithKey, type SessionOptions } from '../vault/vault';
import {
  BACKUP_MAGIC,
  BLOB_MEMBER,
  DATABASE_MEMBER,
  damagedBackup,
  HEADER_MEMBER,
  MAC_BYTES,
  MANIFEST_MEMBER,
  manifestMac,
  manifestSchema,
  MAX_HEADER_MEMBER,
  MAX_MANIFEST,
  MEMBER_KINDS,
  type Manifest,
  type Member,
  type MemberKind,
} from './format';
import { removeDeadTemps, tempNameFor } from './temp';

/** What opens a backup: the vault's passphrase or its recovery key, as for the vault itself. */
export type BackupUnlock = { passphrase: string } | { recoveryKey: string };

export interface ReadProgress {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface BackupSummary {
  file: string;
  backupId: string;
  vaultId: string;
  createdAt: string;
  schemaVersion: number;
  bytes: number;
  blobs: number;
  /** Rows per record table of the backed-up database. */
  records: Record<string, number>;
  checks: { name: string; ok: boolean }[];
}

const READ_CHUNK = 1024 * 1024;
const RECORD_TABLES = ['cases', 'persons', 'events', 'testimonies', 'interventions', 'evidence'];

/** Sequential reads of the backup file, so a truncation anywhere is seen. */
class Reader {
  position = 0;
  private readonly buffer = Buffer.allocUnsafe(READ_CHUNK);

  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  async exact(length: number, what: string): Promise<Buffer> {
    if (this.position + length > this.size) throw damagedBackup(`it ends inside ${what}`);
    const out = Buffer.alloc(length);
    const { bytesRead } = await this.handle.read(out, 0, length, this.position);
    if (bytesRead !== length) throw damagedBackup(`it ends inside ${what}`);
    this.position += length;
    return out;
  }

  /** Streams `length` bytes to `sink` in chunks, returning their SHA-256. */
  async stream(
    length: number,
    what: string,
    sink: ((piece: Buffer) => Promise<void>) | undefined,
    progress: ReadProgress,
    crashAt: string,
  ): Promise<string> {
    if (this.position + length > this.size) throw damagedBackup(`it ends inside ${what}`);
    const hash = createHash('sha256');
    let left = length;
    while (left > 0) {
      if (progress.signal?.aborted)
        throw new VigilError('CANCELLED', 'Cancelled; nothing was kept.');
      const { bytesRead } = await this.handle.read(
        this.buffer,
        0,
        Math.min(READ_CHUNK, left),
        this.position,
      );
      if (bytesRead === 0) throw damagedBackup(`it ends inside ${what}`);
      const piece = this.buffer.subarray(0, bytesRead);
      hash.update(piece);
      if (sink) {
        await sink(piece);
        crashPoint(crashAt);
      }
      this.position += bytesRead;
      left -= bytesRead;
      progress.onProgress?.(this.position, this.size);
    }
    return hash.digest('hex');
  }
}

async function memberHeadAt(
  reader: Reader,
): Promise<{ kind: MemberKind; name: string; size: number }> {
  const fixed = await reader.exact(3, 'a member heading');
  const kind = fixed.toString('latin1', 0, 1) as MemberKind;
  if (!MEMBER_KINDS.includes(kind)) throw damagedBackup('a member has an unknown kind');
  const name = (await reader.exact(fixed.readUInt16BE(1), 'a member name')).toString('utf8');
  const size = (await reader.exact(8, 'a member size')).readBigUInt64BE(0);
  if (size > BigInt(Number.MAX_SAFE_INTEGER) || Number(size) > reader.size - reader.position)
    throw damagedBackup(`member ${JSON.stringify(name)} claims more bytes than the file holds`);
  return { kind, name, size: Number(size) };
}

async function writeFileFrom(path: string): Promise<{
  sink: (p: Buffer) => Promise<void>;
  done: () => Promise<void>;
  abort: () => Promise<void>;
}> {
  const handle = await open(path, 'wx', 0o600);
  return {
    sink: async (piece) => {
      await handle.write(piece);
    },
    done: async () => {
      await handle.sync();
      await handle.close();
    },
    abort: () => handle.close().catch(() => undefined),
  };
}

function unlockKey(header: VaultHeader, unlock: BackupUnlock): Promise<SecretBytes> {
  if ('passphrase' in unlock) return unlockWithPassphrase(header, unlock.passphrase);
  const secret = parseRecoveryKey(unlock.recoveryKey);
  try {
    return Promise.resolve(unlockWithRecoveryKey(header, secret));
  } finally {
    wipe(secret);
  }
}

const sameMember = (a: Member, b: Member | undefined) =>
  b !== undefined &&
  a.kind === b.kind &&
  a.name === b.name &&
  a.size === b.size &&
  a.sha256 === b.sha256;

/**
 * Reads a whole backup into `workDir` (the header and the database always;
 * the blobs only when restoring, else they are hashed and dropped), then
 * proves it: the manifest's MAC under the key the header's keyslots unwrap,
 * every member's size and hash against the manifest, in order, nothing
 * missing or extra, the database's pages, structure, references and audit
 * chain, and every evidence blob the database refers to present.
 */
async function readBackupInto(
  file: string,
  workDir: string,
  unlock: BackupUnlock,
  keepBlobs: boolean,
  options: ReadProgress & SessionOptions,
): Promise<BackupSummary> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw fsError(error, `Cannot read the backup ${file}`);
  }
  let vaultKey: SecretBytes | undefined;
  let macKey: SecretBytes | undefined;
  try {
    const { size } = await handle.stat();
    const reader = new Reader(handle, size);
    const magic = await reader
      .exact(BACKUP_MAGIC.length, 'its first bytes')
      .catch(() => Buffer.alloc(0));
    if (!magic.equals(BACKUP_MAGIC))
      throw new VigilError('INVALID_INPUT', `${file} is not a Vigil backup.`);

    // The header first: its keyslots give the key that checks everything else.
    const first = await memberHeadAt(reader);
    if (first.kind !== 'H' || first.name !== HEADER_MEMBER || first.size > MAX_HEADER_MEMBER)
      throw damagedBackup('it does not start with the vault header');
    const headerBytes = await reader.exact(first.size, 'the vault header');
    let header: VaultHeader;
    try {
      header = parseHeader(headerBytes);
    } catch (error) {
      if (isVigilError(error, 'HEADER_DAMAGED')) throw damagedBackup('its vault header is damaged');
      throw error;
    }
    vaultKey = await unlockKey(header, unlock);
    macKey = deriveBackupKey(vaultKey, header.vaultId);
    const seen: Member[] = [
      {
        kind: 'H',
        name: HEADER_MEMBER,
        size: headerBytes.length,
        sha256: createHash('sha256').update(headerBytes).digest('hex'),
      },
    ];
    const headerOut = await writeFileFrom(join(workDir, HEADER_FILE));
    await headerOut.sink(headerBytes);
    await headerOut.done();

    const blobNames = new Set<string>();
    let manifestBytes: Buffer | undefined;
    while (!manifestBytes) {
      const head = await memberHeadAt(reader);
      if (head.kind === 'M') {
        if (head.name !== MANIFEST_MEMBER || head.size > MAX_MANIFEST)
          throw damagedBackup('its manifest heading is wrong');
        manifestBytes = await reader.exact(head.size, 'the manifest');
        break;
      }
      let target: string | undefined;
      if (head.kind === 'D') {
        if (head.name !== DATABASE_MEMBER || seen.length !== 1)
          throw damagedBackup('the database member is misplaced');
        target = join(workDir, DATABASE_FILE);
      } else if (head.kind === 'B') {
        if (!BLOB_MEMBER.test(head.name) || blobNames.has(head.name))
          throw damagedBackup(`an evidence member is misnamed or repeated`);
        blobNames.add(head.name);
        if (keepBlobs) target = join(workDir, head.name);
      } else {
        throw damagedBackup('the vault header appears twice');
      }
      const out = target ? await writeFileFrom(target) : undefined;
      try {
        const sha256 = await reader.stream(
          head.size,
          head.name,
          out?.sink,
          options,
          keepBlobs ? 'restore:chunk-written' : 'verify:chunk-written',
        );
        await out?.done();
        seen.push({ kind: head.kind, name: head.name, size: head.size, sha256 });
      } catch (error) {
        await out?.abort();
        throw error;
      }
    }
    const mac = await reader.exact(MAC_BYTES, 'the manifest MAC');
    if (reader.position !== size) throw damagedBackup('there are bytes after its end');
    if (!constantTimeEqual(mac, manifestMac(manifestBytes, macKey)))
      throw damagedBackup('its manifest does not authenticate under this vault key');
    let manifest: Manifest;
    try {
      manifest = manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
    } catch {
      throw damagedBackup('its manifest is malformed');
    }
    if (manifest.vaultId !== header.vaultId)
      throw damagedBackup('its manifest names another vault');
    if (manifest.members.length !== seen.length)
      throw damagedBackup(
        `it holds ${seen.length} members where its manifest lists ${manifest.members.length}`,
      );
    for (const [i, member] of seen.entries()) {
      if (!sameMember(member, manifest.members[i]))
        throw damagedBackup(
          `member ${JSON.stringify(member.name)} differs from its manifest entry`,
        );
    }
    if (!seen.some((m) => m.kind === 'D')) throw damagedBackup('it holds no database');

    // The database: opened with the key, and checked as `vigil check` checks a vault.
    const vault = await openVaultWithKey(workDir, header, vaultKey, options).catch(
      (error: unknown) => {
        if (isVigilError(error, 'VAULT_DAMAGED')) throw damagedBackup(error.message);
        throw error;
      },
    );
    try {
      const report = await runVaultChecks(vault);
      const failed = report.items.filter((i) => !i.ok);
      if (failed.length > 0)
        throw damagedBackup(
          failed.map((i) => `${i.name}: ${i.problems.slice(0, 3).join('; ')}`).join(' / '),
        );
      const referenced = await vault.db.all<{ blob_id: string }>(
        `SELECT blob_id FROM evidence
         UNION SELECT json_each.value FROM trash, json_each(trash.blob_ids)`,
      );
      const missing = referenced.filter((r) => !blobNames.has(`${BLOB_DIR}/${r.blob_id}.blob`));
      if (missing.length > 0)
        throw damagedBackup(
          `${missing.length} evidence blob(s) the records refer to are not in it`,
        );
      const records: Record<string, number> = {};
      for (const table of RECORD_TABLES) {
        const row = await vault.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
        records[table] = row?.n ?? 0;
      }
      return {
        file,
        backupId: manifest.backupId,
        vaultId: manifest.vaultId,
        createdAt: manifest.createdAt,
        schemaVersion: manifest.schemaVersion,
        bytes: size,
        blobs: blobNames.size,
        records,
        checks: report.items.map((i) => ({ name: i.name, ok: i.ok })),
      };
    } finally {
      await vault.lock();
    }
  } finally {
    wipe(vaultKey, macKey);
    await handle.close().catch(() => undefined);
  }
}

/** Checks a backup completely without restoring it; throws INTEGRITY_FAILED on any damage. */
export async function verifyBackup(
  file: string,
  unlock: BackupUnlock,
  options: ReadProgress = {},
): Promise<BackupSummary> {
  // The database must be a file for SQLCipher to open it; it stays encrypted there.
  // A hidden name with our process id: what a SIGKILL leaves (encrypted pages and the
  // header, whose keyslots are sealed) is removed by the next verify.
  const base = join(tmpdir(), 'vigil-backup-verify');
  await removeDeadTemps(base);
  const work = tempNameFor(base);
  try {
    await mkdir(work, { mode: 0o700 });
    return await readBackupInto(resolve(file), work, unlock, false, options);
  } finally {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
  }
}

/**
 * Restores a backup into a new vault directory (missing or empty). Everything
 * is written and checked under a hidden temp name beside it, then renamed into
 * place: the directory appears whole or not at all. No vault is open to record
 * the temp in as an outgoing write (the restored one exists only after the
 * rename), so it carries our process id instead: what a SIGKILL leaves holds
 * only what the backup holds (the header, whose keyslots are sealed; SQLCipher
 * pages; encrypted blobs) and the next restore to the same place removes it.
 */
export async function restoreBackup(
  file: string,
  dir: string,
  unlock: BackupUnlock,
  options: ReadProgress & SessionOptions = {},
): Promise<BackupSummary> {
  const target = resolve(dir);
  const entries = await readdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw fsError(error, `Cannot use ${target}`);
  });
  if (entries && entries.length > 0)
    throw new VigilError(
      'VAULT_EXISTS',
      `${target} is not empty; restore into a new or empty directory.`,
    );
  try {
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw fsError(error, `Cannot create ${dirname(target)}`);
  }
  await removeDeadTemps(target);
  const work = tempNameFor(target);
  try {
    await mkdir(work, { mode: 0o700 });
    await mkdir(join(work, BLOB_DIR), { mode: 0o700 });
    const summary = await readBackupInto(resolve(file), work, unlock, true, options);
    await fsyncDir(join(work, BLOB_DIR));
    await fsyncDir(work);
    if (entries) await rmdir(target);
    await rename(work, target);
    await fsyncDir(dirname(target));
    return summary;
  } catch (error) {
    await rm(work, { recursive: true, force: true }).catch(() => undefined);
    throw error instanceof VigilError
      ? error
      : fsError(error, `Cannot restore into ${basename(target)}`);
  }
}
