import {
  dateValueProblem,
  endBeforeStartProblem,
  type DateQualifier,
  type PartialDate,
} from '../../../shared/domain/partialDate';
import { foldLetters } from '../../../shared/domain/searchText';
import { formatDateValue } from './format';

/**
 * Reads a date as people type it, in their language: "March 2024",
 * "mars 2024", "15 марта 2024 г.", "مارس ٢٠٢٤", "2024-03", "15/03/2024",
 * optionally with a qualifier word ("about", "before", "hacia", "около",
 * "حوالي", "~") before the date or after a comma ("March 2024, approximate").
 * Month names come from Intl for the given locales; qualifier words from the
 * locale files. Pure: the unit tests run it under Node.
 */

export type QualifierWordLists = Record<Exclude<DateQualifier, 'exact'>, readonly string[]>;

export type DateTextResult =
  | { ok: true; date: PartialDate; qualifierInText: DateQualifier | null }
  | { ok: false; reason: 'empty' | 'unrecognised' | 'invalid'; message?: string };

const ENGLISH_WORDS: QualifierWordLists = {
  approximate: [
    '~',
    'about',
    'approx',
    'approx.',
    'approximately',
    'approximate',
    'circa',
    'ca.',
    'c.',
    'around',
    'roughly',
  ],
  before: ['before', '<', 'until'],
  after: ['after', '>', 'since'],
  unknown: ['unknown', '?', 'not known'],
};

/** Words that may sit around a date without changing it ("marzo de 2024", "2024 г.", "عام 2024"). */
const FILLERS = new Set([
  'de',
  'del',
  'of',
  'the',
  'in',
  'en',
  'le',
  'el',
  'г',
  'г.',
  'года',
  'год',
  'гг',
  'عام',
  'سنة',
  'م',
  'on',
  'am',
  'y',
]);

/** Arabic-Indic and Eastern Arabic-Indic digits to ASCII, so "٢٠٢٤" reads as 2024. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

function normalise(text: string): string {
  const folded = foldLetters(asciiDigits(text.normalize('NFKC')))
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  // Bidi marks that Intl and pasted Arabic text carry would hide word boundaries.
  return folded
    .replace(/[\u200e\u200f\u061c\u200b]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);

/** Index of `word` in `text` as a whole word (not inside a longer one), or -1. */
function findWord(text: string, word: string): number {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return -1;
    const before = text[at - 1];
    const after = text[at + word.length];
    const wordish = isLetter(word[0]) || isLetter(word[word.length - 1]);
    if (!wordish || (!isLetter(before) && !isLetter(after))) return at;
    from = at + 1;
  }
}

const monthCache = new Map<string, [string, number][]>();

/** Every spelling Intl gives for the months in these locales (long, short, standalone, in context), longest first. */
export function monthNames(locales: readonly string[]): [string, number][] {
  const cacheKey = locales.join(',');
  const cached = monthCache.get(cacheKey);
  if (cached) return cached;
  const names = new Map<string, number>();
  const add = (name: string, month: number) => {
    const clean = normalise(name).replace(/\.$/, '');
    if (clean && !/\d/.test(clean) && !names.has(clean)) names.set(clean, month);
  };
  for (const locale of locales) {
    for (let month = 0; month < 12; month += 1) {
      const date = new Date(Date.UTC(2001, month, 15));
      for (const style of ['long', 'short'] as const) {
        add(
          new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(date),
          month + 1,
        );
        const inContext = new Intl.DateTimeFormat(locale, {
          day: 'numeric',
          month: style,
          timeZone: 'UTC',
        })
          .formatToParts(date)
          .find((part) => part.type === 'month')?.value;
        if (inContext) add(inContext, month + 1);
      }
    }
  }
  const sorted = [...names.entries()].sort((a, b) => b[0].length - a[0].length);
  monthCache.set(cacheKey, sorted);
  return sorted;
}

/**
 * Vigil's English is international English: numeric dates day first, as its
 * own examples show ("15/03/2024"). A regional English (en-US) keeps its order.
 */
const NUMERIC_ORDER_LOCALE: Record<string, string> = { en: 'en-GB' };

/** Whether the locale writes numeric dates month first (en-US) rather than day first. */
export function monthFirst(uiLocale: string): boolean {
  const locale = NUMERIC_ORDER_LOCALE[uiLocale] ?? uiLocale;
  const parts = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(new Date(Date.UTC(2001, 10, 22)));
  const order = parts.filter((p) => p.type === 'day' || p.type === 'month').map((p) => p.type);
  return order[0] === 'month';
}

function takeQualifier(
  text: string,
  lists: QualifierWordLists,
): { rest: string; qualifier: DateQualifier | null } {
  const candidates = (
    Object.entries(lists) as [Exclude<DateQualifier, 'exact'>, readonly string[]][]
  )
    .flatMap(([qualifier, words]) => words.map((word) => [normalise(word), qualifier] as const))
    .filter(([word]) => word.length > 0)
    .sort((a, b) => b[0].length - a[0].length);
  for (const [word, qualifier] of candidates) {
    if (text === word) return { rest: '', qualifier };
    const symbol = !isLetter(word[0]);
    if (text.startsWith(word) && (symbol || !isLetter(text[word.length]))) {
      return { rest: text.slice(word.length).trim(), qualifier };
    }
    if (text.endsWith(word) && (symbol || !isLetter(text[text.length - word.length - 1]))) {
      return {
        rest: text
          .slice(0, text.length - word.length)
          .replace(/[\s,;]+$/, '')
          .trim(),
        qualifier,
      };
    }
  }
  return { rest: text, qualifier: null };
}

const pad = (n: number) => String(n).padStart(2, '0');

function readValue(text: string, locales: readonly string[]): string | null {
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text)) return text;
  const numeric = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const [day, month] = monthFirst(locales[0] ?? 'en') ? [b, a] : [a, b];
    return `${numeric[3]}-${pad(month)}-${pad(day)}`;
  }
  const monthYear = /^(\d{1,2})[./-](\d{4})$/.exec(text);
  if (monthYear) return `${monthYear[2]}-${pad(Number(monthYear[1]))}`;
  const yearMonth = /^(\d{4})[./](\d{1,2})$/.exec(text);
  if (yearMonth) return `${yearMonth[1]}-${pad(Number(yearMonth[2]))}`;

  let rest = text;
  let month: number | null = null;
  for (const [name, index] of monthNames(locales)) {
    const at = findWord(rest, name);
    if (at >= 0) {
      month = index;
      rest = `${rest.slice(0, at)} ${rest.slice(at + name.length)}`;
      break;
    }
  }
  if (month === null) return null;
  const tokens = rest
    .replace(/(\d+)(st|nd|rd|th|er|re|e|-?го|-?е)(?!\p{L})/gu, '$1')
    .split(/[\s,./-]+/)
    .filter(Boolean);
  let year: string | null = null;
  let day: number | null = null;
  for (const token of tokens) {
    if (/^\d{4}$/.test(token) && year === null) year = token;
    else if (/^\d{1,2}$/.test(token) && day === null) day = Number(token);
    else if (!FILLERS.has(token)) return null;
  }
  if (year === null) return null;
  return day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Parses `text`. `locales` are tried for month names (the UI language
 * first, English always added); `words` are the qualifier words of the UI
 * language (English ones are always understood too).
 */
export function parseDateText(
  text: string,
  locales: readonly string[],
  words?: Partial<QualifierWordLists>,
): DateTextResult {
  const normal = normalise(text);
  if (normal === '') return { ok: false, reason: 'empty' };
  const lists: QualifierWordLists = {
    approximate: [...ENGLISH_WORDS.approximate, ...(words?.approximate ?? [])],
    before: [...ENGLISH_WORDS.before, ...(words?.before ?? [])],
    after: [...ENGLISH_WORDS.after, ...(words?.after ?? [])],
    unknown: [...ENGLISH_WORDS.unknown, ...(words?.unknown ?? [])],
  };
  let { rest, qualifier } = takeQualifier(normal, lists);
  if (qualifier === 'unknown')
    return { ok: true, date: { value: null, qualifier: 'unknown' }, qualifierInText: 'unknown' };
  // A trailing "~" (EDTF) after the date.
  if (qualifier === null && rest.endsWith('~')) {
    rest = rest.slice(0, -1).trim();
    qualifier = 'approximate';
  }
  const value = readValue(rest, [...locales, 'en']);
  if (value === null) return { ok: false, reason: 'unrecognised' };
  const problem = dateValueProblem(value);
  if (problem) return { ok: false, reason: 'invalid', message: problem };
  return { ok: true, date: { value, qualifier: qualifier ?? 'exact' }, qualifierInText: qualifier };
}

/** The text to put back in the field for a stored date: its period in the reader's language, which parseDateText reads back. */
export function dateToText(date: PartialDate | null, locale: string): string {
  return date?.value ? formatDateValue(date.value, locale) : '';
}

/** What a date field holds while it is being edited. */
export interface DateDraft {
  text: string;
  qualifier: DateQualifier;
  /**
   * Whether the qualifier came from a word in the text ("before 2020") rather
   * than from the menu: such a qualifier goes with the word, so it never
   * carries over to the next date typed.
   */
  qualifierFromText?: boolean;
}

export const EMPTY_DATE_DRAFT: DateDraft = { text: '', qualifier: 'exact' };

export function dateDraftOf(date: PartialDate | null, locale: string): DateDraft {
  if (!date) return { ...EMPTY_DATE_DRAFT };
  return { text: dateToText(date, locale), qualifier: date.qualifier };
}

export type DraftReading =
  | { ok: true; date: PartialDate | null }
  | { ok: false; reason: 'empty' | 'unrecognised' | 'invalid'; message?: string };

/**
 * The date a draft stands for: a qualifier typed in the text ("about",
 * "before") wins over the menu; an empty field is no date (null) unless
 * `required`, and "unknown" needs no text.
 */
export function readDateDraft(
  draft: DateDraft,
  locales: readonly string[],
  words: Partial<QualifierWordLists> | undefined,
  required: boolean,
): DraftReading {
  if (draft.qualifier === 'unknown')
    return { ok: true, date: { value: null, qualifier: 'unknown' } };
  if (draft.text.trim() === '')
    return required ? { ok: false, reason: 'empty' } : { ok: true, date: null };
  const parsed = parseDateText(draft.text, locales, words);
  if (!parsed.ok) return parsed;
  if (parsed.date.qualifier === 'unknown') return { ok: true, date: parsed.date };
  return {
    ok: true,
    date: { value: parsed.date.value, qualifier: parsed.qualifierInText ?? draft.qualifier },
  };
}

/** Whether two read dates are out of order: the end (or death, or reply) wholly before the start. */
export function endsBeforeStart(start: DraftReading, end: DraftReading): boolean {
  if (!start.ok || !end.ok || !start.date || !end.date) return false;
  return endBeforeStartProblem(start.date, end.date) !== null;
}

/**
 * The draft after the user typed `text`: a qualifier word in the text sets the
 * qualifier; without one, a qualifier that came from an earlier word, or any
 * qualifier once the field was emptied, goes back to exact. Only a choice
 * made in the menu for this date outlives a change of its text.
 */
export function typedDateDraft(
  previous: DateDraft,
  text: string,
  locales: readonly string[],
  words: Partial<QualifierWordLists> | undefined,
): DateDraft {
  const parsed = parseDateText(text, locales, words);
  if (parsed.ok && parsed.qualifierInText)
    return { text, qualifier: parsed.qualifierInText, qualifierFromText: true };
  const keep =
    text.trim() !== '' && !previous.qualifierFromText && previous.qualifier !== 'unknown';
  return { text, qualifier: keep ? previous.qualifier : 'exact' };
}

export type DayReading =
  | { ok: true; day: string | null }
  | { ok: false; reason: 'unrecognised' | 'invalid' | 'not-a-day' };

/**
 * A full calendar day (a consent date, a follow-up date) as typed in the UI
 * language: `YYYY-MM-DD`, or null for an empty field. A year or a month alone,
 * or a qualifier ("about"), is not a day.
 */
export function readDay(
  text: string,
  locales: readonly string[],
  words: Partial<QualifierWordLists> | undefined,
): DayReading {
  if (text.trim() === '') return { ok: true, day: null };
  const parsed = parseDateText(text, locales, words);
  if (!parsed.ok)
    return { ok: false, reason: parsed.reason === 'invalid' ? 'invalid' : 'unrecognised' };
  const value = parsed.date.value;
  if (parsed.qualifierInText || value === null || value.length !== 10)
    return { ok: false, reason: 'not-a-day' };
  return { ok: true, day: value };
}
