import type { Command } from '../../command';
import {
  createCase,
  deleteCase,
  exportCaseDocument,
  exportCaseDocumentFile,
  findCase,
  getCase,
  listCasePersons,
  listCases,
  listEvents,
  listInterventions,
  listTestimonies,
  readJsonFile,
  readJsonFiles,
  updateCase,
} from '../../../core/records';
import {
  CASE_SORTS,
  caseCreateSchema,
  caseFields,
  caseListQuerySchema,
  caseUpdateSchema,
} from '../../../../shared/domain/case';
import { TEXT_LIMITS } from '../../../../shared/domain/text';
import type { CaseDocument } from '../../../../shared/domain';
import { caseSubmissions } from '../../../core/dossier/submissions';
import {
  importCasesWithWork,
  type CaseWorkReport,
  type KeptWork,
} from '../../../core/dossier/caseWork';
import { caseIdOf } from '../../caseOption';
import { changedLine, PAGE_FIELDS, queryOf, runEdit, specs, trashedLine } from './common';
import {
  checkRecord,
  flag,
  fromFile,
  inputFrom,
  list,
  naming,
  optionsOf,
  text,
  withSchemaFields,
  type FieldOptions,
} from './fields';
import * as format from './format';

// `vigil case add|list|show|edit|import|export-json`.
// A command that creates something prints its id (with --json, an object
// with at least `id`), so scripts can chain: ID=$(vigil case add --title T).

export const CASE_FIELDS: FieldOptions = withSchemaFields(caseFields, {
  title: text('title', 'TEXT', 'the case title', { required: true }),
  reference: text('reference', 'REF', 'the case reference (default: the next VIG-YYYY-NNNN)'),
  summary: text('summary', 'TEXT', 'a summary'),
  'summary-file': fromFile(
    'summary',
    'read the summary from a UTF-8 file',
    TEXT_LIMITS.text,
    'the summary',
  ),
  status: text(
    'status',
    'TERM',
    'case-status term: open (default), documenting, submitted, follow-up, closed, archived',
  ),
  country: list('countries', 'CC', 'a country concerned (ISO 3166-1 code, e.g. EG)', {
    commas: true,
  }),
  tag: list('tags', 'TAG', 'a tag'),
  confidentiality: text(
    'confidentiality',
    'TERM',
    'public, internal, confidential (default) or restricted',
  ),
  'clear-countries': flag('countries', 'remove every country', [], { only: 'edit' }),
  'clear-tags': flag('tags', 'remove every tag', [], { only: 'edit' }),
});

const caseAdd: Command = {
  name: 'case add',
  summary: 'Create a case and print its id.',
  options: optionsOf(CASE_FIELDS, 'add'),
  examples: [
    'vigil case add --title "Arrest of A. Hassan at the Cairo protest"',
    'vigil case add --title "Journalist beaten" --country RU --tag wgad --status documenting --json',
  ],
  async run(context) {
    const input = await inputFrom(context, CASE_FIELDS, 'add');
    const data = checkRecord(caseCreateSchema, input, 'case');
    const vault = await context.openVault();
    const created = await naming(input, () => createCase(vault, data));
    context.output(created, () => created.id);
  },
};

const CASE_LIST_FIELDS: FieldOptions = {
  status: text('status', 'TERM', 'only cases with this status'),
  country: text('country', 'CC', 'only cases concerning this country'),
  tag: text('tag', 'TAG', 'only cases with this tag'),
  'event-type': text('eventType', 'TERM', 'only cases holding an event of this type'),
  sort: text('sort', 'KEY', `sort by ${CASE_SORTS.join(', ')} (default updated)`),
  desc: flag('descending', 'descending order'),
  asc: flag('descending', 'ascending order', false),
  ...PAGE_FIELDS,
};

const caseList: Command = {
  name: 'case list',
  access: 'read',
  summary: 'List cases with their counts of persons, events, testimonies and interventions.',
  options: specs(CASE_LIST_FIELDS),
  examples: [
    'vigil case list',
    'vigil case list --status open --country EG --sort testimonies',
    'vigil case list --event-type enforced-disappearance',
    'vigil case list --json',
  ],
  async run(context) {
    const query = await queryOf(context, CASE_LIST_FIELDS, caseListQuerySchema);
    const vault = await context.openVault();
    const cases = await listCases(vault, await query(vault));
    context.output({ cases }, () => format.caseList(cases));
  },
};

const caseShow: Command = {
  name: 'case show',
  access: 'read',
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
  options: optionsOf(CASE_FIELDS, 'edit'),
  examples: [
    'vigil case edit VIG-2026-0001 --status submitted',
    'vigil case edit VIG-2026-0001 --country EG --country SD --reference "UA EGY 4/2024"',
  ],
  details: 'An empty value clears a text field: --summary "".',
  async run(context) {
    const { record, changed } = await runEdit(context, {
      fields: CASE_FIELDS,
      patchSchema: caseUpdateSchema,
      what: 'case',
      id: caseIdOf,
      load: getCase,
      update: updateCase,
    });
    context.output(record, () => changedLine(record.id, changed));
  },
};

/** The kinds of work whose vault version was kept over the document's, for the warning. */
function keptLocal(work: CaseWorkReport): string[] {
  const names: [string, KeptWork | null | undefined][] = [
    ['mechanism facts', work.facts],
    ['WGAD arguments', work.wgad],
    ['urgent appeal', work.urgentAppeal],
    ...Object.entries(work.arguments).map(([template, kept]): [string, KeptWork] => [
      `${template} arguments`,
      kept,
    ]),
  ];
  return names.filter(([, kept]) => kept === 'kept-local').map(([name]) => name);
}

const caseImport: Command = {
  name: 'case import',
  summary:
    'Import case documents (JSON) in one transaction, and print the id of each case imported.',
  positionals: [
    {
      name: 'FILE',
      description: 'a vigil-case JSON document; several are imported together, all or none',
      required: true,
      variadic: true,
    },
  ],
  options: {
    merge: {
      type: 'boolean',
      description:
        'keep the document ids: update records that exist, add the others (default: new ids)',
    },
  },
  examples: [
    'vigil case import case.json',
    'vigil case import case.json --merge --json',
    'vigil case import partner/*.json --json',
  ],
  details: `All of the document is imported, or nothing: a crash or a kill half-way leaves the vault
as it was. With new ids (the default), a reference already used in this vault is replaced by
the next VIG-YYYY-NNNN. The work written for the case that vigil case export-json adds
(submissions: the mechanism facts, the WGAD, urgent-appeal and regional arguments) comes in
the same transaction, its person ids mapped to the new ones, checked as vigil case facts and
vigil submission set check them; a document with a bad one is refused whole. With --merge, work the
case already has here is kept (a warning names it); --json reports each kind under submissions
as added, same or kept-local.

Several files are imported in one transaction too: every document or none (a bad one is named,
and nothing is imported), much faster than one command per file. The case ids are printed one
per line in the order of the files; with --json, one document {"cases": [...]} holding, for each
file in order, its "file" and what the one-file form prints. Warnings name their file.`,
  async run(context) {
    const files = context.positionals;
    const several = files.length > 1;
    const documents = several
      ? await readJsonFiles(files, (file) => `case document ${file}`)
      : [await readJsonFile(files[0]!, 'case document')];
    const vault = await context.openVault();
    const results = await importCasesWithWork(vault, documents, {
      mode: context.flag('merge') ? 'merge' : 'new-ids',
      names: several ? files.map((file) => `case document ${file}`) : undefined,
      onProgress: (done, total) => context.progress(`Imported ${done} of ${total} records`),
    });
    if (context.io.stderrIsTTY) context.io.stderr.write('\n');
    const summaries = results.map((result, i) => {
      const { ids: _ids, extra: _extra, ...summary } = result;
      const from = several ? `${files[i]}: ` : '';
      if (result.referenceChanged)
        context.warn(
          `${from}the reference was already in use here; the case is now ${result.reference}.`,
        );
      // A merge never writes over work the case has here: say which the document's did not replace.
      const kept = keptLocal(result.submissions);
      if (kept.length > 0)
        context.warn(
          `${from}the case already has its own ${kept.join(', ')} here: they were kept, and those in ${files[i]} were not imported over them.`,
        );
      return { id: result.caseId, ...summary };
    });
    if (!several) context.output(summaries[0]!, () => results[0]!.caseId);
    else
      context.output(
        { cases: summaries.map((summary, i) => ({ file: files[i]!, ...summary })) },
        () => results.map((r) => r.caseId).join('\n'),
      );
  },
};

const caseExport: Command = {
  name: 'case export-json',
  summary:
    'Write a case with everything it holds as one JSON document (on stdout, or to --out FILE).',
  positionals: [{ name: 'CASE', description: 'the case id or reference', required: true }],
  options: {
    out: {
      type: 'string',
      valueName: 'FILE',
      description: 'write the document to FILE (must not exist) instead of stdout',
    },
  },
  examples: [
    'vigil case export-json VIG-2026-0001 > case.json',
    'vigil case export-json VIG-2026-0001 --out case.json',
  ],
  details: `The document is NOT encrypted: it holds every name, statement and contact detail of the
case, so keep it on encrypted storage and delete it when done. The export is recorded in the
audit log. It carries the work written for the case as well (submissions: the mechanism facts,
the WGAD and regional bodies' arguments, the urgent appeal), as the vault holds it.`,
  async run(context) {
    const vault = await context.openVault();
    const c = await findCase(vault, context.positionals[0]!);
    const out = context.string('out');
    // The work written for the case goes with it: mechanism facts, arguments, the urgent appeal.
    const withWork = async (document: CaseDocument) => ({
      ...document,
      ...(await caseSubmissions(vault, c.id)),
    });
    if (out === undefined) {
      const document = await withWork(await exportCaseDocument(vault, c.id));
      context.io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return;
    }
    const written = await exportCaseDocumentFile(vault, c.id, out, withWork);
    context.output(
      { id: c.id, out: written.out, bytes: written.bytes },
      () => `Wrote ${written.out}.`,
    );
  },
};

const caseDelete: Command = {
  name: 'case delete',
  summary:
    'Move a case to the trash with its events, testimonies, interventions and evidence (vigil trash restore brings it back).',
  positionals: [{ name: 'CASE', description: 'the case id or reference', required: true }],
  examples: ['vigil case delete VIG-2026-0001', 'vigil case delete VIG-2026-0001 --json'],
  details: `The case leaves every list, search, timeline and export; persons stay (they may be in
other cases). Its evidence stays encrypted until the trash is emptied (vigil trash empty).`,
  async run(context) {
    const vault = await context.openVault();
    const id = await caseIdOf(vault, context.positionals[0]!);
    const result = await deleteCase(vault, id);
    context.output({ id, ...result }, () => trashedLine('the case', id, result.trash));
  },
};

export const caseCommands: Command[] = [
  caseAdd,
  caseList,
  caseShow,
  caseEdit,
  caseDelete,
  caseImport,
  caseExport,
];
