import { createCipheriv, randomBytes as nodeRandomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { encryptSessionKey, enums, SignaturePacket, type PublicKey } from 'openpgp';
import { VigilError, fsError } from '../errors';
import { randomSecret, wipe } from '../crypto/secrets';
import type { Vault } from '../vault/vault';
import { gpg22Config } from './config';
import { parseFingerprint } from './fingerprint';
import { keyFacts } from './keyFacts';
import { parsePublicKey, requireKey, requireOrganisationKey, withSecretKey } from './keyStore';
import { HashWorker } from './hashWorker';
import { fileSink, streamSink } from './sinks';
import {
  ByteReader,
  packet,
  PartialBodyEncoder,
  readPacketHeader,
  readSmallBody,
  TAG,
} from './packets';

export interface EncryptOptions {
  /** Recipients' fingerprints (keys in the vault that can receive a bundle gpg 2.2 reads). */
  recipients: string[];
  /** Sign with the organisation's active key (one-pass signature inside the encryption, as `gpg --sign --encrypt`). */
  sign: boolean;
  /** The file name recorded in the literal data packet (gpg shows it; `--use-embedded-filename` uses it). */
  filename?: string;
  /** When `output` is a path: replace an existing file (default: refuse). */
  overwrite?: boolean;
  /**
   * The signature's digest. SHA-256 (the default) is what every OpenPGP
   * program must implement and runs at twice SHA-512's speed on CPUs with
   * SHA extensions; SHA-512 is used only if every recipient lists it.
   */
  signatureHash?: 'sha256' | 'sha512';
  /** When `output` is a path: the temporary path to write first (an outgoing write records it). */
  tempPath?: string;
  /** Called once the temporary file exists. */
  onTempCreated?: () => Promise<void>;
}

export interface EncryptResult {
  bytesIn: number;
  bytesOut: number;
  recipients: string[];
  signer: string | null;
  cipher: 'aes256' | 'aes128';
  hash: 'sha512' | 'sha256' | null;
}

const READ_CHUNK = 1 << 20;
// Bits of the piece flags: which running hash a plaintext piece feeds.
const MDC = 1;
const SIGNED = 2;

interface Recipient {
  fingerprint: string;
  key: PublicKey;
}

async function loadRecipients(vault: Vault, fingerprints: string[]): Promise<Recipient[]> {
  const unique = [...new Set(fingerprints.map(parseFingerprint))];
  if (unique.length === 0)
    throw new VigilError('INVALID_INPUT', 'A bundle needs at least one recipient key.');
  const out: Recipient[] = [];
  for (const fingerprint of unique) {
    const stored = await requireKey(vault.db, fingerprint);
    const key = await parsePublicKey(stored);
    const facts = await keyFacts(key, vault.now());
    if (!facts.canEncrypt) {
      const reason = facts.warnings[0] ?? 'it has no encryption key GnuPG 2.2 reads.';
      throw new VigilError(
        'UNSUPPORTED',
        `The bundle cannot be encrypted to ${fingerprint}: ${reason}`,
      );
    }
    out.push({ fingerprint, key });
  }
  return out;
}

async function everyRecipientPrefers(
  recipients: Recipient[],
  now: Date,
  pick: (prefs: { symmetric: number[]; hash: number[] }) => boolean,
) {
  for (const { key } of recipients) {
    const self = (await key.getPrimaryUser(now, undefined, gpg22Config())).selfCertification;
    if (
      !pick({
        symmetric: self.preferredSymmetricAlgorithms ?? [],
        hash: self.preferredHashAlgorithms ?? [],
      })
    )
      return false;
  }
  return true;
}

async function* chunksOf(...chunks: Buffer[]): AsyncGenerator<Buffer> {
  yield* chunks;
}

/** The wanted digest if every recipient accepts it; SHA-256 otherwise (every implementation must accept it). */
async function signatureHash(
  recipients: Recipient[],
  now: Date,
  wanted: 'sha256' | 'sha512',
): Promise<'sha256' | 'sha512'> {
  if (wanted === 'sha256') return 'sha256';
  return (await everyRecipientPrefers(recipients, now, (p) => p.hash.includes(enums.hash.sha512)))
    ? 'sha512'
    : 'sha256';
}

/**
 * Reads a file straight into the hashing worker's ring, one chunk ahead of
 * its use: the cipher and the hashes then read the same memory, with no copy.
 */
async function* fileIntoRing(path: string, hasher: HashWorker): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  let next: Promise<Buffer> | undefined;
  const readOne = async (): Promise<Buffer> => {
    const view = await hasher.reserve(READ_CHUNK);
    let bytesRead = 0;
    try {
      bytesRead = (await handle.read(view, 0, view.length, null)).bytesRead;
    } finally {
      hasher.claim(bytesRead);
    }
    return view.subarray(0, bytesRead);
  };
  try {
    next = readOne();
    for (;;) {
      const data = await next;
      if (data.length === 0) return;
      next = readOne();
      yield data;
    }
  } finally {
    await next?.catch(() => undefined);
    await handle.close();
  }
}

/**
 * One v3 session-key packet per recipient, made by openpgp.js. Checked here
 * because a v6 packet would pair with SEIPDv2, which gpg 2.2 cannot read.
 */
async function sessionKeyPackets(
  recipients: Recipient[],
  sessionKey: Uint8Array,
  cipher: 'aes256' | 'aes128',
  now: Date,
): Promise<Buffer> {
  const bytes = Buffer.from(
    await encryptSessionKey({
      data: sessionKey,
      algorithm: cipher,
      encryptionKeys: recipients.map((r) => r.key),
      format: 'binary',
      date: now,
      config: gpg22Config(),
    }),
  );
  const reader = new ByteReader(chunksOf(bytes));
  let count = 0;
  for (
    let header = await readPacketHeader(reader);
    header;
    header = await readPacketHeader(reader)
  ) {
    const body = await readSmallBody(reader, header, 'a session key packet', 1 << 16);
    if (header.tag !== TAG.publicKeyEncryptedSessionKey || body[0] !== 3)
      throw new Error('openpgp.js made a session key packet gpg 2.2 cannot read');
    count += 1;
  }
  if (count !== recipients.length)
    throw new Error('openpgp.js made the wrong number of session key packets');
  return bytes;
}

/**
 * openpgp.js computes a signature's digest itself from the data; here the
 * digest is computed by the hashing worker while the data streams past, so
 * `hash` (called from `sign` with the signature fields and trailer) hands
 * the worker's result back. `used` proves the hook ran: if a later
 * openpgp.js stopped calling it, the signature would be over the wrong bytes,
 * and the bundle is refused instead.
 */
class StreamedDigestSignature extends SignaturePacket {
  used = false;

  constructor(
    private readonly finishDigest: (fieldsAndTrailer: Uint8Array) => Promise<Uint8Array>,
  ) {
    super();
  }

  async hash(_type: unknown, _data: unknown, toHash: Uint8Array): Promise<Uint8Array> {
    this.used = true;
    return this.finishDigest(toHash);
  }
}

/** `SignaturePacket.sign` as openpgp.js defines it (its published types omit the config argument). */
type SignFunction = (
  key: unknown,
  data: unknown,
  date: Date,
  detached: boolean,
  config: unknown,
) => Promise<void>;

/** The literal data packet's fixed fields: binary format, file name, date. */
function literalFields(filename: string, date: Date): Buffer {
  const name = Buffer.from(filename, 'utf8');
  if (name.length > 255)
    throw new VigilError(
      'INVALID_INPUT',
      'The file name recorded in the bundle is longer than 255 bytes.',
    );
  const time = Buffer.alloc(4);
  time.writeUInt32BE(Math.floor(date.getTime() / 1000) >>> 0);
  return Buffer.concat([Buffer.from(['b'.charCodeAt(0), name.length]), name, time]);
}

/**
 * Encrypts `input` to the recipients as one binary OpenPGP message that
 * GnuPG 2.2 decrypts: a v3 session key packet per recipient, then SEIPD v1
 * (AES in CFB with the SHA-1 modification detection code) holding, when
 * signed, a one-pass signature, the literal data and the signature, exactly
 * the layout of `gpg --sign --encrypt -z 0`. Never SEIPDv2/AEAD, whatever
 * the recipients advertise; never compressed.
 *
 * Streams in bounded memory (a few MiB whatever the size). `output` is a
 * path (written to a temporary file, synced, then renamed into place; never
 * left half-written) or a stream, which is ended.
 */
export async function encryptToRecipients(
  vault: Vault,
  input: Readable | string,
  output: Writable | string,
  options: EncryptOptions,
): Promise<EncryptResult> {
  const now = vault.now();
  const recipients = await loadRecipients(vault, options.recipients);
  const cipher = (await everyRecipientPrefers(recipients, now, (p) =>
    p.symmetric.includes(enums.symmetric.aes256),
  ))
    ? 'aes256'
    : 'aes128';
  const hash = options.sign
    ? await signatureHash(recipients, now, options.signatureHash ?? 'sha256')
    : null;
  const literal = literalFields(options.filename ?? '', now);

  // The signer's public half gives the one-pass signature's fields; the secret is loaded only to sign, at the end.
  let signer: { fingerprint: string; keyId: Buffer; algorithm: number } | null = null;
  if (options.sign) {
    const stored = await requireOrganisationKey(vault.db);
    const signingKey = await (
      await parsePublicKey(stored)
    ).getSigningKey(undefined, now, undefined, gpg22Config());
    // The streamed digest is signed as is only by Ed25519 (EdDSA); openpgp.js's RSA and ECDSA
    // code would sign the bytes it was given instead. Organisation keys are Ed25519 by import rule.
    if (signingKey.keyPacket.algorithm !== enums.publicKey.eddsaLegacy) {
      throw new VigilError(
        'UNSUPPORTED',
        'Bundles can only be signed by an Ed25519 organisation key.',
      );
    }
    signer = {
      fingerprint: stored.fingerprint,
      keyId: Buffer.from(signingKey.getKeyID().toHex(), 'hex'),
      algorithm: signingKey.keyPacket.algorithm,
    };
  }

  // The sink first: if the output cannot be created, there is no worker thread to stop
  // (a worker left running would keep the process alive after the error).
  const sink =
    typeof output === 'string'
      ? await fileSink(output, options.overwrite === true, {
          path: options.tempPath,
          created: options.onTempCreated,
        })
      : streamSink(output);
  const sessionKey = randomSecret(cipher === 'aes256' ? 32 : 16);
  const workerHashes = hash ? ['sha1', hash] : ['sha1'];
  const hasher = new HashWorker(workerHashes);
  let bytesIn = 0;
  let bytesOut = 0;
  try {
    const pkesks = await sessionKeyPackets(recipients, sessionKey, cipher, now);
    const encryptor = createCipheriv(
      cipher === 'aes256' ? 'aes-256-cfb' : 'aes-128-cfb',
      sessionKey,
      Buffer.alloc(16),
    );
    let outBatch: Buffer[] = [pkesks];
    const toOutput = (bytes: Buffer) => {
      outBatch.push(bytes);
      bytesOut += bytes.length;
    };
    bytesOut += pkesks.length;
    const seipd = new PartialBodyEncoder(TAG.symEncryptedIntegrityProtectedData, toOutput, 0);
    seipd.write(Buffer.from([1]), 0);
    // Every plaintext byte inside the encryption: enciphered at once, and queued for hashing for the
    // MDC (and the signature, for the data) when the chunk is done.
    let toHash: { bytes: Buffer; flags: number }[] = [];
    const plaintext = (bytes: Buffer, flags: number) => {
      toHash.push({ bytes, flags });
      seipd.write(encryptor.update(bytes), 0);
    };
    const prefix = nodeRandomBytes(18);
    prefix[16] = prefix[14]!;
    prefix[17] = prefix[15]!;
    plaintext(prefix, MDC);
    if (signer && hash) {
      const ops = Buffer.concat([
        Buffer.from([3, enums.signature.binary, enums.hash[hash], signer.algorithm]),
        signer.keyId,
        Buffer.from([1]),
      ]);
      plaintext(packet(TAG.onePassSignature, ops), MDC);
    }
    const literalPacket = new PartialBodyEncoder(TAG.literalData, plaintext, MDC);
    literalPacket.write(literal, MDC);
    const hashQueued = async () => {
      const pieces = toHash;
      toHash = [];
      for (const piece of pieces) await hasher.add(piece.bytes, piece.flags);
      hasher.flush();
    };
    const flush = async () => {
      await hashQueued();
      const batch = outBatch;
      outBatch = [];
      await sink.write(batch);
    };

    const source = typeof input === 'string' ? fileIntoRing(input, hasher) : input;
    try {
      for await (const chunk of source as AsyncIterable<Buffer | string>) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        bytesIn += bytes.length;
        literalPacket.write(bytes, MDC | SIGNED);
        await flush();
      }
    } catch (error) {
      throw fsError(
        error,
        typeof input === 'string'
          ? `Cannot read ${basename(input)}`
          : 'Cannot read the data to encrypt',
      );
    }
    literalPacket.end();
    await hashQueued();

    if (signer && hash) {
      const signature = new StreamedDigestSignature((fieldsAndTrailer) =>
        hasher.digest(1, fieldsAndTrailer),
      );
      signature.signatureType = enums.signature.binary;
      signature.hashAlgorithm = enums.hash[hash];
      signature.publicKeyAlgorithm = signer.algorithm;
      await withSecretKey(vault, signer.fingerprint, async (key) => {
        const signingKey = await key.getSigningKey(undefined, now, undefined, gpg22Config());
        if (signingKey.getKeyID().toHex() !== signer.keyId.toString('hex'))
          throw new Error('the signing key changed during encryption');
        // The data is already in the digest: openpgp.js sees an empty literal and hashes only the signature fields.
        const noData = { text: null, getBytes: () => new Uint8Array(0) };
        await (signature.sign as unknown as SignFunction).call(
          signature,
          signingKey.keyPacket,
          noData,
          now,
          false,
          gpg22Config(),
        );
      });
      if (!signature.used)
        throw new Error('openpgp.js did not take the streamed digest; the bundle was not signed');
      plaintext(packet(TAG.signature, signature.write()), MDC);
    }
    const mdcHeader = Buffer.from([0xd3, 0x14]);
    plaintext(mdcHeader, 0);
    await hashQueued();
    const mdc = await hasher.digest(0, mdcHeader);
    seipd.write(encryptor.update(mdc), 0);
    const last = encryptor.final();
    if (last.length > 0) seipd.write(last, 0);
    seipd.end();
    await flush();
    await sink.finish();
    return {
      bytesIn,
      bytesOut,
      recipients: recipients.map((r) => r.fingerprint),
      signer: signer?.fingerprint ?? null,
      cipher,
      hash,
    };
  } catch (error) {
    await sink.abort();
    throw error;
  } finally {
    wipe(sessionKey);
    await hasher.close();
  }
}
