import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDossier, previewExport, type ExportRequest } from '../../../electron/core/dossier';
import { WORDS } from '../../../electron/core/dossier/templates/words';
import { labelsFor } from '../../../electron/core/render';
import type { Vault } from '../../../electron/core/vault/vault';
import { DOSSIER_LANGUAGES, type DossierLanguage } from '../../../shared/dossier';
import {
  APPEAL_CASES,
  appealOrganisation,
  buildAppealCase,
  type AppealCaseSpec,
} from '../../helpers/appealCases';
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

const canRead = hasTool('pdftotext') && hasTool('pdfinfo') && hasGpg;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const pages = (pdf: string): number =>
  Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);

const request = (caseId: string, language: DossierLanguage): ExportRequest => ({
  caseId,
  template: 'urgent-appeal',
  language,
  includePrivate: false,
});

/** The PDF's text and the DOCX's text, each on its own (the two must each hold every section). */
function documentTexts(outputs: readonly DossierOutput[]): { pdf: string; docx: string } {
  const pdf = outputs.find((o) => o.source === 'urgent-appeal.pdf')!.text;
  const docx = outputs.find(
    (o) => o.source === 'urgent-appeal.docx#word/document.xml (text)',
  )!.text;
  return { pdf: fold(pdf), docx: fold(docx) };
}

describe.skipIf(!canRead)('the urgent appeal', () => {
  let root: string;
  let vault: Vault;
  let vaultDir: string;
  let passFile: string;
  const built = new Map<string, { caseId: string; persons: Record<string, string> }>();
  const outputs = new Map<string, DossierOutput[]>();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-appeal-'));
    const created = await newVault({ root });
    vault = created.vault;
    vaultDir = created.dir;
    passFile = join(root, 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    await appealOrganisation(vault);
    for (const spec of APPEAL_CASES) {
      const c = await buildAppealCase(vault, spec);
      built.set(spec.key, c);
      for (const language of DOSSIER_LANGUAGES) {
        const out = join(root, `${spec.key}-${language}`);
        await exportDossier(vault, request(c.caseId, language), { kind: 'directory', path: out });
        outputs.set(`${spec.key}-${language}`, await readDossierOutputs(out));
      }
    }
  }, 600_000);

  afterAll(async () => {
    await vault?.lock();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** Runs the CLI on the vault, which this process closes for the while. */
  const vigil = async (args: string[]) => {
    await vault.lock();
    try {
      return await runVigilInProcess([...args, '--vault', vaultDir, '--passphrase-file', passFile]);
    } finally {
      vault = await reopen(vaultDir);
    }
  };

  const each = APPEAL_CASES.flatMap((spec) =>
    DOSSIER_LANGUAGES.map((language) => [spec.key, language, spec] as const),
  );

  it.each(each)(
    '%s in %s: one page, every section, the defenders, facts, requests and addressees',
    (key, language, spec) => {
      const dir = join(root, `${key}-${language}`);
      expect(pages(join(dir, 'urgent-appeal.pdf'))).toBe(1);
      const words = WORDS[language];
      const { pdf, docx } = documentTexts(outputs.get(`${key}-${language}`)!);
      for (const text of [pdf, docx]) {
        for (const heading of [
          words.appeal.title,
          words.appeal.who,
          words.appeal.what,
          words.appeal.responsible,
          words.appeal.requests,
          words.appeal.addressees,
        ])
          expect(text, heading).toContain(fold(heading));
        for (const d of spec.defenders) {
          const p = spec.persons[d]!;
          expect(text).toContain(fold(p.name));
          // A phrase of the other direction may wrap with its words in another order in the PDF's text.
          for (const word of fold(p.affiliation!).split(' ')) expect(text).toContain(word);
          if (text === docx) expect(text).toContain(fold(p.affiliation!));
        }
        // Requests that name no one consent keeps from the public go as written (the others as released).
        for (const r of spec.appeal.requests ?? [])
          if (findInOutputs([{ source: '', text: r }], spec.forbidden).length === 0)
            expect(text).toContain(fold(r));
          // …and the one that does is there, released: its other words intact.
          else expect(text).toContain(fold(r.split(' ').slice(0, 2).join(' ')));
        for (const a of spec.appeal.addressees ?? []) expect(text).toContain(fold(a.name));
        for (const fact of spec.facts) expect(text).toContain(fold(fact));
        expect(text).toContain('defenders watch');
        // Complete: no missing marker anywhere.
        expect(text).not.toContain(
          fold(labelsFor({ title: '', language, blocks: [] }).missingBare).slice(0, -1),
        );
      }
    },
  );

  it.each(APPEAL_CASES.map((s) => [s.key, s] as const))(
    '%s: the checklist is complete, and agrees with the document',
    async (_key, spec) => {
      const preview = await previewExport(vault, request(built.get(spec.key)!.caseId, 'en'));
      expect(preview.audience).toEqual({ kind: 'public' });
      expect(preview.missing).toEqual([]);
      expect(preview.complete).toBe(true);
      const fields = preview.checklist.map((i) => `${i.part}:${i.field}`);
      for (const f of [
        'who:defender',
        'who:work',
        'what:facts',
        'what:date',
        'what:place',
        'responsible:perpetrators',
        'requests:requests',
        'addressees:addressees',
        'page:onePage',
      ])
        expect(fields).toContain(f);
      expect(preview.checklist.filter((i) => i.field === 'work')).toHaveLength(
        spec.defenders.length,
      );
    },
  );

  it('no name consent forbids passes in any form or script, in any file of any language', () => {
    for (const spec of APPEAL_CASES)
      for (const language of DOSSIER_LANGUAGES) {
        const found = findInOutputs(outputs.get(`${spec.key}-${language}`)!, spec.forbidden);
        expect(found, `${spec.key}-${language}`).toEqual([]);
      }
  });

  it('carries no internal trace: no ids, notes, tags or testimonies kept from the public', () => {
    for (const spec of APPEAL_CASES)
      for (const language of DOSSIER_LANGUAGES) {
        const o = outputs.get(`${spec.key}-${language}`)!;
        const text = readableText(o);
        expect(text).not.toMatch(UUID);
        expect(text).not.toMatch(/INTERNALNOTE|INTERNALTAG/);
        if (spec.statement) expect(fold(text)).not.toContain(fold(spec.statement.text));
        expect(o.map((x) => x.source)).not.toContain('urgent-appeal.pdf#missing');
      }
  });

  it('the Arabic appeal reads right to left and keeps the Arabic names whole', async () => {
    const { pdf } = documentTexts(outputs.get('egypt-ar')!);
    expect(pdf).toContain(fold('علاء محمود الشريف'));
    expect(pdf).toContain(fold('نداء عاجل'));
    const doc = outputs
      .get('egypt-ar')!
      .find((o) => o.source === 'urgent-appeal.docx#word/document.xml')!;
    expect(doc.text).toContain('<w:bidi/>');
  });

  it('gpg alone verifies the signatures with the key shipped inside', async () => {
    const gpg = await Gpg.create();
    try {
      for (const key of ['honduras-en', 'egypt-ar', 'belarus-ru']) {
        const dir = join(root, key);
        expect((await gpg.run(['--import', join(dir, 'signer-key.asc')])).code).toBe(0);
        for (const file of ['manifest.json', 'SHA256SUMS']) {
          const r = await gpg.run(['--verify', join(dir, `${file}.asc`), join(dir, file)]);
          expect(r.code, r.stderr).toBe(0);
          expect(r.stderr).toMatch(/Good signature/);
        }
        const sums = await readFile(join(dir, 'SHA256SUMS'), 'utf8');
        expect(sums).toMatch(/ {2}urgent-appeal\.pdf\n/);
        const check = spawnSync('sha256sum', ['--check', '--quiet', 'SHA256SUMS'], { cwd: dir });
        expect(check.status, check.stdout.toString()).toBe(0);
      }
    } finally {
      await gpg.close();
    }
  });

  it('an incomplete case: --check lists exactly what the page marks missing (exit 3), in every language', async () => {
    const spec: AppealCaseSpec = {
      ...APPEAL_CASES[0]!,
      reference: 'UA-HND-2025-005',
      persons: {
        ...APPEAL_CASES[0]!.persons,
        cruz: { ...APPEAL_CASES[0]!.persons.cruz!, hrdWork: [], occupation: '' },
      },
    };
    const c = await buildAppealCase(vault, spec, { appeal: false });
    {
      const result = await vigil([
        'export',
        '--case',
        c.caseId,
        '--template',
        'urgent-appeal',
        '--check',
        '--json',
      ]);
      expect(result.code, result.stderr).toBe(3);
      const json = JSON.parse(result.stdout) as {
        complete: boolean;
        missing: { section: string; field: string; person: string | null; label: string }[];
        withheld: { kind: string }[];
      };
      expect(json.complete).toBe(false);
      expect(json.missing.map((m) => `${m.section}:${m.field}`).sort()).toEqual(
        ['addressees:addressees', 'requests:requests', 'who:work'].sort(),
      );
      expect(json.missing.find((m) => m.field === 'work')?.person).toBe('María Elena Cruz Aguilar');
      // The witness kept from the public is in the sender's report, never in the appeal.
      expect(json.withheld.some((w) => w.kind === 'person')).toBe(true);
    }
    for (const language of DOSSIER_LANGUAGES) {
      const preview = await previewExport(vault, request(c.caseId, language));
      const out = join(root, `incomplete-${language}`);
      await exportDossier(vault, request(c.caseId, language), { kind: 'directory', path: out });
      const { pdf, docx } = documentTexts(await readDossierOutputs(out));
      const labels = labelsFor({ title: '', language, blocks: [] });
      // The marker's word ("missing", "غير متوفر"): brackets move about in right-to-left text.
      const marker = fold(labels.missingBare.replace(/[[\]]/gu, ''));
      for (const text of [pdf, docx]) {
        // One marker per missing item, each naming the item's label.
        expect(text.split(marker).length - 1, `${language}`).toBe(preview.missing.length);
        for (const m of preview.missing) expect(text).toContain(fold(m.label));
      }
    }
  });

  it('facts too long for one page: the check says so and the export refuses, writing nothing', async () => {
    const long = {
      ...APPEAL_CASES[2]!,
      reference: 'UA-BLR-2025-022',
      summary: Array.from(
        { length: 40 },
        (_, i) =>
          `On day ${i + 1} of their detention the defenders were again denied a visit by their lawyers and their families.`,
      ).join(' '),
    };
    const c = await buildAppealCase(vault, long);
    const preview = await previewExport(vault, request(c.caseId, 'en'));
    const page = preview.checklist.find((i) => i.id === 'page:onePage')!;
    expect(page.ok).toBe(false);
    expect(page.label).toMatch(/one page \(\d+ now\)/);
    expect(preview.missing.map((m) => m.field)).toEqual(['onePage']);
    const out = join(root, 'too-long');
    await expect(
      exportDossier(vault, request(c.caseId, 'en'), { kind: 'directory', path: out }),
    ).rejects.toThrow(/takes \d+ pages; it must fit on one/);
    expect(spawnSync('ls', [out]).status).not.toBe(0);
  });

  it('is made for the public only: another audience is refused (CLI exit 2, core invalid input)', async () => {
    const caseId = built.get('honduras')!.caseId;
    await expect(
      previewExport(vault, {
        ...request(caseId, 'en'),
        audience: { kind: 'mechanism', mechanism: 'wgad' },
      }),
    ).rejects.toThrow(/public only/);
    await expect(
      previewExport(vault, { ...request(caseId, 'en'), audience: { kind: 'partners' } }),
    ).rejects.toThrow(/public only/);
    const result = await vigil([
      'export',
      '--case',
      caseId,
      '--template',
      'urgent-appeal',
      '--for',
      'partners',
      '--check',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^vigil: .*public only/);
  });
});
