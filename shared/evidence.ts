import type { KeptReason } from './metadataFields';

/** Evidence as the UI and the CLI see it (never the blob key). */
export type EvidenceKind = 'original' | 'stripped' | 'redacted';

export interface EvidenceMetadataField {
  group: string;
  key: string;
  label: string;
  value: string;
  risky: boolean;
  /** Set when the value is binary data: its length in bytes. */
  binaryBytes?: number;
}

/**
 * Why an evidence file failed its integrity check, as a code the UI words
 * (`evidence.integrity.<code>`); the core's English sentence goes beside it.
 */
export const INTEGRITY_PROBLEMS = ['missing', 'damaged', 'unreadable', 'size', 'hash'] as const;
export type IntegrityProblem = (typeof INTEGRITY_PROBLEMS)[number];

export interface EvidenceItem {
  id: string;
  caseId: string;
  parentId: string | null;
  kind: EvidenceKind;
  sha256: string;
  size: number;
  type: string;
  mime: string;
  originalName: string | null;
  title: string | null;
  description: string | null;
  source: string | null;
  intakeAt: string;
  intakeBy: string;
  capture: {
    time: string | null;
    latitude: number | null;
    longitude: number | null;
    altitude: number | null;
  };
  /** Metadata found in the file at intake (for originals) or left on purpose (for working copies). */
  metadata: EvidenceMetadataField[];
  /**
   * False when Vigil could not read the file's metadata (a format it does not
   * understand, a damaged file): `metadata` is then not the whole truth, and
   * an empty list means "unknown", never "nothing found".
   */
  metadataReadable: boolean;
  /** Why the metadata could not be read (English, from the core), or null. */
  metadataProblem: string | null;
  /** For working copies: what stripping removed and kept. */
  stripReport: {
    removed: EvidenceMetadataField[];
    kept: { key: string; label: string; value?: string; reason: string; code?: KeptReason }[];
  } | null;
  derivatives: string[];
}

export interface IntakeResult {
  id: string;
  sha256: string;
  size: number;
  type: string;
  /** True when the same file was already in this case: nothing new was stored. */
  duplicate: boolean;
}

export interface CustodyEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
  hash: string;
}
