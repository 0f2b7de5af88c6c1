import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { anyManifestSchema, type AnyManifest, type Audience } from '../../../shared/dossier';
import {
  checkCaseDocument,
  documentVocabularyIssues,
  MAX_CASE_DOCUMENT_BYTES,
  type CaseDocument,
} from '../../../shared/domain';
import { describeIssues } from '../../../shared/domain/issues';
import { VocabularySet } from '../../../shared/vocabularies';
import { isVigilError } from '../errors';
import { MAX_CASE_TERMS } from '../records';
import {
  fileKeyring,
  verifyDetachedWith,
  type DecryptReport,
  type Keyring,
  type SignatureCheck,
} from '../pgp';
import type { DossierSource } from './source';

/**
 * The one verification of a dossier, run by `vigil verify` and by `vigil
 * import` alike, so that whatever one refuses the other refuses too. Every
 * check adds a plain sentence to `problems`; the dossier holds only when
 * there is none and the manifest's signature is good:
 *
 * 1. only regular files (the source reports links, FIFOs and devices, and
 *    archives it refused, without opening them);
 * 2. manifest.json is a valid Vigil manifest, signed (manifest.json.asc) by
 *    the key it names as its signer;
 * 3. the manifest lists each file once, itself not at all, every evidence
 *    entry once and as a file marked evidence, and every file marked
 *    evidence has its entry;
 * 4. every listed file is present with its size and SHA-256, nothing
 *    unlisted is present;
 * 5. SHA256SUMS (what gpg users check) lists exactly the manifest's files
 *    and hashes, each once, and is signed by the same key;
 * 6. signer-key.asc, when shipped, holds that key;
 * 7. case.json, when shipped, is JSON; in a dossier made for partners (the
 *    only one that may be imported) it is a valid case document: its
 *    schema, its internal references and its vocabulary terms. For a
 *    mechanism or the public it is the released data, emptied of what that
 *    audience does not get, so it is not held to the case schema.
 *
 * Who the signer is, and whether that key is trusted, is for the caller to
 * judge from `signature` (see KeyOrigin); this only says whether it holds.
 */

const MAX_MANIFEST = 16 * 1024 * 1024;
const MAX_SIGNATURE = 1024 * 1024;
const MAX_KEY_FILE = 4 * 1024 * 1024;
/** Listed without a line in SHA256SUMS: the checksums and the manifest sign each other's coverage. */
const NOT_IN_SUMS = new Set(['SHA256SUMS', 'SHA256SUMS.asc', 'manifest.json', 'manifest.json.asc']);
const NOT_LISTED = new Set(['manifest.json', 'manifest.json.asc']);

export type SignerReport = SignatureCheck & { signerUserId: string | null };

export interface CheckReport {
  ok: boolean;
  signature: SignerReport;
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

export interface CheckedDossier {
  report: CheckReport;
  manifest: AnyManifest | null;
  /** The case data, validated; null when the dossier ships none, or it failed (a problem says why). */
  caseDocument: CaseDocument | null;
}

/** Paths are compared as a zip reader or a case-insensitive disk would see them. */
const pathKey = (path: string) => path.normalize('NFC').toLowerCase();

export async function hashStream(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

const message = (error: unknown) =>
  isVigilError(error) ? error.message : error instanceof Error ? error.message : String(error);

/** A file's bytes, or null with a problem noted when it cannot be read within `max`. */
async function readBounded(
  source: DossierSource,
  path: string,
  max: number,
  problems: string[],
): Promise<Buffer | null> {
  try {
    return await source.read(path, max);
  } catch (error) {
    problems.push(`${path} cannot be read: ${message(error)}`);
    return null;
  }
}

/** The signer's key the dossier ships (signer-key.asc), if it holds one. */
export async function shippedKeyring(source: DossierSource): Promise<Keyring | null> {
  if (!source.files.has('signer-key.asc')) return null;
  const bytes = await source.read('signer-key.asc', MAX_KEY_FILE).catch(() => null);
  if (!bytes) return null;
  return fileKeyring(bytes, 'dossier').catch(() => null);
}

function duplicates(paths: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const path of paths) {
    const key = pathKey(path);
    if (seen.has(key)) twice.add(path);
    seen.add(key);
  }
  return [...twice];
}

/** Checks a signature, turning an unreadable one into a failed check (never an exception). */
async function checkSignature(
  keyring: Keyring,
  now: Date,
  data: Buffer,
  signature: Buffer,
): Promise<SignerReport> {
  let check: SignatureCheck;
  try {
    check = await verifyDetachedWith(keyring, now, data, signature);
  } catch (error) {
    check = {
      valid: false,
      signerKnown: false,
      signerTrusted: false,
      problem: message(error),
    };
  }
  const signer = check.signerFingerprint
    ? keyring.byFingerprint.get(check.signerFingerprint)
    : undefined;
  return { ...check, signerUserId: signer?.userIds[0] ?? null };
}

function checkManifestLists(manifest: AnyManifest, problems: string[]): void {
  for (const path of duplicates(manifest.files.map((f) => f.path)))
    problems.push(`the manifest lists ${path} twice`);
  for (const file of manifest.files)
    if (NOT_LISTED.has(file.path)) problems.push(`the manifest lists ${file.path}, itself`);
  for (const path of duplicates(manifest.evidence.map((e) => e.path)))
    problems.push(`the manifest describes the evidence ${path} twice`);
  const roles = new Map(manifest.files.map((f) => [f.path, f.role]));
  const described = new Set(manifest.evidence.map((e) => e.path));
  for (const item of manifest.evidence) {
    const role = roles.get(item.path);
    if (role === undefined)
      problems.push(`the evidence ${item.path} is described but not listed among the files`);
    else if (role !== 'evidence')
      problems.push(`the evidence ${item.path} is listed as a file of another kind (${role})`);
  }
  for (const file of manifest.files)
    if (file.role === 'evidence' && !described.has(file.path))
      problems.push(`${file.path} is listed as evidence but has no evidence entry`);
}

async function checkListedFiles(
  source: DossierSource,
  manifest: AnyManifest,
  result: CheckReport['files'],
): Promise<string[]> {
  const problems: string[] = [];
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const path of source.files.keys())
    if (!NOT_LISTED.has(path) && !listed.has(path)) result.extra.push(path);
  const hashed = new Set<string>();
  for (const file of manifest.files) {
    if (hashed.has(file.path)) continue;
    hashed.add(file.path);
    const size = source.files.get(file.path);
    if (size === undefined) {
      result.missing.push(file.path);
      continue;
    }
    result.checked += 1;
    if (size !== file.size) {
      result.mismatched.push(file.path);
      continue;
    }
    try {
      const actual = await hashStream(await source.stream(file.path));
      if (actual.size !== file.size || actual.sha256 !== file.sha256)
        result.mismatched.push(file.path);
    } catch (error) {
      problems.push(`${file.path} cannot be read: ${message(error)}`);
    }
  }
  for (const path of result.extra) problems.push(`${path} is not listed in the manifest`);
  for (const path of result.missing) problems.push(`${path} is listed in the manifest but missing`);
  for (const path of result.mismatched)
    problems.push(`${path} does not match its SHA-256 or size in the manifest`);
  return problems;
}

const SUMS_LINE = /^([0-9a-f]{64}) [ *](.+)$/;

/** SHA256SUMS must say exactly what the manifest says, and carry a good signature by the same key. */
async function checkSums(
  source: DossierSource,
  manifest: AnyManifest,
  keyring: Keyring,
  now: Date,
  signer: string | undefined,
  problems: string[],
): Promise<void> {
  const sums = await readBounded(source, 'SHA256SUMS', MAX_MANIFEST, problems);
  const sumsSignature = await readBounded(source, 'SHA256SUMS.asc', MAX_SIGNATURE, problems);
  if (!sums || !sumsSignature) {
    if (!source.files.has('SHA256SUMS') || !source.files.has('SHA256SUMS.asc'))
      problems.push(
        'SHA256SUMS or its signature SHA256SUMS.asc is missing: the dossier cannot be checked with gpg and sha256sum',
      );
    return;
  }
  const expected = new Map(
    manifest.files.filter((f) => !NOT_IN_SUMS.has(f.path)).map((f) => [f.path, f.sha256]),
  );
  const seen = new Set<string>();
  const lines = sums.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  let disagree = 0;
  lines.forEach((line, i) => {
    const match = SUMS_LINE.exec(line);
    if (!match) {
      problems.push(`SHA256SUMS line ${i + 1} is not "SHA-256, two spaces, path"`);
      return;
    }
    const [, hash, path] = match as unknown as [string, string, string];
    if (seen.has(path)) problems.push(`SHA256SUMS lists ${path} twice`);
    seen.add(path);
    const want = expected.get(path);
    if (want === undefined) problems.push(`SHA256SUMS lists ${path}, which the manifest does not`);
    else if (want !== hash) disagree += 1;
  });
  if (disagree > 0)
    problems.push(
      `SHA256SUMS disagrees with the manifest on the SHA-256 of ${disagree} file${disagree === 1 ? '' : 's'}`,
    );
  for (const path of expected.keys())
    if (!seen.has(path)) problems.push(`SHA256SUMS does not list ${path}, which the manifest does`);
  const check = await checkSignature(keyring, now, sums, sumsSignature);
  if (!check.valid)
    problems.push(`the signature of SHA256SUMS does not hold: ${check.problem ?? 'invalid'}`);
  else if (signer && check.signerFingerprint !== signer)
    problems.push(
      `SHA256SUMS was signed by ${check.signerFingerprint}, not by the manifest's signer`,
    );
}

/** signer-key.asc, when shipped, must hold the key that signed the manifest: VERIFY.txt tells gpg users to import it. */
async function checkShippedKey(
  source: DossierSource,
  signer: string | undefined,
  problems: string[],
): Promise<void> {
  if (!signer || !source.files.has('signer-key.asc')) return;
  const shipped = await shippedKeyring(source);
  if (!shipped) problems.push('signer-key.asc holds no OpenPGP public key');
  else if (!shipped.byFingerprint.has(signer))
    problems.push(`signer-key.asc does not hold the signer's key ${signer}`);
}

/**
 * A dossier's case.json, parsed and checked as an import will take it: its
 * schema, its internal references, and every vocabulary term either built in
 * or among the document's own terms. The problem is one sentence.
 */
export function checkCaseJson(
  bytes: Buffer,
): { document: CaseDocument; problem: null } | { document: null; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { document: null, problem: 'case.json is not valid JSON' };
  }
  const checked = checkCaseDocument(value);
  if (!checked.ok)
    return {
      document: null,
      problem: `case.json is not a valid case: ${describeIssues(checked.issues.slice(0, 3))}`,
    };
  if (checked.document.customTerms.length > MAX_CASE_TERMS)
    return {
      document: null,
      problem: `case.json brings ${checked.document.customTerms.length} vocabulary terms of its own; at most ${MAX_CASE_TERMS} are accepted with one case`,
    };
  const terms = documentVocabularyIssues(
    checked.document,
    new VocabularySet(checked.document.customTerms),
  );
  if (terms.length > 0)
    return {
      document: null,
      problem: `case.json is not a valid case: ${describeIssues(terms.slice(0, 3))}`,
    };
  return { document: checked.document, problem: null };
}

/** Only a dossier made for partners carries the case itself, for them to go on with the work. */
export function importableAudience(manifest: AnyManifest): boolean {
  return manifest.audience.kind === 'partners';
}

function isJsonObject(bytes: Buffer): boolean {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

async function checkCaseData(
  source: DossierSource,
  manifest: AnyManifest,
  problems: string[],
): Promise<CaseDocument | null> {
  if (!source.files.has('case.json')) return null;
  const bytes = await readBounded(source, 'case.json', MAX_CASE_DOCUMENT_BYTES, problems);
  if (!bytes) return null;
  if (!importableAudience(manifest)) {
    if (!isJsonObject(bytes)) problems.push('case.json is not a JSON object');
    return null;
  }
  const checked = checkCaseJson(bytes);
  if (checked.problem !== null) problems.push(checked.problem);
  return checked.document;
}

/**
 * Runs every check on `source` with `keyring` as of `now`. Never throws for
 * what the dossier holds: each fault is a problem in the report.
 */
export async function checkDossier(
  source: DossierSource,
  keyring: Keyring,
  now: Date,
): Promise<CheckedDossier> {
  const problems: string[] = [...source.problems];
  const report: CheckReport = {
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
  const done = (
    manifest: AnyManifest | null,
    caseDocument: CaseDocument | null,
  ): CheckedDossier => {
    report.ok = problems.length === 0 && report.signature.valid;
    return { report, manifest, caseDocument };
  };
  // A refused archive has nothing more to check.
  if (source.files.size === 0 && problems.length > 0) return done(null, null);

  const manifestBytes = await readBounded(source, 'manifest.json', MAX_MANIFEST, problems);
  const signatureBytes = await readBounded(source, 'manifest.json.asc', MAX_SIGNATURE, problems);
  if (!manifestBytes && !source.files.has('manifest.json'))
    problems.push('manifest.json is missing');
  if (!signatureBytes && !source.files.has('manifest.json.asc'))
    problems.push('manifest.json.asc (the signature) is missing');
  if (!manifestBytes || !signatureBytes) return done(null, null);

  report.signature = await checkSignature(keyring, now, manifestBytes, signatureBytes);
  const signature = report.signature;
  if (!signature.valid)
    problems.push(`the manifest's signature does not hold: ${signature.problem ?? 'invalid'}`);

  let manifest: AnyManifest;
  try {
    manifest = anyManifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
  } catch {
    problems.push('manifest.json is not a valid Vigil manifest');
    return done(null, null);
  }
  const signer = signature.valid ? signature.signerFingerprint : undefined;
  if (signer && manifest.signer.fingerprint !== signer)
    problems.push(
      `the manifest names signer ${manifest.signer.fingerprint} but was signed by ${signer}`,
    );
  report.manifest = {
    reference: manifest.case.reference,
    template: manifest.template,
    createdAt: manifest.createdAt,
    files: manifest.files.length,
    audience: manifest.audience,
  };

  checkManifestLists(manifest, problems);
  problems.push(...(await checkListedFiles(source, manifest, report.files)));
  await checkSums(source, manifest, keyring, now, signer, problems);
  await checkShippedKey(source, signer, problems);
  const caseDocument = await checkCaseData(source, manifest, problems);
  return done(manifest, caseDocument);
}

/**
 * Why a good manifest signature still does not make the dossier one to rely
 * on: its key is in the vault but not marked trusted, or it came only with
 * the dossier itself. Null when the signer is trusted (or pinned by the
 * user), or when the signature failed (that is a problem of its own).
 */
export function signerDistrust(signature: SignerReport): string | null {
  const fingerprint = signature.signerFingerprint;
  if (!signature.valid || !fingerprint) return null;
  const who = `${fingerprint}${signature.signerUserId ? ` (${signature.signerUserId})` : ''}`;
  switch (signature.signerOrigin) {
    case 'vault':
      return signature.signerTrusted ? null : `the signer ${who} is known but not marked trusted`;
    case 'dossier':
      return `the signer ${who} is not in the vault: its key came only inside the dossier (signer-key.asc), which proves nothing by itself. Compare its fingerprint with the organisation's, then import it as a trusted key (vigil keys import signer-key.asc --trust)`;
    default:
      return null;
  }
}

/**
 * A bundle's own signature must be by the dossier's signer. `accepted`: the
 * user accepted an unknown or untrusted signer explicitly (an import with
 * --accept-signer), so those are not faults; a different signer always is.
 */
export function bundleProblems(
  bundle: DecryptReport,
  manifest: AnyManifest | null,
  accepted: boolean,
): string[] {
  const problems: string[] = [];
  const outer = bundle.signature;
  if (outer.status === 'unsigned') problems.push('the bundle itself is not signed');
  else if (outer.signerKnown && !outer.valid)
    problems.push(`the bundle's own signature does not hold: ${outer.problem ?? 'invalid'}`);
  else if (!accepted && outer.status === 'unknown-signer')
    problems.push(`the bundle's own signature does not hold: ${outer.problem ?? 'unknown signer'}`);
  else if (!accepted && outer.status === 'untrusted-signer')
    problems.push(
      `the bundle was signed by ${outer.signerFingerprint}, which is not marked trusted`,
    );
  if (
    manifest &&
    outer.signerFingerprint &&
    manifest.signer.fingerprint !== outer.signerFingerprint
  )
    problems.push('the bundle and the dossier inside it were signed by different keys');
  return problems;
}
