import { DEFAULT_CONSENT, type ConsentRecord } from '../../../../shared/domain/consent';
import type { PartialDate } from '../../../../shared/domain/partialDate';
import { dateDraftOf, EMPTY_DATE_DRAFT, type DateDraft } from '../../logic/partialDateText';
import type { CasePerson } from '../../lib/types';

/** An identity document while being edited. */
export interface IdDocumentDraft {
  type: string;
  number: string;
  issuedBy: string;
  country: string | null;
  issuedOn: DateDraft;
}

export const NEW_ID_DOCUMENT: IdDocumentDraft = {
  type: 'passport',
  number: '',
  issuedBy: '',
  country: null,
  issuedOn: EMPTY_DATE_DRAFT,
};

/** A person while being edited: text as typed, dates as drafts. */
export interface PersonDraft {
  role: string;
  personType: string;
  name: string;
  familyName: string;
  givenName: string;
  familyNameLatin: string;
  givenNameLatin: string;
  aliases: string;
  pseudonym: string;
  sex: string | null;
  birthDate: DateDraft;
  age: string;
  nationalities: string[];
  idDocuments: IdDocumentDraft[];
  occupation: string;
  hrdWork: string[];
  affiliation: string;
  residence: string;
  phone: string;
  email: string;
  messaging: string;
  address: string;
  deceased: boolean;
  deathDate: DateDraft;
  notes: string;
  hasConsent: boolean;
  consent: ConsentRecord;
}

export const NEW_PERSON: PersonDraft = {
  role: 'victim',
  personType: 'individual',
  name: '',
  familyName: '',
  givenName: '',
  familyNameLatin: '',
  givenNameLatin: '',
  aliases: '',
  pseudonym: '',
  sex: null,
  birthDate: EMPTY_DATE_DRAFT,
  age: '',
  nationalities: [],
  idDocuments: [],
  occupation: '',
  hrdWork: [],
  affiliation: '',
  residence: '',
  phone: '',
  email: '',
  messaging: '',
  address: '',
  deceased: false,
  deathDate: EMPTY_DATE_DRAFT,
  notes: '',
  hasConsent: false,
  consent: { ...DEFAULT_CONSENT, mechanisms: [] },
};

export function personDraftOf(person: CasePerson, locale: string): PersonDraft {
  return {
    role: person.roles[0] ?? 'victim',
    personType: person.personType,
    name: person.name,
    familyName: person.familyName,
    givenName: person.givenName,
    familyNameLatin: person.familyNameLatin,
    givenNameLatin: person.givenNameLatin,
    aliases: person.aliases.join(', '),
    pseudonym: person.pseudonym,
    sex: person.sex,
    birthDate: dateDraftOf(person.birthDate, locale),
    age: person.age === null ? '' : String(person.age),
    nationalities: [...person.nationalities],
    idDocuments: person.identityDocuments.map((d) => ({
      type: d.type,
      number: d.number,
      issuedBy: d.issuedBy,
      country: d.country,
      issuedOn: dateDraftOf(d.issuedOn, locale),
    })),
    occupation: person.occupation,
    hrdWork: [...person.hrdWork],
    affiliation: person.affiliation,
    residence: person.residence,
    phone: person.contact.phone,
    email: person.contact.email,
    messaging: person.contact.messaging,
    address: person.contact.address,
    deceased: person.deceased,
    deathDate: dateDraftOf(person.deathDate, locale),
    notes: person.notes,
    hasConsent: person.consent !== null,
    consent: person.consent ?? { ...DEFAULT_CONSENT, mechanisms: [] },
  };
}

export function personFields(
  draft: PersonDraft,
  dates: {
    birthDate: PartialDate | null;
    deathDate: PartialDate | null;
    /** The issue date of each identity document, in the draft's order. */
    issuedOn: (PartialDate | null)[];
  },
) {
  const age = draft.age.trim() === '' ? null : Number(draft.age);
  return {
    personType: draft.personType,
    name: draft.name,
    familyName: draft.familyName,
    givenName: draft.givenName,
    familyNameLatin: draft.familyNameLatin,
    givenNameLatin: draft.givenNameLatin,
    aliases: draft.aliases
      .split(/[,،;]/)
      .map((a) => a.trim())
      .filter(Boolean),
    pseudonym: draft.pseudonym,
    sex: draft.sex,
    birthDate: dates.birthDate,
    age: age !== null && Number.isInteger(age) ? age : null,
    nationalities: draft.nationalities,
    identityDocuments: draft.idDocuments.map((d, i) => ({
      type: d.type,
      number: d.number,
      issuedBy: d.issuedBy,
      country: d.country,
      issuedOn: dates.issuedOn[i] ?? null,
    })),
    occupation: draft.occupation,
    hrdWork: draft.hrdWork,
    affiliation: draft.affiliation,
    residence: draft.residence,
    contact: {
      phone: draft.phone,
      email: draft.email,
      messaging: draft.messaging,
      address: draft.address,
      other: '',
    },
    deceased: draft.deceased,
    deathDate: draft.deceased ? dates.deathDate : null,
    notes: draft.notes,
    consent: draft.hasConsent ? draft.consent : null,
  };
}
