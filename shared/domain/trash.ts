// The kinds of record that deleting moves to the trash (electron/core/records/trash.ts).
export const TRASH_KINDS = [
  'case',
  'person',
  'event',
  'testimony',
  'intervention',
  'evidence',
] as const;
export type TrashKind = (typeof TRASH_KINDS)[number];
