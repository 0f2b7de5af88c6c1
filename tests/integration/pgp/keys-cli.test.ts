import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readKey, readPrivateKey } from 'openpgp';
import { runVigil, runVigilInProcess } from '../../helpers/cli';
import { tempDir } from '../../helpers/tmp';
import { partnerKey } from '../../unit/pgp/helpers';

const FAST = ['--kdf-memory', '64', '--kdf-iterations', '1'];
const PASS = 'keys cli test passphrase';

async function setup() {
  const root = await tempDir();
  const vault = join(root, 'vault');
  const pass = join(root, 'pass.txt');
  await writeFile(pass, `${PASS}\n`);
  const init = await runVigilInProcess([
    'init',
    '--vault',
    vault,
    '--passphrase-file',
    pass,
    ...FAST,
  ]);
  expect(init.code, init.stderr).toBe(0);
  const vigil = (...args: string[]) =>
    runVigilInProcess([...args, '--vault', vault, '--passphrase-file', pass]);
  return { root, vault, pass, vigil };
}

const GROUPED = /^([0-9A-F]{4} ){9}[0-9A-F]{4}$/m;

describe('vigil keys', () => {
  it('generate prints the new key (grouped fingerprint; 40 hex digits with --json), and never a second one', async () => {
    const { vigil } = await setup();
    const human = await vigil(
      'keys',
      'generate',
      '--name',
      'Defenders Network',
      '--email',
      'docs@example.org',
    );
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(GROUPED);
    expect(human.stdout).toContain('Defenders Network <docs@example.org>');
    expect(human.stdout).toContain('ed25519 + cv25519');
    const again = await vigil(
      'keys',
      'generate',
      '--name',
      'X',
      '--email',
      'x@example.org',
      '--json',
    );
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toMatch(/^vigil: The vault already has an organisation key/);
    const list = await vigil('keys', 'list', '--json');
    const keys = JSON.parse(list.stdout) as { fingerprint: string; kind: string }[];
    expect(keys).toHaveLength(1);
    expect(keys[0]!.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect(keys[0]!.kind).toBe('organisation');
  });

  it('requires --name and --email', async () => {
    const { vigil } = await setup();
    const missing = await vigil('keys', 'generate', '--name', 'Org');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--email is required/);
  });

  it('export --public writes the armored public key to stdout or --out, never over an existing file', async () => {
    const { vigil, root } = await setup();
    const generated = JSON.parse(
      (await vigil('keys', 'generate', '--name', 'Org', '--email', 'org@example.org', '--json'))
        .stdout,
    ) as { fingerprint: string };
    const stdout = await vigil('keys', 'export', '--public');
    expect(stdout.code, stdout.stderr).toBe(0);
    const key = await readKey({ armoredKey: stdout.stdout });
    expect(key.getFingerprint().toUpperCase()).toBe(generated.fingerprint);
    expect(key.isPrivate()).toBe(false);
    const out = join(root, 'org.asc');
    const toFile = await vigil('keys', 'export', '--public', '--out', out, '--json');
    expect(JSON.parse(toFile.stdout)).toEqual({ fingerprint: generated.fingerprint, out });
    expect(await readFile(out, 'utf8')).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    const again = await vigil('keys', 'export', '--public', '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    expect((await vigil('keys', 'export')).code).toBe(2);
    expect((await vigil('keys', 'export', '--public', '--secret')).code).toBe(2);
    expect((await vigil('keys', 'export', '--secret')).code).toBe(2);
  });

  it('import warns on stderr about keys gpg 2.2 cannot encrypt to in the form they ask; list shows trust and warnings; trust/untrust by fingerprint', async () => {
    const { vigil, root } = await setup();
    const aead = await partnerKey('Aead partner', { aead: true });
    const plain = await partnerKey('Plain partner');
    await writeFile(join(root, 'aead.asc'), aead.armoredPublic);
    await writeFile(join(root, 'plain.asc'), plain.armoredPublic);
    const imported = await vigil('keys', 'import', join(root, 'aead.asc'));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toMatch(
      /^vigil: warning: ([0-9A-F]{4} ){9}[0-9A-F]{4}: This key asks for SEIPDv2 \(AEAD\)/m,
    );
    expect(imported.stdout).toMatch(/Imported:/);
    const json = await vigil('keys', 'import', join(root, 'plain.asc'), '--trust', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject([
      { status: 'new', fingerprint: plain.fingerprint, trusted: true, warnings: [] },
    ]);
    expect(json.stderr).toBe('');

    const list = await vigil('keys', 'list');
    expect(list.stdout).toContain('partner key, NOT trusted');
    expect(list.stdout).toContain('partner key, trusted');
    expect(list.stdout).toContain('warning: This key asks for SEIPDv2');
    const grouped = aead.fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
    expect(list.stdout).toContain(grouped);

    const trust = await vigil('keys', 'trust', grouped, '--json');
    expect(trust.code, trust.stderr).toBe(0);
    expect(JSON.parse(trust.stdout)).toMatchObject({
      fingerprint: aead.fingerprint,
      trusted: true,
    });
    const untrust = await vigil('keys', 'untrust', aead.fingerprint);
    expect(untrust.stdout).toMatch(/^No longer trusted: /);
    const listed = JSON.parse((await vigil('keys', 'list', '--json')).stdout) as {
      fingerprint: string;
      trusted: boolean;
    }[];
    expect(listed.find((k) => k.fingerprint === aead.fingerprint)!.trusted).toBe(false);
    expect((await vigil('keys', 'trust', 'DEADBEEF')).code).toBe(1);
    expect((await vigil('keys', 'import', join(root, 'missing.asc'))).code).toBe(2);
  });

  it('export --secret writes a passphrase-protected backup that import restores with --key-passphrase-file', async () => {
    const { vigil, root } = await setup();
    const generated = JSON.parse(
      (await vigil('keys', 'generate', '--name', 'Org', '--email', 'org@example.org', '--json'))
        .stdout,
    ) as { fingerprint: string };
    await writeFile(join(root, 'backup-pass.txt'), 'the backup passphrase\n');
    const out = join(root, 'org-secret.asc');
    const exported = await vigil(
      'keys',
      'export',
      '--secret',
      '--out',
      out,
      '--backup-passphrase-file',
      join(root, 'backup-pass.txt'),
    );
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).not.toContain('PRIVATE');
    const locked = await readPrivateKey({ armoredKey: await readFile(out, 'utf8') });
    expect(locked.isDecrypted()).toBe(false);

    const other = await setup();
    const noPass = await other.vigil('keys', 'import', out);
    expect(noPass.code).toBe(1);
    expect(noPass.stderr).toMatch(/protected by a passphrase/);
    const restored = await other.vigil(
      'keys',
      'import',
      out,
      '--key-passphrase-file',
      join(root, 'backup-pass.txt'),
      '--json',
    );
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject([
      { status: 'new', fingerprint: generated.fingerprint, kind: 'organisation', active: true },
    ]);
  });

  it('runs as the built command, the passphrase on stdin', async () => {
    const { vault } = await setup();
    const result = await runVigil(
      [
        'keys',
        'generate',
        '--name',
        'Org',
        '--email',
        'org@example.org',
        '--json',
        '--vault',
        vault,
      ],
      { stdin: `${PASS}\n` },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      kind: 'organisation',
      algorithm: 'ed25519 + cv25519',
    });
    const help = await runVigil(['keys', 'export', '--help']);
    expect(help.stdout).toContain('--public');
  });
});
