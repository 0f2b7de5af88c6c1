/**
 * What can be wrong with a dossier or a partner bundle, as stable codes the
 * UI words in the user's language (`verify.issues.<code>`); the core's
 * English sentence stays in the report for the CLI and the technical details.
 */
export const VERIFY_PROBLEMS = [
  'file-unreadable',
  'file-not-listed',
  'file-missing',
  'file-changed',
  'manifest-missing',
  'manifest-invalid',
  'signature-missing',
  'signature-invalid',
  'signer-mismatch',
  'checksums-missing',
  'checksums-invalid',
  'signer-key-invalid',
  'case-data-invalid',
  'unsafe-content',
  'bundle-unsigned',
  'bundle-signature-invalid',
  'bundle-signer-untrusted',
  'signer-not-in-vault',
  'other',
] as const;

export type VerifyProblemCode = (typeof VERIFY_PROBLEMS)[number];

export interface VerifyIssue {
  code: VerifyProblemCode;
  /** The file, line or key the problem is about, as the dossier names it; null when none. */
  subject: string | null;
}
