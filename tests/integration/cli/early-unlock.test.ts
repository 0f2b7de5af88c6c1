import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EarlyUnlock } from '../../../electron/cli/earlyUnlock';
import { listCases } from '../../../electron/core/records';
import { runVigil, runVigilInProcess } from '../../helpers/cli';
import { snapshot } from '../../helpers/files';
import { tempDir } from '../../helpers/tmp';

const FAST = ['--kdf-memory', '64', '--kdf-iterations', '1'];
const PASS = 'derive while the code loads';

async function vaultWithPassFiles() {
  const root = await tempDir('vigil-early-');
  const vault = join(root, 'vault');
  const pass = join(root, 'pass.txt');
  const wrong = join(root, 'wrong.txt');
  await writeFile(pass, `${PASS}\n`);
  await writeFile(wrong, `${PASS} (not quite)\n`);
  const init = await runVigilInProcess([
    'init',
    '--vault',
    vault,
    '--passphrase-file',
    pass,
    ...FAST,
  ]);
  expect(init.code, init.stderr).toBe(0);
  return { root, vault, pass, wrong };
}

/** The key an EarlyUnlock derived, to see that it is wiped. */
async function derivedKey(early: EarlyUnlock): Promise<Buffer> {
  const outcome = await (
    early as unknown as { outcome: Promise<{ unlocked: { vaultKey: Buffer } }> }
  ).outcome;
  return outcome.unlocked.vaultKey;
}

describe('EarlyUnlock: the key derived while a record command loads', () => {
  it('starts only for a command that opens the vault, with --passphrase-file and a vault, never for its help', async () => {
    const { vault, pass } = await vaultWithPassFiles();
    const start = (argv: string[], env = {}) => EarlyUnlock.start(argv, env, argv[0]);
    expect(await start(['passwd', '--vault', vault, '--passphrase-file', pass])).toBeNull();
    expect(
      await start(['backup', 'verify', '--vault', vault, '--passphrase-file', pass]),
    ).toBeNull();
    expect(await start(['case', 'list', '--vault', vault])).toBeNull();
    expect(await start(['case', 'list', '--passphrase-file', pass])).toBeNull();
    expect(
      await start(['case', 'list', '--help', '--vault', vault, '--passphrase-file', pass]),
    ).toBeNull();
    const early = await start(['case', 'list', '--passphrase-file', pass], { VIGIL_VAULT: vault });
    expect(early).not.toBeNull();
    await early!.discard();
  });

  it('opens the vault once with the same passphrase, then wipes the key', async () => {
    const { vault, pass } = await vaultWithPassFiles();
    const early = (await EarlyUnlock.start(
      ['person', 'list', '--vault', vault, '--passphrase-file', pass],
      {},
      'person',
    ))!;
    const opened = await early.open(vault, PASS, { access: 'read' });
    expect(opened).not.toBeNull();
    expect(await listCases(opened!)).toEqual([]);
    await opened!.lock();
    // A second opening in the same command derives as usual.
    expect(await early.open(vault, PASS, { access: 'read' })).toBeNull();
    await early.discard();
    expect((await derivedKey(early)).every((byte) => byte === 0)).toBe(true);
  });

  it('serves no other vault and no other passphrase, and wipes the unused key', async () => {
    const { vault, pass, root } = await vaultWithPassFiles();
    const argv = ['case', 'list', '--vault', vault, '--passphrase-file', pass];
    const other = (await EarlyUnlock.start(argv, {}, 'case'))!;
    expect(await other.open(join(root, 'elsewhere'), PASS, {})).toBeNull();
    const changed = (await EarlyUnlock.start(argv, {}, 'case'))!;
    expect(await changed.open(vault, `${PASS}!`, {})).toBeNull();
    for (const early of [other, changed]) {
      const key = await derivedKey(early);
      expect(key.some((byte) => byte !== 0)).toBe(true);
      await early.discard();
      expect(key.every((byte) => byte === 0)).toBe(true);
    }
  });

  it('answers a wrong passphrase as the usual opening does', async () => {
    const { vault, wrong } = await vaultWithPassFiles();
    const early = (await EarlyUnlock.start(
      ['case', 'list', '--vault', vault, '--passphrase-file', wrong],
      {},
      'case',
    ))!;
    await expect(early.open(vault, `${PASS} (not quite)`, {})).rejects.toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    await early.discard();
  });
});

describe('vigil record commands with --passphrase-file: the same answers', () => {
  it('records with the right passphrase; a wrong one is exit 4, a usage error still exit 2, the vault unchanged', async () => {
    const { vault, pass, wrong } = await vaultWithPassFiles();
    const added = await runVigil([
      'case',
      'add',
      '--title',
      'Early unlock',
      '--vault',
      vault,
      '--passphrase-file',
      pass,
    ]);
    expect(added.code, added.stderr).toBe(0);
    const list = await runVigil([
      'case',
      'list',
      '--json',
      '--vault',
      vault,
      '--passphrase-file',
      pass,
    ]);
    expect(list.code, list.stderr).toBe(0);
    const { cases } = JSON.parse(list.stdout) as { cases: { id: string; title: string }[] };
    expect(cases).toEqual([
      expect.objectContaining({ id: added.stdout.trim(), title: 'Early unlock' }),
    ]);
    const before = await snapshot(vault);
    const refused = await runVigil([
      'case',
      'add',
      '--title',
      'No',
      '--vault',
      vault,
      '--passphrase-file',
      wrong,
    ]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toBe(
      'vigil: Wrong passphrase: the vault was not opened and nothing was changed.\n',
    );
    const usage = await runVigil(['case', 'add', '--vault', vault, '--passphrase-file', wrong]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--title');
    expect(await snapshot(vault)).toEqual(before);
  });
});
