import {
  dateBounds,
  formatPartialDate,
  MAX_DAY,
  MIN_DAY,
  parsePartialDate,
  sortKey,
  type PartialDate,
} from '../../../shared/domain/partialDate';

/** Partial dates are stored in their canonical text form. */
export const dateToDb = (date: PartialDate | null): string | null =>
  date ? formatPartialDate(date) : null;
export const dateFromDb = (text: string | null): PartialDate | null =>
  text === null ? null : parsePartialDate(text);

/**
 * The days a record may cover, for date filters: from the earliest day of
 * its start to the latest of its end (or of its start when it has no end;
 * open-ended when ongoing). Null bounds when nothing is known.
 */
export function spanOf(
  start: PartialDate | null,
  end: PartialDate | null = null,
  ongoing = false,
): { lo: string | null; hi: string | null; sortKey: string } {
  const key = start ? sortKey(start) : '~';
  const s = start ? dateBounds(start) : null;
  const e = end ? dateBounds(end) : null;
  if (!s && !e) return { lo: null, hi: null, sortKey: key };
  const lo = s ? s.lo : MIN_DAY;
  let hi: string;
  if (ongoing) hi = MAX_DAY;
  else if (e) hi = e.hi;
  // An end exists but is not known: it may be any time later.
  else if (end) hi = MAX_DAY;
  else hi = s!.hi;
  return { lo, hi, sortKey: key };
}
