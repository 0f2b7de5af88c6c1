import type { ChecklistItem, WgadSection, WgadSubmission } from '../../../../shared/dossier';
import type {
  CaseDocument,
  ConsentRecord,
  DocumentEvent,
  DocumentPerson,
  Organisation,
} from '../../../../shared/domain';
import type { RichText } from '../../render';
import type { DossierEvidence } from '../evidence';
import type { RedactedCase, RedactedPerson } from '../redact';
import { isolate, present, type Formatter } from './format';
import {
  detaineeFacts,
  detainedPersonIds,
  distinct,
  spanBetween,
  yearsBetween,
  type DetaineeFacts,
  type PlaceFact,
} from './wgadFacts';
import { fill } from '../../../../shared/i18n/fill';
import type { WgadWords } from './wgadWords';

/**
 * The WGAD model questionnaire filled from a case: every cell the document
 * prints, each either a value or missing. It is the one source of truth for
 * both the document (which prints `[missing]` exactly where a required cell
 * has no value) and the checklist (`vigil export --check`, the export
 * wizard), so the two cannot disagree.
 *
 * Values come from the released case (consent applied, free texts as
 * released); nothing is invented: a required fact the records do not hold is
 * missing, never guessed. Optional rows (answers about access to a lawyer, a
 * signatory…) appear only when the records hold them.
 */

export type Target = ChecklistItem['target'];

export interface Row {
  section: WgadSection;
  /** What is asked: `familyName`, `arrest.forces`… */
  field: string;
  label: string;
  /** The value to print; null when a required value is absent (the cell is marked missing). */
  value: RichText | null;
  required: boolean;
  target: Target;
}

export interface DetaineePart {
  personId: string;
  /** The person's name in the vault, for the sender's checklist. */
  name: string;
  /** The name the document prints: as consent allows, with its Latin form when it has one. */
  shown: string;
  /** The part's heading: "Detained person 2: 李英俊 (Li Yingjun)". */
  label: string;
  identity: Row[];
  arrest: Row[];
  detention: Row[];
  consent: Row[];
}

export interface StatementEntry {
  /** 1-based, consecutive among the statements this document carries. */
  n: number;
  witness: string;
  takenOn: string;
  language: string;
  method: string;
  statement: string;
  statementLanguage: string | null;
  translation: string;
  translationLanguage: string | null;
}

export interface EvidenceEntry {
  n: number;
  path: string;
  row: Row;
  copy: DossierEvidence['copy'];
  sha256: string;
}

export interface ChronologyEntry {
  date: string;
  what: string;
  place: string;
  description: string;
  perpetrators: string[];
  persons: string[];
}

export interface Questionnaire {
  detainees: DetaineePart[];
  circumstances: Row;
  chronology: ChronologyEntry[];
  statements: StatementEntry[];
  /** Each argued category with its argument (a row: the argument may be missing). */
  categories: Row[];
  remedies: Row[];
  steps: DocumentCaseIntervention[];
  submitter: Row[];
  evidence: EvidenceEntry[];
  urgentAction: boolean;
}

type DocumentCaseIntervention = CaseDocument['interventions'][number];

export interface QuestionnaireInput {
  original: CaseDocument;
  redacted: RedactedCase;
  organisation: Organisation;
  evidence: readonly DossierEvidence[];
  formatter: Formatter;
  words: WgadWords;
  includePrivate: boolean;
  createdAt: Date;
}

const NON_LATIN_LETTER = /(?![\p{Script=Latin}])\p{L}/u;
/** Whether a name is written in another script than Latin (so the WGAD needs its Latin form too). */
export const needsLatin = (text: string): boolean => NON_LATIN_LETTER.test(text);

const CATEGORY_KEYS = ['I', 'II', 'III', 'IV', 'V'] as const;

/** A fully named person written in another script is also given in Latin letters, as recorded. */
function displayName(entry: RedactedPerson, direction: 'ltr' | 'rtl'): string {
  const p = entry.person;
  const own = isolate(entry.label, direction);
  if (!entry.fullName || !needsLatin(entry.label)) return own;
  const parts = [p.givenNameLatin, p.familyNameLatin].filter(present);
  // The Latin form follows the order of the own-script name: 李英俊 → Li Yingjun, Гульнара Ахмедова → Gulnara Akhmedova.
  if (present(p.familyName) && entry.label.trim().startsWith(p.familyName.trim())) parts.reverse();
  const latin = parts.join(' ');
  return latin ? `${own} (${isolate(latin, direction)})` : own;
}

/** Sentences joined with ". ", without doubling a full stop the first one already has. */
function sentences(parts: readonly string[]): string {
  return distinct(parts)
    .map((part, i, all) => (i < all.length - 1 ? part.replace(/[.。]\s*$/u, '') : part))
    .join('. ');
}

/** A vocabulary label inside a sentence: lower-case first letter, where the script has case. */
function inSentence(label: string): string {
  const first = label.charAt(0);
  return first.toLocaleLowerCase() + label.slice(1);
}
const DOMESTIC_STEPS = new Set(['letter-to-authorities']);

/** A value, or null when absent: the one rule for what counts as given. */
const given = (value: string | null | undefined): string | null => (present(value) ? value : null);

/** Joins parts that say something, each once (a place type equal to its name is not repeated). */
function joinDistinct(parts: readonly (string | null | undefined)[], separator: string): string {
  return distinct(parts.filter(present)).join(separator);
}

export function wgadQuestionnaire(input: QuestionnaireInput): Questionnaire {
  const { redacted, formatter: f, words: w } = input;
  const doc = redacted.document;
  const submission: WgadSubmission | null = redacted.submission;
  const covered = (id: string) => redacted.consent.find((c) => c.personId === id)?.covers !== false;
  const ids = detainedPersonIds(doc).filter(covered);
  const today = input.createdAt.toISOString().slice(0, 10);
  const direction = f.language === 'ar' ? 'rtl' : 'ltr';

  const detainees = ids.map((personId, i) => {
    const entry = redacted.persons.find((p) => p.person.id === personId)!;
    const original = input.original.persons.find((p) => p.id === personId)!;
    const facts = detaineeFacts(doc, personId);
    const shown = displayName(entry, direction);
    const part: DetaineePart = {
      personId,
      name: original.name,
      shown,
      label: fill(w.detainee, { n: i + 1, name: shown }),
      identity: identityRows(entry, facts, input),
      arrest: arrestRows(facts, input),
      detention: detentionRows(facts, input, today),
      consent: consentRows(original, entry, input),
    };
    return part;
  });

  const sub = (field: string): Target => ({ kind: 'submission', id: null, field });
  const row = (
    section: WgadSection,
    field: string,
    label: string,
    value: RichText | null,
    target: Target,
    required = true,
  ): Row => ({ section, field, label, value, required, target });

  const circumstances = row(
    'IV',
    'circumstances',
    w.circumstances,
    given(submission?.circumstances),
    sub('circumstances'),
  );
  const argued = CATEGORY_KEYS.filter((key) => submission?.categories[key].argued);
  const categories =
    argued.length === 0
      ? [row('IV', 'categories', w.categoryArgued, null, sub('categories'))]
      : argued.map((key) =>
          row(
            'IV',
            `category.${key}`,
            w.categories[key],
            given(submission?.categories[key].argument),
            sub(`categories.${key}`),
          ),
        );

  // Part V asks what was done, or why nothing was: one of the two is enough.
  const remedies: Row[] = [];
  const remediesText = given(submission?.domesticRemedies);
  const notExhausted = given(submission?.remediesNotExhaustedBecause);
  if (remediesText || !notExhausted)
    remedies.push(row('V', 'domesticRemedies', w.remedies, remediesText, sub('domesticRemedies')));
  if (notExhausted)
    remedies.push(
      row(
        'V',
        'remediesNotExhaustedBecause',
        w.remediesNotExhausted,
        notExhausted,
        sub('remediesNotExhaustedBecause'),
      ),
    );
  remedies.push(
    row(
      'V',
      'otherProcedures',
      w.otherProcedures,
      given(submission?.otherProcedures),
      sub('otherProcedures'),
    ),
  );

  const org = input.organisation;
  const orgTarget = (field: string): Target => ({ kind: 'organisation', id: null, field });
  const submitter: Row[] = [
    row('VI', 'organisation.name', w.orgName, given(org.name), orgTarget('name')),
    row('VI', 'organisation.address', w.orgAddress, given(org.address), orgTarget('address')),
  ];
  if (present(org.email) || present(org.phone)) {
    if (present(org.email))
      submitter.push(row('VI', 'organisation.email', w.orgEmail, org.email, orgTarget('email')));
    if (present(org.phone))
      submitter.push(
        row('VI', 'organisation.phone', w.orgPhone, f.ltr(org.phone), orgTarget('phone')),
      );
  } else {
    submitter.push(row('VI', 'organisation.contact', w.orgContact, null, orgTarget('email')));
  }
  if (present(submission?.submitter.name))
    submitter.push(
      row('VI', 'signatory', w.signatory, submission.submitter.name, sub('submitter.name'), false),
    );
  submitter.push(
    row(
      'VI',
      'sourceConfidential',
      w.sourceConfidential,
      submission?.submitter.confidential === false ? f.words.no : f.words.yes,
      sub('submitter.confidential'),
      false,
    ),
    row('VI', 'date', w.submissionDate, f.day(input.createdAt.toISOString()), sub('date'), false),
  );

  return {
    detainees,
    circumstances,
    chronology: chronology(doc, ids, redacted, f),
    statements: statements(redacted, f),
    categories,
    remedies,
    steps: doc.interventions.filter(
      (v) => DOMESTIC_STEPS.has(v.interventionType) || v.mechanism === null,
    ),
    submitter,
    evidence: evidenceEntries(input),
    urgentAction: submission?.urgentAction ?? false,
  };
}

function identityRows(
  entry: RedactedPerson,
  facts: DetaineeFacts,
  input: QuestionnaireInput,
): Row[] {
  const { formatter: f, words: w } = input;
  const p = entry.person;
  const personTarget = (field: string): Target => ({ kind: 'person', id: p.id, field });
  const rows: Row[] = [];
  const add = (field: string, label: string, value: RichText | null, required = true) =>
    rows.push({ section: 'I', field, label, value, required, target: personTarget(field) });

  if (entry.fullName) {
    // Names come from the structured fields only: a full name alone is not split by guesswork.
    add('familyName', w.familyName, given(p.familyName));
    if (needsLatin(p.familyName))
      add('familyNameLatin', w.familyNameLatin, given(p.familyNameLatin));
    add('givenName', w.firstName, given(p.givenName));
    if (needsLatin(p.givenName)) add('givenNameLatin', w.firstNameLatin, given(p.givenNameLatin));
  } else {
    // Consent allows initials or a pseudonym only: that is the name the Working Group gets.
    add('name', w.name, entry.label, false);
  }
  add('sex', w.sex, p.sex && p.sex !== 'unknown' ? f.term('sex-gender', p.sex) : null);

  const arrestDay =
    facts.start?.value && facts.start.value.length === 10 ? facts.start.value : null;
  const born = f.date(p.birthDate);
  const ageAtArrest =
    p.birthDate?.qualifier === 'exact' && p.birthDate.value && arrestDay
      ? yearsBetween(p.birthDate.value, arrestDay)
      : null;
  const birth = born
    ? ageAtArrest !== null
      ? fill(w.birthWithAge, { date: born, age: ageAtArrest })
      : born
    : p.age !== null
      ? fill(w.ageOnly, { age: p.age })
      : null;
  add('birthDate', w.birth, birth);
  add('nationalities', w.nationality, given(f.countries(p.nationalities)));

  const documents = p.identityDocuments.map((d) =>
    joinDistinct(
      [
        f.term('identity-document-type', d.type),
        d.issuedBy
          ? fill(w.idIssuedBy, {
              who: joinDistinct([f.iso(d.issuedBy), f.country(d.country)], f.comma),
            })
          : f.country(d.country),
        d.issuedOn ? fill(w.idIssuedOn, { date: f.date(d.issuedOn) }) : '',
        // The number is a private field: it is only there when the user included private fields.
        d.number ? fill(w.idNumber, { number: f.ltr(f.iso(d.number)) }) : '',
      ],
      f.comma,
    ),
  );
  if (entry.fullName) add('identityDocuments', w.idDocument, given(documents.join('\n')));
  add(
    'occupation',
    w.profession,
    given(
      joinDistinct(
        [
          f.iso(p.occupation),
          // A human-rights role the occupation already says ("Journalist at Ili Online") is not repeated.
          p.hrdWork
            .map((t) => f.term('hrd-work', t))
            .filter((l) => !p.occupation.toLocaleLowerCase().includes(l.toLocaleLowerCase()))
            .join(f.comma),
          f.iso(p.affiliation),
        ],
        f.semicolon,
      ),
    ),
  );
  // The address is private: asked for (and missing if absent) only when private fields go out.
  if (input.includePrivate) add('residence', w.residence, given(p.residence));
  return rows;
}

function eventTarget(event: DocumentEvent | null, field: string): Target {
  return { kind: 'event', id: event?.id ?? null, field };
}

function arrestRows(facts: DetaineeFacts, input: QuestionnaireInput): Row[] {
  const { formatter: f, words: w } = input;
  const event = facts.arrest;
  const d = event?.detention ?? null;
  const rows: Row[] = [];
  const add = (
    field: string,
    label: string,
    value: RichText | null,
    target: string,
    required = true,
  ) =>
    rows.push({
      section: 'II',
      field: `arrest.${field}`,
      label,
      value,
      required,
      target: eventTarget(event, target),
    });
  add('date', w.arrestDate, given(event ? f.date(event.start) : ''), 'start');
  add('place', w.arrestPlace, given(f.place(event?.location)), 'location');
  add('forces', w.arrestForces, given(d?.forces), 'detention.forces');
  const warrant = d?.warrantShown ?? 'unknown';
  add(
    'warrantShown',
    w.warrantShown,
    warrant === 'unknown' ? null : f.answer(warrant),
    'detention.warrantShown',
  );
  // Who issued a warrant matters only when one was shown (or when the records name it anyway).
  if (warrant === 'yes' || present(d?.authority))
    add('warrantAuthority', w.warrantAuthority, given(d?.authority), 'detention.authority');
  add('reasons', w.arrestReasons, given(d?.reasonsImputed), 'detention.reasonsImputed');
  add('legalBasis', w.arrestLegalBasis, given(d?.legalBasis), 'detention.legalBasis');
  return rows;
}

function placeLine(place: PlaceFact, f: Formatter, w: WgadWords): string {
  const from = f.date(place.from);
  const to = f.date(place.to);
  const when = place.present
    ? from
      ? fill(w.placeFromTo, { from, to: w.presentPlace })
      : w.presentPlace
    : from && to
      ? fill(w.placeFromTo, { from, to })
      : from
        ? fill(w.placeFrom, { date: from })
        : to
          ? fill(w.placeUntil, { date: to })
          : '';
  const kind = f.term('detention-place-type', place.placeType);
  const named = place.name.toLocaleLowerCase().includes(kind.toLocaleLowerCase());
  const what = joinDistinct(
    [
      kind && !named ? `${f.iso(place.name)} (${inSentence(kind)})` : f.iso(place.name),
      f.country(place.country),
    ],
    f.comma,
  );
  return when ? `${what}${f.colon}${when}` : what;
}

function detentionRows(facts: DetaineeFacts, input: QuestionnaireInput, today: string): Row[] {
  const { formatter: f, words: w } = input;
  const main =
    facts.deprivations.find((e) => !['arbitrary-arrest', 'abduction'].includes(e.eventType)) ??
    facts.arrest;
  const rows: Row[] = [];
  const add = (
    field: string,
    label: string,
    value: RichText | null,
    target: string,
    required = true,
  ) =>
    rows.push({
      section: 'III',
      field: `detention.${field}`,
      label,
      value,
      required,
      target: eventTarget(main, target),
    });
  const start = f.date(facts.start);
  add('date', w.detentionDate, given(start), 'start');

  let duration: string | null = null;
  if (start) {
    const span = spanBetween(facts.start, facts.stillHeld ? null : facts.end, today);
    const length = span ? f.duration(span, w.approximately) : '';
    if (facts.stillHeld)
      duration = length
        ? fill(w.durationHeld, { duration: length, date: start })
        : fill(w.durationHeldNoLength, { date: start });
    else {
      const end = f.date(facts.end);
      if (end)
        duration = length
          ? fill(w.durationEnded, { duration: length, from: start, to: end })
          : fill(w.durationEndedNoLength, { from: start, to: end });
    }
  }
  add('duration', w.detentionDuration, duration, facts.stillHeld ? 'ongoing' : 'end');
  add(
    'forces',
    w.detentionForces,
    given(facts.holdingForces.map((t) => f.iso(t)).join(f.semicolon)),
    'detention.forces',
  );
  const places = facts.places.map((p, i) => `${i + 1}. ${placeLine(p, f, w)}`);
  add('places', w.detentionPlaces, given(places.join('\n')), 'detention.places');
  // A person still held is somewhere: when no recorded place is open, the present place is asked for.
  if (facts.stillHeld && facts.places.length > 0 && !facts.places.some((p) => p.present))
    add('presentPlace', w.presentPlaceLabel, null, 'detention.places');
  add(
    'authority',
    w.detentionAuthority,
    given(facts.orderingAuthorities.map((t) => f.iso(t)).join(f.semicolon)),
    'detention.authority',
  );
  add(
    'reasons',
    w.detentionReasons,
    given(facts.reasons.map((t) => f.iso(t)).join(f.semicolon)),
    'detention.reasonsImputed',
  );
  add(
    'legalBasis',
    w.detentionLegalBasis,
    given(facts.legalBasis.map((t) => f.iso(t)).join(f.semicolon)),
    'detention.legalBasis',
  );
  const answer = (field: string, label: string, value: 'yes' | 'no' | 'unknown') => {
    if (value !== 'unknown') add(field, label, f.answer(value), `detention.${field}`, false);
  };
  answer('legalCounsel', w.legalCounsel, facts.legalCounsel);
  answer('familyInformed', w.familyInformed, facts.familyInformed);
  answer('broughtBeforeJudge', w.broughtBeforeJudge, facts.broughtBeforeJudge);
  return rows;
}

function consentRows(
  original: DocumentPerson,
  entry: RedactedPerson,
  input: QuestionnaireInput,
): Row[] {
  const { formatter: f, words: w } = input;
  // The consent record is read from the vault's own copy: the release form may drop consent terms.
  const consent: ConsentRecord | null = original.consent;
  const rows: Row[] = [];
  const add = (field: string, label: string, value: RichText | null, required = true) =>
    rows.push({
      section: 'VI',
      field: `consent.${field}`,
      label,
      value,
      required,
      target: { kind: 'person', id: original.id, field: `consent.${field}` },
    });
  add('givenBy', w.consentGivenBy, consent?.givenBy ? w.givenBy[consent.givenBy] : null);
  add('givenOn', w.consentDate, consent?.givenOn ? f.day(`${consent.givenOn}T00:00:00Z`) : null);
  if (consent?.form) add('form', w.consentForm, w.forms[consent.form], false);
  add(
    'knowsGovernmentContacted',
    w.knowsGovernment,
    consent?.knowsGovernmentContacted === null || consent === null
      ? null
      : f.answer(consent.knowsGovernmentContacted ? 'yes' : 'no'),
  );
  const naming = consent?.naming;
  if (naming && naming !== 'none')
    add(
      'naming',
      w.publicName,
      joinDistinct(
        [
          w.namings[naming],
          entry.fullName ? '' : isolate(entry.label, f.language === 'ar' ? 'rtl' : 'ltr'),
        ],
        f.colon,
      ),
      false,
    );
  return rows;
}

function chronology(
  doc: CaseDocument,
  detainees: readonly string[],
  redacted: RedactedCase,
  f: Formatter,
): ChronologyEntry[] {
  const label = (id: string) => redacted.labelOf(id);
  const direction = f.language === 'ar' ? 'rtl' : 'ltr';
  return doc.events
    .filter((e) => e.victims.some((v) => detainees.includes(v)))
    .map((e) => ({
      date: f.span(e.start, e.end, e.ongoing) || f.words.dateUnknown,
      what: joinDistinct([f.term('event-type', e.eventType), f.iso(e.title)], f.colon),
      place: f.place(e.location),
      description: e.description,
      persons: e.victims
        .filter((v) => detainees.includes(v))
        .map(label)
        .filter(present)
        .map((name) => isolate(name, direction)),
      perpetrators: e.perpetrators
        .map((p) => label(p.personId))
        .filter(present)
        .map((name) => isolate(name, direction)),
    }));
}

function statements(redacted: RedactedCase, f: Formatter): StatementEntry[] {
  return redacted.testimonies.map((t, i) => ({
    n: i + 1,
    witness: isolate(t.witnessLabel, f.language === 'ar' ? 'rtl' : 'ltr'),
    takenOn: f.date(t.testimony.takenOn),
    language: f.languageName(t.testimony.language),
    method: f.term('testimony-method', t.testimony.method),
    statement: t.testimony.statement,
    statementLanguage: t.testimony.language,
    translation: t.testimony.translation,
    translationLanguage: t.testimony.translationLanguage,
  }));
}

function evidenceEntries(input: QuestionnaireInput): EvidenceEntry[] {
  const { formatter: f, words: w, redacted } = input;
  return input.evidence.map((e, i) => {
    // Free text about a file goes out only when it names nobody who may not be named.
    const safe = (text: string) =>
      present(text) && redacted.releaser.mentions(text).length === 0 ? text : '';
    const description = sentences(
      [
        safe(e.title),
        safe(e.description),
        e.capturedAt ? fill(w.capturedOn, { date: f.day(e.capturedAt) }) : '',
      ].filter(present),
    );
    return {
      n: i + 1,
      path: e.path,
      copy: e.copy,
      sha256: e.sha256,
      row: {
        section: 'annex',
        field: 'evidence.description',
        label: `${w.evidenceDescription}: ${e.path}`,
        value: present(safe(e.title)) || present(safe(e.description)) ? description : null,
        required: true,
        target: { kind: 'evidence', id: e.id, field: 'description' },
      },
    };
  });
}

/** Every row of the questionnaire, in document order. */
export function allRows(q: Questionnaire): Row[] {
  return [
    ...q.detainees.flatMap((d) => [...d.identity, ...d.arrest, ...d.detention]),
    q.circumstances,
    ...q.categories,
    ...q.remedies,
    ...q.submitter,
    ...q.detainees.flatMap((d) => d.consent),
    ...q.evidence.map((e) => e.row),
  ];
}

/**
 * The checklist: every required row, ok or missing, with the person it is
 * about. The document marks missing exactly the rows that are not ok.
 */
export function questionnaireChecklist(q: Questionnaire): ChecklistItem[] {
  const personOf = new Map<Row, string>();
  for (const d of q.detainees)
    for (const r of [...d.identity, ...d.arrest, ...d.detention, ...d.consent])
      personOf.set(r, d.name);
  const personIdOf = new Map<Row, string>();
  for (const d of q.detainees)
    for (const r of [...d.identity, ...d.arrest, ...d.detention, ...d.consent])
      personIdOf.set(r, d.personId);
  return allRows(q)
    .filter((r) => r.required)
    .map((r) => ({
      id: [r.section, r.field, personIdOf.get(r) ?? r.target.id].filter(Boolean).join(':'),
      part: r.section,
      field: r.field,
      person: personOf.get(r) ?? null,
      label: r.label,
      ok: r.value !== null,
      target: r.target,
    }));
}
