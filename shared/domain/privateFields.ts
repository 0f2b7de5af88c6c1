import type { RecordKind } from './vocabCheck';

/**
 * Two kinds of fields that do not travel like the facts of a case:
 * - private fields identify, locate or reach a person (contacts, addresses,
 *   document numbers, exact coordinates, who interviewed whom and where):
 *   an export carries them only when the user explicitly asks
 *   (`--include-private`), and never to the public;
 * - internal fields are the organisation's working data (notes, tags,
 *   statuses, reliability assessments, consent terms, follow-up dates): only
 *   an export for partner organisations carries them.
 * Which audience gets which is decided in one place, `audienceRule`
 * (./audience.ts). Paths use `[]` for "every item of a list".
 */
export interface PrivateField {
  path: string;
  reason: string;
}

export const PRIVATE_FIELDS: Readonly<Record<RecordKind, readonly PrivateField[]>> = {
  case: [],
  person: [
    { path: 'contact', reason: 'contact details' },
    { path: 'residence', reason: 'address of residence' },
    { path: 'identityDocuments[].number', reason: 'identity document number' },
  ],
  event: [
    { path: 'location.latitude', reason: 'exact coordinates' },
    { path: 'location.longitude', reason: 'exact coordinates' },
  ],
  testimony: [
    { path: 'interviewer', reason: 'who took the testimony' },
    { path: 'place', reason: 'where the witness was interviewed' },
  ],
  intervention: [],
};

/** The consent terms themselves: the recipient learns how the record may be used, which is internal. */
const CONSENT_TERMS: readonly PrivateField[] = [
  { path: 'consent.scope', reason: 'consent terms' },
  { path: 'consent.mechanisms', reason: 'consent terms' },
  { path: 'consent.naming', reason: 'consent terms' },
  { path: 'consent.pseudonym', reason: 'consent terms' },
  { path: 'consent.notes', reason: 'internal notes on consent' },
];

export const INTERNAL_FIELDS: Readonly<Record<RecordKind, readonly PrivateField[]>> = {
  case: [
    { path: 'status', reason: 'case status' },
    { path: 'tags', reason: 'internal tags' },
    { path: 'confidentiality', reason: 'confidentiality level' },
  ],
  person: [{ path: 'notes', reason: 'internal notes' }, ...CONSENT_TERMS],
  event: [
    { path: 'sources[].reliability', reason: 'reliability assessment' },
    { path: 'perpetrators[].notes', reason: 'internal notes' },
    { path: 'detention.places[].notes', reason: 'internal notes' },
  ],
  testimony: CONSENT_TERMS,
  intervention: [
    { path: 'notes', reason: 'internal notes' },
    { path: 'status', reason: 'status' },
    { path: 'followUpOn', reason: 'follow-up date' },
  ],
};

const under = (fields: readonly PrivateField[], path: string) =>
  fields.some(
    (f) => f.path === path || path.startsWith(`${f.path}.`) || path.startsWith(`${f.path}[`),
  );

export function isInternalField(kind: RecordKind, path: string): boolean {
  return under(INTERNAL_FIELDS[kind], path);
}

export function isPrivateField(kind: RecordKind, path: string): boolean {
  return under(PRIVATE_FIELDS[kind], path);
}

/** The empty value of the same shape: '' for text, null for numbers and dates, [] for lists. */
function blank(value: unknown): unknown {
  if (typeof value === 'string') return '';
  if (Array.isArray(value)) return [];
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, blank(v)]),
    );
  }
  return typeof value === 'boolean' ? value : null;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>).every(isEmpty);
  return false;
}

function withhold(
  target: unknown,
  parts: string[],
  at: string,
  withheld: string[],
  remove: boolean,
): unknown {
  if (target === null || typeof target !== 'object') return target;
  const [head, ...rest] = parts;
  if (head === undefined) return target;
  const each = head.endsWith('[]');
  const key = each ? head.slice(0, -2) : head;
  const obj = target as Record<string, unknown>;
  if (!(key in obj)) return target;
  const path = at ? `${at}.${key}` : key;
  if (each) {
    const list = obj[key];
    if (!Array.isArray(list)) return target;
    return {
      ...obj,
      [key]: list.map((item, i) => withhold(item, rest, `${path}[${i}]`, withheld, remove)),
    };
  }
  if (rest.length > 0) return { ...obj, [key]: withhold(obj[key], rest, path, withheld, remove) };
  if (!isEmpty(obj[key])) withheld.push(path);
  if (remove) {
    const copy = { ...obj };
    delete copy[key];
    return copy;
  }
  return { ...obj, [key]: blank(obj[key]) };
}

/**
 * A copy of `record` without the given fields: emptied (same shape, so the
 * record stays valid), or removed altogether; and the paths that held
 * something (for the sender's withholding report).
 */
export function withholdFields<T>(
  record: T,
  fields: readonly PrivateField[],
  mode: 'empty' | 'remove' = 'empty',
): { record: T; withheld: { path: string; reason: string }[] } {
  const withheld: { path: string; reason: string }[] = [];
  let out: unknown = record;
  for (const field of fields) {
    const paths: string[] = [];
    out = withhold(out, field.path.split('.'), '', paths, mode === 'remove');
    for (const path of paths) withheld.push({ path, reason: field.reason });
  }
  return { record: out as T, withheld };
}

/**
 * A copy of `record` with its private fields emptied, and the paths that held
 * something (for the exporter's list of withheld information).
 */
export function withholdPrivate<T>(kind: RecordKind, record: T): { record: T; withheld: string[] } {
  const result = withholdFields(record, PRIVATE_FIELDS[kind]);
  return { record: result.record, withheld: result.withheld.map((w) => w.path) };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function restore(theirs: unknown, ours: unknown, parts: string[]): unknown {
  const [head, ...rest] = parts;
  if (head === undefined) {
    // Within an object (contact details), each part is kept on its own.
    if (isPlainObject(theirs) && isPlainObject(ours))
      return Object.fromEntries(
        Object.keys({ ...ours, ...theirs }).map((k) => [k, restore(theirs[k], ours[k], [])]),
      );
    return isEmpty(theirs) && !isEmpty(ours) ? ours : theirs;
  }
  if (!theirs || typeof theirs !== 'object' || !ours || typeof ours !== 'object') return theirs;
  const each = head.endsWith('[]');
  const key = each ? head.slice(0, -2) : head;
  const mine = (ours as Record<string, unknown>)[key];
  const their = (theirs as Record<string, unknown>)[key];
  if (each) {
    // Items are matched by position, and only while both lists are as long: a partner who
    // added or removed items reshaped the list, and guessing which item is which could misplace a value.
    if (!Array.isArray(their) || !Array.isArray(mine) || their.length !== mine.length)
      return theirs;
    return { ...theirs, [key]: their.map((item, i) => restore(item, mine[i], rest)) };
  }
  return { ...theirs, [key]: restore(their, mine, rest) };
}

/**
 * A partner's version of a record with the private fields that did not go
 * to the partner taken back from the local record: a value the partner never
 * received comes back empty, and that must not erase it here. Only empty
 * values are filled; a value the partner gave is kept.
 */
export function keepPrivateFrom<T>(kind: RecordKind, theirs: T, ours: unknown): T {
  let out: unknown = theirs;
  for (const field of PRIVATE_FIELDS[kind]) out = restore(out, ours, field.path.split('.'));
  return out as T;
}
