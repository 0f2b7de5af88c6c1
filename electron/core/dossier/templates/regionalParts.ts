import {
  daysBetween,
  deadlineFrom,
  deadlineRule,
  FINAL_DOMESTIC_DECISION,
  triggerDay,
} from '../../../../shared/deadlines';
import type {
  CaseDocument,
  DocumentEvent,
  DocumentPerson,
  Organisation,
} from '../../../../shared/domain';
import type { MechanismArguments } from '../../../../shared/dossier';
import type { MechanismFacts } from '../../../../shared/mechanismFacts';
import { bold, type Block, type RichText } from '../../render';
import type { DossierEvidence } from '../evidence';
import type { RedactedCase } from '../redact';
import type { Formatter } from './format';
import { present, rowsOf, type FormPart, type FormRow } from './mechanismForm';
import { fill } from '../../../../shared/i18n/fill';

/**
 * The parts the regional bodies' forms share: who the case is about, the
 * facts in order, the State responsible, the final domestic decision and the
 * time limit that runs from it, the representative, the complaints, the
 * accompanying documents. Each template orders them in its body's sections
 * and words them in its body's terms.
 */

type Row = ReturnType<typeof rowsOf>;

/**
 * The case's mechanism facts (shared/mechanismFacts.ts, as released for the
 * audience) as the templates print them, in the dossier's language or as the
 * user wrote them. A value left null is a gap in the document and in the
 * checklist.
 */
export interface FormFacts {
  /** The State(s) considered responsible (ISO 3166-1 codes). */
  states: string[];
  /** The final domestic decision: the day the time limit runs from, and what it was. */
  finalDecision: { day: string | null; text: string } | null;
  /** Where domestic remedies stand, with the steps taken or why not; `exhausted` as the status says. */
  remedies: { text: string; status: MechanismFacts['remedies']['status'] } | null;
  /** Other international procedures seized, or that there are none. */
  otherProcedures: string | null;
  /** Whether the petitioner's identity is to be withheld from the State (null: not recorded). */
  identityWithheld: boolean | null;
  /** Whether the authorities were informed of the risk (null: not recorded), and how. */
  authoritiesInformed: boolean | null;
  authoritiesHow: string;
  /** The persons for whom protection is asked (ids; those who appear only). */
  beneficiaries: string[];
}

/**
 * The facts as printed. `saved`: whether anyone recorded the case's facts;
 * only then does an empty list of other procedures mean there are none. The
 * final decision falls back to the case's event of that type (what the
 * deadline table counts from) when the facts hold none.
 */
export function formFacts(
  facts: MechanismFacts | null,
  saved: boolean,
  doc: CaseDocument,
  f: Formatter,
): FormFacts {
  const w = f.words.regional;
  const d = facts?.finalDecision;
  const decided = d?.decidedOn ? fill(w.decidedOn, { date: f.day(d.decidedOn) }) : '';
  const notified = d?.notifiedOn ? fill(w.notifiedOn, { date: f.day(d.notifiedOn) }) : '';
  const decisionText = d
    ? [
        [f.iso(d.authority), f.iso(d.reference), decided, notified].filter(present).join(f.comma),
        d.decision,
      ]
        .filter(present)
        .join(f.colon)
    : '';
  const r = facts?.remedies;
  const remediesText = r
    ? [r.status ? w.remedyStatus[r.status] : '', r.steps, r.whyNot].filter(present).join(f.colon)
    : '';
  const procedures = (facts?.otherProcedures ?? []).map((p) =>
    [
      f.iso(p.body),
      f.iso(p.reference),
      p.date ? fill(w.seizedOn, { date: f.day(p.date) }) : '',
      p.status ? w.procedureStatus[p.status] : '',
    ]
      .filter(present)
      .join(f.comma),
  );
  return {
    states: facts?.states ?? [],
    finalDecision: present(decisionText)
      ? { day: d?.notifiedOn ?? d?.decidedOn ?? null, text: decisionText }
      : decisionFromRecords(doc, f),
    remedies: present(remediesText) ? { text: remediesText, status: r?.status ?? null } : null,
    otherProcedures:
      procedures.length > 0 ? procedures.join(f.semicolon) : saved ? w.noOtherProcedures : null,
    identityWithheld: facts?.identityWithheldFromState ?? null,
    authoritiesInformed: facts?.authoritiesInformedOfRisk ?? null,
    authoritiesHow: facts?.authoritiesInformedHow ?? '',
    beneficiaries: facts?.beneficiaries ?? [],
  };
}

/** The final domestic decision as the records hold it: an event of that type, dated. */
export function decisionFromRecords(doc: CaseDocument, f: Formatter): FormFacts['finalDecision'] {
  const decisions = doc.events
    .filter((e) => e.eventType === FINAL_DOMESTIC_DECISION)
    .sort((a, b) => (b.start.value ?? '').localeCompare(a.start.value ?? ''));
  const last = decisions[0];
  if (!last) return null;
  return {
    day: triggerDay(last.start.value)?.day ?? null,
    text: [f.date(last.start), f.iso(last.title), last.description].filter(present).join(f.colon),
  };
}

export interface Applicant {
  person: DocumentPerson;
  label: string;
  fullName: boolean;
  /** The name in the vault (for the sender's checklist; never printed unless consent allows). */
  vaultName: string;
}

/** Those the case is about: persons who appear, are not alleged perpetrators, and are victims. */
export function applicants(redacted: RedactedCase): Applicant[] {
  const victims = new Set(redacted.document.events.flatMap((e) => e.victims));
  return redacted.persons
    .filter(
      (p) =>
        !p.person.roles.includes('perpetrator') &&
        (victims.has(p.person.id) || p.person.roles.includes('victim')),
    )
    .map((p) => ({
      person: p.person,
      label: p.label,
      fullName: p.fullName && p.shownAs !== null,
      vaultName: redacted.consent.find((c) => c.personId === p.person.id)?.name ?? p.label,
    }));
}

/**
 * Whether the facts rest on something first-hand (Special Procedures, African
 * Charter art. 56(4): not on media reports alone): a testimony that goes, or
 * an event's source resting on a person or a testimony. What the sources say
 * stays in the vault; only whether there is one counts.
 */
export function restsOnFirstHand(redacted: RedactedCase): boolean {
  return (
    redacted.testimonies.length > 0 ||
    redacted.document.events.some((e) =>
      e.sources.some((s) => s.personId !== null || s.testimonyId !== null),
    )
  );
}

/** The events in the order they happened: each with its date and place (required) and its description. */
export function eventParts(events: readonly DocumentEvent[], f: Formatter, row: Row): FormPart[] {
  const sorted = [...events].sort((a, b) =>
    (a.start.value ?? '9999').localeCompare(b.start.value ?? '9999'),
  );
  return sorted.flatMap((e): FormPart[] => {
    const target = (field: string) => ({ kind: 'event' as const, id: e.id, field });
    const what = [f.term('event-type', e.eventType), f.iso(e.title)].filter(present).join(f.colon);
    return [
      { type: 'heading', level: 3, text: what || f.words.field.description },
      row(
        'date',
        f.words.field.date,
        f.date(e.start) ? f.span(e.start, e.end, e.ongoing) : null,
        target('start'),
      ),
      row('place', f.words.field.place, f.place(e.location) || null, target('location')),
      ...(present(e.description)
        ? [
            {
              type: 'paragraph' as const,
              text: e.description,
              direction: f.textDirection(e.description),
            },
          ]
        : []),
    ];
  });
}

/** The State(s) responsible, from the case's mechanism facts. */
export function statesRow(row: Row, label: string, facts: FormFacts, f: Formatter): FormRow {
  return row('states', label, f.countries(facts.states) || null, {
    kind: 'case',
    id: null,
    field: 'states',
  });
}

export function finalDecisionRow(row: Row, label: string, facts: FormFacts): FormRow {
  const d = facts.finalDecision;
  return row(
    'finalDecision',
    label,
    d && present(d.text) ? d.text : null,
    { kind: 'case', id: null, field: 'finalDecision' },
    { layout: 'text' },
  );
}

/**
 * The time limit a body counts from the final domestic decision (the
 * deadline table's rule `ruleId`): the day it ends and the days left or
 * late on the day the document is made. A gap when the decision's day is
 * not recorded; not ok when the limit has passed.
 */
export function timeLimitRow(
  row: Row,
  w: { timeLimit: string; dueOn: string; daysLeft: string; daysLate: string },
  ruleId: string,
  facts: FormFacts,
  f: Formatter,
  createdAt: Date,
): FormRow {
  const rule = deadlineRule(ruleId);
  const day = facts.finalDecision?.day ?? null;
  const target = { kind: 'case' as const, id: null, field: 'finalDecision' };
  if (!rule || !day) return row('timeLimit', w.timeLimit, null, target);
  const due = deadlineFrom(day, rule.period);
  const today = createdAt.toISOString().slice(0, 10);
  const left = daysBetween(today, due);
  const value = `${fill(w.dueOn, { decision: f.day(day), due: f.day(due) })}${f.colon}${fill(
    left >= 0 ? w.daysLeft : w.daysLate,
    { days: Math.abs(left) },
  )}`;
  return { ...row('timeLimit', w.timeLimit, value, target), ok: left >= 0 };
}

/** The organisation that represents the applicant or petitions: its name, address and contact. */
export function representativeRows(
  row: Row,
  organisation: Organisation,
  f: Formatter,
  w: { organisation: string; address: string; contact: string },
): FormRow[] {
  const target = (field: string) => ({ kind: 'organisation' as const, id: null, field });
  const contact = [organisation.email, f.ltr(organisation.phone)].filter(present).join(f.comma);
  return [
    row(
      'organisation',
      w.organisation,
      organisation.name ? f.iso(organisation.name) : null,
      target('name'),
    ),
    row(
      'address',
      w.address,
      organisation.address ? organisation.address.replace(/\s*\n\s*/gu, f.comma) : null,
      target('address'),
    ),
    row('contact', w.contact, contact || null, target('email')),
  ];
}

/** The complaints: each provision invoked and the argument for it, as the lawyer wrote them (released). */
export function violationParts(
  row: Row,
  args: MechanismArguments | null,
  f: Formatter,
  noneLabel: string,
  argumentLabel: (provision: string) => string,
): FormPart[] {
  const violations = (args?.violations ?? []).filter((v) => present(v.provision));
  const target = { kind: 'submission' as const, id: null, field: 'violations' };
  if (violations.length === 0) return [row('violations', noneLabel, null, target)];
  return violations.flatMap((v, i): FormPart[] => [
    { type: 'heading', level: 3, text: [bold(f.iso(v.provision))] },
    row(
      `violations.${i + 1}`,
      argumentLabel(v.provision),
      present(v.argument) ? v.argument : null,
      target,
      {
        layout: 'text',
      },
    ),
  ]);
}

/** The dossier's files, each with what it shows when that names nobody who may not be named. */
export function evidenceList(
  evidence: readonly DossierEvidence[],
  redacted: RedactedCase,
  f: Formatter,
): Block {
  const safe = (text: string) =>
    present(text) && redacted.releaser.mentions(text).length === 0 ? text : '';
  return {
    type: 'list',
    ordered: true,
    items: evidence.map((e): RichText => {
      const what = [safe(e.title), safe(e.description)].filter(present).join(f.colon);
      return what ? [bold(e.path), ` — ${what}`] : [bold(e.path)];
    }),
  };
}

/** "Prepared by {organisation} on {date}." */
export function preparedLine(
  organisation: Organisation,
  f: Formatter,
  createdAt: Date,
  w: { preparedBy: string; preparedOn: string },
): string {
  const date = f.day(createdAt.toISOString());
  return present(organisation.name)
    ? fill(w.preparedBy, { organisation: f.iso(organisation.name), date })
    : fill(w.preparedOn, { date });
}

/** The facts as the bodies ask them: the case's summary, then each event with its date and place. */
export function factParts(
  redacted: RedactedCase,
  f: Formatter,
  row: Row,
  label: string,
): FormPart[] {
  const doc = redacted.document;
  return [
    row(
      'facts',
      label,
      present(doc.case.summary) ? doc.case.summary : null,
      { kind: 'case', id: doc.case.id, field: 'summary' },
      { layout: 'text' },
    ),
    ...eventParts(doc.events, f, row),
  ];
}

/** The alleged victims, each named as consent for the body allows, with their work; a gap when none may be named. */
export function victimParts(
  people: readonly Applicant[],
  row: Row,
  noneLabel: string,
  f: Formatter,
): FormPart[] {
  if (people.length === 0)
    return [row('victim', noneLabel, null, { kind: 'person', id: null, field: 'consent' })];
  return people.flatMap((p): FormPart[] => {
    const work = [p.person.occupation, p.person.affiliation].filter(present).join(f.comma);
    return [
      row(
        'victim',
        f.words.field.name,
        f.iso(p.label),
        { kind: 'person', id: p.person.id, field: 'consent' },
        { person: { id: p.person.id, name: p.vaultName } },
      ),
      ...(present(work)
        ? [
            {
              type: 'fields',
              fields: [{ label: f.words.field.occupation, value: f.iso(work) }],
            } as Block,
          ]
        : []),
    ];
  });
}

/** The accompanying documents: how many, and the list of the dossier's files. */
export function documentParts(
  evidence: readonly DossierEvidence[],
  redacted: RedactedCase,
  f: Formatter,
  label: string,
): FormPart[] {
  return [
    rowsOf('documents')('documents', label, evidence.length > 0 ? `${evidence.length}` : null, {
      kind: 'evidence',
      id: null,
      field: null,
    }),
    ...(evidence.length > 0 ? [evidenceList(evidence, redacted, f)] : []),
  ];
}
