import { arabicForms, isArabicWord } from './arabic';
import { fold, isUnspaced, scriptOfWord, type Script } from './fold';
import { cyrillicForms, type GrammaticalCase } from './inflect';

/**
 * The names a mention search looks for: for each person, every full name,
 * alias, transliteration and pseudonym recorded, split into name parts, each
 * part with every written form it takes in running text (Russian and
 * Ukrainian case forms, Arabic attached prefixes). Chinese and Japanese
 * names, written without spaces, are kept whole and as their recorded family
 * and given names, to be found as substrings.
 */

export interface NameSubject {
  id: string;
  /** Full names: the name, aliases and transliterations (and the pseudonym when it may not be shown). */
  names: readonly string[];
  familyName?: string;
  givenName?: string;
}

/** Words that join the parts of a name without being one: "José de la Cruz", "Mohammed bin Salman". */
const PARTICLES = new Set(
  [
    'de',
    'del',
    'della',
    'la',
    'las',
    'los',
    'le',
    'les',
    'du',
    'des',
    'da',
    'das',
    'do',
    'dos',
    'di',
    'van',
    'von',
    'der',
    'den',
    'ter',
    'ten',
    'y',
    'e',
    'i',
    'al',
    'el',
    'bin',
    'ibn',
    'bint',
    'ben',
    'ould',
    'аль',
    'ибн',
    'бин',
    'ван',
    'фон',
    'де',
    'ди',
    'бен',
    'бинт',
    'ابن',
    'بن',
    'بنت',
  ].map(fold),
);

/** Words that form one name with the word after them: عبد الله, Abu Ahmed, Umm Kulthum. */
const COMPOUND_LEADS = new Set(
  [
    'abd',
    'abdel',
    'abdul',
    'abdal',
    'abdol',
    'abu',
    'abou',
    'umm',
    'um',
    'абд',
    'абдель',
    'абдул',
    'абу',
    'умм',
    'عبد',
    'أبو',
    'ابو',
    'أم',
    'ام',
  ].map(fold),
);

export const isParticle = (folded: string): boolean => PARTICLES.has(folded);

export interface FormEntry {
  part: NamePart;
  /** Cases this written form may be (Cyrillic), most likely first. */
  cases: GrammaticalCase[];
  /** Arabic letters attached before the name in this form. */
  prefix: string;
  /** The form adds an Arabic article the name does not have. */
  addsArticle: boolean;
  /** Index of this word inside a compound part (0 for single words). */
  position: number;
}

export interface NamePart {
  subject: number;
  /** Folded words of the part: one, or two for a compound (عبد الله). */
  words: string[];
  /** The part as recorded. */
  recorded: string;
  script: Script;
  /** Whether the part was recorded in lower case (then lower case in text says nothing). */
  recordedLower: boolean;
  /** The full names this part comes from (for initials in the same script). */
  fullNames: string[];
  /** Folded words written before this part with an apostrophe in a recorded name (O'Brien,
   *  N'Diaye, Dell'Acqua): in text they belong to the mention. */
  elided: string[];
}

export interface UnspacedForm {
  subject: number;
  form: string;
  /** A whole name (certain), or one part of it (family or given name). */
  whole: boolean;
  /** A part guessed from a whole name with no family or given name recorded: always reviewed. */
  inferred?: boolean;
}

export interface NameIndex {
  subjects: readonly NameSubject[];
  /** Folded written form → the name parts it may be. */
  forms: Map<string, FormEntry[]>;
  /** Hangul parts, found at the start of a word (particles follow the name). */
  hangul: FormEntry[];
  unspaced: UnspacedForm[];
  /** Folded parts (first word) of each subject, to tell a shared part. */
  partWords: Set<string>[];
}

/** Splits a name into its written words, as the text search splits a text. */
export function nameWords(name: string): string[] {
  return name
    .split(/[^\p{L}\p{N}\p{M}'’ʼ]+/u)
    .map((w) => w.replace(/^['’ʼ]+|['’ʼ]+$/gu, ''))
    .filter(Boolean)
    .flatMap((w) =>
      // An apostrophe joins Cyrillic letters (Мар'яна); elsewhere it separates (O'Brien, d'Olga).
      /\p{Script=Cyrillic}['’ʼ]\p{Script=Cyrillic}/u.test(w) ? [w] : w.split(/['’ʼ]/u),
    )
    .filter(Boolean);
}

const letters = (word: string) => [...word].filter((c) => /\p{L}/u.test(c)).length;

export function buildNameIndex(subjects: readonly NameSubject[]): NameIndex {
  const forms = new Map<string, FormEntry[]>();
  const hangul: FormEntry[] = [];
  const unspaced: UnspacedForm[] = [];
  const partWords: Set<string>[] = subjects.map(() => new Set());
  const seenParts = new Map<string, NamePart>();

  const addForm = (form: string, entry: FormEntry) => {
    const list = forms.get(form) ?? [];
    if (!list.some((e) => e.part === entry.part && e.position === entry.position)) list.push(entry);
    forms.set(form, list);
  };

  const addPart = (
    subject: number,
    words: string[],
    recorded: string,
    fullName: string,
    elided: readonly string[] = [],
  ) => {
    const key = `${subject}\u0000${words.join(' ')}`;
    const known = seenParts.get(key);
    if (known) {
      if (!known.fullNames.includes(fullName)) known.fullNames.push(fullName);
      for (const letter of elided) if (!known.elided.includes(letter)) known.elided.push(letter);
      return;
    }
    const script = scriptOfWord(recorded);
    const part: NamePart = {
      subject,
      words,
      recorded,
      script,
      recordedLower: recorded === recorded.toLowerCase() && recorded !== recorded.toUpperCase(),
      fullNames: [fullName],
      elided: [...elided],
    };
    seenParts.set(key, part);
    partWords[subject]!.add(words[0]!);
    if (script === 'hangul') {
      hangul.push({ part, cases: [], prefix: '', addsArticle: false, position: 0 });
      return;
    }
    if (words.length > 1) {
      // A compound: its words as written, an Arabic prefix allowed on the first.
      words.forEach((word, position) => {
        if (position === 0 && isArabicWord(word))
          for (const f of arabicForms(word))
            addForm(f.form, {
              part,
              cases: [],
              prefix: f.prefix,
              addsArticle: f.addsArticle,
              position,
            });
        else addForm(word, { part, cases: [], prefix: '', addsArticle: false, position });
      });
      return;
    }
    const word = words[0]!;
    if (script === 'cyrillic') {
      const lower = recorded.toLowerCase();
      for (const f of cyrillicForms(lower))
        addForm(fold(f.form), {
          part,
          cases: f.cases,
          prefix: '',
          addsArticle: false,
          position: 0,
        });
      addForm(word, { part, cases: ['nom'], prefix: '', addsArticle: false, position: 0 });
    } else if (script === 'arabic') {
      for (const f of arabicForms(word))
        addForm(f.form, {
          part,
          cases: [],
          prefix: f.prefix,
          addsArticle: f.addsArticle,
          position: 0,
        });
    } else {
      addForm(word, { part, cases: [], prefix: '', addsArticle: false, position: 0 });
    }
  };

  const addUnspaced = (subject: number, value: string, whole: boolean, inferred = false) => {
    for (const run of value.match(/[\p{L}\p{N}\p{M}\u00B7\u2027\u30FB\uFF65\u30FC]+/gu) ?? []) {
      if (![...run].some(isUnspaced)) continue;
      const form = fold(run);
      if (!form) continue;
      if (!unspaced.some((u) => u.subject === subject && u.form === form && u.whole === whole))
        unspaced.push({ subject, form, whole, ...(inferred ? { inferred } : {}) });
    }
  };

  subjects.forEach((subject, s) => {
    const family = subject.familyName?.trim() ?? '';
    const given = subject.givenName?.trim() ?? '';
    const fullNames = [...subject.names.map((n) => n.trim()).filter(Boolean)];
    if (family && given) fullNames.push(`${given} ${family}`, `${family} ${given}`);
    for (const full of fullNames) {
      addUnspaced(s, full, true);
      // The parts of a transliterated name written with a name dot.
      if (/[\u00B7\u2027\u30FB\uFF65]/u.test(full))
        for (const piece of full.split(/[\s\u00B7\u2027\u30FB\uFF65]+/u))
          addUnspaced(s, piece, false);
    }
    if ([...family].some(isUnspaced) && [...given].some(isUnspaced))
      addUnspaced(s, `${family}${given}`, true);
    if (family) addUnspaced(s, family, false);
    if (given) addUnspaced(s, given, false);
    if (!family && !given)
      for (const full of fullNames)
        for (const part of guessedHanParts(full)) addUnspaced(s, part, false, true);
    for (const full of [...fullNames, family, given].filter(Boolean)) {
      const words = nameWords(full);
      const elisions = elidedLetters(full);
      for (let i = 0; i < words.length; i++) {
        const raw = words[i]!;
        if ([...raw].some(isUnspaced)) continue;
        const folded = fold(raw);
        if (!folded || isParticle(folded)) continue;
        if (COMPOUND_LEADS.has(folded) && i + 1 < words.length) {
          const next = words[i + 1]!;
          addPart(s, [folded, fold(next)], `${raw} ${next}`, full);
          i += 1;
          continue;
        }
        if (letters(folded) < 2) continue;
        addPart(s, [folded], raw, full, elisions.get(folded) ?? []);
      }
    }
  });
  // A run recorded as a family or given name is a part, even where a full name is that run alone.
  for (const u of unspaced) {
    if (!u.whole) continue;
    if (unspaced.some((p) => !p.whole && p.subject === u.subject && p.form === u.form))
      u.whole = false;
  }
  return { subjects, forms, hangul, unspaced, partWords };
}

/** Folded name word → the words written before it with an apostrophe (O'Brien → o, Dell'Acqua → dell). */
function elidedLetters(full: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of full.matchAll(
    /(?<![\p{L}\p{M}])(\p{L}[\p{L}\p{M}]*)['’ʼ](\p{L}[\p{L}\p{M}]*)/gu,
  )) {
    if (/\p{Script=Cyrillic}/u.test(m[1]!)) continue; // Мар'яна is one word
    const word = fold(m[2]!);
    const letter = fold(m[1]!);
    out.set(word, [...new Set([...(out.get(word) ?? []), letter])]);
  }
  return out;
}

/** Chinese family names of two characters; any other Chinese name is taken to start with one. */
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '歐陽',
  '司马',
  '司馬',
  '诸葛',
  '諸葛',
  '上官',
  '东方',
  '東方',
  '皇甫',
  '尉迟',
  '尉遲',
  '公孙',
  '公孫',
  '慕容',
  '令狐',
  '夏侯',
  '长孙',
  '長孫',
  '宇文',
  '司徒',
  '司空',
  '澹台',
  '轩辕',
  '軒轅',
  '端木',
  '独孤',
  '獨孤',
  '南宫',
  '南宮',
  '百里',
  '呼延',
  '钟离',
  '鍾離',
  '闻人',
  '聞人',
]);

/**
 * A Chinese name recorded whole (王全璋) with no family or given name: its parts are guessed
 * (family name of one character, or two for the compound family names), so that the given name
 * written alone (全璋) is still found; a name of four characters is also split two and two, as
 * Japanese names are. A guess can be wrong, so a guessed part alone is shown for review unless an
 * honorific follows it; a one-character part is searched, as any, only before an honorific.
 */
function guessedHanParts(full: string): string[] {
  const name = full.replace(/\s+/gu, '');
  const chars = [...name];
  if (chars.length < 3 || chars.length > 4 || !chars.every((c) => /\p{Script=Han}/u.test(c)))
    return [];
  const splits = [COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1];
  // Four characters: also two and two, the usual Japanese split (山田太郎).
  if (chars.length === 4 && !splits.includes(2)) splits.push(2);
  return splits.flatMap((n) => [chars.slice(0, n).join(''), chars.slice(n).join('')]);
}
