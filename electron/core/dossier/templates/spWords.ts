/**
 * What the Special Procedures communication prints, in each dossier
 * language: the sections OHCHR's submission form asks for (alleged victims,
 * the violations and their link to human-rights work, alleged perpetrators,
 * action by the authorities, consent, the confidential submitter) and the
 * checklist's labels, which are the same words.
 */
export interface SpWords {
  title: string;
  /** An urgent appeal is asked for (ongoing or imminent violations). */
  urgent: string;
  /** An allegation letter is asked for (violations that have taken place). */
  allegation: string;
  mandates: string;
  states: string;
  victims: string;
  /** An organisation's nature and scope of work. */
  natureOfWork: string;
  violations: string;
  /** "Violation {n}". */
  violation: string;
  hrdLink: string;
  perpetrators: string;
  authorities: string;
  finalDecision: string;
  decidedOn: string;
  notifiedOn: string;
  remedies: string;
  remedyStatus: Record<'exhausted' | 'pending' | 'unavailable' | 'ineffective', string>;
  steps: string;
  whyNot: string;
  informedOfRisk: string;
  informedHow: string;
  otherProcedures: string;
  procedureStatus: Record<'pending' | 'decided' | 'closed' | 'withdrawn', string>;
  consent: string;
  knowsGovernment: string;
  publicName: string;
  fullName: string;
  initials: string;
  pseudonym: string;
  submitter: string;
  confidential: string;
  submittedOn: string;
  /** Checklist labels. */
  identifiedVictim: string;
  identifiedSubmitter: string;
  firstHand: string;
}
