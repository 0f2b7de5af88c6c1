import { join } from 'node:path';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approveRelease,
  editRelease,
  exportDossier,
  previewExport,
  reviewRelease,
} from '../../../electron/core/dossier';
import {
  createCase,
  createPerson,
  createTestimony,
  updateTestimony,
} from '../../../electron/core/records';
import { generateOrgKey } from '../../../electron/core/pgp';
import { isVigilError } from '../../../electron/core';
import type { Vault } from '../../../electron/core/vault/vault';
import { newVault } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

const wgad = { scope: 'named-mechanisms' as const, mechanisms: ['wgad'], givenOn: '2024-01-01' };

describe('release review: settle ambiguous mentions, keep approvals until the source changes', () => {
  let vault: Vault;
  let caseId: string;
  let testimonyId: string;
  const statement =
    'Khaled Said was beaten. The officer said nothing, and Khaled said he was afraid.';

  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-release-'));
    ({ vault } = await newVault({ root }));
    await generateOrgKey(vault, { name: 'Defenders Watch', email: 'cases@defenders.example' });
    caseId = (await createCase(vault, { title: 'Arrests in the square' })).id;
    const victim = await createPerson(
      vault,
      { name: 'Amira Nasser', consent: { ...wgad, naming: 'name' } },
      { caseId, role: 'victim' },
    );
    void victim;
    const khaled = await createPerson(
      vault,
      { name: 'Khaled Said', sex: 'male', consent: { ...wgad, naming: 'none' } },
      { caseId, role: 'witness' },
    );
    testimonyId = (
      await createTestimony(vault, caseId, {
        witnessId: khaled.id,
        statement,
        language: 'en',
        consent: { ...wgad, naming: 'none' },
      })
    ).id;
  });
  afterAll(async () => {
    await vault.lock();
    await rm(root, { recursive: true, force: true });
  });

  const request = () => ({
    caseId,
    template: 'generic' as const,
    language: 'en' as const,
    audience: { kind: 'mechanism' as const, mechanism: 'wgad' },
    includePrivate: false,
  });

  it('shows the proposed changes, and the export stops naming the record, the words and the commands', async () => {
    const review = await reviewRelease(vault, caseId, 'wgad');
    const record = review.records.find((r) => r.id === testimonyId)!;
    expect(record.changes.map((c) => [c.n, c.original, c.replacement, c.certain])).toEqual([
      [1, 'Khaled Said', 'A witness', true],
      [2, 'said', 'the witness', false],
      [3, 'Khaled', 'the witness', true],
      [4, 'said', 'the witness', false],
    ]);
    expect(review.issues).toHaveLength(1);
    const preview = await previewExport(vault, request());
    expect(preview.release.map((i) => [i.recordId, i.field, i.words, i.changes])).toEqual([
      [testimonyId, 'statement', ['said', 'said'], [2, 4]],
    ]);
    const out = join(await tempDir(), 'dossier');
    const error = await exportDossier(vault, request(), { kind: 'directory', path: out }).catch(
      (e: unknown) => e,
    );
    expect(isVigilError(error, 'REVIEW_NEEDED')).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain(`testimony ${testimonyId} (statement)`);
    expect(message).toContain('"said" (change 2), "said" (change 4)');
    expect(message).toContain(
      `vigil release approve --case ${caseId} --for wgad --record ${testimonyId} --reject 2 --reject 4`,
    );
    expect(message).not.toMatch(/please report/i);
    await expect(readFile(join(out, 'manifest.json'))).rejects.toThrow();
  });

  it('refuses to keep a certain name, and an edit that still names the person', async () => {
    await expect(
      approveRelease(vault, {
        caseId,
        audience: 'wgad',
        recordId: testimonyId,
        decisions: [{ change: 1, decision: { decision: 'reject' } }],
      }),
    ).rejects.toThrow(/certainly the name/);
    await expect(
      editRelease(vault, {
        caseId,
        audience: 'wgad',
        recordId: testimonyId,
        field: 'statement',
        text: 'Khaled was beaten.',
      }),
    ).rejects.toThrow(/still names/);
  });

  it('approving with the ordinary words kept lets the export go, with "said" unchanged and no name', async () => {
    const settled = await approveRelease(vault, {
      caseId,
      audience: 'wgad',
      recordId: testimonyId,
      decisions: [
        { change: 2, decision: { decision: 'reject' } },
        { change: 4, decision: { decision: 'reject' } },
      ],
    });
    expect(settled.approved).toBe(true);
    expect(settled.record.fields[0]!.release).toBe(
      'A witness was beaten. The officer said nothing, and the witness said he was afraid.',
    );
    expect(settled.record.fields[0]!.approval).toMatchObject({ version: 1, actor: 'tester' });
    const out = join(await tempDir(), 'dossier');
    await exportDossier(vault, request(), { kind: 'directory', path: out });
    const caseJson = await readFile(join(out, 'case.json'), 'utf8');
    expect(caseJson).toContain('The officer said nothing, and the witness said he was afraid.');
    expect(caseJson).not.toContain('Khaled');
    const audit = await vault.db.all<{ action: string; detail: string }>(
      "SELECT action, detail FROM audit_log WHERE action LIKE 'release.%'",
    );
    expect(audit.map((a) => a.action)).toEqual(['release.approve']);
    expect(audit[0]!.detail).not.toContain('said nothing');
  });

  it('a changed source text invalidates the approval and asks again', async () => {
    await updateTestimony(vault, testimonyId, {
      statement: `${statement} Later Khaled said more.`,
    });
    const review = await reviewRelease(vault, caseId, 'wgad', testimonyId);
    expect(review.records[0]!.fields[0]!.status).toBe('stale');
    expect(review.issues[0]).toMatchObject({ status: 'stale', field: 'statement' });
    const error = await exportDossier(vault, request(), {
      kind: 'directory',
      path: join(await tempDir(), 'dossier'),
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/changed after its release version was approved/);
  });

  it('an edited text is stored as a new version; the ordinary words it keeps are the user’s choice', async () => {
    const settled = await editRelease(vault, {
      caseId,
      audience: 'wgad',
      recordId: testimonyId,
      field: 'statement',
      text: 'A witness was beaten. The officer said nothing. The witness said more later.',
    });
    expect(settled.approved).toBe(true);
    expect(settled.kept).toEqual(['said', 'said']);
    expect(settled.record.fields[0]!).toMatchObject({ status: 'edited', approval: { version: 2 } });
    const out = join(await tempDir(), 'dossier');
    await exportDossier(vault, request(), { kind: 'directory', path: out });
    expect(await readFile(join(out, 'case.json'), 'utf8')).toContain(
      'The officer said nothing. The witness said more later.',
    );
  });

  it('approvals are per audience: the public has its own review', async () => {
    const review = await reviewRelease(vault, caseId, 'public');
    // Consent covers only the WGAD: the testimony does not go to the public at all.
    expect(review.records.find((r) => r.id === testimonyId)).toBeUndefined();
  });
});
