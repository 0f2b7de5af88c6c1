import { createHash } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import yazl from 'yazl';
import { VigilError, fsError } from '../errors';
import { fsyncDir } from '../fs/atomic';
import { WriteBehind } from '../fs/writeBehind';
import { useNativeCrc32ForYazl } from './zipCrc';
import { evidenceBlob } from '../evidence';
import { readBlob } from '../evidence/blobStore';
import { encryptToRecipients } from '../pgp';
import type { Vault } from '../vault/vault';
import type { AuditEvent } from '../vault/audit';
import { assertNewOutput, writeOutgoing } from '../vault/outgoing';
import type { DossierPlan, PlannedFile } from './plan';

export interface WriteOptions {
  signal?: AbortSignal;
  /** Bytes written so far, out of the dossier's total. */
  onProgress?: (done: number, total: number, file: string) => void;
}

/** An evidence file's bytes, each chunk authenticated, the whole re-hashed against the manifest. */
async function* evidenceBytes(
  vault: Vault,
  file: PlannedFile,
  signal?: AbortSignal,
): AsyncGenerator<Buffer> {
  if (Buffer.isBuffer(file.content)) {
    yield file.content;
    return;
  }
  const blob = await evidenceBlob(vault, file.content.evidence.sourceId);
  const hash = createHash('sha256');
  for await (const chunk of readBlob(vault.dir, blob.blobId, blob.key, { signal })) {
    hash.update(chunk);
    yield chunk;
  }
  if (hash.digest('hex') !== file.sha256) {
    throw new VigilError(
      'INTEGRITY_FAILED',
      `Evidence for ${file.path} does not match the hash recorded in the vault; the export was stopped.`,
    );
  }
}

function totalBytes(plan: DossierPlan): number {
  return plan.files.reduce((sum, f) => sum + f.size, 0);
}

/**
 * Writes the dossier as a folder: everything goes into a temporary folder
 * beside the target, each file synced, then the folder is renamed into place.
 * The write is recorded in the vault first (see vault/outgoing.ts): a failure,
 * a cancellation or an interruption removes the temporary folder, and after a
 * crash the next opener does. There is a complete dossier or none.
 */
export async function writeDossierDirectory(
  vault: Vault,
  plan: DossierPlan,
  outDir: string,
  options: WriteOptions = {},
  audit?: AuditEvent,
): Promise<{ out: string; bytes: number }> {
  const out = await assertNewOutput(outDir, 'the dossier');
  const total = totalBytes(plan);
  let done = 0;
  return writeOutgoing(vault, { kind: 'dossier-folder', target: out, audit }, async (write) => {
    try {
      await mkdir(write.temp, { mode: 0o700 });
      await write.created();
      for (const file of plan.files) {
        if (options.signal?.aborted)
          throw new VigilError('CANCELLED', 'Export cancelled; nothing was written.');
        const target = join(write.temp, file.path);
        await mkdir(dirname(target), { recursive: true, mode: 0o700 });
        const handle = await open(target, 'wx', 0o600);
        const behind = new WriteBehind(handle);
        try {
          for await (const chunk of evidenceBytes(vault, file, options.signal)) {
            await handle.write(chunk);
            behind.wrote(chunk.length);
            done += chunk.length;
            options.onProgress?.(done, total, file.path);
          }
          await behind.settle();
          await handle.sync();
        } finally {
          await behind.drain();
          await handle.close();
        }
      }
      await fsyncDir(write.temp);
      await rename(write.temp, out);
      await fsyncDir(dirname(out));
      return { out, bytes: done };
    } catch (error) {
      if (error instanceof VigilError) throw error;
      throw fsError(error, `Cannot write the dossier to ${out}`);
    }
  });
}

/** The dossier as one uncompressed zip stream (media gain nothing from compression, and sizes stay honest). */
export function dossierZip(vault: Vault, plan: DossierPlan, options: WriteOptions = {}): Readable {
  useNativeCrc32ForYazl();
  const zip = new yazl.ZipFile();
  const output = zip.outputStream as Readable;
  // Any failure (an evidence blob failing its check, a size mismatch) must fail the zip stream
  // itself, so the encryption upstream stops and removes its partial output.
  zip.on('error', (error: Error) => output.destroy(error));
  // The consumer learns of a failure through its reads, which reject. yazl pipes each entry
  // into this stream, and a pipe re-emits a destination's error when no listener is left (the
  // consumer's go once it has stopped): without this one the process would crash on a cancel.
  output.on('error', () => undefined);
  const mtime = new Date(plan.manifest.createdAt);
  const total = totalBytes(plan);
  let done = 0;
  for (const file of plan.files) {
    const name = `dossier/${file.path}`;
    if (Buffer.isBuffer(file.content)) {
      zip.addBuffer(file.content, name, { compress: false, mtime, mode: 0o100644 });
      done += file.size;
      continue;
    }
    const source = Readable.from(evidenceBytes(vault, file, options.signal), { objectMode: false });
    // A pass-through that counts, without a 'data' listener: that would start the flow before
    // yazl reaches this entry, and the bytes would be lost.
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        done += chunk.length;
        options.onProgress?.(done, total, file.path);
        callback(null, chunk);
      },
    });
    source.on('error', (error) => counted.destroy(error));
    counted.on('error', (error) => output.destroy(error));
    source.pipe(counted);
    zip.addReadStream(counted, name, { compress: false, mtime, mode: 0o100644, size: file.size });
  }
  zip.end();
  return output;
}

/**
 * Writes the dossier as a partner bundle: the zip streamed straight into an
 * OpenPGP message signed by the organisation and encrypted to the recipients
 * (SEIPD v1, uncompressed, what `gpg --decrypt` opens). The plaintext zip
 * never touches the disk.
 */
export async function writeBundle(
  vault: Vault,
  plan: DossierPlan,
  outFile: string,
  recipients: string[],
  options: WriteOptions = {},
  audit?: AuditEvent,
): Promise<{ out: string; bytes: number; recipients: string[] }> {
  if (recipients.length === 0)
    throw new VigilError(
      'INVALID_INPUT',
      'A bundle needs at least one recipient key (--encrypt-to FINGERPRINT).',
    );
  const out = await assertNewOutput(outFile, 'the bundle');
  return writeOutgoing(vault, { kind: 'bundle', target: out, audit }, async (write) => {
    const zip = dossierZip(vault, plan, options);
    try {
      const result = await encryptToRecipients(vault, zip, out, {
        recipients,
        sign: true,
        filename: 'dossier.zip',
        tempPath: write.temp,
        onTempCreated: write.created,
      });
      return { out, bytes: result.bytesOut, recipients: result.recipients };
    } catch (error) {
      zip.destroy();
      throw error;
    }
  });
}
