import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import {
  checkCaseDocument,
  describeAudience,
  MAX_CASE_DOCUMENT_BYTES,
} from '../../../shared/domain';
import { VigilError, fsError } from '../errors';
import { deleteBlob, settleBlob, writeBlob, type WrittenBlob } from '../evidence/blobStore';
import { recordImportedEvidence } from '../evidence';
import { detectType } from '../metadata';
import { decryptMessage, type SignatureCheck } from '../pgp';
import { importCaseDocumentTx } from '../records';
import type { Vault } from '../vault/vault';
import { RELEASE_FORMAT } from './caseData';
import { checkFiles, zipFiles } from './verify';
import { openSafeZip, readEntry } from './zip';

export interface ImportOptions {
  /** Accept a signer whose key is not in the vault, or not marked trusted (the user said so explicitly). */
  acceptSigner?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, item: string) => void;
}

export interface ImportReport {
  caseId: string;
  reference: string;
  signer: { fingerprint: string | null; userId: string | null; trusted: boolean };
  bundleSha256: string;
  records: { persons: number; events: number; testimonies: number; interventions: number };
  evidence: { id: string; sha256: string; path: string }[];
}

async function sha256File(path: string): Promise<string> {
  const { createReadStream } = await import('node:fs');
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const refused = (why: string) =>
  new VigilError('VERIFICATION_FAILED', `${why} Nothing was imported.`);

/**
 * Imports a partner's bundle as a new case. In order, and stopping at the
 * first failure with nothing imported:
 *
 * 1. decrypt with the organisation's key (a bundle for someone else, a
 *    truncated or altered one fails here, with its temporary copy deleted);
 * 2. the bundle's signer must be a trusted key, unless the user accepts it;
 * 3. the zip inside must be safe (no path tricks, no bombs) and the dossier
 *    must verify completely: manifest signature by the same signer, every
 *    file present with its hash, nothing extra;
 * 4. the evidence is stored as encrypted blobs, then the case, its records
 *    and the evidence rows are written in one transaction, with the
 *    provenance (signer, bundle hash) in the custody log.
 */
export async function importBundle(
  vault: Vault,
  bundlePath: string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  // Blobs are written before the transaction that records them: hold the writer lock throughout.
  await vault.ensureWriter();
  await stat(bundlePath).catch((error: unknown) => {
    throw fsError(error, `Cannot read ${bundlePath}`);
  });
  const bundleSha256 = await sha256File(bundlePath);
  const accept = options.acceptSigner === true;
  const decrypted = await decryptMessage(vault, bundlePath, {
    acceptUnknownSigner: accept,
    acceptUntrustedSigner: accept,
    onPlaintext: async (plaintext, outer) => {
      const zip = await openSafeZip({
        size: plaintext.size,
        stream: (start, end) => plaintext.stream(start, end),
      });
      const written: WrittenBlob[] = [];
      try {
        const checked = await checkFiles(vault, zipFiles(zip));
        const manifest = checked.manifest;
        const inner = checked.report.signature;
        if (!manifest)
          throw refused(
            `The dossier inside the bundle is not valid: ${checked.report.problems.join('; ')}.`,
          );
        if (
          !inner.valid &&
          !(accept && inner.signerFingerprint === outer.signature.signerFingerprint)
        ) {
          throw refused(
            `The dossier's manifest is not validly signed: ${inner.problem ?? 'invalid signature'}.`,
          );
        }
        const fileProblems = checked.report.problems.filter(
          (p) =>
            !/not marked trusted/.test(p) &&
            !/signature does not hold/.test(p) &&
            !/SHA256SUMS/.test(p),
        );
        if (fileProblems.length > 0)
          throw refused(
            `The dossier inside the bundle does not verify: ${fileProblems.join('; ')}.`,
          );
        if (
          outer.signature.signerFingerprint &&
          manifest.signer.fingerprint !== outer.signature.signerFingerprint
        ) {
          throw refused('The bundle and the dossier inside it were signed by different keys.');
        }
        const caseEntry = zip.entries.find((e) => e.path === 'case.json');
        if (!caseEntry)
          throw refused(
            'The dossier holds no case data (case.json), so there is nothing to import as a case.',
          );
        let parsed: unknown;
        try {
          parsed = JSON.parse(
            (await readEntry(zip, caseEntry, MAX_CASE_DOCUMENT_BYTES)).toString('utf8'),
          );
        } catch {
          throw refused('case.json in the dossier is not valid JSON.');
        }
        if ((parsed as { format?: unknown } | null)?.format === RELEASE_FORMAT)
          throw refused(
            `This dossier was made for ${describeAudience(manifest.audience)}: it holds the case as released to them, not a case that can be imported. Ask the sender for an export for partner organisations.`,
          );
        const checkedDoc = checkCaseDocument(parsed);
        if (!checkedDoc.ok)
          throw refused(
            `case.json in the dossier is not a valid case: ${checkedDoc.issues
              .map((i) => `${i.path} ${i.message}`)
              .slice(0, 3)
              .join('; ')}.`,
          );

        // Evidence: each file streamed from the zip into a new encrypted blob, its hash checked again.
        const total = manifest.evidence.reduce(
          (n, e) => n + (zip.entries.find((z) => z.path === e.path)?.size ?? 0),
          0,
        );
        let done = 0;
        const stored: {
          path: string;
          blob: WrittenBlob;
          type: string;
          mime: string;
          copy: string;
          originalSha256: string;
        }[] = [];
        for (const item of manifest.evidence) {
          const entry = zip.entries.find((z) => z.path === item.path);
          const listed = manifest.files.find((f) => f.path === item.path);
          if (!entry || !listed) throw refused(`Evidence ${item.path} is listed but missing.`);
          const blob = await writeBlob(vault.dir, await zip.open(entry), {
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

        const provenance = {
          signerFingerprint: outer.signature.signerFingerprint ?? null,
          signerTrusted: outer.signature.status === 'valid',
          bundleSha256,
          dossierCreatedAt: manifest.createdAt,
          reference: manifest.case.reference,
        };
        const result = await importCaseDocumentTx(
          vault,
          checkedDoc.document,
          async (tx, caseId) => {
            const evidence: ImportReport['evidence'] = [];
            for (const item of stored) {
              const id = await recordImportedEvidence(tx, vault, {
                caseId,
                blob: item.blob,
                type: item.type,
                mime: item.mime,
                name: item.path.split('/').pop() ?? item.path,
                source: `Imported from a bundle signed by ${provenance.signerFingerprint ?? 'an unknown key'} (${item.copy} copy; original SHA-256 ${item.originalSha256})`,
                provenance: { ...provenance, copy: item.copy, originalSha256: item.originalSha256 },
              });
              evidence.push({ id, sha256: item.blob.sha256, path: item.path });
            }
            await vault.record(tx, {
              action: 'case.imported',
              entityType: 'case',
              entityId: caseId,
              detail: { ...provenance, evidence: evidence.length },
            });
            return evidence;
          },
        );
        return {
          caseId: result.caseId,
          reference: result.reference,
          records: result.records,
          evidence: result.extra,
          manifestSigner: inner,
        };
      } catch (error) {
        for (const blob of written) await deleteBlob(vault.dir, blob.blobId).catch(() => undefined);
        throw error;
      } finally {
        for (const blob of written) settleBlob(blob);
        zip.close();
      }
    },
  });
  const outer: SignatureCheck = decrypted.signature;
  return {
    caseId: decrypted.value.caseId,
    reference: decrypted.value.reference,
    signer: {
      fingerprint: outer.signerFingerprint ?? null,
      userId: decrypted.value.manifestSigner.signerUserId,
      trusted: decrypted.signature.status === 'valid',
    },
    bundleSha256,
    records: decrypted.value.records,
    evidence: decrypted.value.evidence,
  };
}
