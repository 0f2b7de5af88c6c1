import { describe, expect, it } from 'vitest';
import {
  filterCases,
  searchKeyOf,
  sortCases,
  type CaseRow,
} from '../../../renderer/src/logic/caseList';
import { addDays, daysUntil, deadlineState } from '../../../renderer/src/logic/deadlines';
import {
  formatBytes,
  formatDateValue,
  formatPartialDate,
  groupFingerprint,
} from '../../../renderer/src/logic/format';
import { groupByRisk, removedKeys } from '../../../renderer/src/logic/metadataGroups';
import { confirmationIndex, groupMatches } from '../../../renderer/src/logic/recoveryKey';
import { layoutTimeline } from '../../../renderer/src/logic/timelineLayout';

const words = {
  approximate: (d: string) => `about ${d}`,
  before: (d: string) => `before ${d}`,
  after: (d: string) => `after ${d}`,
  unknown: 'date unknown',
};

describe('formatting per locale', () => {
  it('formats partial dates at their own precision, with the qualifier', () => {
    expect(formatPartialDate({ value: '2024-03', qualifier: 'approximate' }, 'en', words)).toBe(
      'about March 2024',
    );
    expect(formatPartialDate({ value: '2024', qualifier: 'before' }, 'en', words)).toBe(
      'before 2024',
    );
    expect(formatPartialDate({ value: null, qualifier: 'unknown' }, 'en', words)).toBe(
      'date unknown',
    );
    expect(formatDateValue('2024-03-15', 'fr')).toBe('15 mars 2024');
    expect(formatDateValue('2024-03', 'ru')).toMatch(/март/i);
    expect(formatDateValue('2024-03', 'ar')).toContain('مارس');
    expect(formatDateValue('0999', 'en')).toBe('999');
  });

  it('formats sizes and groups fingerprints in fours', () => {
    // Bytes in words with the plural of each language, never "620 byte".
    expect(formatBytes(620, 'en')).toBe('620 bytes');
    expect(formatBytes(1, 'en')).toBe('1 byte');
    expect(formatBytes(620, 'fr')).toMatch(/^620\soctets$/u);
    expect(formatBytes(620, 'ru')).toBe('620 байт');
    expect(formatBytes(1023, 'es')).toMatch(/^1\.?023 bytes$/);
    expect(formatBytes(9609, 'en')).toBe('9.4 kB');
    expect(groupFingerprint('abcd 1234ef567890')).toEqual(['ABCD', '1234', 'EF56', '7890']);
  });
});

describe('the case list', () => {
  const row = (reference: string, title: string, extra: Partial<CaseRow> = {}): CaseRow => ({
    id: reference,
    reference,
    title,
    status: 'open',
    countries: [],
    tags: [],
    createdAt: '2024-01-01T00:00:00Z',
    updatedAt: '2024-01-01T00:00:00Z',
    lastChange: '2024-01-01T00:00:00Z',
    counts: { persons: 0, events: 0, testimonies: 0, interventions: 0 },
    ...extra,
  });
  const rows = [
    row('VIG-2', 'Détention de Mme Haddad', { status: 'closed', countries: ['EG'] }),
    row('VIG-10', 'اعتقال أحمد', { tags: ['urgent'] }),
    row('VIG-1', 'Arrest in Minsk', { countries: ['BY'] }),
  ];
  const keys = new Map(rows.map((r) => [r.id, searchKeyOf(r)]));

  it('finds by any word, ignoring case, accents and Arabic letter variants', () => {
    const find = (text: string) =>
      filterCases(rows, keys, { text, status: null, country: null, ids: null }).map((r) => r.id);
    expect(find('detention')).toEqual(['VIG-2']);
    expect(find('احمد')).toEqual(['VIG-10']);
    expect(find('URGENT')).toEqual(['VIG-10']);
    expect(find('vig-1')).toEqual(['VIG-10', 'VIG-1']);
    expect(
      filterCases(rows, keys, { text: '', status: 'closed', country: null, ids: null }).map(
        (r) => r.id,
      ),
    ).toEqual(['VIG-2']);
    expect(
      filterCases(rows, keys, { text: '', status: null, country: 'BY', ids: null }).map(
        (r) => r.id,
      ),
    ).toEqual(['VIG-1']);
    expect(
      filterCases(rows, keys, {
        text: '',
        status: null,
        country: null,
        ids: new Set(['VIG-10']),
      }).map((r) => r.id),
    ).toEqual(['VIG-10']);
  });

  it("sorts references numerically and titles in the reader's collation", () => {
    const collator = new Intl.Collator('en', { numeric: true });
    expect(sortCases(rows, 'reference', false, collator).map((r) => r.id)).toEqual([
      'VIG-1',
      'VIG-2',
      'VIG-10',
    ]);
    expect(sortCases(rows, 'reference', true, collator).map((r) => r.id)).toEqual([
      'VIG-10',
      'VIG-2',
      'VIG-1',
    ]);
  });

  it('sorts "updated" by the last change of anything in the case, not the case record alone', () => {
    const collator = new Intl.Collator('en');
    const changed = [
      row('A', 'a', { updatedAt: '2024-05-01T00:00:00Z', lastChange: '2024-05-01T00:00:00Z' }),
      row('B', 'b', { updatedAt: '2024-01-01T00:00:00Z', lastChange: '2024-09-01T00:00:00Z' }),
      row('C', 'c', { updatedAt: '2024-03-01T00:00:00Z', lastChange: '2024-03-01T00:00:00Z' }),
    ];
    expect(sortCases(changed, 'updated', true, collator).map((r) => r.reference)).toEqual([
      'B',
      'A',
      'C',
    ]);
  });
});

describe('metadata by risk, deadlines, the recovery-key check', () => {
  it('puts location first and counts the risky fields', () => {
    const fields = [
      { group: 'software', key: 'sw', label: 'Software', value: 'x', risky: false },
      { group: 'location', key: 'lat', label: 'GPS latitude', value: '48', risky: true },
      { group: 'weird', key: 'w', label: 'W', value: 'w', risky: false },
    ];
    const grouped = groupByRisk(fields);
    expect(grouped.map((g) => g.group)).toEqual(['location', 'software', 'other']);
    expect(grouped[0]!.risky).toBe(1);
    expect([...removedKeys(fields, [fields[0]!])]).toEqual(['location/lat', 'weird/w']);
  });

  it('computes follow-up deadlines', () => {
    expect(addDays('2024-03-01', 60)).toBe('2024-04-30');
    expect(daysUntil('2024-03-10', '2024-03-01')).toBe(9);
    expect(deadlineState('2024-02-28', '2024-03-01')).toBe('overdue');
    expect(deadlineState('2024-03-01', '2024-03-01')).toBe('today');
    expect(deadlineState('2024-03-10', '2024-03-01')).toBe('soon');
    expect(deadlineState('2024-06-10', '2024-03-01')).toBe('later');
  });

  it('checks one group of the recovery key, never the first, as people write it', () => {
    const key = 'ABCD-0123-JKMN-PQRS';
    expect(groupMatches(key, 1, '0123')).toBe(true);
    expect(groupMatches(key, 1, 'o l23')).toBe(true);
    expect(groupMatches(key, 1, '0124')).toBe(false);
    for (const r of [0, 0.3, 0.99999]) expect(confirmationIndex(14, r)).toBeGreaterThanOrEqual(1);
    expect(confirmationIndex(14, 0.99999)).toBe(13);
  });
});

describe('the timeline layout', () => {
  it('draws certainty as it is: points, periods, approximate bands, open arrows, spans', () => {
    const layout = layoutTimeline(
      [
        { id: 'day', date: { value: '2024-03-15', qualifier: 'exact' }, end: null },
        { id: 'month', date: { value: '2024-03', qualifier: 'exact' }, end: null },
        { id: 'about', date: { value: '2024-03', qualifier: 'approximate' }, end: null },
        { id: 'before', date: { value: '2024-06', qualifier: 'before' }, end: null },
        { id: 'after', date: { value: '2023', qualifier: 'after' }, end: null },
        { id: 'held', date: { value: '2024-01-02', qualifier: 'exact' }, end: null, ongoing: true },
        { id: 'none', date: { value: null, qualifier: 'unknown' }, end: null },
      ],
      '2024-12-31',
    );
    const shape = (id: string) => layout.marks.find((m) => m.id === id);
    expect(shape('day')!.shape).toBe('point');
    expect(shape('month')!.shape).toBe('period');
    const about = shape('about')!;
    expect(about.shape).toBe('approximate');
    expect(about.to - about.from).toBeGreaterThan(shape('month')!.to - shape('month')!.from);
    expect(shape('before')!.shape).toBe('before');
    expect(shape('before')!.to).toBeLessThanOrEqual(shape('before')!.from + 400);
    expect(shape('after')!.shape).toBe('after');
    expect(shape('held')!).toMatchObject({ shape: 'span', ongoing: true });
    expect(layout.undated).toEqual(['none']);
    // Overlapping marks never share a lane.
    for (const a of layout.marks)
      for (const b of layout.marks)
        if (a !== b && a.lane === b.lane) expect(a.to <= b.from || b.to <= a.from).toBe(true);
    expect(layout.ticks.length).toBeGreaterThan(0);
  });
});
