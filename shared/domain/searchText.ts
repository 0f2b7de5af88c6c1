/**
 * Text folding and snippets for full-text search. The index (FTS5 with
 * `unicode61 remove_diacritics 2`) already ignores case and Latin accents;
 * what it cannot do is handled by folding the text before it is indexed and
 * the query before it is run, with the same table:
 * - Arabic: harakat/tashkeel, superscript alef and tatweel removed; alef
 *   with hamza or madda and alef wasla → bare alef; alef maksura → yeh;
 *   teh marbuta → heh; Persian yeh and keheh → Arabic yeh and kaf. (The
 *   usual light normalisation of Arabic retrieval, as in Lucene's.)
 * - Cyrillic: ё → е (Russian writes both for the same word).
 * The vault applies this fold in SQL inside its triggers (migration 2 keeps a
 * frozen copy of this table); a test checks both give the same text.
 *
 * Chinese and Japanese are written without spaces between words, and Korean
 * attaches particles to names ("김민수가"), so the index's word tokenizer
 * would keep a whole sentence as one token. The fold therefore puts a space
 * around every Han, kana and Hangul character: each is indexed as its own
 * token, and a query's run of them becomes a phrase of adjacent characters,
 * which finds the word wherever it stands. SQL cannot do this, so records
 * holding such text carry their folded index text from the repository
 * (migration 7).
 */

/** Code points removed by the fold. */
export const SEARCH_FOLD_REMOVE: readonly number[] = [
  ...Array.from({ length: 0x065f - 0x064b + 1 }, (_, i) => 0x064b + i),
  0x0670,
  0x0640,
];

/** Code points replaced by the fold: [from, to]. */
export const SEARCH_FOLD_MAP: readonly (readonly [number, number])[] = [
  [0x0623, 0x0627],
  [0x0625, 0x0627],
  [0x0622, 0x0627],
  [0x0671, 0x0627],
  [0x0649, 0x064a],
  [0x0629, 0x0647],
  [0x06cc, 0x064a],
  [0x06a9, 0x0643],
  [0x0451, 0x0435],
  [0x0401, 0x0415],
];

const REPLACEMENTS = new Map<string, string>([
  ...SEARCH_FOLD_REMOVE.map((code) => [String.fromCodePoint(code), ''] as const),
  ...SEARCH_FOLD_MAP.map(
    ([from, to]) => [String.fromCodePoint(from), String.fromCodePoint(to)] as const,
  ),
]);
const FOLDED = new RegExp(`[${[...REPLACEMENTS.keys()].join('')}]`, 'gu');

/** Characters of scripts written without spaces between words (or with particles attached). */
const CJK_CLASS = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\p{sc=Bopomofo}';
const CJK = new RegExp(`[${CJK_CLASS}]`, 'u');
const CJK_ALL = new RegExp(`[${CJK_CLASS}]`, 'gu');

/**
 * Every character of CJK_CLASS is U+02EA, U+02EB (Bopomofo tone marks) or at
 * U+1100 and above (astral ones are surrogate pairs, also above): a text
 * without any such code unit needs no look at script properties, which is
 * the slow part (measured: 10 µs for 2 KB of testimony, 1.3 µs for this).
 * A test checks the claim over every code point.
 */
const MAYBE_CJK = /[\u02ea\u02eb\u1100-\uffff]/;

/** Whether `text` holds a Han, kana, Hangul or Bopomofo character. */
export function hasCjk(text: string): boolean {
  return MAYBE_CJK.test(text) && CJK.test(text);
}

/** The letter fold alone (Arabic and Cyrillic variants), as the vault's SQL applies it. */
export function foldLetters(text: string): string {
  FOLDED.lastIndex = 0;
  if (!FOLDED.test(text)) return text;
  return text.replace(FOLDED, (char) => REPLACEMENTS.get(char) ?? char);
}

/** The search fold above; text it does not change comes back as the same string. */
export function foldSearchText(text: string): string {
  const folded = foldLetters(text);
  return hasCjk(folded) ? folded.replace(CJK_ALL, ' $& ') : folded;
}

/**
 * Words for highlighting: runs of letters, digits, private-use characters and
 * marks (which stay inside words); each Han, kana or Hangul character is a
 * word of its own, as in the index.
 */
const WORD = new RegExp(
  `[${CJK_CLASS}]\\p{M}*|(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}\\p{Co}\\p{M}])+`,
  'gu',
);
const HAS_TOKEN = /[\p{L}\p{N}\p{Co}]/u;

/** How a word is compared when highlighting: folded, without any diacritic, lower-case. */
export function matchKey(word: string): string {
  // ASCII words (most of them) need neither folding nor decomposition.
  // eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return foldSearchText(word).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export interface QueryTerm {
  /** The folded text of the term (one word, or several for a quoted phrase). */
  text: string;
  /** `word*`: matches every word that starts with it. */
  prefix: boolean;
  phrase: boolean;
}

export const MAX_QUERY_LENGTH = 1000;
export const MAX_QUERY_TERMS = 32;

/**
 * Reads what a user typed: words (all must match), "quoted phrases", and a
 * trailing * for prefixes. Nothing else is syntax: AND, OR, NEAR, column:
 * and stray quotes are searched as plain words, so no input can make the
 * full-text engine fail.
 */
export function parseSearchQuery(input: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (const match of input.slice(0, MAX_QUERY_LENGTH).matchAll(pattern)) {
    const phrase = match[1] !== undefined;
    let text = (phrase ? match[1]! : match[2]!).replace(/"/g, ' ').trim();
    let prefix = false;
    if (text.endsWith('*')) {
      prefix = true;
      text = text.replace(/\*+$/, '');
    }
    text = foldSearchText(text.normalize('NFC'));
    if (!HAS_TOKEN.test(text)) continue;
    terms.push({ text, prefix, phrase });
    if (terms.length >= MAX_QUERY_TERMS) break;
  }
  return terms;
}

/** The FTS5 MATCH expression for parsed terms: every term quoted, joined by AND; null when there is none. */
export function toFtsMatch(terms: readonly QueryTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.text.replace(/"/g, '""')}"${t.prefix ? ' *' : ''}`).join(' AND ');
}

export interface SnippetSegment {
  text: string;
  match: boolean;
}

/** A passage around the best match, as plain segments the UI renders without HTML. */
export interface Snippet {
  segments: SnippetSegment[];
  /** Text was cut before / after the passage. */
  truncatedStart: boolean;
  truncatedEnd: boolean;
  /** How many query words the passage highlights. */
  matches: number;
}

interface Needle {
  key: string;
  prefix: boolean;
}

function needlesOf(terms: readonly QueryTerm[]): Needle[] {
  return terms.flatMap((term) => {
    const words = [...term.text.matchAll(WORD)].map((m) => matchKey(m[0])).filter(Boolean);
    return words.map((key, i) => ({ key, prefix: term.prefix && i === words.length - 1 }));
  });
}

function matchingNeedle(key: string, needles: readonly Needle[]): number {
  return needles.findIndex((n) => key === n.key || (n.prefix && key.startsWith(n.key)));
}

/**
 * The passage of `text` (about `maxWords` words) with the most distinct query
 * words, or null when no word of `text` matches. Whitespace is collapsed so a
 * passage reads as one line.
 */
export function buildSnippet(
  text: string,
  terms: readonly QueryTerm[],
  maxWords = 24,
): Snippet | null {
  const needles = needlesOf(terms);
  if (needles.length === 0) return null;
  const words: { start: number; end: number; needle: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    words.push({
      start: m.index,
      end: m.index + m[0].length,
      needle: matchingNeedle(matchKey(m[0]), needles),
    });
  }
  const hits = words.map((w, i) => (w.needle >= 0 ? i : -1)).filter((i) => i >= 0);
  if (hits.length === 0) return null;
  const lead = Math.min(4, Math.floor(maxWords / 4));
  let best = { start: 0, distinct: -1, count: 0 };
  for (const hit of hits) {
    const start = Math.max(0, Math.min(hit - lead, words.length - maxWords));
    const seen = new Set<number>();
    let count = 0;
    for (let i = start; i < Math.min(words.length, start + maxWords); i += 1) {
      if (words[i]!.needle >= 0) {
        seen.add(words[i]!.needle);
        count += 1;
      }
    }
    if (seen.size > best.distinct || (seen.size === best.distinct && count > best.count))
      best = { start, distinct: seen.size, count };
  }
  const first = best.start;
  const last = Math.min(words.length, first + maxWords) - 1;
  const from = first === 0 ? 0 : words[first]!.start;
  const to = last === words.length - 1 ? text.length : words[last]!.end;
  const segments: SnippetSegment[] = [];
  const push = (piece: string, match: boolean) => {
    const clean = match ? piece : piece.replace(/\s+/g, ' ');
    if (clean === '') return;
    const previous = segments[segments.length - 1];
    if (previous && previous.match === match) previous.text += clean;
    else segments.push({ text: clean, match });
  };
  let cursor = from;
  let matches = 0;
  for (let i = first; i <= last; i += 1) {
    const word = words[i]!;
    if (word.needle < 0) continue;
    push(text.slice(cursor, word.start), false);
    push(text.slice(word.start, word.end), true);
    matches += 1;
    cursor = word.end;
  }
  push(text.slice(cursor, to), false);
  if (segments[0] && !segments[0].match) segments[0].text = segments[0].text.trimStart();
  const tail = segments[segments.length - 1];
  if (tail && !tail.match) tail.text = tail.text.trimEnd();
  return {
    segments: segments.filter((s) => s.text !== ''),
    truncatedStart: from > 0,
    truncatedEnd: to < text.length,
    matches,
  };
}

/** The first `maxWords` words of `text`, unhighlighted: the fallback passage. */
export function leadSnippet(text: string, maxWords = 24): Snippet {
  const words = [...text.matchAll(WORD)];
  const end =
    words.length > maxWords
      ? words[maxWords - 1]!.index + words[maxWords - 1]![0].length
      : text.length;
  const body = text.slice(0, end).replace(/\s+/g, ' ').trim();
  return {
    segments: body ? [{ text: body, match: false }] : [],
    truncatedStart: false,
    truncatedEnd: end < text.length,
    matches: 0,
  };
}
