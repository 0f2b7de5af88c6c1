import { join } from 'node:path';
import type { ConsentRecord } from '../../shared/domain';
import { saveWgadSubmission } from '../../electron/core/dossier';
import { intakeFile } from '../../electron/core/evidence';
import { generateOrgKey } from '../../electron/core/pgp';
import {
  createCase,
  createEvent,
  createIntervention,
  createPerson,
  createTestimony,
} from '../../electron/core/records';
import type { Vault } from '../../electron/core/vault/vault';
import { FIXTURES } from './wgadCase';

/**
 * A case whose people have different consents for each audience, with names
 * in several scripts, for tests of what each export may carry. Who appears
 * where (and how) is written down here once, so the tests can check every
 * output against it.
 */
export const PEOPLE = {
  /** Public consent, full name: appears everywhere, named. */
  volkov: {
    name: 'Дмитрий Сергеевич Волков',
    familyName: 'Волков',
    givenName: 'Дмитрий Сергеевич',
    aliases: ['Dmitry Volkov'],
    role: 'victim',
    consent: { scope: 'public', naming: 'name' },
  },
  /** Consent withdrawn: appears nowhere. */
  tamimi: {
    name: 'Yasmin Al-Tamimi',
    familyName: 'Al-Tamimi',
    givenName: 'Yasmin',
    aliases: ['ياسمين التميمي', 'Jasmin at-Tamimi'],
    role: 'witness',
    consent: { scope: 'public', naming: 'name', withdrawn: true, withdrawnOn: '2024-06-02' },
  },
  /** The WGAD only, initials: "L. W." for the WGAD, nowhere else. */
  li: {
    name: 'Li Wei',
    familyName: 'Li',
    givenName: 'Wei',
    aliases: ['李伟'],
    role: 'victim',
    consent: { scope: 'named-mechanisms', mechanisms: ['wgad'], naming: 'initials' },
  },
  /** No consent recorded: appears nowhere. */
  dubois: {
    name: 'Aurélie Dubois-Marchand',
    familyName: 'Dubois-Marchand',
    givenName: 'Aurélie',
    aliases: [],
    role: 'family-member',
    consent: null,
  },
  /** Public consent, not named: "Person 1" everywhere. */
  perez: {
    name: 'Joaquín Pérez Ríos',
    familyName: 'Pérez Ríos',
    givenName: 'Joaquín',
    aliases: [],
    role: 'witness',
    consent: { scope: 'public', naming: 'none' },
  },
  /** Partners only, full name. */
  kovalenko: {
    name: 'Олена Коваленко',
    familyName: 'Коваленко',
    givenName: 'Олена',
    aliases: ['Olena Kovalenko'],
    role: 'witness',
    consent: { scope: 'partners', naming: 'name' },
  },
  /** Public consent, not named: "Person 2" everywhere (after someone left out, with no gap). */
  orlova: {
    name: 'Надежда Орлова',
    familyName: 'Орлова',
    givenName: 'Надежда',
    aliases: [],
    role: 'witness',
    consent: { scope: 'public', naming: 'none' },
  },
  /** Public consent, a pseudonym. */
  benali: {
    name: 'Fatima Zahra Benali',
    familyName: 'Benali',
    givenName: 'Fatima Zahra',
    aliases: ['فاطمة الزهراء بن علي'],
    role: 'witness',
    consent: { scope: 'public', naming: 'pseudonym', pseudonym: 'Nour' },
  },
  /** A perpetrator: named as the facts require. */
  petrenko: {
    name: 'Major Igor Petrenko',
    familyName: 'Petrenko',
    givenName: 'Igor',
    aliases: [],
    role: 'perpetrator',
    consent: null,
  },
} as const;
export type PersonKey = keyof typeof PEOPLE;

/** Statements, by their witness: distinctive words to find or miss. */
export const STATEMENTS = {
  tamimi: 'WITHDRAWNSTATEMENT q7: I saw the transfer order signed at night.',
  perez: 'PUBLICSTATEMENT k2: The van had no plates and left towards the river.',
  kovalenko: 'PARTNERSTATEMENT m5: The guards moved him to the basement cells.',
  li: 'WGADSTATEMENT z9: They took my passport and my phone.',
  benali: 'PSEUDONYMSTATEMENT r3: Nobody told the family where he was held.',
  anonymous: 'INTERNALSTATEMENT v8: A source inside the prosecution confirmed the order.',
} as const;

/** Internal working data, which only partners may receive. */
export const INTERNAL = {
  tag: 'TAGCANARY h4',
  recipientOfDraft: 'DRAFTRECIPIENT canary',
  interventionNote: 'INTERVENTIONNOTE canary',
  perpetratorNote: 'PERPNOTE canary',
  placeNote: 'PLACENOTE canary',
  caseStatus: 'follow-up',
};
/** A code per person that is no part of any name (text is scrubbed of names, so the key would be). */
const code = (key: PersonKey) => `q${Object.keys(PEOPLE).indexOf(key) + 1}x`;
export const personNote = (key: PersonKey) => `NOTECANARY ${code(key)}`;
export const consentNote = (key: PersonKey) => `CONSENTNOTECANARY ${code(key)}`;

/** Who appears for each audience, and how (null: not there at all). */
export const APPEARS: Record<'wgad' | 'partners' | 'public', Record<PersonKey, string | null>> = {
  wgad: {
    volkov: PEOPLE.volkov.name,
    tamimi: null,
    li: 'L. W.',
    dubois: null,
    perez: 'Person 1',
    kovalenko: null,
    orlova: 'Person 2',
    benali: 'Nour',
    petrenko: PEOPLE.petrenko.name,
  },
  partners: {
    volkov: PEOPLE.volkov.name,
    tamimi: null,
    li: null,
    dubois: null,
    perez: 'Person 1',
    kovalenko: PEOPLE.kovalenko.name,
    orlova: 'Person 2',
    benali: 'Nour',
    petrenko: PEOPLE.petrenko.name,
  },
  public: {
    volkov: PEOPLE.volkov.name,
    tamimi: null,
    li: null,
    dubois: null,
    perez: 'Person 1',
    kovalenko: null,
    orlova: 'Person 2',
    benali: 'Nour',
    petrenko: PEOPLE.petrenko.name,
  },
};
/** The statements each audience receives, in the order they are recorded. */
export const STATEMENTS_FOR: Record<'wgad' | 'partners' | 'public', (keyof typeof STATEMENTS)[]> = {
  wgad: ['perez', 'li', 'benali'],
  partners: ['perez', 'kovalenko', 'benali'],
  public: ['perez', 'benali'],
};

/** Every form of a person's name: what must not appear where they may not be named. */
export function nameForms(key: PersonKey): string[] {
  const p = PEOPLE[key];
  // "Li" and "Wei" alone are too short to search for without false hits; the full forms are searched.
  return [p.name, ...p.aliases, p.familyName, p.givenName].filter((n) => [...n].length >= 4);
}

export interface AudienceCase {
  caseId: string;
  persons: Record<PersonKey, string>;
  testimonies: Record<keyof typeof STATEMENTS, string>;
  evidence: { photo: string; document: string; png: string };
  interventions: { draft: string; letter: string };
}

/**
 * Builds the case: the persons above with their consents and internal notes,
 * an arrest and a detention whose sources rest on people and statements each
 * audience may or may not see, six testimonies, a draft appeal and a letter
 * sent, three evidence files of which one cannot be stripped, the WGAD
 * arguments, and an organisation key.
 */
export async function buildAudienceCase(vault: Vault): Promise<AudienceCase> {
  await generateOrgKey(vault, { name: 'Rights Watch', email: 'cases@rights.example' });
  const record = await createCase(vault, {
    title: 'Detention of three defenders in the river district',
    summary: 'Three defenders were arrested after a peaceful protest.',
    countries: ['RU'],
    tags: [INTERNAL.tag],
    status: INTERNAL.caseStatus,
  });
  const caseId = record.id;
  const persons = {} as Record<PersonKey, string>;
  for (const key of Object.keys(PEOPLE) as PersonKey[]) {
    const p = PEOPLE[key];
    const consent: Partial<ConsentRecord> | null = p.consent
      ? { ...(p.consent as Partial<ConsentRecord>), notes: consentNote(key), givenOn: '2024-03-01' }
      : null;
    const created = await createPerson(
      vault,
      {
        name: p.name,
        familyName: p.familyName,
        givenName: p.givenName,
        aliases: [...p.aliases],
        notes: personNote(key),
        consent: consent,
      },
      { caseId, role: p.role },
    );
    persons[key] = created.id;
  }
  const testimony = async (
    key: keyof typeof STATEMENTS,
    day: string,
    witness: PersonKey | null,
    consent: Partial<ConsentRecord>,
  ) =>
    (
      await createTestimony(vault, caseId, {
        witnessId: witness ? persons[witness] : null,
        statement: STATEMENTS[key],
        takenOn: { value: day, qualifier: 'exact' },
        // Codes, not the key: the key is a name, and free text is searched for names.
        interviewer: `INTERVIEWERCANARY t${Object.keys(STATEMENTS).indexOf(key) + 1}`,
        consent: {
          ...consent,
          notes: `TESTIMONYCONSENTNOTE t${Object.keys(STATEMENTS).indexOf(key) + 1}`,
        },
      })
    ).id;
  const testimonies = {
    tamimi: await testimony('tamimi', '2024-03-10', 'tamimi', {
      scope: 'public',
      naming: 'name',
      withdrawn: true,
      withdrawnOn: '2024-06-02',
    }),
    perez: await testimony('perez', '2024-03-11', 'perez', { scope: 'public', naming: 'none' }),
    kovalenko: await testimony('kovalenko', '2024-03-12', 'kovalenko', {
      scope: 'partners',
      naming: 'name',
    }),
    li: await testimony('li', '2024-03-13', 'li', {
      scope: 'named-mechanisms',
      mechanisms: ['wgad'],
      naming: 'initials',
    }),
    benali: await testimony('benali', '2024-03-14', 'benali', {
      scope: 'public',
      naming: 'pseudonym',
      pseudonym: 'Nour',
    }),
    anonymous: await testimony('anonymous', '2024-03-15', null, { scope: 'internal-only' }),
  };
  await createEvent(vault, caseId, {
    eventType: 'arbitrary-arrest',
    title: 'Arrest after the protest',
    start: { value: '2024-03-05', qualifier: 'exact' },
    location: {
      country: 'RU',
      region: 'River district',
      place: 'Embankment square',
      latitude: 55.123456,
      longitude: 37.654321,
    },
    victims: [persons.volkov, persons.li],
    perpetrators: [
      { personId: persons.petrenko, involvement: 'ordered', notes: INTERNAL.perpetratorNote },
    ],
    sources: [
      { personId: persons.tamimi, reliability: 'high' },
      { testimonyId: testimonies.tamimi, reliability: 'medium' },
      { testimonyId: testimonies.perez, reliability: 'low' },
      { testimonyId: testimonies.kovalenko, reliability: 'high' },
      { description: 'A report by a local radio station', reliability: 'medium' },
    ],
    description: `Officers under ${PEOPLE.petrenko.name} arrested ${PEOPLE.volkov.name} in the square.`,
    detention: {
      forces: 'Riot police',
      warrantShown: 'no',
      authority: 'District prosecutor',
      legalBasis: 'Article 212 of the Criminal Code',
      places: [],
    },
  });
  await createEvent(vault, caseId, {
    eventType: 'arbitrary-detention',
    start: { value: '2024-03-06', qualifier: 'exact' },
    ongoing: true,
    victims: [persons.volkov],
    detention: {
      forces: 'Prison administration',
      authority: 'District court',
      legalBasis: 'Pretrial detention order',
      places: [{ name: 'Pretrial centre No. 2', placeType: 'prison', notes: INTERNAL.placeNote }],
    },
  });
  const draft = await createIntervention(vault, caseId, {
    interventionType: 'urgent-appeal',
    recipient: INTERNAL.recipientOfDraft,
    notes: INTERNAL.interventionNote,
  });
  const letter = await createIntervention(vault, caseId, {
    interventionType: 'letter-to-authorities',
    recipient: 'Prosecutor General',
    sentOn: { value: '2024-04-01', qualifier: 'exact' },
    followUpOn: '2024-06-01',
    notes: INTERNAL.interventionNote,
  });
  const photo = await intakeFile(vault, { caseId, path: join(FIXTURES, 'metadata', 'camera.jpg') });
  const document = await intakeFile(vault, {
    caseId,
    path: join(FIXTURES, 'metadata', 'document.docx'),
  });
  const png = await intakeFile(vault, { caseId, path: join(FIXTURES, 'metadata', 'meta.png') });
  await saveWgadSubmission(vault, caseId, {
    circumstances: 'The defenders were arrested for a peaceful protest.',
    categories: { II: { argued: true, argument: 'Peaceful assembly (ICCPR art. 21).' } },
    domesticRemedies: 'Appeals against detention were rejected.',
    submitter: {
      name: 'Rights Watch legal team',
      organisation: 'Rights Watch',
      address: 'PO Box 7, Geneva',
      contact: 'legal@rights.example',
    },
  });
  return {
    caseId,
    persons,
    testimonies,
    evidence: { photo: photo.id, document: document.id, png: png.id },
    interventions: { draft: draft.id, letter: letter.id },
  };
}
