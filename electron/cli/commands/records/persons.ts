import { UsageError, type Command } from '../../command';
import { VigilError } from '../../../core/errors';
import {
  createPerson,
  deletePerson,
  getCase,
  getPerson,
  getPersonCases,
  linkPerson,
  listPersons,
  unlinkPerson,
  updatePerson,
} from '../../../core/records';
import {
  personCreateSchema,
  personFields,
  personListQuerySchema,
  personUpdateSchema,
} from '../../../../shared/domain/person';
import { caseIdFrom, caseOption } from '../../caseOption';
import {
  CONSENT_FIELDS,
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
  inputFrom,
  list,
  naming,
  optionsOf,
  text,
  wholeNumber,
  withSchemaFields,
  type FieldOptions,
} from './fields';
import * as format from './format';

const ID_DOCUMENT_KEYS: Record<string, string> = {
  number: 'number',
  'issued-by': 'issuedBy',
  'issued-on': 'issuedOn',
  country: 'country',
};

/**
 * `--id-document "passport; number=A1234567; issued-by=Ministry of Interior; issued-on=2019-05-02; country=EG"`:
 * the document type (an `identity-document-type` term) first, then `key=value` parts separated by `;`.
 */
export function identityDocumentOf(value: string): Record<string, string> {
  const [type, ...parts] = value.split(';').map((part) => part.trim());
  if (!type || type.includes('='))
    throw new UsageError(
      `--id-document starts with the document type (e.g. passport, national-id-card), not "${value}".`,
    );
  const document: Record<string, string> = { type };
  for (const part of parts) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const key = at < 0 ? '' : part.slice(0, at).trim();
    if (!(key in ID_DOCUMENT_KEYS))
      throw new UsageError(
        `--id-document: "${part}" is not one of number=, issued-by=, issued-on=, country=.`,
      );
    const field = ID_DOCUMENT_KEYS[key]!;
    if (field in document) throw new UsageError(`--id-document gives ${key}= twice.`);
    document[field] = part.slice(at + 1).trim();
  }
  return document;
}

/** A person's own fields; the consent options are kept apart (see person add --person). */
export const PERSON_FIELDS: FieldOptions = withSchemaFields(personFields, {
  name: text('name', 'NAME', 'the name as commonly written (an organisation’s name for those)'),
  type: text('personType', 'TYPE', 'individual (default), group or organisation'),
  'family-name': text('familyName', 'NAME', "family name, in the person's own script"),
  'given-name': text('givenName', 'NAME', "given name(s), in the person's own script"),
  'family-name-latin': text(
    'familyNameLatin',
    'NAME',
    'family name in Latin letters, when the own script is not Latin',
  ),
  'given-name-latin': text(
    'givenNameLatin',
    'NAME',
    'given name(s) in Latin letters, when the own script is not Latin',
  ),
  alias: list('aliases', 'NAME', 'another name, spelling or transliteration'),
  pseudonym: text('pseudonym', 'NAME', 'a pseudonym'),
  sex: text('sex', 'TERM', 'female, male, non-binary, other or unknown', { nullable: true }),
  'birth-date': text('birthDate', 'DATE', 'birth date (partial dates allowed)', { nullable: true }),
  age: text('age', 'N', 'age at the time of the events', {
    value: wholeNumber('age'),
    nullable: true,
  }),
  nationality: list('nationalities', 'CC', 'a nationality (ISO 3166-1 code)', { commas: true }),
  'id-document': list(
    'identityDocuments',
    'DOC',
    'an identity document: "TYPE; number=…; issued-by=…; issued-on=DATE; country=CC" (the number is private; repeatable)',
    { value: identityDocumentOf },
  ),
  occupation: text('occupation', 'TEXT', 'profession or activity'),
  'hrd-work': list(
    'hrdWork',
    'TERM',
    'human-rights work, e.g. journalist, lawyer, land-defender, trade-unionist',
    { commas: true },
  ),
  affiliation: text('affiliation', 'TEXT', 'organisation or movement'),
  residence: text('residence', 'TEXT', 'address of usual residence (private)'),
  phone: text('contact.phone', 'TEXT', 'phone number (private)'),
  email: text('contact.email', 'TEXT', 'email address (private)'),
  messaging: text('contact.messaging', 'TEXT', 'secure messaging handle (private)'),
  deceased: flag('deceased', 'the person has died'),
  'death-date': text('deathDate', 'DATE', 'date of death', { nullable: true }),
  notes: text('notes', 'TEXT', 'internal notes'),
  'no-id-documents': flag('identityDocuments', 'remove every identity document', [], {
    only: 'edit',
  }),
  'clear-aliases': flag('aliases', 'remove every alias', [], { only: 'edit' }),
  'clear-nationalities': flag('nationalities', 'remove every nationality', [], { only: 'edit' }),
  'clear-hrd-work': flag('hrdWork', 'remove every kind of human-rights work', [], {
    only: 'edit',
  }),
  'no-deceased': flag('deceased', 'the person is not known to have died', false, {
    only: 'edit',
  }),
  ...CONSENT_FIELDS,
});

/** The fields `--person ID` cannot take: it links someone who exists. */
const OWN_FIELDS = Object.keys(PERSON_FIELDS);

const personAdd: Command = {
  name: 'person add',
  summary:
    'Add a person (or group, or organisation), linked to a case in a role, and print the id.',
  options: {
    case: caseOption('the case (id or reference) to link the person to', false),
    role: {
      type: 'string',
      valueName: 'ROLE',
      description:
        'victim, witness, perpetrator, source, intervening-party, submitter, legal-representative, family-member',
    },
    person: {
      type: 'string',
      valueName: 'ID',
      description: 'link this existing person instead of creating one',
    },
    ...optionsOf(PERSON_FIELDS, 'add'),
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
      const extra = OWN_FIELDS.find(
        (k) => context.options[k] !== undefined && context.options[k] !== false,
      );
      if (extra)
        throw new UsageError(`--person links an existing person; --${extra} cannot be set here.`);
      const vault = await context.openVault();
      const caseId = await caseIdFrom(vault, context);
      const { linked } = await linkPerson(vault, { caseId, personId: existing, role });
      context.output({ id: existing.toLowerCase(), caseId, role, linked }, () =>
        existing.toLowerCase(),
      );
      return;
    }
    if (!context.string('name'))
      throw new UsageError('--name is required (or --person ID to link an existing person).');
    const input = await inputFrom(context, PERSON_FIELDS, 'add');
    const data = checkRecord(personCreateSchema, input, 'person');
    const vault = await context.openVault();
    const link = caseRef && role ? { caseId: await caseIdFrom(vault, context), role } : undefined;
    const person = await naming([...input.origins, { path: 'role', option: '--role' }], () =>
      createPerson(vault, data, link),
    );
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
  options: optionsOf(PERSON_FIELDS, 'edit'),
  examples: [
    'vigil person edit 3f2a… --family-name 李 --given-name 英俊 --family-name-latin Li --given-name-latin Yingjun',
    'vigil person edit 3f2a… --id-document "passport; number=E12345678; issued-by=Ministry of Public Security; issued-on=2018-04-02; country=CN"',
    'vigil person edit 3f2a… --consent-given-by family-member --consent-date 2025-01-12 --consent-knows-government-contacted',
  ],
  details: `${DATE_HELP}
The consent options change only the parts of the consent record given; the rest stays.
An empty value clears a text field: --given-name-latin "".`,
  async run(context) {
    const { record } = await runEdit(context, {
      fields: PERSON_FIELDS,
      patchSchema: personUpdateSchema,
      what: 'person',
      nested: ['contact', 'consent'],
      load: getPerson,
      update: updatePerson,
    });
    context.output(record, () => record.id);
  },
};

const PERSON_LIST_FIELDS: FieldOptions = {
  case: text('caseId', 'CASE', 'only persons of this case (id or reference)'),
  role: text('role', 'ROLE', 'only persons in this role'),
  ...PAGE_FIELDS,
};

const personList: Command = {
  name: 'person list',
  access: 'read',
  summary: 'List persons (all, or of one case), with the cases and roles they appear in.',
  options: specs(PERSON_LIST_FIELDS),
  examples: [
    'vigil person list --case VIG-2026-0001',
    'vigil person list --role perpetrator --json',
  ],
  async run(context) {
    const query = await queryOf(context, PERSON_LIST_FIELDS, personListQuerySchema);
    const vault = await context.openVault();
    const persons = await listPersons(vault, await query(vault));
    context.output({ persons }, () => format.personList(persons));
  },
};

const personShow: Command = {
  name: 'person show',
  access: 'read',
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

const personDelete: Command = {
  name: 'person delete',
  summary:
    'Move a person to the trash, with their roles in cases and places in events (vigil trash restore brings them back).',
  positionals: [{ name: 'ID', description: 'the person id', required: true }],
  options: {
    force: { type: 'boolean', description: 'delete a person who appears in several cases' },
  },
  examples: ['vigil person delete 3f2a…', 'vigil person delete 3f2a… --force --json'],
  details: `A person who appears in more than one case is deleted from all of them: without --force the
command names those cases and changes nothing. Testimonies they gave stay, as anonymous, until
the person is restored.`,
  async run(context) {
    const vault = await context.openVault();
    const id = context.positionals[0]!;
    const cases = await getPersonCases(vault, id);
    if (cases.length > 1 && !context.flag('force')) {
      const named = await Promise.all(
        cases.map(async (c) => (await getCase(vault, c.caseId)).reference),
      );
      throw new UsageError(
        `this person appears in ${cases.length} cases (${named.join(', ')}) and would leave all of them: add --force to delete them anyway.`,
      );
    }
    const entry = await deletePerson(vault, id);
    context.output({ id: entry.recordId, trash: entry.id, cases: cases.map((c) => c.caseId) }, () =>
      trashedLine('the person', entry.recordId, entry.id),
    );
  },
};

const personUnlink: Command = {
  name: 'person unlink',
  summary: "Remove a person's role in a case (or all their roles there); the person stays.",
  positionals: [{ name: 'ID', description: 'the person id', required: true }],
  options: {
    case: caseOption('the case (id or reference) to take the person out of'),
    role: {
      type: 'string',
      valueName: 'ROLE',
      description: 'only this role (default: every role the person has in the case)',
    },
  },
  examples: [
    'vigil person unlink 3f2a… --case VIG-2026-0002',
    'vigil person unlink 3f2a… --case VIG-2026-0001 --role witness --json',
  ],
  details: `The person keeps their other cases and roles, their testimonies and their versions; in
no case at all, they still appear in vigil person list. Exit 1 when the person has no such role
in the case (nothing changed).`,
  async run(context) {
    const vault = await context.openVault();
    const person = await getPerson(vault, context.positionals[0]!);
    const caseId = await caseIdFrom(vault, context);
    const role = context.string('role');
    const reference = (await getCase(vault, caseId)).reference;
    const { removed } = await unlinkPerson(vault, {
      caseId,
      personId: person.id,
      ...(role !== undefined ? { role } : {}),
    });
    if (removed === 0)
      throw new VigilError(
        'NOT_FOUND',
        `${person.name} has ${role ? `no role "${role}"` : 'no role'} in ${reference}; nothing was changed.`,
      );
    const cases = await getPersonCases(vault, person.id);
    context.output({ id: person.id, caseId, removed, cases }, () =>
      [
        person.id,
        `Removed ${removed} role(s) of ${person.name} in ${reference}.`,
        cases.length === 0 ? 'They are now in no case (still in the vault).' : '',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  },
};

export const personCommands: Command[] = [
  personAdd,
  personEdit,
  personUnlink,
  personList,
  personShow,
  personDelete,
];
