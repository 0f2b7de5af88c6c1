import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportDossier,
  previewExport,
  saveSubmission,
  type ExportRequest,
} from '../../../electron/core/dossier';
import { WORDS } from '../../../electron/core/dossier/templates/words';
import { openVault, type Vault } from '../../../electron/core/vault/vault';
import { DOSSIER_LANGUAGES, type DossierLanguage, type Template } from '../../../shared/dossier';
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
  IACHR_CASE,
  IACHR_PRECAUTIONARY,
  regionalOrganisation,
} from '../../helpers/regionalCases';
import { newVault, PASSPHRASE } from '../../helpers/vault';

const canRead = hasTool('pdftotext') && hasTool('pdfinfo') && hasGpg;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** 28 April 2026 (notified) + 6 months = 28 October 2026: 92 days after 28 July. */
const TODAY = new Date('2026-07-28T09:00:00Z');
const TEMPLATES = ['iachr-petition', 'iachr-precautionary'] as const;
const BASE: Record<(typeof TEMPLATES)[number], string> = {
  'iachr-petition': 'iachr-petition',
  'iachr-precautionary': 'iachr-precautionary-measures',
};
const ORG = 'Caucasus Legal Defence';

const request = (caseId: string, template: Template, language: DossierLanguage): ExportRequest => ({
  caseId,
  template,
  language,
  audience: { kind: 'mechanism', mechanism: 'iachr' },
  includePrivate: false,
});

const texts = submissionTexts;
const holds = holdsPhrase;
const markerOf = missingMarker;

describe.skipIf(!canRead)(
  'the Inter-American Commission petition and precautionary measures',
  () => {
    let root: string;
    let vault: Vault;
    let vaultDir: string;
    let passFile: string;
    let caseId: string;
    const outputs = new Map<string, DossierOutput[]>();
    const notices = new Map<string, string[]>();
    const open = () =>
      openVault({ dir: vaultDir, passphrase: PASSPHRASE, actor: 'tester', now: () => TODAY });

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'vigil-iachr-'));
      const created = await newVault({ root });
      vaultDir = created.dir;
      await created.vault.lock();
      vault = await open();
      passFile = join(root, 'pass');
      await writeFile(passFile, `${PASSPHRASE}\n`);
      await regionalOrganisation(vault);
      const built = await buildRegionalCase(vault, IACHR_CASE, { facts: false });
      caseId = built.caseId;
      await saveSubmission(vault, caseId, 'facts', {
        ...IACHR_CASE.mechanismFacts,
        beneficiaries: [built.persons.xoc!],
      });
      await saveSubmission(vault, caseId, 'iachr-precautionary', IACHR_PRECAUTIONARY);
      for (const template of TEMPLATES)
        for (const language of DOSSIER_LANGUAGES) {
          const out = join(root, `${template}-${language}`);
          const result = await exportDossier(vault, request(caseId, template, language), {
            kind: 'directory',
            path: out,
          });
          notices.set(
            `${template}-${language}`,
            result.notices.map((n) => n.code),
          );
          outputs.set(`${template}-${language}`, await readDossierOutputs(out));
        }
    }, 600_000);

    afterAll(async () => {
      await vault?.lock();
      if (root) await rm(root, { recursive: true, force: true });
    });

    const vigil = async (args: string[]) => {
      await vault.lock();
      try {
        return await runVigilInProcess([
          ...args,
          '--vault',
          vaultDir,
          '--passphrase-file',
          passFile,
        ]);
      } finally {
        vault = await open();
      }
    };

    it.each(DOSSIER_LANGUAGES)(
      'petition in %s: every part of article 28; the petitioner named only in the confidential annex',
      (language) => {
        const w = WORDS[language].iachr;
        const { pdf, docx } = texts(outputs.get(`iachr-petition-${language}`)!, 'iachr-petition');
        for (const text of [pdf, docx]) {
          const rtl = language === 'ar' && text === pdf;
          for (const heading of [
            w.petitionTitle,
            w.petitioner,
            w.identity,
            w.facts,
            w.victims,
            w.rights,
            w.remedies,
            w.timeLimit,
            w.otherProcedures,
            w.documents,
            w.confidentialAnnex,
          ])
            expect(holds(text, heading, rtl), heading).toBe(true);
          expect(text).toContain(fold('Juana Xoc Caal'));
          for (const fact of IACHR_CASE.facts) expect(text).toContain(fold(fact));
          for (const v of IACHR_CASE.arguments!.data.violations ?? [])
            expect(text).toContain(fold(v.provision));
          expect(text).toContain('92');
          // The organisation appears once, after the annex's heading: nothing before it names it.
          const annex = text.indexOf(fold(w.confidentialAnnex).split(' ')[0]!, text.indexOf('92'));
          expect(text.indexOf(fold(ORG))).toBeGreaterThan(annex);
          expect(text.split(fold(ORG)).length - 1).toBe(1);
        }
      },
    );

    it.each(DOSSIER_LANGUAGES)(
      'precautionary measures in %s: beneficiaries with consent, the risk, the measures, the authorities',
      (language) => {
        const w = WORDS[language].iachr;
        const key = `iachr-precautionary-${language}`;
        const { pdf, docx } = texts(outputs.get(key)!, 'iachr-precautionary-measures');
        for (const text of [pdf, docx]) {
          const rtl = language === 'ar' && text === pdf;
          for (const heading of [
            w.precautionaryTitle,
            w.requester,
            w.beneficiaries,
            w.consent,
            w.situation,
            w.risk,
            w.measures,
            w.authorities,
          ])
            expect(holds(text, heading, rtl), heading).toBe(true);
          expect(text).toContain(fold('Juana Xoc Caal'));
          expect(text).toContain(fold('a journalist of the same radio was killed'));
          for (const m of IACHR_PRECAUTIONARY.measures) expect(text).toContain(fold(m));
          expect(text).toContain(fold('Reported to the Public Ministry in El Estor'));
          expect(text).toContain(fold(ORG));
        }
      },
    );

    it('the checklists are complete and agree with the documents, in every language', async () => {
      for (const template of TEMPLATES)
        for (const language of DOSSIER_LANGUAGES) {
          const preview = await previewExport(vault, request(caseId, template, language));
          expect(preview.audience).toEqual({ kind: 'mechanism', mechanism: 'iachr' });
          // The one gap of the petition: the signing key's user id names the withheld petitioner.
          const gaps = template === 'iachr-petition' ? ['identity:signer'] : [];
          expect(
            preview.missing.map((m) => `${m.section}:${m.field}`),
            `${template} ${language}`,
          ).toEqual(gaps);
          const { pdf, docx } = texts(outputs.get(`${template}-${language}`)!, BASE[template]);
          for (const text of [pdf, docx]) {
            expect(text.split(markerOf(language)).length - 1).toBe(gaps.length);
            // Marked in the confidential annex, which is not transmitted to the State.
            if (gaps.length > 0)
              expect(text.indexOf(markerOf(language))).toBeGreaterThan(text.lastIndexOf(fold(ORG)));
          }
          const ids = preview.checklist.map((i) => `${i.part}:${i.field}`);
          const expected =
            template === 'iachr-petition'
              ? [
                  'petitioner:organisation',
                  'identity:identityWithheld',
                  'identity:states',
                  'identity:identityKept',
                  'facts:facts',
                  'facts:date',
                  'facts:place',
                  'victims:victim',
                  'rights:violations.1',
                  'remedies:remedies',
                  'remedies:finalDecision',
                  'timeLimit:timeLimit',
                  'otherProcedures:otherProcedures',
                  'documents:documents',
                ]
              : [
                  'petitioner:organisation',
                  'state:states',
                  'beneficiaries:consent',
                  'situation:facts',
                  'risk:risk',
                  'measures:measures',
                  'authorities:authoritiesInformed',
                ];
          for (const id of expected) expect(ids, id).toContain(id);
        }
    });

    it('an incomplete request: --check lists exactly what the document marks missing (exit 3)', async () => {
      const c = await buildRegionalCase(
        vault,
        { ...IACHR_CASE, reference: 'CIDH-GTM-2026-004', summary: `${ORG} asked for protection.` },
        { facts: false, arguments: false, evidence: false },
      );
      const result = await vigil([
        'export',
        '--case',
        c.caseId,
        '--template',
        'iachr-petition',
        '--check',
        '--json',
      ]);
      expect(result.code, result.stderr).toBe(3);
      const json = JSON.parse(result.stdout) as { missing: { section: string; field: string }[] };
      expect(json.missing.map((m) => `${m.section}:${m.field}`).sort()).toEqual(
        [
          'identity:identityWithheld',
          'identity:states',
          // Unrecorded counts as withheld, and the summary names the petitioner.
          'identity:identityKept',
          'identity:signer',
          'rights:violations',
          'remedies:remedies',
          'remedies:finalDecision',
          'timeLimit:timeLimit',
          'otherProcedures:otherProcedures',
          'documents:documents',
        ].sort(),
      );
      for (const template of TEMPLATES) {
        const preview = await previewExport(vault, request(c.caseId, template, 'en'));
        if (template === 'iachr-precautionary')
          expect(preview.missing.map((m) => m.field).sort()).toEqual(
            [
              'authoritiesInformed',
              'beneficiaries',
              'documents',
              'measures',
              'risk',
              'states',
            ].sort(),
          );
        const out = join(root, `incomplete-${template}`);
        await exportDossier(vault, request(c.caseId, template, 'en'), {
          kind: 'directory',
          path: out,
        });
        const { pdf, docx } = texts(await readDossierOutputs(out), BASE[template]);
        for (const text of [pdf, docx]) {
          expect(text.split(markerOf('en')).length - 1).toBe(preview.missing.length);
          for (const m of preview.missing) expect(text).toContain(fold(m.label));
        }
      }
    });

    it('with the identity withheld, no file but the key and the annex names the petitioner', async () => {
      const marks = [ORG, 'cases@cld.example', 'cld.example'];
      for (const language of DOSSIER_LANGUAGES) {
        const key = `iachr-petition-${language}`;
        const w = WORDS[language].iachr;
        expect(notices.get(key)).toContain('signer-names-petitioner');
        for (const o of outputs.get(key)!) {
          const text = fold(o.text);
          const named = marks.some((m) => text.includes(fold(m)));
          // The DOCX's XML is read as its text (the next output): only its other parts are checked raw.
          if (o.source === 'iachr-petition.docx#word/document.xml') continue;
          if (/^iachr-petition\.(pdf|docx)/.test(o.source) && named) {
            // The petition itself: only after the confidential annex's heading, where the signer is explained.
            const annex = text.indexOf(
              fold(w.confidentialAnnex).split(' ')[0]!,
              text.indexOf('92'),
            );
            for (const m of marks)
              if (text.includes(fold(m)))
                expect(text.indexOf(fold(m)), o.source).toBeGreaterThan(annex);
            // The annex says what the signature reveals (read whole in the DOCX; the PDF wraps it).
            if (o.source.includes('(text)')) expect(text).toContain(fold(w.signerNote));
            else expect(text).toContain('signer-key.asc');
          } else if (o.source.startsWith('signer-key.asc')) continue;
          else expect(named, `${key} ${o.source}`).toBe(false);
        }
        const dir = join(root, key);
        const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
          signer: { fingerprint: string; userId: string };
        };
        expect(manifest.signer.userId).toBe('');
        const verify = await readFile(join(dir, 'VERIFY.txt'), 'utf8');
        expect(verify.replace(/\s/gu, '')).toContain(manifest.signer.fingerprint);
      }
      // The key is what names the organisation, as the annex and the warning say.
      const gpg = await Gpg.create();
      try {
        const shown = await gpg.run([
          '--show-keys',
          join(root, 'iachr-petition-en', 'signer-key.asc'),
        ]);
        expect(Buffer.from(shown.stdout).toString('utf8')).toContain(ORG);
      } finally {
        await gpg.close();
      }
      // The precautionary measures name the requester openly: the signer is named as usual.
      const open = JSON.parse(
        await readFile(join(root, 'iachr-precautionary-en', 'manifest.json'), 'utf8'),
      ) as { signer: { userId: string } };
      expect(open.signer.userId).toContain(ORG);
      expect(notices.get('iachr-precautionary-en')).not.toContain('signer-names-petitioner');
    });

    it('names only whom consent for the Commission allows, and carries no internal trace', () => {
      for (const [key, o] of outputs) {
        expect(findInOutputs(o, IACHR_CASE.forbidden), key).toEqual([]);
        const text = readableText(o);
        expect(text).not.toMatch(UUID);
        expect(text).not.toMatch(/INTERNALNOTE|INTERNALTAG/);
        expect(fold(text)).not.toContain(fold(IACHR_CASE.statement!.text));
      }
    });

    it('gpg alone verifies the signatures; the Arabic documents read right to left', async () => {
      const gpg = await Gpg.create();
      try {
        for (const key of ['iachr-petition-es', 'iachr-precautionary-ar']) {
          const dir = join(root, key);
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
      const doc = outputs
        .get('iachr-precautionary-ar')!
        .find((o) => o.source === 'iachr-precautionary-measures.docx#word/document.xml')!;
      expect(doc.text).toContain('<w:bidi/>');
    });

    it('is made for the Commission only (CLI exit 2)', async () => {
      const result = await vigil([
        'export',
        '--case',
        caseId,
        '--template',
        'iachr-precautionary',
        '--for',
        'public',
        '--check',
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^vigil: .*--for iachr only/);
    });
  },
);
