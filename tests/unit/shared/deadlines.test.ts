import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  DEADLINE_RULES,
  deadlineFrom,
  isIsoDay,
  triggerDay,
} from '../../../shared/deadlines';
import { LANGUAGES, VOCABULARIES } from '../../../shared/vocabularies';

describe('deadline arithmetic (hand-computed dates)', () => {
  it('adds calendar months, clamping to the last day of a shorter month', () => {
    const cases: [string, number, string][] = [
      ['2023-10-31', 4, '2024-02-29'], // into a leap February
      ['2022-10-31', 4, '2023-02-28'], // into a common February
      ['2023-08-31', 6, '2024-02-29'],
      ['2099-08-31', 6, '2100-02-28'], // 2100 is not a leap year
      ['2099-10-30', 4, '2100-02-28'],
      ['2399-10-29', 4, '2400-02-29'], // 2400 is
      ['2024-02-29', 6, '2024-08-29'],
      ['2024-02-29', 12, '2025-02-28'],
      ['2024-01-31', 1, '2024-02-29'],
      ['2025-03-31', 6, '2025-09-30'],
      ['2025-09-30', 4, '2026-01-30'],
      ['2025-11-15', 4, '2026-03-15'], // across a year end
      ['2025-08-15', 6, '2026-02-15'],
      ['2025-12-31', 6, '2026-06-30'],
    ];
    for (const [from, months, expected] of cases)
      expect(addMonths(from, months), `${from} + ${months} months`).toBe(expected);
  });

  it('adds calendar days across month and year ends and leap days', () => {
    expect(addDays('2023-12-31', 60)).toBe('2024-02-29');
    expect(addDays('2024-01-01', 60)).toBe('2024-03-01');
    expect(addDays('2025-01-01', 60)).toBe('2025-03-02');
    expect(addDays('2025-11-15', 60)).toBe('2026-01-14');
    expect(addDays('2100-01-01', 60)).toBe('2100-03-02');
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2026-01-14', '2025-11-15')).toBe(-60);
  });

  it('uses only full days as triggers, and refuses days that do not exist', () => {
    expect(triggerDay('2025-10-31')).toEqual({ day: '2025-10-31', approximate: false });
    expect(triggerDay('~2025-10-31')).toEqual({ day: '2025-10-31', approximate: true });
    for (const partial of [
      '2025',
      '2025-10',
      'before 2025-10-31',
      'after 2025-10-31',
      'unknown',
      '2025-02-30',
      null,
    ])
      expect(triggerDay(partial), String(partial)).toBeNull();
    expect(isIsoDay('2024-02-29')).toBe(true);
    expect(isIsoDay('2023-02-29')).toBe(false);
    expect(() => addMonths('2023-02-29', 1)).toThrow(RangeError);
  });

  it('the rule table: the figures the procedures set, labelled in five languages, triggers that exist', () => {
    const byId = new Map(DEADLINE_RULES.map((r) => [r.id, r]));
    expect(byId.get('wgad-government-reply')?.period).toEqual({ days: 60 });
    expect(byId.get('echr-application')?.period).toEqual({ months: 4 });
    expect(byId.get('iachr-petition')?.period).toEqual({ months: 6 });
    expect(new Set(DEADLINE_RULES.map((r) => r.id)).size).toBe(DEADLINE_RULES.length);
    const terms = (name: keyof typeof VOCABULARIES) => VOCABULARIES[name].terms.map((t) => t.id);
    for (const rule of DEADLINE_RULES) {
      expect(terms('mechanism')).toContain(rule.mechanism);
      for (const language of LANGUAGES) expect(rule.labels[language].length).toBeGreaterThan(10);
      expect(rule.calendar).toMatch(/calendar/);
      if (rule.trigger.record === 'event')
        expect(terms('event-type')).toContain(rule.trigger.eventType);
      else
        for (const t of rule.trigger.interventionTypes)
          expect(terms('intervention-type')).toContain(t);
      expect(deadlineFrom('2024-02-29', rule.period)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
