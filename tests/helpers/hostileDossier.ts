import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { encryptToRecipients, signDetached } from '../../electron/core/pgp';
import type { Vault } from '../../electron/core/vault/vault';

/**
 * Hostile dossiers made from a real one: a dossier's files as a map that a
 * test changes, then seals again with the sender's real key (so that only
 * the change under test is wrong, never a signature by accident), and writes
 * out as a folder, a zip or an encrypted bundle.
 */
export type DossierFiles = Map<string, Buffer>;

/** A loose view of manifest.json: tests break it in ways its type would not allow. */
export interface LooseManifest {
  signer: { fingerprint: string; userId: string };
  files: { path: string; sha256: string; size: number; role: string }[];
  evidence: { path: string; copy: string; originalSha256: string; type: string }[];
  [key: string]: unknown;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function readDossier(dir: string): Promise<DossierFiles> {
  const files: DossierFiles = new Map();
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(dir, path).split('\\').join('/'), await readFile(path));
    }
  };
  await walk(dir);
  return files;
}

export function manifestOf(files: DossierFiles): LooseManifest {
  return JSON.parse(files.get('manifest.json')!.toString('utf8')) as LooseManifest;
}

export interface SealOptions {
  /** Rewrite SHA256SUMS from the manifest (default true); false keeps it as the test left it. */
  sums?: boolean;
  /** Entries of manifest.files to keep exactly as the test set them (not refreshed from the bytes). */
  keep?: string[];
}

/**
 * Signs the dossier again with the sender's key after a change: each file's
 * size and hash in the manifest refreshed from its bytes, SHA256SUMS
 * rewritten (unless told otherwise) and signed, the manifest signed.
 */
export async function reseal(
  sender: Vault,
  files: DossierFiles,
  manifest: LooseManifest,
  options: SealOptions = {},
): Promise<void> {
  const keep = new Set(options.keep ?? []);
  const refresh = (path: string) => {
    const bytes = files.get(path);
    if (!bytes || keep.has(path)) return;
    for (const entry of manifest.files.filter((f) => f.path === path)) {
      entry.sha256 = sha256(bytes);
      entry.size = bytes.length;
    }
  };
  for (const entry of manifest.files) refresh(entry.path);
  if (options.sums !== false) {
    const lines = manifest.files
      .filter(
        (f) =>
          !['SHA256SUMS', 'SHA256SUMS.asc', 'manifest.json', 'manifest.json.asc'].includes(f.path),
      )
      .map((f) => `${f.sha256}  ${f.path}\n`)
      .sort((a, b) => a.slice(66).localeCompare(b.slice(66)));
    files.set('SHA256SUMS', Buffer.from(lines.join(''), 'utf8'));
  }
  if (files.has('SHA256SUMS'))
    files.set('SHA256SUMS.asc', Buffer.from(await signDetached(sender, files.get('SHA256SUMS')!)));
  refresh('SHA256SUMS');
  refresh('SHA256SUMS.asc');
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  files.set('manifest.json', bytes);
  files.set('manifest.json.asc', Buffer.from(await signDetached(sender, bytes)));
}

export async function writeFolder(dir: string, files: DossierFiles): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const [path, bytes] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
  return dir;
}

/** An extra zip entry a dossier folder could not hold as a regular file: a link, a FIFO, a device. */
export interface SpecialEntry {
  path: string;
  /** The full Unix mode, file type bits included (0o120777 a symbolic link, 0o010644 a FIFO…). */
  mode: number;
  content: Buffer;
}

/** The dossier as a zip (under `dossier/`, as Vigil writes it), with optional special entries. */
export async function writeZip(
  out: string,
  files: DossierFiles,
  special: SpecialEntry[] = [],
): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [path, bytes] of files)
    zip.addBuffer(bytes, `dossier/${path}`, { compress: false, mode: 0o100644 });
  for (const entry of special)
    zip.addBuffer(entry.content, `dossier/${entry.path}`, { compress: false, mode: entry.mode });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(out));
  return out;
}

/** A zip file encrypted to `recipient` and signed by `sender`: a partner bundle around any zip. */
export async function writeBundle(
  sender: Vault,
  zipPath: string,
  out: string,
  recipient: string,
): Promise<string> {
  await encryptToRecipients(sender, zipPath, out, {
    recipients: [recipient],
    sign: true,
    filename: 'dossier.zip',
  });
  return out;
}
