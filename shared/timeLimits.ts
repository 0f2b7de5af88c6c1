import {
  addMonths,
  daysBetween,
  deadlineFrom,
  deadlineRule,
  isIsoDay,
  type DeadlineRule,
} from './deadlines';
import type { Language } from './vocabularies/types';
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

interface LimitWords {
  unit: (n: number, unit: 'month' | 'day') => string;
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

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
const plural = (language: Language, forms: { month: Forms; day: Forms }) => {
  const rules = new Intl.PluralRules(language);
  return (n: number, unit: 'month' | 'day') => {
    const set = forms[unit];
    return (set[rules.select(n)] ?? set.other).replace('{n}', String(n));
  };
};

const NBSP = '\u00a0';

/** The checklist's sentences in the five languages (real translations, not keys). */
const WORDS: Record<Language, LimitWords> = {
  en: {
    unit: plural('en', {
      month: { one: '{n} month', other: '{n} months' },
      day: { one: '{n} day', other: '{n} days' },
    }),
    and: ' and ',
    sinceDecision: 'Filed {elapsed} after the final decision',
    sinceSent: '{elapsed} since the communication was sent',
    running: '{since}: {left} left (last day {dueOn}).',
    lastDay: '{since}: today is the last day ({dueOn}).',
    overdue: '{since}: the time limit ended on {dueOn}, {over} ago.',
    withinPractice:
      '{since}: within the six months the Commission usually accepts as a reasonable time.',
    pastPractice:
      '{since}: more than the six months the Commission usually accepts as a reasonable time; explain why the delay is reasonable.',
    unknownDecision:
      'The date of the final decision is not recorded: the time limit cannot be computed.',
    unknownSent: 'The date the communication was sent is not recorded.',
    fromDecisionDate:
      'Counted from the date of the decision, as the day it was notified is not recorded.',
  },
  es: {
    unit: plural('es', {
      month: { one: '{n} mes', other: '{n} meses' },
      day: { one: '{n} día', other: '{n} días' },
    }),
    and: ' y ',
    sinceDecision: 'Presentada {elapsed} después de la decisión definitiva',
    sinceSent: '{elapsed} desde el envío de la comunicación',
    running: '{since}: quedan {left} (último día: {dueOn}).',
    lastDay: '{since}: hoy es el último día ({dueOn}).',
    overdue: '{since}: el plazo venció el {dueOn}, hace {over}.',
    withinPractice:
      '{since}: dentro de los seis meses que la Comisión suele considerar un plazo razonable.',
    pastPractice:
      '{since}: más de los seis meses que la Comisión suele considerar un plazo razonable; explique por qué la demora es razonable.',
    unknownDecision: 'No consta la fecha de la decisión definitiva: no se puede calcular el plazo.',
    unknownSent: 'No consta la fecha de envío de la comunicación.',
    fromDecisionDate:
      'Contado desde la fecha de la decisión, pues no consta la fecha de su notificación.',
  },
  fr: {
    unit: plural('fr', {
      month: { one: '{n} mois', other: '{n} mois' },
      day: { one: '{n} jour', other: '{n} jours' },
    }),
    and: ' et ',
    sinceDecision: 'Déposée {elapsed} après la décision interne définitive',
    sinceSent: '{elapsed} depuis l’envoi de la communication',
    running: `{since}${NBSP}: il reste {left} (dernier jour${NBSP}: {dueOn}).`,
    lastDay: `{since}${NBSP}: c’est aujourd’hui le dernier jour ({dueOn}).`,
    overdue: `{since}${NBSP}: le délai a expiré le {dueOn}, il y a {over}.`,
    withinPractice: `{since}${NBSP}: dans les six mois que la Commission admet d’ordinaire comme délai raisonnable.`,
    pastPractice: `{since}${NBSP}: au-delà des six mois que la Commission admet d’ordinaire comme délai raisonnable${NBSP}; expliquez pourquoi le retard est raisonnable.`,
    unknownDecision: `La date de la décision définitive n’est pas enregistrée${NBSP}: le délai ne peut pas être calculé.`,
    unknownSent: 'La date d’envoi de la communication n’est pas enregistrée.',
    fromDecisionDate:
      'Compté à partir de la date de la décision, la date de sa notification n’étant pas enregistrée.',
  },
  ar: {
    unit: plural('ar', {
      month: {
        one: 'شهر واحد',
        two: 'شهران',
        few: '{n} أشهر',
        many: '{n} شهرًا',
        other: '{n} شهر',
      },
      day: {
        one: 'يوم واحد',
        two: 'يومان',
        few: '{n} أيام',
        many: '{n} يومًا',
        other: '{n} يوم',
      },
    }),
    and: ' و',
    sinceDecision: 'قُدِّم بعد {elapsed} من القرار المحلي النهائي',
    sinceSent: 'مضى {elapsed} على إرسال البلاغ',
    running: '{since}: يتبقى {left} (آخر يوم: {dueOn}).',
    lastDay: '{since}: اليوم هو آخر يوم ({dueOn}).',
    overdue: '{since}: انتهت المهلة في {dueOn}، منذ {over}.',
    withinPractice: '{since}: ضمن الأشهر الستة التي تعدّها اللجنة عادةً مهلة معقولة.',
    pastPractice:
      '{since}: تجاوز الأشهر الستة التي تعدّها اللجنة عادةً مهلة معقولة؛ اشرح لماذا كان التأخير معقولًا.',
    unknownDecision: 'تاريخ القرار النهائي غير مسجل: لا يمكن حساب المهلة.',
    unknownSent: 'تاريخ إرسال البلاغ غير مسجل.',
    fromDecisionDate: 'محسوبة من تاريخ القرار، إذ إن تاريخ الإخطار به غير مسجل.',
  },
  ru: {
    unit: plural('ru', {
      month: { one: '{n} месяц', few: '{n} месяца', many: '{n} месяцев', other: '{n} месяца' },
      day: { one: '{n} день', few: '{n} дня', many: '{n} дней', other: '{n} дня' },
    }),
    and: ' и ',
    sinceDecision: 'Подана через {elapsed} после окончательного решения',
    sinceSent: 'С отправки сообщения прошло {elapsed}',
    running: '{since}: осталось {left} (последний день — {dueOn}).',
    lastDay: '{since}: сегодня последний день ({dueOn}).',
    overdue: '{since}: срок истёк {dueOn}, {over} назад.',
    withinPractice:
      '{since}: в пределах шести месяцев, которые Комиссия обычно считает разумным сроком.',
    pastPractice:
      '{since}: больше шести месяцев, которые Комиссия обычно считает разумным сроком; объясните, почему задержка разумна.',
    unknownDecision: 'Дата окончательного решения не записана: срок нельзя рассчитать.',
    unknownSent: 'Дата отправки сообщения не записана.',
    fromDecisionDate: 'Отсчитано от даты решения, так как дата его вручения не записана.',
  },
};

function span(words: LimitWords, months: number, days: number): string {
  if (months === 0) return words.unit(days, 'day');
  if (days === 0) return words.unit(months, 'month');
  return `${words.unit(months, 'month')}${words.and}${words.unit(days, 'day')}`;
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
  const elapsed = span(words, limit.elapsed?.months ?? 0, limit.elapsed?.days ?? 0);
  const since = fill(fromSent ? words.sinceSent : words.sinceDecision, { elapsed });
  const values = {
    since,
    dueOn: formatDay(limit.dueOn),
    left: words.unit(Math.max(limit.daysLeft, 0), 'day'),
    over: words.unit(Math.max(-limit.daysLeft, 0), 'day'),
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
