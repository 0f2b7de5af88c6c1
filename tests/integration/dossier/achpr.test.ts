import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDossier, previewExport, type ExportRequest } from '../../../electron/core/dossier';
import { WORDS } from '../../../electron/core/dossier/templates/words';
import { openVault, type Vault } from '../../../electron/core/vault/vault';
import { DOSSIER_LANGUAGES, type DossierLanguage } from '../../../shared/dossier';
import { describeTimeLimit, timeLimit } from '../../../shared/timeLimits';
import { runVigilInProcess } from '../../helpers/cli';
import {
  findInOutputs,
  fold,
  holdsPhrase,
  missingMarker,
  readableText,
  readDossierOutputs,
  submissionTexts,
  type DossierOutput,
} from '../../helpers/dossierOutputs';
import { Gpg, hasGpg } from '../../helpers/gpg';
import { hasTool } from '../../helpers/peers';
import { ACHPR_CASE, buildRegionalCase, regionalOrganisation } from '../../helpers/regionalCases';
import { newVault, PASSPHRASE } from '../../helpers/vault';

const canRead = hasTool('pdftotext') && hasTool('pdfinfo') && hasGpg;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** Notified 11 May 2026: on 1 August, 2 months and 21 days have passed, within the six months. */
const TODAY = new Date('2026-08-01T09:00:00Z');
const BASE = 'achpr-communication';
const ORG = 'Caucasus Legal Defence';

const request = (caseId: string, language: DossierLanguage): ExportRequest => ({
  caseId,
  template: 'achpr',
  language,
  audience: { kind: 'mechanism', mechanism: 'achpr' },
  includePrivate: false,
});

const texts = (outputs: readonly DossierOutput[]) => submissionTexts(outputs, BASE);
const holds = holdsPhrase;
const markerOf = missingMarker;

describe.skipIf(!canRead)('the African Commission communication (article 56)', () => {
  let root: string;
  let vault: Vault;
  let vaultDir: string;
  let passFile: string;
  let caseId: string;
  const outputs = new Map<DossierLanguage, DossierOutput[]>();
  const open = () =>
    openVault({ dir: vaultDir, passphrase: PASSPHRASE, actor: 'tester', now: () => TODAY });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-achpr-'));
    const created = await newVault({ root });
    vaultDir = created.dir;
    await created.vault.lock();
    vault = await open();
    passFile = join(root, 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    await regionalOrganisation(vault);
    caseId = (await buildRegionalCase(vault, ACHPR_CASE)).caseId;
    for (const language of DOSSIER_LANGUAGES) {
      const out = join(root, `achpr-${language}`);
      await exportDossier(vault, request(caseId, language), { kind: 'directory', path: out });
      outputs.set(language, await readDossierOutputs(out));
      // VIGIL_WRITE_TEMPLATE_PAGES=1 refreshes the pages shown in docs/templates.
      if (process.env.VIGIL_WRITE_TEMPLATE_PAGES && (language === 'en' || language === 'ar'))
        spawnSync('pdftoppm', [
          '-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile',
          join(out, `${BASE}.pdf`),
          join(process.cwd(), 'docs', 'templates', `achpr-${language}`),
        ]); // prettier-ignore
    }
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
      vault = await open();
    }
  };

  it.each(DOSSIER_LANGUAGES)(
    'in %s: every condition of article 56 in its order, the authors named with their request for anonymity',
    (language) => {
      const w = WORDS[language].achpr;
      const { pdf, docx } = texts(outputs.get(language)!);
      const sentence = describeTimeLimit(
        timeLimit('achpr-communication', '2026-05-11', '2026-08-01'),
        language,
      );
      for (const text of [pdf, docx]) {
        const rtl = language === 'ar' && text === pdf;
        const headings = [
          w.title,
          w.authors,
          w.state,
          w.victims,
          w.facts,
          w.rights,
          w.remedies,
          w.timeLimit,
          w.sources,
          w.otherProcedures,
          w.language,
          w.documents,
        ];
        for (const heading of headings) expect(holds(text, heading, rtl), heading).toBe(true);
        if (!rtl) {
          // In the order of article 56.
          const at = headings.slice(1).map((h) => text.indexOf(fold(h)));
          expect(at).toEqual([...at].sort((a, b) => a - b));
        }
        // Art. 56(1): named even though they ask for anonymity, and the request said.
        expect(text).toContain(fold(ORG));
        expect(holds(text, w.anonymityAsked, rtl), 'anonymity').toBe(true);
        expect(text).toContain(fold('Nafisa Abdelrahim Idris'));
        for (const fact of ACHPR_CASE.facts) expect(text).toContain(fold(fact));
        for (const v of ACHPR_CASE.arguments!.data.violations ?? [])
          expect(text).toContain(fold(v.provision));
        // The reasonable time, from the practice rule: within the six months.
        expect(holds(text, sentence, rtl), sentence).toBe(true);
        expect(holds(text, w.firstHand, rtl), 'first hand').toBe(true);
        expect(holds(text, w.languageClear, rtl), 'language').toBe(true);
      }
    },
  );

  it('the checklist is complete and agrees with the documents, in every language', async () => {
    for (const language of DOSSIER_LANGUAGES) {
      const preview = await previewExport(vault, request(caseId, language));
      expect(preview.audience).toEqual({ kind: 'mechanism', mechanism: 'achpr' });
      expect(preview.missing, language).toEqual([]);
      const { pdf, docx } = texts(outputs.get(language)!);
      for (const text of [pdf, docx]) expect(text).not.toContain(markerOf(language));
      const ids = preview.checklist.map((i) => `${i.part}:${i.field}`);
      for (const id of [
        'authors:organisation',
        'authors:anonymity',
        'state:states',
        'compatibility:stateParty',
        'victims:victim',
        'facts:facts',
        'facts:date',
        'facts:place',
        'compatibility:violations.1',
        'compatibility:violations.2',
        'remedies:remedies',
        'remedies:finalDecision',
        'timeLimit:timeLimit',
        'sources:firstHand',
        'otherProcedures:otherProcedures',
        'language:noInsult',
        'documents:documents',
      ])
        expect(ids, id).toContain(id);
    }
  });

  it('flags every condition it cannot meet, and each insulting word in place without changing it (--check exit 3)', async () => {
    const c = await buildRegionalCase(
      vault,
      {
        ...ACHPR_CASE,
        reference: 'ACHPR-SDN-2026-008',
        summary:
          'The criminal regime in Khartoum arrested her; its thugs beat the lawyers. Torture was reported.',
        events: [
          {
            ...ACHPR_CASE.events[1]!,
            description:
              'Le tribunal, aux ordres du Régime criminel, a refusé d’entendre la défense.',
          },
        ],
        arguments: {
          kind: 'achpr',
          data: {
            violations: [
              {
                provision: 'Article 7 of the African Charter',
                argument: 'Суд преступного режима не выслушал защиту; الطغاة حكموا عليها.',
              },
            ],
          },
        },
        mechanismFacts: {
          // Morocco is not a party to the Charter.
          states: ['SD', 'MA'],
          finalDecision: { authority: 'Supreme Court', decidedOn: '2025-10-01' },
          remedies: { status: 'pending', steps: 'An appeal was lodged.' },
          otherProcedures: [
            { body: 'UN Human Rights Committee', reference: '3101/2025', status: 'decided' },
          ],
        },
      },
      { evidence: false },
    );
    const result = await vigil([
      'export',
      '--case',
      c.caseId,
      '--template',
      'achpr',
      '--check',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(3);
    const json = JSON.parse(result.stdout) as {
      missing: { section: string; field: string; label: string }[];
    };
    const insults = json.missing.filter((m) => m.field.startsWith('insult.'));
    expect(
      json.missing
        .filter((m) => !m.field.startsWith('insult.'))
        .map((m) => `${m.section}:${m.field}`)
        .sort(),
    ).toEqual(
      [
        'authors:anonymity',
        'compatibility:stateParty',
        'remedies:remedies',
        'timeLimit:timeLimit',
        'sources:firstHand',
        'otherProcedures:otherProcedures',
        'language:noInsult',
        'documents:documents',
      ].sort(),
    );
    // Each word as written, in whatever language; "Torture" is a fact, not an insult.
    const words = insults.map((m) =>
      /“(.+?)”/u.exec(m.label)?.[1]?.replace(/[\u2066-\u2069]/gu, ''),
    );
    expect(words.sort()).toEqual(
      ['criminal regime', 'thugs', 'Régime criminel', 'преступного режима', 'الطغاة'].sort(),
    );
    expect(insults.every((m) => m.section === 'language')).toBe(true);
    expect(insults.find((m) => m.label.includes('thugs'))!.label).toContain(WORDS.en.achpr.facts);

    const preview = await previewExport(vault, request(c.caseId, 'en'));
    expect(preview.missing.length).toBe(json.missing.length);
    const out = join(root, 'flagged');
    await exportDossier(vault, request(c.caseId, 'en'), { kind: 'directory', path: out });
    const { pdf, docx } = texts(await readDossierOutputs(out));
    for (const text of [pdf, docx]) {
      expect(text.split(markerOf('en')).length - 1).toBe(preview.missing.length);
      const plain = (t: string) => t.replace(/[\u2066-\u2069]/gu, '');
      // An Arabic word inside an English line: the PDF's text may reorder the line around it.
      for (const m of preview.missing)
        expect(holds(plain(text), plain(m.label), text === pdf), m.label).toBe(true);
      // Never rewritten, and each word's mark follows the text that holds it, in its section.
      expect(text).toContain(fold('its thugs beat the lawyers'));
      expect(text).toContain(fold('Суд преступного режима'));
      const mark = text.indexOf(fold('“thugs”'));
      expect(mark).toBeGreaterThan(text.indexOf(fold('its thugs beat')));
      expect(mark).toBeLessThan(text.indexOf(fold(WORDS.en.achpr.rights)));
      const french = text.indexOf(fold('“Régime criminel”'));
      expect(french).toBeGreaterThan(text.indexOf(fold('aux ordres du')));
      expect(french).toBeLessThan(text.indexOf(fold(WORDS.en.achpr.rights)));
      // The State outside the Charter, the decision passed, the procedure decided: said in the document.
      expect(text).toContain(fold('Morocco'));
      expect(text).toContain(fold('UN Human Rights Committee'));
    }
  });

  it('remedies unduly prolonged: no final decision asked, and no time counted', async () => {
    const c = await buildRegionalCase(
      vault,
      {
        ...ACHPR_CASE,
        reference: 'ACHPR-SDN-2026-009',
        mechanismFacts: {
          states: ['SD'],
          identityWithheldFromState: false,
          otherProcedures: [],
          remedies: {
            status: 'pending',
            steps: 'Habeas corpus petition lodged in September 2025.',
            whyNot: 'The court has not listed the petition for eleven months.',
          },
        },
      },
      { evidence: false },
    );
    const preview = await previewExport(vault, request(c.caseId, 'fr'));
    const ids = preview.checklist.map((i) => `${i.part}:${i.field}`);
    expect(ids).not.toContain('remedies:finalDecision');
    expect(preview.checklist.find((i) => i.field === 'remedies')?.ok).toBe(true);
    expect(preview.checklist.find((i) => i.field === 'timeLimit')?.ok).toBe(true);
    expect(preview.missing.map((m) => m.field)).toEqual(['documents']);
  });

  it('names only whom consent for the Commission allows, and carries no internal trace', () => {
    for (const [key, o] of outputs) {
      expect(findInOutputs(o, ACHPR_CASE.forbidden), key).toEqual([]);
      const text = readableText(o);
      expect(text).not.toMatch(UUID);
      expect(text).not.toMatch(/INTERNALNOTE|INTERNALTAG/);
      expect(fold(text)).not.toContain(fold(ACHPR_CASE.statement!.text));
      // The Arabic description goes, with the witness's name (after its preposition) replaced.
      expect(text).toContain('جهاز المخابرات العامة');
    }
  });

  it('gpg alone verifies the signatures; the Arabic document reads right to left', async () => {
    const gpg = await Gpg.create();
    try {
      for (const language of ['fr', 'ar'] as const) {
        const dir = join(root, `achpr-${language}`);
        expect((await gpg.run(['--import', join(dir, 'signer-key.asc')])).code).toBe(0);
        for (const file of ['manifest.json', 'SHA256SUMS']) {
          const r = await gpg.run(['--verify', join(dir, `${file}.asc`), join(dir, file)]);
          expect(r.code, r.stderr).toBe(0);
        }
        const check = spawnSync('sha256sum', ['--check', '--quiet', 'SHA256SUMS'], { cwd: dir });
        expect(check.status).toBe(0);
      }
    } finally {
      await gpg.close();
    }
    const doc = outputs.get('ar')!.find((o) => o.source === `${BASE}.docx#word/document.xml`)!;
    expect(doc.text).toContain('<w:bidi/>');
  });

  it('is made for the Commission only (CLI exit 2), and listed in vigil export --help', async () => {
    const result = await vigil([
      'export',
      '--case',
      caseId,
      '--template',
      'achpr',
      '--for',
      'sr-hrd',
      '--check',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^vigil: .*--for achpr only/);
    const help = await runVigilInProcess(['export', '--help']);
    expect(help.stdout).toMatch(/achpr \(/);
    expect(help.stdout).toContain('--template achpr');
  });
});
