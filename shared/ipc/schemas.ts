import { z } from 'zod';
import { ERROR_CODES } from '../errors';
import { FIELD_PROBLEMS } from '../domain/issues';
import { CHECK_CODES, MAX_PASSPHRASE_LENGTH } from '../vault';
import { KEPT_REASONS } from '../metadataFields';
import { WARNING_CODES } from '../warnings';

/** Small building blocks shared by the channel schemas. Every string has a bound. */
export const id = z.uuid();
export const opaqueId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a valid reference');
export const passphrase = z.string().min(1).max(MAX_PASSPHRASE_LENGTH);
export const shortText = (max = 500) => z.string().max(max);
export const kdfPreset = z.enum(['standard', 'strong', 'strongest']);
export const language = z.enum(['en', 'es', 'fr', 'ar', 'ru']);
export const operationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
export const empty = z.strictObject({});

/**
 * An error: its stable code, the core's plain sentence (English, for the CLI
 * and support), and for invalid input the problems by field, as codes, so a
 * form can put each one, in the user's language, next to its field.
 */
export const errorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z
    .array(z.strictObject({ path: z.string().max(300), problem: z.enum(FIELD_PROBLEMS) }))
    .max(50)
    .optional(),
});

export const metadataField = z.object({
  group: z.string(),
  key: z.string(),
  label: z.string(),
  value: z.string(),
  risky: z.boolean(),
  binaryBytes: z.number().int().nonnegative().optional(),
});

export const keptField = z.object({
  key: z.string(),
  label: z.string(),
  value: z.string().optional(),
  reason: z.string(),
  /** Absent in working copies stripped before reasons had codes. */
  code: z.enum(KEPT_REASONS).optional(),
});

export const evidenceItem = z.object({
  id: z.string(),
  caseId: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(['original', 'stripped', 'redacted']),
  sha256: z.string(),
  size: z.number(),
  type: z.string(),
  mime: z.string(),
  originalName: z.string().nullable(),
  title: z.string().nullable(),
  description: z.string().nullable(),
  source: z.string().nullable(),
  intakeAt: z.string(),
  intakeBy: z.string(),
  capture: z.object({
    time: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    altitude: z.number().nullable(),
  }),
  metadata: z.array(metadataField),
  metadataReadable: z.boolean(),
  metadataProblem: z.string().nullable(),
  stripReport: z.object({ removed: z.array(metadataField), kept: z.array(keptField) }).nullable(),
  derivatives: z.array(z.string()),
});

export const custodyEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export const checkReport = z.object({
  ok: z.boolean(),
  items: z.array(
    z.object({
      code: z.enum(CHECK_CODES),
      name: z.string(),
      ok: z.boolean(),
      problems: z.array(z.string()),
      notes: z.array(z.string()).optional(),
    }),
  ),
});

export const location = z.object({ locationId: opaqueId, label: z.string() });

/** A warning from the core as a code with its values (shared/warnings), worded by the UI. */
export const coreWarningOut = z.object({
  code: z.enum(WARNING_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
  text: z.string(),
});
