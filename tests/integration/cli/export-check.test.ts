import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeFile } from '../../../electron/core/evidence';
import { caseAuditLog, createCase } from '../../../electron/core/records';
import { buildAudienceCase, PEOPLE, type AudienceCase } from '../../helpers/audienceCase';
import { runVigil } from '../../helpers/cli';
import { hasTool } from '../../helpers/peers';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';
import { FIXTURES } from '../../helpers/wgadCase';

const hasExiftool = hasTool('exiftool');

interface CheckJson {
  complete: boolean;
  missing: Record<string, unknown>[];
  withheld: { kind: string; record: { kind: string; id: string | null }; what: string }[];
  persons: { name: string; covers: boolean; label: string | null }[];
  originals: {
    id: string;
    name: string;
    forbidden: boolean;
    reveals: { group: string; label: string; value: string; forbiddenName: string | null }[];
  }[];
}

describe('vigil export --check and --include-original', () => {
  let root: string;
  let dir: string;
  let passFile: string;
  let built: AudienceCase;
  let emptyCase: string;
  let named: string | null = null;

  const vigil = (args: string[]) =>
    runVigil([...args, '--vault', dir, '--passphrase-file', passFile], { timeoutMs: 120_000 });
  const check = async (args: string[]) => {
    const result = await vigil(['export', ...args, '--check', '--json']);
    return { ...result, json: JSON.parse(result.stdout || 'null') as CheckJson };
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-check-'));
    const created = await newVault({ root });
    dir = created.dir;
    built = await buildAudienceCase(created.vault);
    emptyCase = (await createCase(created.vault, { title: 'A case with nothing yet' })).id;
    if (hasExiftool) {
      // A photo whose metadata names a withdrawn witness (owner, artist) and a person shown in full.
      const photo = join(root, 'named.jpg');
      await copyFile(join(FIXTURES, 'metadata', 'camera.jpg'), photo);
      const tagged = spawnSync('exiftool', [
        '-q',
        '-overwrite_original',
        `-Artist=${PEOPLE.tamimi.aliases[1]}`,
        `-ExifIFD:OwnerName=${PEOPLE.volkov.aliases[0]}`,
        photo,
      ]);
      expect(tagged.status, tagged.stderr.toString()).toBe(0);
      named = (await intakeFile(created.vault, { caseId: built.caseId, path: photo })).id;
    }
    await created.vault.lock();
    passFile = join(root, 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
  }, 120_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('--json gives complete, missing and withheld; exit 0 when nothing required is missing', async () => {
    const result = await check([
      '--case',
      built.caseId,
      '--template',
      'generic',
      '--for',
      'public',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(Object.keys(result.json).slice(0, 3)).toEqual(['complete', 'missing', 'withheld']);
    expect(result.json.complete).toBe(true);
    expect(result.json.missing).toEqual([]);
    // The report names, for the sender, who is left out and why.
    const left = result.json.withheld.filter((w) => w.kind === 'person').map((w) => w.record.id);
    expect(left).toEqual(
      expect.arrayContaining([built.persons.tamimi, built.persons.li, built.persons.dubois]),
    );
    expect(result.json.persons.find((p) => p.name === PEOPLE.perez.name)).toMatchObject({
      covers: true,
      label: 'Person 1',
    });
  });

  it('exits 3 when something required is missing, each item with its section, person, field and label', async () => {
    const wgad = await check(['--case', emptyCase, '--template', 'wgad']);
    expect(wgad.code, wgad.stderr).toBe(3);
    expect(wgad.json.complete).toBe(false);
    expect(wgad.json.missing.length).toBeGreaterThan(0);
    for (const item of wgad.json.missing) {
      // The four fields of the contract, of their types (the case has no person, so none is named).
      expect(typeof item.section, JSON.stringify(item)).toBe('string');
      expect(item.person).toBeNull();
      expect(typeof item.field).toBe('string');
      expect(typeof item.label).toBe('string');
      expect(String(item.label).length).toBeGreaterThan(3);
    }
    // The generic report asks nothing of the case, but a dossier cannot be signed without a key.
    const withKey = await check(['--case', emptyCase, '--template', 'generic']);
    expect(withKey.code, withKey.stderr).toBe(0);
    expect(withKey.json).toMatchObject({ complete: true, missing: [], signingKey: true });
    const bare = await newVault({ root: join(root, 'bare') });
    const bareCase = (await createCase(bare.vault, { title: 'No key here' })).id;
    await bare.vault.lock();
    const noKey = await runVigil([
      'export',
      '--case',
      bareCase,
      '--check',
      '--json',
      '--vault',
      bare.dir,
      '--passphrase-file',
      passFile,
    ]);
    // Nothing of the document is missing (the key is no cell of it), yet the export could not be signed.
    expect(noKey.code, noKey.stderr).toBe(3);
    expect(JSON.parse(noKey.stdout)).toMatchObject({
      complete: true,
      missing: [],
      signingKey: false,
    });
  });

  it('prints the checklist, who is named how and the withholding report for people', async () => {
    const result = await vigil([
      'export',
      '--case',
      built.caseId,
      '--template',
      'wgad',
      '--for',
      'wgad',
      '--check',
    ]);
    expect([0, 3]).toContain(result.code);
    expect(result.stdout).toContain('Who is named, and how:');
    expect(result.stdout).toContain(
      `${PEOPLE.tamimi.name} (witness): LEFT OUT: consent was withdrawn`,
    );
    expect(result.stdout).toContain(`${PEOPLE.li.name} (victim, witness): as "L. W."`);
    expect(result.stdout).toContain(`${PEOPLE.perez.name} (witness): not named, as "Person 1"`);
    expect(result.stdout).toMatch(/Withheld \(\d+\), for you only/);
    expect(result.stdout).toContain('document.docx');
  });

  it('takes partners as an audience, and refuses what names no audience or publishes private fields', async () => {
    const partners = await check(['--case', built.caseId, '--for', 'partners']);
    expect(partners.code, partners.stderr).toBe(0);
    expect(partners.json.persons.find((p) => p.name === PEOPLE.kovalenko.name)?.covers).toBe(true);
    const cases: [string[], RegExp][] = [
      [['--for', 'partner-ngos'], /use "partners"/],
      [['--for', 'Public Sphere'], /--for takes "partners", "public" or a mechanism term/],
      [['--for', 'public', '--include-private'], /never published/],
      [['--include-originals'], /include-originals/],
    ];
    for (const [args, message] of cases) {
      const result = await vigil(['export', '--case', built.caseId, ...args, '--check']);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
    const unknown = await vigil([
      'export',
      '--case',
      built.caseId,
      '--include-original',
      '00000000-0000-4000-8000-00000000abcd',
      '--check',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/is not an original of this case/);
    const outside = await vigil([
      'export',
      '--case',
      built.caseId,
      '--evidence',
      built.evidence.photo,
      '--include-original',
      built.evidence.png,
      '--check',
    ]);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/not among the evidence chosen/);
  });

  it.skipIf(!hasExiftool)(
    'shows what each original reveals, flags names consent forbids, and sends only the originals named',
    async () => {
      const result = await check([
        '--case',
        built.caseId,
        '--for',
        'public',
        '--include-original',
        named!,
      ]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.json.originals).toHaveLength(1);
      const original = result.json.originals[0]!;
      expect(original).toMatchObject({ id: named, name: 'named.jpg', forbidden: true });
      const group = (g: string) => original.reveals.filter((r) => r.group === g);
      expect(group('location').map((r) => r.value)).toContain('48.858400, 2.294500');
      expect(group('device').map((r) => r.value)).toEqual(
        expect.arrayContaining(['CANARY-SERIAL-5d21', PEOPLE.volkov.aliases[0]]),
      );
      // The withdrawn witness is flagged; a person shown by name is not.
      const flagged = original.reveals.filter((r) => r.forbiddenName);
      expect(flagged.map((r) => r.value)).toEqual([PEOPLE.tamimi.aliases[1]]);
      const human = await vigil([
        'export',
        '--case',
        built.caseId,
        '--for',
        'public',
        '--include-original',
        named!,
        '--check',
      ]);
      expect(human.stdout).toContain('The original named.jpg');
      expect(human.stdout).toMatch(/Artist.*NAMES SOMEONE CONSENT FORBIDS FOR THE PUBLIC/);

      // The export: that file as its original, bit for bit, the others stripped; a warning; the audit says so.
      const out = join(root, 'with-original');
      const exported = await vigil([
        'export',
        '--case',
        built.caseId,
        '--for',
        'public',
        '--include-original',
        named!,
        '--out',
        out,
        '--json',
      ]);
      expect(exported.code, exported.stderr).toBe(0);
      expect(exported.stderr).toMatch(/names someone consent does not allow the public to see/);
      const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
        evidence: { path: string; copy: string }[];
        options: Record<string, unknown>;
      };
      expect(manifest.evidence.map((e) => `${e.path}:${e.copy}`)).toEqual([
        'evidence/E01.jpg:stripped',
        'evidence/E02.png:stripped',
        'evidence/E03.jpg:original',
      ]);
      expect(manifest.options).toEqual({ includePrivate: false });
      const sent = await readFile(join(out, 'evidence', 'E03.jpg'));
      expect(sent.includes(Buffer.from(PEOPLE.tamimi.aliases[1]))).toBe(true);
      const vault = await reopen(dir);
      try {
        const entry = (await caseAuditLog(vault, built.caseId, 100)).find(
          (e) => e.action === 'dossier.export',
        )!;
        expect(entry.detail.originals).toEqual([{ id: named, forbiddenName: true }]);
      } finally {
        await vault.lock();
      }
    },
  );
});
