import { describe, expect, it } from 'vitest';
import { generateRecoveryKey, parseRecoveryKey } from '../../../electron/core/crypto/recoveryKey';
import { isVigilError } from '../../../electron/core/errors';

describe('recovery key', () => {
  it('prints 14 groups of 4 Crockford base32 characters and parses back to the same secret', () => {
    const { secret, text } = generateRecoveryKey();
    expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(parseRecoveryKey(text).equals(secret)).toBe(true);
  });

  it('accepts what a person types: lower case, spaces instead of hyphens, O for 0 and I or L for 1', () => {
    for (let i = 0; i < 50; i += 1) {
      const { secret, text } = generateRecoveryKey();
      const typed = text.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
      expect(parseRecoveryKey(typed).equals(secret)).toBe(true);
    }
  });

  it('catches a single mistyped character with its checksum and says it is a typo', () => {
    const { text } = generateRecoveryKey();
    const position = 10;
    const replacement = text[position] === 'A' ? 'B' : 'A';
    const typo = text.slice(0, position) + replacement + text.slice(position + 1);
    let error: unknown;
    try {
      parseRecoveryKey(typo);
    } catch (e) {
      error = e;
    }
    expect(isVigilError(error, 'WRONG_RECOVERY_KEY')).toBe(true);
    expect((error as Error).message).toMatch(/typo/);
  });

  it('refuses keys of the wrong length or with impossible characters, precisely', () => {
    expect(() => parseRecoveryKey('ABCD-EFGH')).toThrow(/56 characters/);
    const { text } = generateRecoveryKey();
    expect(() => parseRecoveryKey(`${text.slice(0, -1)}U`)).toThrow(/cannot be in it: "U"/);
  });
});
