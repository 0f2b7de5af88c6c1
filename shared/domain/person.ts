import { problem as named } from './issues';
import { z } from 'zod';
import { consentSchema } from './consent';
import { countryCode } from './countries';
import { endBeforeStartProblem, partialDateSchema } from './partialDate';
import {
  boundedList,
  lineText,
  longText,
  pageShape,
  recordId,
  requiredLine,
  termId,
  timestamp,
} from './text';

export const identityDocumentSchema = z
  .object({
    /** `identity-document-type` term. */
    type: termId,
    number: lineText.default(''),
    issuedBy: lineText.default(''),
    country: countryCode.nullable().default(null),
    issuedOn: partialDateSchema.nullable().default(null),
  })
  .strict();

export const contactSchema = z
  .object({
    phone: lineText.default(''),
    email: lineText.default(''),
    messaging: lineText.default(''),
    address: longText.default(''),
    other: longText.default(''),
  })
  .strict();

export const EMPTY_CONTACT = Object.freeze({
  phone: '',
  email: '',
  messaging: '',
  address: '',
  other: '',
});

export const personFields = {
  /** `person-type` term: individual, group or organisation. */
  personType: termId,
  /** The name as commonly written (an organisation's or group's name for those). */
  name: requiredLine,
  /** Family name and given name(s), in the person's own script (李 / 英俊, الحسيني / عبد الله). */
  familyName: lineText,
  givenName: lineText,
  /**
   * The same in Latin letters, as the person or their passport writes them
   * (Li / Yingjun); empty when the own-script names are already Latin.
   */
  familyNameLatin: lineText,
  givenNameLatin: lineText,
  /** Other names, spellings and transliterations (e.g. أحمد / Ahmed / Ахмед). */
  aliases: boundedList(requiredLine, 50),
  pseudonym: lineText,
  /** `sex-gender` term. */
  sex: termId.nullable(),
  birthDate: partialDateSchema.nullable(),
  /** Age at the time of the events, when the birth date is not known. */
  age: z.number().int().min(0).max(150).nullable(),
  nationalities: boundedList(countryCode, 10),
  identityDocuments: boundedList(identityDocumentSchema, 20),
  /** Profession or activity in the person's own words. */
  occupation: lineText,
  /** `hrd-work` terms: the human-rights work that may explain what happened to them. */
  hrdWork: boundedList(termId, 30),
  affiliation: lineText,
  /** Address of usual residence. */
  residence: longText,
  contact: contactSchema,
  deceased: z.boolean(),
  deathDate: partialDateSchema.nullable(),
  notes: longText,
  /** Whether and how the person may be named in outputs; null when not recorded. */
  consent: consentSchema.nullable(),
};

export function checkPerson(
  person: {
    deceased?: boolean;
    deathDate?: z.output<typeof partialDateSchema> | null;
    birthDate?: z.output<typeof partialDateSchema> | null;
  },
  ctx: z.RefinementCtx,
): void {
  if (person.deathDate && person.deceased === false) {
    ctx.addIssue({
      code: 'custom',
      path: ['deathDate'],
      message: 'is set but the person is not marked deceased',
    });
  }
  if (person.deathDate && person.birthDate) {
    const problem = endBeforeStartProblem(person.birthDate, person.deathDate, 'the birth date');
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: ['deathDate'],
        message: problem,
        params: named('end-before-start'),
      });
  }
}

export const personCreateShape = {
  personType: personFields.personType.default('individual'),
  name: personFields.name,
  familyName: personFields.familyName.default(''),
  givenName: personFields.givenName.default(''),
  familyNameLatin: personFields.familyNameLatin.default(''),
  givenNameLatin: personFields.givenNameLatin.default(''),
  aliases: personFields.aliases.default([]),
  pseudonym: personFields.pseudonym.default(''),
  sex: personFields.sex.default(null),
  birthDate: personFields.birthDate.default(null),
  age: personFields.age.default(null),
  nationalities: personFields.nationalities.default([]),
  identityDocuments: personFields.identityDocuments.default([]),
  occupation: personFields.occupation.default(''),
  hrdWork: personFields.hrdWork.default([]),
  affiliation: personFields.affiliation.default(''),
  residence: personFields.residence.default(''),
  contact: personFields.contact.default({ ...EMPTY_CONTACT }),
  deceased: personFields.deceased.default(false),
  deathDate: personFields.deathDate.default(null),
  notes: personFields.notes.default(''),
  consent: personFields.consent.default(null),
};

export const personCreateSchema = z.object(personCreateShape).strict().superRefine(checkPerson);

export const personUpdateSchema = z
  .object(personFields)
  .partial()
  .strict()
  .superRefine(checkPerson);

export const personRecordSchema = z
  .object({ id: recordId, ...personFields, createdAt: timestamp, updatedAt: timestamp })
  .strict()
  .superRefine(checkPerson);

/** Persons (all, or those of one case, optionally in one role). */
export const personListQuerySchema = z
  .object({ caseId: recordId.optional(), role: termId.optional(), ...pageShape })
  .strict();
export type PersonListQuery = z.input<typeof personListQuerySchema>;

export type PersonCreate = z.input<typeof personCreateSchema>;
export type PersonUpdate = z.input<typeof personUpdateSchema>;
export type PersonRecord = z.output<typeof personRecordSchema>;
export type IdentityDocument = z.output<typeof identityDocumentSchema>;
export type ContactDetails = z.output<typeof contactSchema>;

/** A person's link to a case: one row per role. */
export const casePersonLinkSchema = z
  .object({ caseId: recordId, personId: recordId, role: termId })
  .strict();
export type CasePersonLink = z.output<typeof casePersonLinkSchema>;

/** A person as listed in one case, with every role they hold there. */
export type CasePerson = PersonRecord & { roles: string[] };

/** A person in a list: the record and the cases they appear in, with roles. */
export type PersonSummary = PersonRecord & { cases: { caseId: string; roles: string[] }[] };

/**
 * Finding someone already in the vault to add to a case: by name (any of
 * their names, aliases or notes, through the search index), or everyone by
 * name when the text is empty; a page at a time, with the total.
 */
export const personFindSchema = z
  .object({
    text: z.string().max(1000, { message: 'is too long (at most 1000 characters)' }),
    limit: z.number().int().min(1).max(100).default(20),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .strict();
export type PersonFind = z.input<typeof personFindSchema>;

/**
 * What tells two people of the same name apart, and nothing more: their
 * other names, the year they were born (or their age when that is all that
 * is known), and every case they are in with their roles there.
 */
export interface PersonChoice {
  id: string;
  name: string;
  aliases: string[];
  /** The year of birth and how sure it is; null when no year is known. */
  born: { year: number; qualifier: 'exact' | 'approximate' | 'before' | 'after' } | null;
  age: number | null;
  cases: { caseId: string; reference: string; title: string; roles: string[] }[];
}

export interface PersonChoices {
  /** Every person the text finds, of which `persons` is one page. */
  total: number;
  persons: PersonChoice[];
}
