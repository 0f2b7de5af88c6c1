import { localIsoDay } from '../../../shared/domain/partialDate';
import {
  DEADLINE_RULES,
  daysBetween,
  deadlineFrom,
  isIsoDay,
  triggerDay,
  type DeadlineRule,
  type DueItem,
} from '../../../shared/deadlines';
import { VigilError } from '../errors';
import type { Vault } from '../vault/vault';

export interface DueQuery {
  /** Only what is due within this many days from today (overdue items included). */
  withinDays?: number;
  /** Only what is overdue. */
  overdueOnly?: boolean;
  /** Today, `YYYY-MM-DD`; defaults to the vault clock's local day. */
  today?: string;
}

interface CaseRow {
  id: string;
  reference: string;
  title: string;
  countries: string;
}
interface InterventionRow {
  id: string;
  case_id: string;
  intervention_type: string;
  mechanism: string | null;
  sent_on: string | null;
  status: string;
  response_on: string | null;
  follow_up_on: string | null;
}
interface EventRow {
  id: string;
  case_id: string;
  event_type: string;
  start_date: string;
  country: string | null;
}

function parseCountries(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

/** A regional rule applies unless every country known for the record is outside its states. */
function inJurisdiction(rule: DeadlineRule, countries: string[]): boolean {
  if (!rule.countries || countries.length === 0) return true;
  return countries.some((c) => rule.countries!.includes(c.toUpperCase()));
}

/**
 * Every follow-up across cases: the dates typed on interventions, and the
 * deadlines the procedures set (DEADLINE_RULES in shared/deadlines.ts),
 * computed from the records that start them, unless already met. Sorted by
 * due date, so what is overdue comes first.
 */
export async function listDue(vault: Vault, query: DueQuery = {}): Promise<DueItem[]> {
  if (
    query.withinDays !== undefined &&
    (!Number.isInteger(query.withinDays) || query.withinDays < 0)
  )
    throw new VigilError('INVALID_INPUT', 'The number of days must be a whole number, 0 or more.');
  const today = query.today ?? localIsoDay(vault.now());
  if (!isIsoDay(today))
    throw new VigilError('INVALID_INPUT', `"${today}" is not a date (YYYY-MM-DD).`);

  const cases = new Map(
    (await vault.db.all<CaseRow>('SELECT id, reference, title, countries FROM cases')).map((c) => [
      c.id,
      c,
    ]),
  );
  const interventions = await vault.db.all<InterventionRow>(
    `SELECT id, case_id, intervention_type, mechanism, sent_on, status, response_on, follow_up_on
       FROM interventions`,
  );
  const triggerTypes = DEADLINE_RULES.flatMap((r) =>
    r.trigger.record === 'event' ? [r.trigger.eventType] : [],
  );
  const events = triggerTypes.length
    ? await vault.db.all<EventRow>(
        `SELECT id, case_id, event_type, start_date, country FROM events
          WHERE event_type IN (${triggerTypes.map(() => '?').join(', ')})`,
        triggerTypes,
      )
    : [];

  const items: DueItem[] = [];
  const push = (
    caseId: string,
    dueOn: string,
    rest: Pick<DueItem, 'kind' | 'rule' | 'from' | 'approximate' | 'source'>,
  ) => {
    const found = cases.get(caseId);
    if (!found) return;
    const daysLeft = daysBetween(today, dueOn);
    items.push({
      caseId,
      caseReference: found.reference,
      caseTitle: found.title,
      dueOn,
      daysLeft,
      overdue: daysLeft < 0,
      ...rest,
    });
  };

  for (const i of interventions) {
    if (i.follow_up_on && isIsoDay(i.follow_up_on) && i.status !== 'closed')
      push(i.case_id, i.follow_up_on, {
        kind: 'follow-up',
        rule: null,
        from: null,
        approximate: false,
        source: { type: 'intervention', id: i.id },
      });
  }

  /** Whether the case already sent something to `mechanism` on or after `day`. */
  const sentSince = (caseId: string, mechanism: string, day: string) =>
    interventions.some((i) => {
      const sent = triggerDay(i.sent_on);
      return i.case_id === caseId && i.mechanism === mechanism && sent && sent.day >= day;
    });

  for (const rule of DEADLINE_RULES) {
    const { trigger, met } = rule;
    if (trigger.record === 'intervention') {
      for (const i of interventions) {
        const matches =
          trigger.interventionTypes.includes(i.intervention_type) ||
          (i.mechanism !== null && trigger.mechanisms.includes(i.mechanism));
        const start = triggerDay(i.sent_on);
        if (!matches || !start) continue;
        if ('response' in met && (i.response_on || met.statuses.includes(i.status))) continue;
        push(i.case_id, deadlineFrom(start.day, rule.period), {
          kind: 'rule',
          rule: rule.id,
          from: start.day,
          approximate: start.approximate,
          source: { type: 'intervention', id: i.id },
        });
      }
    } else {
      for (const e of events) {
        const start = triggerDay(e.start_date);
        if (e.event_type !== trigger.eventType || !start) continue;
        const countries = e.country
          ? [e.country]
          : parseCountries(cases.get(e.case_id)?.countries ?? '[]');
        if (!inJurisdiction(rule, countries)) continue;
        if ('sentTo' in met && sentSince(e.case_id, met.sentTo, start.day)) continue;
        push(e.case_id, deadlineFrom(start.day, rule.period), {
          kind: 'rule',
          rule: rule.id,
          from: start.day,
          approximate: start.approximate,
          source: { type: 'event', id: e.id },
        });
      }
    }
  }

  return items
    .filter((item) => !query.overdueOnly || item.overdue)
    .filter((item) => query.withinDays === undefined || item.daysLeft <= query.withinDays)
    .sort(
      (a, b) =>
        a.dueOn.localeCompare(b.dueOn) ||
        a.caseReference.localeCompare(b.caseReference) ||
        (a.rule ?? '').localeCompare(b.rule ?? ''),
    );
}
