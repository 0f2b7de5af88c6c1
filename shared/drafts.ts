/**
 * Unsaved work the renderer holds in memory, by kind. Only these counts ever
 * reach main (never a word of the draft), so that after a lock the next
 * unlock can say what was discarded.
 */
export const DRAFT_KINDS = [
  'case',
  'person',
  'event',
  'testimony',
  'intervention',
  'submission',
  /** The case's facts for the mechanisms (the case screen). */
  'facts',
  /** A regional body's arguments (the export wizard). */
  'arguments',
  /** An urgent appeal's requests and addressees (the export wizard). */
  'appeal',
] as const;

export type DraftKind = (typeof DRAFT_KINDS)[number];

export type DraftCounts = Partial<Record<DraftKind, number>>;
