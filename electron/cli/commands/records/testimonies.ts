import type { Command } from '../../command';
import {
  createTestimony,
  getPerson,
  getTestimony,
  listTestimonies,
  updateTestimony,
  withdrawTestimonyConsent,
  deleteTestimony,
} from '../../../core/records';
import {
  testimonyCreateSchema,
  testimonyFields,
  testimonyListQuerySchema,
  testimonyUpdateSchema,
} from '../../../../shared/domain/testimony';
import { TEXT_LIMITS } from '../../../../shared/domain/text';
import { caseIdFrom, caseOption } from '../../caseOption';
import {
  changedLine,
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
  fromFile,
  inputFrom,
  naming,
  optionsOf,
  text,
  withSchemaFields,
  type FieldOptions,
} from './fields';
import * as format from './format';

export const TESTIMONY_FIELDS: FieldOptions = withSchemaFields(testimonyFields, {
  'text-file': fromFile(
    'statement',
    'the statement, as UTF-8 text (at most 1 MiB)',
    TEXT_LIMITS.statement,
    'the statement',
    { required: true },
  ),
  witness: text('witnessId', 'PERSON_ID', 'the witness (linked to the case as a witness)'),
  anonymous: flag(
    'witnessId',
    'the witness is anonymous (the default when --witness is not given)',
    null,
  ),
  'witness-description': text(
    'witnessDescription',
    'TEXT',
    'for an anonymous witness: a description that does not identify them',
  ),
  interviewer: text('interviewer', 'NAME', 'who took the testimony (private)'),
  date: text('takenOn', 'DATE', 'when it was taken (partial dates allowed)'),
  place: text('place', 'TEXT', 'where it was taken (private)'),
  country: text('country', 'CC', 'country where it was taken', { nullable: true }),
  language: text('language', 'LANG', 'language of the statement (e.g. ar, ru, es)', {
    nullable: true,
  }),
  method: text(
    'method',
    'TERM',
    'in-person, phone, video-call, secure-messaging, email, written-statement, other',
    { nullable: true },
  ),
  'translation-file': fromFile(
    'translation',
    'a translation, as UTF-8 text',
    TEXT_LIMITS.statement,
    'the translation',
  ),
  'translation-language': text('translationLanguage', 'LANG', 'language of the translation', {
    nullable: true,
  }),
  'no-translation': flag('translation', 'remove the translation', '', {
    only: 'edit',
    implies: { translationLanguage: null },
  }),
  ...CONSENT_FIELDS,
});

/** A testimony without its texts, for --json (the statement's size instead). */
function summaryOf<T extends { statement: string; translation: string }>(t: T) {
  const { statement: _s, translation: _t, ...summary } = t;
  return { ...summary, statementBytes: Buffer.byteLength(t.statement) };
}

const testimonyAdd: Command = {
  name: 'testimony add',
  summary: 'Record a testimony from a UTF-8 text file, with its consent record, and print its id.',
  options: { case: caseOption(), ...optionsOf(TESTIMONY_FIELDS, 'add') },
  examples: [
    'vigil testimony add --case VIG-2026-0001 --text-file statement.txt',
    'vigil testimony add --case VIG-2026-0001 --text-file s.txt --witness 3f2a… --language ar --method secure-messaging \\\n      --consent-scope named-mechanisms --consent-mechanisms wgad,sr-hrd --consent-naming initials \\\n      --consent-date 2024-04-02 --consent-knows-government-contacted --json',
  ],
  details: `Without consent options the testimony is for internal use only and nobody is named:
exports obey the consent record, so record what the witness agreed to.
${DATE_HELP}`,
  async run(context) {
    const input = await inputFrom(context, TESTIMONY_FIELDS, 'add');
    const data = checkRecord(testimonyCreateSchema, input, 'testimony');
    const vault = await context.openVault();
    const caseId = await caseIdFrom(vault, context);
    const t = await naming(input, () => createTestimony(vault, caseId, data));
    context.output(summaryOf(t), () => t.id);
  },
};

const testimonyEdit: Command = {
  name: 'testimony edit',
  summary: 'Change a testimony: only the options given change; the earlier version is kept.',
  positionals: [{ name: 'ID', description: 'the testimony id', required: true }],
  options: optionsOf(TESTIMONY_FIELDS, 'edit'),
  examples: [
    'vigil testimony edit 7d4e… --text-file corrected.txt',
    'vigil testimony edit 7d4e… --date 2024-04-02 --place "" --language ar',
    'vigil testimony edit 7d4e… --consent-scope public --consent-naming name --json',
  ],
  details: `The consent options change only the parts of the consent record given; the rest stays.
${DATE_HELP}`,
  async run(context) {
    const { record, changed } = await runEdit(context, {
      fields: TESTIMONY_FIELDS,
      patchSchema: testimonyUpdateSchema,
      what: 'testimony',
      nested: ['consent'],
      load: getTestimony,
      update: updateTestimony,
    });
    context.output(summaryOf(record), () => changedLine(record.id, changed));
  },
};

const TESTIMONY_LIST_FIELDS: FieldOptions = {
  case: text('caseId', 'CASE', 'only testimonies of this case (id or reference)'),
  witness: text('witnessId', 'PERSON_ID', 'only testimonies of this witness'),
  ...PAGE_FIELDS,
};

const testimonyList: Command = {
  name: 'testimony list',
  access: 'read',
  summary: 'List testimonies (without their texts) in the order they were taken.',
  options: specs(TESTIMONY_LIST_FIELDS),
  examples: ['vigil testimony list --case VIG-2026-0001'],
  async run(context) {
    const query = await queryOf(context, TESTIMONY_LIST_FIELDS, testimonyListQuerySchema);
    const vault = await context.openVault();
    const testimonies = await listTestimonies(vault, await query(vault));
    context.output({ testimonies }, () => format.testimonyList(testimonies));
  },
};

const testimonyShow: Command = {
  name: 'testimony show',
  access: 'read',
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
  options: {
    date: {
      type: 'string',
      valueName: 'YYYY-MM-DD',
      description: 'the day consent was withdrawn (default today)',
    },
  },
  examples: ['vigil testimony withdraw-consent 7d4e… --date 2024-06-01'],
  async run(context) {
    const vault = await context.openVault();
    const t = await naming([{ path: 'consent.withdrawnOn', option: '--date' }], () =>
      withdrawTestimonyConsent(vault, context.positionals[0]!, context.string('date')),
    );
    context.output(
      { id: t.id, consent: t.consent },
      () => `${t.id}\nConsent withdrawn on ${t.consent.withdrawnOn}.`,
    );
  },
};

const testimonyDelete: Command = {
  name: 'testimony delete',
  summary: 'Move a testimony to the trash (vigil trash restore brings it back).',
  positionals: [{ name: 'ID', description: 'the testimony id', required: true }],
  examples: ['vigil testimony delete 5b1e…', 'vigil testimony delete 5b1e… --json'],
  async run(context) {
    const vault = await context.openVault();
    const entry = await deleteTestimony(vault, context.positionals[0]!);
    context.output({ id: entry.recordId, trash: entry.id }, () =>
      trashedLine('the testimony', entry.recordId, entry.id),
    );
  },
};

export const testimonyCommands: Command[] = [
  testimonyAdd,
  testimonyEdit,
  testimonyList,
  testimonyShow,
  testimonyWithdraw,
  testimonyDelete,
];
