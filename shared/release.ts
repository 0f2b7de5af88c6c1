import { z } from 'zod';
import { recordId, statementText } from './domain/text';

/**
 * Release versions of free texts (see electron/core/release): what the
 * review shows for one case and audience, and how a person settles it. One
 * shape for the CLI's --json and the IPC channels.
 */

/** The audience as `vigil release --for` and `vigil export --for` spell it. */
export const audienceKeySchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'is not an audience (a mechanism term, public or partners)');

export const RELEASE_RECORD_KINDS = [
  'case',
  'person',
  'event',
  'testimony',
  'intervention',
  'submission',
] as const;

export const MENTION_REASONS = [
  'lower-case',
  'common-word',
  'used-as-word',
  'shared-name',
  'short',
  'article',
  'name-part',
] as const;

export const FIELD_STATUSES = ['proposed', 'undecided', 'approved', 'edited', 'stale'] as const;
export type FieldStatus = (typeof FIELD_STATUSES)[number];

export const releaseDecisionSchema = z.union([
  z.strictObject({ decision: z.literal('accept') }),
  z.strictObject({ decision: z.literal('reject') }),
  z.strictObject({ decision: z.literal('edit'), text: z.string().min(1).max(1000) }),
]);

export type ReleaseDecision = z.infer<typeof releaseDecisionSchema>;

export const releaseChangeSchema = z.object({
  n: z.number().int().min(1),
  field: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  original: z.string(),
  replacement: z.string(),
  certain: z.boolean(),
  reasons: z.array(z.enum(MENTION_REASONS)),
  /** The person's record id and name (the review is for the sender, inside the vault). */
  person: z.object({ id: z.string(), name: z.string() }),
  decision: releaseDecisionSchema.nullable(),
});
export type ReleaseChangeView = z.infer<typeof releaseChangeSchema>;

export const releaseFieldSchema = z.object({
  path: z.string(),
  language: z.string(),
  source: z.string(),
  release: z.string(),
  status: z.enum(FIELD_STATUSES),
  leaves: z.boolean(),
  approval: z.object({ version: z.number(), actor: z.string(), at: z.string() }).nullable(),
  problem: z.string().nullable(),
});
export type ReleaseFieldView = z.infer<typeof releaseFieldSchema>;

export const releaseRecordSchema = z.object({
  kind: z.enum(RELEASE_RECORD_KINDS),
  id: z.string(),
  /** A short title for the record, in the vault's own words. */
  title: z.string(),
  fields: z.array(releaseFieldSchema),
  changes: z.array(releaseChangeSchema),
});
export type ReleaseRecordView = z.infer<typeof releaseRecordSchema>;

export const releaseIssueSchema = z.object({
  recordKind: z.string(),
  recordId: z.string(),
  field: z.string(),
  status: z.enum(['undecided', 'stale']),
  words: z.array(z.string()),
  changes: z.array(z.number()),
  problem: z.string().nullable(),
  commands: z.array(z.string()),
});
export type ReleaseIssueView = z.infer<typeof releaseIssueSchema>;

export const releaseReviewSchema = z.object({
  caseId: z.string(),
  audience: z.string(),
  records: z.array(releaseRecordSchema),
  /** What stops an export to this audience until it is settled. */
  issues: z.array(releaseIssueSchema),
});
export type ReleaseReview = z.infer<typeof releaseReviewSchema>;

const recordRef = {
  caseId: recordId,
  audience: audienceKeySchema,
  recordId: z.string().min(1).max(100),
};

/** Decisions on changes of one record; the record's release version is approved once none is left open. */
export const releaseApproveSchema = z.strictObject({
  ...recordRef,
  decisions: z
    .array(z.strictObject({ change: z.number().int().min(1), decision: releaseDecisionSchema }))
    .max(10_000)
    .default([]),
});
export type ReleaseApproveInput = z.input<typeof releaseApproveSchema>;

/** A whole field's release text, written by the user. */
export const releaseEditSchema = z.strictObject({
  ...recordRef,
  field: z.string().min(1).max(200),
  text: statementText,
});
export type ReleaseEditInput = z.input<typeof releaseEditSchema>;

export const releaseSettledSchema = z.object({
  record: releaseRecordSchema,
  /** Whether every text of the record now has an approved release version. */
  approved: z.boolean(),
  /** Numbers of the ambiguous changes still waiting for a decision. */
  undecided: z.array(z.number()),
  /** Words the user kept as ordinary words (in an edited text). */
  kept: z.array(z.string()),
});
export type ReleaseSettled = z.infer<typeof releaseSettledSchema>;
