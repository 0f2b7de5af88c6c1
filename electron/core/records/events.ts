import { cjkIndexText } from './searchIndex';
import type { z } from 'zod';
import {
  eventCreateSchema,
  eventListQuerySchema,
  eventRecordSchema,
  eventUpdateSchema,
  type Detention,
  type EventCreate,
  type EventLink,
  type EventListQuery,
  type EventRecord,
  type EventSource,
  type EventUpdate,
  type Perpetrator,
} from '../../../shared/domain/event';
import { VigilError } from '../errors';
import type { Queryable } from '../vault/database';
import type { Vault } from '../vault/vault';
import type { WriteContext } from './context';
import {
  createInCase,
  deleteRecord,
  ListFilter,
  updateRecord,
  type UpdateOptions,
  type Entity,
} from './crud';
import { dateFromDb, dateToDb, spanOf } from './dates';
import { assertPersonsExist, linkTx } from './persons';
import { bool, chunks, json, parseJson, placeholders } from './sql';
import { insertRowTx, recordTable, rowById, updateRowTx } from './table';
import type { TrashEntry } from './trash';
import { checkId, notFound, parseInput } from './validate';

interface EventRow {
  id: string;
  case_id: string;
  event_type: string;
  title: string;
  description: string;
  start_date: string;
  end_date: string | null;
  ongoing: number;
  date_note: string;
  country: string | null;
  region: string;
  place: string;
  latitude: number | null;
  longitude: number | null;
  detention: string | null;
  created_at: string;
  updated_at: string;
}

const EVENTS = recordTable(
  'events',
  'event_type, title, description, start_date, end_date, ongoing, date_note, sort_key, date_lo, date_hi, country, region, place, latitude, longitude, detention, cjk_title, cjk_body',
  { inCase: true },
);
/** What a read needs: the date span columns are for ordering and filters only. */
const EVENT_READ_COLUMNS =
  'id, case_id, event_type, title, description, start_date, end_date, ongoing, date_note, country, region, place, latitude, longitude, detention, created_at, updated_at';
const EVENT_BY_ID = `SELECT ${EVENT_READ_COLUMNS} FROM events WHERE id = ?`;

const EVENT_FIELDS = [
  'eventType',
  'title',
  'description',
  'start',
  'end',
  'ongoing',
  'dateNote',
  'location',
  'victims',
  'perpetrators',
  'sources',
  'links',
  'detention',
] as const;

/** An event's own fields, as a new event gives them. */
type EventData = z.output<typeof eventCreateSchema>;

interface EventParts {
  victims: string[];
  perpetrators: Perpetrator[];
  sources: EventSource[];
  links: EventLink[];
}

const emptyParts = (): EventParts => ({ victims: [], perpetrators: [], sources: [], links: [] });

function eventFromRow(row: EventRow, parts: EventParts): EventRecord {
  return {
    id: row.id,
    caseId: row.case_id,
    eventType: row.event_type,
    title: row.title,
    description: row.description,
    start: dateFromDb(row.start_date)!,
    end: dateFromDb(row.end_date),
    ongoing: row.ongoing === 1,
    dateNote: row.date_note,
    location: {
      country: row.country,
      region: row.region,
      place: row.place,
      latitude: row.latitude,
      longitude: row.longitude,
    },
    ...parts,
    detention: detentionFromDb(row.detention),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Detention details as stored; places written before `detainees` existed held every victim. */
function detentionFromDb(text: string | null): Detention | null {
  const detention = parseJson<Detention | null>(text, null);
  if (!detention) return null;
  return {
    ...detention,
    places: detention.places.map((place) => ({ ...place, detainees: place.detainees ?? [] })),
  };
}

/** Victims, perpetrators, sources and links of many events, in their stored order. */
export async function loadEventParts(
  q: Queryable,
  ids: readonly string[],
): Promise<Map<string, EventParts>> {
  const out = new Map<string, EventParts>(ids.map((id) => [id, emptyParts()]));
  for (const part of chunks(ids)) {
    const list = placeholders(part.length);
    for (const r of await q.all<{ event_id: string; person_id: string }>(
      `SELECT event_id, person_id FROM event_victims WHERE event_id IN (${list}) ORDER BY event_id, position`,
      part,
    )) {
      out.get(r.event_id)!.victims.push(r.person_id);
    }
    for (const r of await q.all<{
      event_id: string;
      person_id: string;
      involvement: string;
      notes: string;
    }>(
      `SELECT event_id, person_id, involvement, notes FROM event_perpetrators WHERE event_id IN (${list}) ORDER BY event_id, position`,
      part,
    )) {
      out
        .get(r.event_id)!
        .perpetrators.push({ personId: r.person_id, involvement: r.involvement, notes: r.notes });
    }
    for (const r of await q.all<{
      event_id: string;
      person_id: string | null;
      testimony_id: string | null;
      description: string;
      reliability: string;
    }>(
      `SELECT event_id, person_id, testimony_id, description, reliability FROM event_sources WHERE event_id IN (${list}) ORDER BY event_id, position`,
      part,
    )) {
      out.get(r.event_id)!.sources.push({
        personId: r.person_id,
        testimonyId: r.testimony_id,
        description: r.description,
        reliability: r.reliability,
      });
    }
    for (const r of await q.all<{ event_id: string; linked_event_id: string; relation: string }>(
      `SELECT event_id, linked_event_id, relation FROM event_links WHERE event_id IN (${list}) ORDER BY event_id, position`,
      part,
    )) {
      out.get(r.event_id)!.links.push({ eventId: r.linked_event_id, relation: r.relation });
    }
  }
  return out;
}

export async function eventsFromRows(q: Queryable, rows: EventRow[]): Promise<EventRecord[]> {
  const parts = await loadEventParts(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((row) => eventFromRow(row, parts.get(row.id) ?? emptyParts()));
}

export async function loadEvent(q: Queryable, id: string): Promise<EventRecord> {
  const row = await rowById<EventRow>(q, EVENT_BY_ID, 'event', id);
  return (await eventsFromRows(q, [row]))[0]!;
}

const EVENT: Entity<EventRecord, EventData> = {
  kind: 'event',
  table: EVENTS,
  create: eventCreateSchema,
  update: eventUpdateSchema,
  record: eventRecordSchema,
  fields: EVENT_FIELDS,
  load: loadEvent,
};

function eventParams(e: EventRecord): (string | number | null)[] {
  const span = spanOf(e.start, e.end, e.ongoing);
  return [
    e.eventType,
    e.title,
    e.description,
    dateToDb(e.start),
    dateToDb(e.end),
    bool(e.ongoing),
    e.dateNote,
    span.sortKey,
    span.lo,
    span.hi,
    e.location.country,
    e.location.region,
    e.location.place,
    e.location.latitude,
    e.location.longitude,
    e.detention ? json(e.detention) : null,
    cjkIndexText([e.title]),
    cjkIndexText([
      e.description,
      e.location.place,
      e.location.region,
      e.dateNote,
      ...(e.detention
        ? [
            e.detention.forces,
            e.detention.authority,
            e.detention.reasonsImputed,
            e.detention.legalBasis,
            ...e.detention.places.map((place) => place.name),
          ]
        : []),
    ]),
  ];
}

/** Inserts the event row alone; parts follow with `writeEventPartsTx` (links need every event of a document first). */
export async function insertEventRowTx(ctx: WriteContext, e: EventRecord): Promise<void> {
  await insertRowTx(ctx, EVENTS, e, eventParams(e));
}

/** (Re)writes victims, perpetrators, sources and, unless told not to, links. */
export async function writeEventPartsTx(
  ctx: WriteContext,
  e: EventRecord,
  options: { links: boolean; replace: boolean },
): Promise<void> {
  if (options.replace) {
    await ctx.sql.run('DELETE FROM event_victims WHERE event_id = ?', [e.id]);
    await ctx.sql.run('DELETE FROM event_perpetrators WHERE event_id = ?', [e.id]);
    await ctx.sql.run('DELETE FROM event_sources WHERE event_id = ?', [e.id]);
    if (options.links) await ctx.sql.run('DELETE FROM event_links WHERE event_id = ?', [e.id]);
  }
  for (const [i, personId] of e.victims.entries()) {
    await ctx.sql.run(
      'INSERT INTO event_victims (event_id, person_id, position) VALUES (?, ?, ?)',
      [e.id, personId, i],
    );
  }
  for (const [i, p] of e.perpetrators.entries()) {
    await ctx.sql.run(
      'INSERT INTO event_perpetrators (event_id, person_id, position, involvement, notes) VALUES (?, ?, ?, ?, ?)',
      [e.id, p.personId, i, p.involvement, p.notes],
    );
  }
  for (const [i, s] of e.sources.entries()) {
    await ctx.sql.run(
      'INSERT INTO event_sources (event_id, position, person_id, testimony_id, description, reliability) VALUES (?, ?, ?, ?, ?, ?)',
      [e.id, i, s.personId, s.testimonyId, s.description, s.reliability],
    );
  }
  if (options.links) await writeEventLinksTx(ctx, e);
}

export async function writeEventLinksTx(ctx: WriteContext, e: EventRecord): Promise<void> {
  for (const [i, link] of e.links.entries()) {
    await ctx.sql.run(
      'INSERT INTO event_links (event_id, linked_event_id, position, relation) VALUES (?, ?, ?, ?)',
      [e.id, link.eventId, i, link.relation],
    );
  }
}

/** Victims and perpetrators of an event belong to its case in those roles. */
export async function linkEventPersonsTx(ctx: WriteContext, e: EventRecord): Promise<void> {
  for (const personId of e.victims) await linkTx(ctx, e.caseId, personId, 'victim');
  for (const p of e.perpetrators) await linkTx(ctx, e.caseId, p.personId, 'perpetrator');
}

/** Checks every record the event refers to exists, and that testimonies and linked events are of the same case. */
async function assertEventReferences(q: Queryable, e: EventRecord): Promise<void> {
  await assertPersonsExist(q, [
    ...e.victims,
    ...e.perpetrators.map((p) => p.personId),
    ...e.sources.flatMap((s) => (s.personId ? [s.personId] : [])),
  ]);
  for (const testimonyId of e.sources.flatMap((s) => (s.testimonyId ? [s.testimonyId] : []))) {
    const row = await q.get<{ case_id: string }>('SELECT case_id FROM testimonies WHERE id = ?', [
      testimonyId,
    ]);
    if (!row) throw notFound('testimony', testimonyId);
    if (row.case_id !== e.caseId)
      throw new VigilError(
        'INVALID_INPUT',
        `The testimony ${testimonyId} belongs to another case; an event's sources must be of its own case.`,
      );
  }
  for (const link of e.links) {
    if (link.eventId === e.id)
      throw new VigilError('INVALID_INPUT', 'An event cannot be linked to itself.');
    const row = await q.get<{ case_id: string }>('SELECT case_id FROM events WHERE id = ?', [
      link.eventId,
    ]);
    if (!row) throw notFound('event', link.eventId);
    if (row.case_id !== e.caseId)
      throw new VigilError(
        'INVALID_INPUT',
        `The event ${link.eventId} belongs to another case; a chain of events stays within one case.`,
      );
  }
}

/**
 * Records an event (an act or violation) in a case. Its victims and
 * perpetrators are linked to the case in those roles if they were not yet.
 */
export async function createEvent(
  vault: Vault,
  caseId: string,
  input: EventCreate,
): Promise<EventRecord> {
  return createInCase(vault, EVENT, caseId, input, async (ctx, record) => {
    await assertEventReferences(ctx.tx, record);
    await insertEventRowTx(ctx, record);
    await writeEventPartsTx(ctx, record, { links: true, replace: false });
    await linkEventPersonsTx(ctx, record);
  });
}

export async function getEvent(vault: Vault, id: string): Promise<EventRecord> {
  return loadEvent(vault.db, checkId(id, 'event'));
}

export async function updateEventRowTx(ctx: WriteContext, record: EventRecord): Promise<void> {
  await updateRowTx(ctx, EVENTS, record, eventParams(record));
}

const PART_FIELDS = ['victims', 'perpetrators', 'sources', 'links'];

/** Changes the fields given; victims, perpetrators, sources and links are replaced whole when given. */
export async function updateEvent(
  vault: Vault,
  id: string,
  patch: EventUpdate,
  options: UpdateOptions = {},
): Promise<EventRecord> {
  return updateRecord(
    vault,
    EVENT,
    id,
    patch,
    async (ctx, record, fields) => {
      await assertEventReferences(ctx.tx, record);
      await updateEventRowTx(ctx, record);
      if (PART_FIELDS.some((f) => fields.includes(f)))
        await writeEventPartsTx(ctx, record, { links: fields.includes('links'), replace: true });
      await linkEventPersonsTx(ctx, record);
    },
    options,
  );
}

/** Deletes an event with its parts; links to it from other events go too. */
export async function deleteEvent(vault: Vault, id: string): Promise<TrashEntry> {
  return deleteRecord(vault, EVENT, id);
}

/** Events in chronological order (partial dates ordered as in partialDate.ts). */
export async function listEvents(vault: Vault, input: EventListQuery = {}): Promise<EventRecord[]> {
  const query = parseInput(eventListQuerySchema, input, 'event list query');
  const filter = new ListFilter();
  await filter.inCase(vault.db, query.caseId);
  if (query.eventType) filter.where('event_type = ?', query.eventType);
  if (query.personId !== undefined) {
    const personId = query.personId;
    filter.where(
      '(id IN (SELECT event_id FROM event_victims WHERE person_id = ?) OR id IN (SELECT event_id FROM event_perpetrators WHERE person_id = ?))',
      personId,
      personId,
    );
  }
  const rows = await vault.db.all<EventRow>(
    `SELECT ${EVENT_READ_COLUMNS} FROM events ${filter.sql}
     ORDER BY sort_key, created_at, rowid LIMIT ? OFFSET ?`,
    filter.params(query),
  );
  return eventsFromRows(vault.db, rows);
}
export type { EventListQuery };
