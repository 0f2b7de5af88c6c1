import { z } from 'zod';
import {
  CONSENT_FORMS,
  CONSENT_GIVERS,
  CONSENT_NAMINGS,
  CONSENT_SCOPES,
} from '../../domain/consent';
import { ANSWERS } from '../../domain/event';
import { DATE_QUALIFIERS } from '../../domain/partialDate';
import { SEARCH_KINDS } from '../../domain/search';
import { VOCABULARY_NAMES } from '../../vocabularies';

/**
 * What the records channels return. These schemas declare every field the
 * renderer may see; the dispatcher drops anything else. They check shape
 * only: the core already validated the records when it stored them, and a
 * list of ten thousand cases must not be re-validated field by field.
 */
const stamps = { createdAt: z.string(), updatedAt: z.string() };
const strings = z.array(z.string());

export const partialDateOut = z.object({
  value: z.string().nullable(),
  qualifier: z.enum(DATE_QUALIFIERS),
});

export const consentOut = z.object({
  scope: z.enum(CONSENT_SCOPES),
  mechanisms: strings,
  naming: z.enum(CONSENT_NAMINGS),
  pseudonym: z.string(),
  knowsGovernmentContacted: z.boolean().nullable(),
  givenBy: z.enum(CONSENT_GIVERS).nullable(),
  form: z.enum(CONSENT_FORMS).nullable(),
  givenOn: z.string().nullable(),
  withdrawn: z.boolean(),
  withdrawnOn: z.string().nullable(),
  notes: z.string(),
});

const caseFieldsOut = {
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  status: z.string(),
  countries: strings,
  tags: strings,
  confidentiality: z.string(),
  ...stamps,
};

export const caseOut = z.object({ ...caseFieldsOut, summary: z.string() });

/** A row of the case list: no summary, which may be long and is not shown there. */
export const caseListItemOut = z.object({
  ...caseFieldsOut,
  counts: z.object({
    persons: z.number(),
    events: z.number(),
    testimonies: z.number(),
    interventions: z.number(),
  }),
  lastChange: z.string(),
});

export const personOut = z.object({
  id: z.string(),
  personType: z.string(),
  name: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyNameLatin: z.string(),
  givenNameLatin: z.string(),
  aliases: strings,
  pseudonym: z.string(),
  sex: z.string().nullable(),
  birthDate: partialDateOut.nullable(),
  age: z.number().nullable(),
  nationalities: strings,
  identityDocuments: z.array(
    z.object({
      type: z.string(),
      number: z.string(),
      issuedBy: z.string(),
      country: z.string().nullable(),
      issuedOn: partialDateOut.nullable(),
    }),
  ),
  occupation: z.string(),
  hrdWork: strings,
  affiliation: z.string(),
  residence: z.string(),
  contact: z.object({
    phone: z.string(),
    email: z.string(),
    messaging: z.string(),
    address: z.string(),
    other: z.string(),
  }),
  deceased: z.boolean(),
  deathDate: partialDateOut.nullable(),
  notes: z.string(),
  consent: consentOut.nullable(),
  ...stamps,
});

export const casePersonOut = personOut.extend({ roles: strings });

/** Someone to add to a case: only what tells namesakes apart (see PersonChoice). */
export const personChoicesOut = z.object({
  total: z.number(),
  persons: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      aliases: strings,
      born: z
        .object({
          year: z.number(),
          qualifier: z.enum(['exact', 'approximate', 'before', 'after']),
        })
        .nullable(),
      age: z.number().nullable(),
      cases: z.array(
        z.object({ caseId: z.string(), reference: z.string(), title: z.string(), roles: strings }),
      ),
    }),
  ),
});

const answer = z.enum(ANSWERS);

export const eventOut = z.object({
  id: z.string(),
  caseId: z.string(),
  eventType: z.string(),
  title: z.string(),
  description: z.string(),
  start: partialDateOut,
  end: partialDateOut.nullable(),
  ongoing: z.boolean(),
  dateNote: z.string(),
  location: z.object({
    country: z.string().nullable(),
    region: z.string(),
    place: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  }),
  victims: strings,
  perpetrators: z.array(
    z.object({ personId: z.string(), involvement: z.string(), notes: z.string() }),
  ),
  sources: z.array(
    z.object({
      personId: z.string().nullable(),
      testimonyId: z.string().nullable(),
      description: z.string(),
      reliability: z.string(),
    }),
  ),
  links: z.array(z.object({ eventId: z.string(), relation: z.string() })),
  detention: z
    .object({
      forces: z.string(),
      warrantShown: answer,
      authority: z.string(),
      reasonsImputed: z.string(),
      legalBasis: z.string(),
      legalCounsel: answer,
      familyInformed: answer,
      broughtBeforeJudge: answer,
      places: z.array(
        z.object({
          name: z.string(),
          placeType: z.string().nullable(),
          country: z.string().nullable(),
          from: partialDateOut.nullable(),
          to: partialDateOut.nullable(),
          notes: z.string(),
        }),
      ),
    })
    .nullable(),
  ...stamps,
});

const testimonyMetaOut = {
  id: z.string(),
  caseId: z.string(),
  witnessId: z.string().nullable(),
  witnessDescription: z.string(),
  interviewer: z.string(),
  takenOn: partialDateOut,
  place: z.string(),
  country: z.string().nullable(),
  language: z.string().nullable(),
  method: z.string().nullable(),
  translationLanguage: z.string().nullable(),
  consent: consentOut,
  ...stamps,
};

export const testimonySummaryOut = z.object({
  ...testimonyMetaOut,
  statementBytes: z.number(),
  hasTranslation: z.boolean(),
});

export const testimonyOut = z.object({
  ...testimonyMetaOut,
  statement: z.string(),
  translation: z.string(),
});

export const interventionOut = z.object({
  id: z.string(),
  caseId: z.string(),
  interventionType: z.string(),
  mechanism: z.string().nullable(),
  recipient: z.string(),
  sentOn: partialDateOut.nullable(),
  reference: z.string(),
  status: z.string(),
  responseOn: partialDateOut.nullable(),
  response: z.string(),
  outcome: z.string(),
  followUpOn: z.string().nullable(),
  notes: z.string(),
  ...stamps,
});

export const snippetOut = z.object({
  segments: z.array(z.object({ text: z.string(), match: z.boolean() })),
  truncatedStart: z.boolean(),
  truncatedEnd: z.boolean(),
  matches: z.number(),
});

export const searchResultsOut = z.object({
  total: z.number(),
  /** The matches were ranked in windows of the newest (see `rankWithin`), not all together. */
  partialRanking: z.boolean(),
  hits: z.array(
    z.object({
      kind: z.enum(SEARCH_KINDS),
      id: z.string(),
      caseId: z.string().nullable(),
      caseIds: strings,
      title: z.string(),
      date: partialDateOut.nullable(),
      field: z.string(),
      snippet: snippetOut,
    }),
  ),
});

export const timelineEntryOut = z.object({
  kind: z.string(),
  recordType: z.string(),
  id: z.string(),
  caseId: z.string(),
  date: partialDateOut,
  end: partialDateOut.nullable(),
  sortKey: z.string(),
  precision: z.enum(['year', 'month', 'day', 'unknown']),
  uncertain: z.boolean(),
  title: z.string(),
  detail: z.string(),
});

const labelsOut = z.object({
  en: z.string().optional(),
  es: z.string().optional(),
  fr: z.string().optional(),
  ar: z.string().optional(),
  ru: z.string().optional(),
});

export const vocabularyOut = z.object({
  name: z.enum(VOCABULARY_NAMES as [string, ...string[]]),
  extensible: z.boolean(),
  terms: z.array(
    z.object({ id: z.string(), labels: labelsOut, tags: strings.readonly(), builtIn: z.boolean() }),
  ),
});

/** An entry of a case's audit log: who did what to which record, never the content. */
export const auditEntryOut = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** Field names, counts, hashes: the audit log never records case content. */
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
  /** The record's name (a file's, a person's…), shown instead of a hash or an id. */
  label: z.string().nullable(),
  byThisAccount: z.boolean(),
});
