import type { Organisation } from '../../../../shared/domain';
import type { Block } from '../../render';
import type { DossierEvidence } from '../evidence';
import type { RedactedCase } from '../redact';
import type { Formatter } from './format';
import {
  isRow,
  present,
  rowsOf,
  type FormPart,
  type FormSection,
  type MechanismForm,
} from './mechanismForm';
import {
  applicants,
  documentParts,
  factParts,
  finalDecisionRow,
  preparedLine,
  representativeRows,
  statesRow,
  timeLimitRow,
  victimParts,
  violationParts,
  type FormFacts,
} from './regionalParts';
import { fill } from '../../../../shared/i18n/fill';

/**
 * The Inter-American Commission: a petition laid out as article 28 of its
 * Rules of Procedure asks, and a request for precautionary measures as
 * article 25 asks. Both are made for the Commission (audience: the
 * mechanism `iachr`): consent for the Commission decides who is named.
 *
 * Identity withheld from the State (art. 28(2)): the Commission transmits
 * the pertinent parts of a petition to the State. When the case's facts say
 * the petitioner's identity is to be withheld, the petitioner (the
 * organisation) is named only in a confidential annex after a page break,
 * marked not to be transmitted; the petition itself, its running header and
 * its closing line do not name it, and the checklist fails if the
 * organisation's name appears anywhere in the texts printed before the
 * annex (a case summary or an argument that mentions it). When the facts do
 * not say, the identity is treated as withheld (and the row is a gap): it is
 * easier to disclose later than to take back.
 */
export interface IachrInput {
  redacted: RedactedCase;
  facts: FormFacts;
  organisation: Organisation;
  evidence: readonly DossierEvidence[];
  formatter: Formatter;
  createdAt: Date;
  /** The user ids of the key that signs the dossier (null: no key yet). */
  signerUserIds?: readonly string[] | null;
}

/**
 * Whether a petition keeps its petitioner's identity from the State: the
 * case's facts say so, or say nothing (unknown counts as withheld).
 */
export function petitionerWithheld(
  template: string,
  facts: { identityWithheldFromState: boolean | null } | null,
): boolean {
  return template === 'iachr-petition' && facts?.identityWithheldFromState !== false;
}

/** Whether a key's user ids name the organisation (its name or e-mail address, in any case). */
export function keyNamesOrganisation(
  userIds: readonly string[],
  organisation: Pick<Organisation, 'name' | 'email'>,
): boolean {
  const marks = [organisation.name, organisation.email]
    .filter(present)
    .map((m) => m.trim().toLowerCase());
  return userIds.some((id) => marks.some((m) => id.toLowerCase().includes(m)));
}

/** Every text of the blocks and rows given (to look for a name that must not be there). */
function partTexts(parts: readonly FormPart[]): string {
  return JSON.stringify(parts.map((p) => (isRow(p) ? p.value : p)));
}

export function iachrPetitionForm(input: IachrInput): MechanismForm {
  const { redacted, facts, organisation, formatter: f, createdAt } = input;
  const w = f.words.iachr;
  // Unknown counts as withheld: the identity stays out of what the State may see.
  const withheld = facts.identityWithheld !== false;
  const petitioner = representativeRows(rowsOf('petitioner'), organisation, f, w);

  const identity = rowsOf('identity');
  const people = applicants(redacted);
  const victims = victimParts(people, rowsOf('victims'), w.namedVictim, f);

  const remediesRow = rowsOf('remedies');
  const unavailable =
    facts.remedies?.status === 'unavailable' || facts.remedies?.status === 'ineffective';
  const time = rowsOf('timeLimit');
  const body: FormSection[] = [
    {
      id: 'facts',
      heading: w.facts,
      intro: w.factsIntro,
      parts: factParts(redacted, f, rowsOf('facts'), w.factsRow),
    },
    { id: 'victims', heading: w.victims, intro: w.victimsIntro, parts: victims },
    {
      id: 'rights',
      heading: w.rights,
      intro: w.rightsIntro,
      parts: violationParts(
        rowsOf('rights'),
        redacted.arguments['iachr-petition'] ?? null,
        f,
        w.rightsRow,
        (provision) => fill(w.argument, { provision }),
      ),
    },
    {
      id: 'remedies',
      heading: w.remedies,
      intro: w.remediesIntro,
      parts: [
        {
          ...remediesRow(
            'remedies',
            w.remediesRow,
            facts.remedies?.text ?? null,
            { kind: 'case', id: null, field: 'remedies' },
            { layout: 'text' },
          ),
          // Pending remedies are not exhausted (art. 31), unless the delay itself is argued (in the text).
          ...(facts.remedies
            ? { ok: facts.remedies.status !== 'pending' || facts.remedies.text.length > 40 }
            : {}),
        },
        finalDecisionRow(remediesRow, f.words.echr.finalDecision, facts),
      ],
    },
    {
      id: 'timeLimit',
      heading: w.timeLimit,
      parts: [
        unavailable
          ? time('timeLimit', w.timeLimitRow, w.reasonableTime, {
              kind: 'case',
              id: null,
              field: 'remedies',
            })
          : timeLimitRow(
              time,
              {
                timeLimit: w.timeLimitRow,
                dueOn: w.dueOn,
                daysLeft: w.daysLeft,
                daysLate: w.daysLate,
              },
              'iachr-petition',
              facts,
              f,
              createdAt,
            ),
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
      parts: documentParts(input.evidence, redacted, f, w.documentsRow),
    },
  ];

  const identityParts: FormPart[] = [
    identity(
      'identityWithheld',
      w.identityRow,
      facts.identityWithheld === null ? null : withheld ? w.identityWithheld : w.identityDisclosed,
      { kind: 'case', id: null, field: 'identityWithheldFromState' },
      { layout: 'text' },
    ),
    statesRow(identity, w.states, facts, f),
  ];
  if (withheld && present(organisation.name)) {
    const leaks = [...body.flatMap((s) => s.parts), ...identityParts].some((p) =>
      partTexts([p]).toLowerCase().includes(organisation.name.toLowerCase()),
    );
    identityParts.push({
      ...identity('identityKept', w.identityKept, leaks ? null : f.words.yes, {
        kind: 'organisation',
        id: null,
        field: 'name',
      }),
      ok: !leaks,
    });
  }

  const sections: FormSection[] = withheld
    ? [
        {
          id: 'petitioner',
          heading: w.petitioner,
          parts: [{ type: 'paragraph', text: w.identityWithheld }],
        },
        { id: 'identity', heading: w.identity, parts: identityParts },
        ...body,
        {
          id: 'petitioner',
          heading: w.confidentialAnnex,
          intro: w.confidentialAnnexIntro,
          parts: [{ type: 'pageBreak' }, ...petitioner, ...signerParts(input)],
        },
      ]
    : [
        { id: 'petitioner', heading: w.petitioner, intro: w.petitionerIntro, parts: petitioner },
        { id: 'identity', heading: w.identity, parts: identityParts },
        ...body,
      ];
  return {
    title: w.petitionTitle,
    subtitle: [people.map((p) => f.iso(p.label)).join(f.comma), f.countries(facts.states)]
      .filter(present)
      .join(' — '),
    notice: { title: w.noticeTitle, text: w.petitionNotice },
    sections,
    // The closing line names the organisation only when its identity may go to the State.
    closing: withheld
      ? fill(w.preparedOn, { date: f.day(createdAt.toISOString()) })
      : preparedLine(organisation, f, createdAt, w),
  };
}

/**
 * What the signed dossier says of the petitioner whose identity is withheld:
 * manifest.json and VERIFY.txt give the key's fingerprint only (see
 * plan.ts), but the key and its user id go with the signatures. Said in the
 * annex, and a gap when the key's user id names the organisation.
 */
function signerParts(input: IachrInput): FormPart[] {
  const ids = input.signerUserIds;
  if (!ids) return [];
  const w = input.formatter.words.iachr;
  const names = keyNamesOrganisation(ids, input.organisation);
  return [
    { type: 'paragraph', text: w.signerNote },
    rowsOf('identity')('signer', w.signerKept, names ? null : w.signerNeutral, {
      kind: 'organisation',
      id: null,
      field: 'key',
    }),
  ];
}

export function iachrPrecautionaryForm(input: IachrInput): MechanismForm {
  const { redacted, facts, organisation, formatter: f, createdAt } = input;
  const w = f.words.iachr;
  const b = rowsOf('beneficiaries');
  const shown = redacted.persons.filter((p) => facts.beneficiaries.includes(p.person.id));
  const beneficiaries: FormPart[] = [];
  if (shown.length === 0)
    beneficiaries.push(
      b('beneficiaries', w.beneficiariesRow, null, {
        kind: 'case',
        id: null,
        field: 'beneficiaries',
      }),
    );
  for (const p of shown) {
    const person = {
      id: p.person.id,
      name: redacted.consent.find((c) => c.personId === p.person.id)?.name ?? p.label,
    };
    const consent = redacted.consent.find((c) => c.personId === p.person.id);
    beneficiaries.push(
      { type: 'heading', level: 3, text: f.iso(p.label) },
      // Appearing at all means consent covers the Commission; the request asks that it was given.
      b(
        'consent',
        w.consent,
        consent?.consent === 'recorded' ? w.consentGiven : null,
        { kind: 'person', id: p.person.id, field: 'consent' },
        { person },
      ),
    );
    const work = [p.person.occupation, p.person.affiliation].filter(present).join(f.comma);
    if (present(work))
      beneficiaries.push({
        type: 'fields',
        fields: [{ label: f.words.field.occupation, value: f.iso(work) }],
      });
  }
  const args = redacted.arguments['iachr-precautionary'] ?? null;
  const measures = (args?.measures ?? []).filter(present);
  const a = rowsOf('authorities');
  const informed = facts.authoritiesInformed;
  const sections: FormSection[] = [
    {
      id: 'petitioner',
      heading: w.requester,
      parts: representativeRows(rowsOf('petitioner'), organisation, f, w),
    },
    { id: 'state', heading: w.state, parts: [statesRow(rowsOf('state'), w.states, facts, f)] },
    {
      id: 'beneficiaries',
      heading: w.beneficiaries,
      intro: w.beneficiariesIntro,
      parts: beneficiaries,
    },
    {
      id: 'situation',
      heading: w.situation,
      intro: w.situationIntro,
      parts: factParts(redacted, f, rowsOf('situation'), w.factsRow),
    },
    {
      id: 'risk',
      heading: w.risk,
      parts: [
        rowsOf('risk')(
          'risk',
          w.riskRow,
          present(args?.risk) ? args.risk : null,
          { kind: 'submission', id: null, field: 'risk' },
          { layout: 'text' },
        ),
      ],
    },
    {
      id: 'measures',
      heading: w.measures,
      parts: [
        rowsOf('measures')(
          'measures',
          w.measuresRow,
          measures.length > 0 ? `${measures.length}` : null,
          { kind: 'submission', id: null, field: 'measures' },
        ),
        ...(measures.length > 0
          ? [
              {
                type: 'list',
                ordered: true,
                items: measures,
                direction: f.textDirection(measures.join(' ')),
              } as Block,
            ]
          : []),
      ],
    },
    {
      id: 'authorities',
      heading: w.authorities,
      intro: w.authoritiesIntro,
      parts: [
        a(
          'authoritiesInformed',
          w.authoritiesRow,
          informed === null
            ? null
            : [informed ? f.words.yes : f.words.no, facts.authoritiesHow]
                .filter(present)
                .join(f.colon),
          { kind: 'case', id: null, field: 'authoritiesInformedOfRisk' },
          { layout: 'text' },
        ),
      ],
    },
    {
      id: 'documents',
      heading: w.documents,
      parts: documentParts(input.evidence, redacted, f, w.documentsRow),
    },
  ];
  return {
    title: w.precautionaryTitle,
    subtitle: [shown.map((p) => f.iso(p.label)).join(f.comma), f.countries(facts.states)]
      .filter(present)
      .join(' — '),
    notice: { title: w.noticeTitle, text: w.precautionaryNotice },
    sections,
    closing: preparedLine(organisation, f, createdAt, w),
  };
}
