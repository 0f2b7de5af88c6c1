import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { AnyManifest } from '../../../shared/dossier';
import type { Organisation } from '../../../shared/domain/organisation';
import { describeAudience, type CaseDocument } from '../../../shared/domain';
import { VigilError, fsError } from '../errors';
import { deleteBlob, settleBlob, writeBlob, type WrittenBlob } from '../evidence/blobStore';
import { recordImportedEvidence } from '../evidence';
import { detectType } from '../metadata';
import {
  EMPTY_KEYRING,
  mergeKeyrings,
  SignatureRefusedError,
  vaultKeyring,
  type DecryptReport,
} from '../pgp';
import { importCaseDocumentTx, updateCaseFromDocument, type UpdateResult } from '../records';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import {
  DuplicateCaseError,
  duplicateOf,
  type DuplicateChoice,
  type DuplicateInfo,
} from './duplicates';
import { keepCaseWorkTx, type CaseWorkReport } from './caseWork';
import { withDossier } from './open';
import type { DossierSource } from './source';
import {
  bundleProblems,
  checkDossier,
  importableAudience,
  shippedKeyring,
  signerDistrust,
  type SignerReport,
} from './verification';

export interface ImportOptions {
  /** Accept a signer whose key is not in the vault, or not marked trusted (the user said so explicitly). */
  acceptSigner?: boolean;
  /** When the case is already in the vault: merge the partner's version into it, or keep a separate copy. */
  duplicate?: DuplicateChoice;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, item: string) => void;
}

export interface ImportReport {
  caseId: string;
  reference: string;
  /** `new`: a new case; `update`: merged into the case already here; `as-new`: a separate copy. */
  mode: 'new' | 'update' | 'as-new';
  /** The case already in the vault with the same origin, when there was one. */
  duplicateOf: DuplicateInfo | null;
  /** For an update: what changed, and the records both sides changed (the local version was kept). */
  update: Omit<UpdateResult, 'caseId' | 'reference'> | null;
  /** The partner's own vocabulary terms kept with the case (they do not join the vault's). */
  customTermsKept: number;
  /** What was imported: a bundle, a dossier zip or a dossier folder. */
  kind: 'bundle' | 'zip' | 'directory';
  signer: { fingerprint: string | null; userId: string | null; trusted: boolean };
  /** The SHA-256 of the bundle or zip file; for a folder, of its manifest.json. */
  bundleSha256: string;
  manifestSha256: string;
  records: { persons: number; events: number; testimonies: number; interventions: number };
  evidence: { id: string; sha256: string; path: string }[];
  /**
   * The partner's WGAD arguments: `added` when the case had none here,
   * `kept-local` when it had others (the local ones stay), `same` when
   * equal; null when the dossier carried none.
   */
  submission: CaseWorkReport['wgad'];
  /** The partner's urgent appeal (requests and addressees), kept as the WGAD arguments are. */
  appeal: CaseWorkReport['urgentAppeal'];
  /** The partner's mechanism facts, kept as the WGAD arguments are (never over local ones). */
  facts: CaseWorkReport['facts'];
  /** The partner's arguments for each regional template it carried, kept the same way. */
  arguments: CaseWorkReport['arguments'];
  /** The sending organisation's details as it signs its submissions, kept with the case. */
  submitter: Organisation | null;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const refused = (why: string) =>
  new VigilError('VERIFICATION_FAILED', `${why} Nothing was imported.`);

/** The problems as one sentence: all of them when few, the first ones and a count otherwise. */
function summarise(problems: string[]): string {
  const shown = problems.slice(0, 5).join('; ');
  return problems.length > 5 ? `${shown}; and ${problems.length - 5} more` : shown;
}

interface Verified {
  manifest: AnyManifest;
  manifestSha256: string;
  document: CaseDocument;
  signature: SignerReport;
}

/**
 * The same verification `vigil verify` runs (verification.ts), then the
 * import's own policy: the signer must be trusted unless the user accepted
 * it, and there must be case data to import.
 */
async function verifyForImport(
  vault: Vault,
  source: DossierSource,
  bundle: DecryptReport | null,
  accept: boolean,
): Promise<Verified> {
  const shipped = await shippedKeyring(source);
  const keyring = mergeKeyrings(await vaultKeyring(vault), shipped ?? EMPTY_KEYRING);
  const checked = await checkDossier(source, keyring, vault.now());
  const problems = [...checked.report.problems];
  if (bundle) problems.push(...bundleProblems(bundle, checked.manifest, accept));
  if (problems.length > 0 || !checked.manifest || !checked.report.signature.valid)
    throw refused(
      `The dossier does not verify: ${summarise(problems.length > 0 ? problems : ['its signature does not hold'])}.`,
    );
  const signature = checked.report.signature;
  const distrust = signerDistrust(signature);
  if (distrust && !accept)
    throw new SignatureRefusedError(
      signature.signerOrigin === 'vault' ? 'untrusted-signer' : 'unknown-signer',
      signature,
      `The dossier was not imported: ${distrust}. If you checked the signer's fingerprint another way, accept this signer explicitly.`,
    );
  if (!importableAudience(checked.manifest))
    throw new VigilError(
      'INVALID_INPUT',
      `This dossier was made for ${describeAudience(checked.manifest.audience)}, not for partners: it carries only what may be released to them, not the case itself, so it cannot be imported. Ask the sender for an export for partners. Nothing was imported.`,
    );
  if (!checked.caseDocument)
    throw new VigilError(
      'INVALID_INPUT',
      'The dossier holds no case data (case.json), so there is nothing to import as a case. Nothing was imported.',
    );
  const manifestBytes = await source.read('manifest.json', 16 * 1024 * 1024);
  return {
    manifest: checked.manifest,
    manifestSha256: sha256(manifestBytes!),
    document: checked.caseDocument,
    signature,
  };
}

interface StoredEvidence {
  path: string;
  blob: WrittenBlob;
  type: string;
  mime: string;
  copy: string;
  originalSha256: string;
}

/** Each evidence file streamed from the dossier into a new encrypted blob, its hash checked again. */
async function storeEvidence(
  vault: Vault,
  source: DossierSource,
  manifest: AnyManifest,
  written: WrittenBlob[],
  options: ImportOptions,
  /** SHA-256 of evidence the case already holds (an update adds only what is new). */
  known: ReadonlySet<string> = new Set(),
): Promise<StoredEvidence[]> {
  const sizes = new Map(manifest.files.map((f) => [f.path, f]));
  const wanted = manifest.evidence.filter((e) => !known.has(sizes.get(e.path)!.sha256));
  const total = wanted.reduce((n, e) => n + (sizes.get(e.path)?.size ?? 0), 0);
  let done = 0;
  const stored: StoredEvidence[] = [];
  for (const item of wanted) {
    const listed = sizes.get(item.path)!;
    const blob = await writeBlob(vault.dir, await source.stream(item.path), {
      signal: options.signal,
      onProgress: (bytes) => options.onProgress?.(done + bytes, total, item.path),
    });
    written.push(blob);
    done += blob.size;
    if (blob.sha256 !== listed.sha256)
      throw refused(`Evidence ${item.path} changed while it was read.`);
    const detected = detectType(blob.head);
    stored.push({
      path: item.path,
      blob,
      type: detected.type,
      mime: detected.mime,
      copy: item.copy,
      originalSha256: item.originalSha256,
    });
  }
  return stored;
}

/**
 * Imports a partner's dossier: an encrypted bundle, a dossier zip or a
 * dossier folder. In order, and stopping at the first failure with nothing
 * imported:
 *
 * 1. a bundle is decrypted with the organisation's key (one for someone
 *    else, a truncated or altered one fails here), and its own signer must
 *    be trusted unless the user accepts it;
 * 2. the dossier gets exactly the verification `vigil verify` runs; any
 *    problem refuses it (exit code 3), with the same words;
 * 3. the manifest's signer must be trusted unless the user accepts it;
 * 4. if the case is already in the vault (same origin), the user must have
 *    chosen: `update` merges the partner's version into it (see
 *    records/caseUpdate.ts: local edits are never overwritten), `as-new`
 *    keeps a separate copy; without a choice, DuplicateCaseError;
 * 5. the evidence (for an update, only what the case does not hold yet) is
 *    stored as encrypted blobs, then the records and the evidence rows are
 *    written in one transaction, with the provenance (signer, file and
 *    manifest hashes) in the custody log. A partner's own vocabulary terms
 *    stay with the case.
 */
export async function importDossier(
  vault: Vault,
  path: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  // Blobs are written before the transaction that records them: hold the writer lock throughout.
  await vault.ensureWriter();
  const info = await stat(path).catch((error: unknown) => {
    throw fsError(error, `Cannot read ${path}`);
  });
  const fileSha256 = info.isFile() ? await sha256File(path) : null;
  const accept = options.acceptSigner === true;
  const { value } = await withDossier(
    path,
    {
      vault,
      signers: { acceptUnknownSigner: accept, acceptUntrustedSigner: accept },
    },
    async (source, bundle) => {
      const verified = await verifyForImport(vault, source, bundle, accept);
      const { manifest, document, signature } = verified;
      // The same case already here (same origin): the user says whether to update it or keep a copy.
      const duplicate = await duplicateOf(vault.db, document);
      if (duplicate && !options.duplicate) throw new DuplicateCaseError(duplicate);
      const mode: ImportReport['mode'] = !duplicate
        ? 'new'
        : options.duplicate === 'update'
          ? 'update'
          : 'as-new';
      const written: WrittenBlob[] = [];
      try {
        const known =
          mode === 'update'
            ? new Set(
                (
                  await vault.db.all<{ sha256: string }>(
                    'SELECT sha256 FROM evidence WHERE case_id = ?',
                    [duplicate!.caseId],
                  )
                ).map((r) => r.sha256),
              )
            : new Set<string>();
        const stored = await storeEvidence(vault, source, manifest, written, options, known);
        const signer = bundle?.signature.signerFingerprint ?? signature.signerFingerprint ?? null;
        const trusted = signature.signerTrusted && (!bundle || bundle.signature.status === 'valid');
        const provenance = {
          form: source.form,
          mode,
          signerFingerprint: signer,
          signerTrusted: trusted,
          bundleSha256: fileSha256 ?? verified.manifestSha256,
          manifestSha256: verified.manifestSha256,
          dossierCreatedAt: manifest.createdAt,
          reference: manifest.case.reference,
        };
        let submission: ImportReport['submission'] = null;
        let appeal: ImportReport['appeal'] = null;
        let facts: ImportReport['facts'] = null;
        let args: ImportReport['arguments'] = {};
        const addEvidence = async (
          tx: Queryable,
          caseId: string,
          ids: Readonly<Record<string, string>>,
        ) => {
          ({
            wgad: submission,
            urgentAppeal: appeal,
            facts,
            arguments: args,
          } = await keepCaseWorkTx(tx, caseId, document, ids, vault.now().toISOString()));
          const evidence: ImportReport['evidence'] = [];
          for (const item of stored) {
            const id = await recordImportedEvidence(tx, vault, {
              caseId,
              blob: item.blob,
              type: item.type,
              mime: item.mime,
              name: item.path.split('/').pop() ?? item.path,
              source: `Imported from a dossier signed by ${signer ?? 'an unknown key'} (${item.copy} copy; original SHA-256 ${item.originalSha256})`,
              provenance: { ...provenance, copy: item.copy, originalSha256: item.originalSha256 },
            });
            evidence.push({ id, sha256: item.blob.sha256, path: item.path });
          }
          await vault.record(tx, {
            action: 'case.imported',
            entityType: 'case',
            entityId: caseId,
            detail: {
              ...provenance,
              evidence: evidence.length,
              submission,
              appeal,
              facts,
              arguments: args,
            },
          });
          return evidence;
        };
        const base = {
          kind: source.form,
          mode,
          duplicateOf: duplicate,
          signer: { fingerprint: signer, userId: signature.signerUserId, trusted },
          bundleSha256: provenance.bundleSha256,
          manifestSha256: verified.manifestSha256,
          submitter: document.submitter ?? null,
        };
        if (mode === 'update') {
          const updated = await updateCaseFromDocument(
            vault,
            duplicate!.caseId,
            document,
            (tx, _r, ids) => addEvidence(tx, duplicate!.caseId, ids),
          );
          const { caseId, reference, extra, ...update } = updated;
          return {
            ...base,
            caseId,
            reference,
            update,
            customTermsKept: update.customTermsKept,
            records: {
              persons: update.added.persons,
              events: update.added.events,
              testimonies: update.added.testimonies,
              interventions: update.added.interventions,
            },
            evidence: extra,
            submission,
            appeal,
            facts,
            arguments: args,
          } satisfies ImportReport;
        }
        const result = await importCaseDocumentTx(vault, document, addEvidence, {
          linkOrigin: mode === 'new',
          originOrganisation: manifest.signer.fingerprint,
        });
        return {
          ...base,
          caseId: result.caseId,
          reference: result.reference,
          update: null,
          customTermsKept: result.customTermsKept,
          records: result.records,
          evidence: result.extra,
          submission,
          appeal,
          facts,
          arguments: args,
        } satisfies ImportReport;
      } catch (error) {
        for (const blob of written) await deleteBlob(vault.dir, blob.blobId).catch(() => undefined);
        throw error;
      } finally {
        for (const blob of written) settleBlob(blob);
      }
    },
  );
  return value;
}
