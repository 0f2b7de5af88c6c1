import {
  comparePartialDates,
  type Answer,
  type CaseDocument,
  type DocumentEvent,
  type PartialDate,
} from '../../../../shared/domain';

/**
 * What the case records say about each detained person's arrest and
 * detention, read the way the WGAD model questionnaire asks for it (parts II
 * and III). Pure: no words, no formatting; the questionnaire turns these
 * facts into cells, and marks what is absent.
 *
 * How the records map:
 * - an arrest is an event of an arrest type (arbitrary arrest, abduction)
 *   with the person among its victims; a detention, an event of a detention
 *   type, or any other event carrying detention details;
 * - the deprivation of liberty starts at the earliest arrest or detention;
 * - it ends at a release event naming the person, else at the end date of the
 *   last detention; with no end recorded anywhere (or an event marked
 *   ongoing) the person is still held, and the document says so;
 * - places of detention are those of the person's arrests and detentions, in
 *   the order of their dates; a place that names its detainees counts only
 *   for them; while the person is still held, a place with no end date is the
 *   present place;
 * - forces, authorities, reasons and legal basis of the detention come from
 *   the detention events, else from the arrest (one record may describe
 *   both, as the event schema allows).
 */

export const ARREST_TYPES: ReadonlySet<string> = new Set(['arbitrary-arrest', 'abduction']);
export const DETENTION_TYPES: ReadonlySet<string> = new Set([
  'arbitrary-detention',
  'incommunicado-detention',
  'enforced-disappearance',
  'house-arrest',
]);
export const RELEASE_TYPE = 'release';

export const isArrest = (e: DocumentEvent): boolean => ARREST_TYPES.has(e.eventType);
export const isDetention = (e: DocumentEvent): boolean =>
  DETENTION_TYPES.has(e.eventType) || (e.detention !== null && !isArrest(e));
const concerns = (e: DocumentEvent, personId: string) => e.victims.includes(personId);

export interface PlaceFact {
  name: string;
  placeType: string | null;
  country: string | null;
  from: PartialDate | null;
  to: PartialDate | null;
  /** The person is still held here. */
  present: boolean;
}

export interface DetaineeFacts {
  personId: string;
  /** The event part II describes: the first arrest, else the first detention. */
  arrest: DocumentEvent | null;
  /** Every arrest and detention of the person, in date order. */
  deprivations: DocumentEvent[];
  /** A release event naming the person, when one is recorded. */
  release: DocumentEvent | null;
  /** When the deprivation of liberty began (null when no date is known). */
  start: PartialDate | null;
  /** When it ended, for a person no longer held. */
  end: PartialDate | null;
  stillHeld: boolean;
  places: PlaceFact[];
  /** Part III's details, each value once, in the order first recorded. */
  holdingForces: string[];
  orderingAuthorities: string[];
  reasons: string[];
  legalBasis: string[];
  /** Answers about the detention, when any event gives one ('no' wins over 'yes'). */
  legalCounsel: Answer;
  familyInformed: Answer;
  broughtBeforeJudge: Answer;
}

const known = (d: PartialDate | null | undefined): d is PartialDate =>
  Boolean(d && d.qualifier !== 'unknown' && d.value !== null);

/** Each non-empty value once, compared without case or surrounding space. */
export function distinct(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const text = value.trim();
    const key = text.toLocaleLowerCase();
    if (!text || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

function combine(answers: readonly Answer[]): Answer {
  if (answers.includes('no')) return 'no';
  if (answers.includes('yes')) return 'yes';
  return 'unknown';
}

function byStart(a: DocumentEvent, b: DocumentEvent): number {
  if (!known(a.start) || !known(b.start)) return known(a.start) ? -1 : known(b.start) ? 1 : 0;
  return comparePartialDates(a.start, b.start);
}

/** The persons the questionnaire covers: victims of an arrest or a detention, in the order recorded. */
export function detainedPersonIds(document: CaseDocument): string[] {
  const events = document.events.filter((e) => isArrest(e) || isDetention(e));
  return document.persons.filter((p) => events.some((e) => concerns(e, p.id))).map((p) => p.id);
}

export function detaineeFacts(document: CaseDocument, personId: string): DetaineeFacts {
  const mine = document.events.filter((e) => concerns(e, personId));
  const arrests = mine.filter(isArrest).sort(byStart);
  const detentions = mine.filter(isDetention).sort(byStart);
  const deprivations = [...arrests, ...detentions].sort(byStart);
  const firstDated = deprivations.find((e) => known(e.start)) ?? null;
  const start = firstDated?.start ?? null;

  // A release counts when it is not dated before the deprivation began.
  const release =
    mine
      .filter((e) => e.eventType === RELEASE_TYPE)
      .filter((e) => !start || !known(e.start) || comparePartialDates(e.start, start) >= 0)
      .sort(byStart)
      .at(-1) ?? null;
  const periods = detentions.length > 0 ? detentions : arrests;
  const last = periods.at(-1);
  const endOfLast = last && !last.ongoing && known(last.end) ? last.end : null;
  const stillHeld =
    release === null && (periods.some((e) => e.ongoing) || (last !== undefined && !endOfLast));
  const end = stillHeld ? null : known(release?.start) ? release.start : endOfLast;

  const places: PlaceFact[] = deprivations
    .flatMap((e) => e.detention?.places ?? [])
    .filter((p) => p.detainees.length === 0 || p.detainees.includes(personId))
    .map((p) => ({
      name: p.name,
      placeType: p.placeType,
      country: p.country,
      from: p.from,
      to: p.to,
      present: false,
    }));
  // Stable order by start; places without a start keep their recorded place.
  const ordered = places
    .map((p, i) => ({ p, i }))
    .sort((a, b) =>
      known(a.p.from) && known(b.p.from)
        ? comparePartialDates(a.p.from, b.p.from) || a.i - b.i
        : a.i - b.i,
    )
    .map(({ p }) => p);
  if (stillHeld) {
    const open = ordered.filter((p) => !known(p.to));
    const present = open.at(-1);
    if (present) present.present = true;
  }

  const details = (detentions.some((e) => e.detention) ? detentions : deprivations).flatMap((e) =>
    e.detention ? [e.detention] : [],
  );
  const all = deprivations.flatMap((e) => (e.detention ? [e.detention] : []));
  return {
    personId,
    arrest: arrests[0] ?? detentions[0] ?? null,
    deprivations,
    release,
    start,
    end,
    stillHeld,
    places: dedupePlaces(ordered),
    holdingForces: distinct(details.map((d) => d.forces)),
    orderingAuthorities: distinct(details.map((d) => d.authority)),
    reasons: distinct(details.map((d) => d.reasonsImputed)),
    legalBasis: distinct(details.map((d) => d.legalBasis)),
    legalCounsel: combine(all.map((d) => d.legalCounsel)),
    familyInformed: combine(all.map((d) => d.familyInformed)),
    broughtBeforeJudge: combine(all.map((d) => d.broughtBeforeJudge)),
  };
}

/** The same place recorded twice with the same dates (an arrest and a detention both naming it) counts once. */
function dedupePlaces(places: PlaceFact[]): PlaceFact[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = JSON.stringify([p.name.toLocaleLowerCase(), p.from, p.to]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whole years between two days (YYYY-MM-DD), for an age at a date. */
export function yearsBetween(from: string, to: string): number | null {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number?, number?];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number?, number?];
  if (fm === undefined || fd === undefined || tm === undefined || td === undefined) return null;
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years >= 0 ? years : null;
}

export interface Span {
  years: number;
  months: number;
  days: number;
  /** The start or end is only known to the month or year, or approximately. */
  approximate: boolean;
}

/**
 * The length of a period from a partial date to another (or to `until`, a
 * day), at the precision the dates allow: days when both are exact days,
 * else months, else years. Null when it cannot be said.
 */
export function spanBetween(
  start: PartialDate | null,
  end: PartialDate | null,
  until: string,
): Span | null {
  if (!known(start)) return null;
  if (start.qualifier === 'before' || start.qualifier === 'after') return null;
  const to = end
    ? known(end) && end.qualifier !== 'before' && end.qualifier !== 'after'
      ? end
      : null
    : null;
  if (end && !to) return null;
  const a = start.value!;
  const b = to ? to.value! : until;
  const approximate =
    start.qualifier === 'approximate' ||
    to?.qualifier === 'approximate' ||
    a.length < 10 ||
    (to !== null && b.length < 10);
  const [ay, am = 1, ad = 1] = a.split('-').map(Number) as [number, number?, number?];
  const [by, bm = 1, bd = 1] = b.split('-').map(Number) as [number, number?, number?];
  const precision = Math.min(a.length, b.length);
  if (precision === 4) {
    const years = by - ay;
    return years >= 0 ? { years, months: 0, days: 0, approximate: true } : null;
  }
  let months = (by - ay) * 12 + (bm - am);
  if (precision === 7) {
    if (months < 0) return null;
    return { years: Math.floor(months / 12), months: months % 12, days: 0, approximate: true };
  }
  let days = bd - ad;
  if (days < 0) {
    months -= 1;
    days += new Date(Date.UTC(by, bm - 1, 0)).getUTCDate();
  }
  if (months < 0) return null;
  // Spans of a year or more are said in years and months; shorter ones keep their days.
  if (months >= 12)
    return { years: Math.floor(months / 12), months: months % 12, days: 0, approximate };
  return { years: 0, months, days, approximate };
}
