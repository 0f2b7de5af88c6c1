import type { DatePrecision, PartialDate } from './partialDate';

/** What produced a timeline entry. Modules add their own (the evidence store adds `evidence-capture`). */
export type TimelineKind =
  | 'event'
  | 'testimony'
  | 'intervention-sent'
  | 'intervention-response'
  | 'intervention-follow-up'
  | (string & {});

export interface TimelineEntry {
  kind: TimelineKind;
  /** The record type the id belongs to: `event`, `testimony`, `intervention`, `evidence`… */
  recordType: string;
  id: string;
  caseId: string;
  date: PartialDate;
  /** The end, for events that last (a detention). */
  end: PartialDate | null;
  /** Orders entries (see partialDate.ts for the rules); ties keep the kind order, then the title. */
  sortKey: string;
  precision: DatePrecision;
  /** Anything but an exact full date. */
  uncertain: boolean;
  title: string;
  /** A short second line: the place, the recipient, the witness. */
  detail: string;
}
