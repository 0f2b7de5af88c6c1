import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  exportDossier,
  getWgadSubmission,
  importDossier,
  DuplicateCaseError,
  saveWgadSubmission,
} from '../../../electron/core/dossier';
import { intakeFile } from '../../../electron/core/evidence';
import {
  exportPublicKey,
  generateOrgKey,
  getOrganisationKey,
  importKeys,
} from '../../../electron/core/pgp';
import {
  addVocabularyTerm,
  createCase,
  createEvent,
  createPerson,
  createTestimony,
  exportCaseDocument,
  getCase,
  listCases,
  listVocabularies,
  updateCase,
  updatePerson,
  updateOrganisation,
  updateTestimony,
} from '../../../electron/core/records';
import type { Vault } from '../../../electron/core/vault/vault';
import { runVigilInProcess } from '../../helpers/cli';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';
import { FIXTURES } from '../../helpers/wgadCase';

/**
 * A case travelling between two organisations and coming back (issue 11 §7):
 * Vigil A begins it and sends it to partner B; B imports it (the partner's
 * own vocabulary term kept with the case, not in B's vocabularies); importing
 * it again says so (`duplicateOf`, exit 2, nothing changed) and takes
 * --update or --as-new; an update brings the partner's changes and keeps
 * local edits, listing the conflicts; B's copy exports like any case, and
 * when it comes back to A it is recognised as A's own case.
 */

const NAMES = {
  victim: 'Олена Коваленко',
  witness: '王秀英',
  lawyer: 'José Martínez Ortega',
  relative: 'Amélie Durand',
  officer: 'Сергей Волков',
  detaineeAr: 'عبد الرحمن الشامي',
};

interface ImportJson {
  caseId: string;
  mode: 'new' | 'update' | 'as-new';
  duplicateOf: { caseId: string; begunHere: boolean; reference: string } | null;
  customTermsKept: number;
  submission: string | null;
  evidence: unknown[];
  update: {
    added: Record<string, number>;
    updated: Record<string, number>;
    unchanged: number;
    conflicts: { kind: string; id: string; fields: string[] }[];
    restored: unknown[];
  } | null;
}

describe('a case that travels between partners, and comes back', () => {
  let root: string;
  let aDir: string;
  let bDir: string;
  let passFile: string;
  let aFpr: string;
  let bFpr: string;
  let aCase: string;
  let bCase: string;
  const ids: Record<string, string> = {};

  /** Runs the CLI on a vault that no other handle holds open. */
  const cli = (dir: string, args: string[]) =>
    runVigilInProcess([...args, '--vault', dir, '--passphrase-file', passFile]);
  const withVault = async <T>(dir: string, body: (v: Vault) => Promise<T>): Promise<T> => {
    const vault = await reopen(dir);
    try {
      return await body(vault);
    } finally {
      await vault.lock();
    }
  };
  const state = (dir: string) =>
    withVault(dir, async (v) => ({
      cases: (await listCases(v, {})).length,
      blobs: (await readdir(join(dir, 'blobs'))).length,
    }));
  const bundleFor = (dir: string, caseId: string, to: string, name: string) =>
    withVault(dir, async (v) => {
      const path = join(root, name);
      await exportDossier(
        v,
        {
          caseId,
          template: 'wgad',
          language: 'en',
          audience: { kind: 'partners' },
          includePrivate: false,
        },
        { kind: 'bundle', path, recipients: [to] },
      );
      return path;
    });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-partner-case-'));
    const a = await newVault({ root: join(root, 'a') });
    const b = await newVault({ root: join(root, 'b') });
    aDir = a.dir;
    bDir = b.dir;
    passFile = join(root, 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    aFpr = (await generateOrgKey(a.vault, { name: 'Правозахисна група', email: 'a@group.example' }))
      .fingerprint;
    bFpr = (await generateOrgKey(b.vault, { name: 'Red de Defensores', email: 'b@red.example' }))
      .fingerprint;
    await importKeys(a.vault, await exportPublicKey(b.vault), { trust: true });
    await importKeys(b.vault, await exportPublicKey(a.vault), { trust: true });

    // A's own term, which B's vocabularies do not have.
    await addVocabularyTerm(a.vault, {
      vocabulary: 'event-type',
      id: 'checkpoint-seizure',
      labels: {
        en: 'Seizure at a checkpoint',
        ar: 'احتجاز عند حاجز',
        ru: 'Задержание на блокпосту',
      },
    });
    const partners = { scope: 'partners' as const, naming: 'name' as const, givenOn: '2025-02-01' };
    const kase = await createCase(a.vault, {
      title: `Затримання ${NAMES.victim}`,
      summary: `${NAMES.victim} was stopped at a checkpoint; ${NAMES.witness} saw it.`,
      countries: ['UA'],
    });
    aCase = kase.id;
    const victim = await createPerson(
      a.vault,
      { name: NAMES.victim, consent: partners },
      { caseId: aCase, role: 'victim' },
    );
    const witness = await createPerson(
      a.vault,
      { name: NAMES.witness, consent: partners },
      { caseId: aCase, role: 'witness' },
    );
    // Private details that do not go to partners (no --include-private): they must survive the partner's update.
    const lawyer = await createPerson(
      a.vault,
      {
        name: NAMES.lawyer,
        consent: partners,
        residence: 'Calle de la Paz 12, Valencia',
        contact: { phone: '+34 600 111 222', email: 'jose@abogados.example' },
      },
      { caseId: aCase, role: 'family-member' },
    );
    ids.lawyer = lawyer.id;
    await createPerson(
      a.vault,
      { name: NAMES.detaineeAr, consent: partners },
      { caseId: aCase, role: 'victim' },
    );
    await createEvent(a.vault, aCase, {
      eventType: 'checkpoint-seizure',
      title: 'Stopped at the checkpoint',
      start: { value: '2025-01-14', qualifier: 'exact' },
      victims: [victim.id],
      description: `${NAMES.victim} was taken from the bus.`,
    });
    const testimony = await createTestimony(a.vault, aCase, {
      witnessId: witness.id,
      statement: '我看见她在检查站被带走。',
      language: 'zh',
      consent: partners,
    });
    await intakeFile(a.vault, { caseId: aCase, path: join(FIXTURES, 'metadata', 'meta.png') });
    ids.victim = victim.id;
    ids.testimony = testimony.id;
    // The work that goes on with the case: A's lawyer's arguments, and A as the submitter.
    await updateOrganisation(a.vault, {
      name: 'Правозахисна група «Світанок»',
      address: 'вул. Хрещатик 1, Київ',
      email: 'cases@svitanok.example',
      phone: '+380 44 123 45 67',
    });
    await saveWgadSubmission(a.vault, aCase, {
      circumstances: `${NAMES.victim} was held without a warrant for eleven days.`,
      categories: { I: { argued: true, argument: 'Ніякої правової підстави для затримання.' } },
      domesticRemedies: 'Habeas corpus filed on 2025-01-20, never heard.',
      submitter: { name: 'Олена Коваль', confidential: false },
    });
    await a.vault.lock();
    await b.vault.lock();
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("a partner's case comes in with its own terms kept with it, not in the vault's vocabularies", async () => {
    const bundle = await bundleFor(aDir, aCase, bFpr, 'to-b-1.gpg');
    const result = await cli(bDir, ['import', bundle, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ImportJson;
    expect(report).toMatchObject({
      mode: 'new',
      duplicateOf: null,
      customTermsKept: 1,
      submission: 'added',
      submitter: {
        name: 'Правозахисна група «Світанок»',
        email: 'cases@svitanok.example',
        phone: '+380 44 123 45 67',
      },
    });
    expect(report.evidence).toHaveLength(1);
    bCase = report.caseId;
    await withVault(bDir, async (b) => {
      const eventTypes = (await listVocabularies(b)).find((v) => v.name === 'event-type')!;
      expect(eventTypes.terms.map((t) => t.id)).not.toContain('checkpoint-seizure');
      // ...yet the case's records hold it, and it goes with the case when exported again.
      const doc = await exportCaseDocument(b, bCase);
      expect(doc.events[0]!.eventType).toBe('checkpoint-seizure');
      expect(doc.customTerms).toEqual([
        expect.objectContaining({ vocabulary: 'event-type', id: 'checkpoint-seizure' }),
      ]);
      expect(doc.origin?.id).toBe(aCase);
      // B's lawyer goes on from A's arguments.
      const arguments_ = await getWgadSubmission(b, bCase);
      expect(arguments_.circumstances).toBe(
        `${NAMES.victim} was held without a warrant for eleven days.`,
      );
      expect(arguments_.categories.I).toEqual({
        argued: true,
        argument: 'Ніякої правової підстави для затримання.',
      });
      expect(arguments_.submitter).toEqual({ name: 'Олена Коваль', confidential: false });
    });
  });

  it('importing it again says so (duplicateOf, exit 2) and changes nothing until told --update or --as-new', async () => {
    const bundle = await bundleFor(aDir, aCase, bFpr, 'to-b-again.gpg');
    const before = await state(bDir);
    const again = await cli(bDir, ['import', bundle, '--json']);
    expect(again.code).toBe(2);
    const said = JSON.parse(again.stdout) as {
      imported: boolean;
      duplicateOf: ImportJson['duplicateOf'];
    };
    expect(said.imported).toBe(false);
    expect(said.duplicateOf).toMatchObject({ caseId: bCase, begunHere: false });
    expect(again.stderr).toMatch(/already in the vault.*--update.*--as-new.*Nothing was changed/s);
    const plain = await cli(bDir, ['import', bundle]);
    expect(plain.code).toBe(2);
    expect(plain.stdout).toMatch(/already in the vault as/);
    const both = await cli(bDir, ['import', bundle, '--update', '--as-new']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^vigil: .*--update or --as-new/);
    expect(await state(bDir)).toEqual(before);
    // verify, with the vault, says so too.
    const verified = await cli(bDir, ['verify', bundle, '--json']);
    expect(verified.code, verified.stdout).toBe(0);
    expect((JSON.parse(verified.stdout) as ImportJson).duplicateOf?.caseId).toBe(bCase);
    // In the core, the same refusal, typed.
    await withVault(bDir, async (b) => {
      await expect(importDossier(b, bundle)).rejects.toBeInstanceOf(DuplicateCaseError);
    });
    expect(await state(bDir)).toEqual(before);

    const copy = await cli(bDir, ['import', bundle, '--as-new', '--json']);
    expect(copy.code, copy.stderr).toBe(0);
    const copied = JSON.parse(copy.stdout) as ImportJson;
    expect(copied.mode).toBe('as-new');
    expect(copied.caseId).not.toBe(bCase);
    expect(copied.duplicateOf?.caseId).toBe(bCase);
    expect((await state(bDir)).cases).toBe(before.cases + 1);
    // The copy is kept apart: the next import still names the first one.
    const third = await cli(bDir, ['import', bundle, '--json']);
    expect(third.code).toBe(2);
    expect((JSON.parse(third.stdout) as ImportJson).duplicateOf?.caseId).toBe(bCase);
  });

  it("--update brings the partner's changes, keeps local edits and lists what both changed", async () => {
    // At A: a new event, a changed person, a changed testimony.
    await withVault(aDir, async (a) => {
      await createEvent(a, aCase, {
        eventType: 'arbitrary-detention',
        title: 'Held at the district station',
        start: { value: '2025-01-15', qualifier: 'exact' },
        victims: [ids.victim!],
      });
      await updatePerson(a, ids.victim!, { occupation: 'Агрономка' });
      await updateTestimony(a, ids.testimony!, { statement: '我看见她在检查站被两名军官带走。' });
    });
    // At B, meanwhile: the same testimony and the case's summary changed.
    const bTestimony = await withVault(bDir, async (b) => {
      const doc = await exportCaseDocument(b, bCase);
      const t = doc.testimonies[0]!;
      await updateTestimony(b, t.id, { statement: '她在检查站被带走（译者核对）。' });
      await updateCase(b, bCase, {
        summary: `${NAMES.victim}: summary revised by ${NAMES.lawyer}.`,
      });
      return t.id;
    });
    const bundle = await bundleFor(aDir, aCase, bFpr, 'to-b-2.gpg');
    const before = await state(bDir);
    const result = await cli(bDir, ['import', bundle, '--update', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ImportJson;
    expect(report.mode).toBe('update');
    expect(report.caseId).toBe(bCase);
    expect(report.submission).toBe('same');
    expect(report.update!.added.events).toBe(1);
    expect(report.update!.updated.persons).toBe(1);
    expect(report.update!.conflicts).toEqual([
      { kind: 'testimony', id: bTestimony, fields: ['statement'] },
    ]);
    expect(report.evidence).toHaveLength(0); // the photo is there already
    expect(await state(bDir)).toEqual(before); // no new case, no new blob
    await withVault(bDir, async (b) => {
      const doc = await exportCaseDocument(b, bCase);
      expect(doc.events).toHaveLength(2);
      expect(doc.persons.find((p) => p.name === NAMES.victim)!.occupation).toBe('Агрономка');
      expect(doc.testimonies[0]!.statement).toBe('她在检查站被带走（译者核对）。');
      expect(doc.case.summary).toContain('summary revised by');
    });
    // The same bundle again: nothing left to bring.
    const again = JSON.parse(
      (await cli(bDir, ['import', bundle, '--update', '--json'])).stdout,
    ) as ImportJson;
    const sum = (c: Record<string, number>) => Object.values(c).reduce((x, y) => x + y, 0);
    expect(sum(again.update!.added) + sum(again.update!.updated)).toBe(0);
  });

  it('the imported case exports again like any other, and A recognises its own case when it comes back', async () => {
    const folder = join(root, 'b-public');
    await withVault(bDir, (b) =>
      exportDossier(
        b,
        {
          caseId: bCase,
          template: 'generic',
          language: 'fr',
          audience: { kind: 'public' },
          includePrivate: false,
        },
        { kind: 'directory', path: folder },
      ),
    );
    const publicCheck = await runVigilInProcess(['verify', folder, '--json'], {
      env: { VIGIL_VAULT: undefined },
    });
    expect(publicCheck.code, publicCheck.stdout).toBe(0);

    // B corrects the lawyer's occupation, never having seen his private details.
    await withVault(bDir, async (b) => {
      const doc = await exportCaseDocument(b, bCase);
      const lawyer = doc.persons.find((p) => p.name === NAMES.lawyer)!;
      expect(lawyer.contact.phone).toBe('');
      await updatePerson(b, lawyer.id, { occupation: 'Abogado' });
      // ...and B's lawyer rewrites the remedies, while A's stay A's.
      await saveWgadSubmission(b, bCase, {
        ...(await getWgadSubmission(b, bCase)),
        domesticRemedies: 'Recurso de habeas corpus rechazado el 2025-02-03.',
      });
    });
    const back = await bundleFor(bDir, bCase, aFpr, 'to-a.gpg');
    const before = await state(aDir);
    const verified = await cli(aDir, ['verify', back, '--json']);
    expect(verified.code, verified.stdout).toBe(0);
    expect((JSON.parse(verified.stdout) as ImportJson).duplicateOf).toMatchObject({
      caseId: aCase,
      begunHere: true,
    });
    const refused = await cli(aDir, ['import', back, '--json']);
    expect(refused.code).toBe(2);
    expect(await state(aDir)).toEqual(before);
    const result = await cli(aDir, ['import', back, '--update', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ImportJson;
    expect(report.caseId).toBe(aCase);
    expect(report.submission).toBe('kept-local');
    expect(result.stdout).not.toContain('rechazado');
    // B's summary arrives; the testimony both changed keeps A's version.
    expect(report.update!.conflicts.map((c) => c.kind)).toEqual(['testimony']);
    await withVault(aDir, async (a) => {
      expect((await getCase(a, aCase)).summary).toContain('summary revised by');
      const doc = await exportCaseDocument(a, aCase);
      expect(doc.testimonies[0]!.statement).toBe('我看见她在检查站被两名军官带走。');
      expect(doc.events).toHaveLength(2);
      // B's correction arrives; what B never received is not erased by it.
      const lawyer = doc.persons.find((p) => p.id === ids.lawyer)!;
      expect(lawyer.occupation).toBe('Abogado');
      expect((await getWgadSubmission(a, aCase)).domesticRemedies).toBe(
        'Habeas corpus filed on 2025-01-20, never heard.',
      );
      expect(lawyer.residence).toBe('Calle de la Paz 12, Valencia');
      expect(lawyer.contact).toMatchObject({
        phone: '+34 600 111 222',
        email: 'jose@abogados.example',
      });
      // A's own term stays A's own: still one, in A's vocabularies.
      const eventTypes = (await listVocabularies(a)).find((v) => v.name === 'event-type')!;
      expect(eventTypes.terms.filter((t) => t.id === 'checkpoint-seizure')).toHaveLength(1);
    });
    expect(await state(aDir)).toEqual(before);
    void readFile;
    void getOrganisationKey;
  });
});
