import type { DossierLanguage } from '../../../../shared/dossier';
import { DOSSIER_WORDS } from '../../../../shared/i18n/dossier';
import type { AchprWords } from './achprWords';
import type { AppealWords } from './appealWords';
import type { EchrWords } from './echrWords';
import type { IachrWords } from './iachrWords';
import type { RegionalWords } from './regionalWords';
import type { SpWords } from './spWords';
import type { WgadWords } from './wgadWords';

/**
 * What the templates print, in each dossier language. Field labels follow the
 * wording of the WGAD model questionnaire; check them against the body's
 * current official form before relying on them in a filing.
 */
export interface Words {
  person: string; // "Person {n}"
  anonymousWitness: string;
  yes: string;
  no: string;
  unknown: string;
  ongoing: string;
  approximately: string; // "approximately {date}"
  before: string; // "before {date}"
  after: string; // "after {date}"
  dateUnknown: string;
  none: string;
  reference: string;
  generatedOn: string; // "Prepared on {date}"
  generic: {
    title: string;
    summary: string;
    status: string;
    countries: string;
    persons: string;
    events: string;
    testimonies: string;
    interventions: string;
    evidence: string;
    noRecords: string;
  };
  field: {
    name: string;
    roles: string;
    type: string;
    sex: string;
    age: string;
    birthDate: string;
    nationalities: string;
    identityDocuments: string;
    occupation: string;
    hrdWork: string;
    affiliation: string;
    residence: string;
    deceased: string;
    date: string;
    end: string;
    place: string;
    description: string;
    victims: string;
    perpetrators: string;
    sources: string;
    witness: string;
    takenOn: string;
    language: string;
    method: string;
    statement: string;
    translation: string;
    recipient: string;
    mechanism: string;
    sentOn: string;
    status: string;
    response: string;
    responseOn: string;
    outcome: string;
    followUp: string;
    file: string;
    copy: string;
    sha256: string;
    stripped: string;
    original: string;
  };
  wgad: WgadWords;
  appeal: AppealWords;
  echr: EchrWords;
  iachr: IachrWords;
  achpr: AchprWords;
  regional: RegionalWords;
  sp: SpWords;
}

/**
 * The words of every language, from the locale files (`dossier.json`). Each
 * language's JSON keeps its own type, so assigning it here has the compiler
 * check that every language has every key of `Words`.
 */
export const WORDS: Record<DossierLanguage, Words> = DOSSIER_WORDS;
