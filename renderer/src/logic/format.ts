import type { PartialDate } from '../../../shared/domain/partialDate';

/**
 * Dates and numbers in the reader's language, with Intl. Pure functions of
 * their arguments (the unit tests run them under Node).
 */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

export function formatBytes(bytes: number, locale: string): string {
  const units = [
    ['byte', 1],
    ['kilobyte', 1024],
    ['megabyte', 1024 ** 2],
    ['gigabyte', 1024 ** 3],
  ] as const;
  let chosen: (typeof units)[number] = units[0];
  for (const unit of units) if (bytes >= unit[1]) chosen = unit;
  const value = bytes / chosen[1];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: chosen[0],
    // Bytes in words, with the language's plural ("620 bytes", not "620 byte"); larger units short.
    unitDisplay: chosen[0] === 'byte' ? 'long' : 'short',
    maximumFractionDigits: chosen[0] === 'byte' ? 0 : 1,
  }).format(value);
}

/** A timestamp (ISO 8601) as a local date and time. */
export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A calendar day (YYYY-MM-DD), shown without any time-zone shift. */
export function formatDay(day: string, locale: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** The period a date value names, at its own precision: "2024", "March 2024", "15 March 2024". */
export function formatDateValue(value: string, locale: string): string {
  const [y, m, d] = value.split('-').map(Number) as [number, number?, number?];
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  date.setUTCFullYear(y);
  const options: Intl.DateTimeFormatOptions =
    m === undefined
      ? { year: 'numeric' }
      : d === undefined
        ? { year: 'numeric', month: 'long' }
        : { year: 'numeric', month: 'long', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
}

export interface QualifierWords {
  /** Each receives the formatted period and returns the phrase, e.g. "about March 2024". */
  approximate: (date: string) => string;
  before: (date: string) => string;
  after: (date: string) => string;
  unknown: string;
}

export function formatPartialDate(
  date: PartialDate | null,
  locale: string,
  words: QualifierWords,
): string {
  if (!date || date.value === null || date.qualifier === 'unknown') return words.unknown;
  const period = formatDateValue(date.value, locale);
  switch (date.qualifier) {
    case 'approximate':
      return words.approximate(period);
    case 'before':
      return words.before(period);
    case 'after':
      return words.after(period);
    default:
      return period;
  }
}

/** "ABCD1234…" in groups of four, for people to compare by eye (left to right in every language). */
export function groupFingerprint(fingerprint: string): string[] {
  return (
    fingerprint
      .replace(/\s+/g, '')
      .toUpperCase()
      .match(/.{1,4}/g) ?? []
  );
}

/** Items joined as the language joins a list ("a, b and c"; Arabic "أ وب"), never a Latin "; ". */
export function formatList(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}
