import {
  foldText,
  isAllCaps,
  isUnspaced,
  originalSpan,
  scriptOfWord,
  startsLowerCase,
  type FoldedText,
  type Script,
} from './fold';
import type { GrammaticalCase } from './inflect';
import { isParticle, type FormEntry, type NameIndex } from './names';
import { commonWordLanguages } from './words';

/**
 * Finds where a text mentions people who may not be named, in any of the
 * forms their names take (see names.ts), only ever as whole words, and says
 * of each mention whether it is certainly a name or may be an ordinary word.
 *
 * The rule for "may be an ordinary word" (ambiguous, shown for review, never
 * replaced silently). A mention made of two or more parts of one person's
 * name side by side ("Khaled Said", "Ольгу Кузнецову") is certain. A single
 * part alone is ambiguous when any of these holds:
 * - `lower-case`: it is written in small letters in a script that has
 *   capitals ("said", "вера"), while the name is recorded with a capital;
 * - `common-word`: the word, or the name part it is a form of, is in the
 *   list of ordinary words for its script (words/: "Grace", "Вера", "أمل");
 * - `used-as-word`: the same word is written in small letters elsewhere in
 *   the same text ("Will" at the start of a sentence, "will" later);
 * - `shared-name`: it is also part of the name of someone who is named;
 * - `short`: the part has two letters ("Li", "Wu");
 * - `article`: Arabic, the article ال is attached to a name that has none
 *   ("الأمل" is "the hope");
 * - `name-part`: Chinese or Japanese, a family or given name written alone
 *   (no spaces, so nothing tells a name from a word: 英俊 is also "handsome").
 *   Parts of three characters or more (transliterated foreign names:
 *   库兹涅佐娃) are taken as certain.
 *   A part followed by an honorific (先生, さん…) is certain; a single
 *   character is searched only before an honorific (李先生), and is then
 *   ambiguous, because alone it is part of too many words.
 * A word in small letters that is an ordinary word never joins a name:
 * "Khaled said nothing" is one certain mention, "Khaled", and one ambiguous,
 * "said".
 */

export type MentionReason =
  'lower-case' | 'common-word' | 'used-as-word' | 'shared-name' | 'short' | 'article' | 'name-part';

export interface Mention {
  /** Span in the original text (UTF-16 offsets). */
  start: number;
  end: number;
  /** The text as written there. */
  text: string;
  /** Index of the person in the name index. */
  subject: number;
  certain: boolean;
  /** Why the mention may be an ordinary word (empty when certain). */
  reasons: MentionReason[];
  /** The folded form found: what a user who keeps the word has cleared. */
  form: string;
  /** Cyrillic: the cases the (last) word may be in, most likely first. */
  cases: GrammaticalCase[];
  /** Arabic letters attached before the name, kept when the name is replaced. */
  prefix: string;
  script: Script;
  /** How many name parts the mention has. */
  parts: number;
  allCaps: boolean;
  /** A full name the mention comes from, in the script it is written in. */
  fullName: string;
}

interface Token {
  from: number;
  to: number;
  word: string;
  original: string;
  script: Script;
}

/** Folded chars allowed between two parts of one name: spaces, with at most one comma or hyphen. */
const JOINER = /^[\s\u00A0]*[,\-\u2010\u2011\u2013]?[\s\u00A0]*$/u;

const HONORIFIC_AFTER = [
  '先生',
  '女士',
  '小姐',
  '老师',
  '老師',
  '同志',
  '律师',
  '律師',
  '医生',
  '醫生',
  'さん',
  'さま',
  '様',
  '氏',
  '君',
  'くん',
  'ちゃん',
  '先輩',
  '教授',
  '弁護士',
];
const HONORIFIC_BEFORE = ['老', '小', '阿'];

const SPACED_WORD =
  /(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}])[\p{L}\p{N}])+/gu;

function tokenize(folded: FoldedText, original: string): Token[] {
  const text = folded.text;
  const runs: { from: number; to: number }[] = [];
  for (const match of text.matchAll(SPACED_WORD)) {
    const from = match.index;
    const to = from + match[0].length;
    const previous = runs[runs.length - 1];
    // An apostrophe inside a Cyrillic word belongs to it (Ukrainian Мар'яна).
    if (
      previous &&
      previous.to + 1 === from &&
      text[previous.to] === "'" &&
      /\p{Script=Cyrillic}/u.test(text[previous.to - 1]!) &&
      /\p{Script=Cyrillic}/u.test(text[from]!)
    )
      previous.to = to;
    else runs.push({ from, to });
  }
  return runs.map(({ from, to }) => {
    const span = originalSpan(folded, original, from, to);
    const word = text.slice(from, to);
    return {
      from,
      to,
      word,
      original: original.slice(span.start, span.end),
      script: scriptOfWord(word),
    };
  });
}

interface Candidate {
  entry: FormEntry;
  /** Last token of the match (a compound spans two). */
  last: number;
}

const cased = (script: Script) => script === 'latin' || script === 'cyrillic' || script === 'greek';

export function findMentions(index: NameIndex, text: string, named?: NameIndex): Mention[] {
  if (!text) return [];
  const folded = foldText(text);
  const tokens = tokenize(folded, text);
  const lowerWords = new Set(
    tokens.filter((t) => cased(t.script) && startsLowerCase(t.original)).map((t) => t.word),
  );
  const gapOk = (a: Token, b: Token) => JOINER.test(folded.text.slice(a.to, b.from));

  const candidatesAt = (idx: NameIndex, i: number): Candidate[] => {
    const token = tokens[i]!;
    const out: Candidate[] = [];
    for (const entry of idx.forms.get(token.word) ?? []) {
      if (entry.position !== 0) continue;
      const words = entry.part.words;
      if (words.length === 1) {
        out.push({ entry, last: i });
        continue;
      }
      let k = i;
      let ok = true;
      for (let w = 1; w < words.length && ok; w++) {
        const next = tokens[k + 1];
        ok = next !== undefined && next.word === words[w] && gapOk(tokens[k]!, next);
        k++;
      }
      if (ok) out.push({ entry, last: k });
    }
    return out;
  };

  // Names of people who are named are left alone where two or more of their parts stand together.
  const protectedTokens = new Set<number>();
  const sharedWords = new Set<string>();
  if (named) {
    for (const words of named.partWords) for (const w of words) sharedWords.add(w);
    for (let i = 0; i < tokens.length; i++) {
      for (const c of candidatesAt(named, i)) {
        const used = new Set([c.entry.part]);
        let last = c.last;
        let extended = true;
        while (extended) {
          extended = false;
          const next = tokens[last + 1];
          if (!next || !gapOk(tokens[last]!, next)) break;
          for (const d of candidatesAt(named, last + 1)) {
            if (d.entry.part.subject === c.entry.part.subject && !used.has(d.entry.part)) {
              used.add(d.entry.part);
              last = d.last;
              extended = true;
              break;
            }
          }
        }
        if (used.size > 1) for (let k = i; k <= last; k++) protectedTokens.add(k);
      }
    }
  }

  /** Token k is written with an apostrophe before a part of this person's name (O', Dell'). */
  const elidedBefore = (k: number, subject: number): boolean => {
    const letter = tokens[k];
    const next = tokens[k + 1];
    return (
      letter !== undefined &&
      next !== undefined &&
      letter.to + 1 === next.from &&
      folded.text[letter.to] === "'" &&
      candidatesAt(index, k + 1).some(
        (d) => d.entry.part.subject === subject && d.entry.part.elided.includes(letter.word),
      )
    );
  };

  const lowerCommon = (t: Token) =>
    cased(t.script) &&
    startsLowerCase(t.original) &&
    commonWordLanguages(t.word, t.script).length > 0;

  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (protectedTokens.has(i)) continue;
    const starts = candidatesAt(index, i);
    if (starts.length === 0) continue;
    // The longest run of parts of one person from here.
    let best: { first: Candidate; last: number; parts: Candidate[] } | null = null;
    for (const first of starts) {
      const parts = [first];
      const used = new Set([first.entry.part.words.join(' ')]);
      let last = first.last;
      if (!lowerCommon(tokens[i]!)) {
        for (;;) {
          let k = last + 1;
          while (tokens[k] && isParticle(tokens[k]!.word) && gapOk(tokens[k - 1]!, tokens[k]!)) k++;
          // Seán O'Brien: the elided letter stands between the parts.
          const elision =
            tokens[k] !== undefined &&
            gapOk(tokens[k - 1]!, tokens[k]!) &&
            elidedBefore(k, first.entry.part.subject);
          if (elision) k++;
          const next = tokens[k];
          if (
            !next ||
            protectedTokens.has(k) ||
            (!elision && !gapOk(tokens[k - 1]!, next)) ||
            lowerCommon(next)
          )
            break;
          const more = candidatesAt(index, k).find(
            (d) =>
              d.entry.part.subject === first.entry.part.subject &&
              d.entry.prefix === '' &&
              !used.has(d.entry.part.words.join(' ')),
          );
          if (!more) break;
          parts.push(more);
          used.add(more.entry.part.words.join(' '));
          last = more.last;
        }
      }
      if (!best || parts.length > best.parts.length) best = { first, last, parts };
    }
    const { first, last, parts } = best!;
    // O'Brien: the letter and apostrophe written before the part belong to the name.
    const before = tokens[i - 1];
    const elided =
      before !== undefined &&
      before.to + 1 === tokens[i]!.from &&
      folded.text[before.to] === "'" &&
      first.entry.part.elided.includes(before.word);
    const span = originalSpan(folded, text, (elided ? before : tokens[i]!).from, tokens[last]!.to);
    // The case of a group is told by a word that is not in its dictionary form ("Віру Бондар": Віру).
    const inflected = parts.find((p) => p.entry.cases.length > 0 && !p.entry.cases.includes('nom'));
    const caseEntry = (inflected ?? parts[parts.length - 1]!).entry;
    const token = tokens[i]!;
    const reasons: MentionReason[] = [];
    if (parts.length === 1) {
      const part = first.entry.part;
      // A compound (عبد الله) is judged whole: its first word alone may well be a word.
      const stem =
        part.words.length > 1 ? part.words.join(' ') : token.word.slice(first.entry.prefix.length);
      if (cased(token.script) && startsLowerCase(token.original) && !part.recordedLower)
        reasons.push('lower-case');
      if (
        commonWordLanguages(stem, token.script).length > 0 ||
        commonWordLanguages(part.words.join(' '), part.script).length > 0
      )
        reasons.push('common-word');
      if (cased(token.script) && !startsLowerCase(token.original) && lowerWords.has(token.word))
        reasons.push('used-as-word');
      if (sharedWords.has(part.words[0]!)) reasons.push('shared-name');
      if (part.words.length === 1 && [...part.words[0]!].length < 3) reasons.push('short');
      if (first.entry.addsArticle) reasons.push('article');
    }
    const original = text.slice(span.start, span.end);
    mentions.push({
      start: span.start,
      end: span.end,
      text: original,
      subject: first.entry.part.subject,
      certain: reasons.length === 0,
      reasons,
      form: folded.text.slice(token.from, tokens[last]!.to),
      cases: caseEntry.cases,
      prefix: first.entry.prefix,
      script: token.script,
      parts: parts.length,
      allCaps: isAllCaps(original),
      fullName: fullNameIn(index, first.entry, token.script),
    });
    i = last;
  }

  // Hangul: a name part at the start of a word, a particle after it (김민수가, 김민수는).
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.script !== 'hangul' || protectedTokens.has(i)) continue;
    for (const entry of index.hangul) {
      const form = entry.part.words[0]!;
      if (!token.word.startsWith(form)) continue;
      const span = originalSpan(folded, text, token.from, token.from + form.length);
      const whole = entry.part.fullNames.some(
        (n) => n.replace(/\s+/gu, '') === entry.part.recorded,
      );
      mentions.push({
        start: span.start,
        end: span.end,
        text: text.slice(span.start, span.end),
        subject: entry.part.subject,
        certain: whole && [...form].length > 1,
        reasons: whole && [...form].length > 1 ? [] : ['name-part'],
        form,
        cases: [],
        prefix: '',
        script: 'hangul',
        parts: 1,
        allCaps: false,
        fullName: entry.part.fullNames[0] ?? entry.part.recorded,
      });
      break;
    }
  }

  mentions.push(...unspacedMentions(index, named, folded, text));
  return resolveOverlaps(mentions);
}

function fullNameIn(index: NameIndex, entry: FormEntry, script: Script): string {
  const names = entry.part.fullNames;
  return names.find((n) => scriptOfWord(n) === script) ?? names[0] ?? entry.part.recorded;
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1))
    found.push(at);
  return found;
}

/** Chinese, Japanese and other scripts without spaces: names found as substrings. */
function unspacedMentions(
  index: NameIndex,
  named: NameIndex | undefined,
  folded: FoldedText,
  text: string,
): Mention[] {
  const out: Mention[] = [];
  const hay = folded.text;
  const protectedRanges: [number, number][] = [];
  for (const u of named?.unspaced ?? [])
    if (u.whole && [...u.form].length > 1)
      for (const at of occurrences(hay, u.form)) protectedRanges.push([at, at + u.form.length]);
  const isProtected = (a: number, b: number) => protectedRanges.some(([x, y]) => a < y && x < b);
  const namedParts = new Set((named?.unspaced ?? []).filter((u) => !u.whole).map((u) => u.form));

  for (const u of index.unspaced) {
    const length = [...u.form].length;
    for (const at of occurrences(hay, u.form)) {
      const to = at + u.form.length;
      if (isProtected(at, to)) continue;
      const after = hay.slice(to, to + 3);
      const before = hay.slice(Math.max(0, at - 1), at);
      const honorific =
        HONORIFIC_AFTER.some((h) => after.startsWith(h)) || HONORIFIC_BEFORE.includes(before);
      let reasons: MentionReason[];
      if (length === 1) {
        // One character alone is part of too many words; before an honorific it may be the person.
        if (!honorific) continue;
        reasons = ['name-part'];
      } else if (u.whole || (length >= 3 && !u.inferred)) reasons = [];
      else reasons = honorific ? [] : ['name-part'];
      if (namedParts.has(u.form) && !reasons.includes('shared-name')) reasons.push('shared-name');
      const span = originalSpan(folded, text, at, to);
      const subject = index.subjects[u.subject]!;
      out.push({
        start: span.start,
        end: span.end,
        text: text.slice(span.start, span.end),
        subject: u.subject,
        certain: reasons.length === 0,
        reasons,
        form: u.form,
        cases: [],
        prefix: '',
        script: 'unspaced',
        parts: u.whole ? 2 : 1,
        allCaps: false,
        fullName:
          subject.names.find((n) => [...n].some(isUnspaced)) ??
          `${subject.familyName ?? ''}${subject.givenName ?? ''}`,
      });
    }
  }
  return out;
}

/** Keeps one mention per stretch of text: the longest, and a certain one over an ambiguous one. */
function resolveOverlaps(mentions: Mention[]): Mention[] {
  const sorted = [...mentions].sort(
    (a, b) =>
      a.start - b.start ||
      b.end - b.start - (a.end - a.start) ||
      Number(b.certain) - Number(a.certain),
  );
  const kept: Mention[] = [];
  for (const m of sorted) {
    const clash = kept.findIndex((k) => m.start < k.end && k.start < m.end);
    if (clash < 0) {
      kept.push(m);
      continue;
    }
    const k = kept[clash]!;
    const better =
      m.end - m.start > k.end - k.start ||
      (m.end - m.start === k.end - k.start && m.certain && !k.certain);
    if (better) kept[clash] = m;
  }
  return kept.sort((a, b) => a.start - b.start);
}
