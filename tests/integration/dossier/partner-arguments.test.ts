import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportDossier,
  getMechanismFacts,
  getSubmission,
  importDossier,
  saveSubmission,
} from '../../../electron/core/dossier';
import { exportPublicKey, generateOrgKey, importKeys } from '../../../electron/core/pgp';
import { listCasePersons } from '../../../electron/core/records';
import type { Vault } from '../../../electron/core/vault/vault';
import type { CaseDocument } from '../../../shared/domain';
import { runVigilInProcess } from '../../helpers/cli';
import { ACHPR_CASE, buildRegionalCase } from '../../helpers/regionalCases';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';
import { writeFile } from 'node:fs/promises';

/**
 * The work written for a case travels with it (issue 16): `vigil case
 * export-json` carries the mechanism facts and every template's arguments as
 * the vault holds them; a partner bundle carries them released for partners
 * (a name consent keeps from partners replaced), and the receiving vault
 * keeps them without ever overwriting its own.
 */
describe('mechanism facts and arguments between two vaults', () => {
  let root: string;
  let a: Vault;
  let b: Vault;
  let aDir: string;
  let caseId: string;
  let bundle: string;
  const EPA = {
    violations: [{ provision: 'Article 5 of the African Charter', argument: 'Beaten in custody.' }],
  };
  const PRECAUTIONARY = {
    risk: 'Agents watch her family; خالد الطيب بشير was threatened too.',
    measures: ['Protect her life and integrity.'],
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-partner-args-'));
    const first = await newVault({ root: join(root, 'a') });
    a = first.vault;
    aDir = first.dir;
    b = (await newVault({ root: join(root, 'b') })).vault;
    await generateOrgKey(a, { name: 'Sudan Rights Desk', email: 'desk@a.example' });
    const bKey = await generateOrgKey(b, { name: 'Partner B', email: 'b@partner.example' });
    await importKeys(a, await exportPublicKey(b), { trust: true });
    await importKeys(b, await exportPublicKey(a), { trust: true });
    // The witness may be seen by partners by no name: the texts name him in Arabic.
    const nafisa = ACHPR_CASE.persons.nafisa!;
    const built = await buildRegionalCase(
      a,
      {
        ...ACHPR_CASE,
        // Partners may see her: she is the beneficiary the facts name.
        persons: {
          ...ACHPR_CASE.persons,
          nafisa: {
            ...nafisa,
            consent: { scope: 'partners', naming: 'name', givenOn: '2026-06-01' },
          },
        },
      },
      { evidence: false },
    );
    caseId = built.caseId;
    await saveSubmission(a, caseId, 'facts', {
      ...ACHPR_CASE.mechanismFacts,
      beneficiaries: [built.persons.nafisa!],
    });
    await saveSubmission(a, caseId, 'iachr-precautionary', PRECAUTIONARY);
    await saveSubmission(a, caseId, 'echr', EPA);
    bundle = join(root, 'case.vigil.gpg');
    await exportDossier(
      a,
      { caseId, template: 'generic', language: 'en', includePrivate: false },
      { kind: 'bundle', path: bundle, recipients: [bKey.fingerprint] },
    );
  }, 300_000);

  afterAll(async () => {
    await a?.lock();
    await b?.lock();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('vigil case export-json carries the facts and every template’s arguments as the vault holds them', async () => {
    const passFile = join(root, 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    const out = join(root, 'case.json');
    await a.lock();
    try {
      const r = await runVigilInProcess([
        'case',
        'export-json',
        caseId,
        '--out',
        out,
        '--vault',
        aDir,
        '--passphrase-file',
        passFile,
      ]);
      expect(r.code, r.stderr).toBe(0);
    } finally {
      a = await reopen(aDir);
    }
    const doc = JSON.parse(await readFile(out, 'utf8')) as CaseDocument;
    expect(doc.submissions?.facts).toEqual(await getMechanismFacts(a, caseId));
    expect(doc.submissions?.arguments).toEqual({
      echr: await getSubmission(a, caseId, 'echr'),
      'iachr-precautionary': await getSubmission(a, caseId, 'iachr-precautionary'),
      achpr: await getSubmission(a, caseId, 'achpr'),
    });
    // The owner's own export: the text as written.
    expect(doc.submissions?.arguments?.['iachr-precautionary']?.risk).toBe(PRECAUTIONARY.risk);
    // vigil case import brings them back: tests/integration/dossier/case-import-work.test.ts.
  });

  it('go to the partner released, and are kept there without overwriting its own', async () => {
    const imported = await importDossier(b, bundle);
    expect(imported.facts).toBe('added');
    expect(imported.arguments).toEqual({
      echr: 'added',
      'iachr-precautionary': 'added',
      achpr: 'added',
    });
    const facts = await getMechanismFacts(b, imported.caseId);
    const persons = await listCasePersons(b, imported.caseId);
    expect(facts.beneficiaries.map((id) => persons.find((p) => p.id === id)?.name)).toEqual([
      'Nafisa Abdelrahim Idris',
    ]);
    expect(facts.otherProcedures[0]?.reference).toBe('UA SDN 4/2025');
    expect(await getSubmission(b, imported.caseId, 'echr')).toEqual({
      ...EPA,
      risk: '',
      measures: [],
    });
    expect(await getSubmission(b, imported.caseId, 'achpr')).toEqual(
      await getSubmission(a, caseId, 'achpr'),
    );
    // Released for partners: the witness consent keeps inside vault A is named in no form.
    const risk = (await getSubmission(b, imported.caseId, 'iachr-precautionary')).risk;
    expect(risk).toMatch(/^Agents watch her family; .+ was threatened too\.$/u);
    expect(risk).not.toContain('خالد');

    // B writes its own arguments; the same bundle again never replaces them.
    const mine = { violations: [{ provision: 'Article 6', argument: 'B’s own argument.' }] };
    await saveSubmission(b, imported.caseId, 'achpr', mine);
    const again = await importDossier(b, bundle, { duplicate: 'update' });
    expect(again.caseId).toBe(imported.caseId);
    expect(again.arguments).toEqual({
      echr: 'same',
      'iachr-precautionary': 'same',
      achpr: 'kept-local',
    });
    expect((await getSubmission(b, imported.caseId, 'achpr')).violations).toEqual(mine.violations);
  });
});
