import { readdir } from 'node:fs/promises';
import { generateKey, type PrivateKey } from 'openpgp';
import type { VerifiedPlaintext } from '../../../electron/core/pgp';

export interface TestKey {
  privateKey: PrivateKey;
  armoredPublic: string;
  armoredPrivate: string;
  fingerprint: string;
}

/**
 * A partner key made by openpgp.js, as another OpenPGP program would make it:
 * `aead` advertises SEIPDv2 (openpgp.js with aeadProtect), `v6` is an RFC 9580
 * key gpg 2.2 cannot read, `signOnly` has no encryption subkey.
 */
export async function partnerKey(
  name: string,
  options: {
    aead?: boolean;
    v6?: boolean;
    signOnly?: boolean;
    passphrase?: string;
    expired?: boolean;
  } = {},
): Promise<TestKey> {
  const date = options.expired ? new Date(Date.now() - 10 * 86_400_000) : undefined;
  const generated = await generateKey({
    type: options.v6 ? 'curve25519' : 'ecc',
    curve: options.v6 ? undefined : 'curve25519Legacy',
    userIDs: [{ name, email: `${name.toLowerCase().replace(/\W/g, '')}@example.org` }],
    subkeys: options.signOnly ? [] : undefined,
    passphrase: options.passphrase,
    keyExpirationTime: options.expired ? 86_400 : 0,
    date,
    format: 'object',
    config: { aeadProtect: options.aead === true, v6Keys: options.v6 === true },
  });
  return {
    privateKey: generated.privateKey,
    armoredPublic: generated.publicKey.armor(),
    armoredPrivate: generated.privateKey.armor(),
    fingerprint: generated.publicKey.getFingerprint().toUpperCase(),
  };
}

export async function collect(plaintext: VerifiedPlaintext): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of plaintext.stream()) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Files in the vault directory that are neither the database nor the header nor the blob folder nor the writer lock. */
export async function strayFiles(dir: string): Promise<string[]> {
  const known = /^(vault\.db(-wal|-shm|-journal)?|vault\.header|vault\.lock(\.json)?|blobs)$/;
  return (await readdir(dir)).filter((name) => !known.test(name));
}

/** The packet tags and, for SEIPD and PKESK, their version byte, of a binary OpenPGP message's outer layer. */
export function outerPackets(bytes: Buffer): { tag: number; version: number }[] {
  const out: { tag: number; version: number }[] = [];
  let at = 0;
  while (at < bytes.length) {
    const ctb = bytes[at]!;
    if ((ctb & 0xc0) !== 0xc0) throw new Error(`not a new-format packet at ${at}`);
    const tag = ctb & 0x3f;
    const first = bytes[at + 1]!;
    if (first >= 224 && first < 255) {
      // Partial lengths: the encrypted data runs to the end.
      out.push({ tag, version: bytes[at + 2]! });
      return out;
    }
    let length: number;
    let header: number;
    if (first < 192) [length, header] = [first, 2];
    else if (first < 224) [length, header] = [((first - 192) << 8) + bytes[at + 2]! + 192, 3];
    else [length, header] = [bytes.readUInt32BE(at + 2), 6];
    out.push({ tag, version: bytes[at + header]! });
    at += header + length;
  }
  return out;
}
