import { z } from 'zod';
import { audienceSchema, type Audience } from './domain/audience';
import { CONSENT_REFUSALS, type ConsentRefusalReason } from './domain/consent';
import { boundedList, lineText, longText } from './domain/text';
import type { ReleaseIssueView } from './release';

/**
 * Dossiers: what a signed export holds (the manifest), what the WGAD template
 * needs beyond the case facts (the submission's arguments), and the choices
 * an export takes. Shared so the UI's export wizard shows exactly what the
 * core will do.
 */
export const DOSSIER_FORMAT = 'vigil-dossier';
export const DOSSIER_VERSION = 2;
export const TEMPLATES = [
  'generic',
  'wgad',
  'urgent-appeal',
  'echr',
  'iachr-petition',
  'iachr-precautionary',
  'sp',
  'achpr',
] as const;
export type Template = (typeof TEMPLATES)[number];
export const DOSSIER_LANGUAGES = ['en', 'es', 'fr', 'ar', 'ru'] as const;
export type DossierLanguage = (typeof DOSSIER_LANGUAGES)[number];

/** Who the export is for: see shared/domain/audience.ts for what each audience receives. */
export { audienceSchema, type Audience };

export const FILE_ROLES = [
  'submission-pdf',
  'submission-docx',
  'case-data',
  'evidence',
  'verification',
  'checksums',
  'signature',
  'public-key',
] as const;
export type FileRole = (typeof FILE_ROLES)[number];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** Portable relative paths: forward slashes, no dot segments, no absolute paths, modest length. */
export const dossierPath = z
  .string()
  .min(1)
  .max(200)
  .regex(
    /^(?!\/)(?!.*\/\/)(?!.*(^|\/)\.{1,2}(\/|$))[A-Za-z0-9._/-]+$/,
    'is not a safe relative path',
  );

export const WITHHELD_KINDS = [
  'person',
  'name',
  'testimony',
  'record',
  'field',
  'evidence',
] as const;
export type WithheldKind = (typeof WITHHELD_KINDS)[number];
export const WITHHELD_RECORD_KINDS = [
  'case',
  'person',
  'event',
  'testimony',
  'intervention',
  'evidence',
  'submission',
] as const;

/** Why something is left out, beyond consent: see CONSENT_REFUSALS for the consent reasons. */
export const WITHHOLD_CODES = [
  ...CONSENT_REFUSALS,
  /** Consent allows initials or a pseudonym, not the full name. */
  'name-initials-only',
  /** Consent allows no name at all. */
  'name-not-allowed',
  /** A source resting on a person or testimony that is left out. */
  'rests-on-withheld',
  /** A draft intervention: internal working data. */
  'draft',
  /** A private field (contacts, addresses, document numbers…): only when asked, never for the public. */
  'private-field',
  /** An internal field (notes, statuses, consent terms…): only partner organisations get it. */
  'internal-field',
  /** An evidence file whose metadata cannot be removed: only its original could go. */
  'cannot-strip',
] as const;
export type WithholdCode = (typeof WITHHOLD_CODES)[number];

export const withheldReasonSchema = z
  .object({
    code: z.enum(WITHHOLD_CODES),
    on: z.string().max(40).optional(),
    mechanism: z.string().max(100).optional(),
  })
  .strict();

const withheldSubjectSchema = z
  .object({
    /** The record's own name in the vault (a person's name, an event's title, a file's name). */
    name: z.string().max(2000).nullable(),
    /** Vocabulary terms that describe it (a person's roles, an event's or intervention's type). */
    terms: z.array(z.string().max(100)).max(50),
    /** A date that tells it apart (when a testimony was taken). */
    date: z.string().max(40).nullable(),
    /** How the dossier shows the name instead, for a name shown in part. */
    shownAs: z.string().max(2000).nullable(),
  })
  .strict();

/**
 * One line of the withholding report: something an export leaves out, and
 * why. The report is shown to the sender before signing and kept in the
 * vault with the export's audit entry; it never travels in what leaves.
 */
export const withheldItemSchema = z
  .object({
    kind: z.enum(WITHHELD_KINDS),
    /** The record concerned, by its id in the vault. */
    record: z
      .object({ kind: z.enum(WITHHELD_RECORD_KINDS), id: z.string().max(100).nullable() })
      .strict(),
    /** The field's path inside the record (`contact`, `sources[2].reliability`), for a field. */
    field: z.string().max(300).nullable(),
    /** What, in words the sender recognises: it may name the person (shown inside the vault only). */
    what: z.string().max(2000),
    reason: z.string().max(2000),
    /**
     * The same line as data, for front-ends that word it in the user's
     * language: the record as the vault names it, and why, as codes.
     * Optional: reports kept before these existed have only the words.
     */
    subject: withheldSubjectSchema.optional(),
    why: z.array(withheldReasonSchema).max(20).optional(),
  })
  .strict();
export type WithheldItem = z.infer<typeof withheldItemSchema>;
export type WithheldReason = z.infer<typeof withheldReasonSchema>;
export type WithheldSubject = z.infer<typeof withheldSubjectSchema>;

const manifestFiles = z
  .array(
    z
      .object({
        path: dossierPath,
        sha256: sha256Hex,
        size: z.number().int().min(0),
        role: z.enum(FILE_ROLES),
      })
      .strict(),
  )
  .max(10_000);
const manifestEvidence = z
  .array(
    z
      .object({
        path: dossierPath,
        copy: z.enum(['stripped', 'original']),
        originalSha256: sha256Hex,
        type: z.string().max(20),
      })
      .strict(),
  )
  .max(10_000);
const manifestHead = {
  format: z.literal(DOSSIER_FORMAT),
  generator: z.string().max(100),
  createdAt: z.iso.datetime(),
  template: z.enum(TEMPLATES),
  language: z.enum(DOSSIER_LANGUAGES),
  audience: audienceSchema,
  case: z.object({ reference: z.string().max(200) }).strict(),
  signer: z
    .object({ fingerprint: z.string().regex(/^[0-9A-F]{40}$/), userId: z.string().max(500) })
    .strict(),
  files: manifestFiles,
  evidence: manifestEvidence,
};

/**
 * The manifest Vigil writes (version 2). It lists what the dossier holds and
 * nothing of what it does not: no withheld items, no counts. Which evidence
 * files are originals is said file by file (`evidence[].copy`).
 */
export const manifestSchema = z
  .object({
    ...manifestHead,
    version: z.literal(DOSSIER_VERSION),
    options: z.object({ includePrivate: z.boolean() }).strict(),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;

/** Version 1, which dossiers made before listed what they withheld: still verified, never written. */
export const manifestV1Schema = z
  .object({
    ...manifestHead,
    version: z.literal(1),
    options: z.object({ includePrivate: z.boolean(), includeOriginals: z.boolean() }).strict(),
    withheld: z
      .array(
        z.object({
          what: z.string().max(500),
          reason: z.string().max(500),
          kind: z.enum(['person', 'name', 'testimony', 'field', 'evidence', 'metadata']),
        }),
      )
      .max(100_000),
  })
  .strict();

/** Any manifest a verifier accepts: the current version, or version 1. */
export const anyManifestSchema = z.discriminatedUnion('version', [
  manifestSchema,
  manifestV1Schema,
]);
export type AnyManifest = z.infer<typeof anyManifestSchema>;

/** The WGAD category argued and the argument for it. */
const categoryArgument = z
  .object({ argued: z.boolean().default(false), argument: longText.default('') })
  .strict()
  .default({ argued: false, argument: '' });

/**
 * Submissions saved before the organisation profile held the organisation's
 * name, address and contact here; migration 9 copied them into the profile.
 */
function dropLegacySubmitter(value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const { organisation: _o, address: _a, contact: _c, ...rest } = value as Record<string, unknown>;
  return rest;
}

/**
 * What the WGAD model questionnaire asks that is argument rather than fact:
 * the circumstances and the categories of arbitrariness (part IV), the
 * domestic remedies (part V) and the submitter (part VI). Kept per case in
 * the vault, edited by the lawyer, never invented by the template.
 */
export const wgadSubmissionSchema = z
  .object({
    circumstances: longText.default(''),
    categories: z
      .object({
        I: categoryArgument,
        II: categoryArgument,
        III: categoryArgument,
        IV: categoryArgument,
        V: categoryArgument,
      })
      .strict()
      .default({
        I: { argued: false, argument: '' },
        II: { argued: false, argument: '' },
        III: { argued: false, argument: '' },
        IV: { argued: false, argument: '' },
        V: { argued: false, argument: '' },
      }),
    domesticRemedies: longText.default(''),
    /** Why remedies were not pursued or were ineffective, when that is the case. */
    remediesNotExhaustedBecause: longText.default(''),
    /** Whether the matter is before another international procedure. */
    otherProcedures: longText.default(''),
    urgentAction: z.boolean().default(false),
    /**
     * Part VI beyond the organisation profile (which names the submitter for
     * every case): who signs for the organisation, and whether the source's
     * identity must be kept confidential from the government.
     */
    submitter: z
      .preprocess(
        dropLegacySubmitter,
        z
          .object({
            /** The person who signs the communication for the organisation. */
            name: lineText.default(''),
            confidential: z.boolean().default(true),
          })
          .strict(),
      )
      .default({ name: '', confidential: true }),
  })
  .strict();
export type WgadSubmission = z.output<typeof wgadSubmissionSchema>;
export type WgadSubmissionInput = z.input<typeof wgadSubmissionSchema>;

/** Where the questionnaire's parts are: I to VI, and the annexes. */
export const WGAD_SECTIONS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'annex'] as const;
export type WgadSection = (typeof WGAD_SECTIONS)[number];

/**
 * What an urgent appeal needs beyond the case facts: what is asked of the
 * authorities, and to whom to write. Kept per case in the vault (the
 * submissions table, under the template's name), written by the campaigner,
 * never invented by the template. An urgent appeal is published, so these
 * texts are released like every other one (names consent forbids replaced).
 */
export const urgentAppealSchema = z
  .object({
    /** Each request to the authorities, one sentence each ("Release … immediately and unconditionally"). */
    requests: boundedList(longText, 20).default([]),
    /** The authorities to write to: a title or name, and their postal or e-mail address. */
    addressees: boundedList(
      z.object({ name: lineText, address: longText.default('') }).strict(),
      20,
    ).default([]),
  })
  .strict();
export type UrgentAppeal = z.output<typeof urgentAppealSchema>;
export type UrgentAppealInput = z.input<typeof urgentAppealSchema>;

/** Where an urgent appeal's checklist items are: who, what happened, who is responsible, the requests, the addressees, and the page. */
export const APPEAL_SECTIONS = [
  'who',
  'what',
  'responsible',
  'requests',
  'addressees',
  'page',
] as const;
export type AppealSection = (typeof APPEAL_SECTIONS)[number];
/**
 * The regional bodies' templates (the European Court's application
 * material, the Inter-American Commission's petition and precautionary
 * measures, the African Commission's communication): each is laid out in the
 * sections of the body's own form, and its checklist items are named by
 * those sections.
 */
export const REGIONAL_TEMPLATES = [
  'echr',
  'iachr-petition',
  'iachr-precautionary',
  'achpr',
] as const;
export type RegionalTemplate = (typeof REGIONAL_TEMPLATES)[number];
export const REGIONAL_SECTIONS = [
  // The European Court's application form (Rule 47): A to I.
  'applicant',
  'state',
  'representative',
  'facts',
  'violations',
  'admissibility',
  'otherProcedures',
  'documents',
  'length',
  // The Inter-American Commission's petition (Rules art. 28) and precautionary measures (art. 25).
  'petitioner',
  'identity',
  'victims',
  'rights',
  'remedies',
  'timeLimit',
  'beneficiaries',
  'situation',
  'risk',
  'measures',
  'authorities',
  // The African Commission's communication (African Charter art. 56).
  'authors',
  'compatibility',
  'sources',
  'language',
] as const;
export type RegionalSection = (typeof REGIONAL_SECTIONS)[number];

/** The mechanism term each regional template is made for (its audience: consent for that body decides). */
export const REGIONAL_MECHANISMS: Record<RegionalTemplate, string> = {
  echr: 'echr',
  'iachr-petition': 'iachr',
  'iachr-precautionary': 'iachr',
  achpr: 'achpr',
};

/**
 * What a regional template needs beyond the case facts (which the case's
 * mechanism facts and records hold): the lawyer's arguments. Kept per case
 * and template in the submissions table, written by the lawyer, never
 * invented by the template, and released like every other free text.
 */
export const mechanismArgumentsSchema = z
  .object({
    /** Each complaint: the provision invoked ("Article 10", "Art. 13 of the American Convention") and how it was infringed. */
    violations: boundedList(
      z.object({ provision: lineText, argument: longText.default('') }).strict(),
      30,
    ).default([]),
    /** Precautionary measures: why the harm is imminent and irreparable. */
    risk: longText.default(''),
    /** Precautionary measures: each measure asked of the State. */
    measures: boundedList(longText, 20).default([]),
  })
  .strict();
export type MechanismArguments = z.output<typeof mechanismArgumentsSchema>;
export type MechanismArgumentsInput = z.input<typeof mechanismArgumentsSchema>;

/** Where a Special Procedures communication's checklist items are. */
export const SP_SECTIONS = [
  'sp-victims',
  'sp-violations',
  'sp-sources',
  'sp-consent',
  'sp-submitter',
] as const;
export type SpSection = (typeof SP_SECTIONS)[number];
/** A section of any template's checklist. */
export type ChecklistSection = WgadSection | AppealSection | RegionalSection | SpSection;

export const CHECKLIST_TARGETS = [
  'case',
  'person',
  'event',
  'testimony',
  'intervention',
  'submission',
  'organisation',
  'evidence',
] as const;

/**
 * One thing the questionnaire asks, for one person or for the communication:
 * present (`ok`) or missing. The document prints a `[missing]` cell exactly
 * for the items that are not ok; `vigil export --check` lists the same.
 */
export interface ChecklistItem {
  /** Stable id: `I:familyName:<person id>`, `IV:circumstances`. */
  id: string;
  part: ChecklistSection;
  /** The field asked, e.g. `familyName`, `arrest.forces`, `organisation.email`. */
  field: string;
  /** The person it is about (their name in the vault), or null. */
  person: string | null;
  /** The questionnaire's label, in the dossier's language (as the document prints it). */
  label: string;
  ok: boolean;
  /** Where to fix it: a record kind and id (null for the submission's own fields). */
  target: {
    kind: (typeof CHECKLIST_TARGETS)[number];
    id: string | null;
    field: string | null;
  };
}

/** A required item the document marks missing, as `vigil export --check --json` lists it. */
export interface MissingItem {
  section: ChecklistSection;
  person: string | null;
  field: string;
  label: string;
}

export function missingItems(checklist: readonly ChecklistItem[]): MissingItem[] {
  return checklist
    .filter((item) => !item.ok)
    .map((item) => ({
      section: item.part,
      person: item.person,
      field: item.field,
      label: item.label,
    }));
}

export interface ConsentStatus {
  personId: string;
  /** The person's name as recorded in the vault (for the sender; never written to the dossier). */
  name: string;
  /** How the person appears in the dossier: the printed name, initials, pseudonym, or null when not named. */
  shownAs: string | null;
  /** How the dossier refers to the person (`shownAs`, or "Person 1"); null when they do not appear. */
  label: string | null;
  roles: string[];
  consent: 'recorded' | 'missing' | 'withdrawn' | 'not-needed';
  /** Whether the person appears in the dossier at all. */
  covers: boolean;
  reasons: string[];
  /** The reasons as codes, one for one. */
  why: ConsentRefusalReason[];
}

/** One original chosen to go as it is, and what its metadata reveals. */
export interface OriginalReveal {
  id: string;
  /** The file's name at intake (for the sender; the dossier calls it evidence/E01.jpg). */
  name: string;
  type: string;
  /** Whether Vigil could read the file's metadata; when it could not, nothing is known to be safe. */
  readable: boolean;
  unreadableReason: string | null;
  reveals: {
    group: 'location' | 'device' | 'people' | 'time' | 'other';
    /** The field's key, which the UI names in the user's language (shared/metadataFields). */
    key: string;
    label: string;
    value: string;
    /** The name form of a person this audience may not see, when the value holds one. */
    forbiddenName: string | null;
  }[];
  /** True when a value names someone consent forbids this audience to see. */
  forbidden: boolean;
}

export interface ExportPreview {
  template: Template;
  audience: Audience;
  /** Every item the template's checklist asks (WGAD, urgent appeal), present or missing. */
  checklist: ChecklistItem[];
  /** The items the document marks missing: the checklist's items that are not ok. */
  missing: MissingItem[];
  /** Whether nothing required is missing: `missing` is empty. */
  complete: boolean;
  /** Whether the vault holds the organisation's key that signs every dossier. */
  signingKey: boolean;
  consent: ConsentStatus[];
  /** The withholding report: shown to the sender, kept in the vault, never exported. */
  withheld: WithheldItem[];
  /** Texts whose release version must be settled before the export may go on. */
  release: ReleaseIssueView[];
  evidence: {
    id: string;
    /** The file's name at intake (for the sender). */
    name: string;
    type: string;
    copy: 'stripped' | 'original' | 'withheld';
    reason: string | null;
  }[];
  /** The originals chosen to go unstripped, and what each one reveals. */
  originals: OriginalReveal[];
}
