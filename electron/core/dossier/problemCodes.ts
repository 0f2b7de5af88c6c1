import type { VerifyIssue, VerifyProblemCode } from '../../../shared/verifyProblems';

/**
 * The verification's problems as codes. The checks write English sentences
 * (the CLI prints them); each sentence shape they can write is listed here,
 * with the part that names a file or key, so the UI can say the same in the
 * user's language. A sentence not listed is "other" (a unit test reads every
 * `problems.push` of the checks and fails on one).
 */
const SHAPES: [RegExp, VerifyProblemCode][] = [
  [/^manifest\.json is missing$/, 'manifest-missing'],
  [/^manifest\.json\.asc \(the signature\) is missing$/, 'signature-missing'],
  [/^the manifest's signature does not hold: /, 'signature-invalid'],
  [/^the manifest names signer (\S+) but was signed by /, 'signer-mismatch'],
  [/^the manifest lists (.+) twice$/s, 'manifest-invalid'],
  [/^the manifest lists (.+), itself$/s, 'manifest-invalid'],
  [/^the manifest describes the evidence (.+) twice$/s, 'manifest-invalid'],
  [/^the evidence (.+) is described but not listed among the files$/s, 'manifest-invalid'],
  [/^the evidence (.+) is listed as a file of another kind /s, 'manifest-invalid'],
  [/^manifest\.json is not a valid Vigil manifest$/, 'manifest-invalid'],
  [/^SHA256SUMS or its signature SHA256SUMS\.asc is missing/, 'checksums-missing'],
  [/^SHA256SUMS line (\d+) is not /, 'checksums-invalid'],
  [/^SHA256SUMS lists (.+) twice$/s, 'checksums-invalid'],
  [/^SHA256SUMS lists (.+), which the manifest does not$/s, 'checksums-invalid'],
  [/^SHA256SUMS disagrees with the manifest /, 'checksums-invalid'],
  [/^SHA256SUMS does not list (.+), which the manifest does$/s, 'checksums-invalid'],
  [/^the signature of SHA256SUMS does not hold: /, 'checksums-invalid'],
  [/^SHA256SUMS was signed by (\S+), not by the manifest's signer$/, 'checksums-invalid'],
  [/^signer-key\.asc holds no OpenPGP public key$/, 'signer-key-invalid'],
  [/^signer-key\.asc does not hold the signer's key (\S+)$/, 'signer-key-invalid'],
  [/^case\.json is not a JSON object$/, 'case-data-invalid'],
  [/^case\.json\b/, 'case-data-invalid'],
  [/^the folder holds more than \d+ files$/, 'unsafe-content'],
  [/^the bundle itself is not signed$/, 'bundle-unsigned'],
  [/^the bundle's own signature does not hold: /, 'bundle-signature-invalid'],
  [/^the bundle was signed by (\S+), which is not marked trusted$/, 'bundle-signer-untrusted'],
  [/^the bundle and the dossier inside it were signed by different keys$/, 'signer-mismatch'],
  [/^the signer (\S+)(?: \(.*\))? is not in the vault/s, 'signer-not-in-vault'],
  [/^the signer (\S+)(?: \(.*\))? is known but not marked trusted$/s, 'bundle-signer-untrusted'],
  // Sentences that start with the file they are about: tried last, so a
  // sentence about a signature that quotes a reader's error is not taken for one.
  [/^(.+?) cannot be read: /s, 'file-unreadable'],
  [/^(.+?) is not listed in the manifest$/s, 'file-not-listed'],
  [/^(.+?) is listed in the manifest but missing$/s, 'file-missing'],
  [/^(.+?) does not match its SHA-256 or size in the manifest$/s, 'file-changed'],
  [/^(.+?) is listed as evidence but has no evidence entry$/s, 'manifest-invalid'],
  [/^(.+?) is nested deeper than \d+ folders$/s, 'unsafe-content'],
  [/^(.+?) is not a regular file \(/s, 'unsafe-content'],
];

export function classifyProblem(problem: string): VerifyIssue {
  for (const [shape, code] of SHAPES) {
    const match = shape.exec(problem);
    if (match) return { code, subject: match[1] ?? null };
  }
  return { code: 'other', subject: null };
}
