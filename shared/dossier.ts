import { z } from 'zod';
import { audienceSchema, type Audience } from './domain/audience';
import { lineText, longText } from './domain/text';
import type { ReleaseIssueView } from './release';

/**
 * Dossiers: what a signed export holds (the manifest), what the WGAD template
 * needs beyond the case facts (the submission's arguments), and the choices
 * an export takes. Shared so the UI's export wizard shows exactly what the
 * core will do.
 */
export const DOSSIER_FORMAT = 'vigil-dossier';
export const DOSSIER_VERSION = 1;
export const TEMPLATES = ['generic', 'wgad'] as const;
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

export const withheldItemSchema = z.object({
  /** What was left out, named without identifying anyone: "testimony T3", "person P2's name". */
  what: z.string().max(500),
  reason: z.string().max(500),
  kind: z.enum(['person', 'name', 'testimony', 'field', 'evidence', 'metadata']),
});
export type WithheldItem = z.infer<typeof withheldItemSchema>;

export const manifestSchema = z
  .object({
    format: z.literal(DOSSIER_FORMAT),
    version: z.literal(DOSSIER_VERSION),
    generator: z.string().max(100),
    createdAt: z.iso.datetime(),
    template: z.enum(TEMPLATES),
    language: z.enum(DOSSIER_LANGUAGES),
    audience: audienceSchema,
    case: z.object({ reference: z.string().max(200) }).strict(),
    signer: z
      .object({ fingerprint: z.string().regex(/^[0-9A-F]{40}$/), userId: z.string().max(500) })
      .strict(),
    options: z.object({ includePrivate: z.boolean(), includeOriginals: z.boolean() }).strict(),
    files: z
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
      .max(10_000),
    evidence: z
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
      .max(10_000),
    withheld: z.array(withheldItemSchema).max(100_000),
  })
  .strict();
export type Manifest = z.infer<typeof manifestSchema>;

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
  part: WgadSection;
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
  section: WgadSection;
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
  /** How the person appears in the dossier: the printed name, initials, pseudonym, or null when withheld. */
  shownAs: string | null;
  roles: string[];
  consent: 'recorded' | 'missing' | 'withdrawn' | 'not-needed';
  covers: boolean;
  reasons: string[];
}

export interface ExportPreview {
  template: Template;
  audience: Audience;
  /** Every item the questionnaire asks (WGAD only), present or missing. */
  checklist: ChecklistItem[];
  /** The items the document marks missing: the checklist's items that are not ok. */
  missing: MissingItem[];
  consent: ConsentStatus[];
  withheld: WithheldItem[];
  /** Texts whose release version must be settled before the export may go on. */
  release: ReleaseIssueView[];
  evidence: {
    id: string;
    type: string;
    copy: 'stripped' | 'original' | 'withheld';
    reason: string | null;
  }[];
}
