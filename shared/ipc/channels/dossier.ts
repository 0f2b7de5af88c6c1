import { z } from 'zod';
import {
  audienceSchema,
  CHECKLIST_TARGETS,
  WGAD_SECTIONS,
  APPEAL_SECTIONS,
  REGIONAL_SECTIONS,
  SP_SECTIONS,
  DOSSIER_LANGUAGES,
  mechanismArgumentsSchema,
  urgentAppealSchema,
  REGIONAL_TEMPLATES,
  TEMPLATES,
  wgadSubmissionSchema,
  withheldItemSchema,
  withheldReasonSchema,
} from '../../dossier';
import { releaseIssueSchema } from '../../release';
import { VERIFY_PROBLEMS } from '../../verifyProblems';
import { mechanismFactsSchema } from '../../mechanismFacts';
import { organisationSchema, organisationUpdateSchema } from '../../domain/organisation';
import { coreWarningOut, id, opaqueId, operationId } from '../schemas';

const fingerprint = z.string().regex(/^[0-9A-Fa-f]{40}$/);

/** What the export wizard chooses: template, language, audience, what to include. */
export const exportRequestSchema = z.strictObject({
  caseId: id,
  template: z.enum(TEMPLATES),
  language: z.enum(DOSSIER_LANGUAGES),
  audience: audienceSchema.optional(),
  includePrivate: z.boolean(),
  /** Originals to send as they are, each confirmed by the user on its own. */
  originals: z.array(id).max(10_000).optional(),
  evidence: z.array(id).max(10_000).optional(),
});

const checklistItem = z.object({
  id: z.string(),
  part: z.enum([...WGAD_SECTIONS, ...APPEAL_SECTIONS, ...REGIONAL_SECTIONS, ...SP_SECTIONS]),
  field: z.string(),
  person: z.string().nullable(),
  label: z.string(),
  ok: z.boolean(),
  target: z.object({
    kind: z.enum(CHECKLIST_TARGETS),
    id: z.string().nullable(),
    field: z.string().nullable(),
  }),
});

const missingItem = z.object({
  section: z.enum([...WGAD_SECTIONS, ...APPEAL_SECTIONS, ...REGIONAL_SECTIONS, ...SP_SECTIONS]),
  person: z.string().nullable(),
  field: z.string(),
  label: z.string(),
});

const consentStatus = z.object({
  personId: z.string(),
  name: z.string(),
  shownAs: z.string().nullable(),
  label: z.string().nullable(),
  roles: z.array(z.string()),
  consent: z.enum(['recorded', 'missing', 'withdrawn', 'not-needed']),
  covers: z.boolean(),
  reasons: z.array(z.string()),
  why: z.array(withheldReasonSchema),
});

const originalReveal = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  readable: z.boolean(),
  unreadableReason: z.string().nullable(),
  reveals: z.array(
    z.object({
      group: z.enum(['location', 'device', 'people', 'time', 'other']),
      key: z.string(),
      label: z.string(),
      value: z.string(),
      forbiddenName: z.string().nullable(),
    }),
  ),
  forbidden: z.boolean(),
});

const signatureCheck = z.object({
  valid: z.boolean(),
  signerFingerprint: z.string().optional(),
  signerKnown: z.boolean(),
  signerTrusted: z.boolean(),
  signerUserId: z.string().nullable().optional(),
  /** Where the key that checked the signature came from: the vault, the dossier itself, or the user. */
  signerOrigin: z.enum(['vault', 'dossier', 'pinned']).optional(),
  problem: z.string().optional(),
});

const kindCounts = z.object({
  cases: z.number(),
  persons: z.number(),
  events: z.number(),
  testimonies: z.number(),
  interventions: z.number(),
});

/** The case already in the vault that a dossier is a version of (same origin). */
const duplicateInfo = z.object({
  caseId: z.string(),
  reference: z.string(),
  title: z.string(),
  begunHere: z.boolean(),
  organisation: z.string().nullable(),
  others: z.number(),
});

export const verifyReportSchema = z.object({
  ok: z.boolean(),
  kind: z.enum(['directory', 'zip', 'bundle']),
  keys: z.enum(['vault', 'dossier', 'pinned']),
  trusted: z.boolean(),
  notes: z.array(z.string()),
  signature: signatureCheck,
  bundle: z
    .object({ recipient: z.string(), signature: signatureCheck.extend({ status: z.string() }) })
    .nullable(),
  manifest: z
    .object({
      reference: z.string(),
      template: z.string(),
      createdAt: z.string(),
      files: z.number(),
      audience: audienceSchema,
    })
    .nullable(),
  files: z.object({
    checked: z.number(),
    mismatched: z.array(z.string()),
    missing: z.array(z.string()),
    extra: z.array(z.string()),
  }),
  problems: z.array(z.string()),
  issues: z.array(
    z.object({ code: z.enum(VERIFY_PROBLEMS), subject: z.string().max(4096).nullable() }),
  ),
  duplicateOf: duplicateInfo.nullable(),
});

/** Channels of dossier export, verification and partner-bundle import. */
export const dossierChannels = {
  'dossier.preview': {
    input: exportRequestSchema,
    output: z.object({
      template: z.enum(TEMPLATES),
      audience: audienceSchema,
      checklist: z.array(checklistItem),
      missing: z.array(missingItem),
      complete: z.boolean(),
      signingKey: z.boolean(),
      consent: z.array(consentStatus),
      withheld: z.array(withheldItemSchema),
      release: z.array(releaseIssueSchema),
      evidence: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          type: z.string(),
          copy: z.enum(['stripped', 'original', 'withheld']),
          reason: z.string().nullable(),
        }),
      ),
      originals: z.array(originalReveal),
    }),
  },
  'dossier.getSubmission': { input: z.strictObject({ caseId: id }), output: wgadSubmissionSchema },
  'dossier.saveSubmission': {
    input: z.strictObject({ caseId: id, submission: wgadSubmissionSchema }),
    output: wgadSubmissionSchema,
  },
  /** The case's mechanism facts (vigil case facts): a whole document, absent fields empty. */
  'dossier.getFacts': { input: z.strictObject({ caseId: id }), output: mechanismFactsSchema },
  'dossier.saveFacts': {
    input: z.strictObject({ caseId: id, facts: mechanismFactsSchema }),
    output: mechanismFactsSchema,
  },
  /** A regional body's arguments (vigil submission set --template echr…). */
  'dossier.getArguments': {
    input: z.strictObject({ caseId: id, template: z.enum(REGIONAL_TEMPLATES) }),
    output: mechanismArgumentsSchema,
  },
  'dossier.saveArguments': {
    input: z.strictObject({
      caseId: id,
      template: z.enum(REGIONAL_TEMPLATES),
      arguments: mechanismArgumentsSchema,
    }),
    output: mechanismArgumentsSchema,
  },
  /** An urgent appeal's requests and addressees (vigil submission set --template urgent-appeal). */
  'dossier.getAppeal': { input: z.strictObject({ caseId: id }), output: urgentAppealSchema },
  'dossier.saveAppeal': {
    input: z.strictObject({ caseId: id, appeal: urgentAppealSchema }),
    output: urgentAppealSchema,
  },
  /** The organisation profile: the submitter of every communication (WGAD part VI). */
  'organisation.get': { input: z.strictObject({}), output: organisationSchema },
  'organisation.update': { input: organisationUpdateSchema, output: organisationSchema },
  'dossier.export': {
    input: z.strictObject({
      request: exportRequestSchema,
      /** A folder for a UN or regional body, or a bundle encrypted to partners' keys. */
      target: z.enum(['directory', 'bundle']),
      recipients: z.array(fingerprint).max(20).default([]),
      operationId,
    }),
    output: z.object({
      saved: z.boolean(),
      label: z.string().nullable(),
      /** For app.showInFolder: a reference to where main wrote it (null when nothing was saved). */
      outputId: z.string().nullable(),
      kind: z.enum(['directory', 'bundle']),
      manifestSha256: z.string().nullable(),
      signer: z.string().nullable(),
      files: z.number(),
      withheld: z.array(withheldItemSchema),
      originals: z.array(originalReveal),
      warnings: z.array(z.string()),
      notices: z.array(coreWarningOut),
    }),
  },
  'dossier.verify': {
    input: z.strictObject({ kind: z.enum(['folder', 'file']) }),
    output: z.object({ label: z.string(), report: verifyReportSchema }).nullable(),
  },
  'dossier.chooseBundle': {
    input: z.strictObject({}),
    output: z.object({ fileId: opaqueId, name: z.string(), size: z.number() }).nullable(),
  },
  'dossier.inspectBundle': {
    input: z.strictObject({ fileId: opaqueId }),
    output: verifyReportSchema,
  },
  'dossier.import': {
    input: z.strictObject({
      fileId: opaqueId,
      acceptSigner: z.boolean(),
      /** The case is already in the vault: merge the partner's version into it, or keep a copy. */
      duplicate: z.enum(['update', 'as-new']).optional(),
      operationId,
    }),
    output: z.object({
      caseId: z.string(),
      reference: z.string(),
      mode: z.enum(['new', 'update', 'as-new']),
      duplicateOf: duplicateInfo.nullable(),
      update: z
        .object({
          added: kindCounts,
          updated: kindCounts,
          unchanged: z.number(),
          conflicts: z.array(
            z.object({
              kind: z.enum(['case', 'person', 'event', 'testimony', 'intervention']),
              id: z.string(),
              fields: z.array(z.string()),
            }),
          ),
          restored: z.array(
            z.object({
              kind: z.enum(['case', 'person', 'event', 'testimony', 'intervention']),
              id: z.string(),
            }),
          ),
          customTermsKept: z.number(),
        })
        .nullable(),
      customTermsKept: z.number(),
      kind: z.enum(['directory', 'zip', 'bundle']),
      signer: z.object({
        fingerprint: z.string().nullable(),
        userId: z.string().nullable(),
        trusted: z.boolean(),
      }),
      bundleSha256: z.string(),
      manifestSha256: z.string(),
      records: z.object({
        persons: z.number(),
        events: z.number(),
        testimonies: z.number(),
        interventions: z.number(),
      }),
      evidence: z.array(z.object({ id: z.string(), sha256: z.string(), path: z.string() })),
    }),
  },
} as const;
