import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVigilError } from '../../../electron/core';
import {
  approveRelease,
  exportDossier,
  reviewRelease,
  saveWgadSubmission,
} from '../../../electron/core/dossier';
import type { ExportRequest } from '../../../electron/core/dossier';
import { generateOrgKey } from '../../../electron/core/pgp';
import {
  createCase,
  createEvent,
  createPerson,
  createTestimony,
} from '../../../electron/core/records';
import type { Vault } from '../../../electron/core/vault/vault';
import { findInOutputs, readableText, readDossierOutputs } from '../../helpers/dossierOutputs';
import { hasTool } from '../../helpers/peers';
import { newVault } from '../../helpers/vault';

/**
 * Withheld people with real names in six languages, mentioned in running text
 * in the forms their languages give them, exported for a mechanism, for the
 * public and for partners: no form of any of their names may be anywhere in
 * what leaves (PDF text read back with pdftotext, every DOCX part, case.json,
 * manifest.json, VERIFY.txt, file names), no ordinary word may change, and an
 * ambiguous word stops the export until it is settled in the release review.
 * The forms below are written out by hand: the oracle does not use the
 * mention search it tests.
 */
const everyone = { scope: 'public' as const, givenOn: '2024-01-01' };

const WITHHELD = [
  {
    name: 'Ольга Кузнецова',
    aliases: ['Olga Kuznetsova'],
    sex: 'female',
    language: 'ru',
    statement:
      'Я видела, как Ольгу Кузнецову вывели из дома. Ольге не дали позвонить, а с Кузнецовой никто не говорил. Его вера в закон не пропала.',
    ordinary: 'Его вера в закон не пропала.',
    forms: [
      'Ольга',
      'Ольгу',
      'Ольге',
      'Ольгой',
      'Кузнецова',
      'Кузнецову',
      'Кузнецовой',
      'Olga',
      'Kuznetsova',
    ],
  },
  {
    name: 'Петро Гончаренко',
    aliases: [],
    sex: 'male',
    language: 'uk',
    statement:
      'Петра Гончаренка затримали вранці. Петрові не дали адвоката, з Гончаренком говорили погрозами. Мороз був сильний.',
    ordinary: 'Мороз був сильний.',
    forms: ['Петро', 'Петра', 'Петрові', 'Гончаренко', 'Гончаренка', 'Гончаренком'],
  },
  {
    name: 'خالد العمري',
    aliases: ['Khaled al-Omari'],
    sex: 'male',
    language: 'ar',
    statement:
      'رأيت خالد العمري عند الحاجز. وقلنا لخالد أن ينتظر، وبالعمري مرّ الضابط. لدينا أمل كبير.',
    ordinary: 'لدينا أمل كبير.',
    forms: ['خالد', 'لخالد', 'العمري', 'بالعمري', 'Khaled', 'Omari'],
  },
  {
    name: '陈小红',
    aliases: ['Chen Xiaohong'],
    familyName: '陈',
    givenName: '小红',
    sex: 'female',
    language: 'zh',
    statement: '陈小红看见他们被带走。后来陈小红女士说她很害怕。天很红。',
    ordinary: '天很红。',
    forms: ['陈小红', 'Chen Xiaohong', 'Xiaohong'],
  },
  {
    name: 'Mariana Quispe Huamán',
    aliases: [],
    sex: 'female',
    language: 'es',
    statement:
      'Mariana Quispe vio la detención. El hermano de Mariana llegó después; QUISPE HUAMAN firmó. Pedimos paz y justicia.',
    ordinary: 'Pedimos paz y justicia.',
    forms: ['Mariana', 'Quispe', 'Huamán', 'Huaman'],
  },
  {
    name: 'Héloïse Dubois-Lefèvre',
    aliases: [],
    sex: 'female',
    language: 'fr',
    statement:
      "Héloïse Dubois a tout vu. Le frère d'Héloïse et HELOISE LEFEVRE l'ont confirmé. Une pierre blanche marque l'endroit.",
    ordinary: "Une pierre blanche marque l'endroit.",
    forms: ['Héloïse', 'Heloise', 'Dubois', 'Lefèvre', 'Lefevre'],
  },
] as const;

const AMBIGUOUS = {
  name: 'Grace Mbeki',
  description: 'Grace Mbeki filmed the arrest. By the grace of God nobody was killed.',
  ordinary: 'By the grace of God nobody was killed.',
  forms: ['Mbeki'],
};

const ARGUMENT_ORDINARY = 'The appeal court never heard the complaint.';

const hasPdf = hasTool('pdftotext');

describe.skipIf(!hasPdf)('names of withheld people in every output, for every audience', () => {
  let root: string;
  let vault: Vault;
  let caseId: string;
  let eventId: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-names-'));
    ({ vault } = await newVault({ root }));
    await generateOrgKey(vault, { name: 'Defenders Watch', email: 'cases@defenders.example' });
    caseId = (await createCase(vault, { title: 'Arrests of six witnesses', countries: ['UA'] })).id;
    const victim = await createPerson(
      vault,
      {
        name: 'Amira Nasser',
        consent: { ...everyone, naming: 'name', knowsGovernmentContacted: true },
      },
      { caseId, role: 'victim' },
    );
    for (const w of WITHHELD) {
      const person = await createPerson(
        vault,
        {
          name: w.name,
          aliases: [...w.aliases],
          familyName: 'familyName' in w ? w.familyName : '',
          givenName: 'givenName' in w ? w.givenName : '',
          sex: w.sex,
          consent: { ...everyone, naming: 'none' },
        },
        { caseId, role: 'witness' },
      );
      await createTestimony(vault, caseId, {
        witnessId: person.id,
        language: w.language,
        statement: w.statement,
        consent: { ...everyone, naming: 'none' },
      });
    }
    await createPerson(
      vault,
      { name: AMBIGUOUS.name, consent: { ...everyone, naming: 'none' } },
      { caseId, role: 'witness' },
    );
    // The lawyer's arguments name the withheld witnesses too: they go to the mechanism in the
    // document and to partners in case.json, released like every other text.
    await saveWgadSubmission(vault, caseId, {
      circumstances: `${WITHHELD.map((w) => w.statement).join(' ')} ${ARGUMENT_ORDINARY}`,
      categories: { III: { argued: true, argument: WITHHELD[0].statement } },
    });
    eventId = (
      await createEvent(vault, caseId, {
        eventType: 'arbitrary-arrest',
        title: 'Arrest at the checkpoint',
        start: { value: '2024-03-06', qualifier: 'exact' },
        victims: [victim.id],
        description: AMBIGUOUS.description,
      })
    ).id;
  }, 120_000);
  afterAll(async () => {
    await vault.lock();
    await rm(root, { recursive: true, force: true });
  });

  const requests: [string, ExportRequest][] = [
    [
      'a mechanism (WGAD)',
      {
        caseId: '',
        template: 'wgad',
        language: 'en',
        audience: { kind: 'mechanism', mechanism: 'wgad' },
        includePrivate: false,
        originals: [],
      },
    ],
    [
      'the public',
      {
        caseId: '',
        template: 'generic',
        language: 'fr',
        audience: { kind: 'public' },
        includePrivate: false,
        originals: [],
      },
    ],
    [
      'partners',
      {
        caseId: '',
        template: 'generic',
        language: 'ru',
        audience: { kind: 'partners' },
        includePrivate: false,
        originals: [],
      },
    ],
  ];

  for (const [label, template] of requests) {
    it(`${label}: the ambiguous word stops the export; once settled, no form of any withheld name leaves and no ordinary word changes`, async () => {
      const request = { ...template, caseId };
      const key =
        request.audience!.kind === 'mechanism'
          ? request.audience!.mechanism
          : request.audience!.kind;
      const out = join(root, `dossier-${key}`);
      const stopped = await exportDossier(vault, request, { kind: 'directory', path: out }).catch(
        (e: unknown) => e,
      );
      expect(isVigilError(stopped, 'REVIEW_NEEDED')).toBe(true);
      expect((stopped as Error).message).toContain(`event ${eventId} (description): "grace"`);

      const review = await reviewRelease(vault, caseId, key, eventId);
      const grace = review.records[0]!.changes.find((c) => c.original === 'grace')!;
      await approveRelease(vault, {
        caseId,
        audience: key,
        recordId: eventId,
        decisions: [{ change: grace.n, decision: { decision: 'reject' } }],
      });
      await exportDossier(vault, request, { kind: 'directory', path: out });

      const outputs = await readDossierOutputs(out);
      const forms = [...WITHHELD.flatMap((w) => w.forms), ...AMBIGUOUS.forms];
      expect(findInOutputs(outputs, forms)).toEqual([]);
      const text = readableText(outputs).replace(/\s+/gu, ' ');
      for (const sentence of [...WITHHELD.map((w) => w.ordinary), AMBIGUOUS.ordinary])
        expect(text).toContain(sentence);
      expect(text).toContain('Amira Nasser');
      // The arguments went (the WGAD document; partners' case.json), with no name in them.
      if (request.audience!.kind !== 'public') expect(text).toContain(ARGUMENT_ORDINARY);
    }, 180_000);
  }
});
