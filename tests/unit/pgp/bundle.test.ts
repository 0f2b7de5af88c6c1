import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessage, decrypt, encrypt, enums, readKey, readMessage, sign } from 'openpgp';
import {
  decryptMessage,
  encryptToRecipients,
  exportPublicKey,
  generateOrgKey,
  importKeys,
  listKeys,
  setTrust,
  SignatureRefusedError,
  type DecryptOptions,
} from '../../../electron/core/pgp';
import { isVigilError, type VigilError } from '../../../electron/core/errors';
import { newVault } from '../../helpers/vault';
import { tempDir } from '../../helpers/tmp';
import { collect, outerPackets, partnerKey, strayFiles, type TestKey } from './helpers';

/** A vault with the organisation key and a trusted partner; in `root` when given (for beforeAll), else removed after the test. */
async function setup(root?: string) {
  const created = await newVault({ root });
  const org = await generateOrgKey(created.vault, { name: 'Org', email: 'org@example.org' });
  const orgPublic = await readKey({ armoredKey: await exportPublicKey(created.vault) });
  const alice = await partnerKey('Alice');
  await importKeys(created.vault, alice.armoredPublic, { trust: true });
  const work = root ? await mkdtemp(join(root, 'work-')) : await tempDir();
  return { ...created, org, orgPublic, alice, work };
}

/** Decrypts and records whether the plaintext was ever handed over. */
async function attempt(
  vault: Awaited<ReturnType<typeof setup>>['vault'],
  file: string,
  options: Partial<DecryptOptions<Buffer>> = {},
) {
  let released = false;
  const result = await decryptMessage(vault, file, {
    ...options,
    onPlaintext: async (plaintext) => {
      released = true;
      return collect(plaintext);
    },
  }).then(
    (r) => ({ ok: true as const, result: r }),
    (error: VigilError) => ({ ok: false as const, error }),
  );
  return { ...result, released };
}

/** A message made by openpgp.js to the organisation key, as a partner's program would. */
async function foreignMessage(
  to: Awaited<ReturnType<typeof readKey>>,
  data: Uint8Array,
  signer?: TestKey,
  extra: Record<string, unknown> = {},
) {
  const bytes = (await encrypt({
    message: await createMessage({ binary: data }),
    encryptionKeys: to,
    signingKeys: signer?.privateKey,
    format: 'binary',
    ...extra,
  })) as unknown as Uint8Array;
  return Buffer.from(bytes);
}

describe('bundles: encryption', () => {
  it.each([0, 1, 65_536, (1 << 20) + 1, 3 * (1 << 20) + 5])(
    '%i bytes round-trip, signed, to the organisation and a partner',
    async (size) => {
      const { vault, dir, org, alice, work } = await setup();
      const data = randomBytes(size);
      await writeFile(join(work, 'dossier.zip'), data);
      const result = await encryptToRecipients(
        vault,
        join(work, 'dossier.zip'),
        join(work, 'bundle.pgp'),
        {
          recipients: [org.fingerprint, alice.fingerprint],
          sign: true,
          filename: 'dossier.zip',
        },
      );
      expect(result).toMatchObject({
        bytesIn: size,
        recipients: [org.fingerprint, alice.fingerprint],
        signer: org.fingerprint,
        cipher: 'aes256',
        hash: 'sha256',
      });
      const bundle = await readFile(join(work, 'bundle.pgp'));
      expect(result.bytesOut).toBe(bundle.length);
      // Two v3 session key packets, then SEIPD version 1: no AEAD anywhere.
      expect(outerPackets(bundle)).toEqual([
        { tag: 1, version: 3 },
        { tag: 1, version: 3 },
        { tag: 18, version: 1 },
      ]);

      const mine = await attempt(vault, join(work, 'bundle.pgp'));
      expect(mine.ok && mine.result.value.equals(data)).toBe(true);
      if (mine.ok) {
        expect(mine.result).toMatchObject({
          recipient: org.fingerprint,
          filename: 'dossier.zip',
          compression: 'none',
          plaintextBytes: size,
        });
        expect(mine.result.signature).toMatchObject({
          status: 'valid',
          valid: true,
          signerFingerprint: org.fingerprint,
        });
      }

      // openpgp.js, as the partner, decrypts it and checks the signature.
      const theirs = await decrypt({
        message: await readMessage({ binaryMessage: bundle }),
        decryptionKeys: alice.privateKey,
        verificationKeys: await readKey({ armoredKey: await exportPublicKey(vault) }),
        expectSigned: true,
        format: 'binary',
      });
      expect(Buffer.from(theirs.data).equals(data)).toBe(true);
      expect(await strayFiles(dir)).toEqual([]);
      await vault.lock();
    },
  );

  it('streams from and to Node streams', async () => {
    const { vault, org, work } = await setup();
    const data = randomBytes(2_500_000);
    const sink = new PassThrough();
    const parts: Buffer[] = [];
    sink.on('data', (chunk: Buffer) => parts.push(chunk));
    const result = await encryptToRecipients(
      vault,
      Readable.from([data.subarray(0, 1_000_000), data.subarray(1_000_000)]),
      sink,
      {
        recipients: [org.fingerprint],
        sign: false,
      },
    );
    expect(result.bytesIn).toBe(data.length);
    await writeFile(join(work, 'b.pgp'), Buffer.concat(parts));
    const back = await attempt(vault, join(work, 'b.pgp'), { acceptUnsigned: true });
    expect(back.ok && back.result.value.equals(data)).toBe(true);
    await vault.lock();
  });

  it('stays SEIPD v1 for a recipient that asks for AEAD (SEIPDv2), which openpgp.js would otherwise pick', async () => {
    const { vault, work } = await setup();
    const aead = await partnerKey('Aead', { aead: true });
    const [imported] = await importKeys(vault, aead.armoredPublic);
    expect(imported!.key.warnings.join(' ')).toMatch(/SEIPDv2/);
    // openpgp.js's own choice for this key: SEIPDv2, unreadable to gpg 2.2.
    const natural = Buffer.from(
      (await encrypt({
        message: await createMessage({ binary: randomBytes(10) }),
        encryptionKeys: await readKey({ armoredKey: aead.armoredPublic }),
        format: 'binary',
      })) as Uint8Array,
    );
    expect(outerPackets(natural).at(-1)).toEqual({ tag: 18, version: 2 });

    const data = randomBytes(100_000);
    await writeFile(join(work, 'in'), data);
    await encryptToRecipients(vault, join(work, 'in'), join(work, 'b.pgp'), {
      recipients: [aead.fingerprint],
      sign: true,
    });
    const bundle = await readFile(join(work, 'b.pgp'));
    expect(outerPackets(bundle)).toEqual([
      { tag: 1, version: 3 },
      { tag: 18, version: 1 },
    ]);
    const theirs = await decrypt({
      message: await readMessage({ binaryMessage: bundle }),
      decryptionKeys: aead.privateKey,
      format: 'binary',
    });
    expect(Buffer.from(theirs.data).equals(data)).toBe(true);
    await vault.lock();
  });

  it('refuses recipients gpg 2.2 could not decrypt for, unknown fingerprints and an empty list; leaves no file', async () => {
    const { vault, work } = await setup();
    const v6 = await partnerKey('Six', { v6: true });
    const signOnly = await partnerKey('Signer', { signOnly: true });
    await importKeys(vault, v6.armoredPublic);
    await importKeys(vault, signOnly.armoredPublic);
    await writeFile(join(work, 'in'), 'data');
    const out = join(work, 'b.pgp');
    const tries: [string[], string][] = [
      [[v6.fingerprint], 'UNSUPPORTED'],
      [[signOnly.fingerprint], 'UNSUPPORTED'],
      [['B'.repeat(40)], 'NOT_FOUND'],
      [['0xABCDEF12'], 'INVALID_INPUT'],
      [[], 'INVALID_INPUT'],
    ];
    for (const [recipients, code] of tries) {
      const error = await encryptToRecipients(vault, join(work, 'in'), out, {
        recipients,
        sign: true,
      }).catch((e: unknown) => e);
      expect(isVigilError(error, code as never), `${recipients.join()} → ${String(error)}`).toBe(
        true,
      );
    }
    expect(await readdir(work)).toEqual(['in']);
    await vault.lock();
  });

  it('refuses to overwrite an existing file unless asked, and reports a missing input plainly', async () => {
    const { vault, org, work } = await setup();
    await writeFile(join(work, 'in'), 'data');
    await writeFile(join(work, 'b.pgp'), 'existing');
    const error = await encryptToRecipients(vault, join(work, 'in'), join(work, 'b.pgp'), {
      recipients: [org.fingerprint],
      sign: true,
    }).catch((e: unknown) => e);
    expect(isVigilError(error, 'CONFLICT')).toBe(true);
    expect(await readFile(join(work, 'b.pgp'), 'utf8')).toBe('existing');
    await encryptToRecipients(vault, join(work, 'in'), join(work, 'b.pgp'), {
      recipients: [org.fingerprint],
      sign: true,
      overwrite: true,
    });
    expect((await readFile(join(work, 'b.pgp'))).length).toBeGreaterThan(100);
    const missing = await encryptToRecipients(vault, join(work, 'nope'), join(work, 'c.pgp'), {
      recipients: [org.fingerprint],
      sign: true,
    }).catch((e: unknown) => e);
    expect(isVigilError(missing, 'NOT_FOUND')).toBe(true);
    expect((await readdir(work)).sort()).toEqual(['b.pgp', 'in']);
    await vault.lock();
  });
});

describe('bundles: decryption never releases unverified plaintext', () => {
  // One vault and one signed 2 MiB bundle for all the flipped-byte cases (each flips its own
  // copy; the vault is checked for stray files after each): a vault and keys per case took
  // most of this file's time.
  let flip: Awaited<ReturnType<typeof setup>> & { root: string; good: Buffer };
  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'vigil-bundle-flip-'));
    const made = await setup(root);
    await writeFile(join(made.work, 'in'), randomBytes(2 << 20));
    await encryptToRecipients(made.vault, join(made.work, 'in'), join(made.work, 'good.pgp'), {
      recipients: [made.org.fingerprint],
      sign: true,
    });
    flip = { ...made, root, good: await readFile(join(made.work, 'good.pgp')) };
  });
  afterAll(async () => {
    await flip?.vault.lock();
    if (flip) await rm(flip.root, { recursive: true, force: true });
  });

  it.each([
    0,
    3,
    40,
    120,
    200,
    260,
    300,
    1000,
    65_000,
    1 << 20,
    -200,
    -120,
    -60,
    -23,
    -22,
    -21,
    -10,
    -1,
  ])('a flipped byte at offset %i is caught', async (offset) => {
    const { vault, dir, work, good } = flip;
    const bundle = Buffer.from(good);
    const at = offset < 0 ? bundle.length + offset : offset;
    bundle[at]! ^= 0x04;
    await writeFile(join(work, `bad${offset}.pgp`), bundle);
    const outcome = await attempt(vault, join(work, `bad${offset}.pgp`));
    expect(outcome.ok).toBe(false);
    expect(outcome.released).toBe(false);
    if (!outcome.ok)
      expect(outcome.error.message).toMatch(
        /altered|damaged|truncated|not an encrypted|not encrypted to|not a valid|not valid/,
      );
    expect(await strayFiles(dir)).toEqual([]);
  });

  it('a flipped byte in the encrypted data is reported as an integrity failure (MDC)', async () => {
    const { vault, org, work } = await setup();
    await writeFile(join(work, 'in'), randomBytes(3 << 20));
    await encryptToRecipients(vault, join(work, 'in'), join(work, 'good.pgp'), {
      recipients: [org.fingerprint],
      sign: true,
    });
    const good = await readFile(join(work, 'good.pgp'));
    for (const at of [200, 5000, 1 << 20, (2 << 20) + 77, good.length - 30, good.length - 1]) {
      const bundle = Buffer.from(good);
      bundle[at]! ^= 0x80;
      await writeFile(join(work, 'bad.pgp'), bundle);
      const outcome = await attempt(vault, join(work, 'bad.pgp'));
      expect(outcome.released).toBe(false);
      expect(!outcome.ok && isVigilError(outcome.error, 'INTEGRITY_FAILED')).toBe(true);
      if (!outcome.ok) expect(outcome.error.message).toMatch(/integrity check \(MDC\) failed/);
    }
    await vault.lock();
  });

  it('a truncated bundle says so', async () => {
    const { vault, dir, org, work } = await setup();
    await writeFile(join(work, 'in'), randomBytes(3 << 20));
    await encryptToRecipients(vault, join(work, 'in'), join(work, 'good.pgp'), {
      recipients: [org.fingerprint],
      sign: true,
    });
    const good = await readFile(join(work, 'good.pgp'));
    for (const length of [
      1,
      50,
      100,
      200,
      1 << 20,
      (1 << 20) + 110,
      good.length - 100,
      good.length - 1,
    ]) {
      await writeFile(join(work, 'cut.pgp'), good.subarray(0, length));
      const outcome = await attempt(vault, join(work, 'cut.pgp'));
      expect(outcome.released).toBe(false);
      expect(
        !outcome.ok && isVigilError(outcome.error, 'INTEGRITY_FAILED'),
        `cut at ${length}`,
      ).toBe(true);
      if (!outcome.ok) expect(outcome.error.message).toMatch(/truncated/);
    }
    expect(await strayFiles(dir)).toEqual([]);
    await vault.lock();
  });

  it('a bundle for another recipient is refused before anything is decrypted', async () => {
    const { vault, alice, work } = await setup();
    await writeFile(join(work, 'in'), randomBytes(1000));
    await encryptToRecipients(vault, join(work, 'in'), join(work, 'b.pgp'), {
      recipients: [alice.fingerprint],
      sign: true,
    });
    const outcome = await attempt(vault, join(work, 'b.pgp'));
    expect(!outcome.ok && isVigilError(outcome.error, 'WRONG_RECIPIENT')).toBe(true);
    if (!outcome.ok)
      expect(outcome.error.message).toMatch(
        /not encrypted to this organisation's key: it is for key id [0-9A-F]{16}\./,
      );
    expect(outcome.released).toBe(false);
    await vault.lock();
  });

  it('unsigned, unknown and untrusted signers are refused unless accepted explicitly; a bad signature never is', async () => {
    const { vault, orgPublic, alice, work } = await setup();
    const data = randomBytes(10_000);
    const file = join(work, 'm.pgp');
    const reason = (outcome: Awaited<ReturnType<typeof attempt>>) =>
      !outcome.ok && outcome.error instanceof SignatureRefusedError ? outcome.error.reason : null;

    await writeFile(file, await foreignMessage(orgPublic, data));
    let outcome = await attempt(vault, file);
    expect([reason(outcome), outcome.released]).toEqual(['unsigned', false]);
    outcome = await attempt(vault, file, { acceptUnsigned: true });
    expect(outcome.ok && outcome.result.signature.status).toBe('unsigned');

    const stranger = await partnerKey('Stranger');
    await writeFile(file, await foreignMessage(orgPublic, data, stranger));
    outcome = await attempt(vault, file);
    expect([reason(outcome), outcome.released]).toEqual(['unknown-signer', false]);
    if (!outcome.ok) expect(outcome.error.message).toContain(stranger.fingerprint);
    outcome = await attempt(vault, file, { acceptUnknownSigner: true });
    expect(outcome.ok && outcome.result.signature).toMatchObject({
      status: 'unknown-signer',
      valid: false,
      signerKnown: false,
    });
    expect(outcome.ok && outcome.result.value.equals(data)).toBe(true);

    await setTrust(vault, alice.fingerprint, false);
    await writeFile(file, await foreignMessage(orgPublic, data, alice));
    outcome = await attempt(vault, file);
    expect([reason(outcome), outcome.released]).toEqual(['untrusted-signer', false]);
    outcome = await attempt(vault, file, { acceptUntrustedSigner: true });
    expect(outcome.ok && outcome.result.signature).toMatchObject({
      status: 'untrusted-signer',
      valid: true,
      signerFingerprint: alice.fingerprint,
    });
    await setTrust(vault, alice.fingerprint, true);
    outcome = await attempt(vault, file);
    expect(outcome.ok && outcome.result.signature.status).toBe('valid');

    // A signature over other data, attached to this message: bad, and no flag accepts it.
    const wrong = await sign({
      message: await createMessage({ binary: randomBytes(10) }),
      signingKeys: alice.privateKey,
      detached: true,
      format: 'object',
    });
    await writeFile(file, await foreignMessage(orgPublic, data, undefined, { signature: wrong }));
    outcome = await attempt(vault, file, {
      acceptUnsigned: true,
      acceptUnknownSigner: true,
      acceptUntrustedSigner: true,
    });
    expect([reason(outcome), outcome.released]).toEqual(['bad-signature', false]);
    await vault.lock();
  });

  it('refuses a decompression bomb without inflating it, and opens ordinary compressed messages', async () => {
    const { vault, orgPublic, alice, work } = await setup();
    const zeros = Buffer.alloc(32 << 20);
    const file = join(work, 'bomb.pgp');
    await writeFile(
      file,
      await foreignMessage(orgPublic, zeros, alice, {
        config: { preferredCompressionAlgorithm: enums.compression.zlib },
      }),
    );
    expect((await readFile(file)).length).toBeLessThan(1 << 20);
    const outcome = await attempt(vault, file, { maxPlaintextBytes: 4 << 20 });
    expect(outcome.released).toBe(false);
    expect(!outcome.ok && isVigilError(outcome.error, 'VERIFICATION_FAILED')).toBe(true);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/larger than the 4194304-byte limit/);
    // The default limit (20 times the bundle plus 64 MiB) lets this one through.
    const opened = await attempt(vault, file);
    expect(opened.ok && opened.result.compression).toBe('zlib');
    expect(opened.ok && opened.result.value.equals(zeros)).toBe(true);
    await vault.lock();
  });

  it('refuses armored input, messages without integrity protection, and files that are not messages', async () => {
    const { vault, org, work } = await setup();
    await writeFile(join(work, 'in'), randomBytes(1000));
    await encryptToRecipients(vault, join(work, 'in'), join(work, 'b.pgp'), {
      recipients: [org.fingerprint],
      sign: true,
    });
    const bundle = await readFile(join(work, 'b.pgp'));
    const cases: [Buffer | string, string, RegExp][] = [
      [
        `-----BEGIN PGP MESSAGE-----\n\n${bundle.toString('base64')}\n-----END PGP MESSAGE-----\n`,
        'INVALID_INPUT',
        /armored/,
      ],
      // Not a message at all: a refusal of what the file holds, like any damaged bundle (exit code 3).
      [Buffer.from('just some text'), 'VERIFICATION_FAILED', /not/],
      [Buffer.alloc(0), 'VERIFICATION_FAILED', /no encrypted data/],
    ];
    // Turn the SEIPD packet (tag 18) into the old Symmetrically Encrypted Data packet (tag 9): no MDC.
    // One session key packet with a one-byte length, then the SEIPD packet.
    const seipdAt = 2 + bundle[1]!;
    expect(bundle[seipdAt]).toBe(0xc0 | 18);
    const noMdc = Buffer.from(bundle);
    noMdc[seipdAt] = 0xc0 | 9;
    cases.push([noMdc, 'INTEGRITY_FAILED', /without integrity protection/]);
    for (const [content, code, message] of cases) {
      await writeFile(join(work, 'x.pgp'), content);
      const outcome = await attempt(vault, join(work, 'x.pgp'));
      expect(
        !outcome.ok && isVigilError(outcome.error, code as never),
        `${code}: ${!outcome.ok ? outcome.error.message : 'ok'}`,
      ).toBe(true);
      if (!outcome.ok) expect(outcome.error.message).toMatch(message);
    }
    await vault.lock();
  });

  it('hands over plaintext that can be read at any offset, and deletes it afterwards', async () => {
    const { vault, dir, org, work } = await setup();
    const data = randomBytes(3 << 20);
    await writeFile(join(work, 'in'), data);
    await encryptToRecipients(vault, join(work, 'in'), join(work, 'b.pgp'), {
      recipients: [org.fingerprint],
      sign: true,
    });
    const result = await decryptMessage(vault, join(work, 'b.pgp'), {
      onPlaintext: async (plaintext) => {
        expect(plaintext.size).toBe(data.length);
        expect(await strayFiles(dir)).toHaveLength(1);
        const tail = await plaintext.read(data.length - 22, 100);
        const middle = await collect({
          ...plaintext,
          stream: () => plaintext.stream(1_000_000, 2_100_000),
        });
        return { tail, middle };
      },
    });
    expect(result.value.tail.equals(data.subarray(data.length - 22))).toBe(true);
    expect(result.value.middle.equals(data.subarray(1_000_000, 2_100_000))).toBe(true);
    expect(await strayFiles(dir)).toEqual([]);
    // A callback that fails still leaves nothing behind.
    await expect(
      decryptMessage(vault, join(work, 'b.pgp'), {
        onPlaintext: () => Promise.reject(new Error('boom')),
      }),
    ).rejects.toThrow('boom');
    expect(await strayFiles(dir)).toEqual([]);
    expect((await listKeys(vault)).length).toBe(2);
    await vault.lock();
  });
});
