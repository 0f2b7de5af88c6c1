import { join } from 'node:path';
import type { ConsentRecord } from '../../shared/domain';
import type { MechanismArgumentsInput } from '../../shared/dossier';
import type { MechanismFactsInput } from '../../shared/mechanismFacts';
import { saveSubmission, type SubmissionKind } from '../../electron/core/dossier';
import { intakeFile } from '../../electron/core/evidence';
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
 * Cases for the regional bodies' templates, made up after the pattern of
 * public cases (an NGO leader convicted after her organisation's grants were
 * frozen, taken to the European Court; …). Each has a victim whose consent
 * names the body, a second person whose consent names another body only,
 * and a witness whose consent keeps them inside the organisation, mentioned
 * in the facts in another grammatical form of their name.
 */

type Consent = Partial<ConsentRecord>;

export interface RegionalPerson {
  name: string;
  aliases?: string[];
  role: string;
  consent: Consent | null;
  birthDate?: string;
  nationalities?: string[];
  residence?: string;
  occupation?: string;
  affiliation?: string;
  hrdWork?: string[];
}

export interface RegionalCaseSpec {
  key: string;
  title: string;
  reference: string;
  summary: string;
  country: string;
  persons: Record<string, RegionalPerson>;
  /** Keys of the persons the document must name in full. */
  named: string[];
  /** Every form of the names that must never leave for this body. */
  forbidden: string[];
  events: {
    eventType: string;
    title: string;
    start: string;
    place: string;
    region: string;
    victims: string[];
    perpetrators: string[];
    description: string;
    /** Persons (keys) whose own account the event rests on. */
    sources?: string[];
  }[];
  /** A statement whose consent covers the organisation only. */
  statement?: { witness: string; text: string };
  /** The lawyer's arguments, saved under the template's name. */
  arguments?: { kind: SubmissionKind; data: MechanismArgumentsInput };
  /** The case's mechanism facts (vigil case facts). */
  mechanismFacts?: MechanismFactsInput;
  /** Words of the facts each rendering must show. */
  facts: string[];
}

const ECHR_ONLY: Consent = {
  scope: 'named-mechanisms',
  mechanisms: ['echr'],
  naming: 'name',
  givenOn: '2026-03-02',
};

export const ECHR_CASE: RegionalCaseSpec = {
  key: 'azerbaijan',
  title: 'Conviction of the head of a legal-aid NGO after the freezing of its grants',
  reference: 'ECHR-AZE-2026-011',
  summary:
    'Günel Qasımova, who heads the Absheron Legal Clinic, was convicted of illegal entrepreneurship and tax evasion after the clinic’s foreign grants were frozen; the Supreme Court upheld the sentence.',
  country: 'AZ',
  persons: {
    qasimova: {
      name: 'Günel Qasımova',
      aliases: ['Gunel Gasimova'],
      role: 'victim',
      consent: ECHR_ONLY,
      birthDate: '1979-04-12',
      nationalities: ['AZ'],
      residence: '14 Nizami Street, apt. 9, Baku AZ1000',
      occupation: 'Lawyer',
      affiliation: 'Absheron Legal Clinic',
      hrdWork: ['lawyer'],
    },
    mammadli: {
      name: 'Elvin Məmmədli',
      aliases: ['Elvin Mammadli'],
      role: 'victim',
      // Consent names the UN Working Group only: the Court's material must not name him.
      consent: { scope: 'named-mechanisms', mechanisms: ['wgad'], naming: 'name' },
      occupation: 'Accountant',
    },
    babayev: {
      name: 'Тураль Бабаев',
      aliases: ['Tural Babayev'],
      role: 'witness',
      consent: { scope: 'internal-only', naming: 'none' },
    },
    judge: {
      name: 'Judge Rafael Hüseynzadə',
      role: 'perpetrator',
      consent: null,
    },
  },
  named: ['qasimova'],
  forbidden: [
    'Elvin Məmmədli',
    'Elvin Mammadli',
    'Тураль Бабаев',
    'Тураля Бабаева',
    'Tural Babayev',
  ],
  events: [
    {
      eventType: 'arbitrary-detention',
      title: 'Arrest at the clinic',
      start: '2025-06-18',
      place: 'Absheron Legal Clinic, Nasimi district',
      region: 'Baku',
      victims: ['qasimova', 'mammadli'],
      perpetrators: [],
      description:
        'Officers of the Main Police Department searched the clinic, seized its files on detainees and took the defender away; the clinic’s bookkeeper was questioned.',
    },
    {
      eventType: 'conviction',
      title: 'Sentence of the Baku Grave Crimes Court',
      start: '2025-11-20',
      place: 'Baku Grave Crimes Court',
      region: 'Baku',
      victims: ['qasimova'],
      perpetrators: ['judge'],
      description:
        'Six years’ imprisonment; the court relied on a statement Тураля Бабаева later retracted, and refused to hear the defence’s auditor.',
    },
    {
      eventType: 'final-domestic-decision',
      title: 'Supreme Court of Azerbaijan, cassation dismissed',
      start: '2026-05-12',
      place: 'Supreme Court',
      region: 'Baku',
      victims: ['qasimova'],
      perpetrators: [],
      description: 'The cassation appeal was dismissed without a hearing.',
    },
  ],
  statement: {
    witness: 'babayev',
    text: 'I signed the statement about the grants after two nights at the police station.',
  },
  arguments: {
    kind: 'echr',
    data: {
      violations: [
        {
          provision: 'Article 5 § 1',
          argument:
            'She was detained for having run a lawful legal-aid organisation; no reasonable suspicion of an offence was shown.',
        },
        {
          provision: 'Article 18',
          argument:
            'The proceedings pursued the ulterior purpose of silencing her clinic, which documented political prisoners.',
        },
      ],
    },
  },
  mechanismFacts: {
    states: ['AZ'],
    finalDecision: {
      authority: 'Supreme Court of the Republic of Azerbaijan',
      reference: '1(102)-457/2026',
      decision: 'The cassation appeal against the conviction was dismissed.',
      decidedOn: '2026-05-12',
      notifiedOn: '2026-05-20',
    },
    remedies: {
      status: 'exhausted',
      steps:
        'Appeal to the Baku Court of Appeal, dismissed on 3 March 2026; cassation appeal to the Supreme Court, dismissed on 12 May 2026. Neither court examined why the statement of Тураля Бабаева was retracted.',
    },
    otherProcedures: [],
  },
  facts: [
    'Absheron Legal Clinic',
    'illegal entrepreneurship',
    'Main Police Department',
    '1(102)-457/2026',
    'Baku Court of Appeal',
  ],
};

const IACHR_ONLY: Consent = {
  scope: 'named-mechanisms',
  mechanisms: ['iachr'],
  naming: 'name',
  givenOn: '2026-04-02',
};

/**
 * A Q'eqchi' community radio journalist threatened and prosecuted after
 * reporting on a nickel mine (after public cases before the Commission):
 * both a petition and a request for precautionary measures.
 */
export const IACHR_CASE: RegionalCaseSpec = {
  key: 'guatemala',
  title: 'Threats and prosecution of a community radio journalist in El Estor',
  reference: 'CIDH-GTM-2026-003',
  summary:
    'Juana Xoc Caal, who runs the community radio Xyaab’ Tzuul Taq’a, was charged with instigation after reporting on the contamination of Lake Izabal; armed men have since watched her house.',
  country: 'GT',
  persons: {
    xoc: {
      name: 'Juana Xoc Caal',
      role: 'victim',
      consent: IACHR_ONLY,
      occupation: 'Community journalist',
      affiliation: 'Radio Xyaab’ Tzuul Taq’a',
      nationalities: ['GT'],
    },
    tiul: {
      name: 'Mateo Tiul Caal',
      aliases: ['Tiul Caal'],
      role: 'witness',
      consent: { scope: 'internal-only', naming: 'none' },
    },
    other: {
      name: 'Rosendo Choc Pop',
      role: 'victim',
      // Consent names the UN Working Group only: the Commission's documents must not name him.
      consent: { scope: 'named-mechanisms', mechanisms: ['wgad'], naming: 'name' },
    },
  },
  named: ['xoc'],
  forbidden: ['Mateo Tiul Caal', 'Tiul Caal', 'Rosendo Choc Pop'],
  events: [
    {
      eventType: 'judicial-harassment',
      title: 'Charge of instigation to commit a crime',
      start: '2025-10-02',
      place: 'Juzgado de Primera Instancia Penal',
      region: 'Izabal',
      victims: ['xoc', 'other'],
      perpetrators: [],
      description:
        'The prosecutor charged her after a broadcast on the mine; the complaint relied on a statement attributed to Tiul Caal, who denies making it.',
    },
    {
      eventType: 'threats',
      title: 'Armed men outside her house',
      start: '2026-03-14',
      place: 'Barrio El Centro, El Estor',
      region: 'Izabal',
      victims: ['xoc'],
      perpetrators: [],
      description: 'Two armed men in an unmarked pick-up watched the house for three nights.',
    },
  ],
  statement: {
    witness: 'tiul',
    text: 'They told me to sign a paper about the radio or lose my job at the mine.',
  },
  arguments: {
    kind: 'iachr-petition',
    data: {
      violations: [
        {
          provision: 'Article 13 of the American Convention',
          argument: 'She was prosecuted for her broadcasts on the contamination of the lake.',
        },
        {
          provision: 'Article 8 of the American Convention',
          argument: 'The charge rests on a statement the alleged witness denies having made.',
        },
      ],
    },
  },
  mechanismFacts: {
    states: ['GT'],
    finalDecision: {
      authority: 'Corte de Constitucionalidad',
      reference: 'Expediente 2211-2026',
      decision: 'The amparo against the prosecution was dismissed.',
      decidedOn: '2026-04-20',
      notifiedOn: '2026-04-28',
    },
    remedies: {
      status: 'exhausted',
      steps:
        'Amparo before the Court of Appeal, then before the Constitutional Court, both dismissed.',
    },
    otherProcedures: [],
    identityWithheldFromState: true,
    authoritiesInformedOfRisk: true,
    authoritiesInformedHow:
      'Reported to the Public Ministry in El Estor on 16 March 2026; no protection was provided.',
  },
  facts: ['Lake Izabal', 'unmarked pick-up', 'Expediente 2211-2026'],
};

const ACHPR_ONLY: Consent = {
  scope: 'named-mechanisms',
  mechanisms: ['achpr'],
  naming: 'name',
  givenOn: '2026-06-01',
};

/**
 * A women's rights defender in Khartoum detained by the intelligence service
 * and convicted after her network documented sexual violence (after public
 * communications to the African Commission): the witness is named in an
 * Arabic description with a preposition attached to his name.
 */
export const ACHPR_CASE: RegionalCaseSpec = {
  key: 'sudan',
  title: 'Detention and conviction of the coordinator of a women’s legal-aid network',
  reference: 'ACHPR-SDN-2026-007',
  summary:
    'Nafisa Abdelrahim Idris, who coordinates the Darfur Women’s Legal Aid Network, was detained by the General Intelligence Service after the network published its report on sexual violence, and sentenced to three years for undermining the constitutional order.',
  country: 'SD',
  persons: {
    nafisa: {
      name: 'Nafisa Abdelrahim Idris',
      role: 'victim',
      consent: ACHPR_ONLY,
      occupation: 'Women’s rights defender',
      affiliation: 'Darfur Women’s Legal Aid Network',
      nationalities: ['SD'],
    },
    khalid: {
      name: 'خالد الطيب بشير',
      aliases: ['Khalid al-Tayeb Bashir'],
      role: 'witness',
      consent: { scope: 'internal-only', naming: 'none' },
    },
    yousif: {
      name: 'Yousif Adam Haroun',
      role: 'victim',
      // Consent names the UN Working Group only: the Commission's communication must not name him.
      consent: { scope: 'named-mechanisms', mechanisms: ['wgad'], naming: 'name' },
    },
  },
  named: ['nafisa'],
  forbidden: ['Yousif Adam Haroun', 'خالد الطيب بشير', 'Khalid al-Tayeb Bashir', 'Tayeb Bashir'],
  events: [
    {
      eventType: 'arbitrary-detention',
      title: 'Arrest at the network’s office',
      start: '2025-09-08',
      place: 'Al-Amarat, Street 15',
      region: 'Khartoum',
      victims: ['nafisa', 'yousif'],
      perpetrators: [],
      sources: ['nafisa'],
      description:
        'اقتحم عناصر جهاز المخابرات العامة مقر الشبكة وصادروا ملفات الناجيات، واستند التقرير الأمني إلى أقوال نُسبت لخالد الطيب بشير.',
    },
    {
      eventType: 'conviction',
      title: 'Sentence of the Khartoum Criminal Court',
      start: '2026-01-15',
      place: 'Khartoum North Criminal Court',
      region: 'Khartoum',
      victims: ['nafisa'],
      perpetrators: [],
      description:
        'Three years’ imprisonment under article 50 of the Criminal Act 1991; the court refused to hear the defence witnesses.',
    },
  ],
  statement: {
    witness: 'khalid',
    text: 'The officers wrote the statement themselves and told me to sign it.',
  },
  arguments: {
    kind: 'achpr',
    data: {
      violations: [
        {
          provision: 'Article 6 of the African Charter',
          argument: 'She was detained for documenting sexual violence; no offence was shown.',
        },
        {
          provision: 'Article 10 of the African Charter',
          argument:
            'The network’s office was closed because its members associated to defend survivors.',
        },
      ],
    },
  },
  mechanismFacts: {
    states: ['SD'],
    finalDecision: {
      authority: 'Supreme Court of Sudan',
      reference: 'MA/TH/611/2026',
      decision: 'The appeal against the conviction was dismissed.',
      decidedOn: '2026-05-04',
      notifiedOn: '2026-05-11',
    },
    remedies: {
      status: 'exhausted',
      steps:
        'Appeal to the Court of Appeal, dismissed on 2 March 2026; appeal to the Supreme Court, dismissed on 4 May 2026.',
    },
    otherProcedures: [
      {
        body: 'UN Working Group on Arbitrary Detention',
        reference: 'UA SDN 4/2025',
        date: '2025-10-01',
        status: 'pending',
      },
    ],
    identityWithheldFromState: true,
  },
  facts: [
    'General Intelligence Service',
    'Khartoum North Criminal Court',
    'MA/TH/611/2026',
    'UA SDN 4/2025',
  ],
};

/** The precautionary measures' own arguments for IACHR_CASE. */
export const IACHR_PRECAUTIONARY = {
  risk: 'The men returned after each broadcast; a journalist of the same radio was killed in 2024 after similar surveillance.',
  measures: [
    'Adopt the measures needed to protect the life and personal integrity of the beneficiary.',
    'Agree the measures with the beneficiary and her representatives.',
  ],
};

export interface BuiltRegionalCase {
  caseId: string;
  persons: Record<string, string>;
}

export async function buildRegionalCase(
  vault: Vault,
  spec: RegionalCaseSpec,
  options: { arguments?: boolean; evidence?: boolean; facts?: boolean } = {},
): Promise<BuiltRegionalCase> {
  const record = await createCase(vault, {
    title: spec.title,
    reference: spec.reference,
    summary: spec.summary,
    countries: [spec.country],
    tags: ['INTERNALTAG-regional'],
    status: 'follow-up',
  });
  const persons: Record<string, string> = {};
  for (const [key, p] of Object.entries(spec.persons)) {
    const created = await createPerson(
      vault,
      {
        name: p.name,
        aliases: p.aliases ?? [],
        hrdWork: p.hrdWork ?? [],
        occupation: p.occupation ?? '',
        affiliation: p.affiliation ?? '',
        nationalities: p.nationalities ?? [],
        residence: p.residence ?? '',
        ...(p.birthDate ? { birthDate: { value: p.birthDate, qualifier: 'exact' } } : {}),
        notes: 'INTERNALNOTE-person',
        consent: p.consent ? { ...p.consent, notes: 'INTERNALNOTE-consent' } : null,
      },
      { caseId: record.id, role: p.role },
    );
    persons[key] = created.id;
  }
  for (const e of spec.events)
    await createEvent(vault, record.id, {
      eventType: e.eventType,
      title: e.title,
      start: { value: e.start, qualifier: 'exact' },
      location: { country: spec.country, region: e.region, place: e.place },
      victims: e.victims.map((k) => persons[k]!),
      perpetrators: e.perpetrators.map((k) => ({ personId: persons[k]!, involvement: 'ordered' })),
      description: e.description,
      sources: (e.sources ?? []).map((k) => ({ personId: persons[k]!, reliability: 'unknown' })),
    });
  if (spec.statement)
    await createTestimony(vault, record.id, {
      witnessId: persons[spec.statement.witness]!,
      statement: spec.statement.text,
      takenOn: { value: '2026-01-20', qualifier: 'exact' },
      consent: { scope: 'internal-only', naming: 'none' },
    });
  if (spec.arguments && options.arguments !== false)
    await saveSubmission(vault, record.id, spec.arguments.kind, spec.arguments.data);
  if (spec.mechanismFacts && options.facts !== false)
    await saveSubmission(vault, record.id, 'facts', spec.mechanismFacts);
  if (options.evidence !== false)
    await intakeFile(vault, {
      caseId: record.id,
      path: join(import.meta.dirname, '../fixtures/metadata/meta.png'),
    });
  return { caseId: record.id, persons };
}

/** The organisation that represents the applicants, with its signing key. */
export async function regionalOrganisation(vault: Vault): Promise<void> {
  await generateOrgKey(vault, { name: 'Caucasus Legal Defence', email: 'cases@cld.example' });
  await updateOrganisation(vault, {
    name: 'Caucasus Legal Defence',
    address: 'Rue du Conseil 4\n67000 Strasbourg',
    email: 'cases@cld.example',
    phone: '+33 3 88 00 00 00',
  });
}
