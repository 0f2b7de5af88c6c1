import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportDossier,
  previewExport,
  saveMechanismFacts,
  type ExportRequest,
} from '../../../electron/core/dossier';
import { WORDS } from '../../../electron/core/dossier/templates/words';
import { generateOrgKey } from '../../../electron/core/pgp';
import { labelsFor } from '../../../electron/core/render';
import {
  createCase,
  createEvent,
  createPerson,
  createTestimony,
  updateOrganisation,
} from '../../../electron/core/records';
import type { Vault } from '../../../electron/core/vault/vault';
import { DOSSIER_LANGUAGES, type DossierLanguage } from '../../../shared/dossier';
import { VOCABULARIES } from '../../../shared/vocabularies';
import { runVigilInProcess } from '../../helpers/cli';
import {
  findInOutputs,
  fold,
  readableText,
  readDossierOutputs,
  type DossierOutput,
} from '../../helpers/dossierOutputs';
import { Gpg, hasGpg } from '../../helpers/gpg';
import { hasTool } from '../../helpers/peers';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';

/**
 * The communication to the UN Special Procedures (issue 16, template 1), on a
 * case made after public urgent interventions on Belarusian defenders (a
 * monitor detained after publishing a report on torture in pre-trial
 * detention, her human rights centre taken to court to be dissolved): every
 * section in PDF and DOCX in five languages, the checklist agreeing with the
 * document, consent for the mandate applied (initials where consent says so,
 * a witness consent keeps inside the vault absent in every form, the
 * accusative too), no internal trace, and gpg alone verifying the signature.
 */

const canRead = hasTool('pdftotext') && hasGpg;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const BASE = 'special-procedures-communication';

const MONITOR = { name: 'Алеся Карпенка', initials: 'А. К.' };
const ORGANISATION = 'Human Rights Centre Zorka';
const LAWYER = 'Dzianis Markevich';
const WITNESS = {
  name: 'Ольга Сидоренко',
  forms: ['Ольга Сидоренко', 'Ольгу Сидоренко', 'Ольги Сидоренко'],
};
const DESCRIPTION_ARREST =
  'Officers searched the office of the centre and detained the monitor two days after she published a report on torture in pre-trial detention. A volunteer, Ольгу Сидоренко, saw the arrest from the street.';
const DESCRIPTION_DISSOLUTION =
  'The Ministry of Justice asked the Supreme Court to dissolve the centre for "activities without registration".';
const HRD_LINK =
  'The arrest came two days after the monitor published the centre’s report on torture in pre-trial detention; the investigator questioned her only about that report and its sources.';
const DECISION = 'Upheld the dissolution of the centre.';

const request = (caseId: string, language: DossierLanguage): ExportRequest => ({
  caseId,
  template: 'sp',
  language,
  includePrivate: false,
});

/**
 * Whether `text` holds `phrase`; in Arabic, word by word (pdftotext moves the
 * punctuation of right-to-left lines to the other side of the next word).
 */
function holds(text: string, phrase: string, language: DossierLanguage): boolean {
  if (language !== 'ar') return text.includes(fold(phrase));
  return fold(phrase)
    .split(/\s+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .every((word) => text.includes(word));
}

function documentTexts(outputs: readonly DossierOutput[]): { pdf: string; docx: string } {
  const pdf = outputs.find((o) => o.source === `${BASE}.pdf`)!.text;
  const docx = outputs.find((o) => o.source === `${BASE}.docx#word/document.xml (text)`)!.text;
  return { pdf: fold(pdf), docx: fold(docx) };
}

describe.skipIf(!canRead)('the Special Procedures communication', () => {
  let root: string;
  let vault: Vault;
  let vaultDir: string;
  let passFile: string;
  let caseId: string;
  let bareCaseId: string;
  const outputs = new Map<DossierLanguage, DossierOutput[]>();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-sp-'));
    const created = await newVault({ root });
    vault = created.vault;
    vaultDir = created.dir;
    passFile = join(root, 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    await generateOrgKey(vault, { name: 'Defenders Watch', email: 'cases@defenders.example' });
    await updateOrganisation(vault, {
      name: 'Defenders Watch',
      address: 'Rue des Alpes 12, 1201 Geneva',
      email: 'cases@defenders.example',
    });
    const c = await createCase(vault, {
      title: 'Monitor detained, human rights centre dissolved',
      reference: 'SP-BLR-2025-014',
      summary: 'A monitor of the centre detained; the centre dissolved by the Supreme Court.',
      countries: ['BY'],
      tags: ['INTERNALTAG-sp'],
    });
    caseId = c.id;
    const forSr = (naming: string, knows: boolean) => ({
      scope: 'named-mechanisms',
      mechanisms: ['sr-hrd'],
      naming,
      knowsGovernmentContacted: knows,
      givenOn: '2025-03-20',
      notes: 'INTERNALNOTE-consent',
    });
    const monitor = await createPerson(
      vault,
      {
        name: MONITOR.name,
        sex: 'female',
        age: 34,
        nationalities: ['BY'],
        occupation: 'Human rights monitor',
        hrdWork: ['human-rights-defender', 'womens-rights-defender'],
        affiliation: ORGANISATION,
        notes: 'INTERNALNOTE-person',
        consent: forSr('initials', true),
      },
      { caseId, role: 'victim' },
    );
    const centre = await createPerson(
      vault,
      {
        name: ORGANISATION,
        personType: 'organisation',
        occupation: 'Documents political prosecutions and torture in Belarus since 2011',
        hrdWork: ['human-rights-defender'],
      },
      { caseId, role: 'victim' },
    );
    const gubopik = await createPerson(
      vault,
      {
        name: 'GUBOPiK',
        personType: 'organisation',
        occupation: 'Main Directorate for Combating Organised Crime, Ministry of Internal Affairs',
      },
      { caseId, role: 'perpetrator' },
    );
    const ministry = await createPerson(
      vault,
      { name: 'Ministry of Justice of Belarus', personType: 'organisation' },
      { caseId, role: 'perpetrator' },
    );
    const witness = await createPerson(
      vault,
      { name: WITNESS.name, consent: { scope: 'internal-only', naming: 'none' } },
      { caseId, role: 'witness' },
    );
    const lawyer = await createPerson(
      vault,
      { name: LAWYER, consent: forSr('name', true) },
      { caseId, role: 'legal-representative' },
    );
    await createEvent(vault, caseId, {
      eventType: 'arbitrary-arrest',
      title: 'Arrest after the torture report',
      start: { value: '2025-03-14', qualifier: 'exact' },
      location: {
        country: 'BY',
        region: 'Minsk',
        place: 'Office of the centre, Kalvaryjskaja street',
      },
      victims: [monitor.id],
      perpetrators: [{ personId: gubopik.id, involvement: 'ordered' }],
      description: DESCRIPTION_ARREST,
      sources: [{ personId: witness.id, reliability: 'high' }],
    });
    await createEvent(vault, caseId, {
      eventType: 'arbitrary-detention',
      title: 'Pre-trial detention',
      start: { value: '2025-03-16', qualifier: 'exact' },
      ongoing: true,
      location: { country: 'BY', region: 'Minsk', place: 'Pre-trial detention centre No. 1' },
      victims: [monitor.id],
      perpetrators: [{ personId: gubopik.id, involvement: 'ordered' }],
      description: 'She has been held since, without access to her lawyer.',
    });
    await createEvent(vault, caseId, {
      eventType: 'judicial-harassment',
      title: 'Dissolution of the centre',
      start: { value: '2025-05-02', qualifier: 'exact' },
      location: { country: 'BY', region: 'Minsk', place: 'Supreme Court' },
      victims: [centre.id],
      perpetrators: [{ personId: ministry.id, involvement: 'ordered' }],
      description: DESCRIPTION_DISSOLUTION,
    });
    await createTestimony(vault, caseId, {
      witnessId: lawyer.id,
      statement: 'I was refused access to my client three times.',
      takenOn: { value: '2025-04-01', qualifier: 'exact' },
      consent: forSr('name', true),
    });
    await saveMechanismFacts(vault, caseId, {
      states: ['BY'],
      mandates: ['hrd', 'arbitrary-detention', 'assembly-association'],
      finalDecision: {
        authority: 'Supreme Court of Belarus',
        reference: 'No. 12-04/2025',
        decision: DECISION,
        decidedOn: '2025-06-10',
        notifiedOn: '2025-06-12',
      },
      remedies: {
        status: 'pending',
        steps: 'Complaint to the prosecutor against the detention (no reply).',
      },
      otherProcedures: [
        { body: 'WGAD', reference: 'Urgent action', date: '2025-04-02', status: 'pending' },
      ],
      hrdWorkLink: HRD_LINK,
      authoritiesInformedOfRisk: true,
      authoritiesInformedHow: 'The lawyer wrote to the prosecutor on 20 March 2025; no reply.',
    });
    for (const language of DOSSIER_LANGUAGES) {
      const out = join(root, `sp-${language}`);
      await exportDossier(vault, request(caseId, language), { kind: 'directory', path: out });
      outputs.set(language, await readDossierOutputs(out));
      // VIGIL_WRITE_TEMPLATE_PAGES=1 refreshes the pages shown in docs/templates.
      if (process.env.VIGIL_WRITE_TEMPLATE_PAGES && (language === 'en' || language === 'ar'))
        spawnSync('pdftoppm', [
          '-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile',
          join(out, `${BASE}.pdf`),
          join(process.cwd(), 'docs', 'templates', `sp-${language}`),
        ]); // prettier-ignore
    }
    // A case the checklist must stop: no named victim, no facts, a media report only.
    const bare = await createCase(vault, { title: 'Reported abduction', countries: ['BY'] });
    bareCaseId = bare.id;
    const anonymous = await createPerson(
      vault,
      { name: 'Пётр Иванов', consent: { scope: 'internal-only', naming: 'none' } },
      { caseId: bare.id, role: 'victim' },
    );
    await createEvent(vault, bare.id, {
      eventType: 'arbitrary-arrest',
      start: { value: '2025-07-01', qualifier: 'exact' },
      victims: [anonymous.id],
      description: 'Reported by an online news site.',
      sources: [{ description: 'News site article, 2 July 2025', reliability: 'unknown' }],
    });
  }, 600_000);

  afterAll(async () => {
    await vault?.lock();
    if (root) await rm(root, { recursive: true, force: true });
  });

  const vigil = async (args: string[]) => {
    await vault.lock();
    try {
      return await runVigilInProcess([...args, '--vault', vaultDir, '--passphrase-file', passFile]);
    } finally {
      vault = await reopen(vaultDir);
    }
  };

  it.each(DOSSIER_LANGUAGES)(
    'in %s: every section, the victims, violations and facts',
    (language) => {
      const w = WORDS[language].sp;
      const { pdf, docx } = documentTexts(outputs.get(language)!);
      for (const text of [pdf, docx]) {
        for (const heading of [
          w.title,
          w.urgent,
          w.mandates,
          w.victims,
          w.violations,
          w.hrdLink,
          w.perpetrators,
          w.authorities,
          w.finalDecision,
          w.otherProcedures,
          w.consent,
          w.knowsGovernment,
          w.submitter,
          w.confidential,
        ])
          expect(holds(text, heading, language), `${language}: ${heading}`).toBe(true);
        expect(holds(text, w.allegation, language)).toBe(false);
        for (const m of ['hrd', 'arbitrary-detention', 'assembly-association'])
          expect(
            holds(
              text,
              VOCABULARIES['sp-mandate'].terms.find((t) => t.id === m)!.labels[language],
              language,
            ),
            m,
          ).toBe(true);
        // Consent for the mandate: the monitor by her initials, the centre by its name.
        expect(holds(text, MONITOR.initials, language), MONITOR.initials).toBe(true);
        expect(text).not.toContain(fold(MONITOR.name));
        expect(holds(text, w.initials, language)).toBe(true);
        expect(holds(text, ORGANISATION, language), ORGANISATION).toBe(true);
        expect(
          holds(text, 'Documents political prosecutions and torture', language),
          'Documents political prosecutions and torture',
        ).toBe(true);
        for (const words of [HRD_LINK, DECISION, DESCRIPTION_DISSOLUTION])
          for (const word of ['torture', 'dissolve', 'upheld', 'investigator'].filter((x) =>
            fold(words).includes(x),
          ))
            expect(holds(text, word, language)).toBe(true);
        expect(holds(text, 'Supreme Court of Belarus', language), 'Supreme Court of Belarus').toBe(
          true,
        );
        expect(holds(text, 'gubopik', language)).toBe(true);
        expect(
          holds(text, 'Main Directorate for Combating Organised Crime', language),
          'Main Directorate for Combating Organised Crime',
        ).toBe(true);
        expect(
          holds(text, 'Ministry of Justice of Belarus', language),
          'Ministry of Justice of Belarus',
        ).toBe(true);
        expect(
          holds(text, 'Pre-trial detention centre No. 1', language),
          'Pre-trial detention centre No. 1',
        ).toBe(true);
        expect(holds(text, 'defenders watch', language)).toBe(true);
        // Complete: no missing marker anywhere.
        expect(text).not.toContain(
          fold(labelsFor({ title: '', language, blocks: [] }).missingBare).slice(0, -1),
        );
      }
    },
  );

  it('the checklist is complete and names what the document holds; the audience is the SR on defenders', async () => {
    const preview = await previewExport(vault, request(caseId, 'en'));
    expect(preview.audience).toEqual({ kind: 'mechanism', mechanism: 'sr-hrd' });
    expect(preview.missing).toEqual([]);
    expect(preview.checklist.map((i) => `${i.part}:${i.field}`)).toEqual(
      expect.arrayContaining([
        'sp-victims:victim',
        'sp-violations:date',
        'sp-violations:place',
        'sp-violations:hrdWorkLink',
        'sp-sources:firstHand',
        'sp-consent:victimKnowsGovernmentContacted',
        'sp-submitter:organisation.name',
      ]),
    );
  });

  it('no witness consent keeps inside the vault passes, in any grammatical form, in any file or language', () => {
    for (const language of DOSSIER_LANGUAGES) {
      expect(findInOutputs(outputs.get(language)!, WITNESS.forms), language).toEqual([]);
      // The sentence that named her arrives with its other words intact.
      const { pdf } = documentTexts(outputs.get(language)!);
      expect(pdf).toContain(fold('saw the arrest from the street'));
    }
  });

  it('carries no internal trace: no ids, notes, tags or the case summary', () => {
    for (const language of DOSSIER_LANGUAGES) {
      const text = readableText(outputs.get(language)!);
      expect(text).not.toMatch(UUID);
      expect(text).not.toMatch(/INTERNALNOTE|INTERNALTAG/);
    }
  });

  it('the Arabic communication is right to left', () => {
    const doc = outputs.get('ar')!.find((o) => o.source === `${BASE}.docx#word/document.xml`)!;
    expect(doc.text).toContain('<w:bidi/>');
    expect(documentTexts(outputs.get('ar')!).pdf).toContain(fold('بلاغ إلى الإجراءات الخاصة'));
  });

  it('gpg alone verifies the signatures and the hashes', async () => {
    const gpg = await Gpg.create();
    try {
      for (const language of ['en', 'ar'] as const) {
        const dir = join(root, `sp-${language}`);
        expect((await gpg.run(['--import', join(dir, 'signer-key.asc')])).code).toBe(0);
        for (const file of ['manifest.json', 'SHA256SUMS']) {
          const r = await gpg.run(['--verify', join(dir, `${file}.asc`), join(dir, file)]);
          expect(r.code, r.stderr).toBe(0);
          expect(r.stderr).toMatch(/Good signature/);
        }
        const sums = await readFile(join(dir, 'SHA256SUMS'), 'utf8');
        expect(sums).toContain(`  ${BASE}.pdf\n`);
        const check = spawnSync('sha256sum', ['--check', '--quiet', 'SHA256SUMS'], { cwd: dir });
        expect(check.status, check.stdout.toString()).toBe(0);
      }
    } finally {
      await gpg.close();
    }
  });

  it('refuses an anonymous communication and one resting on media reports alone: --check lists what the document marks missing', async () => {
    const result = await vigil([
      'export',
      '--case',
      bareCaseId,
      '--template',
      'sp',
      '--check',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(3);
    const json = JSON.parse(result.stdout) as { missing: { section: string; field: string }[] };
    expect(json.missing.map((m) => `${m.section}:${m.field}`).sort()).toEqual(
      [
        'sp-victims:victim',
        'sp-violations:hrdWorkLink',
        'sp-violations:place',
        'sp-violations:perpetrators',
        'sp-sources:firstHand',
        'sp-consent:victimKnowsGovernmentContacted',
      ].sort(),
    );
    for (const language of ['en', 'ru'] as const) {
      const preview = await previewExport(vault, request(bareCaseId, language));
      const out = join(root, `bare-${language}`);
      await exportDossier(vault, request(bareCaseId, language), { kind: 'directory', path: out });
      const { pdf, docx } = documentTexts(await readDossierOutputs(out));
      const marker = fold(
        labelsFor({ title: '', language, blocks: [] }).missingBare.replace(/[[\]]/gu, ''),
      );
      for (const text of [pdf, docx]) {
        for (const m of preview.missing) expect(text).toContain(fold(m.label));
        // One marker per missing item: the document and the checklist agree.
        expect(text.split(marker).length - 1).toBe(preview.missing.length);
        // A past violation: an allegation letter.
        expect(text).toContain(fold(WORDS[language].sp.allegation));
      }
    }
  });
});
