import { z } from 'zod';
import { isIsoDay } from './deadlines';
import { countryCode } from './domain/countries';
import { problem } from './domain/issues';
import { boundedList, lineText, longText, recordId } from './domain/text';
import { SP_MANDATES } from './vocabularies/mandates';

/**
 * Mechanism facts: what the UN and regional bodies ask of a case that its
 * records (persons, events, testimonies, interventions) cannot hold. One
 * document per case, kept in the `submissions` table under the kind `facts`
 * (see electron/core/dossier/facts.ts), edited with `vigil case facts` and the
 * case screen's "For the mechanisms" section, carried to partners in
 * case.json (`submissions.facts`) and released like every other text.
 *
 * For template authors: read them with `getMechanismFacts(vault, caseId)`
 * (or `plan.facts` once released for an audience); every field has a value
 * (empty text, empty list or null = not recorded), so a template only asks
 * "is it recorded?". Time limits come from `templateDeadline()` in
 * shared/deadlines.ts, fed with `finalDecision`.
 */

/** A calendar day `YYYY-MM-DD`, or null when not recorded. */
export const factDay = z
  .string()
  .refine(isIsoDay, {
    message: 'is not a calendar day (YYYY-MM-DD, e.g. 2025-03-14)',
    params: problem('not-a-date'),
  })
  .nullable()
  .default(null);

/** Where domestic remedies stand (ECHR art. 35 § 1, IACHR art. 31, African Charter art. 56(5)). */
export const REMEDY_STATUSES = ['exhausted', 'pending', 'unavailable', 'ineffective'] as const;
export type RemedyStatus = (typeof REMEDY_STATUSES)[number];

/** Where another international procedure seized of the matter stands. */
export const PROCEDURE_STATUSES = ['pending', 'decided', 'closed', 'withdrawn'] as const;
export type ProcedureStatus = (typeof PROCEDURE_STATUSES)[number];

const yesNo = z.boolean().nullable().default(null);

export const finalDecisionSchema = z
  .object({
    /** The court or authority that gave the final domestic decision. */
    authority: lineText.default(''),
    /** Its number or reference. */
    reference: lineText.default(''),
    /** What it decided. */
    decision: longText.default(''),
    decidedOn: factDay,
    /** The day the applicant learnt of it: the regional time limits run from here. */
    notifiedOn: factDay,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.decidedOn && d.notifiedOn && d.notifiedOn < d.decidedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['notifiedOn'],
        message: `is before the decision itself (${d.decidedOn})`,
        params: problem('before-decision'),
      });
  });

export const otherProcedureSchema = z
  .object({
    /** The body seized: "UN Human Rights Committee", "WGAD". */
    body: lineText.refine((v) => v.length > 0, {
      message: 'must not be empty',
      params: problem('required'),
    }),
    reference: lineText.default(''),
    /** When it was seized. */
    date: factDay,
    status: z.enum(PROCEDURE_STATUSES).nullable().default(null),
  })
  .strict();

export const mechanismFactsSchema = z
  .object({
    /** The State(s) considered responsible, ISO 3166-1 alpha-2. */
    states: boundedList(countryCode, 20).default([]),
    finalDecision: finalDecisionSchema.default({
      authority: '',
      reference: '',
      decision: '',
      decidedOn: null,
      notifiedOn: null,
    }),
    remedies: z
      .object({
        status: z.enum(REMEDY_STATUSES).nullable().default(null),
        /** The steps taken (complaints, appeals) and their results. */
        steps: longText.default(''),
        /** Why they were not taken, or why they are unavailable, ineffective or unduly prolonged. */
        whyNot: longText.default(''),
      })
      .strict()
      .default({ status: null, steps: '', whyNot: '' }),
    /** Other international procedures seized of the same matter. */
    otherProcedures: boundedList(otherProcedureSchema, 20).default([]),
    /** Persons of the case for whom precautionary or protection measures are asked (their ids). */
    beneficiaries: boundedList(recordId, 200).default([]),
    /** The Special Procedures mandates addressed (sp-mandate terms); none = the SR on human rights defenders. */
    mandates: boundedList(
      z.enum(SP_MANDATES as [string, ...string[]], {
        message: `is not a Special Procedures mandate (one of ${SP_MANDATES.join(', ')})`,
      }),
      SP_MANDATES.length,
    ).default([]),
    /** Whether the victim knows the government will be contacted (null: not asked yet). */
    victimKnowsGovernmentContacted: yesNo,
    /** Whether the petitioner's identity must be withheld from the State (IACHR art. 28(2)). */
    identityWithheldFromState: yesNo,
    /** Whether the authorities were informed of the risk (IACHR art. 25). */
    authoritiesInformedOfRisk: yesNo,
    /** When and how they were informed, and what they did. */
    authoritiesInformedHow: longText.default(''),
    /** How the violations relate to the victims' human-rights work (Special Procedures, ACHPR). */
    hrdWorkLink: longText.default(''),
  })
  .strict();

export type MechanismFacts = z.output<typeof mechanismFactsSchema>;
export type MechanismFactsInput = z.input<typeof mechanismFactsSchema>;
export type FinalDecision = MechanismFacts['finalDecision'];
export type OtherProcedure = MechanismFacts['otherProcedures'][number];

/** The facts' own fields: a checklist item naming one is completed in the case's facts editor. */
export const MECHANISM_FACT_FIELDS = Object.keys(mechanismFactsSchema.shape) as readonly string[];
export const isMechanismFactField = (field: string): boolean =>
  MECHANISM_FACT_FIELDS.includes(field);

/** Facts with nothing recorded. */
export const EMPTY_MECHANISM_FACTS: MechanismFacts = mechanismFactsSchema.parse({});

/** The free-text fields, which are released (names consent forbids replaced) before they leave. */
export const FACT_TEXT_FIELDS = [
  'finalDecision.authority',
  'finalDecision.reference',
  'finalDecision.decision',
  'remedies.steps',
  'remedies.whyNot',
  'authoritiesInformedHow',
  'hrdWorkLink',
] as const;
