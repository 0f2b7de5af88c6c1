/**
 * Warnings the core gives about a key or an export, as stable codes with
 * structured values, so the UI can word them in the user's language
 * (`warnings.<code>`). The core's English sentence travels beside them
 * (`text`) for the CLI and for the UI's closed technical details.
 */
export const WARNING_CODES = [
  // A key (electron/core/pgp/keyFacts.ts).
  'key-revoked',
  'key-expired',
  'key-no-self-signature',
  'key-version-unreadable',
  'key-algorithm-unreadable',
  'key-no-encryption-key',
  'key-encryption-unreadable',
  'key-asks-aead',
  'key-cannot-sign',
  // An export (electron/core/dossier/plan.ts).
  'font-missing-characters',
  'no-detention-recorded',
  'original-names-forbidden',
  'signer-names-petitioner',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

/** A value of a warning: a count, a date (ISO), a name, or a list of names or field keys. */
export type WarningParam = string | number | string[];

export interface CoreWarning {
  code: WarningCode;
  params: Record<string, WarningParam>;
  /** The core's English sentence, as the CLI prints it. */
  text: string;
}

export function coreWarning(
  code: WarningCode,
  text: string,
  params: Record<string, WarningParam> = {},
): CoreWarning {
  return { code, params, text };
}
