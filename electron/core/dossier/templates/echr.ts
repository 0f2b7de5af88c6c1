import type { Organisation } from '../../../../shared/domain';
import type { DossierEvidence } from '../evidence';
import type { RedactedCase } from '../redact';
import type { Formatter } from './format';
import {
  present,
  rowsOf,
  type FormPart,
  type FormSection,
  type MechanismForm,
} from './mechanismForm';
import {
  applicants,
  eventParts,
  evidenceList,
  finalDecisionRow,
  preparedLine,
  representativeRows,
  statesRow,
  timeLimitRow,
  violationParts,
  type FormFacts,
} from './regionalParts';
import { fill } from '../../../../shared/i18n/fill';

/**
 * The European Court of Human Rights: the material the application form
 * (Rule 47 of the Rules of Court) needs, laid out in the form's sections (A
 * the applicant, B the respondent State, C the representative, E the facts,
 * F the alleged violations with arguments, G compliance with article 35 § 1
 * including the four-month time limit, H other international proceedings, I
 * the accompanying documents). It is marked throughout as material to
 * transfer: the Court examines only its own form, complete and signed.
 *
 * Made for the Court (audience: the mechanism `echr`): consent for the Court
 * decides who is named, and an applicant must be named in full (the Court
 * can keep an applicant's identity from the public, not from itself), so an
 * applicant consent shows only by initials is a gap to fill, not a name.
 */
export interface EchrInput {
  redacted: RedactedCase;
  facts: FormFacts;
  organisation: Organisation;
  evidence: readonly DossierEvidence[];
  formatter: Formatter;
  createdAt: Date;
}

export function echrForm(input: EchrInput): MechanismForm {
  const { redacted, facts, organisation, evidence, formatter: f, createdAt } = input;
  const w = f.words.echr;
  const doc = redacted.document;

  const applicant: FormPart[] = [];
  const people = applicants(redacted);
  const row = rowsOf('applicant');
  if (people.length === 0)
    applicant.push(
      row('applicant', w.namedApplicant, null, { kind: 'person', id: null, field: 'consent' }),
    );
  for (const p of people) {
    const person = { id: p.person.id, name: p.vaultName };
    const target = (field: string) => ({ kind: 'person' as const, id: p.person.id, field });
    applicant.push(
      { type: 'heading', level: 3, text: f.iso(p.label) },
      p.fullName
        ? row('name', w.name, f.iso(p.label), target('consent'), { person })
        : row('name', w.fullName, null, target('consent'), { person }),
      row(
        'birthDate',
        f.words.field.birthDate,
        f.date(p.person.birthDate) || null,
        target('birthDate'),
        {
          person,
        },
      ),
      row(
        'nationalities',
        f.words.field.nationalities,
        f.countries(p.person.nationalities) || null,
        target('nationalities'),
        { person },
      ),
      row(
        'address',
        w.address,
        present(p.person.residence) ? p.person.residence : null,
        target('residence'),
        {
          person,
        },
      ),
    );
    const work = [p.person.occupation, p.person.affiliation].filter(present).join(f.comma);
    if (present(work))
      applicant.push({
        type: 'fields',
        fields: [{ label: f.words.field.occupation, value: f.iso(work) }],
      });
  }

  const factsRow = rowsOf('facts');
  const events = eventParts(doc.events, f, factsRow);
  const factParts: FormPart[] = [
    factsRow(
      'facts',
      w.factsRow,
      present(doc.case.summary) ? doc.case.summary : null,
      { kind: 'case', id: doc.case.id, field: 'summary' },
      { layout: 'text' },
    ),
    ...events,
  ];

  const g = rowsOf('admissibility');
  const decision = finalDecisionRow(g, w.finalDecision, facts);
  const sections: FormSection[] = [
    { id: 'applicant', heading: w.applicant, intro: w.applicantIntro, parts: applicant },
    { id: 'state', heading: w.state, parts: [statesRow(rowsOf('state'), w.states, facts, f)] },
    {
      id: 'representative',
      heading: w.representative,
      intro: w.representativeIntro,
      parts: representativeRows(rowsOf('representative'), organisation, f, {
        organisation: w.organisation,
        address: w.address,
        contact: w.contact,
      }),
    },
    { id: 'facts', heading: w.facts, intro: w.factsIntro, parts: factParts },
    {
      id: 'violations',
      heading: w.violations,
      intro: w.violationsIntro,
      parts: violationParts(
        rowsOf('violations'),
        redacted.arguments.echr ?? null,
        f,
        w.violationsRow,
        (provision) => fill(w.argument, { provision }),
      ),
    },
    {
      id: 'admissibility',
      heading: w.admissibility,
      intro: w.admissibilityIntro,
      parts: [
        {
          ...g(
            'remedies',
            w.remedies,
            facts.remedies?.text ?? null,
            { kind: 'case', id: null, field: 'remedies' },
            { layout: 'text' },
          ),
          // The Court asks for remedies exhausted (or shown to be unavailable or ineffective): pending ones are not.
          ...(facts.remedies ? { ok: facts.remedies.status !== 'pending' } : {}),
        },
        decision,
        timeLimitRow(g, w, 'echr-application', facts, f, createdAt),
      ],
    },
    {
      id: 'otherProcedures',
      heading: w.otherProcedures,
      intro: w.otherProceduresIntro,
      parts: [
        rowsOf('otherProcedures')(
          'otherProcedures',
          w.otherProceduresRow,
          facts.otherProcedures,
          { kind: 'case', id: null, field: 'otherProcedures' },
          { layout: 'text' },
        ),
      ],
    },
    {
      id: 'documents',
      heading: w.documents,
      intro: w.documentsIntro,
      parts: [
        rowsOf('documents')(
          'documents',
          w.documentsRow,
          evidence.length > 0 ? `${evidence.length}` : null,
          { kind: 'evidence', id: null, field: null },
        ),
        ...(evidence.length > 0 ? [evidenceList(evidence, redacted, f)] : []),
      ],
    },
  ];
  const first = people[0];
  return {
    title: w.title,
    subtitle: first
      ? [f.iso(first.label), f.countries(facts.states)].filter(present).join(` ${w.versus} `)
      : f.countries(facts.states),
    notice: { title: w.noticeTitle, text: w.notice },
    sections,
    closing: preparedLine(organisation, f, createdAt, w),
  };
}
