import { z } from 'zod';
import { lineText, longText } from './text';

// What may be corrected of an evidence item after intake: the words around
// it (title, description, provenance). The file, its hash and the metadata
// read from it are facts of the file and never change.

export const EVIDENCE_EDIT_FIELDS = ['title', 'description', 'source'] as const;

/** A patch: only the fields given change; null or an empty text clears one. */
export const evidenceEditSchema = z
  .object({
    title: lineText.nullable(),
    description: longText.nullable(),
    /** Provenance: where and from whom the file came. */
    source: longText.nullable(),
  })
  .partial()
  .strict();
export type EvidenceEditInput = z.input<typeof evidenceEditSchema>;
