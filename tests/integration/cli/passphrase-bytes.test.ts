import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changePassphrase, createVault, isVigilError, openVault } from '../../../electron/core';
import { runVigil, runVigilInProcess } from '../../helpers/cli';
import { snapshot } from '../../helpers/files';
import { tempDir } from '../../helpers/tmp';
import { TEST_KDF } from '../../helpers/vault';

const FAST = ['--kdf-memory', '64', '--kdf-iterations', '1'];

async function file(bytes: Buffer | string): Promise<string> {
  const path = join(await tempDir(), 'pass');
  await writeFile(path, bytes);
  return path;
}

/** Bytes that are not UTF-8: Latin-1 accents, stray continuation bytes, an overlong form, a lone surrogate. */
const NOT_UTF8 = [
  Buffer.from('pässwörd for the vault\n', 'latin1'),
  Buffer.concat([Buffer.from('secret '), Buffer.from([0xff, 0xfe]), Buffer.from(' passphrase\n')]),
  Buffer.concat([Buffer.from('secret '), Buffer.from([0xfe, 0xff]), Buffer.from(' passphrase\n')]),
  Buffer.concat([Buffer.from('secret '), Buffer.from([0x80]), Buffer.from(' passphrase\n')]),
  Buffer.concat([
    Buffer.from('overlong '),
    Buffer.from([0xc0, 0xaf]),
    Buffer.from(' passphrase\n'),
  ]),
  Buffer.concat([
    Buffer.from('surrogate '),
    Buffer.from([0xed, 0xa0, 0x80]),
    Buffer.from(' text\n'),
  ]),
];

describe('a passphrase that is not UTF-8 text is refused, never guessed', () => {
  it('init, opening, passwd and stdin refuse it with a clear line (exit 2), and the vault is unchanged', async () => {
    const root = await tempDir();
    const dir = join(root, 'vault');
    // A valid UTF-8 passphrase with the same letters, so the Latin-1 file is a realistic mistake.
    const good = await file('pässwörd for the vault\n');
    expect(
      (await runVigil(['init', '--vault', dir, '--passphrase-file', good, ...FAST])).code,
    ).toBe(0);
    const before = await snapshot(dir);
    for (const [i, bytes] of NOT_UTF8.entries()) {
      const bad = await file(bytes);
      const opened = await runVigilInProcess([
        'case',
        'list',
        '--vault',
        dir,
        '--passphrase-file',
        bad,
      ]);
      expect(opened.code, `variant ${i}: ${opened.stderr}`).toBe(2);
      expect(opened.stderr.trim()).toBe(
        `vigil: the passphrase file ${bad} is not valid UTF-8 text; Vigil reads passphrases and keys as UTF-8 and never guesses another encoding (save it as UTF-8). Nothing was done. Run "vigil case list --help".`,
      );
      const piped = await runVigilInProcess(['case', 'list', '--vault', dir], {
        stdinBytes: bytes,
      });
      expect(piped.code, `variant ${i} on stdin`).toBe(2);
      expect(piped.stderr).toMatch(/^vigil: the passphrase on stdin is not valid UTF-8 text/);
      const passwd = await runVigilInProcess([
        'passwd',
        '--vault',
        dir,
        '--passphrase-file',
        good,
        '--new-passphrase-file',
        bad,
        ...FAST,
      ]);
      expect(passwd.code, `variant ${i} as a new passphrase`).toBe(2);
      expect(passwd.stderr).toMatch(/is not valid UTF-8 text/);
      const init = await runVigilInProcess([
        'init',
        '--vault',
        join(root, `new-${i}`),
        '--passphrase-file',
        bad,
        ...FAST,
      ]);
      expect(init.code).toBe(2);
      expect(await readdir(root)).not.toContain(`new-${i}`);
    }
    expect(await snapshot(dir)).toEqual(before);
    // The real passphrase still opens it.
    expect((await runVigil(['case', 'list', '--vault', dir, '--passphrase-file', good])).code).toBe(
      0,
    );
  });

  it('two different byte strings never open the same vault (they used to decode to the same replacement characters)', async () => {
    const dir = join(await tempDir(), 'vault');
    const made = await runVigilInProcess(['init', '--vault', dir, ...FAST], {
      stdinBytes: NOT_UTF8[1]!,
    });
    expect(made.code).toBe(2);
    const created = await runVigilInProcess([
      'init',
      '--vault',
      dir,
      '--passphrase-file',
      await file('secret \ufffd\ufffd passphrase\n'),
      ...FAST,
    ]);
    expect(created.code).toBe(0);
    for (const variant of [NOT_UTF8[1]!, NOT_UTF8[2]!]) {
      const result = await runVigilInProcess([
        'case',
        'list',
        '--vault',
        dir,
        '--passphrase-file',
        await file(variant),
      ]);
      expect(result.code).toBe(2);
    }
  });

  it('the core refuses a passphrase string with a lone surrogate (two of them would encode the same)', async () => {
    const dir = join(await tempDir(), 'vault');
    const created = await createVault({
      dir,
      passphrase: 'a sound passphrase \ufffd here',
      kdf: TEST_KDF,
    });
    await created.vault.lock();
    for (const lone of ['\ud800', '\udc00', '\udbff'])
      await expect(
        openVault({ dir, passphrase: `a sound passphrase ${lone} here` }),
      ).rejects.toSatisfy(
        (e) => isVigilError(e, 'INVALID_INPUT') && /not valid Unicode/.test((e as Error).message),
      );
    await expect(
      changePassphrase({
        dir,
        passphrase: 'a sound passphrase \ufffd here',
        newPassphrase: 'another passphrase \ud83d here',
        kdf: TEST_KDF,
      }),
    ).rejects.toSatisfy((e) => isVigilError(e, 'INVALID_INPUT'));
    await expect(
      createVault({
        dir: join(dir, '..', 'v2'),
        passphrase: 'broken \udfff passphrase',
        kdf: TEST_KDF,
      }),
    ).rejects.toSatisfy((e) => isVigilError(e, 'INVALID_INPUT'));
    // A well-formed pair (an emoji) is fine.
    const emoji = await createVault({
      dir: join(dir, '..', 'v3'),
      passphrase: 'emoji \ud83d\ude00 passphrase',
      kdf: TEST_KDF,
    });
    await emoji.vault.lock();
  });
});
