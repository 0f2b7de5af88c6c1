import { UsageError, type Command } from '../../command';
import { createEvent, getEvent, listEvents, updateEvent, deleteEvent } from '../../../core/records';
import {
  eventCreateSchema,
  eventFields,
  eventListQuerySchema,
  eventUpdateSchema,
} from '../../../../shared/domain/event';
import { TEXT_LIMITS } from '../../../../shared/domain/text';
import { caseIdFrom, caseOption } from '../../caseOption';
import {
  changedLine,
  DATE_HELP,
  PAGE_FIELDS,
  queryOf,
  runEdit,
  specs,
  trashedLine,
} from './common';
import {
  checkRecord,
  flag,
  fromFile,
  idWithTerm,
  inputFrom,
  list,
  naming,
  numberValue,
  optionsOf,
  text,
  withSchemaFields,
  type FieldOptions,
} from './fields';
import * as format from './format';

const PLACE_KEYS: Record<string, string> = {
  type: 'placeType',
  country: 'country',
  from: 'from',
  to: 'to',
  notes: 'notes',
  detainees: 'detainees',
};

/**
 * `--detention-place "Tora prison; type=prison; from=2024-04; to=2024-06; country=EG; detainees=ID,ID"`:
 * the place's name first, then `key=value` parts separated by `;` (detainees: when not every victim was held there).
 */
export function detentionPlaceOf(value: string): Record<string, unknown> {
  const [name, ...parts] = value.split(';').map((part) => part.trim());
  if (!name || /^(type|country|from|to|notes|detainees)=/.test(name))
    throw new UsageError(`--detention-place starts with the name of the place, not "${value}".`);
  const place: Record<string, unknown> = { name };
  for (const part of parts) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const key = at < 0 ? '' : part.slice(0, at).trim();
    if (!(key in PLACE_KEYS))
      throw new UsageError(
        `--detention-place: "${part}" is not one of type=, country=, from=, to=, notes=, detainees=.`,
      );
    const field = PLACE_KEYS[key]!;
    if (field in place) throw new UsageError(`--detention-place gives ${key}= twice.`);
    const text = part.slice(at + 1).trim();
    place[field] =
      field === 'detainees'
        ? text
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean)
        : text;
  }
  return place;
}

export const EVENT_FIELDS: FieldOptions = withSchemaFields(eventFields, {
  type: text(
    'eventType',
    'TERM',
    'event type, e.g. arbitrary-arrest, arbitrary-detention, torture, judicial-harassment',
    { required: true },
  ),
  date: text(
    'start',
    'DATE',
    'when it started or happened (partial dates allowed; default unknown)',
  ),
  'end-date': text('end', 'DATE', 'when it ended', { nullable: true }),
  ongoing: flag('ongoing', 'it is still going on'),
  title: text('title', 'TEXT', 'a short title'),
  description: text('description', 'TEXT', 'what happened'),
  'description-file': fromFile(
    'description',
    'read the description from a UTF-8 file',
    TEXT_LIMITS.text,
    'the description',
  ),
  'date-note': text('dateNote', 'TEXT', 'how the date is known, e.g. "some time before the trial"'),
  country: text('location.country', 'CC', 'country (ISO 3166-1 code)', { nullable: true }),
  region: text('location.region', 'TEXT', 'region, province or city'),
  place: text('location.place', 'TEXT', 'the place, as precisely as known'),
  lat: text('location.latitude', 'DEG', 'latitude (private; with --lon)', {
    value: numberValue('lat'),
    nullable: true,
  }),
  lon: text('location.longitude', 'DEG', 'longitude (private; with --lat)', {
    value: numberValue('lon'),
    nullable: true,
  }),
  victim: list('victims', 'PERSON_ID', 'a victim'),
  perpetrator: list(
    'perpetrators',
    'PERSON_ID[:DEGREE]',
    'an alleged perpetrator, with the degree of involvement (default suspected)',
    { value: idWithTerm('personId', 'involvement') },
  ),
  'source-testimony': list(
    'sources',
    'TESTIMONY_ID[:RELIABILITY]',
    'a testimony the information comes from',
    { value: idWithTerm('testimonyId', 'reliability') },
  ),
  'source-person': list(
    'sources',
    'PERSON_ID[:RELIABILITY]',
    'a person the information comes from',
    {
      value: idWithTerm('personId', 'reliability'),
    },
  ),
  'source-text': list('sources', 'TEXT', 'another source, described (a report, a document)', {
    value: (description) => ({ description }),
  }),
  link: list(
    'links',
    'EVENT_ID[:RELATION]',
    'a linked event of the same case (led-to, followed-by, part-of, related-to)',
    { value: idWithTerm('eventId', 'relation') },
  ),
  forces: text(
    'detention.forces',
    'TEXT',
    'detention: forces who carried out the arrest or hold the person',
  ),
  'warrant-shown': text('detention.warrantShown', 'ANSWER', 'detention: yes, no or unknown'),
  authority: text(
    'detention.authority',
    'TEXT',
    'detention: authority that issued the warrant or ordered the detention',
  ),
  reasons: text(
    'detention.reasonsImputed',
    'TEXT',
    'detention: reasons imputed by the authorities',
  ),
  'legal-basis': text(
    'detention.legalBasis',
    'TEXT',
    'detention: legal basis, including the legislation applied',
  ),
  'legal-counsel': text(
    'detention.legalCounsel',
    'ANSWER',
    'detention: access to a lawyer (yes, no, unknown)',
  ),
  'family-informed': text(
    'detention.familyInformed',
    'ANSWER',
    'detention: family informed (yes, no, unknown)',
  ),
  'before-judge': text(
    'detention.broughtBeforeJudge',
    'ANSWER',
    'detention: brought before a judge (yes, no, unknown)',
  ),
  'detention-place': list(
    'detention.places',
    'PLACE',
    'detention: a place of detention, in order (each transfer): "NAME; type=prison; from=DATE; to=DATE; country=CC; detainees=ID,ID"',
    { value: detentionPlaceOf },
  ),
  'no-ongoing': flag('ongoing', 'it is over', false, { only: 'edit' }),
  'clear-victims': flag('victims', 'remove every victim', [], { only: 'edit' }),
  'clear-perpetrators': flag('perpetrators', 'remove every perpetrator', [], { only: 'edit' }),
  'clear-sources': flag('sources', 'remove every source', [], { only: 'edit' }),
  'clear-links': flag('links', 'remove every link to another event', [], { only: 'edit' }),
  'no-detention': flag('detention', 'remove the detention details', null, { only: 'edit' }),
});

const eventAdd: Command = {
  name: 'event add',
  summary: 'Record an event (an act or violation) in a case, and print its id.',
  options: { case: caseOption(), ...optionsOf(EVENT_FIELDS, 'add') },
  examples: [
    'vigil event add --case VIG-2026-0001 --type arbitrary-detention --date 2024-03',
    'vigil event add --case VIG-2026-0001 --type torture --date "~2024-03-20" --victim 3f2a… --perpetrator 9c1d…:direct-perpetrator',
    'vigil event add --case VIG-2026-0001 --type arbitrary-arrest --date 2024-03-15 --forces "National Security Agency" --warrant-shown no --json',
  ],
  details: DATE_HELP,
  async run(context) {
    const input = await inputFrom(context, EVENT_FIELDS, 'add');
    const data = checkRecord(eventCreateSchema, input, 'event');
    const vault = await context.openVault();
    const caseId = await caseIdFrom(vault, context);
    const event = await naming(input, () => createEvent(vault, caseId, data));
    context.output(event, () => event.id);
  },
};

const eventEdit: Command = {
  name: 'event edit',
  summary: 'Change an event: only the options given change (lists given replace the whole list).',
  positionals: [{ name: 'ID', description: 'the event id', required: true }],
  options: optionsOf(EVENT_FIELDS, 'edit'),
  examples: [
    'vigil event edit 5b1e… --date 2024-03-14',
    'vigil event edit 5b1e… --victim 3f2a… --victim 8d0c… --end-date "" --ongoing',
    'vigil event edit 5b1e… --forces "National Security Agency" --json',
  ],
  details: `${DATE_HELP}
The location and detention options change only their own part; --detention-place given replaces
every place. An empty value clears a field: --end-date "", --country "".`,
  async run(context) {
    const { record, changed } = await runEdit(context, {
      fields: EVENT_FIELDS,
      patchSchema: eventUpdateSchema,
      what: 'event',
      nested: ['location', 'detention'],
      load: getEvent,
      update: updateEvent,
    });
    context.output(record, () => changedLine(record.id, changed));
  },
};

const EVENT_LIST_FIELDS: FieldOptions = {
  case: text('caseId', 'CASE', 'only events of this case (id or reference)'),
  type: text('eventType', 'TERM', 'only events of this type'),
  person: text('personId', 'PERSON_ID', 'only events where this person is a victim or perpetrator'),
  ...PAGE_FIELDS,
};

const eventList: Command = {
  name: 'event list',
  access: 'read',
  summary: 'List events in date order (partial dates ordered sensibly).',
  options: specs(EVENT_LIST_FIELDS),
  examples: ['vigil event list --case VIG-2026-0001', 'vigil event list --type torture --json'],
  async run(context) {
    const query = await queryOf(context, EVENT_LIST_FIELDS, eventListQuerySchema);
    const vault = await context.openVault();
    const events = await listEvents(vault, await query(vault));
    context.output({ events }, () => format.eventList(events));
  },
};

const eventDelete: Command = {
  name: 'event delete',
  summary: 'Move an event to the trash (vigil trash restore brings it back).',
  positionals: [{ name: 'ID', description: 'the event id', required: true }],
  examples: ['vigil event delete 5b1e…', 'vigil event delete 5b1e… --json'],
  async run(context) {
    const vault = await context.openVault();
    const entry = await deleteEvent(vault, context.positionals[0]!);
    context.output({ id: entry.recordId, trash: entry.id }, () =>
      trashedLine('the event', entry.recordId, entry.id),
    );
  },
};

export const eventCommands: Command[] = [eventAdd, eventEdit, eventList, eventDelete];
