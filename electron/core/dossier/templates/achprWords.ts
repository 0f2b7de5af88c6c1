/**
 * What the African Commission's communication prints, in each dossier
 * language: the parts article 56 of the African Charter makes conditions of
 * admissibility, in its order. The Commission works in English, French,
 * Arabic and Portuguese; Spanish and Russian serve the lawyer.
 */
export interface AchprWords {
  title: string;
  noticeTitle: string;
  notice: string;
  authors: string;
  authorsIntro: string;
  organisation: string;
  address: string;
  contact: string;
  /** The row: whether the authors ask that their identity be kept from the State. */
  anonymityRow: string;
  anonymityAsked: string;
  anonymityNotAsked: string;
  state: string;
  states: string;
  /** The row: every State named is a party to the Charter. */
  partyRow: string;
  /** "Not a party to the African Charter: {states}" */
  notParty: string;
  victims: string;
  victimsIntro: string;
  namedVictim: string;
  facts: string;
  factsIntro: string;
  factsRow: string;
  rights: string;
  rightsIntro: string;
  rightsRow: string;
  /** "How {provision} was violated". */
  argument: string;
  remedies: string;
  remediesIntro: string;
  remediesRow: string;
  finalDecision: string;
  timeLimit: string;
  timeLimitIntro: string;
  timeLimitRow: string;
  /** Remedies unavailable, ineffective or unduly prolonged: no final decision to count from. */
  noFinalDecision: string;
  sources: string;
  sourcesIntro: string;
  sourcesRow: string;
  firstHand: string;
  otherProcedures: string;
  otherProceduresIntro: string;
  otherProceduresRow: string;
  /** When another body has decided the matter: "Decided by another international body: {procedures}". */
  settled: string;
  language: string;
  languageIntro: string;
  languageRow: string;
  languageClear: string;
  /** A listed word found: "Disparaging or insulting word “{word}” in {where}: rephrase it". */
  insult: string;
  documents: string;
  documentsRow: string;
  preparedBy: string;
  preparedOn: string;
}
