/**
 * What the European Court template prints, in each dossier language: the
 * sections of the Court's application form (Rule 47 of the Rules of Court,
 * form version 2021 and later: A, B, C, E, F, G, H, I), the material's
 * warning that only the official form is examined, and the checklist's
 * labels, which are the same words. The Court's official languages are
 * English and French; the others serve the lawyer who transfers the material.
 */
export interface EchrWords {
  title: string;
  /** Between the applicant and the State in the case's name: "v.", "c.", "ضد". */
  versus: string;
  noticeTitle: string;
  notice: string;
  applicant: string;
  applicantIntro: string;
  /** The checklist's item when no one may be named as applicant: "An applicant named in full with consent". */
  namedApplicant: string;
  /** "Full name". */
  name: string;
  /** The gap when consent shows only initials: "Full name (consent for the Court allows only initials or a pseudonym)". */
  fullName: string;
  address: string;
  state: string;
  states: string;
  representative: string;
  representativeIntro: string;
  organisation: string;
  contact: string;
  facts: string;
  factsIntro: string;
  factsRow: string;
  violations: string;
  violationsIntro: string;
  /** The checklist's item when no complaint is written: "At least one complaint, with the Article invoked". */
  violationsRow: string;
  /** "How {provision} was infringed". */
  argument: string;
  admissibility: string;
  admissibilityIntro: string;
  finalDecision: string;
  remedies: string;
  timeLimit: string;
  /** "Final decision on {decision}: the four months end on {due}". */
  dueOn: string;
  /** "{days} days left" / "{days} days late". */
  daysLeft: string;
  daysLate: string;
  otherProcedures: string;
  otherProceduresIntro: string;
  otherProceduresRow: string;
  documents: string;
  documentsIntro: string;
  documentsRow: string;
  /** The checklist's item on length: "Within the 20 pages of an annex ({pages} now)". */
  length: string;
  /** "Prepared by {organisation} on {date}." / "Prepared on {date}." */
  preparedBy: string;
  preparedOn: string;
}
