import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../../renderer/src/logic/passphraseStrength';

describe('the passphrase meter', () => {
  it('calls anything under the minimum too short, whatever it is made of', () => {
    expect(passphraseStrength('').level).toBe('too-short');
    expect(passphraseStrength('X7#qL!').level).toBe('too-short');
  });

  it('rates common, repeated and sequential passwords weak', () => {
    expect(passphraseStrength('password123').level).toBe('weak');
    expect(passphraseStrength('aaaaaaaaaaaaaaaa').level).toBe('weak');
    expect(passphraseStrength('abcdefghijkl').level).toBe('weak');
    expect(passphraseStrength('password123').hints).toContain('avoid-common');
    expect(passphraseStrength('aaaaaaaaaaaaaaaa').hints).toContain('avoid-repeats');
  });

  it('rates several unrelated words strong, in any script', () => {
    expect(passphraseStrength('correct horse battery staple').level).toBe('good');
    expect(passphraseStrength('correct horse battery staple orbit').level).toBe('strong');
    expect(passphraseStrength('ورد نهر جبل قمر سماء').level).toBe('strong');
    expect(passphraseStrength('кошка река гора луна').score).toBeGreaterThanOrEqual(3);
  });

  it('orders by strength: longer and more varied scores higher', () => {
    const a = passphraseStrength('sunflower12').bits;
    const b = passphraseStrength('sunflower12 Rainy!').bits;
    const c = passphraseStrength('sunflower rainy bicycle kettle').bits;
    expect(a).toBeLessThan(b);
    expect(b).toBeLessThan(c);
  });
});
