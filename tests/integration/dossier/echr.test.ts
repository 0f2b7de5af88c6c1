import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDossier, previewExport, type ExportRequest } from '../../../electron/core/dossier';
import { WORDS } from '../../../electron/core/dossier/templates/words';
import { openVault } from '../../../electron/core/vault/vault';
import type { Vault } from '../../../electron/core/vault/vault';
import { DOSSIER_LANGUAGES, type DossierLanguage } from '../../../shared/dossier';
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
import {
  buildRegionalCase,
  ECHR_CASE,
  regionalOrganisation,
  type RegionalCaseSpec,
} from '../../helpers/regionalCases';
import { newVault, PASSPHRASE } from '../../helpers/vault';

const canRead = hasTool('pdftotext') && hasTool('pdfinfo') && hasGpg;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** The day the documents are made: 42 days after the Supreme Court's decision was notified (20 May 2026). */
const TODAY = new Date('2026-07-01T09:00:00Z');

const request = (caseId: string, language: DossierLanguage): ExportRequest => ({
  caseId,
  template: 'echr',
  language,
  audience: { kind: 'mechanism', mechanism: 'echr' },
  // The Court's form asks for the applicant's address: a private field, sent only when asked.
  includePrivate: true,
});

const BASE = 'echr-application-material';

const documentTexts = (outputs: readonly DossierOutput[]) => submissionTexts(outputs, BASE);
const holds = holdsPhrase;
const markerOf = missingMarker;

describe.skipIf(!canRead)('the European Court application material', () => {
  let root: string;
  let vault: Vault;
  let vaultDir: string;
  let passFile: string;
  let caseId: string;
  const outputs = new Map<DossierLanguage, DossierOutput[]>();
  const open = () =>
    openVault({ dir: vaultDir, passphrase: PASSPHRASE, actor: 'tester', now: () => TODAY });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-echr-'));
    const created = await newVault({ root });
    vaultDir = created.dir;
    await created.vault.lock();
    vault = await open();
    passFile = join(root, 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    await regionalOrganisation(vault);
    caseId = (await buildRegionalCase(vault, ECHR_CASE)).caseId;
    for (const language of DOSSIER_LANGUAGES) {
      const out = join(root, language);
      await exportDossier(vault, request(caseId, language), { kind: 'directory', path: out });
      outputs.set(language, await readDossierOutputs(out));
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
    'in %s: every section of the form, the applicant, facts, complaints and the time limit',
    (language) => {
      const w = WORDS[language].echr;
      const { pdf, docx } = documentTexts(outputs.get(language)!);
      for (const text of [pdf, docx]) {
        for (const heading of [
          w.title,
          w.noticeTitle,
          w.applicant,
          w.state,
          w.representative,
          w.facts,
          w.violations,
          w.admissibility,
          w.otherProcedures,
          w.documents,
          w.timeLimit,
        ])
          expect(holds(text, heading, language === 'ar' && text === pdf), heading).toBe(true);
        expect(text).toContain(fold('Günel Qasımova'));
        expect(text).toContain(fold('14 Nizami Street'));
        expect(text).toContain(fold('Caucasus Legal Defence'));
        for (const fact of ECHR_CASE.facts) expect(text).toContain(fold(fact));
        for (const v of ECHR_CASE.arguments!.data.violations ?? []) {
          expect(text).toContain(fold(v.provision));
          expect(text).toContain(fold((v.argument ?? '').split(' ').slice(0, 4).join(' ')));
        }
        // Notified on 20 May 2026 + 4 months = 20 September 2026: 81 days after 1 July.
        expect(text).toContain('81');
        expect(text).toContain('evidence/e01');
      }
    },
  );

  it('the checklist agrees with the document: one marker per missing item, in every language', async () => {
    for (const language of DOSSIER_LANGUAGES) {
      const preview = await previewExport(vault, request(caseId, language));
      expect(preview.audience).toEqual({ kind: 'mechanism', mechanism: 'echr' });
      const { pdf, docx } = documentTexts(outputs.get(language)!);
      for (const text of [pdf, docx]) {
        expect(text.split(markerOf(language)).length - 1, language).toBe(preview.missing.length);
        for (const m of preview.missing)
          expect(holds(text, m.label, language === 'ar' && text === pdf), m.label).toBe(true);
      }
      const ids = preview.checklist.map((i) => `${i.part}:${i.field}`);
      for (const id of [
        'applicant:name',
        'applicant:birthDate',
        'applicant:nationalities',
        'applicant:address',
        'state:states',
        'representative:organisation',
        'facts:facts',
        'facts:date',
        'facts:place',
        'violations:violations.1',
        'violations:violations.2',
        'admissibility:remedies',
        'admissibility:finalDecision',
        'admissibility:timeLimit',
        'otherProcedures:otherProcedures',
        'documents:documents',
        'length:pages',
      ])
        expect(ids, id).toContain(id);
      const ok = (id: string) => preview.checklist.find((i) => `${i.part}:${i.field}` === id)?.ok;
      // A complete case: the facts recorded (vigil case facts) fill B, G and H.
      expect(preview.missing).toEqual([]);
      expect(ok('admissibility:timeLimit')).toBe(true);
      expect(ok('length:pages')).toBe(true);
      expect(ok('applicant:name')).toBe(true);
    }
  });

  it('names only whom consent for the Court allows, in any form or script, in every file', () => {
    for (const language of DOSSIER_LANGUAGES) {
      const found = findInOutputs(outputs.get(language)!, ECHR_CASE.forbidden);
      expect(found, language).toEqual([]);
    }
    // The sentence that named the witness in the genitive goes, released: its other words intact.
    expect(documentTexts(outputs.get('en')!).pdf).toContain(fold('later retracted'));
  });

  it('carries no internal trace: no ids, notes, tags or statements kept inside', () => {
    for (const language of DOSSIER_LANGUAGES) {
      const text = readableText(outputs.get(language)!);
      expect(text).not.toMatch(UUID);
      expect(text).not.toMatch(/INTERNALNOTE|INTERNALTAG/);
      expect(fold(text)).not.toContain(fold(ECHR_CASE.statement!.text));
    }
  });

  it('the Arabic material reads right to left and keeps the applicant’s name whole', () => {
    const doc = outputs.get('ar')!.find((o) => o.source === `${BASE}.docx#word/document.xml`)!;
    expect(doc.text).toContain('<w:bidi/>');
    expect(documentTexts(outputs.get('ar')!).pdf).toContain(fold('مواد لاستمارة الطلب'));
  });

  it('gpg alone verifies the signatures with the key shipped inside', async () => {
    const gpg = await Gpg.create();
    try {
      for (const language of ['en', 'ar'] as const) {
        const dir = join(root, language);
        expect((await gpg.run(['--import', join(dir, 'signer-key.asc')])).code).toBe(0);
        for (const file of ['manifest.json', 'SHA256SUMS']) {
          const r = await gpg.run(['--verify', join(dir, `${file}.asc`), join(dir, file)]);
          expect(r.code, r.stderr).toBe(0);
        }
        expect(await readFile(join(dir, 'SHA256SUMS'), 'utf8')).toMatch(
          / {2}echr-application-material\.pdf\n/,
        );
        const check = spawnSync('sha256sum', ['--check', '--quiet', 'SHA256SUMS'], { cwd: dir });
        expect(check.status, check.stdout.toString()).toBe(0);
      }
    } finally {
      await gpg.close();
    }
  });

  it('an incomplete case: --check lists exactly what the document marks missing (exit 3)', async () => {
    const spec: RegionalCaseSpec = {
      ...ECHR_CASE,
      reference: 'ECHR-AZE-2026-012',
      persons: {
        ...ECHR_CASE.persons,
        // Consent lets the Court see her initials only: the form needs the full name.
        qasimova: {
          ...ECHR_CASE.persons.qasimova!,
          consent: { ...ECHR_CASE.persons.qasimova!.consent, naming: 'initials' },
          birthDate: undefined,
        },
      },
      events: ECHR_CASE.events.filter((e) => e.eventType !== 'final-domestic-decision'),
    };
    const c = await buildRegionalCase(vault, spec, {
      arguments: false,
      evidence: false,
      facts: false,
    });
    const result = await vigil([
      'export',
      '--case',
      c.caseId,
      '--template',
      'echr',
      '--include-private',
      '--check',
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(3);
    const json = JSON.parse(result.stdout) as {
      missing: { section: string; field: string; person: string | null }[];
    };
    expect(json.missing.map((m) => `${m.section}:${m.field}`).sort()).toEqual(
      [
        'applicant:name',
        'applicant:birthDate',
        'state:states',
        'violations:violations',
        'admissibility:remedies',
        'admissibility:finalDecision',
        'admissibility:timeLimit',
        'otherProcedures:otherProcedures',
        'documents:documents',
      ].sort(),
    );
    expect(json.missing.find((m) => m.field === 'name')?.person).toBe('Günel Qasımova');
    for (const language of ['en', 'ar'] as const) {
      const preview = await previewExport(vault, request(c.caseId, language));
      const out = join(root, `incomplete-${language}`);
      await exportDossier(vault, request(c.caseId, language), { kind: 'directory', path: out });
      const { pdf, docx } = documentTexts(await readDossierOutputs(out));
      for (const text of [pdf, docx]) {
        expect(text.split(markerOf(language)).length - 1, language).toBe(preview.missing.length);
        for (const m of preview.missing)
          expect(holds(text, m.label, language === 'ar' && text === pdf), m.label).toBe(true);
        // Initials are not a name the Court can take: the full name is never printed.
        expect(text).not.toContain(fold('Günel Qasımova'));
      }
    }
  });

  it('a time limit passed is flagged, not hidden', async () => {
    await vault.lock();
    const later = await openVault({
      dir: vaultDir,
      passphrase: PASSPHRASE,
      actor: 'tester',
      now: () => new Date('2026-10-01T09:00:00Z'),
    });
    try {
      const preview = await previewExport(later, request(caseId, 'en'));
      const item = preview.checklist.find((i) => i.field === 'timeLimit')!;
      expect(item.ok).toBe(false);
      expect(preview.missing.map((m) => m.field)).toContain('timeLimit');
    } finally {
      await later.lock();
      vault = await open();
    }
  });

  it('is made for the Court only: another audience is refused (CLI exit 2, core invalid input)', async () => {
    await expect(
      previewExport(vault, {
        ...request(caseId, 'en'),
        audience: { kind: 'public' },
        includePrivate: false,
      }),
    ).rejects.toThrow(/for --for echr only/);
    await expect(
      previewExport(vault, {
        ...request(caseId, 'en'),
        audience: { kind: 'mechanism', mechanism: 'iachr' },
      }),
    ).rejects.toThrow(/for --for echr only/);
    const result = await vigil([
      'export',
      '--case',
      caseId,
      '--template',
      'echr',
      '--for',
      'partners',
      '--check',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^vigil: .*--for echr only/);
  });
});
