import { problem as named } from './issues';
import { z } from 'zod';
import {
  endBeforeStartProblem,
  isoDaySchema,
  partialDateSchema,
  type PartialDate,
} from './partialDate';
import { lineText, longText, pageShape, recordId, termId, timestamp } from './text';

export const interventionFields = {
  /** `intervention-type` term. */
  interventionType: termId,
  /** `mechanism` term: the body addressed, when it is one (consent is checked against it). */
  mechanism: termId.nullable(),
  /** Who it was sent to, as addressed ("Ministry of Interior", "OHCHR – WGAD"). */
  recipient: lineText,
  sentOn: partialDateSchema.nullable(),
  /** The reference number given by the recipient (e.g. "UA EGY 4/2024"). */
  reference: lineText,
  /** `intervention-status` term. */
  status: termId,
  responseOn: partialDateSchema.nullable(),
  response: longText,
  /** The result, e.g. "Opinion No. 45/2016". */
  outcome: lineText,
  /** When to follow up (e.g. the end of the government's 60 days to reply). */
  followUpOn: isoDaySchema.nullable(),
  notes: longText,
};

export function checkIntervention(
  i: { sentOn?: PartialDate | null; responseOn?: PartialDate | null },
  ctx: z.RefinementCtx,
): void {
  if (i.sentOn && i.responseOn) {
    const problem = endBeforeStartProblem(i.sentOn, i.responseOn, 'the date sent');
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: ['responseOn'],
        message: problem,
        params: named('end-before-start'),
      });
  }
}

export const interventionCreateShape = {
  interventionType: interventionFields.interventionType,
  mechanism: interventionFields.mechanism.default(null),
  recipient: interventionFields.recipient.default(''),
  sentOn: interventionFields.sentOn.default(null),
  reference: interventionFields.reference.default(''),
  /** Defaults to `sent` when a date sent is given, else `draft`. */
  status: interventionFields.status.optional(),
  responseOn: interventionFields.responseOn.default(null),
  response: interventionFields.response.default(''),
  outcome: interventionFields.outcome.default(''),
  followUpOn: interventionFields.followUpOn.default(null),
  notes: interventionFields.notes.default(''),
};

/** Status defaults to `sent` when a date sent is given, else `draft`. */
export function defaultInterventionStatus<T extends { status?: string; sentOn: unknown }>(
  i: T,
): T & { status: string } {
  return { ...i, status: i.status ?? (i.sentOn ? 'sent' : 'draft') };
}

export const interventionCreateSchema = z
  .object(interventionCreateShape)
  .strict()
  .superRefine(checkIntervention)
  .transform(defaultInterventionStatus);

export const interventionUpdateSchema = z
  .object(interventionFields)
  .partial()
  .strict()
  .superRefine(checkIntervention);

export const interventionRecordSchema = z
  .object({
    id: recordId,
    caseId: recordId,
    ...interventionFields,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict()
  .superRefine(checkIntervention);

/** Interventions (of one case, in one status, to follow up by a day). */
export const interventionListQuerySchema = z
  .object({
    caseId: recordId.optional(),
    status: termId.optional(),
    /** Only those whose follow-up date is on or before this day (YYYY-MM-DD). */
    followUpBy: isoDaySchema.optional(),
    ...pageShape,
  })
  .strict();
export type InterventionListQuery = z.input<typeof interventionListQuerySchema>;

export type InterventionCreate = z.input<typeof interventionCreateSchema>;
export type InterventionUpdate = z.input<typeof interventionUpdateSchema>;
export type InterventionRecord = z.output<typeof interventionRecordSchema>;
