import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  dateBounds,
  endBeforeStartProblem,
  formatPartialDate,
  isUncertain,
  parsePartialDate,
  partialDateSchema,
  precisionOf,
  sortKey,
  type PartialDate,
} from '../../../shared/domain/partialDate';

const p = parsePartialDate;

describe('partial dates', () => {
  it('parse every documented form to a value and a qualifier', () => {
    expect(p('2024')).toEqual({ value: '2024', qualifier: 'exact' });
    expect(p('2024-03')).toEqual({ value: '2024-03', qualifier: 'exact' });
    expect(p(' 2024-03-15 ')).toEqual({ value: '2024-03-15', qualifier: 'exact' });
    expect(p('~2024-03')).toEqual({ value: '2024-03', qualifier: 'approximate' });
    expect(p('circa 2024')).toEqual({ value: '2024', qualifier: 'approximate' });
    expect(p('c. 2024')).toEqual({ value: '2024', qualifier: 'approximate' });
    expect(p('2024-03~')).toEqual({ value: '2024-03', qualifier: 'approximate' });
    expect(p('Before 2024-06-10')).toEqual({ value: '2024-06-10', qualifier: 'before' });
    expect(p('<2024')).toEqual({ value: '2024', qualifier: 'before' });
    expect(p('after 2024-06')).toEqual({ value: '2024-06', qualifier: 'after' });
    expect(p('>2024-06')).toEqual({ value: '2024-06', qualifier: 'after' });
    expect(p('unknown')).toEqual({ value: null, qualifier: 'unknown' });
    expect(p('?')).toEqual({ value: null, qualifier: 'unknown' });
  });

  it('format back to the canonical text, which parses to the same date', () => {
    for (const text of [
      '2024',
      '2024-03',
      '2024-03-15',
      '~2024-03',
      'before 2024-06-10',
      'after 2024',
      'unknown',
    ]) {
      expect(formatPartialDate(p(text))).toBe(text);
    }
    expect(formatPartialDate(p('circa 2024'))).toBe('~2024');
  });

  it('refuse impossible dates with a precise reason', () => {
    expect(() => p('2024-02-30')).toThrow('2024-02-30 is not a date: February 2024 has 29 days');
    expect(() => p('2023-02-29')).toThrow('February 2023 has 28 days');
    expect(() => p('2000-02-29')).not.toThrow();
    expect(() => p('1900-02-29')).toThrow('February 1900 has 28 days');
    expect(() => p('2024-04-31')).toThrow('April 2024 has 30 days');
    expect(() => p('2024-13')).toThrow('there is no month 13');
    expect(() => p('2024-00-10')).toThrow('there is no month 00');
    expect(() => p('2024-01-00')).toThrow('January 2024 has 31 days');
    expect(() => p('0999')).toThrow('the year must be between 1000 and 9999');
    expect(() => p('March 2024')).toThrow(
      '"March 2024" is not a date: write 2024, 2024-03 or 2024-03-15',
    );
    expect(() => p('2024/03/15')).toThrow('is not a date');
    expect(() => p('24-03-15')).toThrow('is not a date');
    expect(() => p('')).toThrow('an empty date is not a date');
  });

  it('cover the days they may fall on', () => {
    expect(dateBounds(p('2024'))).toEqual({ lo: '2024-01-01', hi: '2024-12-31' });
    expect(dateBounds(p('2024-02'))).toEqual({ lo: '2024-02-01', hi: '2024-02-29' });
    expect(dateBounds(p('~2024-02-10'))).toEqual({ lo: '2024-02-10', hi: '2024-02-10' });
    expect(dateBounds(p('before 2024-03'))).toEqual({ lo: '0000-01-01', hi: '2024-02-29' });
    expect(dateBounds(p('after 2024'))).toEqual({ lo: '2025-01-01', hi: '9999-12-31' });
    expect(dateBounds(p('unknown'))).toBeNull();
  });

  it('order by the documented rules: coarse before fine, before-X just before X, after-X just after X, unknown last', () => {
    const expected = [
      '2023-12-31',
      'before 2024',
      '2024',
      '~2024',
      'before 2024-03-01',
      '2024-03',
      '~2024-03',
      '2024-03-01',
      '~2024-03-01',
      '2024-03-02',
      'after 2024-03-02',
      'before 2024-03-15',
      '2024-03-15',
      'after 2024-03',
      '2024-04-01',
      'after 2024',
      '2025-01-01',
      'unknown',
    ];
    const shuffled = [...expected].sort(() => 0.5 - Math.random()).map(p);
    expect(shuffled.sort(comparePartialDates).map(formatPartialDate)).toEqual(expected);
    // The sort key is a plain string: byte order is timeline order, so SQL can ORDER BY it.
    const keys = expected.map((t) => sortKey(p(t)));
    expect([...keys].sort()).toEqual(keys);
  });

  it('say how precise and how certain they are', () => {
    expect(precisionOf(p('2024'))).toBe('year');
    expect(precisionOf(p('~2024-03'))).toBe('month');
    expect(precisionOf(p('2024-03-01'))).toBe('day');
    expect(precisionOf(p('unknown'))).toBe('unknown');
    expect(isUncertain(p('2024-03-01'))).toBe(false);
    for (const t of ['2024-03', '~2024-03-01', 'before 2024-03-01', 'after 2024', 'unknown'])
      expect(isUncertain(p(t)), t).toBe(true);
  });

  it('refuse an end that is certainly before the start, and only then', () => {
    const check = (start: string, end: string) => endBeforeStartProblem(p(start), p(end));
    expect(check('2024-03-15', '2024-03-01')).toBe('(2024-03-01) is before the start (2024-03-15)');
    expect(check('2024-03-15', '2024-03')).toBeNull();
    expect(check('2024-03', '2024-03-10')).toBeNull();
    expect(check('2024', '2023-12-31')).not.toBeNull();
    expect(check('2024-03-15', 'before 2024-03-16')).toBeNull();
    expect(check('2024-03-15', 'before 2024-03-15')).not.toBeNull();
    expect(check('unknown', '2000')).toBeNull();
    expect(endBeforeStartProblem(p('2024-05'), p('2024-04'), 'the date sent')).toBe(
      '(2024-04) is before the date sent (2024-05)',
    );
  });

  it('validate as a schema from text or from {value, qualifier}', () => {
    expect(partialDateSchema.parse('~2024')).toEqual({ value: '2024', qualifier: 'approximate' });
    expect(partialDateSchema.parse({ value: '2024-03', qualifier: 'before' })).toEqual({
      value: '2024-03',
      qualifier: 'before',
    });
    const bad: unknown[] = [
      { value: '2024-02-30', qualifier: 'exact' },
      { value: null, qualifier: 'exact' },
      { value: '2024', qualifier: 'unknown' },
      { value: '2024', qualifier: 'maybe' },
      2024,
      '2024-02-30',
    ];
    for (const input of bad)
      expect(partialDateSchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
    const result = partialDateSchema.safeParse({ value: null, qualifier: 'before' });
    expect(result.error?.issues[0]?.message).toBe(
      'a date qualified "before" needs a value such as 2024-03',
    );
    const d: PartialDate = partialDateSchema.parse('unknown');
    expect(d).toEqual({ value: null, qualifier: 'unknown' });
  });
});
