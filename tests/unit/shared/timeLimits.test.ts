import { describe, expect, it } from 'vitest';
import { DEADLINE_RULES, PRACTICE_RULES } from '../../../shared/deadlines';
import {
  describeTimeLimit,
  elapsedBetween,
  timeLimit,
  timeLimitAfterDecision,
} from '../../../shared/timeLimits';
import { LANGUAGES } from '../../../shared/vocabularies';

const decision = (notifiedOn: string | null, decidedOn: string | null = null) => ({
  decidedOn,
  notifiedOn,
});

describe('template time limits', () => {
  it.each([
    // rule, from, last day: month ends, leap years, 60 days over a year's end
    ['echr-application', '2024-10-31', '2025-02-28'],
    ['echr-application', '2023-10-31', '2024-02-29'],
    ['echr-application', '2024-02-29', '2024-06-29'],
    ['echr-application', '2025-06-30', '2025-10-30'],
    ['iachr-petition', '2024-08-31', '2025-02-28'],
    ['iachr-petition', '2023-08-31', '2024-02-29'],
    ['iachr-petition', '2024-12-31', '2025-06-30'],
    ['achpr-communication', '2099-08-31', '2100-02-28'],
    ['wgad-government-reply', '2024-12-31', '2025-03-01'],
    ['wgad-government-reply', '2023-12-31', '2024-02-29'],
  ])('%s from %s ends on %s', (rule, from, dueOn) => {
    const limit = timeLimit(rule, from, from);
    expect(limit.dueOn).toBe(dueOn);
    expect(timeLimit(rule, from, dueOn)).toMatchObject({ daysLeft: 0 });
  });

  it('says how long after the final decision it is filed and how many days are left', () => {
    const limit = timeLimitAfterDecision('echr-application', decision('2025-01-10'), '2025-04-30');
    expect(limit).toMatchObject({
      from: '2025-01-10',
      dueOn: '2025-05-10',
      elapsed: { months: 3, days: 20 },
      daysLeft: 10,
      state: 'running',
      flagged: false,
      fromDecisionDate: false,
    });
    expect(describeTimeLimit(limit, 'en')).toBe(
      'Filed 3 months and 20 days after the final decision: 10 days left (last day 2025-05-10).',
    );
    expect(describeTimeLimit(limit, 'es')).toBe(
      'Presentada 3 meses y 20 días después de la decisión definitiva: quedan 10 días (último día: 2025-05-10).',
    );
    expect(describeTimeLimit(limit, 'ru')).toContain('через 3 месяца и 20 дней');
    expect(describeTimeLimit(limit, 'ru')).toContain('осталось 10 дней');
    expect(describeTimeLimit(limit, 'ar')).toContain('3 أشهر و20 يومًا');
    expect(describeTimeLimit(limit, 'fr')).toContain('3 mois et 20 jours');
    expect(describeTimeLimit(limit, 'fr', (d) => d.split('-').reverse().join('/'))).toContain(
      '10/05/2025',
    );
  });

  it('on the last day, the day after, and past the African Commission’s six months', () => {
    const last = timeLimitAfterDecision('echr-application', decision('2024-10-31'), '2025-02-28');
    expect(last).toMatchObject({ state: 'last-day', daysLeft: 0, elapsed: { months: 4, days: 0 } });
    expect(describeTimeLimit(last, 'en')).toBe(
      'Filed 4 months after the final decision: today is the last day (2025-02-28).',
    );
    const late = timeLimitAfterDecision('echr-application', decision('2024-10-31'), '2025-03-01');
    expect(late).toMatchObject({ state: 'overdue', daysLeft: -1, flagged: true });
    expect(describeTimeLimit(late, 'en')).toBe(
      'Filed 4 months and 1 day after the final decision: the time limit ended on 2025-02-28, 1 day ago.',
    );
    const within = timeLimitAfterDecision(
      'achpr-communication',
      decision('2024-01-15'),
      '2024-07-15',
    );
    expect(within).toMatchObject({ state: 'within-practice', flagged: false });
    const past = timeLimitAfterDecision(
      'achpr-communication',
      decision('2024-01-15'),
      '2024-07-16',
    );
    expect(past).toMatchObject({ state: 'past-practice', flagged: true });
    expect(describeTimeLimit(past, 'en')).toMatch(/more than the six months.*explain why/);
    // The practice rule is not a deadline `vigil due` lists.
    expect(DEADLINE_RULES.map((r) => r.id)).not.toContain('achpr-communication');
    expect(PRACTICE_RULES.every((r) => r.practice)).toBe(true);
  });

  it('counts from the decision’s date, and says so, when the day it was notified is not recorded', () => {
    const limit = timeLimitAfterDecision(
      'iachr-petition',
      decision(null, '2024-03-01'),
      '2024-05-01',
    );
    expect(limit).toMatchObject({
      from: '2024-03-01',
      fromDecisionDate: true,
      dueOn: '2024-09-01',
    });
    expect(describeTimeLimit(limit, 'en')).toMatch(/as the day it was notified is not recorded\.$/);
    const unknown = timeLimitAfterDecision('iachr-petition', decision(null), '2024-05-01');
    expect(unknown).toMatchObject({ state: 'unknown', dueOn: null, flagged: false });
    expect(describeTimeLimit(unknown, 'en')).toMatch(
      /not recorded: the time limit cannot be computed/,
    );
    expect(describeTimeLimit(timeLimit('wgad-government-reply', null, '2024-05-01'), 'en')).toBe(
      'The date the communication was sent is not recorded.',
    );
    expect(() => timeLimit('no-such-rule', '2024-01-01', '2024-01-02')).toThrow(RangeError);
    expect(() => timeLimit('echr-application', '2024-01-01', '2024-02-30')).toThrow(RangeError);
  });

  it('counts whole calendar months, then days', () => {
    expect(elapsedBetween('2025-01-31', '2025-03-01')).toEqual({ months: 1, days: 1 });
    // 29 February + 12 months is 28 February (the same clamping as the deadlines).
    expect(elapsedBetween('2024-02-29', '2025-02-28')).toEqual({ months: 12, days: 0 });
    expect(elapsedBetween('2024-02-29', '2025-02-27')).toEqual({ months: 11, days: 29 });
    expect(elapsedBetween('2024-02-29', '2025-03-01')).toEqual({ months: 12, days: 1 });
    expect(elapsedBetween('2025-03-01', '2025-02-01')).toBeNull();
  });

  it('words every state in every language, with the language’s plural forms', () => {
    const states = [
      timeLimit('echr-application', '2025-01-01', '2025-01-21'),
      timeLimit('echr-application', '2025-01-01', '2025-05-01'),
      timeLimit('echr-application', '2025-01-01', '2025-06-25'),
      timeLimit('achpr-communication', '2025-01-01', '2025-02-01'),
      timeLimit('achpr-communication', '2025-01-01', '2025-09-01'),
      timeLimit('wgad-government-reply', '2025-01-01', '2025-01-03'),
      timeLimit('wgad-government-reply', null, '2025-01-03'),
    ];
    for (const language of LANGUAGES) {
      const sentences = states.map((s) => describeTimeLimit(s, language));
      expect(new Set(sentences).size, language).toBe(sentences.length);
      for (const sentence of sentences) expect(sentence, language).not.toMatch(/[{}]/);
      if (language === 'ar') for (const s of sentences) expect(s).toMatch(/[\u0600-\u06ff]/);
      if (language === 'ru') for (const s of sentences) expect(s).toMatch(/[\u0400-\u04ff]/);
    }
    const left = (n: number, language: 'ru' | 'ar') =>
      describeTimeLimit(
        timeLimit(
          'wgad-government-reply',
          '2025-01-01',
          `2025-03-${String(2 - n + 0).padStart(2, '0')}`,
        ),
        language,
      );
    // 60 days from 2025-01-01 is 2025-03-02: n days before it, n days are left.
    expect(left(1, 'ru')).toContain('осталось 1 день');
    expect(left(1, 'ar')).toContain('يوم واحد');
    const ru = (d: string) =>
      describeTimeLimit(timeLimit('wgad-government-reply', '2025-01-01', d), 'ru');
    expect(ru('2025-01-22')).toContain('прошло 21 день');
    expect(ru('2025-01-23')).toContain('прошло 22 дня');
    expect(ru('2025-01-26')).toContain('прошло 25 дней');
    const ar = (d: string) =>
      describeTimeLimit(timeLimit('wgad-government-reply', '2025-01-01', d), 'ar');
    expect(ar('2025-01-03')).toContain('يومان');
    expect(ar('2025-01-04')).toContain('3 أيام');
    expect(ar('2025-01-12')).toContain('11 يومًا');
  });
});
