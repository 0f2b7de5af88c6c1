import type { ChecklistItem, WgadSubmission } from '../../../../shared/dossier';
import type { CaseDocument, DocumentEvent, DocumentPerson } from '../../../../shared/domain';
import {
  missing,
  withheld,
  type Block,
  type DocumentModel,
  type Field,
  type RichText,
} from '../../render';
import type { DossierEvidence } from '../evidence';
import type { RedactedCase, RedactedPerson } from '../redact';
import type { Formatter } from './format';
import { eventBlocks, evidenceBlocks, withheldBlocks } from './generic';
import { fill, type Words } from './words';

const ARREST_TYPES = new Set(['arbitrary-arrest', 'abduction']);
const DETENTION_TYPES = new Set([
  'arbitrary-detention',
  'incommunicado-detention',
  'enforced-disappearance',
  'house-arrest',
]);
const DOMESTIC_STEPS = new Set(['letter-to-authorities']);
const CATEGORY_KEYS = ['I', 'II', 'III', 'IV', 'V'] as const;

const isArrest = (e: DocumentEvent) => ARREST_TYPES.has(e.eventType);
const isDetention = (e: DocumentEvent) =>
  DETENTION_TYPES.has(e.eventType) || (e.detention !== null && !isArrest(e));
const concerns = (e: DocumentEvent, personId: string) => e.victims.includes(personId);

/** The detained persons: victims of an arrest or a detention, in the order they were recorded. */
export function detainees(document: CaseDocument): DocumentPerson[] {
  const detention = document.events.filter((e) => isArrest(e) || isDetention(e));
  return document.persons.filter((p) => detention.some((e) => concerns(e, p.id)));
}

/**
 * The admissibility checklist: what the Working Group needs that the case
 * does not hold yet, each item pointing at the record to complete. It reads
 * the facts in the vault (before redaction) and the consent decisions.
 */
export function wgadChecklist(
  original: CaseDocument,
  redacted: RedactedCase,
  submission: WgadSubmission,
  words: Words,
  hasSigningKey: boolean,
): ChecklistItem[] {
  const c = words.wgad.check;
  const items: ChecklistItem[] = [];
  const add = (id: string, part: string, ok: boolean, target: ChecklistItem['target']) =>
    items.push({ id, part, label: c[id] ?? id, ok, target });
  const people = detainees(original);
  const first = people[0];
  add('detainee', 'I', first !== undefined, {
    kind: 'case',
    id: original.case.id,
    field: 'persons',
  });
  if (first) {
    const consent = redacted.consent.find((s) => s.personId === first.id);
    add('detaineeConsent', 'I', consent?.covers ?? false, {
      kind: 'person',
      id: first.id,
      field: 'consent',
    });
    add('familyName', 'I', first.familyName.trim() !== '' || first.name.trim() !== '', {
      kind: 'person',
      id: first.id,
      field: 'familyName',
    });
  }
  const arrest =
    original.events.find((e) => isArrest(e) && (!first || concerns(e, first.id))) ??
    original.events.find(isArrest);
  const detention =
    original.events.find((e) => isDetention(e) && (!first || concerns(e, first.id))) ??
    original.events.find(isDetention);
  const arrestTarget = (field: string): ChecklistItem['target'] => ({
    kind: 'event',
    id: arrest?.id ?? detention?.id ?? null,
    field,
  });
  add(
    'arrestDate',
    'II',
    Boolean(arrest && arrest.start.qualifier !== 'unknown'),
    arrestTarget('start'),
  );
  add(
    'arrestPlace',
    'II',
    Boolean(arrest && (arrest.location.place || arrest.location.region)),
    arrestTarget('location'),
  );
  add('arrestForces', 'II', Boolean(arrest?.detention?.forces), arrestTarget('detention.forces'));
  add(
    'warrant',
    'II',
    Boolean(arrest?.detention && arrest.detention.warrantShown !== 'unknown'),
    arrestTarget('detention.warrantShown'),
  );
  add(
    'legalBasis',
    'II',
    Boolean(arrest?.detention?.legalBasis || detention?.detention?.legalBasis),
    arrestTarget('detention.legalBasis'),
  );
  const detentionTarget = (field: string): ChecklistItem['target'] => ({
    kind: 'event',
    id: detention?.id ?? null,
    field,
  });
  add(
    'detentionPlaces',
    'III',
    Boolean(detention?.detention && detention.detention.places.length > 0),
    detentionTarget('detention.places'),
  );
  add(
    'detentionAuthority',
    'III',
    Boolean(detention?.detention?.authority),
    detentionTarget('detention.authority'),
  );
  add('circumstances', 'IV', submission.circumstances.trim() !== '', {
    kind: 'submission',
    id: null,
    field: 'circumstances',
  });
  add(
    'category',
    'IV',
    CATEGORY_KEYS.some((k) => submission.categories[k].argued),
    { kind: 'submission', id: null, field: 'categories' },
  );
  add(
    'remedies',
    'V',
    (submission.domesticRemedies + submission.remediesNotExhaustedBecause).trim() !== '',
    { kind: 'submission', id: null, field: 'domesticRemedies' },
  );
  add(
    'submitter',
    'VI',
    (submission.submitter.name + submission.submitter.organisation).trim() !== '',
    { kind: 'submission', id: null, field: 'submitter' },
  );
  add('signingKey', 'VI', hasSigningKey, { kind: 'submission', id: null, field: 'signingKey' });
  return items;
}

/** A fact that is absent is marked missing; one left out on purpose is marked withheld, with why. */
function fact(value: string, label: string): RichText {
  return value.trim() === '' ? missing(label) : value;
}

function identityFields(
  entry: RedactedPerson,
  redacted: RedactedCase,
  f: Formatter,
  includePrivate: boolean,
): Field[] {
  const w = f.words.wgad;
  const field = f.words.field;
  const p = entry.person;
  const status = redacted.consent.find((c) => c.personId === p.id);
  if (status && !status.covers) {
    const why = withheld(status.reasons.join('; ') || 'consent');
    return [{ label: field.name, value: why }];
  }
  const nameHidden = !entry.fullName;
  const privateValue = (value: string, label: string): RichText =>
    includePrivate ? fact(value, label) : withheld('private field');
  return [
    ...(nameHidden ? [{ label: field.name, value: entry.label }] : []),
    {
      label: w.familyName,
      value: nameHidden ? withheld('consent') : fact(p.familyName || p.name, w.familyName),
    },
    {
      label: w.firstName,
      value: nameHidden ? withheld('consent') : fact(p.givenName, w.firstName),
    },
    { label: field.sex, value: fact(f.term('sex-gender', p.sex), field.sex) },
    {
      label: `${field.birthDate} / ${field.age}`,
      value: fact(f.date(p.birthDate) || (p.age !== null ? String(p.age) : ''), field.birthDate),
    },
    { label: field.nationalities, value: fact(f.countries(p.nationalities), field.nationalities) },
    {
      label: w.idDocument,
      value:
        p.identityDocuments.length === 0
          ? missing(w.idDocument)
          : p.identityDocuments
              .map((d) =>
                [f.term('identity-document-type', d.type), d.issuedBy, f.date(d.issuedOn), d.number]
                  .filter(Boolean)
                  .join(', '),
              )
              .join('; '),
    },
    {
      label: w.profession,
      value: fact(
        [p.occupation, f.terms('hrd-work', p.hrdWork), p.affiliation].filter(Boolean).join('; '),
        w.profession,
      ),
    },
    { label: w.residence, value: privateValue(p.residence, w.residence) },
  ];
}

function arrestFields(event: DocumentEvent | undefined, f: Formatter): Field[] {
  const w = f.words.wgad;
  const d = event?.detention;
  return [
    { label: w.arrestDate, value: fact(event ? f.date(event.start) : '', w.arrestDate) },
    { label: w.arrestPlace, value: fact(event ? f.place(event.location) : '', w.arrestPlace) },
    { label: w.arrestForces, value: fact(d?.forces ?? '', w.arrestForces) },
    { label: w.warrantShown, value: fact(f.answer(d?.warrantShown), w.warrantShown) },
    { label: w.warrantAuthority, value: fact(d?.authority ?? '', w.warrantAuthority) },
    { label: w.arrestReasons, value: fact(d?.reasonsImputed ?? '', w.arrestReasons) },
    { label: w.arrestLegalBasis, value: fact(d?.legalBasis ?? '', w.arrestLegalBasis) },
  ];
}

function detentionFields(event: DocumentEvent | undefined, f: Formatter): Field[] {
  const w = f.words.wgad;
  const d = event?.detention;
  const places =
    d?.places.map((p) =>
      [
        p.name,
        f.term('detention-place-type', p.placeType),
        f.country(p.country),
        f.span(p.from, p.to, false),
      ]
        .filter(Boolean)
        .join(', '),
    ) ?? [];
  return [
    { label: w.detentionDate, value: fact(event ? f.date(event.start) : '', w.detentionDate) },
    {
      label: w.detentionDuration,
      value: fact(
        event && event.start.qualifier !== 'unknown'
          ? f.span(event.start, event.end, event.ongoing)
          : '',
        w.detentionDuration,
      ),
    },
    { label: w.detentionForces, value: fact(d?.forces ?? '', w.detentionForces) },
    { label: w.detentionPlaces, value: fact(places.join('; '), w.detentionPlaces) },
    { label: w.detentionAuthority, value: fact(d?.authority ?? '', w.detentionAuthority) },
    { label: w.detentionReasons, value: fact(d?.reasonsImputed ?? '', w.detentionReasons) },
    { label: w.detentionLegalBasis, value: fact(d?.legalBasis ?? '', w.detentionLegalBasis) },
  ];
}

/** The WGAD model questionnaire, filled from the case and the lawyer's arguments, nothing invented. */
export function wgadCommunication(
  redacted: RedactedCase,
  evidence: readonly DossierEvidence[],
  extraWithheld: readonly { what: string; reason: string }[],
  f: Formatter,
  options: { includePrivate: boolean; createdAt: Date },
): DocumentModel {
  const w = f.words.wgad;
  const words = f.words;
  const doc = redacted.document;
  const submission = redacted.submission;
  const blocks: Block[] = [
    { type: 'fields', fields: [{ label: words.reference, value: doc.case.reference ?? '' }] },
    {
      type: 'paragraph',
      text: fill(words.generatedOn, { date: f.day(options.createdAt.toISOString()) }),
    },
  ];
  if (submission?.urgentAction)
    blocks.push({ type: 'note', tone: 'warning', text: w.urgentAction });

  const people = detainees(doc);
  if (people.length === 0) blocks.push({ type: 'note', tone: 'warning', text: w.noDetention });
  people.forEach((person, i) => {
    const entry = redacted.persons.find((p) => p.person.id === person.id)!;
    const arrest = doc.events.find((e) => isArrest(e) && concerns(e, person.id));
    const detention = doc.events.find((e) => isDetention(e) && concerns(e, person.id));
    if (people.length > 1)
      blocks.push({
        type: 'heading',
        level: 1,
        text: `${fill(w.detainee, { n: i + 1 })}: ${entry.label}`,
      });
    blocks.push(
      { type: 'heading', level: 2, text: w.part1 },
      { type: 'fields', fields: identityFields(entry, redacted, f, options.includePrivate) },
      { type: 'heading', level: 2, text: w.part2 },
      { type: 'fields', fields: arrestFields(arrest ?? detention, f) },
      { type: 'heading', level: 2, text: w.part3 },
      { type: 'fields', fields: detentionFields(detention ?? arrest, f) },
    );
  });

  blocks.push(
    { type: 'heading', level: 2, text: w.part4 },
    { type: 'heading', level: 3, text: w.circumstances },
  );
  blocks.push({
    type: 'paragraph',
    text: submission?.circumstances ? submission.circumstances : missing(w.circumstances),
  });
  const relevant = doc.events.filter((e) => people.some((p) => concerns(e, p.id)));
  for (const event of relevant) blocks.push(...eventBlocks(event, redacted, f));
  for (const key of CATEGORY_KEYS) {
    const category = submission?.categories[key];
    blocks.push({ type: 'heading', level: 3, text: w.categories[key] });
    blocks.push({
      type: 'paragraph',
      text: category?.argued ? category.argument || missing(w.categories[key]) : w.notArgued,
    });
  }

  blocks.push(
    { type: 'heading', level: 2, text: w.part5 },
    {
      type: 'fields',
      fields: [
        { label: w.remedies, value: fact(submission?.domesticRemedies ?? '', w.remedies) },
        ...(submission?.remediesNotExhaustedBecause
          ? [{ label: w.remediesNotExhausted, value: submission.remediesNotExhaustedBecause }]
          : []),
        { label: w.otherProcedures, value: submission?.otherProcedures || words.no },
      ],
    },
  );
  const steps = doc.interventions.filter(
    (v) => DOMESTIC_STEPS.has(v.interventionType) || v.mechanism === null,
  );
  if (steps.length > 0) {
    blocks.push(
      { type: 'heading', level: 3, text: w.domesticSteps },
      {
        type: 'table',
        header: [
          words.field.type,
          words.field.recipient,
          words.field.sentOn,
          words.field.response,
          words.field.outcome,
        ],
        rows: steps.map((v) => [
          f.term('intervention-type', v.interventionType),
          v.recipient,
          f.date(v.sentOn),
          v.response,
          v.outcome,
        ]),
      },
    );
  }

  const submitter = submission?.submitter;
  blocks.push(
    { type: 'heading', level: 2, text: w.part6 },
    {
      type: 'fields',
      fields: [
        { label: w.submitterName, value: fact(submitter?.name ?? '', w.submitterName) },
        {
          label: w.submitterOrganisation,
          value: fact(submitter?.organisation ?? '', w.submitterOrganisation),
        },
        { label: w.submitterAddress, value: fact(submitter?.address ?? '', w.submitterAddress) },
        {
          label: w.submitterContact,
          value: options.includePrivate
            ? fact(submitter?.contact ?? '', w.submitterContact)
            : withheld('private field'),
        },
        {
          label: w.sourceConfidential,
          value: submitter?.confidential === false ? words.no : words.yes,
        },
        { label: w.submissionDate, value: f.day(options.createdAt.toISOString()) },
        { label: w.signature, value: '________________________' },
      ],
    },
    { type: 'heading', level: 2, text: w.consent },
    { type: 'paragraph', text: w.consentIntro },
    {
      type: 'table',
      header: [words.field.name, words.field.roles, w.shownAs, w.consent, w.covers],
      rows: redacted.consent.map((c) => {
        const label = redacted.labelOf(c.personId) ?? '';
        return [
          label,
          f.terms('person-role', c.roles),
          c.shownAs ?? withheld('consent'),
          w.consentState[c.consent],
          c.covers ? words.yes : words.no,
        ];
      }),
    },
    { type: 'heading', level: 2, text: words.generic.evidence },
    ...evidenceBlocks(evidence, f),
    { type: 'heading', level: 2, text: words.generic.withheld },
    ...withheldBlocks(redacted, extraWithheld, f),
  );

  return {
    title: w.title,
    subtitle: w.subtitle,
    language: f.language,
    header: `${w.title} — ${words.reference} ${doc.case.reference ?? ''}`,
    blocks,
  };
}
