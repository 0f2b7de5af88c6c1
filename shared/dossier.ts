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
    submitter: z
      .object({
        name: lineText.default(''),
        organisation: lineText.default(''),
        address: longText.default(''),
        contact: lineText.default(''),
        /** Whether the source's identity must be kept confidential from the government. */
        confidential: z.boolean().default(true),
      })
      .strict()
      .default({ name: '', organisation: '', address: '', contact: '', confidential: true }),
  })
  .strict();
export type WgadSubmission = z.output<typeof wgadSubmissionSchema>;
export type WgadSubmissionInput = z.input<typeof wgadSubmissionSchema>;

/** One line of the admissibility checklist, pointing at the record or field to complete. */
export interface ChecklistItem {
  id: string;
  part: string;
  label: string;
  ok: boolean;
  /** Where to fix it: a record kind and id (null for the submission's own fields). */
  target: {
    kind: 'case' | 'person' | 'event' | 'testimony' | 'intervention' | 'submission';
    id: string | null;
    field: string | null;
  };
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
  checklist: ChecklistItem[];
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
