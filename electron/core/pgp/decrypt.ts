import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { readSignature } from 'openpgp';
import { VigilError, fsError } from '../errors';
import { wipe } from '../crypto/secrets';
import type { Vault } from '../vault/vault';
import { gpg22Config, LIMITS } from './config';
import { SignatureRefusedError } from './errors';
import { readInner, TooLargeError, type Compression, type Inner } from './innerMessage';
import { ByteReader, keepOpen, MalformedError, TruncatedError } from './packets';
import { SealedTempFile } from './sealedTemp';
import { IntegrityError, openSeipd, type SeipdState } from './seipd';
import {
  openSessionKey,
  readSessionPackets,
  type CipherName,
  type SessionKey,
  type SessionPackets,
} from './sessionKeys';
import {
  canVerifyWithDigest,
  verifyDetachedWith,
  verifyWithDigests,
  type SignatureCheck,
} from './signatures';
import { vaultKeyring, type Keyring } from './keyring';

/** Verified plaintext, readable while `onPlaintext` runs; it lives only in a sealed temporary file. */
export interface VerifiedPlaintext {
  readonly size: number;
  /** The bytes from `start` (inclusive) to `end` (exclusive). */
  stream(start?: number, end?: number): Readable;
  read(position: number, length: number): Promise<Buffer>;
}

export type SignatureStatus = 'valid' | 'untrusted-signer' | 'unknown-signer' | 'unsigned';

export interface DecryptReport {
  /** The organisation key the message was encrypted to. */
  recipient: string;
  cipher: CipherName;
  compression: Compression;
  /** The file name the sender recorded: untrusted text, never a path to use as is. */
  filename: string;
  literalDate: string | null;
  ciphertextBytes: number;
  plaintextBytes: number;
  /** `valid`: a good signature by the organisation or a trusted partner; the others were accepted explicitly. */
  signature: SignatureCheck & { status: SignatureStatus };
}

export interface DecryptOptions<T> {
  /**
   * Receives the plaintext once the integrity check (MDC) and the signature
   * check have passed, never before. The temporary copy is deleted when it
   * settles.
   */
  onPlaintext: (plaintext: VerifiedPlaintext, report: DecryptReport) => Promise<T>;
  /** Accept a message without a signature (its origin is then unproven). */
  acceptUnsigned?: boolean;
  /** Accept a signature by a key that is not in the vault (it cannot be checked). */
  acceptUnknownSigner?: boolean;
  /** Accept a good signature by a partner key not marked trusted. */
  acceptUntrustedSigner?: boolean;
  /**
   * Refuse plaintext larger than this. Default: the message's size (an
   * uncompressed message never grows) times 20 plus 64 MiB for compressed
   * ones, far below what a decompression bomb yields.
   */
  maxPlaintextBytes?: number;
  /**
   * The keys the signature is checked against; by default the vault's. A
   * caller verifying against a key the user named gives it here.
   */
  keyring?: Keyring;
}

function truncated(error: TruncatedError): VigilError {
  return new VigilError(
    'INTEGRITY_FAILED',
    `The bundle is truncated: it ends inside ${error.where}. Nothing from it was kept.`,
    { cause: error },
  );
}

function altered(cause?: unknown): VigilError {
  return new VigilError(
    'INTEGRITY_FAILED',
    'The bundle was altered or damaged: its integrity check (MDC) failed. Nothing from it was kept.',
    cause === undefined ? undefined : { cause },
  );
}

/** Chunks of a file, closing it when iteration stops for any reason. */
async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw fsError(error, `Cannot read ${basename(path)}`);
  } finally {
    stream.destroy();
  }
}

async function readHead(path: string, length: number): Promise<Buffer> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fsError(error, `Cannot read ${basename(path)}`);
  }
}

function signerPolicy(
  check: SignatureCheck | null,
  options: Pick<
    DecryptOptions<unknown>,
    'acceptUnsigned' | 'acceptUnknownSigner' | 'acceptUntrustedSigner'
  >,
): DecryptReport['signature'] {
  if (!check) {
    const unsigned = {
      valid: false,
      signerKnown: false,
      signerTrusted: false,
      problem: 'The bundle is not signed.',
    };
    if (!options.acceptUnsigned) {
      throw new SignatureRefusedError(
        'unsigned',
        unsigned,
        'The bundle is not signed, so who made it cannot be checked; it was not opened (accept unsigned bundles explicitly to import it).',
      );
    }
    return { ...unsigned, status: 'unsigned' };
  }
  if (check.signerKnown && !check.valid) {
    throw new SignatureRefusedError(
      'bad-signature',
      check,
      `The bundle's signature is not valid: ${check.problem ?? 'it does not match'} It was not opened.`,
    );
  }
  if (!check.signerKnown) {
    if (!options.acceptUnknownSigner) {
      const who = check.signerFingerprint
        ? `fingerprint ${check.signerFingerprint}`
        : `key id ${check.signerKeyId ?? 'unknown'}`;
      throw new SignatureRefusedError(
        'unknown-signer',
        check,
        `The bundle is signed by a key that is not in the vault (${who}); it was not opened. Import that key after checking its fingerprint with its owner, or accept the unknown signer explicitly.`,
      );
    }
    return { ...check, status: 'unknown-signer' };
  }
  if (!check.signerTrusted) {
    if (!options.acceptUntrustedSigner) {
      throw new SignatureRefusedError(
        'untrusted-signer',
        check,
        `The bundle is signed by ${check.signerFingerprint}, a partner key that is not marked trusted; it was not opened. Mark the key trusted, or accept this signer explicitly.`,
      );
    }
    return { ...check, status: 'untrusted-signer' };
  }
  return { ...check, status: 'valid' };
}

/**
 * Decrypts a binary OpenPGP message (a partner bundle) with the
 * organisation's key and checks it, streaming in bounded memory:
 *
 * 1. The session key is opened only if the message is encrypted to an
 *    organisation key (else WRONG_RECIPIENT).
 * 2. The plaintext streams into a sealed temporary file in the vault while
 *    the MDC is computed; a truncated, altered or oversized message fails
 *    here and the temporary file is deleted.
 * 3. The signatures are checked against the vault's keys, from digests
 *    computed while the data was decrypted (text-mode signatures: over the
 *    sealed copy), then the signer policy is applied.
 * 4. Only then does `onPlaintext` see the data.
 */
export async function decryptMessage<T>(
  vault: Vault,
  input: string,
  options: DecryptOptions<T>,
): Promise<DecryptReport & { value: T }> {
  const size = await stat(input).then(
    (s) => s.size,
    (error: unknown) => {
      throw fsError(error, `Cannot read ${basename(input)}`);
    },
  );
  if ((await readHead(input, 32)).toString('latin1').startsWith('-----BEGIN PGP')) {
    throw new VigilError(
      'INVALID_INPUT',
      'The message is ASCII-armored; Vigil reads binary bundles (convert it with gpg --dearmor).',
    );
  }
  const limitBytes =
    options.maxPlaintextBytes ?? size * LIMITS.compressionRatio + LIMITS.compressedSlackBytes;
  const limit = { left: limitBytes };
  const file = fileChunks(input);
  const reader = new ByteReader(file);
  let session: SessionKey | undefined;
  let sealed: SealedTempFile | undefined;
  let layer: AsyncGenerator<Buffer> | undefined;
  const inner: Inner = {
    compression: 'none',
    filename: '',
    literalDate: null,
    signaturePackets: [],
  };
  const seipd: SeipdState = {};
  try {
    let packets: SessionPackets;
    try {
      packets = await readSessionPackets(reader);
    } catch (error) {
      if (error instanceof TruncatedError) throw truncated(error);
      if (error instanceof MalformedError)
        throw new VigilError(
          'VERIFICATION_FAILED',
          `The file is not a valid OpenPGP message: ${error.message}.`,
          { cause: error },
        );
      throw error;
    }
    session = await openSessionKey(vault, packets);
    sealed = await SealedTempFile.create(vault.dir);
    layer = openSeipd(reader, packets.encrypted, session, seipd);
    const plaintext = keepOpen(layer);
    try {
      await readInner(new ByteReader(plaintext), sealed, limit, inner);
      // Normally the MDC was checked when the inner reader reached the end; make sure of it.
      for (let rest = await plaintext.next(); !rest.done; rest = await plaintext.next()) {
        throw new MalformedError('there is data after the message');
      }
    } catch (caught) {
      const error = seipd.failure ?? caught;
      if (error instanceof VigilError) throw error;
      if (error instanceof IntegrityError) throw altered(error);
      if (seipd.failure instanceof TruncatedError) throw truncated(seipd.failure);
      if (seipd.failure instanceof MalformedError)
        throw new VigilError(
          'INTEGRITY_FAILED',
          `The bundle is damaged: ${seipd.failure.message}.`,
          { cause: seipd.failure },
        );
      // The content did not parse (or was too large): run the rest of the ciphertext through the MDC
      // to tell an altered bundle from a well-formed one whose content is wrong.
      try {
        for (let rest = await plaintext.next(); !rest.done; rest = await plaintext.next())
          void rest;
      } catch (drainError) {
        if (drainError instanceof IntegrityError) throw altered(drainError);
        if (drainError instanceof TruncatedError) throw truncated(drainError);
        if (drainError instanceof VigilError) throw drainError;
        if (drainError instanceof MalformedError)
          throw new VigilError(
            'INTEGRITY_FAILED',
            `The bundle is damaged: ${drainError.message}.`,
            { cause: drainError },
          );
        throw drainError;
      }
      if (error instanceof TooLargeError) {
        throw new VigilError(
          'VERIFICATION_FAILED',
          `The bundle's content is larger than the ${limitBytes}-byte limit (a decompression bomb, or more than this import accepts); nothing was kept.`,
        );
      }
      if (error instanceof TruncatedError || error instanceof MalformedError) {
        throw new VigilError(
          'VERIFICATION_FAILED',
          `The bundle decrypted, but its content is not a message Vigil reads: ${error.message}.`,
          { cause: error },
        );
      }
      throw new VigilError(
        'VERIFICATION_FAILED',
        'The bundle decrypted, but its content cannot be read.',
        { cause: error },
      );
    }
    await sealed.finish();

    let check: SignatureCheck | null = null;
    if (inner.signaturePackets.length > 0) {
      const signature = await readSignature({
        binarySignature: Buffer.concat(inner.signaturePackets),
        config: gpg22Config(),
      }).catch((error: unknown) => {
        throw new VigilError(
          'VERIFICATION_FAILED',
          "The bundle's signature cannot be read; it was not opened.",
          { cause: error },
        );
      });
      const digests = inner.digests;
      const fromDigests =
        digests !== undefined &&
        signature.packets.every(
          (p) =>
            canVerifyWithDigest(p) &&
            p.hashAlgorithm !== null &&
            digests.algorithms.includes(p.hashAlgorithm),
        );
      const keyring = options.keyring ?? (await vaultKeyring(vault));
      check = fromDigests
        ? await verifyWithDigests(keyring, vault.now(), signature, (p, tail) =>
            digests.hasher.digest(digests.algorithms.indexOf(p.hashAlgorithm!), tail, true),
          )
        : // Text signatures, or algorithms the one-pass packets did not announce: read the sealed copy again.
          await verifyDetachedWith(keyring, vault.now(), sealed.stream(), signature);
    }
    const report: DecryptReport = {
      recipient: session.recipient,
      cipher: session.cipher.name,
      compression: inner.compression,
      filename: inner.filename,
      literalDate: inner.literalDate,
      ciphertextBytes: size,
      plaintextBytes: sealed.size,
      signature: signerPolicy(check, options),
    };
    const verified = sealed;
    const value = await options.onPlaintext(
      {
        size: verified.size,
        stream: (start, end) => verified.stream(start, end),
        read: (position, length) => verified.read(position, length),
      },
      report,
    );
    return { ...report, value };
  } finally {
    // A failure can leave the layers mid-way: close them (the hashing thread, the file) explicitly.
    await layer?.return(undefined).catch(() => undefined);
    await inner.digests?.hasher.close();
    await file.return(undefined).catch(() => undefined);
    wipe(session?.key);
    await sealed?.dispose();
  }
}
