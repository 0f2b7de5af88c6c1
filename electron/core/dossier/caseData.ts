import {
  checkCaseDocument,
  termRefs,
  withholdFields,
  type CaseDocument,
  type RecordKind,
} from '../../../shared/domain';
import type {
  Audience,
  MechanismArguments,
  RegionalTemplate,
  UrgentAppeal,
  WgadSubmission,
} from '../../../shared/dossier';
import type { Organisation } from '../../../shared/domain/organisation';
import type { MechanismFacts } from '../../../shared/mechanismFacts';
import { VigilError } from '../errors';
import type { RedactedCase } from './redact';

/**
 * The case data a dossier carries as case.json, in one of two forms, as the
 * audience rule says:
 *
 * - for partner organisations, the case document itself (format
 *   `vigil-case`), holding only the persons, testimonies and interventions
 *   that go, with their ids and internal working data, so that the partner can
 *   import it and go on with the work;
 * - for a mechanism or the public, the release form (format
 *   `vigil-case-release`): what the documents say, as data. Records are
 *   numbered person-1, event-1, testimony-1… among those that go (no vault
 *   ids, no gaps), and every private or internal field this audience does not
 *   get is removed rather than left empty.
 *
 * In both, the organisation's own vocabulary terms are limited to those the
 * records that go use, so that a term used only by someone left out does not
 * show that they exist.
 */
export const RELEASE_FORMAT = 'vigil-case-release';
export const RELEASE_VERSION = 1;

type Obj = Record<string, unknown>;

/** The organisation's own terms that the given records use. */
function usedTerms(
  customTerms: CaseDocument['customTerms'],
  records: { kind: RecordKind; record: Obj; roles?: readonly string[] }[],
): CaseDocument['customTerms'] {
  const used = new Set<string>();
  for (const { kind, record, roles } of records) {
    for (const ref of termRefs(kind, record)) used.add(`${ref.vocabulary}:${ref.id}`);
    for (const role of roles ?? []) used.add(`person-role:${role}`);
  }
  return customTerms.filter((t) => used.has(`${t.vocabulary}:${t.id}`));
}

function withoutKeys(record: Obj, keys: readonly string[]): Obj {
  const copy = { ...record };
  for (const key of keys) delete copy[key];
  return copy;
}

/** What goes on with the case to partners besides its records. */
export interface PartnerWork {
  /** The WGAD arguments as released to partners; null when none were written. */
  wgad: WgadSubmission | null;
  /** The urgent appeal's requests and addressees as released to partners; null when none were written. */
  appeal: UrgentAppeal | null;
  /** The case's mechanism facts as released to partners; null when none were written. */
  facts: MechanismFacts | null;
  /** The regional bodies' arguments as released to partners, for the templates that have some. */
  arguments: Partial<Record<RegionalTemplate, MechanismArguments>>;
  /** The sending organisation's details; null when its profile is empty. */
  submitter: Organisation | null;
}

/** The `submissions` of a case document: the work written for the case, when there is some. */
export function partnerSubmissions(
  work: Omit<PartnerWork, 'submitter'>,
): Pick<CaseDocument, 'submissions'> {
  const args = Object.keys(work.arguments).length > 0 ? { arguments: work.arguments } : {};
  return work.wgad || work.appeal || work.facts || args.arguments
    ? {
        submissions: {
          ...(work.wgad ? { wgad: work.wgad } : {}),
          ...(work.appeal ? { urgentAppeal: work.appeal } : {}),
          ...(work.facts ? { facts: work.facts } : {}),
          ...args,
        },
      }
    : {};
}

function fullCaseData(redacted: RedactedCase, work: PartnerWork): CaseDocument {
  const doc = redacted.document;
  const data: CaseDocument = {
    ...doc,
    ...partnerSubmissions(work),
    ...(work.submitter ? { submitter: work.submitter } : {}),
    customTerms: usedTerms(doc.customTerms, [
      { kind: 'case', record: doc.case },
      ...doc.persons.map((p) => ({ kind: 'person' as const, record: p, roles: p.roles })),
      ...doc.events.map((e) => ({ kind: 'event' as const, record: e })),
      ...doc.testimonies.map((t) => ({ kind: 'testimony' as const, record: t })),
      ...doc.interventions.map((v) => ({ kind: 'intervention' as const, record: v })),
    ]),
  };
  // Fail closed: a partner must be able to import what it receives.
  const check = checkCaseDocument(JSON.parse(JSON.stringify(data)));
  if (!check.ok)
    throw new VigilError(
      'INTERNAL',
      `The case data for partners would not be a valid case (${check.issues
        .slice(0, 3)
        .map((i) => `${i.path} ${i.message}`)
        .join('; ')}); nothing was written.`,
    );
  return data;
}

function releaseCaseData(redacted: RedactedCase): Obj {
  const doc = redacted.document;
  const rule = redacted.rule;
  const refs = new Map<string, string>();
  doc.persons.forEach((p, i) => refs.set(p.id, `person-${i + 1}`));
  doc.events.forEach((e, i) => refs.set(e.id, `event-${i + 1}`));
  doc.testimonies.forEach((t, i) => refs.set(t.id, `testimony-${i + 1}`));
  const ref = (id: string): string => {
    const found = refs.get(id);
    // Every reference was filtered by the redaction; one left over would carry a vault id out.
    if (!found)
      throw new VigilError(
        'INTERNAL',
        'The case data refers to a record that does not go; nothing was written.',
      );
    return found;
  };
  const optionalRef = (id: string | null) => (id === null ? null : ref(id));
  const release = (kind: RecordKind, record: Obj): Obj =>
    withoutKeys(withholdFields(record, rule.withheldFields(kind), 'remove').record, [
      'createdAt',
      'updatedAt',
    ]);

  const persons = doc.persons.map((p) => release('person', { ...p, id: ref(p.id) }));
  const events = doc.events.map((e) =>
    release('event', {
      ...e,
      id: ref(e.id),
      victims: e.victims.map(ref),
      perpetrators: e.perpetrators.map((p) => ({ ...p, personId: ref(p.personId) })),
      sources: e.sources.map((s) => ({
        ...s,
        personId: optionalRef(s.personId),
        testimonyId: optionalRef(s.testimonyId),
      })),
      links: e.links.map((l) => ({ ...l, eventId: ref(l.eventId) })),
    }),
  );
  const testimonies = doc.testimonies.map((t) =>
    release('testimony', { ...t, id: ref(t.id), witnessId: optionalRef(t.witnessId) }),
  );
  const interventions = doc.interventions.map((v) =>
    withoutKeys(release('intervention', v), ['id']),
  );
  const caseRecord = withoutKeys(release('case', doc.case), ['id']);
  return {
    format: RELEASE_FORMAT,
    version: RELEASE_VERSION,
    audience: rule.audience satisfies Audience,
    vocabularies: doc.vocabularies,
    customTerms: usedTerms(doc.customTerms, [
      { kind: 'case', record: caseRecord },
      ...doc.persons.map((p, i) => ({
        kind: 'person' as const,
        record: persons[i]!,
        roles: p.roles,
      })),
      ...events.map((record) => ({ kind: 'event' as const, record })),
      ...testimonies.map((record) => ({ kind: 'testimony' as const, record })),
      ...interventions.map((record) => ({ kind: 'intervention' as const, record })),
    ]),
    case: caseRecord,
    persons,
    events,
    testimonies,
    interventions,
  };
}

/** case.json for this export's audience, as bytes. */
export function caseDataFile(redacted: RedactedCase, work: PartnerWork): Buffer {
  const data =
    redacted.rule.caseData === 'full' ? fullCaseData(redacted, work) : releaseCaseData(redacted);
  return Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
}
