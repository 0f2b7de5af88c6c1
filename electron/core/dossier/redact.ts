import type {
  Audience,
  ConsentStatus,
  WgadSubmission,
  WithheldItem,
} from '../../../shared/dossier';
import {
  audienceRule,
  consentDecision,
  nameForOutput,
  withholdFields,
  type RecordKind,
  type CaseDocument,
  type ConsentRecord,
  type ConsentTarget,
  type DocumentPerson,
  type DocumentTestimony,
} from '../../../shared/domain';

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
 * - every spelling of a name that may not appear is replaced in all free
 *   text, and listed so the exporter can check the finished files for it.
 */

/** Roles whose holders are named as the facts require, without their consent. */
const NO_CONSENT_ROLES = new Set(['perpetrator']);

export interface RedactionOptions {
  audience: Audience;
  includePrivate: boolean;
  /** Words the templates print for people and names left out, in the dossier's language. */
  words: { person: (index: number) => string; nameWithheld: string; anonymousWitness: string };
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
  /** Every spelling of every name that must not appear anywhere in the dossier. */
  forbidden: string[];
  labelOf(personId: string | null): string | null;
}

export function consentTarget(audience: Audience): ConsentTarget {
  return audience;
}

function needsConsent(person: DocumentPerson): boolean {
  if (person.personType !== 'individual') return false;
  return person.roles.length === 0 || person.roles.some((role) => !NO_CONSENT_ROLES.has(role));
}

/** Names of one person as they may be written: full name, parts, aliases (at least 3 letters each). */
function nameVariants(person: DocumentPerson): string[] {
  const variants = new Set<string>();
  const add = (value: string) => {
    const trimmed = value.trim();
    if ([...trimmed.replace(/[^\p{L}\p{N}]/gu, '')].length >= 3) variants.add(trimmed);
  };
  add(person.name);
  person.aliases.forEach(add);
  add(person.familyName);
  add(person.givenName);
  if (person.givenName && person.familyName) {
    add(`${person.givenName} ${person.familyName}`);
    add(`${person.familyName} ${person.givenName}`);
    add(`${person.familyName}, ${person.givenName}`);
  }
  for (const word of person.name.split(/\s+/u)) add(word);
  // Longest first, so "Amal Hassan" is replaced before "Hassan" alone.
  return [...variants].sort((a, b) => b.length - a.length);
}

const stripMarks = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '');

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher for names that ignores case and accents ("José" matches "jose",
 * "JOSÉ" and "Jose\u0301") and only matches whole words.
 */
export function nameMatcher(variants: readonly string[]): RegExp | null {
  if (variants.length === 0) return null;
  // Longest first: "Amal Hassan" must be replaced whole, before "Hassan" alone.
  const alternatives = [...variants]
    .sort((a, b) => b.length - a.length)
    .map((variant) =>
      [...stripMarks(variant)]
        .map((char) => (/\s/u.test(char) ? '\\s+' : `${escapeRegExp(char)}\\p{M}*`))
        .join(''),
    );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Replaces names in `text` (matched on its decomposed form, returned composed). */
export function scrubNames(
  text: string,
  replacements: readonly { matcher: RegExp; replacement: string }[],
): string {
  if (!text || replacements.length === 0) return text;
  let result = text.normalize('NFD');
  for (const { matcher, replacement } of replacements)
    result = result.replace(matcher, replacement);
  return result.normalize('NFC');
}

/** Applies `scrub` to every string inside a value, keeping its shape. */
function scrubDeep<T>(
  value: T,
  scrub: (text: string) => string,
  skip: ReadonlySet<string> = new Set(),
): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value))
    return (value as unknown[]).map((item) => scrubDeep(item, scrub, skip)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        skip.has(key) ? item : scrubDeep(item, scrub, skip),
      ]),
    ) as T;
  }
  return value;
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

  // 4. Names that may not appear: every spelling of a name shown nowhere in full, except words that are
  //    also part of a name the dossier does print (a perpetrator may share a family name with a victim).
  const printed = new Set<string>();
  for (const p of persons)
    if (p.shownAs)
      for (const w of p.shownAs.split(/\s+/u)) printed.add(stripMarks(w).toLowerCase());
  for (const label of witnessLabels.values())
    for (const w of label.split(/\s+/u)) printed.add(stripMarks(w).toLowerCase());
  const forbidden = new Set<string>();
  const replacements: { matcher: RegExp; replacement: string }[] = [];
  for (const entry of persons) {
    if (entry.shownAs === entry.person.name) continue;
    const variants = nameVariants(entry.person).filter(
      (v) => /\s/u.test(v) || !printed.has(stripMarks(v).toLowerCase()),
    );
    variants.forEach((v) => forbidden.add(v));
    const matcher = nameMatcher(variants);
    if (matcher) replacements.push({ matcher, replacement: entry.label });
  }
  const scrub = (text: string) => scrubNames(text, replacements);
  const labelOf = (personId: string | null) =>
    personId ? (persons.find((p) => p.person.id === personId)?.label ?? null) : null;

  // 5. The records themselves: left-out persons reduced to their roles, names and private fields removed, text scrubbed.
  const keptPersons: DocumentPerson[] = persons.map((entry) => {
    const { person, index } = entry;
    if (excludedPersons.has(person.id))
      return { ...blankPerson(person), name: options.words.person(index) };
    let record: DocumentPerson = person;
    if (entry.shownAs !== person.name) {
      record = {
        ...record,
        name: entry.label,
        familyName: '',
        givenName: '',
        aliases: [],
        pseudonym: entry.shownAs === person.pseudonym ? person.pseudonym : '',
        identityDocuments: [],
      };
    }
    record = withholdOf('person', record, entry.label);
    return scrubDeep(record, scrub, STRUCTURAL_KEYS);
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
    let record: DocumentTestimony = withholdOf('testimony', testimony, `testimony ${index}`);
    const witnessKept = record.witnessId !== null && !excludedPersons.has(record.witnessId);
    record = {
      ...record,
      witnessId: witnessKept ? record.witnessId : null,
      witnessDescription: '',
    };
    testimonies.push({
      testimony: scrubDeep(record, scrub, STRUCTURAL_KEYS),
      index,
      witnessLabel: witnessLabels.get(testimony.id) ?? options.words.anonymousWitness,
    });
  });

  const keptIds = new Set(testimonies.map((t) => t.testimony.id));
  const events = document.events.map((event, i) => {
    const record = scrubDeep(withholdOf('event', event, `event ${i + 1}`), scrub, STRUCTURAL_KEYS);
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
    scrubDeep(withholdOf('intervention', v, `intervention ${i + 1}`), scrub, STRUCTURAL_KEYS),
  );

  let scrubbedSubmission = submission ? scrubDeep(submission, scrub) : null;
  if (scrubbedSubmission && !options.includePrivate && scrubbedSubmission.submitter.contact) {
    withheld.push({ kind: 'field', what: 'submitter: contact', reason: 'private field' });
    scrubbedSubmission = {
      ...scrubbedSubmission,
      submitter: { ...scrubbedSubmission.submitter, contact: '' },
    };
  }

  const redacted: CaseDocument = {
    ...document,
    case: scrubDeep(withholdOf('case', document.case, 'case'), scrub, STRUCTURAL_KEYS),
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
    forbidden: [...forbidden],
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

/**
 * The last line of defence: finds any forbidden name in the text of a
 * finished output. The exporter refuses to write a dossier where one is found.
 */
export function findForbidden(
  texts: readonly string[],
  forbidden: readonly string[],
): string | null {
  const matcher = nameMatcher(forbidden);
  if (!matcher) return null;
  for (const text of texts) {
    matcher.lastIndex = 0;
    const match = matcher.exec(text.normalize('NFD'));
    if (match) return match[0];
  }
  return null;
}
