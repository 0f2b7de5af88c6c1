import type { ProcedureStatus, RemedyStatus } from '../../../../shared/mechanismFacts';

/**
 * Words the regional bodies' templates share when they print the case's
 * mechanism facts: where domestic remedies stand, where another procedure
 * stands, the days of the final decision.
 */
export interface RegionalWords {
  remedyStatus: Record<RemedyStatus, string>;
  procedureStatus: Record<ProcedureStatus, string>;
  /** "decided on {date}" */
  decidedOn: string;
  /** "notified on {date}" */
  notifiedOn: string;
  /** "seized on {date}" */
  seizedOn: string;
  /** When the mechanism facts were recorded with no other procedure: "None". */
  noOtherProcedures: string;
}
