/**
 * The fixed text of a WGAD communication, in the Working Group's working
 * languages (English, French, Spanish) and in Arabic and Russian. Field
 * labels follow the wording of the model questionnaire; check them against
 * the Working Group's current form before relying on them in a filing.
 * `{name}` and the like are filled in by the template.
 */
export interface WgadWords {
  title: string;
  subtitle: string;
  concerning: string;
  preparedOn: string;
  urgentAction: string;
  noDetention: string;
  /** "Detained person {n}: {name}" */
  detainee: string;

  part1: string;
  name: string;
  familyName: string;
  firstName: string;
  familyNameLatin: string;
  firstNameLatin: string;
  sex: string;
  birth: string;
  birthWithAge: string;
  ageOnly: string;
  nationality: string;
  idDocument: string;
  idIssuedBy: string;
  idIssuedOn: string;
  idNumber: string;
  profession: string;
  residence: string;

  part2: string;
  arrestDate: string;
  arrestPlace: string;
  arrestForces: string;
  warrantShown: string;
  warrantAuthority: string;
  arrestReasons: string;
  arrestLegalBasis: string;

  part3: string;
  detentionDate: string;
  detentionDuration: string;
  durationHeld: string;
  durationHeldNoLength: string;
  durationEnded: string;
  durationEndedNoLength: string;
  approximately: string;
  detentionForces: string;
  detentionPlaces: string;
  placeFromTo: string;
  placeFrom: string;
  placeUntil: string;
  presentPlace: string;
  presentPlaceLabel: string;
  detentionAuthority: string;
  detentionReasons: string;
  detentionLegalBasis: string;
  legalCounsel: string;
  familyInformed: string;
  broughtBeforeJudge: string;

  part4: string;
  circumstances: string;
  chronology: string;
  perpetrators: string;
  statements: string;
  statementsIntro: string;
  statementEntry: string;
  inLanguage: string;
  withTranslation: string;
  categories: Record<'I' | 'II' | 'III' | 'IV' | 'V', string>;
  categoryArgued: string;

  part5: string;
  remedies: string;
  remediesNotExhausted: string;
  domesticSteps: string;
  otherProcedures: string;

  part6: string;
  orgName: string;
  orgAddress: string;
  orgEmail: string;
  orgPhone: string;
  orgContact: string;
  signatory: string;
  submissionDate: string;
  signature: string;
  sourceConfidential: string;

  consent: string;
  consentGivenBy: string;
  givenBy: Record<'self' | 'family-member' | 'legal-representative', string>;
  consentDate: string;
  consentForm: string;
  forms: Record<'oral' | 'written' | 'recorded', string>;
  knowsGovernment: string;
  publicName: string;
  namings: Record<'name' | 'initials' | 'pseudonym', string>;

  annex: string;
  annexStatements: string;
  statement: string;
  witness: string;
  takenOn: string;
  language: string;
  method: string;
  original: string;
  translationInto: string;
  annexEvidence: string;
  evidenceIntro: string;
  evidenceNumber: string;
  evidenceDescription: string;
  evidenceFile: string;
  capturedOn: string;
  copyStripped: string;
  copyOriginal: string;
  /** Labels the generic report borrows for detention details. */
  detentionDetails: {
    forces: string;
    warrantShown: string;
    authority: string;
    reasons: string;
    legalBasis: string;
    places: string;
  };
}
