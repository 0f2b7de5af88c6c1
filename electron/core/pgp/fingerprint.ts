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

/**
 * The fingerprint exactly as gpg prints it (`gpg --fingerprint`, and the
 * "Primary key fingerprint:" line of `gpg --verify`): ten groups of four,
 * with two spaces after the fifth, so that a reader can compare the two.
 */
export function gpgFingerprint(fingerprint: string): string {
  const groups = fingerprint.toUpperCase().match(/.{1,4}/g) ?? [];
  if (groups.length !== 10) return groups.join(' ');
  return `${groups.slice(0, 5).join(' ')}  ${groups.slice(5).join(' ')}`;
}
