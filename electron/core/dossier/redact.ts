import type {
  Audience,
  ConsentStatus,
  MechanismArguments,
  UrgentAppeal,
  WgadSubmission,
  WithheldItem,
  WithheldSubject,
} from '../../../shared/dossier';
import type { MechanismFacts } from '../../../shared/mechanismFacts';
import {
  audienceRule,
  initialsOf,
  isPrivateField,
  nameForOutput,
  withholdFields,
  type AudienceRule,
  type CaseDocument,
  type ConsentRecord,
  type DocumentEvent,
  type DocumentIntervention,
  type DocumentPerson,
  type DocumentTestimony,
  type RecordKind,
} from '../../../shared/domain';
import {
  APPEAL_RECORD_ID,
  FACTS_RECORD_ID,
  descriptionRole,
  Releaser,
  SUBMISSION_RECORD_ID,
  type NameSubject,
  type PersonReplacement,
  type ReleaseRecordKind,
  type ReleaseSubject,
  type StoredReleases,
} from '../release';

/**
 * Applies consent, the audience and privacy to a case before anything is
 * rendered, so that every output (PDF, DOCX, case data, manifest) is built
 * from data that is already safe to leave the vault, and that shows no trace
 * of what was left out:
 *
 * - a person who needs consent (anyone but a perpetrator) appears only when
 *   their consent covers the audience, and is named only as it allows (full
 *   name, initials, pseudonym, or "Person 1", numbered among the unnamed who
 *   appear); a person it does not cover is not there at all: not in the list
 *   of persons, not among an event's victims or sources, not as a witness;
 * - a testimony whose consent does not cover the audience is not there; the
 *   testimonies that remain are numbered 1, 2, 3… with no gap;
 * - a source that rests on someone or something left out goes with them;
 * - private fields are emptied unless the user includes them (never for the
 *   public), and internal working data (notes, tags, statuses, reliability,
 *   consent terms, draft interventions) unless the audience is partners
 *   (`audienceRule`, the one rule for all of this);
 * - every free text goes out as its release version (../release): the
 *   mentions of people who may not be named, in every form and script, are
 *   replaced as consent allows (someone left out by a description of their
 *   role, never a numbered placeholder), ambiguous ones as a person decided.
 *
 * What was left out, and why, goes into `withheld`: the sender's report,
 * which is shown before signing and kept in the vault, and never rendered.
 */

/** Roles whose holders are named as the facts require, without their consent. */
const NO_CONSENT_ROLES = new Set(['perpetrator']);

export interface RedactionOptions {
  audience: Audience;
  includePrivate: boolean;
  /** Words the templates print for people who are not named, in the dossier's language. */
  words: { person: (index: number) => string; anonymousWitness: string };
  /** Release versions approved in the vault for this audience. */
  approvedReleases?: StoredReleases;
  /** An urgent appeal's requests and addressees, when the export carries them. */
  appeal?: UrgentAppeal | null;
  /** The case's mechanism facts, when the export carries them. */
  facts?: MechanismFacts | null;
  /** Regional templates' arguments (each reviewed under its template's name), when the export carries them. */
  arguments?: { template: string; data: MechanismArguments }[];
}

export interface RedactedPerson {
  person: DocumentPerson;
  /** The person's place among those who appear (1-based, no gaps). */
  index: number;
  /** The name to print (full name, initials or pseudonym), or null when no name may be shown. */
  shownAs: string | null;
  /** How the dossier refers to the person: `shownAs`, or "Person 2" (numbered among the unnamed). */
  label: string;
  /** Whether the person's full name may be printed. */
  fullName: boolean;
}

export interface RedactedTestimony {
  testimony: DocumentTestimony;
  /** The testimony's place among those that go (1-based, no gaps). */
  index: number;
  /** How the witness is named in this dossier. */
  witnessLabel: string;
}

export interface RedactedCase {
  /** The rule this export follows (what its audience receives). */
  rule: AudienceRule;
  /** The case with only what may go: persons, testimonies and interventions that go, fields emptied. */
  document: CaseDocument;
  /** The persons who appear, in the order recorded. */
  persons: RedactedPerson[];
  /** The testimonies that go, in the order recorded. */
  testimonies: RedactedTestimony[];
  submission: WgadSubmission | null;
  /** The urgent appeal's requests and addressees as released; null when the export does not carry them. */
  appeal: UrgentAppeal | null;
  /**
   * The mechanism facts as released: free texts with the names consent
   * forbids replaced, beneficiaries only among the persons who appear; null
   * when the export does not carry them.
   */
  facts: MechanismFacts | null;
  /** Regional templates' arguments as released, by template; those the export carries. */
  arguments: Record<string, MechanismArguments>;
  /** The withholding report (the sender's; never rendered). */
  withheld: WithheldItem[];
  /** Every person of the case and how they appear, if at all (the sender's). */
  consent: ConsentStatus[];
  /** The release versions of every free text, and the mention search for the final scan. */
  releaser: Releaser;
  /** The label of a person who appears; null for anyone else. */
  labelOf(personId: string | null): string | null;
}

function needsConsent(person: DocumentPerson): boolean {
  if (person.personType !== 'individual') return false;
  return person.roles.length === 0 || person.roles.some((role) => !NO_CONSENT_ROLES.has(role));
}

/** Fields holding ids and vocabulary terms, which are never names and must keep their exact value. */
const STRUCTURAL_KEYS = new Set([
  'id',
  'personId',
  'testimonyId',
  'eventId',
  'witnessId',
  'victims',
  'roles',
  'eventType',
  'personType',
  'status',
  'confidentiality',
  'interventionType',
  'mechanism',
  'mechanisms',
  'method',
  'language',
  'translationLanguage',
  'involvement',
  'reliability',
  'relation',
  'sex',
  'hrdWork',
  'nationalities',
  'countries',
  'country',
  'placeType',
  'type',
  'qualifier',
  'value',
  'scope',
  'naming',
  'createdAt',
  'updatedAt',
  // Mechanism facts: country codes, person ids, mandate terms and days.
  'states',
  'beneficiaries',
  'mandates',
  'decidedOn',
  'notifiedOn',
  'date',
]);

function minNaming(a: string | null, b: string | null, full: string): string | null {
  // Full name > initials or pseudonym > nothing.
  const rank = (v: string | null) => (v === null ? 0 : v === full ? 3 : 2);
  return rank(b) < rank(a) ? b : a;
}

export function redactCase(
  document: CaseDocument,
  submission: WgadSubmission | null,
  options: RedactionOptions,
): RedactedCase {
  const rule = audienceRule(options.audience, options.includePrivate);
  const withheld: WithheldItem[] = [];
  const consent: ConsentStatus[] = [];
  const byId = new Map(document.persons.map((p) => [p.id, p]));
  const report = (item: WithheldItem) => withheld.push(item);
  // Private and internal fields this audience does not get, emptied so every record keeps its shape.
  const withholdOf = <T>(
    kind: RecordKind,
    id: string,
    record: T,
    what: string,
    subject: WithheldSubject,
  ): T => {
    const result = withholdFields(record, rule.withheldFields(kind));
    // One line per reason: "consent.scope, consent.naming: consent terms".
    const byReason = new Map<string, string[]>();
    for (const w of result.withheld)
      byReason.set(w.reason, [...(byReason.get(w.reason) ?? []), w.path]);
    for (const [reason, paths] of byReason)
      report({
        kind: 'field',
        record: { kind, id },
        field: paths.join(', '),
        what: `${what}: ${paths.join(', ')}`,
        reason,
        subject,
        why: [
          {
            code: isPrivateField(kind, paths[0]!.replace(/\[\d+\]/g, '[]'))
              ? 'private-field'
              : 'internal-field',
          },
        ],
      });
    return result.record;
  };
  const subjectOf = (
    name: string | null,
    terms: string[] = [],
    date: string | null = null,
  ): WithheldSubject => ({ name, terms, date, shownAs: null });

  // 1. Which testimonies go, and what each one's consent says about naming its witness.
  const testimonyDecisions = document.testimonies.map((testimony) => ({
    testimony,
    decision: rule.covers(testimony.consent),
  }));
  const witnessConsents = new Map<string, ConsentRecord[]>();
  for (const { testimony, decision } of testimonyDecisions) {
    if (decision.allowed && testimony.witnessId) {
      witnessConsents.set(testimony.witnessId, [
        ...(witnessConsents.get(testimony.witnessId) ?? []),
        testimony.consent,
      ]);
    }
  }

  // 2. Who appears, and how: their own consent, never more than any of their testimonies allows.
  const excluded = new Set<string>();
  const shown = new Map<string, string | null>();
  for (const person of document.persons) {
    let shownAs: string | null = person.name;
    if (needsConsent(person)) {
      const decision = rule.covers(person.consent);
      shownAs = decision.allowed
        ? nameForOutput(person.name, person.consent, person.pseudonym)
        : null;
      for (const c of witnessConsents.get(person.id) ?? [])
        shownAs = minNaming(shownAs, nameForOutput(person.name, c, person.pseudonym), person.name);
      consent.push({
        personId: person.id,
        name: person.name,
        shownAs: decision.allowed ? shownAs : null,
        label: null,
        roles: person.roles,
        consent: !person.consent ? 'missing' : person.consent.withdrawn ? 'withdrawn' : 'recorded',
        covers: decision.allowed,
        reasons: decision.reasons,
        why: decision.why,
      });
      if (!decision.allowed) {
        excluded.add(person.id);
        report({
          kind: 'person',
          record: { kind: 'person', id: person.id },
          field: null,
          what: `${person.name}${person.roles.length ? ` (${person.roles.join(', ')})` : ''}: the person and every mention of them`,
          reason: decision.reasons.join('; '),
          subject: subjectOf(person.name, person.roles),
          why: decision.why,
        });
      } else if (shownAs !== person.name) {
        report({
          kind: 'name',
          record: { kind: 'person', id: person.id },
          field: 'name',
          what: `${person.name}: full name${shownAs ? ` (shown as ${shownAs})` : ' (not named)'}`,
          reason: shownAs
            ? 'consent allows only initials or a pseudonym'
            : 'consent allows no name',
          subject: { ...subjectOf(person.name, person.roles), shownAs },
          why: [{ code: shownAs ? 'name-initials-only' : 'name-not-allowed' }],
        });
      }
    } else {
      for (const c of witnessConsents.get(person.id) ?? [])
        shownAs = minNaming(shownAs, nameForOutput(person.name, c, person.pseudonym), person.name);
      consent.push({
        personId: person.id,
        name: person.name,
        shownAs,
        label: null,
        roles: person.roles,
        consent: 'not-needed',
        covers: true,
        reasons: [],
        why: [],
      });
    }
    shown.set(person.id, shownAs);
  }
  // Labels: the name allowed, or "Person n" numbered among the unnamed who appear (no gaps, no hint of others).
  let unnamed = 0;
  const appearing = document.persons.filter((p) => !excluded.has(p.id));
  const labels = new Map<string, string>();
  for (const person of appearing)
    labels.set(person.id, shown.get(person.id) ?? options.words.person(++unnamed));
  const labelOf = (personId: string | null) => (personId ? (labels.get(personId) ?? null) : null);
  for (const status of consent) status.label = labelOf(status.personId);

  // 3. Witness attributions: the testimony's consent, capped by the person's own when one is recorded.
  const witnessLabels = new Map<string, string>();
  for (const { testimony, decision } of testimonyDecisions) {
    if (!decision.allowed) continue;
    const witness = testimony.witnessId ? byId.get(testimony.witnessId) : undefined;
    if (!witness || excluded.has(witness.id)) {
      witnessLabels.set(testimony.id, options.words.anonymousWitness);
      continue;
    }
    const own = witness.consent;
    let name = nameForOutput(witness.name, testimony.consent, witness.pseudonym);
    if (needsConsent(witness) && own)
      name = minNaming(name, nameForOutput(witness.name, own, witness.pseudonym), witness.name);
    witnessLabels.set(testimony.id, name ?? options.words.anonymousWitness);
  }

  // 4. Release versions: every name of a person not named in full (or left out) is found in every free
  //    text and replaced as consent allows; someone left out becomes a description of their role.
  const withheldSubjects: ReleaseSubject[] = [];
  const namedSubjects: NameSubject[] = [];
  for (const person of document.persons) {
    // The name in Latin letters is a spelling of the name like any alias, in both orders.
    const latin = [person.givenNameLatin, person.familyNameLatin].filter((n) => n.trim() !== '');
    const subject = {
      id: person.id,
      names: [
        person.name,
        ...person.aliases,
        ...(latin.length > 0 ? [latin.join(' '), [...latin].reverse().join(' ')] : []),
      ],
      familyName: person.familyName,
      givenName: person.givenName,
    };
    const shownAs = excluded.has(person.id) ? null : (shown.get(person.id) ?? null);
    if (shownAs === person.name) {
      namedSubjects.push(subject);
      continue;
    }
    if (person.pseudonym && shownAs !== person.pseudonym) subject.names.push(person.pseudonym);
    withheldSubjects.push({ subject, replacement: replacementOf(person, shownAs) });
  }
  const releaser = new Releaser(withheldSubjects, namedSubjects, options.approvedReleases);
  const release = <T>(
    kind: ReleaseRecordKind,
    id: string,
    record: T,
    extra: {
      skip?: (path: string) => boolean;
      languageOf?: (path: string) => string | null | undefined;
    } = {},
  ): T =>
    releaser.release(kind, id, record, {
      structural: STRUCTURAL_KEYS,
      leaves: (path) => kind === 'submission' || !isWithheldPath(rule.withheldFields(kind), path),
      ...extra,
    });

  // 5. The records themselves.
  const persons: RedactedPerson[] = appearing.map((person, i) => {
    const shownAs = shown.get(person.id) ?? null;
    const label = labels.get(person.id)!;
    let record: DocumentPerson = release('person', person.id, person, {
      skip: (path) => PERSON_NAME_FIELDS.test(path),
    });
    if (shownAs !== person.name) {
      record = {
        ...record,
        name: label,
        familyName: '',
        givenName: '',
        familyNameLatin: '',
        givenNameLatin: '',
        aliases: [],
        pseudonym: shownAs === person.pseudonym ? person.pseudonym : '',
        identityDocuments: [],
      };
    }
    record = withholdOf(
      'person',
      person.id,
      record,
      person.name,
      subjectOf(person.name, person.roles),
    );
    return { person: record, index: i + 1, shownAs, label, fullName: shownAs === person.name };
  });

  const testimonies: RedactedTestimony[] = [];
  for (const { testimony, decision } of testimonyDecisions) {
    const by = testimony.witnessId ? byId.get(testimony.witnessId)?.name : null;
    const what = `testimony${by ? ` of ${by}` : ''}${testimony.takenOn.value ? ` (${testimony.takenOn.value})` : ''}`;
    const testimonySubject = subjectOf(by ?? null, [], testimony.takenOn.value);
    if (!decision.allowed) {
      report({
        kind: 'testimony',
        record: { kind: 'testimony', id: testimony.id },
        field: null,
        what,
        reason: decision.reasons.join('; '),
        subject: testimonySubject,
        why: decision.why,
      });
      continue;
    }
    let record = withholdOf(
      'testimony',
      testimony.id,
      release('testimony', testimony.id, testimony, {
        languageOf: (path) =>
          path === 'translation' ? testimony.translationLanguage : testimony.language,
      }),
      what,
      testimonySubject,
    );
    const witnessKept = record.witnessId !== null && !excluded.has(record.witnessId);
    record = {
      ...record,
      witnessId: witnessKept ? record.witnessId : null,
      witnessDescription: '',
    };
    testimonies.push({
      testimony: record,
      index: testimonies.length + 1,
      witnessLabel: witnessLabels.get(testimony.id) ?? options.words.anonymousWitness,
    });
  }

  const keptTestimonies = new Set(testimonies.map((t) => t.testimony.id));
  const appears = (id: string | null) => id === null || !excluded.has(id);
  const events = document.events.map((event) => {
    const what = `event ${event.title ? `"${event.title}"` : event.eventType}`;
    const eventSubject = subjectOf(event.title || null, [event.eventType], event.start.value);
    // A source that rests on someone or a statement left out goes with them, so nothing points at it.
    const sources = event.sources.filter((source, i) => {
      const keep =
        appears(source.personId) &&
        (source.testimonyId === null || keptTestimonies.has(source.testimonyId));
      if (!keep)
        report({
          kind: 'field',
          record: { kind: 'event', id: event.id },
          field: `sources[${i}]`,
          what: `${what}: a source`,
          reason: 'it rests on a person or a testimony that is withheld',
          subject: eventSubject,
          why: [{ code: 'rests-on-withheld' }],
        });
      return keep;
    });
    const record: DocumentEvent = {
      ...event,
      victims: event.victims.filter((id) => appears(id)),
      perpetrators: event.perpetrators.filter((p) => appears(p.personId)),
      sources,
    };
    return withholdOf('event', event.id, release('event', event.id, record), what, eventSubject);
  });

  const interventions: DocumentIntervention[] = [];
  for (const intervention of document.interventions) {
    const what = `intervention ${intervention.interventionType}${intervention.recipient ? ` to ${intervention.recipient}` : ''}`;
    const interventionSubject = subjectOf(intervention.recipient || null, [
      intervention.interventionType,
    ]);
    if (!rule.internal && intervention.status === 'draft') {
      report({
        kind: 'record',
        record: { kind: 'intervention', id: intervention.id },
        field: null,
        what,
        reason: 'a draft is internal working data',
        subject: interventionSubject,
        why: [{ code: 'draft' }],
      });
      continue;
    }
    interventions.push(
      withholdOf(
        'intervention',
        intervention.id,
        release('intervention', intervention.id, intervention),
        what,
        interventionSubject,
      ),
    );
  }

  // The submission's submitter holds only who signs and whether the source is confidential: the
  // organisation's own details (name, address, contact) are its public profile, not private fields.
  const scrubbedSubmission = submission
    ? release('submission', SUBMISSION_RECORD_ID, submission)
    : null;
  const appeal = options.appeal ? release('submission', APPEAL_RECORD_ID, options.appeal) : null;
  // A beneficiary who does not appear leaves no trace: not their id, not a gap.
  const facts = options.facts
    ? {
        ...release('submission', FACTS_RECORD_ID, options.facts),
        beneficiaries: options.facts.beneficiaries.filter((id) => labelOf(id) !== null),
      }
    : null;
  const mechanismArguments = Object.fromEntries(
    (options.arguments ?? []).map((a) => [a.template, release('submission', a.template, a.data)]),
  );

  const redacted: CaseDocument = {
    ...document,
    case: withholdOf(
      'case',
      document.case.id,
      release('case', document.case.id, document.case),
      'case',
      subjectOf(null),
    ),
    persons: persons.map((p) => p.person),
    events,
    testimonies: testimonies.map((t) => t.testimony),
    interventions,
  };
  return {
    rule,
    document: redacted,
    persons,
    testimonies,
    submission: scrubbedSubmission,
    appeal,
    facts,
    arguments: mechanismArguments,
    withheld,
    consent,
    releaser,
    labelOf,
  };
}

/** A person's own name fields: governed by consent (the label), not by text release. */
const PERSON_NAME_FIELDS =
  /^(name|familyName|givenName|familyNameLatin|givenNameLatin|pseudonym|aliases\[\d+\])$/u;

/** What replaces a person's name in free text: what consent allows, or a description of their role. */
function replacementOf(person: DocumentPerson, shownAs: string | null): PersonReplacement {
  const role = descriptionRole(person.roles);
  const sex = person.sex === 'female' ? 'female' : person.sex === 'male' ? 'male' : null;
  if (!shownAs) return { kind: 'description', role, sex };
  if (shownAs === initialsOf(person.name))
    return { kind: 'initials', initials: shownAs, role, sex };
  return { kind: 'pseudonym', pseudonym: shownAs, role, sex };
}

/** Whether a field path ("identityDocuments[0].number") is one of the withheld fields ("identityDocuments[].number"). */
function isWithheldPath(fields: readonly { path: string }[], path: string): boolean {
  const general = path.replace(/\[\d+\]/gu, '[]');
  return fields.some(
    (f) =>
      general === f.path || general.startsWith(`${f.path}.`) || general.startsWith(`${f.path}[`),
  );
}
