import { problem as named } from './issues';
import { z } from 'zod';

/**
 * Partial dates: what a researcher actually knows ("2024", "March 2024",
 * "about 15 March 2024", "before the trial in June 2024", "unknown").
 *
 * A partial date is a value of year, year-month or full-date precision with a
 * qualifier. Its canonical text form, used in the CLI, in documents and in
 * the vault, is:
 *
 *   2024 · 2024-03 · 2024-03-15       exact at that precision
 *   ~2024-03                          approximate
 *   before 2024-03 · after 2024       an open bound
 *   unknown                           no date at all
 *
 * Ordering (see `sortKey`): each date is placed at an anchor day with a tier
 * that breaks ties on that day.
 * - An exact or approximate date is anchored at the first day of its period;
 *   coarser dates come first ("2024" < "2024-01" < "2024-01-01"), and an
 *   approximate date comes right after the exact one of the same precision.
 * - "before X" is anchored at the first day of X with the lowest tier: it
 *   sorts immediately before X, the latest it could have happened.
 * - "after X" is anchored at the last day of X with the highest tier: it sorts
 *   immediately after X, the earliest it could have happened.
 * - "unknown" sorts after every dated entry.
 * Everything but an exact full date is marked uncertain in the timeline.
 */

export const DATE_QUALIFIERS = ['exact', 'approximate', 'before', 'after', 'unknown'] as const;
export type DateQualifier = (typeof DATE_QUALIFIERS)[number];
export type DatePrecision = 'year' | 'month' | 'day' | 'unknown';

export interface PartialDate {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null exactly when the qualifier is `unknown`. */
  value: string | null;
  qualifier: DateQualifier;
}

export const UNKNOWN_DATE: PartialDate = Object.freeze({ value: null, qualifier: 'unknown' });

export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;
/** Bounds of the open intervals that "before X" and "after X" stand for. */
export const MIN_DAY = '0000-01-01';
export const MAX_DAY = '9999-12-31';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const VALUE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Why a date value (`2024`, `2024-03`, `2024-03-15`) is not a real date, or null. */
export function dateValueProblem(value: string): string | null {
  const match = VALUE_PATTERN.exec(value);
  if (!match) {
    return `"${value}" is not a date: write it as 2024, 2024-03 or 2024-03-15`;
  }
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR)
    return `${value} is not a date Vigil accepts: the year must be between ${MIN_YEAR} and ${MAX_YEAR}`;
  if (match[2] === undefined) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return `${value} is not a date: there is no month ${match[2]}`;
  if (match[3] === undefined) return null;
  const day = Number(match[3]);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) {
    return `${value} is not a date: ${MONTHS[month - 1]} ${year} has ${days} days`;
  }
  return null;
}

export class PartialDateError extends Error {
  override readonly name = 'PartialDateError';
}

const APPROXIMATE_PREFIXES = [
  '~',
  'circa ',
  'circa',
  'ca. ',
  'ca.',
  'c. ',
  'c.',
  'approx. ',
  'approx ',
  'approximately ',
  'about ',
  'around ',
];
const BEFORE_PREFIXES = ['before ', '<'];
const AFTER_PREFIXES = ['after ', '>'];

function stripPrefix(text: string, prefixes: string[]): string | null {
  for (const prefix of prefixes)
    if (text.startsWith(prefix)) return text.slice(prefix.length).trim();
  return null;
}

const FORMS_HINT =
  'write 2024, 2024-03 or 2024-03-15, optionally preceded by ~ (approximate), "before " or "after ", or the word unknown';

/** Reads the text forms above (and `circa`, `<`, `>`, an EDTF `~` suffix, `?` for unknown). Throws PartialDateError. */
export function parsePartialDate(text: string): PartialDate {
  const input = text.trim().toLowerCase();
  if (input === '') throw new PartialDateError(`an empty date is not a date: ${FORMS_HINT}`);
  if (input === 'unknown' || input === '?') return { ...UNKNOWN_DATE };
  let qualifier: DateQualifier = 'exact';
  let rest: string | null;
  if ((rest = stripPrefix(input, BEFORE_PREFIXES)) !== null) qualifier = 'before';
  else if ((rest = stripPrefix(input, AFTER_PREFIXES)) !== null) qualifier = 'after';
  else if ((rest = stripPrefix(input, APPROXIMATE_PREFIXES)) !== null) qualifier = 'approximate';
  else if (input.endsWith('~')) {
    qualifier = 'approximate';
    rest = input.slice(0, -1).trim();
  } else rest = input;
  if (!VALUE_PATTERN.test(rest))
    throw new PartialDateError(`"${text.trim()}" is not a date: ${FORMS_HINT}`);
  const problem = dateValueProblem(rest);
  if (problem) throw new PartialDateError(problem);
  return { value: rest, qualifier };
}

export function tryParsePartialDate(
  text: string,
): { ok: true; date: PartialDate } | { ok: false; message: string } {
  try {
    return { ok: true, date: parsePartialDate(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** The canonical text form: `2024-03`, `~2024-03`, `before 2024-03`, `after 2024`, `unknown`. */
export function formatPartialDate(date: PartialDate): string {
  switch (date.qualifier) {
    case 'unknown':
      return 'unknown';
    case 'approximate':
      return `~${date.value}`;
    case 'before':
      return `before ${date.value}`;
    case 'after':
      return `after ${date.value}`;
    default:
      return date.value ?? 'unknown';
  }
}

export function precisionOf(date: PartialDate): DatePrecision {
  if (date.value === null) return 'unknown';
  return date.value.length === 4 ? 'year' : date.value.length === 7 ? 'month' : 'day';
}

/** First and last day a date value covers: `2024-02` → 2024-02-01 … 2024-02-29. */
export function valueRange(value: string): { first: string; last: string } {
  const [y, m, d] = value.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return { first: `${pad(y, 4)}-01-01`, last: `${pad(y, 4)}-12-31` };
  if (d === undefined) {
    return {
      first: `${pad(y, 4)}-${pad(m)}-01`,
      last: `${pad(y, 4)}-${pad(m)}-${pad(daysInMonth(y, m))}`,
    };
  }
  return { first: value, last: value };
}

function shiftDay(iso: string, delta: 1 | -1): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + delta));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * The days a date may fall on, inclusive: a period for an exact or approximate
 * date, an open interval for before/after, null when unknown. Search date
 * filters keep a record when this range overlaps the filter's.
 */
export function dateBounds(date: PartialDate): { lo: string; hi: string } | null {
  if (date.value === null) return null;
  const { first, last } = valueRange(date.value);
  switch (date.qualifier) {
    case 'before':
      return { lo: MIN_DAY, hi: shiftDay(first, -1) };
    case 'after':
      return { lo: shiftDay(last, 1), hi: MAX_DAY };
    default:
      return { lo: first, hi: last };
  }
}

const TIERS = { before: 0, year: 1, month: 3, day: 5, after: 8 } as const;

/** A string whose byte order is the timeline order described at the top of this file. */
export function sortKey(date: PartialDate): string {
  if (date.value === null) return '~';
  const { first, last } = valueRange(date.value);
  if (date.qualifier === 'before') return `${first}#${TIERS.before}`;
  if (date.qualifier === 'after') return `${last}#${TIERS.after}`;
  const precision = precisionOf(date) as 'year' | 'month' | 'day';
  return `${first}#${TIERS[precision] + (date.qualifier === 'approximate' ? 1 : 0)}`;
}

export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** True for everything but an exact full date. */
export function isUncertain(date: PartialDate): boolean {
  return date.qualifier !== 'exact' || precisionOf(date) !== 'day';
}

/**
 * Why `end` cannot end something that began at `start`, or null. Only an end
 * that is certainly earlier is refused: ranges that overlap ("2024-03" to
 * "2024-03-10") are fine, and approximate dates are compared as written.
 * The message follows the end field's name: "end (2024-03-01) is before the
 * start (2024-03-15)".
 */
export function endBeforeStartProblem(
  start: PartialDate,
  end: PartialDate,
  startName = 'the start',
): string | null {
  const s = dateBounds(start);
  const e = dateBounds(end);
  if (!s || !e) return null;
  if (e.hi < s.lo)
    return `(${formatPartialDate(end)}) is before ${startName} (${formatPartialDate(start)})`;
  return null;
}

function checkDateObject(date: { value: string | null; qualifier: DateQualifier }): string | null {
  if (date.qualifier === 'unknown')
    return date.value === null ? null : 'an unknown date has no value';
  if (date.value === null)
    return `a date qualified "${date.qualifier}" needs a value such as 2024-03`;
  return dateValueProblem(date.value);
}

/** A partial date, given as its text form or as `{value, qualifier}`; always parsed to the object. */
export const partialDateSchema: z.ZodType<PartialDate, unknown> = z
  .union([
    z.string().max(64, { message: 'is not a date (too long)' }),
    z
      .object({
        value: z.string().max(10).nullable(),
        qualifier: z.enum(DATE_QUALIFIERS),
      })
      .strict(),
  ])
  .transform((input, ctx): PartialDate => {
    if (typeof input === 'string') {
      const parsed = tryParsePartialDate(input);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.message, params: named('not-a-date') });
        return z.NEVER;
      }
      return parsed.date;
    }
    const problem = checkDateObject(input);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem, params: named('not-a-date') });
      return z.NEVER;
    }
    return { value: input.value, qualifier: input.qualifier };
  });

/** A full calendar date (`YYYY-MM-DD`), e.g. a consent date or a deadline. */
export const isoDaySchema = z.string().superRefine((value, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value.slice(0, 40)}" is not a full date (YYYY-MM-DD)`,
      params: named('not-a-date'),
    });
    return;
  }
  const problem = dateValueProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: named('not-a-date') });
});

/** The day of `date` in the local time zone, as `YYYY-MM-DD` (what the user calls today). */
export function localIsoDay(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Today's date (UTC) as `YYYY-MM-DD`. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}
