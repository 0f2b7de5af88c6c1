import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDossier, importDossier } from '../../../electron/core/dossier';
import { exportPublicKey, generateOrgKey, importKeys } from '../../../electron/core/pgp';
import {
  createCase,
  createIntervention,
  listInterventionSteps,
  moveIntervention,
} from '../../../electron/core/records';
import type { Vault } from '../../../electron/core/vault/vault';
import { runVigilInProcess, type CliResult } from '../../helpers/cli';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

// An intervention's whole story (drafted, sent, acknowledged, the opinion
// adopted with its number, closed; each dated, by whom, when) travels with
// the case: in `vigil case export-json`, through `vigil case import` (new ids
// or --merge), and in partner bundles, an update adding only what is new.

interface Step {
  position: number;
  state: string;
  on: string | null;
  number: string;
  via: string;
  actor: string;
  recordedAt: string;
}

const story = (steps: Step[]) => steps.map(({ position: _p, ...rest }) => rest);

async function withVault<T>(dir: string, body: (v: Vault) => Promise<T>): Promise<T> {
  const vault = await reopen(dir);
  try {
    return await body(vault);
  } finally {
    await vault.lock();
  }
}

function ok(result: CliResult): string {
  expect(result.stderr, result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const cli = (dir: string, ...args: string[]) =>
  runVigilInProcess(['--vault', dir, ...args], { stdin: `${PASSPHRASE}\n` });

const stepsOf = async (dir: string, id: string) =>
  (JSON.parse(ok(await cli(dir, 'intervention', 'states', id, '--json'))) as { steps: Step[] })
    .steps;

describe('intervention states travel with the case', () => {
  it('export-json carries every step; import gives them to the copy; --merge adds only new ones', async () => {
    const a = await newVault({ actor: 'lawyer-a' });
    const kase = await createCase(a.vault, { title: 'Détention arbitraire à Oran' });
    const wgad = await createIntervention(a.vault, kase.id, {
      interventionType: 'wgad-communication',
      mechanism: 'wgad',
    });
    const ua = await createIntervention(a.vault, kase.id, {
      interventionType: 'wgad-communication',
      mechanism: 'wgad',
      sentOn: { value: '2024-02', qualifier: 'approximate' },
    });
    await moveIntervention(a.vault, wgad.id, { state: 'sent', on: '2024-03-20' });
    await moveIntervention(a.vault, wgad.id, { state: 'acknowledged', on: '2024-04-02' });
    await moveIntervention(a.vault, wgad.id, {
      state: 'decision-issued',
      on: '2024-11-15',
      number: 'Opinion No. 12/2024',
    });
    await a.vault.lock();
    const work = await tempDir();

    const exported = ok(await cli(a.dir, 'case', 'export-json', kase.id));
    const doc = JSON.parse(exported) as {
      interventions: { id: string; status: string; states: Omit<Step, 'position'>[] }[];
    };
    const aSteps = await stepsOf(a.dir, wgad.id);
    expect(aSteps.map((s) => [s.state, s.on, s.number, s.via])).toEqual([
      ['draft', null, '', 'create'],
      ['sent', '2024-03-20', '', 'step'],
      ['acknowledged', '2024-04-02', '', 'step'],
      ['decision-issued', '2024-11-15', 'Opinion No. 12/2024', 'step'],
    ]);
    expect(doc.interventions.find((i) => i.id === wgad.id)?.states).toEqual(story(aSteps));
    expect(doc.interventions.find((i) => i.id === ua.id)?.states).toEqual(
      story(await stepsOf(a.dir, ua.id)),
    );
    const file = join(work, 'case.json');
    await writeFile(file, exported);

    // A new copy (new ids) has the same story, step for step, actors and times included.
    const b = await newVault({ actor: 'partner-b' });
    await b.vault.lock();
    const imported = JSON.parse(ok(await cli(b.dir, 'case', 'import', file, '--json'))) as {
      caseId: string;
    };
    const copies = JSON.parse(
      ok(await cli(b.dir, 'intervention', 'list', '--case', imported.caseId, '--json')),
    ) as { interventions: { id: string; status: string }[] };
    const copyOf = (status: string) => copies.interventions.find((x) => x.status === status)!.id;
    const copy = copyOf('decision-issued');
    expect(copy).not.toBe(wgad.id);
    expect(story(await stepsOf(b.dir, copy))).toEqual(story(aSteps));
    expect(story(await stepsOf(b.dir, copyOf('sent')))).toEqual(story(await stepsOf(a.dir, ua.id)));
    // The copy moves on from where the story stands, and exports it whole again.
    const closed = await cli(b.dir, 'intervention', 'state', copy, 'sent', '--date', '2024-12-01');
    expect(closed.code).toBe(1);
    expect(closed.stderr).toMatch(/decision-issued, which comes after sent/);

    // --merge keeps the ids: importing the same document twice adds nothing; a later one adds its new step.
    const c = await newVault();
    await c.vault.lock();
    ok(await cli(c.dir, 'case', 'import', file, '--merge'));
    ok(await cli(c.dir, 'case', 'import', file, '--merge'));
    expect(story(await stepsOf(c.dir, wgad.id))).toEqual(story(aSteps));
    ok(await cli(a.dir, 'intervention', 'state', wgad.id, 'closed', '--date', '2024-12-10'));
    const later = join(work, 'later.json');
    await writeFile(later, ok(await cli(a.dir, 'case', 'export-json', kase.id)));
    ok(await cli(c.dir, 'case', 'import', later, '--merge'));
    ok(await cli(c.dir, 'case', 'import', later, '--merge'));
    const merged = await stepsOf(c.dir, wgad.id);
    expect(story(merged)).toEqual(story(await stepsOf(a.dir, wgad.id)));
    expect(merged.map((s) => s.position)).toEqual([1, 2, 3, 4, 5]);
    expect(merged.at(-1)).toMatchObject({ state: 'closed', on: '2024-12-10' });
    expect(merged[1]).toMatchObject({ state: 'sent', actor: 'lawyer-a' });
  }, 120_000);

  it('refuses a document whose steps are malformed, and imports nothing of it', async () => {
    const a = await newVault();
    const kase = await createCase(a.vault, { title: 'Case' });
    const i = await createIntervention(a.vault, kase.id, {
      interventionType: 'wgad-communication',
      mechanism: 'wgad',
    });
    await moveIntervention(a.vault, i.id, { state: 'sent', on: '2024-03-20' });
    await a.vault.lock();
    const text = ok(await cli(a.dir, 'case', 'export-json', kase.id));
    const work = await tempDir();
    const b = await newVault();
    await b.vault.lock();
    const good = JSON.parse(text) as { interventions: { states: Record<string, unknown>[] }[] };
    const step = good.interventions[0]!.states[1]!;
    const variants: [string, (s: Record<string, unknown>[]) => unknown][] = [
      ['via', (s) => [...s, { ...step, via: 'import' }]],
      ['actor', (s) => [...s, { ...step, actor: '  ' }]],
      ['on', (s) => [...s, { ...step, on: '2024-13-45' }]],
      ['recordedAt', (s) => [...s, { ...step, recordedAt: 'yesterday' }]],
      ['state', (s) => [...s, { ...step, state: '' }]],
      ['extra', (s) => [...s, { ...step, signedBy: 'someone' }]],
      ['too many', (s) => Array.from({ length: 1001 }, () => s[1])],
      ['not a list', () => 'sent'],
    ];
    for (const [name, change] of variants) {
      const doc = JSON.parse(text) as { interventions: { states: unknown }[] };
      doc.interventions[0]!.states = change(good.interventions[0]!.states);
      const file = join(work, `${name}.json`);
      await writeFile(file, JSON.stringify(doc));
      const result = await cli(b.dir, 'case', 'import', file);
      expect(result.code, name).toBe(1);
      expect(result.stderr, name).toMatch(/interventions\[0\]\.states/);
    }
    await withVault(b.dir, async (v) => {
      expect(await v.db.all('SELECT * FROM cases')).toEqual([]);
      expect(await v.db.all('SELECT * FROM intervention_states')).toEqual([]);
    });
  }, 120_000);

  it('a partner bundle carries the story; --update adds the steps taken since, once', async () => {
    const root = await tempDir();
    const a = await newVault({ root: join(root, 'a'), actor: 'sender' });
    const b = await newVault({ root: join(root, 'b'), actor: 'partner' });
    await generateOrgKey(a.vault, { name: 'Groupe A', email: 'a@a.example' });
    const bFpr = (await generateOrgKey(b.vault, { name: 'Red B', email: 'b@b.example' }))
      .fingerprint;
    await importKeys(a.vault, await exportPublicKey(b.vault), { trust: true });
    await importKeys(b.vault, await exportPublicKey(a.vault), { trust: true });
    const kase = await createCase(a.vault, { title: 'Задержание в Минске', countries: ['BY'] });
    const i = await createIntervention(a.vault, kase.id, {
      interventionType: 'wgad-communication',
      mechanism: 'wgad',
    });
    await moveIntervention(a.vault, i.id, { state: 'sent', on: '2025-01-10' });
    const bundle = async (name: string) => {
      const path = join(root, name);
      await exportDossier(
        a.vault,
        {
          caseId: kase.id,
          template: 'wgad',
          language: 'en',
          audience: { kind: 'partners' },
          includePrivate: false,
        },
        { kind: 'bundle', path, recipients: [bFpr] },
      );
      return path;
    };
    const first = await bundle('first.gpg');
    const firstReport = await importDossier(b.vault, first);
    const there = async () => {
      const row = await b.vault.db.get<{ id: string }>(
        'SELECT id FROM interventions WHERE case_id = ?',
        [firstReport.caseId],
      );
      return listInterventionSteps(b.vault, row!.id);
    };
    const aStory = async () => story(await listInterventionSteps(a.vault, i.id));
    expect(story((await there()) as Step[])).toEqual(await aStory());

    await moveIntervention(a.vault, i.id, { state: 'response-received', on: '2025-03-01' });
    const second = await bundle('second.gpg');
    await importDossier(b.vault, second, { duplicate: 'update' });
    await importDossier(b.vault, second, { duplicate: 'update' });
    const after = (await there()) as Step[];
    expect(story(after)).toEqual(await aStory());
    expect(after.map((s) => s.state)).toEqual(['draft', 'sent', 'response-received']);
    expect((await readFile(second)).includes('response-received')).toBe(false);
    await a.vault.lock();
    await b.vault.lock();
  }, 180_000);
});
