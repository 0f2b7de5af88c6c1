import type { Labels } from './vocabularies/types';

/**
 * Deadlines that come from a mechanism's procedure, in one table: `vigil due`
 * and the due screen compute them from the records, and the mechanisms'
 * templates read the same rows (period, calendar rule, labels), so a figure
 * changes in one place. Pure data and date arithmetic: no Node, no vault.
 */

export type DeadlinePeriod = { days: number } | { months: number };

/** What starts the clock: a dated intervention sent to a mechanism, or a dated event. */
export type DeadlineTrigger =
  | {
      record: 'intervention';
      /** Any of these intervention types, or an intervention addressed to any of these mechanisms. */
      interventionTypes: readonly string[];
      mechanisms: readonly string[];
      /** The intervention's date the period runs from. */
      from: 'sentOn';
    }
  | { record: 'event'; eventType: string; from: 'start' };

/** When a computed deadline no longer needs watching. */
export type DeadlineMet =
  /** The intervention that started it got a response date, or reached one of these states. */
  | { response: true; statuses: readonly string[] }
  /** The case holds an intervention to this mechanism with a date sent on or after the trigger. */
  | { sentTo: string };

export interface DeadlineRule {
  /** Stable id, never renamed once released. */
  id: string;
  /** The `mechanism` term the deadline belongs to. */
  mechanism: string;
  trigger: DeadlineTrigger;
  period: DeadlinePeriod;
  /** How the period is counted, stated for the user and for the templates. */
  calendar: string;
  met: DeadlineMet;
  /**
   * The countries (ISO 3166-1 alpha-2) under the mechanism's jurisdiction, when
   * it is regional; a case whose countries are all outside is skipped, a case
   * with no country recorded is shown.
   */
  countries?: readonly string[];
  /** What is due, in the five languages. */
  labels: Labels;
  /** Where the figure comes from. */
  source: string;
  /**
   * A time the body's practice holds reasonable, not a rule it enforces (the
   * African Commission's six months): templates flag a filing past it, and
   * `vigil due` does not list it as due.
   */
  practice?: boolean;
}

/** Council of Europe member states (the European Court's jurisdiction), since March 2022. */
const COUNCIL_OF_EUROPE = [
  'AD', 'AL', 'AM', 'AT', 'AZ', 'BA', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI',
  'FR', 'GB', 'GE', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LI', 'LT', 'LU', 'LV', 'MC', 'MD', 'ME',
  'MK', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'SM', 'TR', 'UA',
] as const; // prettier-ignore

/** OAS member states, over which the Inter-American Commission receives petitions. */
const OAS = [
  'AG', 'AR', 'BB', 'BO', 'BR', 'BS', 'BZ', 'CA', 'CL', 'CO', 'CR', 'CU', 'DM', 'DO', 'EC', 'GD',
  'GT', 'GY', 'HN', 'HT', 'JM', 'KN', 'LC', 'MX', 'NI', 'PA', 'PE', 'PY', 'SR', 'SV', 'TT', 'US',
  'UY', 'VC', 'VE',
] as const; // prettier-ignore

const DAYS_RULE =
  'calendar days: the period runs from the day after the trigger date and ends on its last day (trigger + N days)';
const MONTHS_RULE =
  'calendar months: the same day of the month N months later; where that month is shorter, its last day (31 October + 4 months = 28 February, or 29 February in a leap year)';

export const FINAL_DOMESTIC_DECISION = 'final-domestic-decision';

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    id: 'wgad-government-reply',
    mechanism: 'wgad',
    trigger: {
      record: 'intervention',
      interventionTypes: ['wgad-communication'],
      mechanisms: ['wgad'],
      from: 'sentOn',
    },
    period: { days: 60 },
    calendar: DAYS_RULE,
    met: { response: true, statuses: ['response-received', 'decision-issued', 'closed'] },
    labels: {
      en: "WGAD: the government's reply (60 days from transmission)",
      es: 'GTDA: respuesta del Gobierno (60 días desde la transmisión)',
      fr: 'GTDA : réponse du gouvernement (60 jours après la transmission)',
      ar: 'الفريق العامل: رد الحكومة (60 يومًا من الإحالة)',
      ru: 'РГПЗ: ответ правительства (60 дней с момента препровождения)',
    },
    source: 'WGAD methods of work (A/HRC/36/38): the Government is asked to reply within 60 days',
  },
  {
    id: 'echr-application',
    mechanism: 'echr',
    trigger: { record: 'event', eventType: FINAL_DOMESTIC_DECISION, from: 'start' },
    period: { months: 4 },
    calendar: MONTHS_RULE,
    met: { sentTo: 'echr' },
    countries: COUNCIL_OF_EUROPE,
    labels: {
      en: 'European Court of Human Rights: application (4 months from the final domestic decision)',
      es: 'Tribunal Europeo de Derechos Humanos: demanda (4 meses desde la decisión interna definitiva)',
      fr: 'Cour européenne des droits de l’homme : requête (4 mois après la décision interne définitive)',
      ar: 'المحكمة الأوروبية لحقوق الإنسان: تقديم الطلب (4 أشهر من القرار المحلي النهائي)',
      ru: 'Европейский суд по правам человека: жалоба (4 месяца с окончательного внутреннего решения)',
    },
    source: 'ECHR art. 35 § 1 as amended by Protocol No. 15 (decisions since 1 February 2022)',
  },
  {
    id: 'iachr-petition',
    mechanism: 'iachr',
    trigger: { record: 'event', eventType: FINAL_DOMESTIC_DECISION, from: 'start' },
    period: { months: 6 },
    calendar: MONTHS_RULE,
    met: { sentTo: 'iachr' },
    countries: OAS,
    labels: {
      en: 'Inter-American Commission: petition (6 months from the final domestic decision)',
      es: 'Comisión Interamericana: petición (6 meses desde la decisión interna definitiva)',
      fr: 'Commission interaméricaine : pétition (6 mois après la décision interne définitive)',
      ar: 'لجنة البلدان الأمريكية: تقديم العريضة (6 أشهر من القرار المحلي النهائي)',
      ru: 'Межамериканская комиссия: петиция (6 месяцев с окончательного внутреннего решения)',
    },
    source: 'American Convention art. 46(1)(b); IACHR Rules of Procedure art. 32',
  },
];

/**
 * States parties to the African Charter (all African Union members but
 * Morocco), over which the African Commission receives communications.
 */
const AFRICAN_CHARTER = [
  'AO', 'BF', 'BI', 'BJ', 'BW', 'CD', 'CF', 'CG', 'CI', 'CM', 'CV', 'DJ', 'DZ', 'EG', 'EH', 'ER',
  'ET', 'GA', 'GH', 'GM', 'GN', 'GQ', 'GW', 'KE', 'KM', 'LR', 'LS', 'LY', 'MG', 'ML', 'MR', 'MU',
  'MW', 'MZ', 'NA', 'NE', 'NG', 'RW', 'SC', 'SD', 'SL', 'SN', 'SO', 'SS', 'ST', 'SZ', 'TD', 'TG',
  'TN', 'TZ', 'UG', 'ZA', 'ZM', 'ZW',
] as const; // prettier-ignore

/** Template time limits that are practice, not rule: never listed by `vigil due`. */
export const PRACTICE_RULES: readonly DeadlineRule[] = [
  {
    id: 'achpr-communication',
    mechanism: 'achpr',
    trigger: { record: 'event', eventType: FINAL_DOMESTIC_DECISION, from: 'start' },
    period: { months: 6 },
    calendar: MONTHS_RULE,
    met: { sentTo: 'achpr' },
    countries: AFRICAN_CHARTER,
    practice: true,
    labels: {
      en: 'African Commission: communication (a reasonable time; past 6 months from the final domestic decision the delay must be explained)',
      es: 'Comisión Africana: comunicación (plazo razonable; pasados 6 meses desde la decisión interna definitiva hay que justificar la demora)',
      fr: 'Commission africaine : communication (délai raisonnable ; au-delà de 6 mois après la décision interne définitive, le retard doit être justifié)',
      ar: 'اللجنة الأفريقية: البلاغ (مهلة معقولة؛ بعد 6 أشهر من القرار المحلي النهائي يجب تبرير التأخير)',
      ru: 'Африканская комиссия: сообщение (разумный срок; после 6 месяцев с окончательного внутреннего решения задержку нужно объяснить)',
    },
    source:
      'African Charter art. 56(6) ("a reasonable period"); the Commission takes six months as its guide (e.g. Majuru v. Zimbabwe, 308/05)',
  },
];

export function deadlineRule(id: string): DeadlineRule | undefined {
  return DEADLINE_RULES.find((r) => r.id === id) ?? PRACTICE_RULES.find((r) => r.id === id);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar day `YYYY-MM-DD`. */
export function isIsoDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const fromUtc = (date: Date) =>
  `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

function parts(day: string): [number, number, number] {
  if (!isIsoDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return fromUtc(new Date(Date.UTC(y, m - 1, d + days)));
}

/** Calendar months, clamped to the last day of a shorter month (see MONTHS_RULE). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

/** The day a period ends, from the day that started it. */
export function deadlineFrom(day: string, period: DeadlinePeriod): string {
  return 'days' in period ? addDays(day, period.days) : addMonths(day, period.months);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [a, b] = [parts(from), parts(to)];
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
}

/** A stored partial date usable as a trigger: a full day, exact or approximate. */
export function triggerDay(stored: string | null): { day: string; approximate: boolean } | null {
  if (!stored) return null;
  const m = /^(~?)(\d{4}-\d{2}-\d{2})$/.exec(stored);
  if (!m || !isIsoDay(m[2]!)) return null;
  return { day: m[2]!, approximate: m[1] === '~' };
}

/** One line of the due list, as the CLI prints it in --json and the due screen shows it. */
export interface DueItem {
  caseId: string;
  caseReference: string;
  caseTitle: string;
  /** `YYYY-MM-DD`. */
  dueOn: string;
  /** Days from today to the due date; negative when overdue. */
  daysLeft: number;
  overdue: boolean;
  /** `follow-up`: a date typed on an intervention; `rule`: computed from DEADLINE_RULES. */
  kind: 'follow-up' | 'rule';
  /** The rule's id, for a computed deadline. */
  rule: string | null;
  /** The date the period runs from, for a computed deadline. */
  from: string | null;
  /** The trigger date was approximate ("~2025-03-04"): so is the deadline. */
  approximate: boolean;
  source: { type: 'intervention' | 'event'; id: string };
}
