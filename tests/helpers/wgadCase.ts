import { join } from 'node:path';
import {
  createCase,
  createEvent,
  createIntervention,
  createPerson,
  createTestimony,
  linkPerson,
  updateOrganisation,
} from '../../electron/core/records';
import { intakeFile } from '../../electron/core/evidence';
import { generateOrgKey } from '../../electron/core/pgp';
import { saveWgadSubmission } from '../../electron/core/dossier';
import type { Vault } from '../../electron/core/vault/vault';

export const FIXTURES = join(import.meta.dirname, '../fixtures');

/** Names planted in the case, to be found (or not) in the outputs. */
export const NAMES = {
  detainee: 'عبد الله الحسيني',
  detaineeFamily: 'الحسيني',
  detaineeGiven: 'عبد الله',
  detaineeFamilyLatin: 'al-Husseini',
  detaineeGivenLatin: 'Abdullah',
  witness: 'Ольга Петровна Смирнова',
  withdrawnWitness: 'Mariana Quispe Huamán',
  perpetrator: 'Colonel Viktor Drozdov',
  relative: 'Fatima Zahra Benali',
};

export const SECRETS = {
  detaineePhone: '+000 5550 7788',
  interviewer: 'Interviewer Kestrel-9',
  statement: 'They took him from the square at dawn and the officers beat him in the van.',
  withdrawnStatement: 'I saw the commander sign the transfer order to the secret place.',
};

/**
 * A realistic WGAD case: a detained defender (named, with consent for WGAD),
 * a witness who allows initials only, a witness who withdrew consent, a
 * perpetrator, a relative without consent, an arrest and a detention with the
 * WGAD details, a letter to the authorities, a photo with GPS, the lawyer's
 * arguments, and an organisation key.
 */
export async function buildWgadCase(vault: Vault, options: { withKey?: boolean } = {}) {
  if (options.withKey !== false)
    await generateOrgKey(vault, { name: 'Defenders Watch', email: 'cases@defenders.example' });
  const record = await createCase(vault, {
    title: `Detention of ${NAMES.detainee}`,
    summary: `${NAMES.detainee}, a land defender, was arrested at a protest. ${NAMES.witness} saw the arrest.`,
    countries: ['EG'],
  });
  const caseId = record.id;
  const wgad = { scope: 'named-mechanisms' as const, mechanisms: ['wgad'], givenOn: '2024-03-20' };
  const detainee = await createPerson(
    vault,
    {
      name: NAMES.detainee,
      familyName: NAMES.detaineeFamily,
      givenName: NAMES.detaineeGiven,
      familyNameLatin: NAMES.detaineeFamilyLatin,
      givenNameLatin: NAMES.detaineeGivenLatin,
      identityDocuments: [
        { type: 'national-id', number: '28701011234567', issuedBy: 'Civil Status Department' },
      ],
      sex: 'male',
      age: 34,
      nationalities: ['EG'],
      occupation: 'Agronomist',
      hrdWork: ['land-defender'],
      contact: { phone: SECRETS.detaineePhone },
      consent: { ...wgad, naming: 'name', knowsGovernmentContacted: true, givenBy: 'self' },
    },
    { caseId, role: 'victim' },
  );
  const witness = await createPerson(
    vault,
    {
      name: NAMES.witness,
      consent: { ...wgad, mechanisms: ['wgad', 'partner-ngos'], naming: 'name' },
    },
    { caseId, role: 'witness' },
  );
  const withdrawn = await createPerson(
    vault,
    { name: NAMES.withdrawnWitness, consent: { ...wgad, naming: 'initials' } },
    { caseId, role: 'witness' },
  );
  const perpetrator = await createPerson(
    vault,
    { name: NAMES.perpetrator },
    { caseId, role: 'perpetrator' },
  );
  const relative = await createPerson(
    vault,
    { name: NAMES.relative },
    { caseId, role: 'family-member' },
  );
  void relative;
  const arrest = await createEvent(vault, caseId, {
    eventType: 'arbitrary-arrest',
    title: 'Arrest at the protest',
    start: { value: '2024-03', qualifier: 'approximate' },
    location: {
      country: 'EG',
      region: 'Giza',
      place: 'Tahrir Square',
      latitude: 30.0444,
      longitude: 31.2357,
    },
    victims: [detainee.id],
    perpetrators: [{ personId: perpetrator.id, involvement: 'ordered' }],
    description: `Plain-clothes officers under ${NAMES.perpetrator} arrested ${NAMES.detainee}.`,
    detention: {
      forces: 'National Security Agency',
      warrantShown: 'no',
      authority: 'Supreme State Security Prosecution',
      reasonsImputed: 'Joining a terrorist group',
      legalBasis: 'Law 94/2015 on counter-terrorism, article 12',
      places: [],
    },
  });
  await createEvent(vault, caseId, {
    eventType: 'arbitrary-detention',
    start: { value: '2024-03-06', qualifier: 'exact' },
    ongoing: true,
    victims: [detainee.id],
    detention: {
      forces: 'Prison administration',
      authority: 'Supreme State Security Prosecution',
      reasonsImputed: 'Joining a terrorist group',
      legalBasis: 'Renewed pretrial detention orders',
      places: [
        {
          name: 'Giza police station',
          placeType: 'police-station',
          from: { value: '2024-03', qualifier: 'approximate' },
          to: { value: '2024-04', qualifier: 'approximate' },
        },
        {
          name: 'Tora prison',
          placeType: 'prison',
          from: { value: '2024-04', qualifier: 'approximate' },
        },
      ],
    },
  });
  void arrest;
  await createTestimony(vault, caseId, {
    witnessId: witness.id,
    statement: SECRETS.statement,
    interviewer: SECRETS.interviewer,
    takenOn: { value: '2024-03-21', qualifier: 'exact' },
    // The WGAD, and partner organisations too (named by their mechanism term).
    consent: { ...wgad, mechanisms: ['wgad', 'partner-ngos'], naming: 'initials' },
  });
  await createTestimony(vault, caseId, {
    witnessId: withdrawn.id,
    statement: SECRETS.withdrawnStatement,
    consent: { ...wgad, naming: 'initials', withdrawn: true, withdrawnOn: '2024-05-01' },
  });
  await createIntervention(vault, caseId, {
    interventionType: 'letter-to-authorities',
    recipient: 'Public Prosecutor',
    sentOn: { value: '2024-04-02', qualifier: 'exact' },
    response: 'No response',
  });
  const photo = await intakeFile(vault, {
    caseId,
    path: join(FIXTURES, 'metadata', 'camera.jpg'),
    title: 'The square after the arrests',
  });
  await updateOrganisation(vault, {
    name: 'Defenders Watch',
    address: 'PO Box 1, Geneva',
    email: 'cases@defenders.example',
  });
  await saveWgadSubmission(vault, caseId, {
    circumstances: `${NAMES.detainee} was arrested for opposing a land grab.`,
    categories: {
      II: {
        argued: true,
        argument: 'He was detained for peaceful assembly and expression (ICCPR arts 19, 21).',
      },
    },
    domesticRemedies: 'Habeas corpus petition rejected on 2024-04-10.',
    otherProcedures: 'No.',
    submitter: { name: 'Defenders Watch legal team' },
  });
  void linkPerson;
  return { caseId, detainee, witness, withdrawn, perpetrator, photo };
}
