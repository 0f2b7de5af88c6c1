import type {
  Audience,
  ConsentStatus,
  WgadSubmission,
  WithheldItem,
} from '../../../shared/dossier';
import {
  audienceRule,
  consentDecision,
  initialsOf,
  nameForOutput,
  withholdFields,
  type RecordKind,
  type CaseDocument,
  type ConsentRecord,
  type ConsentTarget,
  type DocumentPerson,
  type DocumentTestimony,
} from '../../../shared/domain';
import {
  descriptionRole,
  Releaser,
  SUBMISSION_RECORD_ID,
  type PersonReplacement,
  type ReleaseRecordKind,
  type ReleaseSubject,
  type StoredReleases,
} from '../release';

/**
 * Applies consent and privacy to a case before anything is rendered, so that
 * every output (PDF, DOCX, case data, manifest) is built from data that is
 * already safe to leave the vault:
 *
 * - a person who needs consent (anyone but a perpetrator) is named only as
 *   their consent allows: full name, initials, pseudonym, or not at all; a
 *   person whose consent does not cover the audience is left out entirely;
 * - a testimony whose consent does not cover the audience (withdrawn, internal
 *   only, another mechanism) is left out; its witness is named as the
 *   testimony's consent allows, never more than the person's own;
 * - private fields (contacts, addresses, document numbers, exact
 *   coordinates, interviewers…) are emptied unless the user includes them;
 * - every free text goes out as its release version (../release): the
 *   mentions of people who may not be named, in every form and script, are
 *   replaced as consent allows, ambiguous ones as a person decided.
 */

/** Roles whose holders are named as the facts require, without their consent. */
const NO_CONSENT_ROLES = new Set(['perpetrator']);

export interface RedactionOptions {
  audience: Audience;
  includePrivate: boolean;
  /** Words the templates print for people and names left out, in the dossier's language. */
  words: { person: (index: number) => string; nameWithheld: string; anonymousWitness: string };
  /** Release versions approved in the vault for this audience. */
  approvedReleases?: StoredReleases;
}

export interface RedactedPerson {
  person: DocumentPerson;
  /** The person's number in this dossier (1-based), used instead of a name when none may be shown. */
  index: number;
  /** The name to print (full name, initials or pseudonym), or null when no name may be shown. */
  shownAs: string | null;
  /** How the dossier refers to the person: `shownAs`, or "Person 3". */
  label: string;
  /** Whether the person's full name may be printed. */
  fullName: boolean;
}

export interface RedactedTestimony {
  testimony: DocumentTestimony;
  index: number;
  /** How the witness is named in this dossier. */
  witnessLabel: string;
}

export interface RedactedCase {
  document: CaseDocument;
  persons: RedactedPerson[];
  testimonies: RedactedTestimony[];
  submission: WgadSubmission | null;
  withheld: WithheldItem[];
  consent: ConsentStatus[];
  /** The release versions of every free text, and the mention search for the final scan. */
  releaser: Releaser;
  labelOf(personId: string | null): string | null;
}

export function consentTarget(audience: Audience): ConsentTarget {
  return audience;
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
  const target = consentTarget(options.audience);
  const withheld: WithheldItem[] = [];
  const rule = audienceRule(options.audience, options.includePrivate);
  // Private and internal fields this audience does not get, emptied so every record keeps its shape.
  const withholdOf = <T>(kind: RecordKind, record: T, what: string): T => {
    const result = withholdFields(record, rule.withheldFields(kind));
    for (const w of result.withheld)
      withheld.push({ kind: 'field', what: `${what}: ${w.path}`, reason: w.reason });
    return result.record;
  };
  const consent: ConsentStatus[] = [];
  const byId = new Map(document.persons.map((p, i) => [p.id, { person: p, index: i + 1 }]));

  // 1. Which testimonies may go, and what each one's consent says about naming its witness.
  const testimonyDecisions = document.testimonies.map((testimony) => ({
    testimony,
    decision: consentDecision(testimony.consent, target),
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

  // 2. How each person may appear: their own consent, never more than any of their testimonies allows.
  const excludedPersons = new Set<string>();
  const persons: RedactedPerson[] = document.persons.map((person, i) => {
    const index = i + 1;
    const code = options.words.person(index);
    let shownAs: string | null = person.name;
    if (needsConsent(person)) {
      const decision = consentDecision(person.consent, target);
      const status: ConsentStatus['consent'] = !person.consent
        ? 'missing'
        : person.consent.withdrawn
          ? 'withdrawn'
          : 'recorded';
      shownAs = decision.allowed
        ? nameForOutput(person.name, person.consent, person.pseudonym)
        : null;
      for (const c of witnessConsents.get(person.id) ?? [])
        shownAs = minNaming(shownAs, nameForOutput(person.name, c, person.pseudonym), person.name);
      consent.push({
        personId: person.id,
        shownAs,
        roles: person.roles,
        consent: status,
        covers: decision.allowed,
        reasons: decision.reasons,
      });
      if (!decision.allowed) {
        excludedPersons.add(person.id);
        withheld.push({
          kind: 'person',
          what: `${code}: identity and personal details`,
          reason: decision.reasons.join('; '),
        });
      } else if (shownAs !== person.name) {
        withheld.push({
          kind: 'name',
          what: `${code}: full name`,
          reason: shownAs
            ? 'consent allows only initials or a pseudonym'
            : 'consent allows no name',
        });
      }
    } else {
      for (const c of witnessConsents.get(person.id) ?? [])
        shownAs = minNaming(shownAs, nameForOutput(person.name, c, person.pseudonym), person.name);
      consent.push({
        personId: person.id,
        shownAs,
        roles: person.roles,
        consent: 'not-needed',
        covers: true,
        reasons: [],
      });
    }
    return { person, index, shownAs, label: shownAs ?? code, fullName: shownAs === person.name };
  });

  // 3. Witness attributions: the testimony's consent, capped by the person's own when one is recorded.
  const witnessLabels = new Map<string, string>();
  for (const { testimony, decision } of testimonyDecisions) {
    if (!decision.allowed) continue;
    const witness = testimony.witnessId ? byId.get(testimony.witnessId) : undefined;
    if (!witness) {
      witnessLabels.set(testimony.id, options.words.anonymousWitness);
      continue;
    }
    const own = witness.person.consent;
    let shown = nameForOutput(witness.person.name, testimony.consent, witness.person.pseudonym);
    if (needsConsent(witness.person) && own) {
      shown = consentDecision(own, target).allowed
        ? minNaming(
            shown,
            nameForOutput(witness.person.name, own, witness.person.pseudonym),
            witness.person.name,
          )
        : null;
    }
    witnessLabels.set(testimony.id, shown ?? options.words.anonymousWitness);
  }

  // 4. Release versions: every name of a person not named in full is found in every free text and
  //    replaced as consent allows; names printed in full are left alone.
  const withheldSubjects: ReleaseSubject[] = [];
  const namedSubjects = [];
  for (const entry of persons) {
    const { person } = entry;
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
    if (entry.shownAs === person.name) {
      namedSubjects.push(subject);
      continue;
    }
    if (person.pseudonym && entry.shownAs !== person.pseudonym)
      subject.names.push(person.pseudonym);
    withheldSubjects.push({ subject, replacement: replacementOf(person, entry.shownAs) });
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
  const labelOf = (personId: string | null) =>
    personId ? (persons.find((p) => p.person.id === personId)?.label ?? null) : null;

  // 5. The records themselves: left-out persons reduced to their roles, names and private fields removed, text scrubbed.
  const keptPersons: DocumentPerson[] = persons.map((entry) => {
    const { person, index } = entry;
    if (excludedPersons.has(person.id))
      return { ...blankPerson(person), name: options.words.person(index) };
    let record: DocumentPerson = release('person', person.id, person, {
      skip: (path) => PERSON_NAME_FIELDS.test(path),
    });
    if (entry.shownAs !== person.name) {
      record = {
        ...record,
        name: entry.label,
        familyName: '',
        givenName: '',
        familyNameLatin: '',
        givenNameLatin: '',
        aliases: [],
        pseudonym: entry.shownAs === person.pseudonym ? person.pseudonym : '',
        identityDocuments: [],
      };
    }
    record = withholdOf('person', record, entry.label);
    return record;
  });

  const testimonies: RedactedTestimony[] = [];
  testimonyDecisions.forEach(({ testimony, decision }, i) => {
    const index = i + 1;
    if (!decision.allowed) {
      withheld.push({
        kind: 'testimony',
        what: `testimony ${index}`,
        reason: decision.reasons.join('; '),
      });
      return;
    }
    let record: DocumentTestimony = withholdOf(
      'testimony',
      release('testimony', testimony.id, testimony, {
        languageOf: (path) =>
          path === 'translation' ? testimony.translationLanguage : testimony.language,
      }),
      `testimony ${index}`,
    );
    const witnessKept = record.witnessId !== null && !excludedPersons.has(record.witnessId);
    record = {
      ...record,
      witnessId: witnessKept ? record.witnessId : null,
      witnessDescription: '',
    };
    testimonies.push({
      testimony: record,
      index,
      witnessLabel: witnessLabels.get(testimony.id) ?? options.words.anonymousWitness,
    });
  });

  const keptIds = new Set(testimonies.map((t) => t.testimony.id));
  const events = document.events.map((event, i) => {
    const record = withholdOf('event', release('event', event.id, event), `event ${i + 1}`);
    // A source pointing to a testimony that was left out keeps no pointer to it.
    return {
      ...record,
      sources: record.sources.map((s) =>
        s.testimonyId && !keptIds.has(s.testimonyId)
          ? { ...s, testimonyId: null, description: s.description || options.words.nameWithheld }
          : s,
      ),
    };
  });
  const interventions = document.interventions.map((v, i) =>
    withholdOf('intervention', release('intervention', v.id, v), `intervention ${i + 1}`),
  );

  // The submission's submitter holds only who signs and whether the source is confidential: the
  // organisation's own details (name, address, contact) are its public profile, not private fields.
  const scrubbedSubmission = submission
    ? release('submission', SUBMISSION_RECORD_ID, submission)
    : null;

  const redacted: CaseDocument = {
    ...document,
    case: withholdOf('case', release('case', document.case.id, document.case), 'case'),
    persons: keptPersons,
    events,
    testimonies: testimonies.map((t) => t.testimony),
    interventions,
  };
  return {
    document: redacted,
    persons: persons.map((p) => ({ ...p, person: keptPersons[p.index - 1]! })),
    testimonies,
    submission: scrubbedSubmission,
    withheld,
    consent,
    releaser,
    labelOf,
  };
}

/** A person reduced to what may be said of someone left out: their roles, nothing that identifies them. */
function blankPerson(person: DocumentPerson): DocumentPerson {
  return {
    ...person,
    name: '',
    familyName: '',
    givenName: '',
    familyNameLatin: '',
    givenNameLatin: '',
    aliases: [],
    pseudonym: '',
    sex: null,
    birthDate: null,
    age: null,
    nationalities: [],
    identityDocuments: [],
    occupation: '',
    hrdWork: [],
    affiliation: '',
    residence: '',
    contact: { phone: '', email: '', messaging: '', address: '', other: '' },
    deathDate: null,
    notes: '',
    consent: null,
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
