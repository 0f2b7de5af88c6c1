import { join } from 'node:path';
import {
  createCase,
  createEvent,
  createIntervention,
  createPerson,
  createTestimony,
  updateOrganisation,
} from '../../electron/core/records';
import { intakeFile } from '../../electron/core/evidence';
import { generateOrgKey } from '../../electron/core/pgp';
import { saveWgadSubmission } from '../../electron/core/dossier';
import type { Vault } from '../../electron/core/vault/vault';

const FIXTURES = join(import.meta.dirname, '../fixtures');

/**
 * Four defenders detained after a protest against a water-diversion project,
 * recorded the way a researcher would: names in Cyrillic, Chinese and Arabic
 * script (one only as a full name), a woman still held after a transfer, a
 * man released, a detainee named by initials only, a detention event shared
 * by three people with a transfer that concerns only some of them, witnesses
 * whose consent differs (initials, full name, pseudonym, withdrawn, internal
 * only), statements in Russian, Chinese and Arabic with translations, the
 * lawyer's arguments, the organisation profile and a described photo.
 */
export const DEFENDERS = {
  akhmedova: {
    name: 'Гульнара Ахмедова',
    family: 'Ахмедова',
    given: 'Гульнара',
    familyLatin: 'Akhmedova',
    givenLatin: 'Gulnara',
  },
  li: { name: '李英俊', family: '李', given: '英俊', familyLatin: 'Li', givenLatin: 'Yingjun' },
  /** Recorded as a full name only: the questionnaire must ask for the split. */
  seitkali: { name: 'Daniyar Seitkali' },
  /** Consent for initials only. */
  amine: { name: 'محمد الأمين بن سالم', initials: 'م. ا. ب. س.' },
};

export const WITNESSES = {
  /** Russian statement, initials only. */
  kuznetsova: 'Ольга Кузнецова',
  /** Chinese statement, named in full. */
  wang: '王芳',
  /** Arabic statement, pseudonym. */
  haddad: 'يوسف حداد',
  haddadPseudonym: 'Witness A',
  /** Consent withdrawn. */
  withdrawn: 'Aigerim Nurlanovna Bekova',
  /** Internal use only. */
  internal: 'Ruslan Tokayev',
};

export const STATEMENTS = {
  russian:
    'Пятнадцатого марта около восьми утра я видела, как трое мужчин в штатском вывели Гульнару из подъезда и посадили в серый микроавтобус без номеров. Ордер никто не показывал.',
  russianTranslation:
    'On 15 March at about eight in the morning I saw three men in plain clothes take Gulnara out of the building and put her in a grey minibus without number plates. Nobody showed a warrant.',
  chinese:
    '三月十五日上午，我在律师事务所门口看到国家安全委员会的人员带走了李英俊律师。他们没有出示任何文件。',
  chineseTranslation:
    'On the morning of 15 March I saw officers of the National Security Committee take the lawyer Li Yingjun away at the door of the law office. They showed no document.',
  arabic:
    'رأيت محمد الأمين في المطار وهو يُقتاد إلى غرفة جانبية، ولم يُسمح لمحاميه بمقابلته طوال أسبوعين.',
  arabicTranslation:
    'J’ai vu Mohamed El Amine à l’aéroport alors qu’on l’emmenait dans une pièce à l’écart ; son avocat n’a pas pu le voir pendant deux semaines.',
  withdrawn: 'Я передала в редакцию список задержанных и фотографии из изолятора.',
  internal: 'The investigator told me the order came from the governor himself.',
};

export const ORGANISATION = {
  name: 'Steppe Defenders Network',
  address: 'Rue de Lausanne 12\n1201 Geneva\nSwitzerland',
  email: 'cases@steppe-defenders.example',
  phone: '+41 22 555 01 99',
};

export interface DefendersCase {
  caseId: string;
  ids: Record<
    | keyof typeof DEFENDERS
    | 'kuznetsova'
    | 'wang'
    | 'haddad'
    | 'withdrawn'
    | 'internal'
    | 'colonel',
    string
  >;
}

export async function buildDefendersCase(
  vault: Vault,
  options: { withKey?: boolean; withOrganisation?: boolean } = {},
): Promise<DefendersCase> {
  if (options.withKey !== false)
    await generateOrgKey(vault, { name: 'Steppe Defenders Network', email: ORGANISATION.email });
  if (options.withOrganisation !== false) await updateOrganisation(vault, ORGANISATION);
  const { id: caseId } = await createCase(vault, {
    title: 'Detention of four members of the Ili River Coalition',
    summary: 'Four defenders of the Ili River were detained after a peaceful protest in Almaty.',
    countries: ['KZ'],
  });
  const wgad = { scope: 'named-mechanisms' as const, mechanisms: ['wgad'] };

  const akhmedova = await createPerson(
    vault,
    {
      name: DEFENDERS.akhmedova.name,
      familyName: DEFENDERS.akhmedova.family,
      givenName: DEFENDERS.akhmedova.given,
      familyNameLatin: DEFENDERS.akhmedova.familyLatin,
      givenNameLatin: DEFENDERS.akhmedova.givenLatin,
      sex: 'female',
      birthDate: { value: '1986-07-21', qualifier: 'exact' },
      nationalities: ['KZ'],
      identityDocuments: [
        {
          type: 'national-id',
          number: '041587236',
          issuedBy: 'Ministry of Internal Affairs',
          country: 'KZ',
          issuedOn: { value: '2016-09-12', qualifier: 'exact' },
        },
      ],
      occupation: 'Journalist at Ili Online',
      hrdWork: ['journalist', 'environmental-defender'],
      residence: 'Abay Avenue 44, flat 12, Almaty',
      contact: { phone: '+7 701 555 2211' },
      consent: {
        ...wgad,
        naming: 'name',
        givenBy: 'family-member',
        givenOn: '2025-03-20',
        form: 'written',
        knowsGovernmentContacted: true,
      },
    },
    { caseId, role: 'victim' },
  );
  const li = await createPerson(
    vault,
    {
      name: DEFENDERS.li.name,
      familyName: DEFENDERS.li.family,
      givenName: DEFENDERS.li.given,
      familyNameLatin: DEFENDERS.li.familyLatin,
      givenNameLatin: DEFENDERS.li.givenLatin,
      aliases: ['Li Yingjun', 'Ли Инцзюнь'],
      sex: 'male',
      age: 52,
      nationalities: ['KZ', 'CN'],
      identityDocuments: [{ type: 'passport', number: 'N12345678', country: 'KZ' }],
      occupation: 'Lawyer',
      hrdWork: ['lawyer'],
      consent: {
        ...wgad,
        naming: 'name',
        givenBy: 'self',
        givenOn: '2025-03-01',
        knowsGovernmentContacted: true,
      },
    },
    { caseId, role: 'victim' },
  );
  const seitkali = await createPerson(
    vault,
    {
      name: DEFENDERS.seitkali.name,
      sex: 'male',
      nationalities: ['KZ'],
      occupation: 'Hydrologist',
      hrdWork: ['environmental-defender'],
      // Consent recorded, but nobody asked whether he knows the government will be contacted.
      consent: { ...wgad, naming: 'name', givenBy: 'self', givenOn: '2025-05-25' },
    },
    { caseId, role: 'victim' },
  );
  const amine = await createPerson(
    vault,
    {
      name: DEFENDERS.amine.name,
      familyName: 'بن سالم',
      givenName: 'محمد الأمين',
      familyNameLatin: 'Ben Salem',
      givenNameLatin: 'Mohamed El Amine',
      sex: 'male',
      birthDate: { value: '1979', qualifier: 'exact' },
      nationalities: ['TN'],
      occupation: 'Trade unionist',
      hrdWork: ['trade-unionist'],
      consent: {
        ...wgad,
        naming: 'initials',
        givenBy: 'legal-representative',
        givenOn: '2025-01-15',
        form: 'oral',
        knowsGovernmentContacted: false,
      },
    },
    { caseId, role: 'victim' },
  );

  const kuznetsova = await createPerson(
    vault,
    { name: WITNESSES.kuznetsova, consent: { ...wgad, naming: 'initials' } },
    { caseId, role: 'witness' },
  );
  const wang = await createPerson(
    vault,
    { name: WITNESSES.wang, aliases: ['Wang Fang'], consent: { ...wgad, naming: 'name' } },
    { caseId, role: 'witness' },
  );
  const haddad = await createPerson(
    vault,
    {
      name: WITNESSES.haddad,
      pseudonym: WITNESSES.haddadPseudonym,
      consent: { ...wgad, naming: 'pseudonym' },
    },
    { caseId, role: 'witness' },
  );
  const withdrawn = await createPerson(
    vault,
    { name: WITNESSES.withdrawn, consent: { ...wgad, naming: 'name' } },
    { caseId, role: 'witness' },
  );
  const internal = await createPerson(
    vault,
    { name: WITNESSES.internal, consent: { scope: 'internal-only', naming: 'none' } },
    { caseId, role: 'witness' },
  );
  const colonel = await createPerson(
    vault,
    { name: 'Colonel Marat Zhaksylykov' },
    { caseId, role: 'perpetrator' },
  );

  // The three arrested in Almaty: one arrest, one detention, a transfer that splits them.
  await createEvent(vault, caseId, {
    eventType: 'arbitrary-arrest',
    title: 'Arrests after the Ili River protest',
    start: { value: '2025-03-15', qualifier: 'exact' },
    location: {
      country: 'KZ',
      region: 'Almaty',
      place: 'Outside the Ili Online office, Abay Avenue',
    },
    victims: [akhmedova.id, li.id, seitkali.id],
    perpetrators: [{ personId: colonel.id, involvement: 'ordered' }],
    description:
      'Plain-clothes officers detained the three defenders within an hour of each other, the morning after the protest.',
    detention: {
      forces: 'National Security Committee (KNB), Almaty department',
      warrantShown: 'no',
      reasonsImputed: 'Organising an unauthorised assembly',
      legalBasis: 'Code of Administrative Offences, article 488',
    },
  });
  await createEvent(vault, caseId, {
    eventType: 'incommunicado-detention',
    start: { value: '2025-03-15', qualifier: 'exact' },
    victims: [akhmedova.id, li.id, seitkali.id],
    detention: {
      forces: 'KNB investigations department',
      authority: 'Almaty City Prosecutor’s Office',
      reasonsImputed: 'Dissemination of knowingly false information',
      legalBasis: 'Criminal Code, article 274, part 2',
      legalCounsel: 'no',
      familyInformed: 'no',
      broughtBeforeJudge: 'yes',
      places: [
        {
          name: 'KNB temporary detention facility, Almaty',
          placeType: 'police-station',
          country: 'KZ',
          from: { value: '2025-03-15', qualifier: 'exact' },
          to: { value: '2025-03-26', qualifier: 'exact' },
        },
        {
          name: 'Pre-trial detention centre No. 1 (SIZO-1), Almaty',
          placeType: 'pretrial-detention-centre',
          country: 'KZ',
          from: { value: '2025-03-26', qualifier: 'exact' },
          detainees: [akhmedova.id, seitkali.id],
        },
        {
          name: 'KNB detention facility, Astana',
          country: 'KZ',
          from: { value: '2025-03-26', qualifier: 'exact' },
          detainees: [li.id],
        },
      ],
    },
  });
  await createEvent(vault, caseId, {
    eventType: 'release',
    title: 'Released under a travel ban',
    start: { value: '2025-05-20', qualifier: 'exact' },
    victims: [seitkali.id],
  });
  // A fourth defender, arrested months earlier at the airport and since released.
  await createEvent(vault, caseId, {
    eventType: 'arbitrary-arrest',
    start: { value: '2024-11-02', qualifier: 'exact' },
    location: { country: 'KZ', region: 'Almaty', place: 'Almaty International Airport' },
    victims: [amine.id],
    detention: {
      forces: 'Border Service of the KNB',
      warrantShown: 'yes',
      authority: 'Medeu District Court of Almaty',
      reasonsImputed: 'Inciting social discord',
      legalBasis: 'Criminal Code, article 174',
    },
  });
  await createEvent(vault, caseId, {
    eventType: 'arbitrary-detention',
    start: { value: '2024-11-02', qualifier: 'exact' },
    end: { value: '2025-01-10', qualifier: 'exact' },
    victims: [amine.id],
    detention: {
      forces: 'Penitentiary Service',
      authority: 'Medeu District Court of Almaty',
      reasonsImputed: 'Inciting social discord',
      legalBasis: 'Criminal Code, article 174',
      places: [
        {
          name: 'Pre-trial detention centre No. 1 (SIZO-1), Almaty',
          placeType: 'pretrial-detention-centre',
          country: 'KZ',
          from: { value: '2024-11-03', qualifier: 'exact' },
          to: { value: '2025-01-10', qualifier: 'exact' },
        },
      ],
    },
  });

  await createTestimony(vault, caseId, {
    witnessId: kuznetsova.id,
    takenOn: { value: '2025-03-18', qualifier: 'exact' },
    language: 'ru',
    method: 'in-person',
    statement: STATEMENTS.russian,
    translation: STATEMENTS.russianTranslation,
    translationLanguage: 'en',
    interviewer: 'Field researcher 3',
    consent: { ...wgad, naming: 'initials', givenOn: '2025-03-18' },
  });
  await createTestimony(vault, caseId, {
    witnessId: wang.id,
    takenOn: { value: '2025-03-22', qualifier: 'exact' },
    language: 'zh',
    method: 'video-call',
    statement: STATEMENTS.chinese,
    translation: STATEMENTS.chineseTranslation,
    translationLanguage: 'en',
    consent: { ...wgad, naming: 'name', givenOn: '2025-03-22' },
  });
  await createTestimony(vault, caseId, {
    witnessId: haddad.id,
    takenOn: { value: '2025-01-20', qualifier: 'exact' },
    language: 'ar',
    method: 'secure-messaging',
    statement: STATEMENTS.arabic,
    translation: STATEMENTS.arabicTranslation,
    translationLanguage: 'fr',
    consent: { ...wgad, naming: 'pseudonym', givenOn: '2025-01-20' },
  });
  await createTestimony(vault, caseId, {
    witnessId: withdrawn.id,
    language: 'ru',
    statement: STATEMENTS.withdrawn,
    consent: { ...wgad, naming: 'name', withdrawn: true, withdrawnOn: '2025-04-02' },
  });
  await createTestimony(vault, caseId, {
    witnessId: internal.id,
    language: 'en',
    statement: STATEMENTS.internal,
    consent: { scope: 'internal-only', naming: 'none' },
  });

  await createIntervention(vault, caseId, {
    interventionType: 'letter-to-authorities',
    recipient: 'Prosecutor General of Kazakhstan',
    sentOn: { value: '2025-03-28', qualifier: 'exact' },
    response: 'No reply',
  });
  await intakeFile(vault, {
    caseId,
    path: join(FIXTURES, 'metadata', 'camera.jpg'),
    title: 'The grey minibus outside the Ili Online office',
    description: 'Photo taken by a neighbour on the morning of the arrests.',
  });
  await saveWgadSubmission(vault, caseId, {
    circumstances:
      'The four defenders campaign against the diversion of the Ili River. The three arrested on 15 March 2025 had spoken at a peaceful protest the day before; Mohamed El Amine Ben Salem had organised a workers’ assembly on the same issue.',
    categories: {
      II: {
        argued: true,
        argument:
          'They are detained for peacefully exercising their freedoms of expression, assembly and association (UDHR arts 19–20; ICCPR arts 19, 21, 22).',
      },
      III: {
        argued: true,
        argument:
          'They were held incommunicado for eleven days, denied a lawyer of their choice and were not brought promptly before a judge.',
      },
    },
    domesticRemedies:
      'Complaints against the detention were filed with the Almaty City Prosecutor on 20 March 2025 and with the investigating judge on 2 April 2025; both were rejected without reasons.',
    otherProcedures: 'No.',
    urgentAction: true,
    submitter: { name: 'Aliya Serikova, legal officer', confidential: true },
  });
  return {
    caseId,
    ids: {
      akhmedova: akhmedova.id,
      li: li.id,
      seitkali: seitkali.id,
      amine: amine.id,
      kuznetsova: kuznetsova.id,
      wang: wang.id,
      haddad: haddad.id,
      withdrawn: withdrawn.id,
      internal: internal.id,
      colonel: colonel.id,
    },
  };
}
