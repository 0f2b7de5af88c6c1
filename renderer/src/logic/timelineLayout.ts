import { valueRange, type PartialDate } from '../../../shared/domain/partialDate';

/**
 * Places timeline entries on a time axis, keeping what is not known visible:
 * an exact day is a point; a month or a year is a band over the whole
 * period; "about" widens the band; "before" and "after" are open-ended
 * arrows; an event with an end (or still going on) is a bar. Positions are
 * days since 1970-01-01 (UTC). Pure; the component draws and mirrors it.
 */
export type MarkShape = 'point' | 'period' | 'approximate' | 'before' | 'after' | 'span';

export interface LayoutInput {
  id: string;
  date: PartialDate;
  end: PartialDate | null;
  ongoing?: boolean;
}

export interface Mark {
  id: string;
  shape: MarkShape;
  /** Days, inclusive start and exclusive end. */
  from: number;
  to: number;
  /** The start or end is uncertain (drawn fuzzy). */
  fuzzyStart: boolean;
  fuzzyEnd: boolean;
  ongoing: boolean;
  lane: number;
}

export interface Tick {
  day: number;
  label: { year: number; month: number | null };
}

export interface Layout {
  marks: Mark[];
  undated: string[];
  from: number;
  to: number;
  lanes: number;
  ticks: Tick[];
}

const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, m - 1, d));
  date.setUTCFullYear(y);
  return Math.round(date.getTime() / DAY_MS);
}

export function dayToDate(day: number): Date {
  return new Date(day * DAY_MS);
}

function periodOf(date: PartialDate): { first: number; last: number } | null {
  if (date.value === null || date.qualifier === 'unknown') return null;
  const { first, last } = valueRange(date.value);
  return { first: dayNumber(first), last: dayNumber(last) + 1 };
}

/** How far "about" reaches either side of a period, and how long an open arrow is drawn. */
function fuzz(period: { first: number; last: number }): number {
  return Math.max(7, Math.round((period.last - period.first) * 0.25));
}

function place(entry: LayoutInput, today: number, span: number): Omit<Mark, 'lane'> | null {
  const start = periodOf(entry.date);
  if (!start) return null;
  const arrow = Math.max(30, Math.round(span * 0.08));
  const base = { id: entry.id, ongoing: Boolean(entry.ongoing) };
  const endPeriod = entry.end ? periodOf(entry.end) : null;
  if (endPeriod || entry.ongoing) {
    const to = endPeriod
      ? entry.end?.qualifier === 'before'
        ? endPeriod.first
        : endPeriod.last
      : Math.max(today, start.last);
    return {
      ...base,
      shape: 'span',
      from: entry.date.qualifier === 'after' ? start.last : start.first,
      to: Math.max(to, start.first + 1),
      fuzzyStart: entry.date.qualifier !== 'exact' || entry.date.value!.length < 10,
      fuzzyEnd:
        Boolean(entry.ongoing) ||
        (entry.end !== null &&
          (entry.end.qualifier !== 'exact' || (entry.end.value?.length ?? 0) < 10)),
    };
  }
  switch (entry.date.qualifier) {
    case 'before':
      return {
        ...base,
        shape: 'before',
        from: start.first - arrow,
        to: start.first,
        fuzzyStart: true,
        fuzzyEnd: false,
      };
    case 'after':
      return {
        ...base,
        shape: 'after',
        from: start.last,
        to: start.last + arrow,
        fuzzyStart: false,
        fuzzyEnd: true,
      };
    case 'approximate': {
      const f = fuzz(start);
      return {
        ...base,
        shape: 'approximate',
        from: start.first - f,
        to: start.last + f,
        fuzzyStart: true,
        fuzzyEnd: true,
      };
    }
    default:
      if (start.last - start.first <= 1)
        return {
          ...base,
          shape: 'point',
          from: start.first,
          to: start.last,
          fuzzyStart: false,
          fuzzyEnd: false,
        };
      return {
        ...base,
        shape: 'period',
        from: start.first,
        to: start.last,
        fuzzyStart: true,
        fuzzyEnd: true,
      };
  }
}

function ticksFor(from: number, to: number): Tick[] {
  const first = dayToDate(from);
  const last = dayToDate(to);
  const years = last.getUTCFullYear() - first.getUTCFullYear();
  const ticks: Tick[] = [];
  if (years <= 2) {
    const stepMonths = years === 0 ? 1 : 3;
    const cursor = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1));
    while (cursor.getTime() <= last.getTime()) {
      const day = Math.round(cursor.getTime() / DAY_MS);
      if (day >= from && cursor.getUTCMonth() % stepMonths === 0)
        ticks.push({
          day,
          label: { year: cursor.getUTCFullYear(), month: cursor.getUTCMonth() + 1 },
        });
      cursor.setUTCMonth(cursor.getUTCMonth() + 1);
    }
    return ticks;
  }
  const step = years <= 12 ? 1 : years <= 30 ? 5 : 10;
  for (
    let year = Math.ceil(first.getUTCFullYear() / step) * step;
    year <= last.getUTCFullYear();
    year += step
  ) {
    const day = dayNumber(`${String(year).padStart(4, '0')}-01-01`);
    if (day >= from) ticks.push({ day, label: { year, month: null } });
  }
  return ticks;
}

export function layoutTimeline(entries: readonly LayoutInput[], todayIso: string): Layout {
  const today = dayNumber(todayIso);
  const periods = entries
    .map((e) => periodOf(e.date))
    .filter((p): p is { first: number; last: number } => p !== null);
  const undated = entries.filter((e) => !periodOf(e.date)).map((e) => e.id);
  if (periods.length === 0)
    return {
      marks: [],
      undated,
      from: today - 365,
      to: today,
      lanes: 0,
      ticks: ticksFor(today - 365, today),
    };
  const lo = Math.min(...periods.map((p) => p.first));
  const hi = Math.max(
    ...periods.map((p) => p.last),
    ...entries.filter((e) => e.ongoing).map(() => today),
  );
  const span = Math.max(hi - lo, 60);
  const placed = entries
    .map((e) => place(e, today, span))
    .filter((m): m is Omit<Mark, 'lane'> => m !== null);
  const from = Math.min(...placed.map((m) => m.from)) - Math.round(span * 0.03);
  const to = Math.max(...placed.map((m) => m.to)) + Math.round(span * 0.03);
  // Greedy lanes: each mark goes in the first lane whose last mark ends before it starts (with a gap for labels).
  const gap = Math.round((to - from) * 0.12);
  const laneEnds: number[] = [];
  const marks = placed
    .map((m) => ({ ...m, lane: 0 }))
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((m) => {
      let lane = laneEnds.findIndex((end) => end + gap <= m.from);
      if (lane < 0) lane = laneEnds.push(0) - 1;
      laneEnds[lane] = Math.max(m.to, m.from + gap);
      return { ...m, lane };
    });
  return { marks, undated, from, to, lanes: laneEnds.length, ticks: ticksFor(from, to) };
}
