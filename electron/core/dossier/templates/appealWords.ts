/**
 * What the urgent appeal prints, in each dossier language: the headings of
 * the one page NGO networks publish (who, what happened, who is responsible,
 * what is asked of the authorities, to whom to write) and the checklist's
 * labels, which are the same words.
 */
export interface AppealWords {
  title: string;
  who: string;
  /** A defender's work as a defender (the human-rights work recorded, and the profession). */
  work: string;
  organisation: string;
  /** The checklist's item when no defender may be named: "A defender named with consent to publication". */
  namedDefender: string;
  what: string;
  /** The checklist's item when the case holds no facts: "What happened". */
  facts: string;
  responsible: string;
  requests: string;
  requestsIntro: string;
  addressees: string;
  /** "Issued by {organisation} on {date}." */
  issuedBy: string;
  /** "Issued on {date}." (no organisation profile). */
  issuedOn: string;
  /** The checklist's item on length: "Fits on one page ({pages} now)". */
  onePage: string;
}
