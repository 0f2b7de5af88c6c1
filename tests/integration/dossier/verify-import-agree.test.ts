import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDossier } from '../../../electron/core/dossier';
import { intakeFile } from '../../../electron/core/evidence';
import { exportPublicKey, generateOrgKey, importKeys } from '../../../electron/core/pgp';
import { listCases } from '../../../electron/core/records';
import type { Vault } from '../../../electron/core/vault/vault';
import { runVigil, runVigilInProcess, type CliResult } from '../../helpers/cli';
import {
  manifestOf,
  readDossier,
  reseal,
  sha256,
  writeBundle,
  writeFolder,
  writeZip,
  type DossierFiles,
  type LooseManifest,
  type SealOptions,
  type SpecialEntry,
} from '../../helpers/hostileDossier';
import { hasTool } from '../../helpers/peers';
import { newVault, PASSPHRASE, reopen } from '../../helpers/vault';
import { buildWgadCase, FIXTURES } from '../../helpers/wgadCase';

/**
 * `vigil verify` and `vigil import` must run the same checks and refuse the
 * same inputs, with exit code 3 for every integrity or hostile-input
 * refusal, and the import must change nothing when it refuses. Each hostile
 * dossier below is made from a real one, changed in one way, and signed
 * again with the sender's real key, so that only the change under test is
 * wrong. Each is given to both commands in every form it can take: a
 * folder, a zip, and an encrypted bundle.
 */

const run = promisify(execFile);
const hasPython = hasTool('python3');

/** What a variant does to the dossier's files and manifest before it is sealed again. */
interface Variant {
  name: string;
  change(files: DossierFiles, manifest: LooseManifest): void | SealOptions;
  /** A word the refusal must contain (in verify's problems and in import's message). */
  says: RegExp;
}

const firstEvidence = (m: LooseManifest) => m.evidence[0]!.path;

const VARIANTS: Variant[] = [
  {
    name: 'SHA256SUMS disagrees with the signed manifest (and is signed itself)',
    change(files, m) {
      const evidence = firstEvidence(m);
      const sums = files
        .get('SHA256SUMS')!
        .toString('utf8')
        .replace(
          new RegExp(`^[0-9a-f]{64}(  ${evidence.replace('.', '\\.')})$`, 'm'),
          `${sha256(Buffer.from('other bytes'))}$1`,
        );
      files.set('SHA256SUMS', Buffer.from(sums));
      return { sums: false };
    },
    says: /SHA256SUMS/,
  },
  {
    name: 'SHA256SUMS lists a file twice',
    change(files) {
      const sums = files.get('SHA256SUMS')!.toString('utf8');
      files.set('SHA256SUMS', Buffer.from(sums + sums.split('\n')[0]! + '\n'));
      return { sums: false };
    },
    says: /SHA256SUMS/,
  },
  {
    name: 'SHA256SUMS lists a file the manifest does not',
    change(files) {
      const sums = files.get('SHA256SUMS')!.toString('utf8');
      files.set(
        'SHA256SUMS',
        Buffer.from(`${sums}${sha256(Buffer.from('x'))}  evidence/ghost.jpg\n`),
      );
      return { sums: false };
    },
    says: /SHA256SUMS/,
  },
  {
    name: 'SHA256SUMS and its signature are missing',
    change(files, m) {
      files.delete('SHA256SUMS');
      files.delete('SHA256SUMS.asc');
      m.files = m.files.filter((f) => !f.path.startsWith('SHA256SUMS'));
      return { sums: false };
    },
    says: /SHA256SUMS/,
  },
  {
    name: 'case.json is not JSON',
    change(files) {
      files.set('case.json', Buffer.from('{"format": "vigil-case", "version": 1, '));
    },
    says: /case\.json/,
  },
  {
    name: 'case.json is not a Vigil case document',
    change(files) {
      files.set('case.json', Buffer.from(JSON.stringify({ format: 'something-else', version: 1 })));
    },
    says: /case\.json/,
  },
  {
    name: 'case.json refers to a person who is not in it',
    change(files) {
      const doc = JSON.parse(files.get('case.json')!.toString('utf8')) as {
        events: { victims: string[] }[];
      };
      doc.events[0]!.victims.push('9b2c7a3e-1f00-4c1e-9a53-0d6f7e1c2b11');
      files.set('case.json', Buffer.from(JSON.stringify(doc)));
    },
    says: /case\.json/,
  },
  {
    name: 'case.json has a field of the wrong type',
    change(files) {
      const doc = JSON.parse(files.get('case.json')!.toString('utf8')) as {
        case: Record<string, unknown>;
      };
      doc.case.title = 42;
      files.set('case.json', Buffer.from(JSON.stringify(doc)));
    },
    says: /case\.json/,
  },
  {
    name: 'an evidence entry appears twice',
    change(_files, m) {
      m.evidence.push({ ...m.evidence[0]! });
    },
    says: /twice|duplicat/i,
  },
  {
    name: 'a file appears twice in the manifest',
    change(_files, m) {
      m.files.push({ ...m.files.find((f) => f.path === firstEvidence(m))! });
    },
    says: /twice|duplicat/i,
  },
  {
    name: 'an evidence entry names a file the manifest does not list',
    change(_files, m) {
      m.evidence.push({ ...m.evidence[0]!, path: 'evidence/E09.jpg' });
    },
    says: /E09\.jpg/,
  },
  {
    name: 'a listed evidence file is missing',
    change(files, m) {
      files.delete(firstEvidence(m));
    },
    says: /missing/,
  },
  {
    name: 'a file marked as evidence has no evidence entry',
    change(_files, m) {
      m.evidence = m.evidence.slice(1);
    },
    says: /evidence/,
  },
  {
    name: 'a file the manifest does not list',
    change(files) {
      files.set('notes.txt', Buffer.from('not listed'));
    },
    says: /notes\.txt/,
  },
  {
    name: 'the manifest names another signer',
    change(_files, m) {
      m.signer = { ...m.signer, fingerprint: 'A'.repeat(40) };
    },
    says: /sign/i,
  },
  {
    name: 'a file altered after signing',
    change(files, m) {
      const path = firstEvidence(m);
      const bytes = Buffer.from(files.get(path)!);
      bytes[bytes.length >> 1]! ^= 0x01;
      files.set(path, bytes);
      return { keep: [path] };
    },
    says: /SHA-256|hash/,
  },
];

/** Special files a folder can hold and a zip can describe: never opened, always refused. */
const SPECIAL: { name: string; mode: number; make?: (path: string) => Promise<void> }[] = [
  {
    name: 'a symbolic link',
    mode: 0o120777,
    make: (path) => symlink('/etc/hostname', path),
  },
  {
    name: 'a FIFO',
    mode: 0o010644,
    make: async (path) => {
      spawnSync('mkfifo', [path]);
    },
  },
  {
    name: 'a character device',
    mode: 0o020644,
    make: async (path) => {
      // /dev/zero: read forever. Only root can make one; the zip form is tested everywhere.
      spawnSync('mknod', [path, 'c', '1', '5']);
    },
  },
  { name: 'a block device', mode: 0o060644 },
  { name: 'a socket', mode: 0o140644 },
];

/** Zip archives no zip writer of ours would make (Python writes whatever names it is given). */
const HOSTILE_ZIPS: Record<string, string> = {
  'a path that leaves its folder': `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('dossier/manifest.json', '{}')
    z.writestr('dossier/../../evil.txt', 'escaped')
`,
  'an absolute path': `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('/etc/cron.d/evil', 'escaped')
`,
  'a backslash in a name': `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('dossier\\\\..\\\\evil.txt', 'escaped')
`,
  'the same name twice': `
import sys, zipfile, warnings
warnings.simplefilter('ignore')
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('dossier/case.json', '{}')
    z.writestr('dossier/case.json', '{"other": 1}')
`,
  'names that differ only in case': `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('dossier/case.json', '{}')
    z.writestr('dossier/CASE.json', '{}')
`,
  'a zip bomb': `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('dossier/case.json', b'0' * (300 * 1024 * 1024))
`,
  'an entry whose stated size lies': `
import sys, zipfile, struct
with zipfile.ZipFile(sys.argv[1], 'w') as z:
    z.writestr('dossier/case.json', b'x' * 4096)
data = bytearray(open(sys.argv[1], 'rb').read())
cd = data.rfind(b'PK\\x01\\x02')
struct.pack_into('<I', data, cd + 24, 10)
open(sys.argv[1], 'wb').write(bytes(data))
`,
};

describe('verify and import agree, and refuse hostile dossiers with exit code 3', () => {
  let root: string;
  let a: Vault; // the sender
  let bDir: string; // the partner's vault, used through the CLI
  let bFpr: string;
  let passFile: string;
  let base: DossierFiles;

  const vaultArgs = () => ['--vault', bDir, '--passphrase-file', passFile];
  const verify = (path: string, spawned = false): Promise<CliResult> =>
    spawned
      ? runVigil(['verify', path, '--json', ...vaultArgs()], { timeoutMs: 30_000 })
      : runVigilInProcess(['verify', path, '--json', ...vaultArgs()]);
  const importIt = (path: string, spawned = false): Promise<CliResult> =>
    spawned
      ? runVigil(['import', path, ...vaultArgs()], { timeoutMs: 30_000 })
      : runVigilInProcess(['import', path, ...vaultArgs()]);

  const state = async () => {
    const vault = await reopen(bDir);
    try {
      return {
        cases: (await listCases(vault, {})).length,
        blobs: (await readdir(join(bDir, 'blobs'))).length,
      };
    } finally {
      await vault.lock();
    }
  };

  /** Both commands refuse `path` with exit code 3, for the same reason (the test checks nothing was imported). */
  const bothRefuse = async (path: string, says: RegExp, spawned = false) => {
    const verified = await verify(path, spawned);
    expect(verified.code, `verify ${path}: ${verified.stdout}${verified.stderr}`).toBe(3);
    const report = JSON.parse(verified.stdout) as { ok: boolean; problems: string[] };
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(says);
    const imported = await importIt(path, spawned);
    expect(imported.code, `import ${path}: ${imported.stderr}`).toBe(3);
    expect(imported.stdout).toBe('');
    expect(imported.stderr).toMatch(/^vigil: .*Nothing was imported/);
    // The same refusal: the import names the first problem verify found, in the same words.
    expect(imported.stderr).toContain(report.problems[0]!);
  };

  /**
   * The vault's state after the last check that passed: nothing but these checks touches the
   * vault between them, so it is the next check's `before` (one unlock fewer each time).
   */
  let known: Awaited<ReturnType<typeof state>> | undefined;

  /** Runs `body`, then checks that the partner's vault holds no new case and no new blob. */
  const nothingImported = async (body: () => Promise<void>) => {
    const before = known ?? (await state());
    known = undefined;
    await body();
    const after = await state();
    expect(after).toEqual(before);
    known = after;
  };

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigil-agree-'));
    a = (await newVault({ root: join(root, 'a') })).vault;
    const b = await newVault({ root: join(root, 'b') });
    bDir = b.dir;
    passFile = join(root, 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    const { caseId } = await buildWgadCase(a);
    await intakeFile(a, { caseId, path: join(FIXTURES, 'metadata', 'meta.png') });
    bFpr = (await generateOrgKey(b.vault, { name: 'Partner B', email: 'b@partner.example' }))
      .fingerprint;
    await importKeys(a, await exportPublicKey(b.vault), { trust: true });
    await importKeys(b.vault, await exportPublicKey(a), { trust: true });
    await b.vault.lock();
    const dir = join(root, 'base');
    await exportDossier(
      a,
      {
        caseId,
        template: 'wgad',
        language: 'en',
        // Made for partners: the only dossier that carries the case itself and may be imported.
        audience: { kind: 'partners' },
        includePrivate: false,
      },
      { kind: 'directory', path: dir },
    );
    base = await readDossier(dir);
  });

  afterAll(async () => {
    await a.lock();
    await rm(root, { recursive: true, force: true });
  });

  it('the unchanged dossier, resealed by the harness, verifies in every form and imports', async () => {
    const files = new Map(base);
    await reseal(a, files, manifestOf(files));
    const folder = await writeFolder(join(root, 'good'), files);
    const zip = await writeZip(join(root, 'good.zip'), files);
    const bundle = await writeBundle(a, zip, join(root, 'good.gpg'), bFpr);
    for (const path of [folder, zip, bundle]) {
      const result = await verify(path);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    }
    const before = await state();
    known = undefined;
    const imported = await importIt(bundle);
    expect(imported.code, imported.stderr).toBe(0);
    expect((await state()).cases).toBe(before.cases + 1);
  });

  it('a dossier made for a mechanism verifies, but carries no case to import: import says so; a case.json that is not JSON is refused by both', async () => {
    const files = new Map(base);
    const manifest = manifestOf(files);
    manifest.audience = { kind: 'mechanism', mechanism: 'wgad' };
    // What a mechanism gets: the released data, emptied of what it may not have (not the case schema).
    const doc = JSON.parse(files.get('case.json')!.toString('utf8')) as {
      case: Record<string, unknown>;
    };
    doc.case.status = '';
    doc.case.confidentiality = '';
    files.set('case.json', Buffer.from(JSON.stringify(doc)));
    await reseal(a, files, manifest);
    const folder = await writeFolder(join(root, 'for-mechanism'), files);
    const verified = await verify(folder);
    expect(verified.code, verified.stdout).toBe(0);
    await nothingImported(async () => {
      const imported = await importIt(folder);
      expect(imported.code).toBe(1);
      expect(imported.stderr).toMatch(
        /^vigil: This dossier was made for the mechanism wgad, not for partners.*Nothing was imported/,
      );
    });
    files.set('case.json', Buffer.from('[1, 2'));
    await reseal(a, files, manifest);
    const broken = await writeFolder(join(root, 'for-mechanism-broken'), files);
    await nothingImported(() => bothRefuse(broken, /case\.json is not a JSON object/));
  });

  for (const variant of VARIANTS) {
    it(`${variant.name}: refused by both, as a folder, a zip and a bundle`, async () => {
      const files = new Map(base);
      const manifest = manifestOf(files);
      const options = variant.change(files, manifest) ?? {};
      await reseal(a, files, manifest, options);
      const slug = variant.name.replace(/[^a-z0-9]+/gi, '-');
      const folder = await writeFolder(join(root, slug), files);
      const zip = await writeZip(join(root, `${slug}.zip`), files);
      const bundle = await writeBundle(a, zip, join(root, `${slug}.gpg`), bFpr);
      await nothingImported(async () => {
        for (const path of [bundle, zip, folder]) await bothRefuse(path, variant.says);
      });
    });
  }

  for (const special of SPECIAL) {
    it(`a dossier holding ${special.name}: refused by both as a zip and a bundle`, async () => {
      const files = new Map(base);
      await reseal(a, files, manifestOf(files));
      const slug = special.name.replace(/[^a-z0-9]+/gi, '-');
      const entries: SpecialEntry[] = [
        { path: 'evidence/extra', mode: special.mode, content: Buffer.from('/etc/hostname') },
      ];
      const zip = await writeZip(join(root, `${slug}.zip`), files, entries);
      const bundle = await writeBundle(a, zip, join(root, `${slug}.gpg`), bFpr);
      await nothingImported(async () => {
        for (const path of [bundle, zip]) await bothRefuse(path, /regular file/);
      });
    });

    if (special.make) {
      const make = special.make;
      it(`a dossier folder holding ${special.name}, listed or not: refused by both, never opened (no hang)`, async () => {
        // Listed: in place of a file the manifest lists, with the size and hash of an empty file (a FIFO or
        // /dev/zero would be read forever). Unlisted: beside the others.
        for (const listed of [true, false]) {
          const files = new Map(base);
          const manifest = manifestOf(files);
          files.set('notes/empty.txt', Buffer.alloc(0));
          manifest.files.push({
            path: 'notes/empty.txt',
            sha256: sha256(Buffer.alloc(0)),
            size: 0,
            role: 'verification',
          });
          await reseal(a, files, manifest);
          const folder = join(root, `${special.name.replace(/\W+/g, '-')}-${listed}`);
          await writeFolder(folder, files);
          const target = join(folder, 'notes', listed ? 'empty.txt' : 'other');
          if (listed) await unlink(target);
          await make(target);
          const made = await readdir(join(folder, 'notes'));
          if (!made.includes(listed ? 'empty.txt' : 'other')) {
            console.warn(`SKIPPED ${special.name} in a folder: this user cannot make one.`);
            return;
          }
          await nothingImported(() => bothRefuse(folder, /regular file/, true));
        }
      });
    }
  }

  it.skipIf(!hasPython)(
    'hostile archives (path tricks, duplicates, bombs, lying sizes): refused by both as a zip and a bundle',
    async () => {
      for (const [name, script] of Object.entries(HOSTILE_ZIPS)) {
        const slug = name.replace(/\W+/g, '-');
        const zip = join(root, `${slug}.zip`);
        await run('python3', ['-c', script, zip]);
        const bundle = await writeBundle(a, zip, join(root, `${slug}.gpg`), bFpr);
        await nothingImported(async () => {
          for (const path of [bundle, zip]) await bothRefuse(path, /archive|zip/i);
        });
      }
    },
  );

  it('a folder inside which a directory is a link: refused by both', async () => {
    const files = new Map(base);
    await reseal(a, files, manifestOf(files));
    const folder = await writeFolder(join(root, 'linked-dir'), files);
    await mkdir(join(root, 'elsewhere'), { recursive: true });
    await symlink(join(root, 'elsewhere'), join(folder, 'more'));
    await nothingImported(() => bothRefuse(folder, /regular file|link/));
  });
});
