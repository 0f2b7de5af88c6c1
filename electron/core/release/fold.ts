/**
 * Folding for name search: the text is compared letter by letter after
 * removing what does not change which name is written. Latin accents
 * (José = Jose), letter case, Arabic hamza seats, tā' marbūṭa, alif maqṣūra,
 * tatweel and vowel marks, compatibility forms (full-width letters, Arabic
 * presentation forms that PDF text extraction produces), invisible
 * formatting characters. Every folded character remembers where it came
 * from, so that a match in the folded text is a span of the original.
 */

/** Letters that neither Unicode decomposition nor lower-casing fold as a reader would. */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ı: 'i',
  // Arabic: alif forms, tā' marbūṭa, alif maqṣūra and the Persian yeh/kaf written for Arabic ones.
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ی: 'ي',
  ک: 'ك',
  // Apostrophes: one form, so that Ukrainian Мар’яна and Мар'яна are one word.
  '\u2019': "'",
  '\u02BC': "'",
  '\u2018': "'",
  '`': "'",
  // Name dots between the parts of a transliterated name (奥尔加·库兹涅佐娃, アンナ・カレーニナ): one form.
  '\u30FB': '·',
  '\uFF65': '·',
  '\u2027': '·',
};

/** Characters that vanish: tatweel, soft hyphen, zero-width and direction marks, BOM. */
const INVISIBLE = /^[\u0640\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]$/u;
const MARKS = /\p{M}+/gu;

const cache = new Map<string, string>();

/** The folded form of one code point ('' when it carries no letter of its own). */
export function foldChar(char: string): string {
  const cached = cache.get(char);
  if (cached !== undefined) return cached;
  let folded: string;
  if (INVISIBLE.test(char)) folded = '';
  else {
    const special = SPECIAL[char];
    if (special !== undefined) folded = special;
    else {
      folded = char.normalize('NFKD').replace(MARKS, '').toLowerCase();
      folded = [...folded].map((c) => SPECIAL[c] ?? c).join('');
    }
  }
  if (cache.size < 20_000) cache.set(char, folded);
  return folded;
}

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each UTF-16 unit of `text`, where its code point starts in the original. */
  start: number[];
  /** For each UTF-16 unit of `text`, where its code point ends in the original. */
  end: number[];
}

/** Folds a whole text, keeping the way back to the original. */
export function foldText(original: string): FoldedText {
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const char of original) {
    const folded = foldChar(char);
    for (let k = 0; k < folded.length; k++) {
      start.push(i);
      end.push(i + char.length);
    }
    text += folded;
    i += char.length;
  }
  return { text, start, end };
}

/** Folds a short string (a name, a word of a list). */
export function fold(value: string): string {
  let out = '';
  for (const char of value) out += foldChar(char);
  return out;
}

/**
 * The span of the original covered by folded [from, to): it ends after any
 * marks or invisible characters that follow (the accent of "Jose\u0301" is
 * part of the name).
 */
export function originalSpan(
  folded: FoldedText,
  original: string,
  from: number,
  to: number,
): { start: number; end: number } {
  const start = folded.start[from]!;
  let end = folded.end[to - 1]!;
  while (end < original.length) {
    const code = original.codePointAt(end)!;
    const char = String.fromCodePoint(code);
    if (foldChar(char) !== '') break;
    end += char.length;
  }
  return { start, end };
}

export type Script =
  | 'latin'
  | 'cyrillic'
  | 'arabic'
  | 'greek'
  | 'hangul'
  /** Written without spaces between words: Chinese, Japanese, Thai, Lao, Khmer, Myanmar. */
  | 'unspaced'
  | 'other';

const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30FC]/u;

export function scriptOf(char: string): Script {
  if (/\p{Script=Latin}/u.test(char)) return 'latin';
  if (/\p{Script=Cyrillic}/u.test(char)) return 'cyrillic';
  if (/\p{Script=Arabic}/u.test(char)) return 'arabic';
  if (/\p{Script=Greek}/u.test(char)) return 'greek';
  if (/\p{Script=Hangul}/u.test(char)) return 'hangul';
  if (UNSPACED.test(char)) return 'unspaced';
  return 'other';
}

/** The script of a word: that of its first letter. */
export function scriptOfWord(word: string): Script {
  for (const char of word) if (/\p{L}/u.test(char)) return scriptOf(char);
  return 'other';
}

export const isWordChar = (char: string): boolean => /[\p{L}\p{N}]/u.test(char);
export const isUnspaced = (char: string): boolean => UNSPACED.test(char);

/** Whether the word is written in a script with capital letters, and starts with a small one. */
export function startsLowerCase(word: string): boolean {
  for (const char of word) {
    if (!/\p{L}/u.test(char)) continue;
    return char !== char.toUpperCase() && char === char.toLowerCase();
  }
  return false;
}

/** Whether every letter of the word is a capital (and there are at least two). */
export function isAllCaps(word: string): boolean {
  const letters = [...word].filter((c) => /\p{L}/u.test(c));
  return letters.length > 1 && letters.every((c) => c === c.toUpperCase() && c !== c.toLowerCase());
}
