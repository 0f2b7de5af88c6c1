import { z } from 'zod';
import { customTermSchema } from '../vocabularies';
import { caseCreateShape } from './case';
import { checkEvent, eventCreateShape } from './event';
import {
  checkIntervention,
  defaultInterventionStatus,
  interventionCreateShape,
} from './intervention';
import { issuesFromZod, type FieldIssue } from './issues';
import { unknownTermIssue, vocabularyIssues } from './vocabCheck';
import type { VocabularySet } from '../vocabularies';
import { checkPerson, personCreateShape } from './person';
import { checkTestimony, testimonyCreateShape } from './testimony';
import { boundedList, lineText, recordId, termId, timestamp } from './text';
import { parsePartialDate } from './partialDate';
import { mechanismArgumentsSchema, urgentAppealSchema, wgadSubmissionSchema } from '../dossier';
import { mechanismFactsSchema } from '../mechanismFacts';
import { organisationSchema } from './organisation';

/**
 * One case with everything it holds, as one JSON document: the bulk path in
 * and out of a vault (spreadsheets, benchmarks, moving a case). Records keep
 * their ids so that they can refer to one another inside the document; an
 * import gives them new ids or merges by id. Timestamps are optional on the
 * way in (the import time is used).
 */
export const CASE_DOCUMENT_FORMAT = 'vigil-case';
export const CASE_DOCUMENT_VERSION = 1;

const stamps = { createdAt: timestamp.optional(), updatedAt: timestamp.optional() };

export const documentCaseSchema = z
  .object({ id: recordId, ...caseCreateShape, ...stamps })
  .strict();

export const documentPersonSchema = z
  .object({
    id: recordId,
    ...personCreateShape,
    /** `person-role` terms this person holds in this case; empty for someone only referred to. */
    roles: boundedList(termId, 20).default([]),
    ...stamps,
  })
  .strict()
  .superRefine(checkPerson);

export const documentEventSchema = z
  .object({ id: recordId, ...eventCreateShape, ...stamps })
  .strict()
  .superRefine(checkEvent);

export const documentTestimonySchema = z
  .object({ id: recordId, ...testimonyCreateShape, ...stamps })
  .strict()
  .superRefine(checkTestimony);

/**
 * One kept step of an intervention's life, oldest first, as the vault keeps
 * it (its status at creation, each dated step, each status an edit set), so
 * that a moved or shared case keeps its whole story, not only where it stands.
 */
export const documentInterventionStepSchema = z
  .object({
    state: termId,
    /** The day (a partial date for the date sent at creation), or null when undated. */
    on: z
      .string()
      .max(40)
      .refine((value) => isPartialDate(value), { message: 'is not a date' })
      .nullable(),
    number: lineText.default(''),
    via: z.enum(['create', 'step', 'edit']),
    actor: lineText.refine((value) => value.trim().length > 0, { message: 'is empty' }),
    recordedAt: timestamp,
  })
  .strict();
export type DocumentInterventionStep = z.output<typeof documentInterventionStepSchema>;

/** Far more steps than an intervention has: a bound on what a document may carry. */
const MAX_STEPS = 1_000;

export const documentInterventionSchema = z
  .object({
    id: recordId,
    ...interventionCreateShape,
    ...stamps,
    states: z.array(documentInterventionStepSchema).max(MAX_STEPS).default([]),
  })
  .strict()
  .superRefine(checkIntervention)
  .transform(defaultInterventionStatus);

const MAX_RECORDS = 1_000_000;

function isPartialDate(value: string): boolean {
  try {
    parsePartialDate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the case was begun, carried by partner dossiers so that importing
 * the same case again is recognised (and can update the copy already in the
 * vault instead of making another). `records` maps the ids of records that
 * came from elsewhere to their ids at the origin; a record not in it has the
 * same id there as here.
 */
export const documentOriginSchema = z
  .object({
    /** The case's id in the vault where it was begun. */
    id: recordId,
    /** The fingerprint of the organisation key that began it, when known. */
    organisation: z
      .string()
      .regex(/^[0-9A-F]{40}$|^[0-9A-F]{64}$/)
      .nullable()
      .default(null),
    records: z
      .record(recordId, recordId)
      .default({})
      .refine((map) => Object.keys(map).length <= MAX_RECORDS, {
        message: 'maps too many records',
      }),
  })
  .strict();
export type DocumentOrigin = z.output<typeof documentOriginSchema>;

export const caseDocumentSchema = z
  .object({
    format: z.literal(CASE_DOCUMENT_FORMAT),
    version: z.literal(CASE_DOCUMENT_VERSION),
    /** Versions of the built-in vocabularies the document was written with. */
    vocabularies: z.record(z.string().max(64), z.number().int().min(1)).default({}),
    /** The organisation's own terms the records use. */
    customTerms: z.array(customTermSchema).max(10_000).default([]),
    origin: documentOriginSchema.optional(),
    case: documentCaseSchema,
    persons: z.array(documentPersonSchema).max(MAX_RECORDS).default([]),
    events: z.array(documentEventSchema).max(MAX_RECORDS).default([]),
    testimonies: z.array(documentTestimonySchema).max(MAX_RECORDS).default([]),
    interventions: z.array(documentInterventionSchema).max(MAX_RECORDS).default([]),
    /**
     * The work that goes on with the case, in partner dossiers: the
     * submission arguments the lawyer wrote (WGAD), and the sending
     * organisation's details as it signs its submissions.
     */
    submissions: z
      .object({
        wgad: wgadSubmissionSchema.optional(),
        urgentAppeal: urgentAppealSchema.optional(),
        /** The case's mechanism facts (beneficiaries are persons of this document, by id). */
        facts: mechanismFactsSchema.optional(),
        /** The regional bodies' arguments (complaints, risk, measures), by template. */
        arguments: z
          .object({
            echr: mechanismArgumentsSchema.optional(),
            'iachr-petition': mechanismArgumentsSchema.optional(),
            'iachr-precautionary': mechanismArgumentsSchema.optional(),
            achpr: mechanismArgumentsSchema.optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    submitter: organisationSchema.optional(),
  })
  .strict();

export type CaseDocument = z.output<typeof caseDocumentSchema>;
export type CaseDocumentInput = z.input<typeof caseDocumentSchema>;
export type DocumentPerson = z.output<typeof documentPersonSchema>;
export type DocumentEvent = z.output<typeof documentEventSchema>;
export type DocumentTestimony = z.output<typeof documentTestimonySchema>;
export type DocumentIntervention = z.output<typeof documentInterventionSchema>;

/** Checks what a schema cannot: unique ids, and every reference pointing inside the document. */
export function documentReferenceIssues(doc: CaseDocument): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const first = seen.get(id);
    if (first) issues.push({ path, message: `has the same id as ${first}` });
    else seen.set(id, path);
  };
  claim(doc.case.id, 'case');
  doc.persons.forEach((p, i) => claim(p.id, `persons[${i}]`));
  doc.events.forEach((e, i) => claim(e.id, `events[${i}]`));
  doc.testimonies.forEach((t, i) => claim(t.id, `testimonies[${i}]`));
  doc.interventions.forEach((v, i) => claim(v.id, `interventions[${i}]`));

  const persons = new Set(doc.persons.map((p) => p.id));
  const events = new Set(doc.events.map((e) => e.id));
  const testimonies = new Set(doc.testimonies.map((t) => t.id));
  const person = (id: string | null, path: string) => {
    if (id !== null && !persons.has(id))
      issues.push({ path, message: 'refers to a person who is not in the document' });
  };
  doc.events.forEach((e, i) => {
    e.victims.forEach((id, j) => person(id, `events[${i}].victims[${j}]`));
    e.perpetrators.forEach((p, j) =>
      person(p.personId, `events[${i}].perpetrators[${j}].personId`),
    );
    e.sources.forEach((s, j) => {
      person(s.personId, `events[${i}].sources[${j}].personId`);
      if (s.testimonyId !== null && !testimonies.has(s.testimonyId)) {
        issues.push({
          path: `events[${i}].sources[${j}].testimonyId`,
          message: 'refers to a testimony that is not in the document',
        });
      }
    });
    e.links.forEach((l, j) => {
      if (!events.has(l.eventId))
        issues.push({
          path: `events[${i}].links[${j}].eventId`,
          message: 'refers to an event that is not in the document',
        });
      else if (l.eventId === e.id)
        issues.push({
          path: `events[${i}].links[${j}].eventId`,
          message: 'links the event to itself',
        });
    });
  });
  doc.testimonies.forEach((t, i) => person(t.witnessId, `testimonies[${i}].witnessId`));
  doc.submissions?.facts?.beneficiaries.forEach((id, i) =>
    person(id, `submissions.facts.beneficiaries[${i}]`),
  );
  if (doc.origin) {
    const map = doc.origin.records;
    for (const id of Object.keys(map))
      if (!seen.has(id))
        issues.push({
          path: `origin.records.${id}`,
          message: 'names a record that is not in the document',
        });
    // Each record's id at the origin (its own unless mapped) must be its alone.
    const origins = new Map<string, string>();
    for (const [id, path] of seen) {
      const originId = map[id] ?? id;
      const other = origins.get(originId);
      if (other) issues.push({ path, message: `has the same origin as ${other}` });
      else origins.set(originId, path);
    }
  }
  return issues;
}

export type DocumentCheck =
  { ok: true; document: CaseDocument } | { ok: false; issues: FieldIssue[] };

/**
 * Validates a parsed JSON value as a case document. The format and version
 * are checked first, so that a wrong file gets one clear sentence rather than
 * a list of missing fields.
 */
export function checkCaseDocument(value: unknown): DocumentCheck {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      issues: [{ path: '', message: 'is not a Vigil case document (expected a JSON object)' }],
    };
  }
  const header = value as { format?: unknown; version?: unknown };
  if (header.format !== CASE_DOCUMENT_FORMAT) {
    return {
      ok: false,
      issues: [
        {
          path: 'format',
          message: `must be "${CASE_DOCUMENT_FORMAT}": this is not a Vigil case document`,
        },
      ],
    };
  }
  if (header.version !== CASE_DOCUMENT_VERSION) {
    return {
      ok: false,
      issues: [
        {
          path: 'version',
          message: `is ${JSON.stringify(header.version)}, and this Vigil reads version ${CASE_DOCUMENT_VERSION} of the case document format`,
        },
      ],
    };
  }
  const parsed = caseDocumentSchema.safeParse(value);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  const references = documentReferenceIssues(parsed.data);
  return references.length > 0
    ? { ok: false, issues: references }
    : { ok: true, document: parsed.data };
}

/** Every vocabulary term a document's records use that `vocab` does not know. */
export function documentVocabularyIssues(doc: CaseDocument, vocab: VocabularySet): FieldIssue[] {
  const issues = [...vocabularyIssues('case', doc.case, vocab, 'case')];
  doc.persons.forEach((p, i) => {
    issues.push(...vocabularyIssues('person', p, vocab, `persons[${i}]`));
    p.roles.forEach((role, j) => {
      if (!vocab.has('person-role', role))
        issues.push(
          unknownTermIssue(vocab, {
            path: `persons[${i}].roles[${j}]`,
            vocabulary: 'person-role',
            id: role,
          }),
        );
    });
  });
  doc.events.forEach((e, i) => issues.push(...vocabularyIssues('event', e, vocab, `events[${i}]`)));
  doc.testimonies.forEach((t, i) =>
    issues.push(...vocabularyIssues('testimony', t, vocab, `testimonies[${i}]`)),
  );
  doc.interventions.forEach((v, i) =>
    issues.push(...vocabularyIssues('intervention', v, vocab, `interventions[${i}]`)),
  );
  return issues;
}
