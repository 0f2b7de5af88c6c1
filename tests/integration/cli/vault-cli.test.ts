import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVigil, runVigilInProcess } from '../../helpers/cli';
import { snapshot } from '../../helpers/files';
import { openRawDatabase } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';

const FAST = ['--kdf-memory', '64', '--kdf-iterations', '1'];
const PASS = 'cli test passphrase';

async function setup() {
  const root = await tempDir();
  const files = {
    pass: join(root, 'pass.txt'),
    next: join(root, 'next.txt'),
    key: join(root, 'key.txt'),
    exportPass: join(root, 'export.txt'),
  };
  await writeFile(files.pass, `${PASS}\n`);
  await writeFile(files.next, 'the next passphrase\r\nsecond line is ignored\n');
  await writeFile(files.exportPass, 'export passphrase\n');
  return { root, vault: join(root, 'vault'), files };
}

describe('vigil CLI: vault commands', () => {
  it('init prints the recovery key once; --json gives {vaultId, recoveryKey}', async () => {
    const { vault, files } = await setup();
    const result = await runVigil([
      'init',
      '--vault',
      vault,
      '--passphrase-file',
      files.pass,
      '--json',
      ...FAST,
    ]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as Record<string, string>;
    expect(Object.keys(doc).sort()).toEqual(['recoveryKey', 'vaultId']);
    expect(doc.recoveryKey).toMatch(/^([0-9A-Z]{4}-){13}[0-9A-Z]{4}$/);
    const info = await runVigil(['info', '--vault', vault, '--json']);
    expect(JSON.parse(info.stdout)).toMatchObject({
      vaultId: doc.vaultId,
      kdf: { memoryMiB: 64, iterations: 1 },
    });
    expect(info.stdout).not.toContain(doc.recoveryKey!);
  });

  it('reads the passphrase from stdin when piped, and from VIGIL_VAULT', async () => {
    const { vault } = await setup();
    expect(
      (await runVigil(['init', ...FAST], { stdin: `${PASS}\n`, env: { VIGIL_VAULT: vault } })).code,
    ).toBe(0);
    const check = await runVigil(['check'], { stdin: `${PASS}\n`, env: { VIGIL_VAULT: vault } });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('The vault is intact.');
  });

  it('exit 4 on a wrong passphrase, with one clear line on stderr and every file unchanged', async () => {
    const { vault, files } = await setup();
    await runVigil(['init', '--vault', vault, '--passphrase-file', files.pass, ...FAST]);
    const before = await snapshot(vault);
    const result = await runVigil(['check', '--vault', vault], { stdin: 'not the right one\n' });
    expect(result.code).toBe(4);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^vigil: Wrong passphrase/);
    expect(result.stdout).toBe('');
    expect(await snapshot(vault)).toEqual(before);
  });

  it('exit 4 on a damaged header', async () => {
    const { vault, files } = await setup();
    await runVigil(['init', '--vault', vault, '--passphrase-file', files.pass, ...FAST]);
    const header = join(vault, 'vault.header');
    const bytes = await readFile(header);
    bytes[40]! ^= 1;
    await writeFile(header, bytes);
    const result = await runVigil(['check', '--vault', vault, '--passphrase-file', files.pass]);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^vigil: The vault header is damaged/);
  });

  it('passwd and recover work with the documented flags', async () => {
    const { vault, files } = await setup();
    const init = await runVigil([
      'init',
      '--vault',
      vault,
      '--passphrase-file',
      files.pass,
      '--json',
      ...FAST,
    ]);
    const { recoveryKey } = JSON.parse(init.stdout) as { recoveryKey: string };
    expect(
      (
        await runVigil([
          'passwd',
          '--vault',
          vault,
          '--passphrase-file',
          files.pass,
          '--new-passphrase-file',
          files.next,
        ])
      ).code,
    ).toBe(0);
    expect(
      (await runVigil(['check', '--vault', vault, '--passphrase-file', files.pass])).code,
    ).toBe(4);
    expect(
      (await runVigil(['check', '--vault', vault], { stdin: 'the next passphrase\n' })).code,
    ).toBe(0);

    await writeFile(files.key, `${recoveryKey}\n`);
    const recovered = await runVigil([
      'recover',
      '--vault',
      vault,
      '--recovery-key-file',
      files.key,
      '--new-passphrase-file',
      files.pass,
    ]);
    expect(recovered.code).toBe(0);
    expect(
      (await runVigil(['check', '--vault', vault, '--passphrase-file', files.pass])).code,
    ).toBe(0);

    await writeFile(files.key, `${recoveryKey.replace(/^(.)/, (c) => (c === 'Z' ? 'Y' : 'Z'))}\n`);
    const typo = await runVigil([
      'recover',
      '--vault',
      vault,
      '--recovery-key-file',
      files.key,
      '--new-passphrase-file',
      files.next,
    ]);
    expect(typo.code).toBe(4);
    expect(typo.stderr).toMatch(/typo/);
  });

  it('new-recovery-key prints a new key once; the old one stops working', async () => {
    const { vault, files } = await setup();
    const init = await runVigil([
      'init',
      '--vault',
      vault,
      '--passphrase-file',
      files.pass,
      '--json',
      ...FAST,
    ]);
    const { recoveryKey: old } = JSON.parse(init.stdout) as { recoveryKey: string };
    const issued = await runVigil([
      'new-recovery-key',
      '--vault',
      vault,
      '--passphrase-file',
      files.pass,
      '--json',
    ]);
    expect(issued.code).toBe(0);
    const { recoveryKey } = JSON.parse(issued.stdout) as { recoveryKey: string };
    expect(recoveryKey).not.toBe(old);
    await writeFile(files.key, `${old}\n`);
    const stale = await runVigil([
      'recover',
      '--vault',
      vault,
      '--recovery-key-file',
      files.key,
      '--new-passphrase-file',
      files.next,
    ]);
    expect(stale.code).toBe(4);
    await writeFile(files.key, `${recoveryKey}\n`);
    expect(
      (
        await runVigil([
          'recover',
          '--vault',
          vault,
          '--recovery-key-file',
          files.key,
          '--new-passphrase-file',
          files.next,
        ])
      ).code,
    ).toBe(0);
    expect(
      (await runVigil(['new-recovery-key', '--vault', vault], { stdin: 'wrong passphrase here\n' }))
        .code,
    ).toBe(4);
  });

  it('check exits 3 when the audit chain was edited', async () => {
    const { vault, files } = await setup();
    await runVigil(['init', '--vault', vault, '--passphrase-file', files.pass, ...FAST]);
    const raw = await openRawDatabase(vault, PASS);
    await raw.exec(
      "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 1;",
    );
    await raw.close();
    const result = await runVigil([
      'check',
      '--vault',
      vault,
      '--passphrase-file',
      files.pass,
      '--json',
    ]);
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      items: { name: string; ok: boolean; problems: string[] }[];
    };
    expect(report.ok).toBe(false);
    expect(report.items.find((i) => !i.ok)?.problems[0]).toMatch(/entry 1 was altered/);
  });

  it('export-sqlcipher writes the standalone copy and refuses to overwrite it', async () => {
    const { vault, files, root } = await setup();
    await runVigil(['init', '--vault', vault, '--passphrase-file', files.pass, ...FAST]);
    const out = join(root, 'copy.db');
    const args = [
      'export-sqlcipher',
      '--vault',
      vault,
      '--passphrase-file',
      files.pass,
      '--out',
      out,
      '--export-passphrase-file',
      files.exportPass,
    ];
    const first = await runVigil([...args, '--json']);
    expect(first.code).toBe(0);
    const written = JSON.parse(first.stdout) as { out: string; bytes: number };
    expect(written.out).toBe(out);
    expect(written.bytes).toBeGreaterThan(0);
    const second = await runVigil(args);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already exists/);
  });

  it('usage errors exit 2: unknown command, unknown flag, missing required flag, missing vault, passphrase in no allowed place', async () => {
    expect((await runVigilInProcess(['frobnicate'])).code).toBe(2);
    const unknownFlag = await runVigilInProcess(['init', '--frob']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/^vigil: .*--frob.*Run "vigil init --help"/);
    expect(
      (await runVigilInProcess(['export-sqlcipher', '--vault', '/nonexistent'])).stderr,
    ).toMatch(/--out is required/);
    expect((await runVigilInProcess(['check'])).stderr).toMatch(/no vault given/);
    expect((await runVigilInProcess(['check', '--vault', '/x'], { stdin: '' })).stderr).toMatch(
      /passphrase is empty/,
    );
    expect((await runVigilInProcess(['init', '--kdf-memory', 'lots'])).code).toBe(2);
  });

  it('refuses a KDF below the floor and a non-empty directory with exit 1 and a reason', async () => {
    const { vault, files, root } = await setup();
    const low = await runVigilInProcess([
      'init',
      '--vault',
      vault,
      '--passphrase-file',
      files.pass,
      '--kdf-memory',
      '16',
    ]);
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/from 64 to 4096/);
    const busy = await runVigilInProcess([
      'init',
      '--vault',
      root,
      '--passphrase-file',
      files.pass,
      ...FAST,
    ]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/is not empty/);
  });

  it('--help lists the commands, the passphrase rules and the exit codes; COMMAND --help shows its options', async () => {
    const main = await runVigilInProcess(['--help']);
    expect(main.code).toBe(0);
    for (const word of [
      'init',
      'passwd',
      'recover',
      'check',
      'export-sqlcipher',
      'Exit codes',
      'never from arguments',
    ]) {
      expect(main.stdout).toContain(word);
    }
    const init = await runVigilInProcess(['init', '--help']);
    expect(init.stdout).toContain('--kdf-memory MIB');
    expect(init.stdout).toContain('Examples:');
    expect((await runVigilInProcess(['--version'])).stdout).toMatch(/^vigil \d+\.\d+\.\d+/);
  });
});
