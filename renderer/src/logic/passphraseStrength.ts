import { MIN_PASSPHRASE_LENGTH } from '../../../shared/vault';

/**
 * A rough, honest strength estimate for the passphrase meter: how many
 * guesses an attacker who knows the usual tricks would need. Words count as
 * words from a dictionary, digits and symbols one by one, with penalties for
 * repeats, runs and very common choices; five random words (about 65 bits)
 * are "strong" behind Argon2id. It is a guide for the person typing,
 * not a guarantee; the core enforces only the minimum length.
 */
export type StrengthLevel = 'too-short' | 'weak' | 'fair' | 'good' | 'strong';

export interface Strength {
  level: StrengthLevel;
  /** 0–4, for the meter. */
  score: number;
  /** Estimated bits of entropy (log2 of the guesses). */
  bits: number;
  hints: ('longer' | 'more-words' | 'avoid-repeats' | 'avoid-common' | 'avoid-sequences')[];
}

const COMMON = [
  'password',
  'passwort',
  'contraseña',
  'contrasena',
  'motdepasse',
  'пароль',
  'qwerty',
  'azerty',
  'letmein',
  'welcome',
  'admin',
  'iloveyou',
  'secret',
  'vigil',
  'abc123',
  '123456',
  'monkey',
  'dragon',
  'football',
];

const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'йцукенгшщзхъ',
  'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
];

/** log2 of a 7,776-word list: what one word picked at random is worth (a diceware word). */
const WORD_BITS = Math.log2(7776);

/**
 * Bits of one token (a run between spaces or punctuation), counted the way
 * guessing tools attack them: a run of three letters or more as a word from
 * a dictionary (capitals add a bit), shorter letter runs, digits and symbols
 * character by character.
 */
function tokenBits(token: string): number {
  let bits = 0;
  for (const run of token.match(/\p{L}+|\p{N}+|[^\p{L}\p{N}]+/gu) ?? []) {
    const length = [...run].length;
    if (/^\p{L}+$/u.test(run))
      bits +=
        length >= 3
          ? Math.min(WORD_BITS, length * Math.log2(26)) + (/\p{Lu}/u.test(run) ? 1 : 0)
          : length * Math.log2(52);
    else if (/^\p{N}+$/u.test(run)) bits += length * Math.log2(10);
    else bits += length * 5;
  }
  return bits;
}

function sequenceRun(lower: string): number {
  let longest = 0;
  for (const sequence of SEQUENCES) {
    for (let size = lower.length; size >= 4; size -= 1) {
      if (size <= longest) break;
      for (let i = 0; i + size <= lower.length; i += 1) {
        const piece = lower.slice(i, i + size);
        if (sequence.includes(piece) || sequence.includes([...piece].reverse().join(''))) {
          longest = size;
          break;
        }
      }
    }
  }
  return longest;
}

export function passphraseStrength(passphrase: string): Strength {
  const chars = [...passphrase];
  const lower = passphrase.toLowerCase();
  const hints: Strength['hints'] = [];
  if (chars.length === 0) return { level: 'too-short', score: 0, bits: 0, hints: ['longer'] };

  // Repeated characters and repeated chunks count once.
  const squeezed = passphrase.replace(/(.)\1+/gu, '$1').replace(/(.{2,}?)\1+/gu, '$1');
  if ([...squeezed].length < chars.length * 0.75) hints.push('avoid-repeats');

  const tokens = squeezed.split(/[\s\-_.,;:/]+/u).filter(Boolean);
  let bits =
    tokens.reduce((sum, token) => sum + tokenBits(token), 0) + Math.max(0, tokens.length - 1);
  const words = tokens.filter((w) => /\p{L}{3,}/u.test(w));
  if (words.length < 4) hints.push('more-words');

  const common = COMMON.find((word) => lower.includes(word));
  if (common) {
    // A leaked-password list is tried first: the common part is worth a few bits, not a word.
    bits -= WORD_BITS - 4;
    hints.push('avoid-common');
  }
  const run = sequenceRun(lower);
  if (run >= 4) {
    bits -= run * 3;
    hints.push('avoid-sequences');
  }
  bits = Math.max(0, Math.round(bits));

  if (chars.length < MIN_PASSPHRASE_LENGTH)
    return { level: 'too-short', score: 0, bits, hints: ['longer', ...hints] };
  const level: StrengthLevel =
    bits < 35 ? 'weak' : bits < 50 ? 'fair' : bits < 64 ? 'good' : 'strong';
  if (level !== 'strong' && !hints.includes('longer')) hints.unshift('longer');
  const score = { weak: 1, fair: 2, good: 3, strong: 4 }[level];
  return { level, score, bits, hints };
}
