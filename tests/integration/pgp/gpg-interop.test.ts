import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  decryptMessage,
  encryptToRecipients,
  exportPublicKey,
  exportSecretKey,
  generateOrgKey,
  importKeys,
  SignatureRefusedError,
  signDetached,
  verifyDetached,
  type DecryptOptions,
} from '../../../electron/core/pgp';
import { isVigilError, type VigilError } from '../../../electron/core/errors';
import { newVault } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';
import { collect, partnerKey, strayFiles } from '../../unit/pgp/helpers';
import { Gpg, GPG_VERSION, hasGpg, NO_GPG_REASON } from '../../helpers/gpg';

if (!hasGpg) console.warn(NO_GPG_REASON);

const homes: Gpg[] = [];
async function gpgHome(): Promise<Gpg> {
  const home = await Gpg.create();
  homes.push(home);
  return home;
}
afterEach(async () => {
  await Promise.all(homes.splice(0).map((h) => h.close()));
});

async function setup() {
  const created = await newVault();
  const org = await generateOrgKey(created.vault, {
    name: 'Defenders Network',
    email: 'docs@example.org',
  });
  return { ...created, org, work: await tempDir() };
}

async function attempt(
  vault: Awaited<ReturnType<typeof setup>>['vault'],
  file: string,
  options: Partial<DecryptOptions<Buffer>> = {},
) {
  let released = false;
  const outcome = await decryptMessage(vault, file, {
    ...options,
    onPlaintext: async (plaintext) => {
      released = true;
      return collect(plaintext);
    },
  }).then(
    (result) => ({ ok: true as const, result }),
    (error: VigilError) => ({ ok: false as const, error }),
  );
  return { ...outcome, released };
}

function expectNoAeadV1Mdc(packets: string, recipients: number): void {
  expect(packets.match(/:pubkey enc packet: version 3/g)?.length).toBe(recipients);
  expect(packets).toMatch(/:encrypted data packet:/);
  expect(packets).toMatch(/mdc_method: 2/);
  // gpg 2.2 lists an AEAD packet as ":aead encrypted packet:" and anything newer as an unknown packet.
  expect(packets).not.toMatch(/^:aead|aead_algo|unknown packet|unknown version/im);
  expect(packets).not.toMatch(/compressed packet/);
}

describe.skipIf(!hasGpg)(`GnuPG interop (${GPG_VERSION ?? 'gpg absent'})`, () => {
  it('gpg imports the exported public key and accepts the detached signature on a manifest', async () => {
    const { vault, org, work } = await setup();
    const gpg = await gpgHome();
    await gpg.import(await exportPublicKey(vault));
    expect(await gpg.fingerprint('docs@example.org')).toBe(org.fingerprint);
    const manifest = Buffer.from(
      JSON.stringify(
        { case: 'x', files: [{ path: 'a.pdf', sha256: 'ab'.repeat(32), size: 3 }] },
        null,
        2,
      ),
    );
    await writeFile(join(work, 'manifest.json'), manifest);
    await writeFile(join(work, 'manifest.json.asc'), await signDetached(vault, manifest));
    const verified = await gpg.run([
      '--status-fd',
      '2',
      '--verify',
      join(work, 'manifest.json.asc'),
      join(work, 'manifest.json'),
    ]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stderr).toContain(`[GNUPG:] VALIDSIG ${org.fingerprint}`);
    // A changed manifest is refused by gpg.
    await writeFile(join(work, 'manifest.json'), Buffer.concat([manifest, Buffer.from(' ')]));
    const refused = await gpg.run([
      '--status-fd',
      '2',
      '--verify',
      join(work, 'manifest.json.asc'),
      join(work, 'manifest.json'),
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('[GNUPG:] BADSIG');
    await vault.lock();
  });

  it('gpg decrypts a bundle made for a gpg key, and one made for two recipients, byte for byte (SEIPD v1 + MDC, no AEAD, no compression)', async () => {
    const { vault, org, work } = await setup();
    const a = await gpgHome();
    const b = await gpgHome();
    const alice = await a.generate('Alice <alice@example.org>');
    const bob = await b.generate('Bob <bob@example.org>', { algo: 'rsa3072' });
    await importKeys(vault, await a.exportPublic(alice), { trust: true });
    await importKeys(vault, await b.exportPublic(bob), { trust: true });
    for (const home of [a, b]) await home.import(await exportPublicKey(vault));
    const data = randomBytes(3 * (1 << 20) + 11);
    await writeFile(join(work, 'dossier.zip'), data);

    await encryptToRecipients(vault, join(work, 'dossier.zip'), join(work, 'one.pgp'), {
      recipients: [alice],
      sign: true,
      filename: 'dossier.zip',
    });
    const one = await a.run(['--status-fd', '2', '--decrypt', join(work, 'one.pgp')]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout.equals(data)).toBe(true);
    expect(one.stderr).toContain(`[GNUPG:] VALIDSIG ${org.fingerprint}`);
    expect(one.stderr).toContain('[GNUPG:] DECRYPTION_OKAY');
    expect(one.stderr).toContain('[GNUPG:] GOODMDC');
    const onePackets = await a.listPackets(join(work, 'one.pgp'));
    expectNoAeadV1Mdc(onePackets, 1);
    expect(onePackets).toMatch(/:onepass_sig packet:.*\n.*digest 8,/); // SHA-256

    await encryptToRecipients(vault, join(work, 'dossier.zip'), join(work, 'two.pgp'), {
      recipients: [alice, bob],
      sign: true,
      filename: 'dossier.zip',
      signatureHash: 'sha512',
    });
    for (const home of [a, b]) {
      const result = await home.run(['--status-fd', '2', '--decrypt', join(work, 'two.pgp')]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.equals(data)).toBe(true);
      expect(result.stderr).toContain(`[GNUPG:] VALIDSIG ${org.fingerprint}`);
    }
    const packets = await a.listPackets(join(work, 'two.pgp'));
    expectNoAeadV1Mdc(packets, 2);
    expect(packets).toMatch(/:onepass_sig packet:/);
    expect(packets).toMatch(/name="dossier.zip"/);
    expect(packets).toMatch(/:onepass_sig packet:.*\n.*digest 10,/); // SHA-512, as asked
    await vault.lock();
  });

  it('a recipient key that asks for AEAD still gets a bundle gpg 2.2 decrypts, and a warning', async () => {
    const { vault, work } = await setup();
    const aead = await partnerKey('Aead', { aead: true });
    const [imported] = await importKeys(vault, aead.armoredPublic);
    expect(imported!.key.warnings.join(' ')).toMatch(/SEIPDv2 \(AEAD\)/);
    const gpg = await gpgHome();
    await gpg.import(aead.armoredPrivate);
    await gpg.import(await exportPublicKey(vault));
    const data = randomBytes(200_000);
    await writeFile(join(work, 'in'), data);
    await encryptToRecipients(vault, join(work, 'in'), join(work, 'b.pgp'), {
      recipients: [aead.fingerprint],
      sign: true,
    });
    const result = await gpg.run(['--decrypt', join(work, 'b.pgp')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.equals(data)).toBe(true);
    expectNoAeadV1Mdc(await gpg.listPackets(join(work, 'b.pgp')), 1);
    await vault.lock();
  });

  it('imports a key exported by gpg and verifies a file gpg signed; refuses it when altered', async () => {
    const { vault, work } = await setup();
    const gpg = await gpgHome();
    const alice = await gpg.generate('Alice <alice@example.org>');
    const [imported] = await importKeys(vault, await gpg.exportPublic(alice));
    expect(imported!.key).toMatchObject({
      fingerprint: alice,
      kind: 'partner',
      algorithm: 'ed25519 + cv25519',
      canSign: true,
      canEncrypt: true,
      warnings: [],
    });
    const data = randomBytes(100_000);
    await writeFile(join(work, 'report.pdf'), data);
    await gpg.ok(['--local-user', alice, '--detach-sign', '--armor', join(work, 'report.pdf')]);
    const signature = await readFile(join(work, 'report.pdf.asc'), 'utf8');
    expect(await verifyDetached(vault, data, signature)).toMatchObject({
      valid: true,
      signerFingerprint: alice,
      signerKnown: true,
      signerTrusted: false,
    });
    data[500]! ^= 1;
    const altered = await verifyDetached(vault, data, signature);
    expect(altered.valid).toBe(false);
    await vault.lock();
  });

  it('decrypts and verifies what gpg signed and encrypted to the organisation key (uncompressed, ZLIB and ZIP)', async () => {
    const { vault, org, work } = await setup();
    const gpg = await gpgHome();
    const alice = await gpg.generate('Alice <alice@example.org>');
    await gpg.import(await exportPublicKey(vault));
    await importKeys(vault, await gpg.exportPublic(alice), { trust: true });
    const data = randomBytes(2 * (1 << 20) + 5);
    await writeFile(join(work, 'dossier.zip'), data);
    for (const compression of [
      ['-z', '0'],
      ['--compress-algo', 'zlib'],
      ['--compress-algo', 'zip'],
    ]) {
      const out = join(work, `g-${compression[1]}.pgp`);
      await gpg.ok([
        '--trust-model',
        'always',
        '--local-user',
        alice,
        '--sign',
        '--encrypt',
        ...compression,
        '-r',
        org.fingerprint,
        '-o',
        out,
        join(work, 'dossier.zip'),
      ]);
      const outcome = await attempt(vault, out);
      expect(outcome.ok, outcome.ok ? '' : outcome.error.message).toBe(true);
      if (outcome.ok) {
        expect(outcome.result.value.equals(data)).toBe(true);
        expect(outcome.result).toMatchObject({
          recipient: org.fingerprint,
          filename: 'dossier.zip',
          compression: compression[1] === '0' ? 'none' : compression[1],
        });
        expect(outcome.result.signature).toMatchObject({
          status: 'valid',
          valid: true,
          signerFingerprint: alice,
          signerTrusted: true,
        });
      }
    }
    // A hidden recipient (gpg --throw-keyids: the key id is zero) is tried with the organisation key.
    const hidden = join(work, 'hidden.pgp');
    await gpg.ok([
      '--trust-model',
      'always',
      '--local-user',
      alice,
      '--throw-keyids',
      '--sign',
      '--encrypt',
      '-z',
      '0',
      '-r',
      org.fingerprint,
      '-o',
      hidden,
      join(work, 'dossier.zip'),
    ]);
    const hiddenOutcome = await attempt(vault, hidden);
    expect(hiddenOutcome.ok && hiddenOutcome.result.value.equals(data)).toBe(true);
    // A text-mode signature (canonical line endings) is checked by reading the sealed copy again.
    await writeFile(join(work, 'notes.txt'), 'first line\nsecond line\n'.repeat(1000));
    const text = join(work, 'text.pgp');
    await gpg.ok([
      '--trust-model',
      'always',
      '--local-user',
      alice,
      '--textmode',
      '--sign',
      '--encrypt',
      '-z',
      '0',
      '-r',
      org.fingerprint,
      '-o',
      text,
      join(work, 'notes.txt'),
    ]);
    const textOutcome = await attempt(vault, text);
    expect(textOutcome.ok && textOutcome.result.signature).toMatchObject({
      status: 'valid',
      signerFingerprint: alice,
    });
    await vault.lock();
  });

  it('refuses gpg bundles by an unknown or untrusted signer, for another recipient, truncated, or a compression bomb', async () => {
    const { vault, org, dir, work } = await setup();
    const gpg = await gpgHome();
    const alice = await gpg.generate('Alice <alice@example.org>');
    const stranger = await gpg.generate('Stranger <stranger@example.org>');
    await gpg.import(await exportPublicKey(vault));
    const data = randomBytes(1 << 20);
    await writeFile(join(work, 'in'), data);
    const make = async (name: string, args: string[], input = join(work, 'in')) => {
      const out = join(work, name);
      await gpg.ok(['--trust-model', 'always', '-o', out, ...args, input]);
      return out;
    };
    const reason = (o: Awaited<ReturnType<typeof attempt>>) =>
      !o.ok && o.error instanceof SignatureRefusedError ? o.error.reason : null;

    const unknown = await make('unknown.pgp', [
      '--local-user',
      stranger,
      '--sign',
      '--encrypt',
      '-z',
      '0',
      '-r',
      org.fingerprint,
    ]);
    let outcome = await attempt(vault, unknown);
    expect([reason(outcome), outcome.released]).toEqual(['unknown-signer', false]);

    await importKeys(vault, await gpg.exportPublic(alice));
    const untrusted = await make('untrusted.pgp', [
      '--local-user',
      alice,
      '--sign',
      '--encrypt',
      '-z',
      '0',
      '-r',
      org.fingerprint,
    ]);
    outcome = await attempt(vault, untrusted);
    expect([reason(outcome), outcome.released]).toEqual(['untrusted-signer', false]);

    const elsewhere = await make('elsewhere.pgp', [
      '--local-user',
      alice,
      '--sign',
      '--encrypt',
      '-z',
      '0',
      '-r',
      stranger,
    ]);
    outcome = await attempt(vault, elsewhere);
    expect(!outcome.ok && isVigilError(outcome.error, 'WRONG_RECIPIENT')).toBe(true);

    const whole = await readFile(untrusted);
    await writeFile(join(work, 'cut.pgp'), whole.subarray(0, whole.length - 300));
    outcome = await attempt(vault, join(work, 'cut.pgp'), { acceptUntrustedSigner: true });
    expect(
      !outcome.ok &&
        isVigilError(outcome.error, 'INTEGRITY_FAILED') &&
        /truncated/.test(outcome.error.message),
    ).toBe(true);
    expect(outcome.released).toBe(false);

    await writeFile(join(work, 'zeros'), Buffer.alloc(256 << 20));
    const bomb = await make(
      'bomb.pgp',
      [
        '--local-user',
        alice,
        '--sign',
        '--encrypt',
        '--compress-algo',
        'zlib',
        '-z',
        '9',
        '-r',
        org.fingerprint,
      ],
      join(work, 'zeros'),
    );
    expect((await readFile(bomb)).length).toBeLessThan(2 << 20);
    outcome = await attempt(vault, bomb, { acceptUntrustedSigner: true });
    expect(outcome.released).toBe(false);
    expect(
      !outcome.ok &&
        isVigilError(outcome.error, 'VERIFICATION_FAILED') &&
        /limit/.test(outcome.error.message),
    ).toBe(true);
    expect(await strayFiles(dir)).toEqual([]);
    await vault.lock();
  });

  it('refuses BZip2 compression plainly, and a bundle without a signature by default', async () => {
    const { vault, org, work } = await setup();
    const gpg = await gpgHome();
    await gpg.import(await exportPublicKey(vault));
    await writeFile(join(work, 'in'), Buffer.alloc(100_000, 'a'));
    const bzip = join(work, 'bzip.pgp');
    await gpg.ok([
      '--trust-model',
      'always',
      '--encrypt',
      '--compress-algo',
      'bzip2',
      '-r',
      org.fingerprint,
      '-o',
      bzip,
      join(work, 'in'),
    ]);
    let outcome = await attempt(vault, bzip, { acceptUnsigned: true });
    expect(
      !outcome.ok &&
        isVigilError(outcome.error, 'UNSUPPORTED') &&
        /BZip2/.test(outcome.error.message),
    ).toBe(true);
    expect(outcome.released).toBe(false);
    const plain = join(work, 'plain.pgp');
    await gpg.ok([
      '--trust-model',
      'always',
      '--encrypt',
      '-z',
      '0',
      '-r',
      org.fingerprint,
      '-o',
      plain,
      join(work, 'in'),
    ]);
    outcome = await attempt(vault, plain);
    expect(
      !outcome.ok && outcome.error instanceof SignatureRefusedError && outcome.error.reason,
    ).toBe('unsigned');
    outcome = await attempt(vault, plain, { acceptUnsigned: true });
    expect(outcome.ok && outcome.result.signature.status).toBe('unsigned');
    await vault.lock();
  });

  it('gpg imports the secret key backup with its passphrase and signs with it', async () => {
    const { vault, org, work } = await setup();
    const backup = await exportSecretKey(vault, { passphrase: 'backup passphrase for gpg' });
    const gpg = await gpgHome();
    await gpg.ok(['--import'], backup, 'backup passphrase for gpg');
    const secrets = (
      await gpg.ok(['--with-colons', '--list-secret-keys', org.fingerprint])
    ).stdout.toString('utf8');
    expect(secrets).toMatch(/^sec:/m);
    expect(secrets).toMatch(/^ssb:/m);
    await writeFile(join(work, 'note.txt'), 'signed by the restored key');
    const wrong = await gpg.run(
      [
        '--local-user',
        org.fingerprint,
        '--detach-sign',
        '-o',
        join(work, 'bad.sig'),
        join(work, 'note.txt'),
      ],
      undefined,
      'not the passphrase',
    );
    expect(wrong.code).not.toBe(0);
    await gpg.ok(
      [
        '--local-user',
        org.fingerprint,
        '--detach-sign',
        '-o',
        join(work, 'note.sig'),
        join(work, 'note.txt'),
      ],
      undefined,
      'backup passphrase for gpg',
    );
    const check = await verifyDetached(
      vault,
      await readFile(join(work, 'note.txt')),
      await readFile(join(work, 'note.sig')),
    );
    expect(check).toMatchObject({
      valid: true,
      signerFingerprint: org.fingerprint,
      signerKind: 'organisation',
    });
    await vault.lock();
  });
});
