import {
  EMPTY_KEYRING,
  fileKeyring,
  gpgFingerprint,
  mergeKeyrings,
  vaultKeyring,
  type DecryptReport,
  type Keyring,
  type SignatureCheck,
} from '../pgp';
import type { Vault } from '../vault/vault';
import { duplicateOf, type DuplicateInfo } from './duplicates';
import type { VerifyIssue } from '../../../shared/verifyProblems';
import { withDossier } from './open';
import { classifyProblem } from './problemCodes';
import {
  bundleProblems,
  checkDossier,
  shippedKeyring,
  signerDistrust,
  type CheckReport,
} from './verification';

/** What `vigil verify` found; `ok` only when every check held. */
export interface VerifyReport extends CheckReport {
  kind: 'directory' | 'zip' | 'bundle';
  /**
   * Which keys the signatures were checked against: the vault's (with a
   * vault), the signer's key shipped inside the dossier (without one), or
   * the key the user gave (`--key`).
   */
  keys: 'vault' | 'dossier' | 'pinned';
  /** Whether the signer's key is trusted: the vault trusts it, or the user pinned it. */
  trusted: boolean;
  /** `problems` as codes, one for one, for the UI to word in the user's language. */
  issues: VerifyIssue[];
  /** Things the reader must know that are not faults (an untrusted key to compare, and its fingerprint). */
  notes: string[];
  bundle: { recipient: string; signature: SignatureCheck & { status: string } } | null;
  /** With a vault: the case already in it that this dossier is a version of (same origin), if any. */
  duplicateOf: DuplicateInfo | null;
}

export interface VerifyOptions {
  /** The expected signer's public key (armored or binary): every signature must be by it. */
  key?: Uint8Array | string;
}

/**
 * Verifies a dossier folder, a dossier zip or an encrypted partner bundle,
 * with the same checks as an import (see verification.ts). Nothing is
 * imported and nothing is released.
 *
 * - With a vault, signers are checked against the vault's keys; one the
 *   vault does not trust is a problem (its key shipped in the dossier is
 *   still used to check that everything else holds).
 * - Without a vault, the signer's key shipped in the dossier checks it: the
 *   report holds when every signature and hash does, and says plainly that
 *   this key is not yet trusted, with its fingerprint to compare.
 * - With `key`, every signature must be by that key.
 */
export async function verifyDossier(
  vault: Vault | null,
  path: string,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const pinned = options.key !== undefined ? await fileKeyring(options.key, 'pinned') : null;
  const vaultKeys = vault ? await vaultKeyring(vault) : null;
  const now = vault ? vault.now() : new Date();
  const { value } = await withDossier(
    path,
    { vault, ...(pinned ? { keyring: pinned } : {}) },
    async (source, bundle) => {
      const shipped = await shippedKeyring(source);
      const keyring: Keyring =
        pinned ?? mergeKeyrings(vaultKeys ?? EMPTY_KEYRING, shipped ?? EMPTY_KEYRING);
      const checked = await checkDossier(source, keyring, now);
      const report = checked.report;
      const keys: VerifyReport['keys'] = pinned ? 'pinned' : vault ? 'vault' : 'dossier';
      const notes: string[] = [];
      const signature = report.signature;
      const fingerprint = signature.signerFingerprint
        ? gpgFingerprint(signature.signerFingerprint)
        : null;
      if (bundle) report.problems.push(...bundleProblems(bundle, checked.manifest, false));
      const distrust = signerDistrust(signature);
      if (distrust && keys === 'vault') report.problems.push(distrust);
      if (signature.valid && fingerprint) {
        if (signature.signerOrigin === 'dossier' && keys === 'dossier')
          notes.push(
            `The signer's key came inside the dossier (signer-key.asc) and is not yet trusted: it proves only that one key signed everything, not whose key it is. Before relying on the dossier, compare its fingerprint with the one the organisation gave you through a channel you trust (in person, by phone, or a copy you already had): ${fingerprint}. Or check again with --key FILE, FILE holding the key you expect.`,
          );
        if (signature.signerOrigin === 'pinned')
          notes.push(`Signed by the key you gave with --key: ${fingerprint}.`);
      }
      if (!signature.valid && keys === 'dossier' && !shipped)
        notes.push(
          'The dossier ships no signer key (signer-key.asc) to check its signature with: give the expected key with --key FILE, or verify inside a vault that holds it (--vault).',
        );
      report.ok = report.problems.length === 0 && signature.valid;
      return {
        ...report,
        issues: report.problems.map(classifyProblem),
        kind: source.form,
        keys,
        trusted: signature.valid && signature.signerTrusted,
        notes,
        bundle: bundle ? describeBundle(bundle) : null,
        duplicateOf:
          vault && checked.caseDocument ? await duplicateOf(vault.db, checked.caseDocument) : null,
      } satisfies VerifyReport;
    },
  );
  return value;
}

function describeBundle(bundle: DecryptReport): NonNullable<VerifyReport['bundle']> {
  return { recipient: bundle.recipient, signature: bundle.signature };
}
