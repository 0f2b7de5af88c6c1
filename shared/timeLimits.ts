import {
  addMonths,
  daysBetween,
  deadlineFrom,
  deadlineRule,
  isIsoDay,
  type DeadlineRule,
} from './deadlines';
import type { Language } from './vocabularies/types';
import { DOSSIER_WORDS } from './i18n/dossier';
import { fill } from './i18n/fill';

/**
 * A template's time limit, for its checklist: computed from the one rule
 * table (shared/deadlines.ts) and the day the period runs from, against the
 * day of the export (`today`, given so that it can be tested). Pure: no
 * clock, no vault.
 *
 * For template authors: `timeLimitAfterDecision('echr-application',
 * facts.finalDecision, today)` (also 'iachr-petition', 'achpr-communication'),
 * or `timeLimit('wgad-government-reply', sentOn, today)`; then
 * `describeTimeLimit(limit, language)` for the checklist's sentence
 * ("Filed 3 months and 20 days after the final decision: 10 days left…").
 */

export type TimeLimitState =
  /** The start day is not recorded: nothing can be computed. */
  | 'unknown'
  | 'running'
  | 'last-day'
  | 'overdue'
  /** A practice limit (no hard deadline) not yet passed. */
  | 'within-practice'
  /** A practice limit passed: the delay must be explained. */
  | 'past-practice';

export interface TimeLimit {
  rule: string;
  /** The day the period runs from (YYYY-MM-DD), or null when not recorded. */
  from: string | null;
  /** `from` is the decision's own date because the day it was notified is not recorded. */
  fromDecisionDate: boolean;
  /** The last day of the period, or null. */
  dueOn: string | null;
  today: string;
  /** Calendar months and days from `from` to `today` (null when `from` is unknown or later). */
  elapsed: { months: number; days: number } | null;
  /** Days from today to `dueOn` (negative when past), or null. */
  daysLeft: number | null;
  state: TimeLimitState;
  /** Whether the checklist should flag it (overdue, or past the practice). */
  flagged: boolean;
}

function ruleOf(id: string): DeadlineRule {
  const rule = deadlineRule(id);
  if (!rule) throw new RangeError(`no deadline rule ${id}`);
  return rule;
}

/** Whole calendar months, then days, from `from` to `to` (same clamping as addMonths). */
export function elapsedBetween(from: string, to: string): { months: number; days: number } | null {
  if (daysBetween(from, to) < 0) return null;
  let months = 0;
  while (addMonths(from, months + 1) <= to) months += 1;
  return { months, days: daysBetween(addMonths(from, months), to) };
}

/** The time limit of rule `ruleId` counted from `from` (null: not recorded), on `today`. */
export function timeLimit(ruleId: string, from: string | null, today: string): TimeLimit {
  const rule = ruleOf(ruleId);
  if (!isIsoDay(today)) throw new RangeError(`not a calendar day: ${today}`);
  const start = from && isIsoDay(from) ? from : null;
  const base = { rule: rule.id, from: start, fromDecisionDate: false, today };
  if (!start)
    return {
      ...base,
      dueOn: null,
      elapsed: null,
      daysLeft: null,
      state: 'unknown',
      flagged: false,
    };
  const dueOn = deadlineFrom(start, rule.period);
  const daysLeft = daysBetween(today, dueOn);
  const state: TimeLimitState = rule.practice
    ? daysLeft < 0
      ? 'past-practice'
      : 'within-practice'
    : daysLeft < 0
      ? 'overdue'
      : daysLeft === 0
        ? 'last-day'
        : 'running';
  return {
    ...base,
    dueOn,
    elapsed: elapsedBetween(start, today),
    daysLeft,
    state,
    flagged: state === 'overdue' || state === 'past-practice',
  };
}

/**
 * The time limit that runs from the final domestic decision: from the day it
 * was notified, or its own date when that is all that is recorded.
 */
export function timeLimitAfterDecision(
  ruleId: string,
  decision: { decidedOn: string | null; notifiedOn: string | null },
  today: string,
): TimeLimit {
  const limit = timeLimit(ruleId, decision.notifiedOn ?? decision.decidedOn, today);
  return { ...limit, fromDecisionDate: !decision.notifiedOn && Boolean(decision.decidedOn) };
}

/** A time limit's words (`dossier.json`, `timeLimits`): `{name}` placeholders, plural forms as `unit_category`. */
interface LimitWords {
  month_other: string;
  day_other: string;
  and: string;
  sinceDecision: string;
  sinceSent: string;
  running: string;
  lastDay: string;
  overdue: string;
  withinPractice: string;
  pastPractice: string;
  unknownDecision: string;
  unknownSent: string;
  fromDecisionDate: string;
}

/** The checklist's sentences in the five languages (real translations, not keys). */
const WORDS: Record<Language, LimitWords> = {
  en: DOSSIER_WORDS.en.timeLimits,
  es: DOSSIER_WORDS.es.timeLimits,
  fr: DOSSIER_WORDS.fr.timeLimits,
  ar: DOSSIER_WORDS.ar.timeLimits,
  ru: DOSSIER_WORDS.ru.timeLimits,
};

/** "1 month", "3 days": the form the language's plural rules pick for `n`, else its `other` form. */
function unitText(language: Language, n: number, unit: 'month' | 'day'): string {
  const forms = WORDS[language] as unknown as Partial<Record<string, string>>;
  const category = new Intl.PluralRules(language).select(n);
  return fill(forms[`${unit}_${category}`] ?? forms[`${unit}_other`]!, { n });
}

function span(language: Language, months: number, days: number): string {
  if (months === 0) return unitText(language, days, 'day');
  if (days === 0) return unitText(language, months, 'month');
  return `${unitText(language, months, 'month')}${WORDS[language].and}${unitText(language, days, 'day')}`;
}

/**
 * The checklist's sentence for a time limit, in `language`; `formatDay`
 * prints a day as the document does (ISO by default).
 */
export function describeTimeLimit(
  limit: TimeLimit,
  language: Language,
  formatDay: (day: string) => string = (day) => day,
): string {
  const words = WORDS[language];
  const fromSent = ruleOf(limit.rule).trigger.record === 'intervention';
  if (limit.state === 'unknown' || !limit.dueOn || limit.daysLeft === null)
    return fromSent ? words.unknownSent : words.unknownDecision;
  // A start after the export day (a date typed ahead) reads as no time elapsed.
  const elapsed = span(language, limit.elapsed?.months ?? 0, limit.elapsed?.days ?? 0);
  const since = fill(fromSent ? words.sinceSent : words.sinceDecision, { elapsed });
  const values = {
    since,
    dueOn: formatDay(limit.dueOn),
    left: unitText(language, Math.max(limit.daysLeft, 0), 'day'),
    over: unitText(language, Math.max(-limit.daysLeft, 0), 'day'),
  };
  const key = {
    running: 'running',
    'last-day': 'lastDay',
    overdue: 'overdue',
    'within-practice': 'withinPractice',
    'past-practice': 'pastPractice',
  } as const;
  const sentence = fill(words[key[limit.state]], values);
  return limit.fromDecisionDate ? `${sentence} ${words.fromDecisionDate}` : sentence;
}
