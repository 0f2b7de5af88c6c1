import { readFile, rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportDossier,
  previewExport,
  verifyDossier,
  type ExportRequest,
} from '../../../electron/core/dossier';
import { importKeys } from '../../../electron/core/pgp';
import { caseAuditLog } from '../../../electron/core/records';
import { labelsFor } from '../../../electron/core/render';
import { WORDS } from '../../../electron/core/dossier/templates/words';
import { fill } from '../../../shared/i18n/fill';
import type { Vault } from '../../../electron/core/vault/vault';
import { checkCaseDocument } from '../../../shared/domain';
import { DOSSIER_LANGUAGES, type Audience } from '../../../shared/dossier';
import {
  APPEARS,
  buildAudienceCase,
  consentNote,
  INTERNAL,
  nameForms,
  PEOPLE,
  personNote,
  STATEMENTS,
  STATEMENTS_FOR,
  type AudienceCase,
  type PersonKey,
} from '../../helpers/audienceCase';
import {
  findInOutputs,
  readableText,
  readBundleOutputs,
  readDossierOutputs,
  type DossierOutput,
} from '../../helpers/dossierOutputs';
import { Gpg, hasGpg } from '../../helpers/gpg';
import { hasTool } from '../../helpers/peers';
import { newVault } from '../../helpers/vault';

const canRead = hasTool('pdftotext') && hasTool('pdfinfo') && hasGpg;

type AudienceName = 'wgad' | 'partners' | 'public';
const AUDIENCES: Record<AudienceName, Audience> = {
  wgad: { kind: 'mechanism', mechanism: 'wgad' },
  partners: { kind: 'partners' },
  public: { kind: 'public' },
};
const PERSON_KEYS = Object.keys(PEOPLE) as PersonKey[];
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** Every word a dossier could use to mark or list something left out, in every dossier language. */
function withheldMarkers(): string[] {
  const markers = ['withheld', 'leaves out', 'left out', 'not covered'];
  for (const language of DOSSIER_LANGUAGES) {
    const labels = labelsFor({ title: '', language, blocks: [] });
    markers.push(labels.withheldBare.replace(/\]$/, ''));
  }
  return markers;
}

interface Exported {
  audience: AudienceName;
  template: 'wgad' | 'generic';
  outputs: DossierOutput[];
  caseJson: Record<string, unknown>;
  manifest: Record<string, unknown>;
}

describe.skipIf(!canRead)(
  'what leaves the vault shows no trace of what was withheld (mechanism, partners, public)',
  () => {
    let root: string;
    let vault: Vault;
    let gpg: Gpg;
    let built: AudienceCase;
    const exported: Exported[] = [];

    const request = (audience: AudienceName, template: 'wgad' | 'generic'): ExportRequest => ({
      caseId: built.caseId,
      template,
      language: 'en',
      audience: AUDIENCES[audience],
      includePrivate: false,
    });

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'vigil-no-trace-'));
      vault = (await newVault({ root })).vault;
      built = await buildAudienceCase(vault);
      gpg = await Gpg.create();
      const partner = await gpg.generate('Partner House <house@partner.example>');
      await importKeys(vault, await gpg.exportPublic(partner), { trust: true });
      const folder = async (audience: AudienceName, template: 'wgad' | 'generic') => {
        const out = join(root, `${audience}-${template}`);
        await exportDossier(vault, request(audience, template), { kind: 'directory', path: out });
        return readDossierOutputs(out);
      };
      const outputs: [AudienceName, 'wgad' | 'generic', DossierOutput[]][] = [
        ['wgad', 'wgad', await folder('wgad', 'wgad')],
        ['wgad', 'generic', await folder('wgad', 'generic')],
        ['public', 'generic', await folder('public', 'generic')],
        ['partners', 'generic', await folder('partners', 'generic')],
      ];
      // The partner's bundle, decrypted the way a partner without Vigil would.
      const bundle = join(root, 'for-partners.vigil.gpg');
      await exportDossier(vault, request('partners', 'wgad'), {
        kind: 'bundle',
        path: bundle,
        recipients: [partner],
      });
      outputs.push(['partners', 'wgad', await readBundleOutputs(bundle, gpg)]);
      for (const [audience, template, files] of outputs) {
        const json = (name: string) =>
          JSON.parse(files.find((f) => f.source === name)!.text) as Record<string, unknown>;
        exported.push({
          audience,
          template,
          outputs: files,
          caseJson: json('case.json'),
          manifest: json('manifest.json'),
        });
      }
    }, 300_000);

    afterAll(async () => {
      await gpg?.close();
      await vault?.lock();
      await rm(root, { recursive: true, force: true });
    });

    const each = (title: string, check: (e: Exported) => void | Promise<void>): void => {
      it(title, async () => {
        expect(exported.length).toBe(5);
        for (const e of exported) await check(e);
      });
    };

    each('names nobody who may not appear, in any form or script, in any file', (e) => {
      const hidden = PERSON_KEYS.filter((key) => APPEARS[e.audience][key] !== PEOPLE[key].name);
      const needles = hidden.flatMap(nameForms);
      expect(needles.length).toBeGreaterThan(10);
      expect(findInOutputs(e.outputs, needles), `${e.audience}/${e.template}`).toEqual([]);
      // Those who appear are there, as consent allows.
      const text = readableText(e.outputs);
      for (const key of PERSON_KEYS) {
        const shown = APPEARS[e.audience][key];
        if (shown) expect(text, `${key} in ${e.audience}/${e.template}`).toContain(shown);
      }
    });

    each('carries no id of anyone or anything left out', (e) => {
      const left = [
        ...PERSON_KEYS.filter((key) => APPEARS[e.audience][key] === null).map(
          (key) => built.persons[key],
        ),
        ...(Object.keys(STATEMENTS) as (keyof typeof STATEMENTS)[])
          .filter((key) => !STATEMENTS_FOR[e.audience].includes(key))
          .map((key) => built.testimonies[key]),
        built.evidence.document,
      ];
      expect(findInOutputs(e.outputs, left), `${e.audience}/${e.template}`).toEqual([]);
    });

    each('carries only the statements consent allows, numbered without gaps', (e) => {
      const allowed = STATEMENTS_FOR[e.audience];
      for (const [key, statement] of Object.entries(STATEMENTS)) {
        const word = statement.split(':')[0]!;
        const found = findInOutputs(e.outputs, [word]).length > 0;
        expect(found, `${key} in ${e.audience}/${e.template}`).toBe(
          allowed.includes(key as keyof typeof STATEMENTS),
        );
      }
      const text = readableText(e.outputs);
      if (e.template === 'generic') {
        const heading = WORDS.en.generic.testimonies;
        const numbers = [...text.matchAll(new RegExp(`${heading} (\\d+)`, 'g'))].map((m) =>
          Number(m[1]),
        );
        expect([...new Set(numbers)].sort()).toEqual(allowed.map((_, i) => i + 1));
      }
      const testimonies = e.caseJson.testimonies as { id: string }[];
      expect(testimonies).toHaveLength(allowed.length);
    });

    each(
      'numbers unnamed persons without gaps, and has no placeholder for anyone left out',
      (e) => {
        const text = readableText(e.outputs);
        const pattern = new RegExp(fill(WORDS.en.person, { n: '(\\d+)' }), 'g');
        const numbers = [...new Set([...text.matchAll(pattern)].map((m) => Number(m[1])))].sort();
        const unnamed = PERSON_KEYS.filter((key) =>
          /^Person \d+$/.test(APPEARS[e.audience][key] ?? ''),
        ).length;
        expect(numbers, `${e.audience}/${e.template}`).toEqual(
          Array.from({ length: unnamed }, (_, i) => i + 1),
        );
        const persons = e.caseJson.persons as unknown[];
        expect(persons).toHaveLength(PERSON_KEYS.filter((k) => APPEARS[e.audience][k]).length);
      },
    );

    each('has no list, mark or count of what was withheld', (e) => {
      expect(findInOutputs(e.outputs, withheldMarkers()), `${e.audience}/${e.template}`).toEqual(
        [],
      );
      expect(e.manifest).not.toHaveProperty('withheld');
      expect(e.manifest.version).toBe(2);
      expect(JSON.stringify(e.manifest.options)).toBe('{"includePrivate":false}');
      // Evidence: the file Vigil cannot strip stays home, and the numbering shows no gap.
      const names = e.outputs.find((o) => o.source === '(file names)')!.text.split('\n');
      expect(names.filter((n) => n.includes('evidence/'))).toEqual([
        expect.stringMatching(/evidence\/E01\.jpg$/),
        expect.stringMatching(/evidence\/E02\.png$/),
      ]);
      // A source resting on someone or a statement left out goes with them.
      const events = e.caseJson.events as { sources: unknown[] }[];
      const sources = events[0]!.sources;
      expect(sources).toHaveLength(e.audience === 'partners' ? 3 : 2);
    });

    each('keeps internal working data for partners only', (e) => {
      const internal = [
        INTERNAL.tag,
        INTERNAL.recipientOfDraft,
        INTERNAL.interventionNote,
        INTERNAL.perpetratorNote,
        INTERNAL.placeNote,
      ];
      const appearing = PERSON_KEYS.filter((key) => APPEARS[e.audience][key] !== null);
      const hidden = PERSON_KEYS.filter((key) => APPEARS[e.audience][key] === null);
      // Notes of someone left out never travel, whoever the audience.
      expect(
        findInOutputs(e.outputs, [...hidden.map(personNote), ...hidden.map(consentNote)]),
      ).toEqual([]);
      // Private fields were not asked for: never there.
      expect(findInOutputs(e.outputs, ['INTERVIEWERCANARY', '55.123456', '37.654321'])).toEqual([]);
      const text = readableText(e.outputs);
      if (e.audience === 'partners') {
        expect(e.caseJson.format).toBe('vigil-case');
        const check = checkCaseDocument(e.caseJson);
        expect(check.ok, JSON.stringify(check)).toBe(true);
        for (const canary of [...internal, ...appearing.map(personNote)])
          expect(JSON.stringify(e.caseJson), canary).toContain(canary);
        expect((e.caseJson.case as { status: string }).status).toBe(INTERNAL.caseStatus);
      } else {
        expect(
          findInOutputs(e.outputs, [
            ...internal,
            ...appearing.map(personNote),
            ...appearing.map(consentNote),
            'TESTIMONYCONSENTNOTE',
          ]),
          `${e.audience}/${e.template}`,
        ).toEqual([]);
        // The release form: what the documents say, no vault ids, no internal fields.
        expect(e.caseJson.format).toBe('vigil-case-release');
        const json = JSON.stringify(e.caseJson);
        expect(json).not.toMatch(UUID);
        for (const key of ['"status"', '"tags"', '"reliability"', '"notes"', '"scope"', '"naming"'])
          expect(json, key).not.toContain(key);
        expect((e.caseJson.persons as { id: string }[]).map((p) => p.id)).toEqual(
          appearing.map((_, i) => `person-${i + 1}`),
        );
        expect((e.caseJson.interventions as unknown[]).length).toBe(1);
        // Neither the case status nor a reliability assessment is printed.
        for (const label of ['In follow-up', '(High)', '(Medium)', '(Low)', 'Not assessed'])
          expect(text, `${label} in ${e.audience}/${e.template}`).not.toContain(label);
      }
    });

    it('the exported folders verify, and the withholding report is kept with the audit entry', async () => {
      for (const name of ['wgad-wgad', 'public-generic', 'partners-generic']) {
        const report = await verifyDossier(vault, join(root, name));
        expect(report.problems, name).toEqual([]);
        expect(report.ok).toBe(true);
      }
      const entries = (await caseAuditLog(vault, built.caseId, 1000)).filter(
        (e) => e.action === 'dossier.export',
      );
      expect(entries).toHaveLength(5);
      for (const [i, name] of (
        ['wgad', 'wgad', 'public', 'partners', 'partners'] as const
      ).entries()) {
        const template = i === 1 || i === 2 || i === 3 ? 'generic' : 'wgad';
        const preview = await previewExport(vault, request(name, template));
        const detail = entries.find(
          (entry) =>
            JSON.stringify(entry.detail.audience) === JSON.stringify(AUDIENCES[name]) &&
            entry.detail.template === template,
        )!.detail;
        // The same report the sender was shown, by record id, field and reason (and reason codes:
        // no date or name of the sender's wording goes into the audit log).
        expect(detail.withheld).toEqual(
          preview.withheld.map(({ kind, record, field, reason, why }) => ({
            kind,
            record,
            field,
            reason,
            why: why!.map((w) => ({ code: w.code })),
          })),
        );
        const withheld = detail.withheld as { kind: string; record: { id: string } }[];
        for (const key of PERSON_KEYS.filter((k) => APPEARS[name][k] === null))
          expect(
            withheld.some((w) => w.kind === 'person' && w.record.id === built.persons[key]),
          ).toBe(true);
        // The audit log holds ids and reasons, never a name.
        const stored = JSON.stringify(detail);
        for (const key of PERSON_KEYS)
          for (const form of nameForms(key)) expect(stored, form).not.toContain(form);
      }
    });

    it('the sender sees who is left out and why before anything is written', async () => {
      const preview = await previewExport(vault, request('public', 'generic'));
      const status = (key: PersonKey) =>
        preview.consent.find((c) => c.personId === built.persons[key])!;
      expect(status('tamimi')).toMatchObject({
        covers: false,
        label: null,
        reasons: ['consent was withdrawn on 2024-06-02'],
      });
      expect(status('kovalenko')).toMatchObject({
        covers: false,
        reasons: ['consent covers partner organisations, not publication'],
      });
      expect(status('perez')).toMatchObject({ covers: true, shownAs: null, label: 'Person 1' });
      const report = preview.withheld.map((w) => `${w.kind}|${w.what}|${w.reason}`).join('\n');
      expect(report).toContain(`person|${PEOPLE.tamimi.name} (witness)`);
      expect(report).toMatch(
        /testimony\|testimony of Олена Коваленко \(2024-03-12\)\|consent covers partner organisations/,
      );
      expect(report).toMatch(
        /record\|intervention urgent-appeal to DRAFTRECIPIENT canary\|a draft/,
      );
      expect(report).toMatch(/evidence\|evidence document\.docx \(docx\)\|/);
      expect(report).toMatch(/field\|case: tags\|internal tags/);
      const stored = await readFile(join(root, 'public-generic', 'manifest.json'), 'utf8');
      expect(stored).not.toContain('document.docx');
    });
  },
);
