import { z } from 'zod';
import { countryCode } from './countries';
import {
  boundedList,
  lineText,
  longText,
  pageShape,
  recordId,
  requiredLine,
  termId,
  timestamp,
} from './text';

export const caseFields = {
  /** Human reference code, unique in the vault (e.g. VIG-2026-0001); generated when not given. */
  reference: requiredLine.pipe(
    z.string().max(100, { message: 'is too long for a reference (at most 100 characters)' }),
  ),
  title: requiredLine,
  summary: longText,
  /** `case-status` term. */
  status: termId,
  countries: boundedList(countryCode, 50),
  tags: boundedList(
    requiredLine.pipe(
      z.string().max(100, { message: 'is too long for a tag (at most 100 characters)' }),
    ),
    50,
  ),
  /** `confidentiality` term. */
  confidentiality: termId,
};

export const caseCreateShape = {
  reference: caseFields.reference.optional(),
  title: caseFields.title,
  summary: caseFields.summary.default(''),
  status: caseFields.status.default('open'),
  countries: caseFields.countries.default([]),
  tags: caseFields.tags.default([]),
  confidentiality: caseFields.confidentiality.default('confidential'),
};

export const caseCreateSchema = z.object(caseCreateShape).strict();

/** Only the fields given change; lists are replaced whole. */
export const caseUpdateSchema = z.object(caseFields).partial().strict();

export const caseRecordSchema = z
  .object({ id: recordId, ...caseFields, createdAt: timestamp, updatedAt: timestamp })
  .strict();

export type CaseCreate = z.input<typeof caseCreateSchema>;
export type CaseUpdate = z.input<typeof caseUpdateSchema>;
export type CaseRecord = z.output<typeof caseRecordSchema>;

export interface CaseCounts {
  persons: number;
  events: number;
  testimonies: number;
  interventions: number;
}

export type CaseSummary = CaseRecord & {
  counts: CaseCounts;
  /**
   * When anything in the case last changed: the case itself or any of its
   * records, persons' links, evidence, steps, reviews or trash entries
   * (`updatedAt` stays the case record's own time).
   */
  lastChange: string;
};

export const CASE_SORTS = [
  'reference',
  'title',
  'created',
  'updated',
  'status',
  'persons',
  'events',
  'testimonies',
] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export const caseListQuerySchema = z
  .object({
    status: termId.optional(),
    country: countryCode.optional(),
    tag: lineText.optional(),
    /** Only cases holding at least one event of this type. */
    eventType: termId.optional(),
    sort: z.enum(CASE_SORTS).default('updated'),
    descending: z.boolean().optional(),
    ...pageShape,
  })
  .strict();
export type CaseListQuery = z.input<typeof caseListQuerySchema>;
