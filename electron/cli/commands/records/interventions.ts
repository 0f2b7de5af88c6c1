import { localIsoDay } from '../../../../shared/domain/partialDate';
import type { Command } from '../../command';
import {
  createIntervention,
  getIntervention,
  listInterventions,
  updateIntervention,
  deleteIntervention,
  listInterventionSteps,
  moveIntervention,
  type InterventionStepEntry,
} from '../../../core/records';
import { UsageError } from '../../command';
import {
  INTERVENTION_STEPS,
  interventionStepSchema,
  nextSteps,
} from '../../../../shared/domain/interventionState';
import {
  interventionCreateSchema,
  interventionFields,
  interventionListQuerySchema,
  interventionUpdateSchema,
} from '../../../../shared/domain/intervention';
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
  fromFile,
  inputFrom,
  naming,
  optionsOf,
  text,
  withSchemaFields,
  type FieldOptions,
} from './fields';
import * as format from './format';

export const INTERVENTION_FIELDS: FieldOptions = withSchemaFields(interventionFields, {
  type: text(
    'interventionType',
    'TERM',
    'urgent-appeal, allegation-letter, wgad-communication, un-communication, regional-petition, letter-to-authorities…',
    { required: true },
  ),
  mechanism: text(
    'mechanism',
    'TERM',
    'the mechanism addressed: wgad, sr-hrd, iachr, achpr, echr…',
    {
      nullable: true,
    },
  ),
  recipient: text('recipient', 'TEXT', 'who it was sent to'),
  sent: text('sentOn', 'DATE', 'date sent', { nullable: true }),
  reference: text('reference', 'TEXT', "the recipient's reference number"),
  status: text(
    'status',
    'TERM',
    'draft, sent, acknowledged, response-received, decision-issued, no-response, closed (default: sent if --sent, else draft)',
  ),
  'response-date': text('responseOn', 'DATE', 'date of the response', { nullable: true }),
  response: text('response', 'TEXT', 'the response, summarised'),
  'response-file': fromFile(
    'response',
    'read the response from a UTF-8 file',
    TEXT_LIMITS.text,
    'the response',
  ),
  outcome: text('outcome', 'TEXT', 'the outcome, e.g. "Opinion No. 45/2016"'),
  'follow-up': text(
    'followUpOn',
    'YYYY-MM-DD',
    'when to follow up (e.g. the end of the 60 days for the government to reply)',
    { nullable: true },
  ),
  notes: text('notes', 'TEXT', 'internal notes'),
});

const interventionAdd: Command = {
  name: 'intervention add',
  summary: 'Record an urgent appeal, a communication or a letter for a case, and print its id.',
  options: { case: caseOption(), ...optionsOf(INTERVENTION_FIELDS, 'add') },
  examples: [
    'vigil intervention add --case VIG-2026-0001 --type urgent-appeal --recipient "SR on human rights defenders" --sent 2024-03-18 --follow-up 2024-05-17',
    'vigil intervention add --case VIG-2026-0001 --type wgad-communication --mechanism wgad --status decision-issued --outcome "Opinion No. 45/2016" --json',
  ],
  details: DATE_HELP,
  async run(context) {
    const input = await inputFrom(context, INTERVENTION_FIELDS, 'add');
    const data = checkRecord(interventionCreateSchema, input, 'intervention');
    const vault = await context.openVault();
    const caseId = await caseIdFrom(vault, context);
    const i = await naming(input, () => createIntervention(vault, caseId, data));
    context.output(i, () => i.id);
  },
};

const interventionEdit: Command = {
  name: 'intervention edit',
  summary: 'Change an intervention: only the options given change.',
  positionals: [{ name: 'ID', description: 'the intervention id', required: true }],
  options: optionsOf(INTERVENTION_FIELDS, 'edit'),
  examples: [
    'vigil intervention edit 2c9a… --reference "UA EGY 4/2024" --follow-up 2024-05-17',
    'vigil intervention edit 2c9a… --recipient "OHCHR – WGAD" --notes "" --json',
  ],
  details: `${DATE_HELP}\nAn empty value clears a field: --follow-up "", --notes "".`,
  async run(context) {
    const { record, changed } = await runEdit(context, {
      fields: INTERVENTION_FIELDS,
      patchSchema: interventionUpdateSchema,
      what: 'intervention',
      load: getIntervention,
      update: updateIntervention,
    });
    context.output(record, () => changedLine(record.id, changed));
  },
};

const INTERVENTION_LIST_FIELDS: FieldOptions = {
  case: text('caseId', 'CASE', 'only interventions of this case (id or reference)'),
  status: text('status', 'TERM', 'only interventions with this status'),
  'follow-up-by': text('followUpBy', 'YYYY-MM-DD', 'only those to follow up on or before this day'),
  ...PAGE_FIELDS,
};

const interventionList: Command = {
  name: 'intervention list',
  access: 'read',
  summary: 'List interventions, e.g. those due for follow-up.',
  options: specs(INTERVENTION_LIST_FIELDS),
  examples: [
    'vigil intervention list --case VIG-2026-0001',
    'vigil intervention list --follow-up-by 2024-06-30 --json',
  ],
  async run(context) {
    const query = await queryOf(context, INTERVENTION_LIST_FIELDS, interventionListQuerySchema);
    const vault = await context.openVault();
    const interventions = await listInterventions(vault, await query(vault));
    context.output({ interventions }, () => format.interventionList(interventions));
  },
};

const interventionDelete: Command = {
  name: 'intervention delete',
  summary: 'Move an intervention to the trash (vigil trash restore brings it back).',
  positionals: [{ name: 'ID', description: 'the intervention id', required: true }],
  examples: ['vigil intervention delete 5b1e…', 'vigil intervention delete 5b1e… --json'],
  async run(context) {
    const vault = await context.openVault();
    const entry = await deleteIntervention(vault, context.positionals[0]!);
    context.output({ id: entry.recordId, trash: entry.id }, () =>
      trashedLine('the intervention', entry.recordId, entry.id),
    );
  },
};

const STEP_FIELDS: FieldOptions = {
  date: text('on', 'YYYY-MM-DD', 'the day it happened (default: today)'),
  number: text('number', 'TEXT', "the opinion's or decision's number (decision-issued only)"),
};

function stepLine(s: InterventionStepEntry): string {
  const how = s.via === 'create' ? 'created' : s.via === 'edit' ? 'set by an edit' : 'step';
  return [
    String(s.position).padStart(2),
    s.on ?? '(no date)',
    s.state,
    s.number,
    `${how}, ${s.actor}, ${s.recordedAt.slice(0, 16).replace('T', ' ')}`,
  ]
    .filter(Boolean)
    .join('  ');
}

const interventionState: Command = {
  name: 'intervention state',
  summary:
    'Move an intervention to its next state, on a day: sent, acknowledged, replied, decided, closed.',
  positionals: [
    { name: 'ID', description: 'the intervention id', required: true },
    { name: 'STATE', description: INTERVENTION_STEPS.join(', '), required: true },
  ],
  options: specs(STEP_FIELDS),
  examples: [
    'vigil intervention state 2c9a… sent --date 2024-03-20',
    'vigil intervention state 2c9a… response-received --date 2024-05-02',
    'vigil intervention state 2c9a… decision-issued --date 2024-11-15 --number "Opinion No. 45/2024"',
    'vigil intervention state 2c9a… closed --json',
  ],
  details: `States go forward only (a step may be skipped: an opinion adopted without a reply);
nothing moves out of closed. sent sets the date sent, response-received the date of the
response, decision-issued the outcome (its number, required). The day may not be in the future
nor before the last step's. Each step is kept: see vigil intervention states ID.`,
  async run(context) {
    const [id, state] = context.positionals as [string, string];
    if (!(INTERVENTION_STEPS as readonly string[]).includes(state))
      throw new UsageError(
        `STATE must be one of ${INTERVENTION_STEPS.join(', ')}, not "${state.slice(0, 40)}".`,
      );
    const input = await inputFrom(context, STEP_FIELDS, 'add');
    const step = checkRecord(
      interventionStepSchema,
      { ...input, value: { on: localIsoDay(new Date()), ...input.value, state } },
      'intervention step',
    );
    const vault = await context.openVault();
    const { intervention, step: kept } = await naming(input, () =>
      moveIntervention(vault, id, step),
    );
    const next = nextSteps(intervention.status);
    context.output({ id: intervention.id, status: intervention.status, step: kept, next }, () =>
      [
        intervention.id,
        `Now ${intervention.status} (${kept.on}${kept.number ? `, ${kept.number}` : ''}).`,
        next.length ? `Next: ${next.join(', ')}.` : 'Closed: no further step.',
      ].join('\n'),
    );
  },
};

const interventionStates: Command = {
  name: 'intervention states',
  access: 'read',
  summary: 'List every state an intervention was in, dated, and who recorded it.',
  positionals: [{ name: 'ID', description: 'the intervention id', required: true }],
  examples: ['vigil intervention states 2c9a…', 'vigil intervention states 2c9a… --json'],
  async run(context) {
    const vault = await context.openVault();
    const id = context.positionals[0]!;
    const steps = await listInterventionSteps(vault, id);
    const current = await getIntervention(vault, id);
    const next = nextSteps(current.status);
    context.output({ id: current.id, status: current.status, steps, next }, () =>
      [
        ...(steps.length
          ? steps.map(stepLine)
          : [`No step kept yet; the status is ${current.status}.`]),
        next.length ? `Next: ${next.join(', ')}.` : 'Closed: no further step.',
      ].join('\n'),
    );
  },
};

export const interventionCommands: Command[] = [
  interventionAdd,
  interventionEdit,
  interventionState,
  interventionStates,
  interventionList,
  interventionDelete,
];
