import { resolve } from 'node:path';
import { UsageError, type Command, type CommandContext } from '../command';
import { integerOption } from '../parse';
import { writeFileAtomic } from '../../core/fs/atomic';
import {
  addVocabularyTerm,
  caseTimeline,
  createCase,
  createEvent,
  createIntervention,
  createPerson,
  createTestimony,
  exportCaseDocument,
  findCase,
  getPerson,
  getPersonCases,
  getTestimony,
  getVocabulary,
  importCaseDocument,
  importVocabularyTerms,
  linkPerson,
  listCasePersons,
  listCases,
  listEvents,
  listInterventions,
  listPersons,
  listTestimonies,
  listVocabularies,
  personTimeline,
  readJsonFile,
  readTextFile,
  search,
  updateCase,
  updatePerson,
  withdrawTestimonyConsent,
} from '../../core/records';
import { CASE_SORTS, type CaseSort } from '../../../shared/domain/case';
import { SEARCH_KINDS, type SearchKind } from '../../../shared/domain/search';
import { TEXT_LIMITS } from '../../../shared/domain/text';
import { LANGUAGES, type Language } from '../../../shared/vocabularies';
import * as format from './recordsFormat';
import {
  caseIdFrom,
  consentFrom,
  consentOptions,
  defined,
  detentionPlaceOf,
  flag,
  identityDocumentOf,
  idWithTerm,
  list,
  many,
  number,
  page,
  pageOptions,
  str,
  textOrFile,
  type Options,
} from './recordsOptions';

// `vigil case|person|event|testimony|intervention|search|timeline|vocab`.
// A command that creates something prints its id (with --json, an object
// with at least `id`), so scripts can chain: ID=$(vigil case add --title T).

const DATE_HELP = `Dates may be partial: 2024, 2024-03 or 2024-03-15, optionally with ~ in front
(approximate), "before " or "after " in front (quote them: --date "before 2024-06"), or
the word unknown.`;

function lang(context: CommandContext): Language {
  const value = context.string('lang') ?? 'en';
  if (!(LANGUAGES as readonly string[]).includes(value))
    throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}.`);
  return value as Language;
}

const langOption: Options = {
  lang: str('LANG', `language of labels: ${LANGUAGES.join(', ')} (default en)`),
};

// ---------------------------------------------------------------- cases

const caseFieldOptions: Options = {
  reference: str('REF', 'the case reference (default: the next VIG-YYYY-NNNN)'),
  summary: str('TEXT', 'a summary'),
  'summary-file': str('FILE', 'read the summary from a UTF-8 file'),
  status: str(
    'TERM',
    'case-status term: open (default), documenting, submitted, follow-up, closed, archived',
  ),
  country: many('CC', 'a country concerned (ISO 3166-1 code, e.g. EG)'),
  tag: many('TAG', 'a tag'),
  confidentiality: str('TERM', 'public, internal, confidential (default) or restricted'),
};

const caseAdd: Command = {
  name: 'case add',
  summary: 'Create a case and print its id.',
  options: { title: str('TEXT', 'the case title', { required: true }), ...caseFieldOptions },
  examples: [
    'vigil case add --title "Arrest of A. Hassan at the Cairo protest"',
    'vigil case add --title "Journalist beaten" --country RU --tag wgad --status documenting --json',
  ],
  async run(context) {
    const summary = await textOrFile(context, 'summary');
    const vault = await context.openVault();
    const created = await createCase(
      vault,
      defined({
        title: context.requireString('title'),
        reference: context.string('reference'),
        summary,
        status: context.string('status'),
        countries: list(context, 'country'),
        tags: context.strings('tag'),
        confidentiality: context.string('confidentiality'),
      }) as Parameters<typeof createCase>[1],
    );
    context.output(created, () => created.id);
  },
};

const caseList: Command = {
  name: 'case list',
  summary: 'List cases with their counts of persons, events, testimonies and interventions.',
  options: {
    status: str('TERM', 'only cases with this status'),
    country: str('CC', 'only cases concerning this country'),
    tag: str('TAG', 'only cases with this tag'),
    'event-type': str('TERM', 'only cases holding an event of this type'),
    sort: str('KEY', `sort by ${CASE_SORTS.join(', ')} (default updated)`),
    desc: flag('descending order'),
    asc: flag('ascending order'),
    ...pageOptions,
  },
  examples: [
    'vigil case list',
    'vigil case list --status open --country EG --sort testimonies',
    'vigil case list --event-type enforced-disappearance',
    'vigil case list --json',
  ],
  async run(context) {
    const sort = context.string('sort');
    if (sort !== undefined && !(CASE_SORTS as readonly string[]).includes(sort))
      throw new UsageError(`--sort must be one of ${CASE_SORTS.join(', ')}.`);
    if (context.flag('desc') && context.flag('asc'))
      throw new UsageError('give --asc or --desc, not both.');
    const vault = await context.openVault();
    const cases = await listCases(
      vault,
      defined({
        status: context.string('status'),
        country: context.string('country'),
        tag: context.string('tag'),
        eventType: context.string('event-type'),
        sort: sort as CaseSort | undefined,
        descending: context.flag('desc') ? true : context.flag('asc') ? false : undefined,
        ...page(context),
      }),
    );
    context.output({ cases }, () => format.caseList(cases));
  },
};

const caseShow: Command = {
  name: 'case show',
  summary: 'Show a case with its persons, events, testimonies and interventions.',
  positionals: [{ name: 'CASE', description: 'the case id or reference', required: true }],
  examples: ['vigil case show VIG-2026-0001', 'vigil case show 0b7c2f1e-… --json'],
  async run(context) {
    const vault = await context.openVault();
    const c = await findCase(vault, context.positionals[0]!);
    const [persons, events, testimonies, interventions] = [
      await listCasePersons(vault, c.id),
      await listEvents(vault, { caseId: c.id }),
      await listTestimonies(vault, { caseId: c.id }),
      await listInterventions(vault, { caseId: c.id }),
    ];
    const counts = {
      persons: persons.length,
      events: events.length,
      testimonies: testimonies.length,
      interventions: interventions.length,
    };
    context.output({ case: c, counts, persons, events, testimonies, interventions }, () =>
      format.caseDetail(c, persons, events, testimonies, interventions),
    );
  },
};

const caseEdit: Command = {
  name: 'case edit',
  summary: 'Change fields of a case (only the options given).',
  positionals: [{ name: 'CASE', description: 'the case id or reference', required: true }],
  options: {
    title: str('TEXT', 'a new title'),
    ...caseFieldOptions,
    country: many('CC', 'the countries concerned (replaces the list)'),
    tag: many('TAG', 'the tags (replaces the list)'),
    'clear-countries': flag('remove every country'),
    'clear-tags': flag('remove every tag'),
  },
  examples: [
    'vigil case edit VIG-2026-0001 --status submitted',
    'vigil case edit VIG-2026-0001 --country EG --country SD --reference "UA EGY 4/2024"',
  ],
  async run(context) {
    const summary = await textOrFile(context, 'summary');
    if (context.flag('clear-countries') && context.strings('country').length)
      throw new UsageError('give --country or --clear-countries, not both.');
    if (context.flag('clear-tags') && context.strings('tag').length)
      throw new UsageError('give --tag or --clear-tags, not both.');
    const patch = defined({
      title: context.string('title'),
      reference: context.string('reference'),
      summary,
      status: context.string('status'),
      countries: context.flag('clear-countries')
        ? []
        : context.strings('country').length
          ? list(context, 'country')
          : undefined,
      tags: context.flag('clear-tags')
        ? []
        : context.strings('tag').length
          ? context.strings('tag')
          : undefined,
      confidentiality: context.string('confidentiality'),
    });
    if (Object.keys(patch).length === 0)
      throw new UsageError('nothing to change: give at least one field option.');
    const vault = await context.openVault();
    const before = await findCase(vault, context.positionals[0]!);
    const updated = await updateCase(vault, before.id, patch);
    const changed = Object.keys(patch).filter(
      (k) =>
        JSON.stringify(before[k as keyof typeof before]) !==
        JSON.stringify(updated[k as keyof typeof updated]),
    );
    context.output(updated, () =>
      changed.length
        ? `${updated.id}\nChanged: ${changed.join(', ')}.`
        : `${updated.id}\nNothing changed.`,
    );
  },
};

const caseImport: Command = {
  name: 'case import',
  summary: 'Import a case document (JSON) in one transaction, and print the case id.',
  positionals: [{ name: 'FILE', description: 'a vigil-case JSON document', required: true }],
  options: {
    merge: flag(
      'keep the document ids: update records that exist, add the others (default: new ids)',
    ),
  },
  examples: ['vigil case import case.json', 'vigil case import case.json --merge --json'],
  details: `All of the document is imported, or nothing: a crash or a kill half-way leaves the vault
as it was. With new ids (the default), a reference already used in this vault is replaced by
the next VIG-YYYY-NNNN.`,
  async run(context) {
    const file = context.positionals[0]!;
    const document = await readJsonFile(file, 'case document');
    const vault = await context.openVault();
    const result = await importCaseDocument(vault, document, {
      mode: context.flag('merge') ? 'merge' : 'new-ids',
      onProgress: (done, total) => context.progress(`Imported ${done} of ${total} records`),
    });
    if (context.io.stderrIsTTY) context.io.stderr.write('\n');
    const { ids: _ids, ...summary } = result;
    if (result.referenceChanged)
      context.warn(`the reference was already in use here; the case is now ${result.reference}.`);
    context.output({ id: result.caseId, ...summary }, () => result.caseId);
  },
};

const caseExport: Command = {
  name: 'case export-json',
  summary:
    'Write a case with everything it holds as one JSON document (on stdout, or to --out FILE).',
  positionals: [{ name: 'CASE', description: 'the case id or reference', required: true }],
  options: { out: str('FILE', 'write the document to FILE (must not exist) instead of stdout') },
  examples: [
    'vigil case export-json VIG-2026-0001 > case.json',
    'vigil case export-json VIG-2026-0001 --out case.json',
  ],
  details: `The document is NOT encrypted: it holds every name, statement and contact detail of the
case, so keep it on encrypted storage and delete it when done. The export is recorded in the
audit log.`,
  async run(context) {
    const vault = await context.openVault();
    const c = await findCase(vault, context.positionals[0]!);
    const document = await exportCaseDocument(vault, c.id);
    const text = `${JSON.stringify(document, null, 2)}\n`;
    const out = context.string('out');
    if (out === undefined) {
      context.io.stdout.write(text);
      return;
    }
    await writeFileAtomic(resolve(out), Buffer.from(text, 'utf8'), { overwrite: false });
    context.output(
      { id: c.id, out: resolve(out), bytes: Buffer.byteLength(text) },
      () => `Wrote ${resolve(out)}.`,
    );
  },
};

// ---------------------------------------------------------------- persons

const personFieldOptions: Options = {
  name: str('NAME', 'the name as commonly written (an organisation’s name for those)'),
  type: str('TYPE', 'individual (default), group or organisation'),
  'family-name': str('NAME', "family name, in the person's own script"),
  'given-name': str('NAME', "given name(s), in the person's own script"),
  'family-name-latin': str(
    'NAME',
    'family name in Latin letters, when the own script is not Latin',
  ),
  'given-name-latin': str(
    'NAME',
    'given name(s) in Latin letters, when the own script is not Latin',
  ),
  alias: many('NAME', 'another name, spelling or transliteration'),
  pseudonym: str('NAME', 'a pseudonym'),
  sex: str('TERM', 'female, male, non-binary, other or unknown'),
  'birth-date': str('DATE', 'birth date (partial dates allowed)'),
  age: str('N', 'age at the time of the events'),
  nationality: many('CC', 'a nationality (ISO 3166-1 code)'),
  'id-document': many(
    'DOC',
    'an identity document: "TYPE; number=…; issued-by=…; issued-on=DATE; country=CC" (the number is private; repeatable)',
  ),
  occupation: str('TEXT', 'profession or activity'),
  'hrd-work': many(
    'TERM',
    'human-rights work, e.g. journalist, lawyer, land-defender, trade-unionist',
  ),
  affiliation: str('TEXT', 'organisation or movement'),
  residence: str('TEXT', 'address of usual residence (private)'),
  phone: str('TEXT', 'phone number (private)'),
  email: str('TEXT', 'email address (private)'),
  messaging: str('TEXT', 'secure messaging handle (private)'),
  deceased: flag('the person has died'),
  'death-date': str('DATE', 'date of death'),
  notes: str('TEXT', 'internal notes'),
};

/** The person fields given on the command line (only those given), for add and edit. */
function personInput(context: CommandContext): Record<string, unknown> {
  const contact = defined({
    phone: context.string('phone'),
    email: context.string('email'),
    messaging: context.string('messaging'),
  });
  const idDocuments = context.strings('id-document').map(identityDocumentOf);
  return defined({
    name: context.string('name'),
    personType: context.string('type'),
    familyName: context.string('family-name'),
    givenName: context.string('given-name'),
    familyNameLatin: context.string('family-name-latin'),
    givenNameLatin: context.string('given-name-latin'),
    aliases: context.strings('alias').length > 0 ? context.strings('alias') : undefined,
    pseudonym: context.string('pseudonym'),
    sex: context.string('sex'),
    birthDate: context.string('birth-date'),
    age: integerOption(context, 'age'),
    nationalities:
      list(context, 'nationality').length > 0 ? list(context, 'nationality') : undefined,
    identityDocuments: context.flag('no-id-documents')
      ? []
      : idDocuments.length > 0
        ? idDocuments
        : undefined,
    occupation: context.string('occupation'),
    hrdWork: list(context, 'hrd-work').length > 0 ? list(context, 'hrd-work') : undefined,
    affiliation: context.string('affiliation'),
    residence: context.string('residence'),
    contact: Object.keys(contact).length ? contact : undefined,
    deceased: context.flag('deceased') || undefined,
    deathDate: context.string('death-date'),
    notes: context.string('notes'),
  });
}

const personAdd: Command = {
  name: 'person add',
  summary:
    'Add a person (or group, or organisation), linked to a case in a role, and print the id.',
  options: {
    case: str('CASE', 'the case (id or reference) to link the person to'),
    role: str(
      'ROLE',
      'victim, witness, perpetrator, source, intervening-party, submitter, legal-representative, family-member',
    ),
    person: str('ID', 'link this existing person instead of creating one'),
    ...personFieldOptions,
    ...consentOptions,
  },
  examples: [
    'vigil person add --case VIG-2026-0001 --name "Amal Hassan" --role victim',
    'vigil person add --case VIG-2026-0001 --name "أمل حسن" --alias "Amal Hassan" --role victim --hrd-work lawyer --nationality EG --json',
    'vigil person add --case VIG-2026-0002 --person 3f2a… --role witness',
  ],
  details: `${DATE_HELP}\nThe consent options record whether and how the person may be named in outputs.`,
  async run(context) {
    const caseRef = context.string('case');
    const role = context.string('role');
    if (role !== undefined && caseRef === undefined) throw new UsageError('--role needs --case.');
    if (caseRef !== undefined && role === undefined)
      throw new UsageError('--case needs --role (e.g. --role victim).');
    const existing = context.string('person');
    if (existing !== undefined) {
      if (!caseRef || !role)
        throw new UsageError('--person links an existing person: give --case and --role too.');
      const extra = Object.keys(context.options)
        .filter((k) => k in personFieldOptions || k in consentOptions)
        .filter((k) => context.options[k] !== undefined && context.options[k] !== false);
      if (extra.length)
        throw new UsageError(
          `--person links an existing person; --${extra[0]} cannot be set here.`,
        );
      const vault = await context.openVault();
      const caseId = await caseIdFrom(vault, context);
      const { linked } = await linkPerson(vault, { caseId, personId: existing, role });
      context.output({ id: existing.toLowerCase(), caseId, role, linked }, () =>
        existing.toLowerCase(),
      );
      return;
    }
    const name = context.string('name');
    if (!name)
      throw new UsageError('--name is required (or --person ID to link an existing person).');
    const input = { ...personInput(context), name, consent: consentFrom(context) };
    const vault = await context.openVault();
    const link = caseRef && role ? { caseId: await caseIdFrom(vault, context), role } : undefined;
    const person = await createPerson(vault, input, link);
    context.output(
      { ...person, ...(link ? { caseId: link.caseId, role: link.role } : {}) },
      () => person.id,
    );
  },
};

const personEdit: Command = {
  name: 'person edit',
  summary: 'Change a person: only the options given change (lists given replace the whole list).',
  positionals: [{ name: 'ID', description: 'the person id', required: true }],
  options: {
    ...personFieldOptions,
    'no-id-documents': flag('remove every identity document'),
    ...consentOptions,
  },
  examples: [
    'vigil person edit 3f2a… --family-name 李 --given-name 英俊 --family-name-latin Li --given-name-latin Yingjun',
    'vigil person edit 3f2a… --id-document "passport; number=E12345678; issued-by=Ministry of Public Security; issued-on=2018-04-02; country=CN"',
    'vigil person edit 3f2a… --consent-given-by family-member --consent-date 2025-01-12 --consent-knows-government-contacted',
  ],
  details: `${DATE_HELP}
The consent options change only the parts of the consent record given; the rest stays.
An empty value clears a text field: --given-name-latin "".`,
  async run(context) {
    if (context.strings('id-document').length > 0 && context.flag('no-id-documents'))
      throw new UsageError('give --id-document or --no-id-documents, not both.');
    const patch = personInput(context);
    const consent = consentFrom(context);
    if (Object.keys(patch).length === 0 && consent === undefined)
      throw new UsageError('give at least one field to change (see vigil person edit --help).');
    const vault = await context.openVault();
    const id = context.positionals[0]!;
    if (consent !== undefined) {
      const before = await getPerson(vault, id);
      const merged = { ...(before.consent ?? {}), ...consent };
      // A new scope other than named-mechanisms drops the old list of mechanisms.
      if (
        consent.scope !== undefined &&
        consent.scope !== 'named-mechanisms' &&
        !consent.mechanisms
      )
        merged.mechanisms = [];
      patch.consent = merged;
    }
    const person = await updatePerson(vault, id, patch);
    context.output(person, () => person.id);
  },
};

const personList: Command = {
  name: 'person list',
  summary: 'List persons (all, or of one case), with the cases and roles they appear in.',
  options: {
    case: str('CASE', 'only persons of this case'),
    role: str('ROLE', 'only persons in this role'),
    ...pageOptions,
  },
  examples: [
    'vigil person list --case VIG-2026-0001',
    'vigil person list --role perpetrator --json',
  ],
  async run(context) {
    const vault = await context.openVault();
    const caseId =
      context.string('case') !== undefined ? await caseIdFrom(vault, context) : undefined;
    const persons = await listPersons(
      vault,
      defined({ caseId, role: context.string('role'), ...page(context) }),
    );
    context.output({ persons }, () => format.personList(persons));
  },
};

const personShow: Command = {
  name: 'person show',
  summary: 'Show a person, including private fields, and the cases they appear in.',
  positionals: [{ name: 'ID', description: 'the person id', required: true }],
  examples: ['vigil person show 3f2a…'],
  async run(context) {
    const vault = await context.openVault();
    const person = await getPerson(vault, context.positionals[0]!);
    const cases = await getPersonCases(vault, person.id);
    context.output({ ...person, cases }, () => format.personDetail(person, cases));
  },
};

// ---------------------------------------------------------------- events

const eventAdd: Command = {
  name: 'event add',
  summary: 'Record an event (an act or violation) in a case, and print its id.',
  options: {
    case: str('CASE', 'the case (id or reference)', { required: true }),
    type: str(
      'TERM',
      'event type, e.g. arbitrary-arrest, arbitrary-detention, torture, judicial-harassment',
      { required: true },
    ),
    date: str('DATE', 'when it started or happened (partial dates allowed; default unknown)'),
    'end-date': str('DATE', 'when it ended'),
    ongoing: flag('it is still going on'),
    title: str('TEXT', 'a short title'),
    description: str('TEXT', 'what happened'),
    'description-file': str('FILE', 'read the description from a UTF-8 file'),
    'date-note': str('TEXT', 'how the date is known, e.g. "some time before the trial"'),
    country: str('CC', 'country (ISO 3166-1 code)'),
    region: str('TEXT', 'region, province or city'),
    place: str('TEXT', 'the place, as precisely as known'),
    lat: str('DEG', 'latitude (private; with --lon)'),
    lon: str('DEG', 'longitude (private; with --lat)'),
    victim: many('PERSON_ID', 'a victim'),
    perpetrator: many(
      'PERSON_ID[:DEGREE]',
      'an alleged perpetrator, with the degree of involvement (default suspected)',
    ),
    'source-testimony': many(
      'TESTIMONY_ID[:RELIABILITY]',
      'a testimony the information comes from',
    ),
    'source-person': many('PERSON_ID[:RELIABILITY]', 'a person the information comes from'),
    'source-text': many('TEXT', 'another source, described (a report, a document)'),
    link: many(
      'EVENT_ID[:RELATION]',
      'a linked event of the same case (led-to, followed-by, part-of, related-to)',
    ),
    forces: str('TEXT', 'detention: forces who carried out the arrest or hold the person'),
    'warrant-shown': str('ANSWER', 'detention: yes, no or unknown'),
    authority: str('TEXT', 'detention: authority that issued the warrant or ordered the detention'),
    reasons: str('TEXT', 'detention: reasons imputed by the authorities'),
    'legal-basis': str('TEXT', 'detention: legal basis, including the legislation applied'),
    'legal-counsel': str('ANSWER', 'detention: access to a lawyer (yes, no, unknown)'),
    'family-informed': str('ANSWER', 'detention: family informed (yes, no, unknown)'),
    'before-judge': str('ANSWER', 'detention: brought before a judge (yes, no, unknown)'),
    'detention-place': many(
      'PLACE',
      'detention: a place of detention, in order (each transfer): "NAME; type=prison; from=DATE; to=DATE; country=CC; detainees=ID,ID"',
    ),
  },
  examples: [
    'vigil event add --case VIG-2026-0001 --type arbitrary-detention --date 2024-03',
    'vigil event add --case VIG-2026-0001 --type torture --date "~2024-03-20" --victim 3f2a… --perpetrator 9c1d…:direct-perpetrator',
    'vigil event add --case VIG-2026-0001 --type arbitrary-arrest --date 2024-03-15 --forces "National Security Agency" --warrant-shown no --json',
  ],
  details: DATE_HELP,
  async run(context) {
    const description = await textOrFile(context, 'description');
    const lat = number(context, 'lat');
    const lon = number(context, 'lon');
    const detentionKeys = [
      'forces',
      'warrant-shown',
      'authority',
      'reasons',
      'legal-basis',
      'legal-counsel',
      'family-informed',
      'before-judge',
      'detention-place',
    ];
    const hasDetention = detentionKeys.some((k) => context.options[k] !== undefined);
    const location = defined({
      country: context.string('country'),
      region: context.string('region'),
      place: context.string('place'),
      latitude: lat,
      longitude: lon,
    });
    const input = defined({
      eventType: context.requireString('type'),
      start: context.string('date'),
      end: context.string('end-date'),
      ongoing: context.flag('ongoing') || undefined,
      title: context.string('title'),
      description,
      dateNote: context.string('date-note'),
      location: Object.keys(location).length ? location : undefined,
      victims: context.strings('victim'),
      perpetrators: context.strings('perpetrator').map((v) => {
        const { id, term } = idWithTerm(v);
        return defined({ personId: id, involvement: term });
      }),
      sources: [
        ...context.strings('source-testimony').map((v) => {
          const { id, term } = idWithTerm(v);
          return defined({ testimonyId: id, reliability: term });
        }),
        ...context.strings('source-person').map((v) => {
          const { id, term } = idWithTerm(v);
          return defined({ personId: id, reliability: term });
        }),
        ...context.strings('source-text').map((description) => ({ description })),
      ],
      links: context.strings('link').map((v) => {
        const { id, term } = idWithTerm(v);
        return defined({ eventId: id, relation: term });
      }),
      detention: hasDetention
        ? defined({
            forces: context.string('forces'),
            warrantShown: context.string('warrant-shown'),
            authority: context.string('authority'),
            reasonsImputed: context.string('reasons'),
            legalBasis: context.string('legal-basis'),
            legalCounsel: context.string('legal-counsel'),
            familyInformed: context.string('family-informed'),
            broughtBeforeJudge: context.string('before-judge'),
            places: context.strings('detention-place').map(detentionPlaceOf),
          })
        : undefined,
    });
    const vault = await context.openVault();
    const caseId = await caseIdFrom(vault, context);
    const event = await createEvent(vault, caseId, input as Parameters<typeof createEvent>[2]);
    context.output(event, () => event.id);
  },
};

const eventList: Command = {
  name: 'event list',
  summary: 'List events in date order (partial dates ordered sensibly).',
  options: {
    case: str('CASE', 'only events of this case'),
    type: str('TERM', 'only events of this type'),
    person: str('PERSON_ID', 'only events where this person is a victim or perpetrator'),
    ...pageOptions,
  },
  examples: ['vigil event list --case VIG-2026-0001', 'vigil event list --type torture --json'],
  async run(context) {
    const vault = await context.openVault();
    const caseId =
      context.string('case') !== undefined ? await caseIdFrom(vault, context) : undefined;
    const events = await listEvents(
      vault,
      defined({
        caseId,
        eventType: context.string('type'),
        personId: context.string('person'),
        ...page(context),
      }),
    );
    context.output({ events }, () => format.eventList(events));
  },
};

// ---------------------------------------------------------------- testimonies

const testimonyAdd: Command = {
  name: 'testimony add',
  summary: 'Record a testimony from a UTF-8 text file, with its consent record, and print its id.',
  options: {
    case: str('CASE', 'the case (id or reference)', { required: true }),
    'text-file': str('FILE', 'the statement, as UTF-8 text (at most 1 MiB)', { required: true }),
    witness: str('PERSON_ID', 'the witness (linked to the case as a witness)'),
    anonymous: flag('the witness is anonymous (the default when --witness is not given)'),
    'witness-description': str(
      'TEXT',
      'for an anonymous witness: a description that does not identify them',
    ),
    interviewer: str('NAME', 'who took the testimony (private)'),
    date: str('DATE', 'when it was taken (partial dates allowed)'),
    place: str('TEXT', 'where it was taken (private)'),
    country: str('CC', 'country where it was taken'),
    language: str('LANG', 'language of the statement (e.g. ar, ru, es)'),
    method: str(
      'TERM',
      'in-person, phone, video-call, secure-messaging, email, written-statement, other',
    ),
    'translation-file': str('FILE', 'a translation, as UTF-8 text'),
    'translation-language': str('LANG', 'language of the translation'),
    ...consentOptions,
  },
  examples: [
    'vigil testimony add --case VIG-2026-0001 --text-file statement.txt',
    'vigil testimony add --case VIG-2026-0001 --text-file s.txt --witness 3f2a… --language ar --method secure-messaging \\\n      --consent-scope named-mechanisms --consent-mechanisms wgad,sr-hrd --consent-naming initials \\\n      --consent-date 2024-04-02 --consent-knows-government-contacted --json',
  ],
  details: `Without consent options the testimony is for internal use only and nobody is named:
exports obey the consent record, so record what the witness agreed to.
${DATE_HELP}`,
  async run(context) {
    if (context.flag('anonymous') && context.string('witness') !== undefined)
      throw new UsageError('give --witness or --anonymous, not both.');
    const statement = await readTextFile(
      context.requireString('text-file'),
      TEXT_LIMITS.statement,
      'the statement',
    );
    const translationFile = context.string('translation-file');
    const translation =
      translationFile !== undefined
        ? await readTextFile(translationFile, TEXT_LIMITS.statement, 'the translation')
        : undefined;
    const input = defined({
      statement,
      translation,
      translationLanguage: context.string('translation-language'),
      witnessId: context.string('witness'),
      witnessDescription: context.string('witness-description'),
      interviewer: context.string('interviewer'),
      takenOn: context.string('date'),
      place: context.string('place'),
      country: context.string('country'),
      language: context.string('language'),
      method: context.string('method'),
      consent: consentFrom(context),
    });
    const vault = await context.openVault();
    const caseId = await caseIdFrom(vault, context);
    const t = await createTestimony(vault, caseId, input as Parameters<typeof createTestimony>[2]);
    const { statement: _s, translation: _t, ...summary } = t;
    context.output({ ...summary, statementBytes: Buffer.byteLength(t.statement) }, () => t.id);
  },
};

const testimonyList: Command = {
  name: 'testimony list',
  summary: 'List testimonies (without their texts) in the order they were taken.',
  options: {
    case: str('CASE', 'only testimonies of this case'),
    witness: str('PERSON_ID', 'only testimonies of this witness'),
    ...pageOptions,
  },
  examples: ['vigil testimony list --case VIG-2026-0001'],
  async run(context) {
    const vault = await context.openVault();
    const caseId =
      context.string('case') !== undefined ? await caseIdFrom(vault, context) : undefined;
    const testimonies = await listTestimonies(
      vault,
      defined({ caseId, witnessId: context.string('witness'), ...page(context) }),
    );
    context.output({ testimonies }, () => format.testimonyList(testimonies));
  },
};

const testimonyShow: Command = {
  name: 'testimony show',
  summary: 'Show a testimony: statement, translation and consent record.',
  positionals: [{ name: 'ID', description: 'the testimony id', required: true }],
  examples: ['vigil testimony show 7d4e…'],
  async run(context) {
    const vault = await context.openVault();
    const t = await getTestimony(vault, context.positionals[0]!);
    const witness = t.witnessId ? await getPerson(vault, t.witnessId) : null;
    context.output(t, () => format.testimonyDetail(t, witness?.name ?? null));
  },
};

const testimonyWithdraw: Command = {
  name: 'testimony withdraw-consent',
  summary: 'Record that the witness withdrew consent: every export leaves the testimony out.',
  positionals: [{ name: 'ID', description: 'the testimony id', required: true }],
  options: { date: str('YYYY-MM-DD', 'the day consent was withdrawn (default today)') },
  examples: ['vigil testimony withdraw-consent 7d4e… --date 2024-06-01'],
  async run(context) {
    const vault = await context.openVault();
    const t = await withdrawTestimonyConsent(
      vault,
      context.positionals[0]!,
      context.string('date'),
    );
    context.output(
      { id: t.id, consent: t.consent },
      () => `${t.id}\nConsent withdrawn on ${t.consent.withdrawnOn}.`,
    );
  },
};

// ---------------------------------------------------------------- interventions

const interventionAdd: Command = {
  name: 'intervention add',
  summary: 'Record an urgent appeal, a communication or a letter for a case, and print its id.',
  options: {
    case: str('CASE', 'the case (id or reference)', { required: true }),
    type: str(
      'TERM',
      'urgent-appeal, allegation-letter, wgad-communication, un-communication, regional-petition, letter-to-authorities…',
      { required: true },
    ),
    mechanism: str('TERM', 'the mechanism addressed: wgad, sr-hrd, iachr, achpr, echr…'),
    recipient: str('TEXT', 'who it was sent to'),
    sent: str('DATE', 'date sent'),
    reference: str('TEXT', "the recipient's reference number"),
    status: str(
      'TERM',
      'draft, sent, acknowledged, response-received, decision-issued, no-response, closed (default: sent if --sent, else draft)',
    ),
    'response-date': str('DATE', 'date of the response'),
    response: str('TEXT', 'the response, summarised'),
    'response-file': str('FILE', 'read the response from a UTF-8 file'),
    outcome: str('TEXT', 'the outcome, e.g. "Opinion No. 45/2016"'),
    'follow-up': str(
      'YYYY-MM-DD',
      'when to follow up (e.g. the end of the 60 days for the government to reply)',
    ),
    notes: str('TEXT', 'internal notes'),
  },
  examples: [
    'vigil intervention add --case VIG-2026-0001 --type urgent-appeal --recipient "SR on human rights defenders" --sent 2024-03-18 --follow-up 2024-05-17',
    'vigil intervention add --case VIG-2026-0001 --type wgad-communication --mechanism wgad --status decision-issued --outcome "Opinion No. 45/2016" --json',
  ],
  details: DATE_HELP,
  async run(context) {
    const response = await textOrFile(context, 'response');
    const input = defined({
      interventionType: context.requireString('type'),
      mechanism: context.string('mechanism'),
      recipient: context.string('recipient'),
      sentOn: context.string('sent'),
      reference: context.string('reference'),
      status: context.string('status'),
      responseOn: context.string('response-date'),
      response,
      outcome: context.string('outcome'),
      followUpOn: context.string('follow-up'),
      notes: context.string('notes'),
    });
    const vault = await context.openVault();
    const caseId = await caseIdFrom(vault, context);
    const i = await createIntervention(
      vault,
      caseId,
      input as Parameters<typeof createIntervention>[2],
    );
    context.output(i, () => i.id);
  },
};

const interventionList: Command = {
  name: 'intervention list',
  summary: 'List interventions, e.g. those due for follow-up.',
  options: {
    case: str('CASE', 'only interventions of this case'),
    status: str('TERM', 'only interventions with this status'),
    'follow-up-by': str('YYYY-MM-DD', 'only those to follow up on or before this day'),
    ...pageOptions,
  },
  examples: [
    'vigil intervention list --case VIG-2026-0001',
    'vigil intervention list --follow-up-by 2024-06-30 --json',
  ],
  async run(context) {
    const followUpBy = context.string('follow-up-by');
    if (followUpBy !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(followUpBy))
      throw new UsageError('--follow-up-by takes a full date, YYYY-MM-DD.');
    const vault = await context.openVault();
    const caseId =
      context.string('case') !== undefined ? await caseIdFrom(vault, context) : undefined;
    const interventions = await listInterventions(
      vault,
      defined({ caseId, status: context.string('status'), followUpBy, ...page(context) }),
    );
    context.output({ interventions }, () => format.interventionList(interventions));
  },
};

// ---------------------------------------------------------------- search and timeline

const searchCommand: Command = {
  name: 'search',
  summary: 'Search cases, persons, events, testimonies and interventions (ranked, with passages).',
  positionals: [
    {
      name: 'QUERY',
      description: 'words to find (all must match); "a phrase"; word* for a prefix',
      required: true,
      variadic: true,
    },
  ],
  options: {
    case: str('CASE', 'only in this case'),
    type: many(
      'TYPE',
      `only these record types: ${SEARCH_KINDS.join(', ')} (repeat or comma-separate)`,
    ),
    'event-type': str('TERM', 'only events of this type'),
    country: str('CC', 'only records in this country'),
    from: str('DATE', 'only records dated on or after this (partial) date'),
    to: str('DATE', 'only records dated on or before this (partial) date'),
    ...langOption,
    ...pageOptions,
  },
  examples: [
    'vigil search محمد',
    'vigil search "Фёдор Семёнов" --type person',
    'vigil search torture --case VIG-2026-0001 --from 2024-03 --to 2024-06 --json',
  ],
  details: `Case, accents and Arabic diacritics do not matter (Mohamed = mohamed, José = jose,
مُحَمَّد = محمد, أحمد = احمد, Фёдор = Федор). With --json, each hit carries the id of what
matched, its case, and the passage as segments {text, match}.`,
  async run(context) {
    const kinds = list(context, 'type');
    const unknown = kinds.find((k) => !(SEARCH_KINDS as readonly string[]).includes(k));
    if (unknown)
      throw new UsageError(
        `--type "${unknown}" is not a record type; use ${SEARCH_KINDS.join(', ')}.`,
      );
    const vault = await context.openVault();
    const caseId =
      context.string('case') !== undefined ? await caseIdFrom(vault, context) : undefined;
    const results = await search(
      vault,
      defined({
        text: context.positionals.join(' '),
        caseId,
        kinds: kinds.length ? (kinds as SearchKind[]) : undefined,
        eventType: context.string('event-type'),
        country: context.string('country'),
        from: context.string('from'),
        to: context.string('to'),
        lang: lang(context),
        limit: integerOption(context, 'limit'),
        offset: integerOption(context, 'offset'),
      }) as Parameters<typeof search>[1],
    );
    context.output(results, () => format.searchResults(results));
  },
};

const timelineCommand: Command = {
  name: 'timeline',
  summary: 'Show the timeline of a case, or of a person across cases.',
  options: {
    case: str('CASE', 'the case (id or reference)'),
    person: str('PERSON_ID', 'a person, across every case'),
    ...langOption,
  },
  examples: ['vigil timeline --case VIG-2026-0001', 'vigil timeline --person 3f2a… --json'],
  details: `Entries are ordered by date; a partial date is placed at the start of its period (a year
before its months, a month before its days), "before X" just before X, "after X" just after X,
and unknown dates last. Uncertain dates are marked "?".`,
  async run(context) {
    const caseRef = context.string('case');
    const personId = context.string('person');
    if ((caseRef === undefined) === (personId === undefined))
      throw new UsageError('give --case or --person (one of them).');
    const vault = await context.openVault();
    const entries =
      caseRef !== undefined
        ? await caseTimeline(vault, await caseIdFrom(vault, context), { lang: lang(context) })
        : await personTimeline(vault, personId!, { lang: lang(context) });
    context.output({ entries }, () => format.timeline(entries));
  },
};

// ---------------------------------------------------------------- vocabularies

const vocabList: Command = {
  name: 'vocab list',
  summary: 'List the controlled vocabularies, or the terms of one (built-in and your own).',
  positionals: [{ name: 'NAME', description: 'a vocabulary, e.g. event-type' }],
  options: { ...langOption },
  examples: ['vigil vocab list', 'vigil vocab list event-type --lang ar'],
  async run(context) {
    const vault = await context.openVault();
    const name = context.positionals[0];
    if (name !== undefined) {
      const vocabulary = await getVocabulary(vault, name);
      context.output(vocabulary, () => format.vocabularyDetail(vocabulary, lang(context)));
    } else {
      const vocabularies = await listVocabularies(vault);
      context.output({ vocabularies }, () => format.vocabularyIndex(vocabularies, lang(context)));
    }
  },
};

const vocabAdd: Command = {
  name: 'vocab add',
  summary: "Add your organisation's own term to an extensible vocabulary (stored in the vault).",
  positionals: [
    { name: 'NAME', description: 'the vocabulary, e.g. event-type', required: true },
    {
      name: 'TERM',
      description: 'the new term id, lower-case words joined by hyphens',
      required: true,
    },
  ],
  options: Object.fromEntries(LANGUAGES.map((l) => [`label-${l}`, str('TEXT', `label in ${l}`)])),
  examples: [
    'vigil vocab add event-type forced-confession --label-en "Forced confession" --label-ar "اعتراف قسري" --label-es "Confesión forzada"',
  ],
  async run(context) {
    const labels = defined(
      Object.fromEntries(LANGUAGES.map((l) => [l, context.string(`label-${l}`)])),
    );
    if (Object.keys(labels).length === 0)
      throw new UsageError('give at least one label, e.g. --label-en "Forced confession".');
    const vault = await context.openVault();
    const term = await addVocabularyTerm(vault, {
      vocabulary: context.positionals[0]!,
      id: context.positionals[1]!,
      labels,
    });
    context.output(term, () => term.id);
  },
};

const vocabImport: Command = {
  name: 'vocab import',
  summary: "Import your organisation's terms from a JSON file (all or none).",
  positionals: [
    {
      name: 'FILE',
      description: 'a vigil-vocabulary file or an array of {vocabulary, id, labels}',
      required: true,
    },
  ],
  examples: ['vigil vocab import our-terms.json'],
  details: `File format: {"format": "vigil-vocabulary", "version": 1, "terms": [{"vocabulary": "event-type",
"id": "forced-confession", "labels": {"en": "Forced confession", "ar": "اعتراف قسري"}}]}`,
  async run(context) {
    const file = await readJsonFile(context.positionals[0]!, 'vocabulary file', 16 * 1024 * 1024);
    const vault = await context.openVault();
    const counts = await importVocabularyTerms(vault, file);
    context.output(
      counts,
      () =>
        `Added ${counts.added}, relabelled ${counts.relabelled}, unchanged ${counts.unchanged}.`,
    );
  },
};

export const recordsCommands: Command[] = [
  caseAdd,
  caseList,
  caseShow,
  caseEdit,
  caseImport,
  caseExport,
  personAdd,
  personEdit,
  personList,
  personShow,
  eventAdd,
  eventList,
  testimonyAdd,
  testimonyList,
  testimonyShow,
  testimonyWithdraw,
  interventionAdd,
  interventionList,
  searchCommand,
  timelineCommand,
  vocabList,
  vocabAdd,
  vocabImport,
];
