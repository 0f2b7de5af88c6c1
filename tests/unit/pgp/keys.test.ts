import { describe, expect, it } from 'vitest';
import { decryptKey, generateKey, readKey, readPrivateKey } from 'openpgp';
import {
  exportPublicKey,
  exportSecretKey,
  generateOrgKey,
  getOrganisationKey,
  importKeys,
  listKeys,
  setTrust,
} from '../../../electron/core/pgp';
import { isVigilError } from '../../../electron/core/errors';
import { newVault } from '../../helpers/vault';
import { partnerKey } from './helpers';

async function errorOf(work: Promise<unknown>): Promise<Error> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected a failure');
  return error;
}

async function auditActions(vault: Awaited<ReturnType<typeof newVault>>['vault']) {
  return vault.db.all<{ action: string; entity_id: string; detail: string }>(
    "SELECT action, entity_id, detail FROM audit_log WHERE entity_type = 'pgp_key' ORDER BY seq",
  );
}

describe('organisation key', () => {
  it('is generated in the vault as a v4 Ed25519/Curve25519 key, audited by fingerprint only', async () => {
    const { vault } = await newVault();
    const key = await generateOrgKey(vault, {
      name: 'Defenders Network',
      email: 'docs@example.org',
    });
    expect(key).toMatchObject({
      kind: 'organisation',
      active: true,
      version: 4,
      algorithm: 'ed25519 + cv25519',
      canSign: true,
      canEncrypt: true,
      trusted: true,
      expires: null,
      userIds: ['Defenders Network <docs@example.org>'],
      warnings: [],
    });
    expect(key.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect(await getOrganisationKey(vault)).toEqual(key);
    const audit = await auditActions(vault);
    expect(audit).toEqual([
      {
        action: 'pgp.key-generated',
        entity_id: key.fingerprint,
        detail: '{"kind":"organisation"}',
      },
    ]);
    await vault.lock();
  });

  it('is never replaced by a second generation', async () => {
    const { vault } = await newVault();
    const first = await generateOrgKey(vault, { name: 'Org', email: 'org@example.org' });
    const error = await errorOf(
      generateOrgKey(vault, { name: 'Other', email: 'other@example.org' }),
    );
    expect(isVigilError(error, 'CONFLICT')).toBe(true);
    expect((await listKeys(vault)).map((k) => k.fingerprint)).toEqual([first.fingerprint]);
    await vault.lock();
  });

  it('refuses names and addresses that would make an ambiguous user id', async () => {
    const { vault } = await newVault();
    for (const input of [
      { name: '', email: 'a@example.org' },
      { name: 'Evil <x@y.z>', email: 'a@example.org' },
      { name: 'Line\nbreak', email: 'a@example.org' },
      { name: 'Org', email: 'not an address' },
    ]) {
      expect(isVigilError(await errorOf(generateOrgKey(vault, input)), 'INVALID_INPUT')).toBe(true);
    }
    expect(await listKeys(vault)).toEqual([]);
    await vault.lock();
  });

  it('exports only its public part, armored', async () => {
    const { vault } = await newVault();
    const org = await generateOrgKey(vault, { name: 'Org', email: 'org@example.org' });
    const armored = await exportPublicKey(vault);
    expect(armored).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    expect(armored).not.toMatch(/PRIVATE/);
    const key = await readKey({ armoredKey: armored });
    expect(key.isPrivate()).toBe(false);
    expect(key.getFingerprint().toUpperCase()).toBe(org.fingerprint);
    expect((await auditActions(vault)).map((a) => a.action)).toContain('pgp.public-key-exported');
    await vault.lock();
  });

  it('fails plainly when there is none', async () => {
    const { vault } = await newVault();
    expect(isVigilError(await errorOf(exportPublicKey(vault)), 'NOT_FOUND')).toBe(true);
    expect(isVigilError(await errorOf(getOrganisationKey(vault)), 'NOT_FOUND')).toBe(true);
    await vault.lock();
  });

  it('backs up to a passphrase-protected key (iterated S2K, AES-256) that restores into another vault', async () => {
    const { vault } = await newVault();
    const org = await generateOrgKey(vault, { name: 'Org', email: 'org@example.org' });
    expect(
      isVigilError(await errorOf(exportSecretKey(vault, { passphrase: 'short' })), 'INVALID_INPUT'),
    ).toBe(true);
    const backup = await exportSecretKey(vault, { passphrase: 'a long backup passphrase' });
    const locked = await readPrivateKey({ armoredKey: backup });
    expect(locked.isDecrypted()).toBe(false);
    for (const { keyPacket } of locked.getKeys()) {
      const packet = keyPacket as unknown as {
        s2kUsage: number;
        symmetric: number;
        s2k: { type: string; algorithm: number };
      };
      expect(packet.s2kUsage).toBe(254);
      expect(packet.symmetric).toBe(9); // AES-256
      expect(packet.s2k.type).toBe('iterated');
      expect(packet.s2k.algorithm).toBe(8); // SHA-256
    }
    await decryptKey({ privateKey: locked, passphrase: 'a long backup passphrase' });

    const other = await newVault();
    const noPass = await errorOf(importKeys(other.vault, backup));
    expect(isVigilError(noPass, 'INVALID_INPUT')).toBe(true);
    expect(noPass.message).toMatch(/passphrase/);
    expect(
      isVigilError(
        await errorOf(importKeys(other.vault, backup, { passphrase: 'wrong passphrase!' })),
        'WRONG_PASSPHRASE',
      ),
    ).toBe(true);
    const [restored] = await importKeys(other.vault, backup, {
      passphrase: 'a long backup passphrase',
    });
    expect(restored).toMatchObject({
      status: 'new',
      key: { fingerprint: org.fingerprint, kind: 'organisation', active: true },
    });
    expect((await auditActions(vault)).map((a) => a.action)).toContain('pgp.secret-key-exported');
    await vault.lock();
    await other.vault.lock();
  });
});

describe('organisation key import', () => {
  it('takes only an Ed25519 signing key with its secret parts; refuses other secret keys plainly', async () => {
    const { vault } = await newVault();
    const ecdsa = await generateKey({
      type: 'ecc',
      curve: 'nistP256',
      userIDs: [{ name: 'P256', email: 'p@example.org' }],
      format: 'armored',
    });
    const error = await errorOf(importKeys(vault, ecdsa.privateKey));
    expect(isVigilError(error, 'UNSUPPORTED')).toBe(true);
    expect(error.message).toMatch(/Ed25519/);
    const v6 = await partnerKey('Six', { v6: true });
    expect(isVigilError(await errorOf(importKeys(vault, v6.armoredPrivate)), 'UNSUPPORTED')).toBe(
      true,
    );
    expect(await listKeys(vault)).toEqual([]);
    const org = await partnerKey('Org');
    const [imported] = await importKeys(vault, org.armoredPrivate);
    expect(imported).toMatchObject({
      status: 'new',
      key: { kind: 'organisation', active: true, fingerprint: org.fingerprint },
    });
    await vault.lock();
  });
});

describe('partner keys', () => {
  it('are imported untrusted, listed with fingerprints, merged on re-import, trusted only when asked', async () => {
    const { vault } = await newVault();
    const alice = await partnerKey('Alice');
    const [imported] = await importKeys(vault, alice.armoredPublic);
    expect(imported).toMatchObject({
      status: 'new',
      key: {
        fingerprint: alice.fingerprint,
        kind: 'partner',
        trusted: false,
        canEncrypt: true,
        canSign: true,
        warnings: [],
      },
    });
    expect((await importKeys(vault, alice.armoredPublic))[0]!.status).toBe('unchanged');
    // Binary form too.
    expect(
      (await importKeys(vault, (await readKey({ armoredKey: alice.armoredPublic })).write()))[0]!
        .status,
    ).toBe('unchanged');
    const trusted = await importKeys(vault, alice.armoredPublic, { trust: true });
    expect(trusted[0]).toMatchObject({
      status: 'updated',
      key: { trusted: true, trustedBy: 'tester' },
    });
    expect((await setTrust(vault, alice.fingerprint, false)).trusted).toBe(false);
    expect((await setTrust(vault, alice.fingerprint.toLowerCase(), true)).trusted).toBe(true);
    expect((await auditActions(vault)).map((a) => a.action)).toEqual([
      'pgp.key-imported',
      'pgp.key-trusted',
      'pgp.key-untrusted',
      'pgp.key-trusted',
    ]);
    for (const row of await auditActions(vault)) expect(row.detail).not.toMatch(/Alice|example/);
    await vault.lock();
  });

  it('warn when they ask for AEAD (SEIPDv2) encryption gpg 2.2 cannot decrypt, and stay usable', async () => {
    const { vault } = await newVault();
    const aead = await partnerKey('Aead', { aead: true });
    const [result] = await importKeys(vault, aead.armoredPublic);
    expect(result!.key.canEncrypt).toBe(true);
    expect(result!.key.warnings).toHaveLength(1);
    expect(result!.key.warnings[0]).toMatch(
      /SEIPDv2 \(AEAD\).*GnuPG 2\.2 cannot decrypt.*SEIPD v1/,
    );
    // The same warning as a code with its value, for the UI to word in the user's language.
    expect(result!.key.notices).toEqual([
      { code: 'key-asks-aead', params: { mode: 'SEIPDv2' }, text: result!.key.warnings[0] },
    ]);
    await vault.lock();
  });

  it('warn for v6 keys, keys without an encryption key and expired keys, which cannot receive bundles', async () => {
    const { vault } = await newVault();
    const v6 = await partnerKey('Six', { v6: true });
    const signOnly = await partnerKey('Signer', { signOnly: true });
    const expired = await partnerKey('Old', { expired: true });
    const [six] = await importKeys(vault, v6.armoredPublic);
    expect(six!.key).toMatchObject({ version: 6, canEncrypt: false });
    expect(six!.key.warnings.join(' ')).toMatch(/version 6.*GnuPG 2\.2 cannot read it/);
    const [sign] = await importKeys(vault, signOnly.armoredPublic);
    expect(sign!.key).toMatchObject({ canEncrypt: false, canSign: true });
    expect(sign!.key.warnings.join(' ')).toMatch(/no valid encryption key/);
    const [old] = await importKeys(vault, expired.armoredPublic);
    expect(old!.key).toMatchObject({ expired: true, canEncrypt: false, canSign: false });
    expect(old!.key.warnings.join(' ')).toMatch(/expired on/);
    const codes = (key: { notices: { code: string }[] }) => key.notices.map((n) => n.code);
    expect(codes(six!.key)).toContain('key-version-unreadable');
    expect(six!.key.notices.find((n) => n.code === 'key-version-unreadable')!.params).toEqual({
      version: 6,
    });
    expect(codes(sign!.key)).toEqual(['key-no-encryption-key']);
    const expiry = old!.key.notices.find((n) => n.code === 'key-expired')!;
    expect(expiry.params).toEqual({ date: old!.key.expires!.slice(0, 10) });
    expect(expiry.text).toContain(`expired on ${old!.key.expires!.slice(0, 10)}`);
    expect((await listKeys(vault)).map((k) => k.fingerprint).sort()).toEqual(
      [v6, signOnly, expired].map((k) => k.fingerprint).sort(),
    );
    await vault.lock();
  });

  it('refuses what is not a key, all keys of a file or none', async () => {
    const { vault } = await newVault();
    for (const data of [
      '',
      'hello',
      '-----BEGIN PGP MESSAGE-----\n\nwcBMA\n-----END PGP MESSAGE-----\n',
      Buffer.from([0x99, 0, 1, 2]),
    ]) {
      const error = await errorOf(importKeys(vault, data));
      expect(isVigilError(error, 'INVALID_INPUT')).toBe(true);
    }
    await generateOrgKey(vault, { name: 'Org', email: 'org@example.org' });
    const partner = await partnerKey('Partner');
    const otherOrg = await partnerKey('Other org');
    // A file with a partner public key and a second organisation secret key: refused as a whole.
    const file = `${partner.armoredPublic}\n${otherOrg.armoredPrivate}`;
    const error = await errorOf(importKeys(vault, file));
    expect(isVigilError(error)).toBe(true);
    expect((await listKeys(vault)).some((k) => k.fingerprint === partner.fingerprint)).toBe(false);
    await vault.lock();
  });

  it('trust is only for partner keys in the vault', async () => {
    const { vault } = await newVault();
    const org = await generateOrgKey(vault, { name: 'Org', email: 'org@example.org' });
    expect(
      isVigilError(await errorOf(setTrust(vault, org.fingerprint, false)), 'INVALID_INPUT'),
    ).toBe(true);
    expect(isVigilError(await errorOf(setTrust(vault, 'A'.repeat(40), true)), 'NOT_FOUND')).toBe(
      true,
    );
    expect(isVigilError(await errorOf(setTrust(vault, 'ABCDEF12', true)), 'INVALID_INPUT')).toBe(
      true,
    );
    await vault.lock();
  });

  it('a secret key is refused as a partner key, and a partner key cannot become the organisation key', async () => {
    const { vault } = await newVault();
    const partner = await partnerKey('Partner');
    await importKeys(vault, partner.armoredPublic);
    const error = await errorOf(importKeys(vault, partner.armoredPrivate));
    expect(isVigilError(error, 'CONFLICT')).toBe(true);
    expect((await listKeys(vault))[0]!.kind).toBe('partner');
    await vault.lock();
  });
});
