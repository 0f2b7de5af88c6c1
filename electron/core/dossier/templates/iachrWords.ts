/**
 * What the Inter-American Commission's templates print, in each dossier
 * language: the petition in the order of article 28 of the Commission's
 * Rules of Procedure, and the request for precautionary measures in the
 * order of article 25. The Commission works in Spanish, English,
 * Portuguese and French; the other languages serve the lawyer.
 */
export interface IachrWords {
  petitionTitle: string;
  petitionNotice: string;
  precautionaryTitle: string;
  precautionaryNotice: string;
  noticeTitle: string;
  petitioner: string;
  petitionerIntro: string;
  organisation: string;
  address: string;
  contact: string;
  identity: string;
  /** The row: "Identity withheld from the State (art. 28(2))". */
  identityRow: string;
  /** When withheld: the petition names the petitioner only in the confidential annex. */
  identityWithheld: string;
  identityDisclosed: string;
  /** The annex that holds the petitioner's identity when it is withheld from the State. */
  confidentialAnnex: string;
  confidentialAnnexIntro: string;
  /** The check that the petitioner's name appears nowhere else: "The petitioner's name only in the confidential annex". */
  identityKept: string;
  /** Withheld identity: what the dossier's signature says of the petitioner, in the annex. */
  signerNote: string;
  /** The row: the signing key's user id does not name the petitioner. */
  signerKept: string;
  /** Its value when the key's user id names neither the organisation nor its e-mail. */
  signerNeutral: string;
  facts: string;
  factsIntro: string;
  factsRow: string;
  victims: string;
  victimsIntro: string;
  namedVictim: string;
  state: string;
  states: string;
  rights: string;
  rightsIntro: string;
  rightsRow: string;
  /** "How {provision} was violated". */
  argument: string;
  remedies: string;
  remediesIntro: string;
  remediesRow: string;
  timeLimit: string;
  timeLimitRow: string;
  /** "Final decision notified on {decision}: the six months end on {due}". */
  dueOn: string;
  daysLeft: string;
  daysLate: string;
  /** Art. 32(2): remedies unavailable or ineffective, the petition is lodged within a reasonable time. */
  reasonableTime: string;
  otherProcedures: string;
  otherProceduresIntro: string;
  otherProceduresRow: string;
  documents: string;
  documentsRow: string;
  requester: string;
  beneficiaries: string;
  beneficiariesIntro: string;
  beneficiariesRow: string;
  /** A beneficiary's consent to the request: "Consent to this request". */
  consent: string;
  consentGiven: string;
  situation: string;
  situationIntro: string;
  risk: string;
  riskRow: string;
  measures: string;
  measuresRow: string;
  authorities: string;
  authoritiesIntro: string;
  authoritiesRow: string;
  preparedBy: string;
  preparedOn: string;
}
