import { describe, expect, it } from 'vitest';
import {
  formatFingerprint,
  groupFingerprint,
  parseFingerprint,
} from '../../../electron/core/pgp/fingerprint';
import { isVigilError } from '../../../electron/core/errors';

const FPR = '3A1F0B22C09E4D5A6B7C8D9E0F1A2B3C4D5E6F70';

describe('fingerprints', () => {
  it('accepts pasted forms: spaces, 0x, lower case', () => {
    expect(parseFingerprint(FPR)).toBe(FPR);
    expect(parseFingerprint(groupFingerprint(FPR))).toBe(FPR);
    expect(parseFingerprint(`0x${FPR.toLowerCase()}`)).toBe(FPR);
    expect(formatFingerprint(FPR.toLowerCase())).toBe(FPR);
  });

  it('groups by four hex digits for reading', () => {
    expect(groupFingerprint(FPR)).toBe('3A1F 0B22 C09E 4D5A 6B7C 8D9E 0F1A 2B3C 4D5E 6F70');
  });

  it('refuses key ids (forgeable) and anything that is not 40 hex digits, with a plain sentence', () => {
    for (const bad of ['4D5E6F70', '2B3C4D5E6F704D5E', `${FPR}00`, 'not a fingerprint', '']) {
      try {
        parseFingerprint(bad);
        expect.unreachable(`accepted ${bad}`);
      } catch (error) {
        expect(isVigilError(error, 'INVALID_INPUT')).toBe(true);
        expect((error as Error).message).toMatch(/fingerprint/);
      }
    }
    expect(() => parseFingerprint('4D5E6F70')).toThrow(/key id/);
  });
});
