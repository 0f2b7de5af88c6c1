import { VigilError } from '../errors';

/** Fingerprints are stored and compared as upper-case hex digits, as gpg prints them. */
export function formatFingerprint(hex: string): string {
  return hex.toUpperCase();
}

/**
 * Reads a fingerprint the way people paste it: with spaces, a `0x` prefix,
 * in any case; 40 hex digits (v4 keys) or 64 (v6). Short and long key ids
 * are refused: they are easy to forge.
 */
export function parseFingerprint(input: string): string {
  const compact = input.replace(/\s+/g, '').replace(/^0x/i, '').toUpperCase();
  if (!/^[0-9A-F]{40}$|^[0-9A-F]{64}$/.test(compact)) {
    throw new VigilError(
      'INVALID_INPUT',
      /^[0-9A-F]{8}$|^[0-9A-F]{16}$/.test(compact)
        ? `"${input}" is a key id, not a fingerprint: give the full 40-digit fingerprint (key ids can be forged).`
        : `"${input}" is not a key fingerprint: it must be 40 hexadecimal digits (64 for a version 6 key).`,
    );
  }
  return compact;
}

/** `ABCD 1234 …` in groups of four, for people to compare by eye. */
export function groupFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}
