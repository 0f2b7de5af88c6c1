import type { Vault } from '../../../electron/core';
import {
  addVocabularyTerm,
  createCase,
  createEvent,
  createIntervention,
  createPerson,
  createTestimony,
  linkPerson,
} from '../../../electron/core/records';

/** The case-records tables other than the full-text index (search_fts). */
export const RECORD_TABLES = [
  'cases',
  'persons',
  'case_persons',
  'events',
  'event_victims',
  'event_perpetrators',
  'event_sources',
  'event_links',
  'testimonies',
  'interventions',
  'vocab_terms',
  'search_docs',
] as const;

/**
 * A case with something in every field of every record type, and an
 * organisation's own term: what export/import, the canary and the CLI tests
 * all need. `text(label)` supplies each text value (a canary, or plain words).
 */
export async function fullCase(
  vault: Vault,
  text: (label: string) => string = (label) => `sample ${label}`,
) {
  await addVocabularyTerm(vault, {
    vocabulary: 'event-type',
    id: 'forced-confession',
    labels: { en: text('vocab label en'), ar: text('vocab label ar') },
  });
  const c = await createCase(vault, {
    title: text('case title'),
    summary: text('case summary'),
    countries: ['EG'],
    tags: [text('case tag')],
    status: 'documenting',
    confidentiality: 'restricted',
    reference: text('case reference').slice(0, 90),
  });
  const consent = {
    scope: 'named-mechanisms' as const,
    mechanisms: ['wgad', 'sr-hrd'],
    naming: 'pseudonym' as const,
    pseudonym: text('consent pseudonym'),
    knowsGovernmentContacted: true,
    givenBy: 'self' as const,
    form: 'written' as const,
    givenOn: '2024-04-01',
    notes: text('consent notes'),
  };
  const victim = await createPerson(
    vault,
    {
      name: text('person name'),
      familyName: text('family name'),
      givenName: text('given name'),
      aliases: [text('alias one'), text('alias two')],
      pseudonym: text('person pseudonym'),
      sex: 'female',
      birthDate: '~1985',
      age: 39,
      nationalities: ['EG', 'SD'],
      identityDocuments: [
        {
          type: 'passport',
          number: text('document number'),
          issuedBy: text('document issuer'),
          country: 'EG',
          issuedOn: '2019-05',
        },
      ],
      occupation: text('occupation'),
      hrdWork: ['lawyer', 'womens-rights-defender'],
      affiliation: text('affiliation'),
      residence: text('residence'),
      contact: {
        phone: text('phone'),
        email: text('email'),
        messaging: text('messaging'),
        address: text('contact address'),
        other: text('contact other'),
      },
      notes: text('person notes'),
      consent,
    },
    { caseId: c.id, role: 'victim' },
  );
  await linkPerson(vault, { caseId: c.id, personId: victim.id, role: 'submitter' });
  const officer = await createPerson(
    vault,
    { personType: 'organisation', name: text('perpetrator name') },
    { caseId: c.id, role: 'perpetrator' },
  );
  const witness = await createPerson(
    vault,
    { name: text('witness name'), deceased: true, deathDate: '2024-07' },
    { caseId: c.id, role: 'witness' },
  );
  const testimony = await createTestimony(vault, c.id, {
    witnessId: witness.id,
    witnessDescription: text('witness description'),
    interviewer: text('interviewer'),
    takenOn: '2024-04-01',
    place: text('testimony place'),
    country: 'EG',
    language: 'ar',
    method: 'secure-messaging',
    statement: `${text('statement')} ${'word '.repeat(50)}`,
    translation: text('translation'),
    translationLanguage: 'en',
    consent,
  });
  const anonymous = await createTestimony(vault, c.id, {
    statement: text('anonymous statement'),
    takenOn: '~2024-05',
  });
  const arrest = await createEvent(vault, c.id, {
    eventType: 'arbitrary-arrest',
    title: text('event title'),
    description: text('event description'),
    start: '2024-03-15',
    dateNote: text('date note'),
    location: {
      country: 'EG',
      region: text('region'),
      place: text('event place'),
      latitude: 30.0444,
      longitude: 31.2357,
    },
    victims: [victim.id],
    perpetrators: [
      { personId: officer.id, involvement: 'direct-perpetrator', notes: text('perpetrator notes') },
    ],
    sources: [
      { testimonyId: testimony.id, reliability: 'high' },
      { personId: witness.id, description: text('source description'), reliability: 'medium' },
    ],
    detention: {
      forces: text('forces'),
      warrantShown: 'no',
      authority: text('authority'),
      reasonsImputed: text('reasons imputed'),
      legalBasis: text('legal basis'),
      legalCounsel: 'no',
      familyInformed: 'no',
      broughtBeforeJudge: 'yes',
      places: [
        {
          name: text('detention place'),
          placeType: 'intelligence-facility',
          country: 'EG',
          from: '2024-03-15',
          to: '2024-03-20',
          notes: text('place notes'),
        },
      ],
    },
  });
  const confession = await createEvent(vault, c.id, {
    eventType: 'forced-confession',
    start: 'before 2024-06',
    end: 'unknown',
    victims: [victim.id],
    links: [{ eventId: arrest.id, relation: 'followed-by' }],
  });
  const intervention = await createIntervention(vault, c.id, {
    interventionType: 'urgent-appeal',
    mechanism: 'sr-hrd',
    recipient: text('recipient'),
    sentOn: '2024-03-18',
    reference: text('intervention reference'),
    status: 'response-received',
    responseOn: '2024-05',
    response: text('response'),
    outcome: text('outcome'),
    followUpOn: '2024-06-15',
    notes: text('intervention notes'),
  });
  return {
    caseRecord: c,
    victim,
    officer,
    witness,
    testimony,
    anonymous,
    arrest,
    confession,
    intervention,
  };
}
