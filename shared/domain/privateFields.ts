import type { RecordKind } from './vocabCheck';

/**
 * Fields that identify, locate or reach a person, or are internal working
 * notes. They stay in the vault: the dossier exporter withholds them unless
 * the user explicitly asks (`--include-private`), and lists what it withheld.
 * Paths use `[]` for "every item of a list".
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
    { path: 'notes', reason: 'internal notes' },
    { path: 'consent.notes', reason: 'internal notes on consent' },
  ],
  event: [
    { path: 'location.latitude', reason: 'exact coordinates' },
    { path: 'location.longitude', reason: 'exact coordinates' },
  ],
  testimony: [
    { path: 'interviewer', reason: 'who took the testimony' },
    { path: 'place', reason: 'where the witness was interviewed' },
    { path: 'consent.notes', reason: 'internal notes on consent' },
  ],
  intervention: [{ path: 'notes', reason: 'internal notes' }],
};

export function isPrivateField(kind: RecordKind, path: string): boolean {
  return PRIVATE_FIELDS[kind].some(
    (f) => f.path === path || path.startsWith(`${f.path}.`) || path.startsWith(`${f.path}[`),
  );
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

function withhold(target: unknown, parts: string[], at: string, withheld: string[]): unknown {
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
      [key]: list.map((item, i) => withhold(item, rest, `${path}[${i}]`, withheld)),
    };
  }
  if (rest.length > 0) return { ...obj, [key]: withhold(obj[key], rest, path, withheld) };
  if (!isEmpty(obj[key])) withheld.push(path);
  return { ...obj, [key]: blank(obj[key]) };
}

/**
 * A copy of `record` with its private fields emptied, and the paths that held
 * something (for the exporter's list of withheld information).
 */
export function withholdPrivate<T>(kind: RecordKind, record: T): { record: T; withheld: string[] } {
  const withheld: string[] = [];
  let out: unknown = record;
  for (const field of PRIVATE_FIELDS[kind])
    out = withhold(out, field.path.split('.'), '', withheld);
  return { record: out as T, withheld };
}
