import type { ChecklistItem, SpSection } from '../../../../shared/dossier';
import type { CaseDocument, DocumentEvent, Organisation } from '../../../../shared/domain';
import type { MechanismFacts } from '../../../../shared/mechanismFacts';
import { DEFAULT_SP_MANDATE } from '../../../../shared/vocabularies/mandates';
import { missing, type Block, type DocumentModel, type Field, type Inline } from '../../render';
import type { RedactedCase, RedactedPerson } from '../redact';
import { present, type Formatter } from './format';
import { restsOnFirstHand } from './regionalParts';
import { fill } from '../../../../shared/i18n/fill';

/**
 * A communication to the UN Special Procedures (the Special Rapporteur on
 * human rights defenders by default, or the mandates the case's facts name):
 * the alleged victims, each violation with its date, place and description,
 * how the violations relate to the victims' human-rights work, the alleged
 * perpetrators (non-State actors said so), the action of the authorities, the
 * consent the forms ask for, and the submitter in a section marked
 * confidential (it goes to OHCHR, not to the State). An urgent appeal is
 * asked for when a violation is ongoing, an allegation letter otherwise.
 *
 * As the other templates, it is built once as rows: the document prints
 * `[missing: …]` exactly where a required row has no value and the checklist
 * lists the same rows. It is made from the case as released to the mechanism
 * (consent for that mechanism decides who appears and how they are named).
 */

type Target = ChecklistItem['target'];

export interface SpRow {
  section: SpSection;
  field: string;
  label: string;
  value: string | null;
  person: { id: string; name: string } | null;
  target: Target;
}

export interface SpVictim {
  person: RedactedPerson;
  organisation: boolean;
  /** How consent lets the public report name them: full name, initials or pseudonym. */
  publicName: string;
}

export interface SpViolation {
  date: SpRow;
  place: SpRow;
  what: string;
  description: string;
}

export interface SpCommunication {
  urgent: boolean;
  mandates: string[];
  states: string;
  victims: SpVictim[];
  victimRow: SpRow;
  violations: SpViolation[];
  hrdLink: SpRow;
  perpetrators: string[];
  perpetratorsRow: SpRow;
  facts: MechanismFacts;
  consentRow: SpRow;
  sourcesRow: SpRow;
  submitterRow: SpRow;
  organisation: Organisation;
  submitted: string;
}

/** Builds the communication's rows from the case as released to the mechanism. */
export function spCommunication(
  redacted: RedactedCase,
  original: CaseDocument,
  organisation: Organisation,
  f: Formatter,
  createdAt: Date,
): SpCommunication {
  const w = f.words.sp;
  const doc = redacted.document;
  const facts = redacted.facts ?? EMPTY;
  const row = (
    section: SpSection,
    field: string,
    label: string,
    value: string | null,
    target: Target,
    person: SpRow['person'] = null,
  ): SpRow => ({ section, field, label, value, person, target });
  // The mechanism facts are the case's: the checklist's link opens the case's facts editor.
  const fact = (field: string): Target => ({ kind: 'case', id: null, field });

  const victimIds = new Set(doc.events.flatMap((e) => e.victims));
  const victims = redacted.persons
    .filter(
      (p) =>
        p.shownAs !== null &&
        !p.person.roles.includes('perpetrator') &&
        (victimIds.has(p.person.id) || p.person.roles.includes('victim')),
    )
    .map((p): SpVictim => ({
      person: p,
      organisation: p.person.personType !== 'individual',
      publicName: p.fullName
        ? w.fullName
        : p.person.pseudonym && p.shownAs === p.person.pseudonym
          ? w.pseudonym
          : w.initials,
    }));

  const events = [...doc.events].sort((a, b) =>
    (a.start.value ?? '9999').localeCompare(b.start.value ?? '9999'),
  );
  const violations = events.map((e): SpViolation => ({
    date: row('sp-violations', 'date', f.words.field.date, f.date(e.start) ? when(e, f) : null, {
      kind: 'event',
      id: e.id,
      field: 'start',
    }),
    place: row('sp-violations', 'place', f.words.field.place, f.place(e.location) || null, {
      kind: 'event',
      id: e.id,
      field: 'location',
    }),
    what: [f.term('event-type', e.eventType), e.title].filter(present).join(f.colon),
    description: e.description,
  }));

  // Alleged perpetrators of every kind, each with what they are (a unit, a company, a militia):
  // non-State actors read as what they are, State forces and authorities as recorded.
  const byId = new Map(redacted.persons.map((p) => [p.person.id, p]));
  const perpetrators = distinct(
    events.flatMap((e) => [
      ...e.perpetrators.map((p) => {
        const person = byId.get(p.personId);
        if (!person) return '';
        const what = [person.person.occupation, person.person.affiliation].filter(present);
        return [f.iso(person.label), ...what.map((x) => f.iso(x))].join(f.comma);
      }),
      e.detention?.forces ?? '',
      e.detention?.authority ?? '',
    ]),
  );
  // A first-hand source: a testimony that goes, or an event source resting on a person or testimony.
  const firstHand = restsOnFirstHand(redacted);

  // Whether the victims know the Government will be contacted: the case's answer, or every
  // identified victim's own consent record (read in the vault; the record itself never leaves).
  const individual = victims.filter((v) => !v.organisation);
  const consentOf = (id: string) => original.persons.find((p) => p.id === id)?.consent;
  const knows =
    facts.victimKnowsGovernmentContacted === true ||
    (facts.victimKnowsGovernmentContacted === null &&
      individual.length > 0 &&
      individual.every((v) => consentOf(v.person.person.id)?.knowsGovernmentContacted === true));

  return {
    urgent: doc.events.some((e) => e.ongoing),
    mandates: facts.mandates.length > 0 ? facts.mandates : [DEFAULT_SP_MANDATE],
    states: f.countries(facts.states.length > 0 ? facts.states : doc.case.countries),
    victims,
    victimRow: row(
      'sp-victims',
      'victim',
      w.identifiedVictim,
      victims.length > 0 ? victims.map((v) => v.person.label).join(f.comma) : null,
      { kind: 'person', id: null, field: 'consent' },
    ),
    violations,
    hrdLink: row(
      'sp-violations',
      'hrdWorkLink',
      w.hrdLink,
      present(facts.hrdWorkLink) ? facts.hrdWorkLink : null,
      fact('hrdWorkLink'),
    ),
    perpetrators,
    perpetratorsRow: row(
      'sp-violations',
      'perpetrators',
      w.perpetrators,
      perpetrators.length > 0 ? 'ok' : null,
      { kind: 'event', id: null, field: 'perpetrators' },
    ),
    facts,
    consentRow: row(
      'sp-consent',
      'victimKnowsGovernmentContacted',
      w.knowsGovernment,
      knows ? f.words.yes : null,
      fact('victimKnowsGovernmentContacted'),
    ),
    sourcesRow: row('sp-sources', 'firstHand', w.firstHand, firstHand ? 'ok' : null, {
      kind: 'testimony',
      id: null,
      field: null,
    }),
    submitterRow: row(
      'sp-submitter',
      'organisation.name',
      w.identifiedSubmitter,
      present(organisation.name) ? organisation.name : null,
      { kind: 'organisation', id: null, field: 'name' },
    ),
    organisation,
    submitted: fill(w.submittedOn, { date: f.day(createdAt.toISOString()) }),
  };
}

const EMPTY: MechanismFacts = {
  states: [],
  finalDecision: { authority: '', reference: '', decision: '', decidedOn: null, notifiedOn: null },
  remedies: { status: null, steps: '', whyNot: '' },
  otherProcedures: [],
  beneficiaries: [],
  mandates: [],
  victimKnowsGovernmentContacted: null,
  identityWithheldFromState: null,
  authoritiesInformedOfRisk: null,
  authoritiesInformedHow: '',
  hrdWorkLink: '',
};

function when(e: DocumentEvent, f: Formatter): string {
  return f.span(e.start, e.end, e.ongoing);
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values.filter(present))];
}

/** Every row the communication requires, in the order the document shows them. */
export function spRows(c: SpCommunication): SpRow[] {
  return [
    c.victimRow,
    ...c.violations.flatMap((v) => [v.date, v.place]),
    c.hrdLink,
    c.perpetratorsRow,
    c.sourcesRow,
    c.consentRow,
    c.submitterRow,
  ];
}

/** The checklist: exactly the rows the document marks missing when they have no value. */
export function spChecklist(c: SpCommunication): ChecklistItem[] {
  return spRows(c).map((r) => ({
    id: [r.section, r.field, r.person?.id ?? r.target.id].filter(Boolean).join(':'),
    part: r.section,
    field: r.field,
    person: r.person?.name ?? null,
    label: r.label,
    ok: r.value !== null,
    target: r.target,
  }));
}

const cell = (r: SpRow): Inline => r.value ?? missing(r.label);

/** The communication as a document: only what the rows and facts hold, `[missing: …]` where a required row is empty. */
export function spDocument(c: SpCommunication, reference: string, f: Formatter): DocumentModel {
  const w = f.words.sp;
  const field = f.words.field;
  const blocks: Block[] = [];
  const text = (value: string): Block => ({
    type: 'paragraph',
    text: value,
    direction: f.textDirection(value),
  });
  const fieldsOf = (pairs: [string, string][]): Block | null => {
    const fields: Field[] = pairs
      .filter(([, value]) => present(value))
      .map(([label, value]) => ({ label, value }));
    return fields.length > 0 ? { type: 'fields', fields } : null;
  };
  const push = (block: Block | null) => {
    if (block) blocks.push(block);
  };

  if (reference) blocks.push({ type: 'paragraph', text: `${f.words.reference} ${reference}` });

  blocks.push(
    { type: 'heading', level: 2, text: w.mandates },
    { type: 'list', items: c.mandates.map((m) => f.term('sp-mandate', m)) },
  );
  if (present(c.states))
    blocks.push({ type: 'paragraph', text: `${w.states}${f.colon}${c.states}` });

  blocks.push({ type: 'heading', level: 2, text: w.victims });
  if (c.victims.length === 0)
    blocks.push({ type: 'paragraph', text: [missing(w.identifiedVictim)] });
  for (const v of c.victims) {
    const p = v.person.person;
    blocks.push({ type: 'heading', level: 3, text: f.iso(v.person.label) });
    push(
      fieldsOf(
        v.organisation
          ? [
              [field.type, f.term('person-type', p.personType)],
              [
                w.natureOfWork,
                [f.terms('hrd-work', p.hrdWork), p.occupation].filter(present).join(f.comma),
              ],
              [field.residence, p.residence],
            ]
          : [
              [field.sex, f.term('sex-gender', p.sex)],
              [field.age, p.age !== null ? String(p.age) : ''],
              [field.nationalities, f.countries(p.nationalities)],
              [field.occupation, p.occupation],
              [field.hrdWork, f.terms('hrd-work', p.hrdWork)],
              [field.affiliation, f.iso(p.affiliation)],
              [field.residence, p.residence],
            ],
      ),
    );
  }

  blocks.push({ type: 'heading', level: 2, text: w.violations });
  c.violations.forEach((v, i) => {
    blocks.push(
      { type: 'heading', level: 3, text: fill(w.violation, { n: i + 1 }) },
      {
        type: 'fields',
        fields: [
          { label: field.date, value: cell(v.date) },
          { label: field.place, value: cell(v.place) },
          ...(present(v.what) ? [{ label: field.type, value: v.what }] : []),
        ],
      },
    );
    if (present(v.description)) blocks.push(text(v.description));
  });
  // What the facts rest on is not printed (sources stay in the vault); only its absence is.
  if (c.sourcesRow.value === null)
    blocks.push({ type: 'paragraph', text: [missing(c.sourcesRow.label)] });
  blocks.push({ type: 'heading', level: 3, text: w.hrdLink });
  blocks.push(
    c.hrdLink.value ? text(c.hrdLink.value) : { type: 'paragraph', text: [missing(w.hrdLink)] },
  );

  blocks.push({ type: 'heading', level: 2, text: w.perpetrators });
  if (c.perpetrators.length > 0) blocks.push({ type: 'list', items: c.perpetrators });
  else blocks.push({ type: 'paragraph', text: [missing(w.perpetrators)] });

  const facts = c.facts;
  const d = facts.finalDecision;
  blocks.push({ type: 'heading', level: 2, text: w.authorities });
  push(
    fieldsOf([
      [w.finalDecision, [d.authority, d.reference].filter(present).join(f.comma)],
      [w.decidedOn, d.decidedOn ? f.day(d.decidedOn) : ''],
      [w.notifiedOn, d.notifiedOn ? f.day(d.notifiedOn) : ''],
      [w.remedies, facts.remedies.status ? w.remedyStatus[facts.remedies.status] : ''],
      [
        w.informedOfRisk,
        facts.authoritiesInformedOfRisk === null
          ? ''
          : facts.authoritiesInformedOfRisk
            ? f.words.yes
            : f.words.no,
      ],
    ]),
  );
  for (const [label, value] of [
    [w.finalDecision, d.decision],
    [w.steps, facts.remedies.steps],
    [w.whyNot, facts.remedies.whyNot],
    [w.informedHow, facts.authoritiesInformedHow],
  ] as const)
    if (present(value)) blocks.push({ type: 'heading', level: 3, text: label }, text(value));
  if (facts.otherProcedures.length > 0)
    blocks.push(
      { type: 'heading', level: 3, text: w.otherProcedures },
      {
        type: 'list',
        items: facts.otherProcedures.map((p) =>
          [
            f.iso(p.body),
            p.reference ? f.ltr(p.reference) : '',
            p.date ? f.day(p.date) : '',
            p.status ? w.procedureStatus[p.status] : '',
          ]
            .filter(present)
            .join(f.comma),
        ),
      },
    );

  blocks.push({ type: 'heading', level: 2, text: w.consent });
  blocks.push({
    type: 'fields',
    fields: [
      { label: w.knowsGovernment, value: cell(c.consentRow) },
      ...c.victims.map((v) => ({
        label: `${w.publicName}${f.colon}${f.iso(v.person.label)}`,
        value: v.publicName,
      })),
    ],
  });

  blocks.push(
    { type: 'heading', level: 2, text: w.submitter },
    { type: 'note', tone: 'warning', text: w.confidential },
  );
  const o = c.organisation;
  blocks.push({
    type: 'fields',
    fields: [
      { label: f.words.wgad.orgName, value: cell(c.submitterRow) },
      ...(
        [
          [f.words.wgad.orgAddress, o.address],
          [f.words.wgad.orgEmail, o.email],
          [f.words.wgad.orgPhone, o.phone ? f.ltr(o.phone) : ''],
        ] as const
      )
        .filter(([, value]) => present(value))
        .map(([label, value]) => ({ label, value })),
    ],
  });
  blocks.push({ type: 'paragraph', text: c.submitted });

  return {
    title: w.title,
    subtitle: c.urgent ? w.urgent : w.allegation,
    language: f.language,
    blocks,
  };
}
