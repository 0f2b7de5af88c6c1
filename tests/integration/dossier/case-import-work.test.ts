import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVigilError } from '../../../electron/core';
import { getSubmission, saveSubmission } from '../../../electron/core/dossier';
import { importCaseWithWork } from '../../../electron/core/dossier/caseWork';
import { unlinkPerson } from '../../../electron/core/records';
import type { Vault } from '../../../electron/core/vault/vault';
import type { CaseDocument } from '../../../shared/domain';
import { runVigilInProcess } from '../../helpers/cli';
import { ACHPR_CASE, IACHR_CASE, buildRegionalCase } from '../../helpers/regionalCases';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';

/**
 * `vigil case import` brings the work written for the case (issue 16): the
 * mechanism facts, the WGAD, urgent-appeal and regional arguments that
 * `vigil case export-json` carries, in the import's transaction, with the
 * document's person ids mapped to the new ones. A document whose work is bad
 * in any way is refused whole, and the vault is left as it was, row for row.
 */

type Doc = CaseDocument & { submissions: NonNullable<CaseDocument['submissions']> };

let root: string;
let passFile: string;
let aDir: string;
let bDir: string;
let a: Vault | null = null;
let b: Vault | null = null;
/** The Sudanese case with every kind of work, and the Guatemalan one with facts and measures only. */
const docs: Record<'sudan' | 'guatemala', string> = { sudan: '', guatemala: '' };

const APPEAL = {
  requests: [
    'Release Nafisa Abdelrahim Idris immediately and unconditionally.',
    'Return the files of the survivors seized at the network’s office.',
  ],
  addressees: [
    { name: 'Minister of Justice', address: 'Ministry of Justice, Khartoum' },
    { name: 'مدير جهاز المخابرات العامة', address: '' },
  ],
};
const WGAD = {
  circumstances: 'Arrested without a warrant at the network’s office.',
  categories: { III: { argued: true, argument: 'No defence witnesses were heard.' } },
  urgentAction: true,
};

const cli = (args: string[], dir: string) =>
  runVigilInProcess([...args, '--vault', dir, '--passphrase-file', passFile]);

/** Runs the CLI on a locked vault (the in-process CLI opens its own). */
async function withLocked<T>(which: 'a' | 'b', run: () => Promise<T>): Promise<T> {
  const dir = which === 'a' ? aDir : bDir;
  await (which === 'a' ? a : b)?.lock();
  try {
    return await run();
  } finally {
    if (which === 'a') a = await reopen(dir);
    else b = await reopen(dir);
  }
}

async function exportJson(which: 'a' | 'b', caseId: string, name: string): Promise<Doc> {
  const out = join(root, name);
  const r = await withLocked(which, () =>
    cli(['case', 'export-json', caseId, '--out', out], which === 'a' ? aDir : bDir),
  );
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(await readFile(out, 'utf8')) as Doc;
}

/** The submissions with each beneficiary named by the person's name in the document: ids differ between vaults. */
function byName(doc: Doc): unknown {
  const name = (id: string) => doc.persons.find((p) => p.id === id)?.name ?? `missing ${id}`;
  const facts = doc.submissions.facts;
  return {
    ...doc.submissions,
    ...(facts ? { facts: { ...facts, beneficiaries: facts.beneficiaries.map(name) } } : {}),
  };
}

/** Every row of every table (the audit log too), hashed: what "the vault is unchanged" means. */
async function snapshot(vault: Vault): Promise<Record<string, string>> {
  const tables = await vault.db.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await vault.db.all(`SELECT * FROM "${name}"`);
    out[name] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  }
  return out;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vigil-case-import-work-'));
  passFile = join(root, 'pass');
  await writeFile(passFile, `${PASSPHRASE}\n`);
  const first = await newVault({ root: join(root, 'a') });
  a = first.vault;
  aDir = first.dir;
  const second = await newVault({ root: join(root, 'b') });
  b = second.vault;
  bDir = second.dir;

  const sudan = await buildRegionalCase(a, ACHPR_CASE, { evidence: false });
  await saveSubmission(a, sudan.caseId, 'facts', {
    ...ACHPR_CASE.mechanismFacts,
    beneficiaries: [sudan.persons.nafisa!, sudan.persons.yousif!],
    mandates: ['hrd', 'expression'],
    hrdWorkLink: 'She was arrested the week the network published its report.',
  });
  await saveSubmission(a, sudan.caseId, 'urgent-appeal', APPEAL);
  await saveSubmission(a, sudan.caseId, 'wgad', WGAD);
  await saveSubmission(a, sudan.caseId, 'echr', {
    violations: [{ provision: 'Article 5', argument: 'Detained without a warrant.' }],
  });
  docs.sudan = sudan.caseId;
  const guatemala = await buildRegionalCase(a, IACHR_CASE, { evidence: false, arguments: false });
  await saveSubmission(a, guatemala.caseId, 'facts', {
    states: ['GT'],
    beneficiaries: [guatemala.persons.xoc!],
    authoritiesInformedOfRisk: false,
    authoritiesInformedHow:
      'She did not go to the police: the officers are among those watching her.',
  });
  await saveSubmission(a, guatemala.caseId, 'iachr-precautionary', {
    risk: 'Armed men watch her house every night.',
    measures: ['Protect the life and integrity of the beneficiary.'],
  });
  docs.guatemala = guatemala.caseId;
}, 300_000);

afterAll(async () => {
  await a?.lock();
  await b?.lock();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('vigil case import brings the work written for the case', () => {
  it.each(['sudan', 'guatemala'] as const)(
    'export-json → import into a fresh vault → export-json gives the same submissions (%s)',
    async (key) => {
      const first = await exportJson('a', docs[key], `${key}-1.json`);
      expect(Object.keys(first.submissions).length).toBeGreaterThan(0);
      const r = await withLocked('b', () =>
        cli(['case', 'import', join(root, `${key}-1.json`), '--json'], bDir),
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      const report = JSON.parse(r.stdout) as {
        id: string;
        submissions: Record<string, unknown>;
        extra?: unknown;
      };
      expect(report.extra).toBeUndefined();
      expect(report.submissions).toEqual({
        wgad: first.submissions.wgad ? 'added' : null,
        urgentAppeal: first.submissions.urgentAppeal ? 'added' : null,
        facts: 'added',
        arguments: Object.fromEntries(
          Object.keys(first.submissions.arguments ?? {}).map((t) => [t, 'added']),
        ),
      });
      const again = await exportJson('b', report.id, `${key}-2.json`);
      expect(byName(again)).toEqual(byName(first));
      // The beneficiaries are the new vault's persons of the case, not the document's ids.
      const beneficiaries = again.submissions.facts!.beneficiaries;
      expect(beneficiaries.length).toBe(first.submissions.facts!.beneficiaries.length);
      for (const id of beneficiaries) {
        expect(first.persons.some((p) => p.id === id)).toBe(false);
        expect(again.persons.find((p) => p.id === id)?.roles.length).toBeGreaterThan(0);
      }
      // What the editors read is what came.
      expect((await getSubmission(b!, report.id, 'facts')).beneficiaries).toEqual(beneficiaries);
      // The audit entry says what came, never its text.
      const audit = await b!.db.get<{ detail: string }>(
        "SELECT detail FROM audit_log WHERE action = 'case.import' ORDER BY seq DESC LIMIT 1",
      );
      expect(JSON.parse(audit!.detail)).toMatchObject({ submissions: report.submissions });
      expect(audit!.detail).not.toContain('Khartoum');
      expect(audit!.detail).not.toContain('Armed men');
    },
  );

  it('a merge keeps the work the case has here, says so, and adds what it lacks', async () => {
    const doc = JSON.parse(await readFile(join(root, 'sudan-1.json'), 'utf8')) as Doc;
    const file = join(root, 'sudan-merge.json');
    // The same document merged into its own vault: everything is the same.
    await writeFile(file, JSON.stringify(doc));
    const same = await withLocked('a', () =>
      cli(['case', 'import', file, '--merge', '--json'], aDir),
    );
    expect(same.code, same.stderr).toBe(0);
    expect((JSON.parse(same.stdout) as { submissions: unknown }).submissions).toEqual({
      wgad: 'same',
      urgentAppeal: 'same',
      facts: 'same',
      arguments: { echr: 'same', achpr: 'same' },
    });
    // Changed facts and appeal, and arguments the case has not got yet.
    const changed = {
      ...doc,
      submissions: {
        ...doc.submissions,
        facts: { ...doc.submissions.facts!, hrdWorkLink: 'Another text.' },
        urgentAppeal: { requests: ['Another request.'], addressees: [] },
        arguments: { ...doc.submissions.arguments, 'iachr-petition': { risk: 'New.' } },
      },
    };
    await writeFile(file, JSON.stringify(changed));
    const merged = await withLocked('a', () =>
      cli(['case', 'import', file, '--merge', '--json'], aDir),
    );
    expect(merged.code, merged.stderr).toBe(0);
    expect((JSON.parse(merged.stdout) as { submissions: unknown }).submissions).toEqual({
      wgad: 'same',
      urgentAppeal: 'kept-local',
      facts: 'kept-local',
      arguments: { echr: 'same', achpr: 'same', 'iachr-petition': 'added' },
    });
    expect(merged.stderr).toContain(
      `vigil: the case already has its own mechanism facts, urgent appeal here: they were kept, and those in ${file} were not imported over them.`,
    );
    expect((await getSubmission(a!, docs.sudan, 'facts')).hrdWorkLink).toBe(
      'She was arrested the week the network published its report.',
    );
    expect((await getSubmission(a!, docs.sudan, 'urgent-appeal')).requests).toEqual(
      APPEAL.requests,
    );
    expect((await getSubmission(a!, docs.sudan, 'iachr-petition')).risk).toBe('New.');
  });

  it('a person unlinked from the case after the facts were saved is no beneficiary in its case.json, which imports', async () => {
    const guatemala = JSON.parse(await readFile(join(root, 'guatemala-1.json'), 'utf8')) as Doc;
    const beneficiary = guatemala.submissions.facts!.beneficiaries[0]!;
    await unlinkPerson(a!, { caseId: docs.guatemala, personId: beneficiary });
    const doc = await exportJson('a', docs.guatemala, 'guatemala-unlinked.json');
    expect(doc.submissions.facts!.beneficiaries).toEqual([]);
    const imported = await importCaseWithWork(b!, doc, { mode: 'new-ids' });
    expect(imported.submissions.facts).toBe('added');
  });
});

describe('a document whose work is bad is refused whole, the vault unchanged', () => {
  let doc: Doc;
  beforeAll(async () => {
    doc = JSON.parse(await readFile(join(root, 'sudan-1.json'), 'utf8')) as Doc;
  });

  const facts = () => doc.submissions.facts!;
  const personId = (key: string) =>
    doc.persons.find((p) => p.name === ACHPR_CASE.persons[key]!.name)!.id;
  const withWork = (submissions: Record<string, unknown>, more: Partial<Doc> = {}) => ({
    ...doc,
    ...more,
    submissions,
  });
  const withFacts = (change: Record<string, unknown>) =>
    withWork({ ...doc.submissions, facts: { ...facts(), ...change } });

  const variants: [string, () => unknown, RegExp][] = [
    [
      'an unknown kind of work',
      () => withWork({ ...doc.submissions, notes: 'internal' }),
      /submissions.*notes/,
    ],
    [
      'an unknown field in the facts',
      () => withFacts({ secretSource: 'x' }),
      /submissions\.facts.*secretSource/,
    ],
    [
      'an unknown field in the final decision',
      () => withFacts({ finalDecision: { ...facts().finalDecision, judge: 'X' } }),
      /submissions\.facts\.finalDecision.*judge/,
    ],
    [
      'a notification before the decision',
      () =>
        withFacts({
          finalDecision: {
            ...facts().finalDecision,
            decidedOn: '2026-05-04',
            notifiedOn: '2026-05-01',
          },
        }),
      /submissions\.facts\.finalDecision\.notifiedOn is before the decision itself/,
    ],
    [
      'a day that does not exist',
      () => withFacts({ finalDecision: { ...facts().finalDecision, decidedOn: '2026-02-30' } }),
      /submissions\.facts\.finalDecision\.decidedOn is not a calendar day/,
    ],
    [
      'an unknown mandate',
      () => withFacts({ mandates: ['hrd', 'sr-on-everything'] }),
      /submissions\.facts\.mandates\[1\] must be one of "hrd"/,
    ],
    [
      'a State that is no country',
      () => withFacts({ states: ['XZ'] }),
      /submissions\.facts\.states\[0\]/,
    ],
    [
      'an unknown remedy status',
      () => withFacts({ remedies: { ...facts().remedies, status: 'nearly' } }),
      /submissions\.facts\.remedies\.status/,
    ],
    [
      'another procedure with no body',
      () => withFacts({ otherProcedures: [{ body: '', reference: 'X' }] }),
      /submissions\.facts\.otherProcedures\[0\]\.body must not be empty/,
    ],
    [
      'a beneficiary not in the document',
      () => withFacts({ beneficiaries: ['3f1c8a52-9d2e-4b7a-8f00-0a1b2c3d4e5f'] }),
      /submissions\.facts\.beneficiaries\[0\] refers to a person who is not in the document/,
    ],
    [
      'a beneficiary who is an event',
      () => withFacts({ beneficiaries: [personId('nafisa'), doc.events[0]!.id] }),
      /submissions\.facts\.beneficiaries\[1\] refers to a person who is not in the document/,
    ],
    [
      'a beneficiary who is not an id',
      () => withFacts({ beneficiaries: ['../../persons/1'] }),
      /submissions\.facts\.beneficiaries\[0\]/,
    ],
    [
      'a beneficiary with no role in the case',
      () => {
        const stranger = {
          ...doc.persons.find((p) => p.id === personId('yousif'))!,
          id: '7d0a6c1e-2b3f-4c5d-9e8f-001122334455',
          name: 'Someone Only Referred To',
          roles: [],
        };
        return {
          ...withFacts({ beneficiaries: [personId('nafisa'), stranger.id] }),
          persons: [...doc.persons, stranger],
        };
      },
      /submissions\.facts\.beneficiaries\[1\] names 7d0a6c1e-2b3f-4c5d-9e8f-001122334455, who has no role in the case/,
    ],
    [
      'too many beneficiaries',
      () =>
        withFacts({
          beneficiaries: Array.from(
            { length: 201 },
            (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          ),
        }),
      /submissions\.facts\.beneficiaries has too many items \(at most 200\)/,
    ],
    [
      'facts that are not an object',
      () => withWork({ ...doc.submissions, facts: null }),
      /submissions\.facts/,
    ],
    [
      'too many requests in the urgent appeal',
      () =>
        withWork({
          ...doc.submissions,
          urgentAppeal: { requests: Array.from({ length: 21 }, (_, i) => `Request ${i}.`) },
        }),
      /submissions\.urgentAppeal\.requests has too many items \(at most 20\)/,
    ],
    [
      'an addressee with an unknown field',
      () =>
        withWork({
          ...doc.submissions,
          urgentAppeal: { requests: [], addressees: [{ name: 'Minister', email: 'm@x' }] },
        }),
      /submissions\.urgentAppeal\.addressees\[0\].*email/,
    ],
    [
      'a request longer than any text may be',
      () =>
        withWork({
          ...doc.submissions,
          urgentAppeal: { requests: ['x'.repeat(64 * 1024 + 1)], addressees: [] },
        }),
      /submissions\.urgentAppeal\.requests\[0\]/,
    ],
    [
      'arguments for a template that has none',
      () => withWork({ ...doc.submissions, arguments: { wgad: { risk: 'x' } } }),
      /submissions\.arguments.*wgad/,
    ],
    [
      'a provision on two lines',
      () =>
        withWork({
          ...doc.submissions,
          arguments: { achpr: { violations: [{ provision: 'Article 6\nArticle 7' }] } },
        }),
      /submissions\.arguments\.achpr\.violations\[0\]\.provision/,
    ],
    [
      'a risk that is a number',
      () => withWork({ ...doc.submissions, arguments: { 'iachr-precautionary': { risk: 3 } } }),
      /submissions\.arguments\.iachr-precautionary\.risk/,
    ],
    [
      'an unknown field in the WGAD arguments',
      () => withWork({ ...doc.submissions, wgad: { ...doc.submissions.wgad, draftNotes: 'x' } }),
      /submissions\.wgad.*draftNotes/,
    ],
  ];

  it.each(variants)('%s', async (_name, make, message) => {
    const before = await snapshot(b!);
    let error: unknown;
    try {
      await importCaseWithWork(b!, make(), { mode: 'new-ids' });
    } catch (e) {
      error = e;
    }
    expect(isVigilError(error), `expected a VigilError, got ${String(error)}`).toBe(true);
    expect((error as { code: string }).code).toBe('INVALID_INPUT');
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/\n/);
    expect(await snapshot(b!)).toEqual(before);
  });

  it('the CLI refuses it in one line with exit code 1, in either mode, the vault unchanged', async () => {
    const file = join(root, 'hostile.json');
    await writeFile(file, JSON.stringify(variants[3]![1]()));
    const before = await snapshot(a!);
    for (const mode of [[], ['--merge']]) {
      const r = await withLocked('a', () => cli(['case', 'import', file, ...mode], aDir));
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /^vigil: The case document is not valid: submissions\.facts\.finalDecision\.notifiedOn is before the decision itself \(2026-05-04\).*\n$/,
      );
    }
    expect(await snapshot(a!)).toEqual(before);
  });
});
