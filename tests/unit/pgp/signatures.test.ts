import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createMessage, readSignature, revokeKey, sign } from 'openpgp';
import {
  generateOrgKey,
  importKeys,
  setTrust,
  signDetached,
  vaultKeyring,
  verifyDetached,
} from '../../../electron/core/pgp';
import { canVerifyWithDigest, verifyWithDigests } from '../../../electron/core/pgp/signatures';
import { newVault } from '../../helpers/vault';
import { partnerKey, type TestKey } from './helpers';

/** A detached signature by a partner's key (openpgp.js's published result types do not resolve here). */
async function partnerSignature(
  key: TestKey,
  data: Uint8Array,
  format: 'armored' | 'binary' = 'armored',
): Promise<string | Uint8Array> {
  const message = await createMessage({ binary: data });
  const signature: unknown =
    format === 'armored'
      ? await sign({ message, signingKeys: key.privateKey, detached: true, format: 'armored' })
      : await sign({ message, signingKeys: key.privateKey, detached: true, format: 'binary' });
  if (typeof signature !== 'string' && !(signature instanceof Uint8Array))
    throw new Error('no signature');
  return signature;
}

describe('detached signatures', () => {
  it('the organisation signs; the signature checks out against the vault, in memory or streamed', async () => {
    const { vault } = await newVault();
    const org = await generateOrgKey(vault, { name: 'Org', email: 'org@example.org' });
    const manifest = Buffer.from(
      JSON.stringify({ files: [{ path: 'a.pdf', sha256: 'ab'.repeat(32) }] }),
    );
    const signature = await signDetached(vault, manifest);
    expect(signature).toMatch(/^-----BEGIN PGP SIGNATURE-----/);
    const check = await verifyDetached(vault, manifest, signature);
    expect(check).toMatchObject({
      valid: true,
      signerFingerprint: org.fingerprint,
      signerKnown: true,
      signerTrusted: true,
      signerKind: 'organisation',
    });
    expect(check.problem).toBeUndefined();
    const streamed = await verifyDetached(
      vault,
      Readable.from([manifest.subarray(0, 10), manifest.subarray(10)]),
      signature,
    );
    expect(streamed.valid).toBe(true);
    await vault.lock();
  });

  it('an altered byte in the data or the signature is never valid', async () => {
    const { vault } = await newVault();
    await generateOrgKey(vault, { name: 'Org', email: 'org@example.org' });
    const data = randomBytes(5000);
    const armored = await signDetached(vault, data);
    for (const offset of [0, 1, 2500, 4999]) {
      const altered = Buffer.from(data);
      altered[offset]! ^= 0x01;
      const check = await verifyDetached(vault, altered, armored);
      expect(check.valid).toBe(false);
      expect(check.signerKnown).toBe(true);
      expect(check.problem).toMatch(/does not match the data/);
    }
    const binary = Buffer.from(
      (await readSignature({ armoredSignature: armored })).write() as Uint8Array,
    );
    for (let offset = 0; offset < binary.length; offset += 7) {
      const altered = Buffer.from(binary);
      altered[offset]! ^= 0x10;
      const check = await verifyDetached(vault, data, altered).catch((error: Error) => ({
        valid: false,
        problem: error.message,
      }));
      expect(check.valid, `flip at ${offset}`).toBe(false);
    }
    await vault.lock();
  });

  it('a partner signature is valid but untrusted until the key is trusted', async () => {
    const { vault } = await newVault();
    const alice = await partnerKey('Alice');
    await importKeys(vault, alice.armoredPublic);
    const data = randomBytes(1000);
    const signature = await partnerSignature(alice, data, 'binary');
    expect(await verifyDetached(vault, data, signature)).toMatchObject({
      valid: true,
      signerFingerprint: alice.fingerprint,
      signerKnown: true,
      signerTrusted: false,
      signerKind: 'partner',
    });
    await setTrust(vault, alice.fingerprint, true);
    expect((await verifyDetached(vault, data, signature)).signerTrusted).toBe(true);
    await vault.lock();
  });

  it('an unknown signer is reported with the key id and the fingerprint it claims, never as valid', async () => {
    const { vault } = await newVault();
    await generateOrgKey(vault, { name: 'Org', email: 'org@example.org' });
    const stranger = await partnerKey('Stranger');
    const data = randomBytes(100);
    const check = await verifyDetached(vault, data, await partnerSignature(stranger, data));
    expect(check).toMatchObject({
      valid: false,
      signerKnown: false,
      signerTrusted: false,
      signerFingerprint: stranger.fingerprint,
    });
    expect(check.signerKeyId).toBe(stranger.fingerprint.slice(-16));
    expect(check.problem).toMatch(/not in the vault/);
    await vault.lock();
  });

  it('a good signature cannot hide a bad one beside it', async () => {
    const { vault } = await newVault();
    await generateOrgKey(vault, { name: 'Org', email: 'org@example.org' });
    const alice = await partnerKey('Alice');
    await importKeys(vault, alice.armoredPublic, { trust: true });
    const data = randomBytes(100);
    const good = await readSignature({ armoredSignature: await signDetached(vault, data) });
    const other = await readSignature({
      armoredSignature: (await partnerSignature(alice, randomBytes(100))) as string,
    });
    const both = Buffer.concat([good.write() as Uint8Array, other.write() as Uint8Array]);
    const check = await verifyDetached(vault, data, both);
    expect(check.valid).toBe(false);
    expect(check.signerFingerprint).toBe(alice.fingerprint);
    await vault.lock();
  });

  it("a revoked partner key's signatures are refused", async () => {
    const { vault } = await newVault();
    const alice = await partnerKey('Alice');
    const data = randomBytes(100);
    const signature = await partnerSignature(alice, data);
    const { publicKey: revoked } = await revokeKey({ key: alice.privateKey, format: 'armored' });
    await importKeys(vault, revoked, { trust: true });
    const check = await verifyDetached(vault, data, signature);
    expect(check.valid).toBe(false);
    expect(check.problem).toMatch(/revoked/);
    await vault.lock();
  });

  it('checks a signature from a digest computed while the data streamed, and only from the right one', async () => {
    const { vault } = await newVault();
    const org = await generateOrgKey(vault, { name: 'Org', email: 'org@example.org' });
    const data = randomBytes(100_000);
    const armored = await signDetached(vault, data);
    const digestOver =
      (content: Uint8Array) => (packet: { hashAlgorithm: number | null }, tail: Uint8Array) => {
        expect(packet.hashAlgorithm).toBe(10); // SHA-512, openpgp.js's default for the manifest signature
        return Promise.resolve(createHash('sha512').update(content).update(tail).digest());
      };
    const good = await verifyWithDigests(
      await vaultKeyring(vault),
      vault.now(),
      await readSignature({ armoredSignature: armored }),
      digestOver(data),
    );
    expect(good).toMatchObject({
      valid: true,
      signerFingerprint: org.fingerprint,
      signerKind: 'organisation',
    });
    const altered = Buffer.from(data);
    altered[7]! ^= 1;
    const wrong = await verifyWithDigests(
      await vaultKeyring(vault),
      vault.now(),
      await readSignature({ armoredSignature: armored }),
      digestOver(altered),
    );
    expect(wrong.valid).toBe(false);
    expect(wrong.problem).toMatch(/does not match the data/);
    // What a check that skipped the data would compute: refused as well.
    const empty = await verifyWithDigests(
      await vaultKeyring(vault),
      vault.now(),
      await readSignature({ armoredSignature: armored }),
      digestOver(new Uint8Array(0)),
    );
    expect(empty.valid).toBe(false);
  });

  it('leaves text signatures to the full check', async () => {
    const { vault } = await newVault();
    const alice = await partnerKey('Alice');
    await importKeys(vault, alice.armoredPublic, { trust: true });
    const text = 'line one\nline two\n';
    const signature = (await sign({
      message: await createMessage({ text }),
      signingKeys: alice.privateKey,
      detached: true,
      format: 'binary',
    })) as unknown as Uint8Array;
    const parsed = await readSignature({ binarySignature: signature });
    expect(canVerifyWithDigest(parsed.packets[0]!)).toBe(false);
    await expect(
      verifyWithDigests(await vaultKeyring(vault), vault.now(), parsed, () =>
        Promise.resolve(new Uint8Array(64)),
      ),
    ).rejects.toThrow();
    expect((await verifyDetached(vault, Buffer.from(text), signature)).valid).toBe(true);
  });
});
