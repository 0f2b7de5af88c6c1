/** Passphrase rules shared by the core (which enforces them) and the UI (which explains them). */
export const MIN_PASSPHRASE_LENGTH = 10;
export const MAX_PASSPHRASE_LENGTH = 1024;

/** Argon2id settings the UI offers; the core accepts any value in [64, 4096] MiB. */
export const KDF_PRESETS = {
  standard: { memoryMiB: 256, iterations: 3 },
  strong: { memoryMiB: 512, iterations: 4 },
  strongest: { memoryMiB: 1024, iterations: 4 },
} as const;

export type KdfPreset = keyof typeof KDF_PRESETS;

export function passphraseProblem(passphrase: string): 'empty' | 'too-short' | 'too-long' | null {
  if (passphrase.trim().length === 0) return 'empty';
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  if (length > MAX_PASSPHRASE_LENGTH) return 'too-long';
  return null;
}

/**
 * What `check` looks at, as stable codes the UI names in the user's language
 * (`settings.checks.<code>`); the core's English name and sentences stay for
 * the CLI and the UI's technical details.
 */
export const CHECK_CODES = [
  'open',
  'pages',
  'structure',
  'references',
  'audit-chain',
  'case-records',
  'evidence-files',
  'interrupted-work',
  'other',
] as const;

export type CheckCode = (typeof CHECK_CODES)[number];
