import { UsageError, type Command } from '../../command';
import { getMechanismFacts, saveMechanismFacts } from '../../../core/dossier/facts';
import { findCase, readJsonFile } from '../../../core/records';
import {
  PROCEDURE_STATUSES,
  REMEDY_STATUSES,
  type MechanismFacts,
} from '../../../../shared/mechanismFacts';
import { SP_MANDATES } from '../../../../shared/vocabularies/mandates';

// `vigil case facts CASE [--file FACTS.json] [--set PATH=VALUE…] [--procedure …]`:
// shows or edits a case's mechanism facts (shared/mechanismFacts.ts). Edits
// start from what is saved (or from --file, which replaces everything), apply
// each --set in order, and save the whole document through the one schema:
// a bad value names its field and changes nothing.

type Kind = 'text' | 'list' | 'answer' | 'nullable';
/** What `--set` may change: the document's paths, and how their value is read. */
export const FACT_PATHS: Record<string, Kind> = {
  states: 'list',
  'finalDecision.authority': 'text',
  'finalDecision.reference': 'text',
  'finalDecision.decision': 'text',
  'finalDecision.decidedOn': 'nullable',
  'finalDecision.notifiedOn': 'nullable',
  'remedies.status': 'nullable',
  'remedies.steps': 'text',
  'remedies.whyNot': 'text',
  otherProcedures: 'list',
  beneficiaries: 'list',
  mandates: 'list',
  victimKnowsGovernmentContacted: 'answer',
  identityWithheldFromState: 'answer',
  authoritiesInformedOfRisk: 'answer',
  authoritiesInformedHow: 'text',
  hrdWorkLink: 'text',
};

function answerOf(path: string, value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (v === 'yes' || v === 'true') return true;
  if (v === 'no' || v === 'false') return false;
  if (v === '' || v === 'unknown') return null;
  throw new UsageError(`--set ${path}= takes yes, no or unknown, not "${value}".`);
}

/** Applies one `PATH=VALUE` to a facts document (plain JSON, validated later as a whole). */
export function applyFactSetting(doc: Record<string, unknown>, setting: string): void {
  const at = setting.indexOf('=');
  const path = at < 0 ? setting.trim() : setting.slice(0, at).trim();
  const kind = FACT_PATHS[path];
  if (at < 0 || !kind)
    throw new UsageError(
      `--set takes PATH=VALUE with PATH one of ${Object.keys(FACT_PATHS).join(', ')}; not "${setting}".`,
    );
  const raw = setting.slice(at + 1);
  let value: unknown;
  if (kind === 'answer') value = answerOf(path, raw);
  else if (kind === 'nullable') value = raw.trim() === '' ? null : raw.trim();
  else if (kind === 'text') value = raw;
  else if (path === 'otherProcedures') {
    if (raw.trim() !== '')
      throw new UsageError('--set otherProcedures= only clears them; add each with --procedure.');
    value = [];
  } else
    value = raw
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  const [head, field] = path.split('.') as [string, string | undefined];
  if (field === undefined) doc[head] = value;
  else {
    const inner = doc[head];
    doc[head] = {
      ...(inner && typeof inner === 'object' && !Array.isArray(inner) ? inner : {}),
      [field]: value,
    };
  }
}

const PROCEDURE_KEYS = new Set(['reference', 'date', 'status']);

/** `--procedure "UN Human Rights Committee; reference=3456/2024; date=2024-09-02; status=pending"`. */
export function procedureOf(value: string): Record<string, unknown> {
  const [body, ...parts] = value.split(';').map((p) => p.trim());
  if (!body || /^(reference|date|status)=/.test(body))
    throw new UsageError(`--procedure starts with the body seized, not "${value}".`);
  const procedure: Record<string, unknown> = { body };
  for (const part of parts) {
    if (part === '') continue;
    const at = part.indexOf('=');
    const key = at < 0 ? '' : part.slice(0, at).trim();
    if (!PROCEDURE_KEYS.has(key))
      throw new UsageError(`--procedure: "${part}" is not one of reference=, date=, status=.`);
    if (key in procedure) throw new UsageError(`--procedure gives ${key}= twice.`);
    const text = part.slice(at + 1).trim();
    procedure[key] = key === 'reference' ? text : text === '' ? null : text;
  }
  return procedure;
}

const yesNo = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');

/** The facts as `vigil case facts` prints them: one line per field, empty ones shown empty. */
export function describeFacts(facts: MechanismFacts): string {
  const d = facts.finalDecision;
  const lines = [
    `States responsible:        ${facts.states.join(', ')}`,
    `Final domestic decision:   ${[d.authority, d.reference].filter(Boolean).join(', ')}`,
    `  decided on:              ${d.decidedOn ?? ''}`,
    `  notified on:             ${d.notifiedOn ?? ''}`,
    `  what it decided:         ${d.decision}`,
    `Domestic remedies:         ${facts.remedies.status ?? ''}`,
    `  steps taken:             ${facts.remedies.steps}`,
    `  why not (or why in vain): ${facts.remedies.whyNot}`,
    'Other procedures:',
    ...facts.otherProcedures.map(
      (p) => `  ${[p.body, p.reference, p.date ?? '', p.status ?? ''].filter(Boolean).join('; ')}`,
    ),
    `Beneficiaries:             ${facts.beneficiaries.join(', ')}`,
    `Special Procedures mandates: ${facts.mandates.join(', ')}`,
    `Victim knows the government will be contacted: ${yesNo(facts.victimKnowsGovernmentContacted)}`,
    `Identity withheld from the State: ${yesNo(facts.identityWithheldFromState)}`,
    `Authorities informed of the risk: ${yesNo(facts.authoritiesInformedOfRisk)}`,
    `  how, and what they did:  ${facts.authoritiesInformedHow}`,
    `Link to human-rights work: ${facts.hrdWorkLink}`,
  ];
  return lines.map((l) => l.trimEnd()).join('\n');
}

export const caseFacts: Command = {
  name: 'case facts',
  summary:
    'Show or edit the facts the UN and regional mechanisms ask of a case (State responsible, final domestic decision, remedies, other procedures, beneficiaries, mandates, consent and risk answers).',
  positionals: [{ name: 'CASE', description: 'the case id or reference', required: true }],
  options: {
    file: {
      type: 'string',
      valueName: 'FILE',
      description: 'replace the facts with this JSON document (see --json for the shape)',
    },
    set: {
      type: 'string',
      multiple: true,
      valueName: 'PATH=VALUE',
      description: 'change one field (repeatable); lists comma-separated, an empty value clears',
    },
    procedure: {
      type: 'string',
      multiple: true,
      valueName: 'PROCEDURE',
      description:
        'another international procedure seized (repeatable; replaces the list): "BODY; reference=REF; date=YYYY-MM-DD; status=STATUS"',
    },
  },
  examples: [
    'vigil case facts VIG-2026-0001',
    'vigil case facts VIG-2026-0001 --json',
    'vigil case facts VIG-2026-0001 --set states=BY --set finalDecision.notifiedOn=2025-03-14 --set remedies.status=exhausted',
    'vigil case facts VIG-2026-0001 --set mandates=hrd,expression --set victimKnowsGovernmentContacted=yes',
    'vigil case facts VIG-2026-0001 --procedure "UN Human Rights Committee; reference=3456/2024; date=2024-09-02; status=pending"',
    'vigil case facts VIG-2026-0001 --file facts.json',
  ],
  details: `PATH is one of:
  states                         State(s) considered responsible, ISO codes: RU,BY
  finalDecision.authority        the court or authority of the final domestic decision
  finalDecision.reference        its number
  finalDecision.decision         what it decided
  finalDecision.decidedOn        its date, YYYY-MM-DD
  finalDecision.notifiedOn       the day it was notified (the time limits run from it)
  remedies.status                ${REMEDY_STATUSES.join(', ')}
  remedies.steps                 the steps taken and their results
  remedies.whyNot                why they were not taken, or are unavailable or ineffective
  otherProcedures=               clears them (add each with --procedure; status: ${PROCEDURE_STATUSES.join(', ')})
  beneficiaries                  persons of the case to protect, by id (vigil person list --case …)
  mandates                       Special Procedures mandates addressed (default hrd):
                                 ${SP_MANDATES.join(', ')}
  victimKnowsGovernmentContacted yes, no or unknown
  identityWithheldFromState      yes, no or unknown
  authoritiesInformedOfRisk      yes, no or unknown
  authoritiesInformedHow         when and how, and what they did
  hrdWorkLink                    how the violations relate to the victims' human-rights work
Without --file, --set or --procedure the facts are shown. An edit is saved whole or not at all.`,
  async run(context) {
    const vault = await context.openVault();
    const c = await findCase(vault, context.positionals[0]!);
    const file = context.string('file');
    const sets = context.strings('set');
    const procedures = context.strings('procedure');
    if (file === undefined && sets.length === 0 && procedures.length === 0) {
      const facts = await getMechanismFacts(vault, c.id);
      context.output(facts, () => describeFacts(facts));
      return;
    }
    const doc: Record<string, unknown> =
      file !== undefined
        ? ((await readJsonFile(file, 'the facts', 1024 * 1024)) as Record<string, unknown>)
        : { ...(await getMechanismFacts(vault, c.id)) };
    if (!doc || typeof doc !== 'object' || Array.isArray(doc))
      throw new UsageError(`${file} is not a JSON object of mechanism facts.`);
    for (const setting of sets) applyFactSetting(doc, setting);
    if (procedures.length > 0) doc.otherProcedures = procedures.map(procedureOf);
    const saved = await saveMechanismFacts(vault, c.id, doc);
    context.output(saved, () => `Saved the mechanism facts of ${c.reference}.`);
  },
};
