import {
  isUncertain,
  parsePartialDate,
  precisionOf,
  sortKey,
  type PartialDate,
} from '../../../shared/domain/partialDate';
import type { TimelineEntry } from '../../../shared/domain/timeline';
import type { Language, VocabularySet } from '../../../shared/vocabularies';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import { existingCaseId } from './crud';
import { dateFromDb } from './dates';
import { assertPersonsExist } from './persons';
import { placeholders } from './sql';
import { checkId } from './validate';
import { loadVocabularies } from './vocabularies';

export type { TimelineEntry };

/** Which records a timeline covers: some cases, and optionally only what involves one person. */
export interface TimelineScope {
  caseIds: string[];
  personId?: string;
  lang: Language;
}

/**
 * A source of timeline entries. The built-in providers cover events,
 * testimonies and interventions; another module (the evidence store, for
 * capture times) adds its own to `timelineProviders` or passes it per call.
 */
export interface TimelineProvider {
  name: string;
  entries(q: Queryable, scope: TimelineScope, vocab: VocabularySet): Promise<TimelineEntry[]>;
}

/** Build an entry from a date, with the ordering and uncertainty fields filled in. */
export function timelineEntry(
  fields: Omit<TimelineEntry, 'sortKey' | 'precision' | 'uncertain' | 'end'> & {
    end?: PartialDate | null;
  },
): TimelineEntry {
  return {
    ...fields,
    end: fields.end ?? null,
    sortKey: sortKey(fields.date),
    precision: precisionOf(fields.date),
    uncertain: isUncertain(fields.date),
  };
}

const inCases = (scope: TimelineScope, column: string) =>
  `${column} IN (${placeholders(scope.caseIds.length)})`;

const eventsProvider: TimelineProvider = {
  name: 'events',
  async entries(q, scope, vocab) {
    const personFilter = scope.personId
      ? ' AND (id IN (SELECT event_id FROM event_victims WHERE person_id = ?) OR id IN (SELECT event_id FROM event_perpetrators WHERE person_id = ?) OR id IN (SELECT event_id FROM event_sources WHERE person_id = ?))'
      : '';
    const rows = await q.all<{
      id: string;
      case_id: string;
      event_type: string;
      title: string;
      start_date: string;
      end_date: string | null;
      place: string;
      region: string;
      country: string | null;
    }>(
      `SELECT id, case_id, event_type, title, start_date, end_date, place, region, country FROM events WHERE ${inCases(scope, 'case_id')}${personFilter}`,
      [
        ...scope.caseIds,
        ...(scope.personId ? [scope.personId, scope.personId, scope.personId] : []),
      ],
    );
    return rows.map((r) =>
      timelineEntry({
        kind: 'event',
        recordType: 'event',
        id: r.id,
        caseId: r.case_id,
        date: parsePartialDate(r.start_date),
        end: dateFromDb(r.end_date),
        title: r.title
          ? `${vocab.label('event-type', r.event_type, scope.lang)}: ${r.title}`
          : vocab.label('event-type', r.event_type, scope.lang),
        detail: [r.place, r.region, r.country].filter(Boolean).join(', '),
      }),
    );
  },
};

const testimoniesProvider: TimelineProvider = {
  name: 'testimonies',
  async entries(q, scope, vocab) {
    const rows = await q.all<{
      id: string;
      case_id: string;
      taken_on: string;
      witness: string | null;
      witness_description: string;
      method: string | null;
      place: string;
    }>(
      `SELECT t.id, t.case_id, t.taken_on, p.name AS witness, t.witness_description, t.method, t.place
       FROM testimonies t LEFT JOIN persons p ON p.id = t.witness_id
       WHERE ${inCases(scope, 't.case_id')}${scope.personId ? ' AND t.witness_id = ?' : ''}`,
      [...scope.caseIds, ...(scope.personId ? [scope.personId] : [])],
    );
    return rows.map((r) =>
      timelineEntry({
        kind: 'testimony',
        recordType: 'testimony',
        id: r.id,
        caseId: r.case_id,
        date: parsePartialDate(r.taken_on),
        title: r.witness ?? r.witness_description,
        detail: [r.method ? vocab.label('testimony-method', r.method, scope.lang) : '', r.place]
          .filter(Boolean)
          .join(', '),
      }),
    );
  },
};

const interventionsProvider: TimelineProvider = {
  name: 'interventions',
  async entries(q, scope, vocab) {
    const rows = await q.all<{
      id: string;
      case_id: string;
      intervention_type: string;
      recipient: string;
      reference: string;
      sent_on: string | null;
      response_on: string | null;
      outcome: string;
      follow_up_on: string | null;
    }>(
      `SELECT id, case_id, intervention_type, recipient, reference, sent_on, response_on, outcome, follow_up_on FROM interventions WHERE ${inCases(scope, 'case_id')}`,
      scope.caseIds,
    );
    return rows.flatMap((r) => {
      const label = vocab.label('intervention-type', r.intervention_type, scope.lang);
      const base = { recordType: 'intervention', id: r.id, caseId: r.case_id };
      const out: TimelineEntry[] = [];
      if (r.sent_on)
        out.push(
          timelineEntry({
            ...base,
            kind: 'intervention-sent',
            date: parsePartialDate(r.sent_on),
            title: label,
            detail: [r.recipient, r.reference].filter(Boolean).join(', '),
          }),
        );
      if (r.response_on)
        out.push(
          timelineEntry({
            ...base,
            kind: 'intervention-response',
            date: parsePartialDate(r.response_on),
            title: label,
            detail: [r.recipient, r.outcome].filter(Boolean).join(', '),
          }),
        );
      if (r.follow_up_on)
        out.push(
          timelineEntry({
            ...base,
            kind: 'intervention-follow-up',
            date: parsePartialDate(r.follow_up_on),
            title: label,
            detail: r.recipient,
          }),
        );
      return out;
    });
  },
};

/** The providers every timeline uses; modules with dated records of their own push theirs here. */
export const timelineProviders: TimelineProvider[] = [
  eventsProvider,
  testimoniesProvider,
  interventionsProvider,
];

const KIND_ORDER = [
  'event',
  'testimony',
  'intervention-sent',
  'intervention-response',
  'intervention-follow-up',
];
const kindRank = (kind: string) => {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
};

/** Orders by date (see partialDate.ts), then what happened before what was said about it, then title and id. */
export function compareTimelineEntries(a: TimelineEntry, b: TimelineEntry): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  const k = kindRank(a.kind) - kindRank(b.kind);
  if (k !== 0) return k;
  return a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

async function collect(
  q: Queryable,
  scope: TimelineScope,
  extra: readonly TimelineProvider[],
): Promise<TimelineEntry[]> {
  if (scope.caseIds.length === 0) return [];
  const vocab = await loadVocabularies(q);
  const entries: TimelineEntry[] = [];
  for (const provider of [...timelineProviders, ...extra])
    entries.push(...(await provider.entries(q, scope, vocab)));
  return entries.sort(compareTimelineEntries);
}

export interface TimelineOptions {
  lang?: Language;
  /** Providers to use on top of `timelineProviders` for this call. */
  providers?: readonly TimelineProvider[];
}

/** Everything dated in one case, in one order. */
export async function caseTimeline(
  vault: Vault,
  caseId: string,
  options: TimelineOptions = {},
): Promise<TimelineEntry[]> {
  const id = await existingCaseId(vault.db, caseId);
  return collect(vault.db, { caseIds: [id], lang: options.lang ?? 'en' }, options.providers ?? []);
}

/**
 * One person across every case they appear in: events where they are a
 * victim, perpetrator or source, testimonies they gave, and the interventions
 * made in those cases.
 */
export async function personTimeline(
  vault: Vault,
  personId: string,
  options: TimelineOptions = {},
): Promise<TimelineEntry[]> {
  const id = checkId(personId, 'person');
  await assertPersonsExist(vault.db, [id]);
  const rows = await vault.db.all<{ case_id: string }>(
    `SELECT case_id FROM case_persons WHERE person_id = ?
     UNION SELECT e.case_id FROM events e JOIN event_victims v ON v.event_id = e.id WHERE v.person_id = ?
     UNION SELECT e.case_id FROM events e JOIN event_perpetrators p ON p.event_id = e.id WHERE p.person_id = ?
     UNION SELECT case_id FROM testimonies WHERE witness_id = ?`,
    [id, id, id, id],
  );
  return collect(
    vault.db,
    { caseIds: rows.map((r) => r.case_id), personId: id, lang: options.lang ?? 'en' },
    options.providers ?? [],
  );
}
