import { z } from 'zod';
import { consentSchema, DEFAULT_CONSENT } from './consent';
import { countryCode } from './countries';
import { partialDateSchema, UNKNOWN_DATE } from './partialDate';
import {
  languageTag,
  lineText,
  pageShape,
  recordId,
  requiredStatement,
  statementText,
  termId,
  timestamp,
} from './text';

export const testimonyFields = {
  /** The witness, or null for an anonymous witness. */
  witnessId: recordId.nullable(),
  /** For an anonymous witness: a description that does not identify them ("a cellmate"). */
  witnessDescription: lineText,
  interviewer: lineText,
  takenOn: partialDateSchema,
  place: lineText,
  country: countryCode.nullable(),
  /** Language of the statement (BCP 47). */
  language: languageTag.nullable(),
  /** `testimony-method` term. */
  method: termId.nullable(),
  statement: requiredStatement,
  /** Empty when there is no translation. */
  translation: statementText,
  translationLanguage: languageTag.nullable(),
  consent: consentSchema,
};

export function checkTestimony(
  t: { translation?: string; translationLanguage?: string | null },
  ctx: z.RefinementCtx,
): void {
  if (t.translationLanguage && t.translation === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['translationLanguage'],
      message: 'is set but there is no translation',
    });
  }
}

export const testimonyCreateShape = {
  witnessId: testimonyFields.witnessId.default(null),
  witnessDescription: testimonyFields.witnessDescription.default(''),
  interviewer: testimonyFields.interviewer.default(''),
  takenOn: testimonyFields.takenOn.default({ ...UNKNOWN_DATE }),
  place: testimonyFields.place.default(''),
  country: testimonyFields.country.default(null),
  language: testimonyFields.language.default(null),
  method: testimonyFields.method.default(null),
  statement: testimonyFields.statement,
  translation: testimonyFields.translation.default(''),
  translationLanguage: testimonyFields.translationLanguage.default(null),
  consent: testimonyFields.consent.default({ ...DEFAULT_CONSENT, mechanisms: [] }),
};

export const testimonyCreateSchema = z
  .object(testimonyCreateShape)
  .strict()
  .superRefine(checkTestimony);

export const testimonyUpdateSchema = z
  .object(testimonyFields)
  .partial()
  .strict()
  .superRefine(checkTestimony);

export const testimonyRecordSchema = z
  .object({
    id: recordId,
    caseId: recordId,
    ...testimonyFields,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .strict()
  .superRefine(checkTestimony);

/** Testimonies (of one case, of one witness). */
export const testimonyListQuerySchema = z
  .object({ caseId: recordId.optional(), witnessId: recordId.optional(), ...pageShape })
  .strict();
export type TestimonyListQuery = z.input<typeof testimonyListQuerySchema>;

export type TestimonyCreate = z.input<typeof testimonyCreateSchema>;
export type TestimonyUpdate = z.input<typeof testimonyUpdateSchema>;
export type TestimonyRecord = z.output<typeof testimonyRecordSchema>;

/** A testimony in a list: everything but the statement and translation texts. */
export type TestimonySummary = Omit<TestimonyRecord, 'statement' | 'translation'> & {
  statementBytes: number;
  hasTranslation: boolean;
};
