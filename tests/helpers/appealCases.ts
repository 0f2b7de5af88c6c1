import type { ConsentRecord } from '../../shared/domain';
import type { UrgentAppealInput } from '../../shared/dossier';
import { saveSubmission } from '../../electron/core/dossier';
import { generateOrgKey } from '../../electron/core/pgp';
import {
  createCase,
  createEvent,
  createPerson,
  createTestimony,
  updateOrganisation,
} from '../../electron/core/records';
import type { Vault } from '../../electron/core/vault/vault';

/**
 * Cases for the urgent appeal, made up after the pattern of public urgent
 * interventions on defenders (a land defender detained after an eviction, a
 * lawyer disappeared then charged before a state security prosecution, a
 * defender's office searched and her colleague detained). Each has one
 * defender or two whose consent allows publication, and a witness whose
 * consent forbids naming them in public, mentioned in the facts in another
 * form of their name.
 */

type Consent = Partial<ConsentRecord>;
const PUBLIC_NAMED: Consent = { scope: 'public', naming: 'name', givenOn: '2025-02-01' };

export interface AppealPerson {
  name: string;
  familyName?: string;
  givenName?: string;
  aliases?: string[];
  role: string;
  consent: Consent | null;
  hrdWork?: string[];
  occupation?: string;
  affiliation?: string;
  sex?: string;
}

export interface AppealCaseSpec {
  key: string;
  title: string;
  reference: string;
  summary: string;
  country: string;
  persons: Record<string, AppealPerson>;
  /** Persons the public appeal must name (keys of `persons`), in full. */
  defenders: string[];
  /** Every form of the names that must never leave in a public appeal. */
  forbidden: string[];
  events: {
    eventType: string;
    title: string;
    start: string;
    ongoing?: boolean;
    place: string;
    region: string;
    victims: string[];
    perpetrators: string[];
    description: string;
    forces?: string;
    authority?: string;
  }[];
  /** A statement whose consent covers partners only (it must not go public). */
  statement?: { witness: string; text: string };
  appeal: UrgentAppealInput;
  /** Words of the facts each rendering must show (the case's own texts, in their language). */
  facts: string[];
}

export const APPEAL_CASES: AppealCaseSpec[] = [
  {
    key: 'honduras',
    title: 'Detention of a Garifuna land defender after the eviction of Punta Gorda',
    reference: 'UA-HND-2025-004',
    summary:
      'María Elena Cruz Aguilar, a Garifuna land defender, was arrested during the forced eviction of her community and is held in pretrial detention.',
    country: 'HN',
    persons: {
      cruz: {
        name: 'María Elena Cruz Aguilar',
        familyName: 'Cruz Aguilar',
        givenName: 'María Elena',
        role: 'victim',
        consent: PUBLIC_NAMED,
        hrdWork: ['land-defender', 'indigenous-rights-defender'],
        occupation: 'Community coordinator',
        affiliation: 'Consejo Garífuna de Tierras del Valle',
        sex: 'female',
      },
      ponce: {
        name: 'Rosaura Ponce Villeda',
        familyName: 'Ponce Villeda',
        givenName: 'Rosaura',
        role: 'witness',
        consent: { scope: 'internal-only', naming: 'none' },
      },
      colonel: {
        name: 'Colonel Julio Banegas',
        familyName: 'Banegas',
        givenName: 'Julio',
        role: 'perpetrator',
        consent: null,
      },
    },
    defenders: ['cruz'],
    forbidden: ['Rosaura Ponce Villeda', 'Ponce Villeda', 'Rosaura'],
    events: [
      {
        eventType: 'forced-eviction',
        title: 'Eviction of Punta Gorda',
        start: '2025-03-04',
        place: 'Punta Gorda',
        region: 'Colón',
        victims: ['cruz'],
        perpetrators: ['colonel'],
        description:
          'Soldiers under Colonel Julio Banegas burned eleven houses; Rosaura Ponce Villeda saw the defender beaten.',
        forces: 'Military Police of Public Order',
      },
      {
        eventType: 'arbitrary-detention',
        title: 'Pretrial detention',
        start: '2025-03-05',
        ongoing: true,
        place: 'Centro Penal de Trujillo',
        region: 'Colón',
        victims: ['cruz'],
        perpetrators: [],
        description:
          'She is charged with usurpation of land and held without access to her lawyer.',
        authority: 'Juzgado de Letras Seccional de Trujillo',
      },
    ],
    appeal: {
      requests: [
        'Release María Elena Cruz Aguilar immediately and unconditionally.',
        'Guarantee her physical integrity and access to her lawyer and family.',
        'Stop the eviction of the Garifuna community of Punta Gorda.',
      ],
      addressees: [
        {
          name: 'President of the Republic of Honduras',
          address: 'Casa Presidencial, Tegucigalpa',
        },
        {
          name: 'Attorney General of Honduras',
          address: 'Lomas del Guijarro, Tegucigalpa\ncontacto@mp.hn.example',
        },
      ],
    },
    facts: ['Punta Gorda', 'eleven houses'],
  },
  {
    key: 'egypt',
    title: 'Disappearance and detention of a human rights lawyer',
    reference: 'UA-EGY-2025-011',
    summary:
      'اختفى المحامي علاء محمود الشريف قسريًا بعد القبض عليه من منزله، ثم ظهر أمام نيابة أمن الدولة العليا.',
    country: 'EG',
    persons: {
      sherif: {
        name: 'علاء محمود الشريف',
        familyName: 'الشريف',
        givenName: 'علاء محمود',
        aliases: ['Alaa Mahmoud El-Sherif'],
        role: 'victim',
        consent: PUBLIC_NAMED,
        hrdWork: ['lawyer', 'human-rights-defender'],
        occupation: 'محامٍ',
        affiliation: 'المركز العربي للحقوق والحريات',
        sex: 'male',
      },
      salem: {
        name: 'نور الهدى سالم',
        familyName: 'سالم',
        givenName: 'نور الهدى',
        aliases: ['Nour El-Hoda Salem'],
        role: 'witness',
        consent: { scope: 'partners', naming: 'name' },
      },
    },
    defenders: ['sherif'],
    forbidden: ['نور الهدى سالم', 'Nour El-Hoda Salem', 'ونور الهدى', 'لنور الهدى'],
    events: [
      {
        eventType: 'enforced-disappearance',
        title: 'القبض عليه من منزله',
        start: '2025-01-12',
        place: 'مدينة نصر',
        region: 'القاهرة',
        victims: ['sherif'],
        perpetrators: [],
        description:
          'اقتحم عناصر بملابس مدنية منزله فجرًا وصادروا حاسوبه، وشاهدت ذلك جارته نور الهدى سالم.',
        forces: 'قطاع الأمن الوطني',
      },
      {
        eventType: 'criminal-charges',
        title: 'المثول أمام النيابة',
        start: '2025-01-27',
        place: 'التجمع الخامس',
        region: 'القاهرة',
        victims: ['sherif'],
        perpetrators: [],
        description: 'وُجهت إليه تهمة الانضمام إلى جماعة إرهابية، وأُمر بحبسه خمسة عشر يومًا.',
        authority: 'نيابة أمن الدولة العليا',
      },
    ],
    statement: { witness: 'salem', text: 'رأيت الرجال يأخذونه في سيارة بيضاء دون لوحات.' },
    appeal: {
      requests: [
        'الإفراج الفوري وغير المشروط عن علاء محمود الشريف.',
        'ضمان حقه في التواصل مع محاميه وأسرته.',
      ],
      addressees: [
        { name: 'رئيس الجمهورية', address: 'قصر الاتحادية، القاهرة' },
        { name: 'النائب العام', address: 'دار القضاء العالي، القاهرة' },
      ],
    },
    facts: ['الأمن الوطني', 'نيابة أمن الدولة العليا'],
  },
  {
    key: 'belarus',
    title: 'Search of a human rights centre and detention of two defenders',
    reference: 'UA-BLR-2025-021',
    summary:
      'Police searched the office of a human rights centre in Gomel and detained two of its members, who face charges of "organising actions that grossly violate public order".',
    country: 'BY',
    persons: {
      lebedeva: {
        name: 'Анна Викторовна Лебедева',
        familyName: 'Лебедева',
        givenName: 'Анна Викторовна',
        aliases: ['Anna Lebedeva'],
        role: 'victim',
        consent: PUBLIC_NAMED,
        hrdWork: ['human-rights-defender'],
        occupation: 'Coordinator of monitoring',
        affiliation: 'Гомельский правозащитный центр',
        sex: 'female',
      },
      sidorenko: {
        name: 'Максим Сидоренко',
        familyName: 'Сидоренко',
        givenName: 'Максим',
        aliases: ['Maksim Sidorenko'],
        role: 'victim',
        consent: PUBLIC_NAMED,
        hrdWork: ['lawyer'],
        affiliation: 'Гомельский правозащитный центр',
        sex: 'male',
      },
      gromov: {
        name: 'Павел Громов',
        familyName: 'Громов',
        givenName: 'Павел',
        aliases: ['Pavel Gromov'],
        role: 'witness',
        consent: { scope: 'public', naming: 'none', givenOn: '2025-04-10' },
      },
    },
    defenders: ['lebedeva', 'sidorenko'],
    forbidden: ['Павел Громов', 'Павла Громова', 'Pavel Gromov', 'Громова'],
    events: [
      {
        eventType: 'raid',
        title: 'Обыск в офисе',
        start: '2025-04-08',
        place: 'ул. Советская, 21',
        region: 'Гомель',
        victims: ['lebedeva', 'sidorenko'],
        perpetrators: [],
        description:
          'Officers of the Main Directorate for Combating Organised Crime seized computers; the guard, Павла Громова, was questioned for six hours.',
        forces: 'ГУБОПиК',
      },
      {
        eventType: 'arbitrary-detention',
        title: 'Detention in the pretrial centre',
        start: '2025-04-08',
        ongoing: true,
        place: 'СИЗО-3',
        region: 'Гомель',
        victims: ['lebedeva', 'sidorenko'],
        perpetrators: [],
        description: 'Both are held under Article 342 of the Criminal Code.',
        authority: 'Investigative Committee, Gomel region',
      },
    ],
    appeal: {
      requests: [
        'Release Anna Lebedeva and Maksim Sidorenko immediately and unconditionally.',
        'Drop all charges against them and return the seized equipment.',
        'Stop summoning Павла Громова and the other staff of the centre for questioning.',
        'Put an end to all harassment of human rights defenders in Belarus.',
      ],
      addressees: [
        {
          name: 'Prosecutor General of the Republic of Belarus',
          address: 'ul. Internatsionalnaya 22, 220030 Minsk',
        },
      ],
    },
    facts: ['Gomel', 'Article 342'],
  },
];

export interface BuiltAppealCase {
  caseId: string;
  persons: Record<string, string>;
}

/** Builds one case in the vault (with its appeal's requests and addressees). */
export async function buildAppealCase(
  vault: Vault,
  spec: AppealCaseSpec,
  options: { appeal?: boolean } = {},
): Promise<BuiltAppealCase> {
  const record = await createCase(vault, {
    title: spec.title,
    reference: spec.reference,
    summary: spec.summary,
    countries: [spec.country],
    tags: ['INTERNALTAG-appeal'],
    status: 'follow-up',
  });
  const persons: Record<string, string> = {};
  for (const [key, p] of Object.entries(spec.persons)) {
    const created = await createPerson(
      vault,
      {
        name: p.name,
        familyName: p.familyName ?? '',
        givenName: p.givenName ?? '',
        aliases: p.aliases ?? [],
        hrdWork: p.hrdWork ?? [],
        occupation: p.occupation ?? '',
        affiliation: p.affiliation ?? '',
        ...(p.sex ? { sex: p.sex } : {}),
        notes: 'INTERNALNOTE-person',
        consent: p.consent ? { ...p.consent, notes: 'INTERNALNOTE-consent' } : null,
      },
      { caseId: record.id, role: p.role },
    );
    persons[key] = created.id;
  }
  for (const e of spec.events) {
    await createEvent(vault, record.id, {
      eventType: e.eventType,
      title: e.title,
      start: { value: e.start, qualifier: 'exact' },
      ongoing: e.ongoing ?? false,
      location: { country: spec.country, region: e.region, place: e.place },
      victims: e.victims.map((k) => persons[k]!),
      perpetrators: e.perpetrators.map((k) => ({ personId: persons[k]!, involvement: 'ordered' })),
      description: e.description,
      ...(e.forces || e.authority
        ? {
            detention: {
              forces: e.forces ?? '',
              authority: e.authority ?? '',
              places: [],
            },
          }
        : {}),
    });
  }
  if (spec.statement)
    await createTestimony(vault, record.id, {
      witnessId: persons[spec.statement.witness]!,
      statement: spec.statement.text,
      takenOn: { value: '2025-02-01', qualifier: 'exact' },
      consent: { scope: 'partners', naming: 'name' },
    });
  if (options.appeal !== false)
    await saveSubmission(vault, record.id, 'urgent-appeal', spec.appeal);
  return { caseId: record.id, persons };
}

/** An organisation key and profile, as an NGO issuing appeals has. */
export async function appealOrganisation(vault: Vault): Promise<void> {
  await generateOrgKey(vault, { name: 'Defenders Watch', email: 'appeals@defenders.example' });
  await updateOrganisation(vault, {
    name: 'Defenders Watch',
    address: 'Rue des Alpes 12, 1201 Geneva',
    email: 'appeals@defenders.example',
  });
}
