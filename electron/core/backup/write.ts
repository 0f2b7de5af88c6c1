import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { link, open, readFile, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { VigilError, fsError } from '../errors';
import { fsyncDir } from '../fs/atomic';
import { WriteBehind } from '../fs/writeBehind';
import { crashPoint } from '../fs/crashPoints';
import { parseHeader } from '../vault/header';
import { blobDir, DATABASE_FILE, headerPath } from '../vault/layout';
import type { Vault } from '../vault/vault';
import {
  BACKUP_FORMAT,
  BACKUP_MAGIC,
  DATABASE_MEMBER,
  HEADER_MEMBER,
  MANIFEST_MEMBER,
  manifestMac,
  memberHead,
  type Manifest,
  type Member,
} from './format';
import { removeDeadTemps } from './temp';
import { writeOutgoing } from '../vault/outgoing';

export interface BackupProgress {
  signal?: AbortSignal;
  /** Bytes of vault data written so far, and in all. */
  onProgress?: (done: number, total: number) => void;
}

export interface BackupResult {
  file: string;
  backupId: string;
  vaultId: string;
  createdAt: string;
  bytes: number;
  blobs: number;
}

const COPY_CHUNK = 1024 * 1024;

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new VigilError('CANCELLED', 'Backup cancelled; nothing was written.');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

interface Snapshot {
  path: string;
  blobIds: string[];
  schemaVersion: number;
}

/** Where the snapshot would go if it were kept; its temp name beside it is what exists. */
const SNAPSHOT_TARGET = 'backup-snapshot.db';

/**
 * A consistent copy of the database, made by SQLite itself (VACUUM INTO reads
 * one snapshot; in WAL mode it neither blocks writers nor waits for them), and
 * encrypted under the same key, beside the vault's own database. The evidence
 * the copy refers to is read from the copy, so records and blobs agree. The
 * copy is an outgoing write of the vault (vault/outgoing.ts): a SIGKILL leaves
 * it recorded, and the next opening of the vault removes it. It exists only
 * while `use` runs.
 */
async function withSnapshot<T>(vault: Vault, use: (snapshot: Snapshot) => Promise<T>): Promise<T> {
  await removeDeadTemps(join(vault.dir, DATABASE_FILE));
  return writeOutgoing(
    vault,
    { kind: 'backup-snapshot', target: join(vault.dir, SNAPSHOT_TARGET) },
    async (write) => {
      try {
        await vault.db.run('VACUUM INTO ?', [write.temp]);
        await write.created();
        // Attached without KEY, SQLCipher uses the main database's key.
        const alias = `snapshot_${randomBytes(6).toString('hex')}`;
        await vault.db.run(`ATTACH DATABASE ? AS ${alias}`, [write.temp]);
        let snapshot: Snapshot;
        try {
          // The copy records its own making (and nothing else: the writer recovered
          // the rest on opening). A restored vault must not act on paths of this machine.
          await vault.db.run(`DELETE FROM ${alias}.outgoing_writes`);
          const rows = await vault.db.all<{ blob_id: string }>(
            // Blobs of evidence in the trash too: a restored backup can still restore them.
            `SELECT blob_id FROM ${alias}.evidence
             UNION SELECT json_each.value FROM ${alias}.trash, json_each(${alias}.trash.blob_ids)
             ORDER BY blob_id`,
          );
          const version = await vault.db.get<{ user_version: number }>(
            `PRAGMA ${alias}.user_version`,
          );
          snapshot = {
            path: write.temp,
            blobIds: rows.map((r) => r.blob_id),
            schemaVersion: version?.user_version ?? 0,
          };
        } finally {
          await vault.db.run(`DETACH DATABASE ${alias}`);
        }
        return await use(snapshot);
      } finally {
        await unlink(write.temp).catch(() => undefined);
      }
    },
  );
}

/** Appends members to the open backup file, hashing each as it goes through. */
class BackupWriter {
  readonly members: Member[] = [];
  private readonly behind: WriteBehind;
  private readonly buffer = Buffer.allocUnsafe(COPY_CHUNK);
  written = 0;

  constructor(
    private readonly handle: FileHandle,
    private readonly progress: BackupProgress,
    private readonly total: number,
  ) {
    this.behind = new WriteBehind(handle);
  }

  async raw(bytes: Buffer): Promise<void> {
    await this.handle.write(bytes);
    this.behind.wrote(bytes.length);
  }

  async bytes(kind: 'H' | 'D' | 'B', name: string, data: Buffer): Promise<void> {
    await this.raw(memberHead(kind, name, data.length));
    await this.raw(data);
    const sha256 = createHash('sha256').update(data).digest('hex');
    this.members.push({ kind, name, size: data.length, sha256 });
  }

  /** Copies a file in chunks; its size is taken from the open handle, so it cannot move under us. */
  async file(kind: 'D' | 'B', name: string, path: string, missing: string): Promise<void> {
    const source = await open(path, 'r').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new VigilError('INTEGRITY_FAILED', missing);
      throw fsError(error, `Cannot read ${name}`);
    });
    try {
      const { size } = await source.stat();
      await this.raw(memberHead(kind, name, size));
      const hash = createHash('sha256');
      let position = 0;
      while (position < size) {
        checkAborted(this.progress.signal);
        const { bytesRead } = await source.read(
          this.buffer,
          0,
          Math.min(COPY_CHUNK, size - position),
          position,
        );
        if (bytesRead === 0) throw new VigilError('IO_ERROR', `${name} shrank while it was read.`);
        const piece = this.buffer.subarray(0, bytesRead);
        hash.update(piece);
        await this.handle.write(piece);
        this.behind.wrote(bytesRead);
        position += bytesRead;
        this.written += bytesRead;
        this.progress.onProgress?.(this.written, this.total);
        crashPoint(`backup:${kind === 'D' ? 'database' : 'blob'}-chunk-written`);
      }
      this.members.push({ kind, name, size, sha256: hash.digest('hex') });
    } finally {
      await source.close();
    }
  }

  settle(): Promise<void> {
    return this.behind.settle();
  }

  drain(): Promise<void> {
    return this.behind.drain();
  }
}

/**
 * Writes the whole vault (header, a consistent database copy, every evidence
 * blob the copy refers to) into one authenticated file, streamed with bounded
 * memory. The file appears under its name only when complete and synced;
 * cancelled or failed, nothing is left behind. Never overwrites.
 */
export async function createBackup(
  vault: Vault,
  input: { out: string } & BackupProgress,
): Promise<BackupResult> {
  const out = resolve(input.out);
  if (await exists(out))
    throw new VigilError('CONFLICT', `${out} already exists; Vigil never overwrites a backup.`);
  if (
    !(await stat(dirname(out)).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    throw new VigilError('NOT_FOUND', `The folder ${dirname(out)} does not exist.`);
  checkAborted(input.signal);
  const macKey = vault.backupMacKey();
  const headerBytes = await readFile(headerPath(vault.dir)).catch((error: unknown) => {
    throw fsError(error, 'Cannot read the vault header');
  });
  if (parseHeader(headerBytes).vaultId !== vault.id)
    throw new VigilError('VAULT_DAMAGED', 'The vault header on disk belongs to another vault.');

  await removeDeadTemps(out);
  // Another process may be writing (the backup mostly reads): wait for its short
  // transaction rather than fail the records this backup keeps of itself.
  await vault.db.exec('PRAGMA busy_timeout = 10000');
  return withSnapshot(vault, async (snapshot) => {
    const blobPaths = snapshot.blobIds.map((id) => join(blobDir(vault.dir), `${id}.blob`));
    let total = (await stat(snapshot.path)).size;
    for (const path of blobPaths)
      total += await stat(path).then(
        (s) => s.size,
        () => 0,
      );
    const createdAt = vault.now().toISOString();
    const backupId = randomUUID();
    const blobs = snapshot.blobIds.length;
    // The temp file is an outgoing write: recorded before it exists, removed on any
    // failure, and after a SIGKILL by the next opening of the vault. The audit entry
    // is written with the record's removal, so a finished backup is always in the log.
    await writeOutgoing(
      vault,
      {
        kind: 'backup',
        target: out,
        audit: {
          action: 'vault.backup',
          entityType: 'vault',
          entityId: vault.id,
          detail: { file: basename(out), backupId, blobs, dataBytes: total },
        },
      },
      async (write) => {
        let handle: FileHandle | undefined;
        let writer: BackupWriter | undefined;
        try {
          handle = await open(write.temp, 'wx', 0o600).catch((error: unknown) => {
            throw fsError(error, `Cannot write the backup to ${out}`);
          });
          await write.created();
          writer = new BackupWriter(handle, input, total);
          await writer.raw(BACKUP_MAGIC);
          await writer.bytes('H', HEADER_MEMBER, headerBytes);
          await writer.file('D', DATABASE_MEMBER, snapshot.path, 'The database copy disappeared.');
          for (const [i, id] of snapshot.blobIds.entries()) {
            await writer.file(
              'B',
              `blobs/${id}.blob`,
              blobPaths[i]!,
              `Evidence blob ${id} is missing from the vault (deleted during the backup, or lost); run "vigil check", then back up again.`,
            );
          }
          const manifest: Manifest = {
            format: BACKUP_FORMAT,
            backupId,
            vaultId: vault.id,
            createdAt,
            schemaVersion: snapshot.schemaVersion,
            members: writer.members,
          };
          const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
          await writer.raw(memberHead('M', MANIFEST_MEMBER, manifestBytes.length));
          await writer.raw(manifestBytes);
          await writer.raw(manifestMac(manifestBytes, macKey));
          checkAborted(input.signal);
          await writer.settle();
          await handle.sync();
          await handle.close();
          handle = undefined;
          crashPoint('backup:temp-synced');
          // link() refuses to replace a file that appeared meanwhile; rename() would not.
          await link(write.temp, out);
          await unlink(write.temp);
          await fsyncDir(dirname(out));
        } catch (error) {
          await writer?.drain();
          await handle?.close().catch(() => undefined);
          throw error instanceof VigilError
            ? error
            : fsError(error, `Cannot write the backup to ${out}`);
        }
      },
    );
    return {
      file: out,
      backupId,
      vaultId: vault.id,
      createdAt,
      bytes: (await stat(out)).size,
      blobs,
    };
  });
}

/** When the last backup was made (from the audit log), or null if never. */
export async function lastBackupAt(vault: Vault): Promise<string | null> {
  const row = await vault.db.get<{ at: string }>(
    "SELECT max(at) AS at FROM audit_log WHERE action = 'vault.backup'",
  );
  return row?.at ?? null;
}
