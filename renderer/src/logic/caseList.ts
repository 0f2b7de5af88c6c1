import { foldLetters } from '../../../shared/domain/searchText';

/**
 * Filtering and sorting of the case list in memory (ten thousand rows take
 * a millisecond or two, so the list answers as the user types). Pure.
 */
export interface CaseRow {
  id: string;
  reference: string;
  title: string;
  status: string;
  countries: readonly string[];
  tags: readonly string[];
  updatedAt: string;
  createdAt: string;
  /** When anything in the case last changed (its records included): what "updated" sorts by. */
  lastChange: string;
  counts: { persons: number; events: number; testimonies: number; interventions: number };
}

export const CASE_SORT_KEYS = [
  'reference',
  'title',
  'status',
  'updated',
  'persons',
  'events',
  'testimonies',
] as const;
export type CaseSortKey = (typeof CASE_SORT_KEYS)[number];

export interface CaseFilter {
  text: string;
  status: string | null;
  country: string | null;
  /** Cases with an event of the chosen type, when that filter is on. */
  ids: ReadonlySet<string> | null;
}

/** Case, accents and Arabic letter variants do not matter when finding a case. */
export function foldForFilter(text: string): string {
  return foldLetters(text.normalize('NFC')).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function searchKeyOf(row: CaseRow): string {
  return foldForFilter([row.reference, row.title, ...row.tags].join(' '));
}

export function filterCases<R extends CaseRow>(
  rows: readonly R[],
  keys: ReadonlyMap<string, string>,
  filter: CaseFilter,
): R[] {
  const words = foldForFilter(filter.text).split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filter.status && row.status !== filter.status) return false;
    if (filter.country && !row.countries.includes(filter.country)) return false;
    if (filter.ids && !filter.ids.has(row.id)) return false;
    if (words.length === 0) return true;
    const key = keys.get(row.id) ?? searchKeyOf(row);
    return words.every((word) => key.includes(word));
  });
}

export function sortCases<R extends CaseRow>(
  rows: readonly R[],
  key: CaseSortKey,
  descending: boolean,
  collator: Intl.Collator,
  statusLabel: (id: string) => string = (id) => id,
): R[] {
  const compare = (a: R, b: R): number => {
    switch (key) {
      case 'reference':
        return collator.compare(a.reference, b.reference);
      case 'title':
        return collator.compare(a.title, b.title);
      case 'status':
        return collator.compare(statusLabel(a.status), statusLabel(b.status));
      case 'updated':
        return a.lastChange < b.lastChange ? -1 : a.lastChange > b.lastChange ? 1 : 0;
      default:
        return a.counts[key] - b.counts[key];
    }
  };
  const sign = descending ? -1 : 1;
  return [...rows].sort(
    (a, b) => sign * compare(a, b) || collator.compare(a.reference, b.reference),
  );
}
