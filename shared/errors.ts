// Stable error codes shared by the core, the CLI and the renderer. The renderer
// translates codes (never messages) and the CLI maps them to exit codes, so a
// code, once published, keeps its meaning.
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_LOCKED',
  'VAULT_BUSY',
  'VAULT_TOO_NEW',
  'VAULT_DAMAGED',
  'HEADER_DAMAGED',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_KEY',
  'INTEGRITY_FAILED',
  'VERIFICATION_FAILED',
  'WRONG_RECIPIENT',
  'UNSUPPORTED',
  'IO_ERROR',
  'DISK_FULL',
  'CANCELLED',
  /** A text must be reviewed (release versions) before the export may go on. */
  'REVIEW_NEEDED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
