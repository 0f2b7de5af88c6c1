import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, open, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { anyManifestSchema, type AnyManifest, type Audience } from '../../../shared/dossier';
import { VigilError, fsError } from '../errors';
import { decryptMessage, listKeys, verifyDetached, type SignatureCheck } from '../pgp';
import type { Vault } from '../vault/vault';
import { openSafeZip, readEntry, type SafeZip, type ZipBytes } from './zip';

const MAX_MANIFEST = 16 * 1024 * 1024;
const MAX_SIGNATURE = 1024 * 1024;

/** What `vigil verify` found; `ok` only when every check held. */
export interface VerifyReport {
  ok: boolean;
  kind: 'directory' | 'zip' | 'bundle';
  signature: SignatureCheck & { signerUserId: string | null };
  bundle: { recipient: string; signature: SignatureCheck & { status: string } } | null;
  manifest: {
    reference: string;
    template: string;
    createdAt: string;
    files: number;
    /** Who the dossier was made for. */
    audience: Audience;
  } | null;
  files: { checked: number; mismatched: string[]; missing: string[]; extra: string[] };
  problems: string[];
}

/** The files of a dossier, wherever they are (a folder, or a zip). */
interface DossierFiles {
  list(): Promise<Map<string, number>>;
  read(path: string, max: number): Promise<Buffer | null>;
  stream(path: string): Promise<Readable>;
}

function directoryFiles(root: string): DossierFiles {
  return {
    async list() {
      const files = new Map<string, number>();
      const walk = async (dir: string): Promise<void> => {
        for (const entry of await readdir(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          const rel = relative(root, path).split(sep).join('/');
          if (entry.isDirectory()) await walk(path);
          else if (entry.isSymbolicLink()) files.set(rel, -1);
          else files.set(rel, (await stat(path)).size);
        }
      };
      await walk(root);
      return files;
    },
    async read(path, max) {
      const full = join(root, path);
      const info = await lstat(full).catch(() => null);
      if (!info?.isFile()) return null;
      if (info.size > max)
        throw new VigilError(
          'VERIFICATION_FAILED',
          `${path} is too large to be a dossier's ${path}.`,
        );
      return readFile(full);
    },
    async stream(path) {
      return createReadStream(join(root, path));
    },
  };
}

function zipFiles(zip: SafeZip): DossierFiles {
  const byPath = new Map(zip.entries.map((e) => [e.path, e]));
  return {
    list: async () => new Map(zip.entries.map((e) => [e.path, e.size])),
    read: async (path, max) => {
      const entry = byPath.get(path);
      return entry ? readEntry(zip, entry, max) : null;
    },
    stream: (path) => zip.open(byPath.get(path)!),
  };
}

export async function hashStream(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

export interface CheckedDossier {
  report: Omit<VerifyReport, 'kind' | 'bundle'>;
  manifest: AnyManifest | null;
}

/**
 * The checks every form of dossier gets: the manifest's signature against
 * the vault's keys, the manifest's structure, every listed file's size and
 * SHA-256, nothing missing and nothing extra, SHA256SUMS and its signature.
 */
async function checkFiles(vault: Vault, files: DossierFiles): Promise<CheckedDossier> {
  const problems: string[] = [];
  const result: CheckedDossier['report'] = {
    ok: false,
    signature: {
      valid: false,
      signerKnown: false,
      signerTrusted: false,
      signerUserId: null,
      problem: 'not checked',
    },
    manifest: null,
    files: { checked: 0, mismatched: [], missing: [], extra: [] },
    problems,
  };
  const manifestBytes = await files.read('manifest.json', MAX_MANIFEST);
  const signatureBytes = await files.read('manifest.json.asc', MAX_SIGNATURE);
  if (!manifestBytes) problems.push('manifest.json is missing');
  if (!signatureBytes) problems.push('manifest.json.asc (the signature) is missing');
  if (!manifestBytes || !signatureBytes) return { report: result, manifest: null };

  const signature = await verifyDetached(vault, manifestBytes, signatureBytes.toString('utf8'));
  const keys = await listKeys(vault);
  const signerUserId =
    keys.find((k) => k.fingerprint === signature.signerFingerprint)?.userIds[0] ?? null;
  result.signature = { ...signature, signerUserId };
  if (!signature.valid)
    problems.push(`the manifest's signature does not hold: ${signature.problem ?? 'invalid'}`);
  else if (!signature.signerTrusted)
    problems.push(`the signer ${signature.signerFingerprint} is known but not marked trusted`);

  let manifest: AnyManifest;
  try {
    // The current manifest, or version 1 (dossiers made before): both verify the same way.
    manifest = anyManifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  } catch {
    problems.push('manifest.json is not a valid Vigil manifest');
    return { report: result, manifest: null };
  }
  if (
    signature.valid &&
    signature.signerFingerprint &&
    manifest.signer.fingerprint !== signature.signerFingerprint
  ) {
    problems.push(
      `the manifest names signer ${manifest.signer.fingerprint} but was signed by ${signature.signerFingerprint}`,
    );
  }
  result.manifest = {
    reference: manifest.case.reference,
    template: manifest.template,
    createdAt: manifest.createdAt,
    files: manifest.files.length,
    audience: manifest.audience,
  };

  const present = await files.list();
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const path of present.keys()) {
    if (path === 'manifest.json' || path === 'manifest.json.asc') continue;
    if (!listed.has(path)) result.files.extra.push(path);
  }
  for (const file of manifest.files) {
    const size = present.get(file.path);
    if (size === undefined) {
      result.files.missing.push(file.path);
      continue;
    }
    if (size < 0) {
      result.files.mismatched.push(`${file.path} (a symbolic link)`);
      continue;
    }
    const actual =
      size === file.size ? await hashStream(await files.stream(file.path)) : { sha256: '', size };
    result.files.checked += 1;
    if (actual.size !== file.size || actual.sha256 !== file.sha256)
      result.files.mismatched.push(file.path);
  }
  for (const path of result.files.extra) problems.push(`${path} is not listed in the manifest`);
  for (const path of result.files.missing)
    problems.push(`${path} is listed in the manifest but missing`);
  for (const path of result.files.mismatched)
    problems.push(`${path} does not match its SHA-256 or size in the manifest`);

  // SHA256SUMS must say what the manifest says, and carry a good signature too (that is what gpg users check).
  const sums = await files.read('SHA256SUMS', MAX_MANIFEST);
  const sumsSignature = await files.read('SHA256SUMS.asc', MAX_SIGNATURE);
  if (sums && sumsSignature) {
    const expected = manifest.files
      .filter((f) => f.path !== 'SHA256SUMS' && f.path !== 'SHA256SUMS.asc')
      .map((f) => `${f.sha256}  ${f.path}`)
      .sort((a, b) => a.slice(66).localeCompare(b.slice(66)));
    const actual = sums.toString('utf8').split('\n').filter(Boolean);
    if (JSON.stringify([...actual].sort()) !== JSON.stringify([...expected].sort()))
      problems.push('SHA256SUMS does not list the same files and hashes as the manifest');
    const sumsCheck = await verifyDetached(vault, sums, sumsSignature.toString('utf8'));
    if (!sumsCheck.valid)
      problems.push(`the signature of SHA256SUMS does not hold: ${sumsCheck.problem ?? 'invalid'}`);
  }
  result.ok = problems.length === 0 && signature.valid && signature.signerKnown;
  return { report: result, manifest };
}

async function fileHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export function fileBytes(path: string, size: number): ZipBytes {
  return { size, stream: (start, end) => createReadStream(path, { start, end: end - 1 }) };
}

/**
 * Verifies a dossier folder, a dossier zip, or an encrypted partner bundle
 * (decrypted with the organisation's key; the plaintext stays sealed in the
 * vault). Every signer is checked against the vault's keys. Nothing is
 * imported and nothing is released.
 */
export async function verifyDossier(vault: Vault, path: string): Promise<VerifyReport> {
  const info = await stat(path).catch((error: unknown) => {
    throw fsError(error, `Cannot read ${path}`);
  });
  if (info.isDirectory()) {
    const { report } = await checkFiles(vault, directoryFiles(path));
    return { ...report, kind: 'directory', bundle: null };
  }
  const head = await fileHead(path, 4);
  if (head.equals(Buffer.from('PK\x03\x04', 'latin1'))) {
    const zip = await openSafeZip(fileBytes(path, info.size));
    try {
      const { report } = await checkFiles(vault, zipFiles(zip));
      return { ...report, kind: 'zip', bundle: null };
    } finally {
      zip.close();
    }
  }
  const decrypted = await decryptMessage(vault, path, {
    acceptUnsigned: true,
    acceptUnknownSigner: true,
    acceptUntrustedSigner: true,
    onPlaintext: async (plaintext) => {
      const zip = await openSafeZip({
        size: plaintext.size,
        stream: (start, end) => plaintext.stream(start, end),
      });
      try {
        return (await checkFiles(vault, zipFiles(zip))).report;
      } finally {
        zip.close();
      }
    },
  });
  const report = decrypted.value;
  const outer = decrypted.signature;
  if (!outer.valid)
    report.problems.push(
      `the bundle's own signature does not hold: ${outer.problem ?? outer.status}`,
    );
  else if (outer.status !== 'valid')
    report.problems.push(
      `the bundle was signed by ${outer.signerFingerprint}, which is not marked trusted`,
    );
  return {
    ...report,
    ok: report.ok && outer.valid && report.problems.length === 0,
    kind: 'bundle',
    bundle: { recipient: decrypted.recipient, signature: outer },
  };
}

export { checkFiles, zipFiles };
