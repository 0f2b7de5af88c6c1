import { decryptSessionKeys, readMessage } from 'openpgp';
import { VigilError } from '../errors';
import { secretFrom, wipe, type SecretBytes } from '../crypto/secrets';
import type { Vault } from '../vault/vault';
import { gpg22Config, LIMITS } from './config';
import { findKey, organisationFingerprints, parsePublicKey, withSecretKey } from './keyStore';
import {
  MalformedError,
  packet,
  readPacketHeader,
  readSmallBody,
  TAG,
  type ByteReader,
  type PacketHeader,
} from './packets';

// The packets before a message's encrypted data, and the session key they hold for the organisation.

export type CipherName = 'aes128' | 'aes192' | 'aes256';

const CIPHERS: Record<
  string,
  {
    ecb: 'aes-128-ecb' | 'aes-192-ecb' | 'aes-256-ecb';
    bits: 128 | 192 | 256;
    name: CipherName;
  }
> = {
  aes128: { ecb: 'aes-128-ecb', bits: 128, name: 'aes128' },
  aes192: { ecb: 'aes-192-ecb', bits: 192, name: 'aes192' },
  aes256: { ecb: 'aes-256-ecb', bits: 256, name: 'aes256' },
};
export interface SessionPackets {
  pkesks: { keyId: string; bytes: Buffer }[];
  passwordPackets: number;
  encrypted: PacketHeader;
}

export async function readSessionPackets(reader: ByteReader): Promise<SessionPackets> {
  const pkesks: SessionPackets['pkesks'] = [];
  let passwordPackets = 0;
  for (let count = 0; ; count += 1) {
    const header = await readPacketHeader(reader);
    if (!header)
      throw new VigilError(
        'VERIFICATION_FAILED',
        'The file holds no encrypted data: it is not an encrypted OpenPGP message.',
      );
    if (count > LIMITS.sessionPackets)
      throw new VigilError(
        'VERIFICATION_FAILED',
        'The message has too many recipients to be a bundle.',
      );
    switch (header.tag) {
      case TAG.publicKeyEncryptedSessionKey: {
        const body = await readSmallBody(
          reader,
          header,
          'a session key packet',
          LIMITS.sessionPacketBytes,
        );
        if (body[0] !== 3) {
          throw new VigilError(
            'UNSUPPORTED',
            `The message uses version ${body[0]} session key packets (RFC 9580 with AEAD), which Vigil and GnuPG 2.2 cannot read.`,
          );
        }
        if (body.length < 10) throw new MalformedError('a session key packet is too short');
        pkesks.push({
          keyId: body.subarray(1, 9).toString('hex').toUpperCase(),
          bytes: packet(header.tag, body),
        });
        break;
      }
      case TAG.symmetricKeyEncryptedSessionKey:
        await readSmallBody(
          reader,
          header,
          'a passphrase session key packet',
          LIMITS.sessionPacketBytes,
        );
        passwordPackets += 1;
        break;
      case TAG.marker:
        await readSmallBody(reader, header, 'a marker packet', LIMITS.sessionPacketBytes);
        break;
      case TAG.symEncryptedIntegrityProtectedData:
        return { pkesks, passwordPackets, encrypted: header };
      case TAG.symmetricallyEncryptedData:
        throw new VigilError(
          'INTEGRITY_FAILED',
          'The message is encrypted without integrity protection (no MDC): it is refused, since it could have been altered undetectably.',
        );
      case TAG.aeadEncryptedData:
        throw new VigilError(
          'UNSUPPORTED',
          "The message uses GnuPG 2.3's OCB encryption, which Vigil and GnuPG 2.2 cannot read: ask the sender to encrypt with SEIPD v1 (gpg --rfc4880 or a key without AEAD preferences).",
        );
      case TAG.literalData:
      case TAG.compressedData:
      case TAG.onePassSignature:
      case TAG.signature:
        throw new VigilError(
          'VERIFICATION_FAILED',
          'The message is not encrypted; a bundle must be.',
        );
      default:
        throw new VigilError(
          'VERIFICATION_FAILED',
          `The file is not an encrypted OpenPGP message (it starts with a packet of type ${header.tag}).`,
        );
    }
  }
}

export interface SessionKey {
  recipient: string;
  key: SecretBytes;
  cipher: (typeof CIPHERS)[string];
}

/** Decrypts the session key with the organisation key it was encrypted to; refuses messages for other keys. */
export async function openSessionKey(vault: Vault, packets: SessionPackets): Promise<SessionKey> {
  const organisation = await organisationFingerprints(vault.db);
  if (organisation.length === 0)
    throw new VigilError('NOT_FOUND', 'The vault has no organisation key to decrypt with.');
  const wildcard = '0000000000000000';
  for (const fingerprint of organisation) {
    const stored = await findKey(vault.db, fingerprint);
    const ids = new Set(
      (await parsePublicKey(stored!)).getKeyIDs().map((id) => id.toHex().toUpperCase()),
    );
    const mine = packets.pkesks.filter((p) => ids.has(p.keyId) || p.keyId === wildcard);
    if (mine.length === 0) continue;
    const found = await withSecretKey(vault, fingerprint, async (privateKey) => {
      // A session key packet that openpgp.js cannot parse is damaged: it opens nothing (found below).
      const message = await readMessage({
        binaryMessage: Buffer.concat(mine.map((p) => p.bytes)),
        config: gpg22Config({ enforceGrammar: false }),
      }).catch(() => undefined);
      if (!message) return undefined;
      const keys = await decryptSessionKeys({
        message,
        decryptionKeys: privateKey,
        date: vault.now(),
        config: gpg22Config(),
      }).catch(() => []);
      const first = keys[0];
      if (!first) return undefined;
      try {
        const cipher = first.algorithm ? CIPHERS[first.algorithm] : undefined;
        if (!cipher) {
          throw new VigilError(
            'UNSUPPORTED',
            `The message is encrypted with ${first.algorithm ?? 'an unknown cipher'}; Vigil reads AES only.`,
          );
        }
        if (first.data.length !== cipher.bits / 8)
          throw new VigilError(
            'INTEGRITY_FAILED',
            'The bundle is damaged: its session key has the wrong length for its cipher.',
          );
        return { recipient: fingerprint, key: secretFrom(first.data), cipher };
      } finally {
        for (const k of keys) wipe(k.data);
      }
    });
    if (found) return found;
    if (!mine.some((p) => p.keyId === wildcard)) {
      throw new VigilError(
        'INTEGRITY_FAILED',
        'The bundle is encrypted to the organisation key, but its session key cannot be decrypted: the bundle is damaged or was altered.',
      );
    }
  }
  const ids = packets.pkesks.map((p) => p.keyId);
  if (ids.length === 0 && packets.passwordPackets > 0) {
    throw new VigilError(
      'WRONG_RECIPIENT',
      'The message is encrypted with a passphrase, not to the organisation key; Vigil imports bundles encrypted to its key.',
    );
  }
  throw new VigilError(
    'WRONG_RECIPIENT',
    `The bundle is not encrypted to this organisation's key: it is for ${ids.length === 1 ? 'key id' : 'key ids'} ${ids.join(', ') || '(none)'}.`,
  );
}
