import { timingSafeEqual } from 'node:crypto';
import { VigilError } from '../errors';
import { CfbDecryptor } from './cfb';
import { HashWorker } from './hashWorker';
import {
  MalformedError,
  packetBody,
  rechunk,
  TruncatedError,
  type ByteReader,
  type PacketHeader,
} from './packets';
import type { SessionKey } from './sessionKeys';

// AES's block size; the SEIPD prefix is a block plus two repeated bytes.
const PREFIX = 18;
const MDC_PACKET = 22;

/** The MDC did not match: the encrypted data was altered. */
export class IntegrityError extends Error {}

/**
 * The SEIPD v1 layer: deciphers the packet body and yields the inner
 * plaintext, without the random prefix and holding back the final MDC
 * packet. Only after its last yield does it compare the SHA-1 of everything
 * with the MDC; until then every byte it yielded is unauthenticated.
 */
export async function* openSeipd(
  reader: ByteReader,
  header: PacketHeader,
  session: SessionKey,
  state: SeipdState,
): AsyncGenerator<Buffer> {
  try {
    yield* decipherSeipd(reader, header, session);
  } catch (error) {
    // Remembered so that a failure of this layer (truncation, a bad MDC) is reported as such,
    // even when it surfaces through the parser of the content above it.
    state.failure = error;
    throw error;
  }
}

export interface SeipdState {
  failure?: unknown;
}

async function* decipherSeipd(
  reader: ByteReader,
  header: PacketHeader,
  session: SessionKey,
): AsyncGenerator<Buffer> {
  const body = rechunk(packetBody(reader, header, 'the encrypted data'));
  const first = await body.next();
  if (first.done || first.value.length === 0) throw new TruncatedError('the encrypted data');
  const version = first.value[0];
  if (version !== 1) {
    throw new VigilError(
      'UNSUPPORTED',
      version === 2
        ? 'The message uses SEIPDv2 (AEAD) encryption, which Vigil and GnuPG 2.2 cannot read: ask the sender to encrypt with SEIPD v1.'
        : `The encrypted data has an unknown version (${version}).`,
    );
  }
  const decipher = new CfbDecryptor(session.cipher.ecb, session.key);
  // The SHA-1 of the MDC runs on another core, beside the deciphering.
  const mdc = new HashWorker(['sha1']);
  try {
    yield* checkMdc(reader, first.value.subarray(1), body, decipher, mdc);
  } finally {
    await mdc.close();
  }
}

async function* checkMdc(
  reader: ByteReader,
  firstPiece: Buffer,
  body: AsyncGenerator<Buffer>,
  decipher: CfbDecryptor,
  mdc: HashWorker,
): AsyncGenerator<Buffer> {
  let prefixLeft = PREFIX;
  let tail = Buffer.alloc(0);
  // Takes deciphered bytes; holds back the last 22 seen (the MDC packet once the input ends),
  // hashes the rest for the MDC and passes it on without the random prefix.
  const release = async (plain: Buffer): Promise<Buffer[]> => {
    let ready: Buffer[];
    if (plain.length >= MDC_PACKET) {
      ready = [tail, plain.subarray(0, plain.length - MDC_PACKET)];
      tail = Buffer.from(plain.subarray(plain.length - MDC_PACKET));
    } else {
      const joined = Buffer.concat([tail, plain]);
      const cut = Math.max(0, joined.length - MDC_PACKET);
      ready = [joined.subarray(0, cut)];
      tail = joined.subarray(cut);
    }
    const out: Buffer[] = [];
    for (let piece of ready) {
      if (piece.length === 0) continue;
      await mdc.add(piece, 1);
      if (prefixLeft > 0) {
        const skip = Math.min(prefixLeft, piece.length);
        prefixLeft -= skip;
        piece = piece.subarray(skip);
      }
      if (piece.length > 0) out.push(piece);
    }
    mdc.flush();
    return out;
  };
  yield* await release(decipher.update(firstPiece));
  for await (const chunk of body) yield* await release(decipher.update(chunk));
  yield* await release(decipher.final());
  if (!(await reader.atEnd()))
    throw new MalformedError('there is data after the end of the encrypted message');
  if (prefixLeft > 0 || tail.length !== MDC_PACKET)
    throw new MalformedError('the encrypted data is too short');
  const expected = await mdc.digest(0, tail.subarray(0, 2));
  if (tail[0] !== 0xd3 || tail[1] !== 0x14 || !timingSafeEqual(expected, tail.subarray(2)))
    throw new IntegrityError('MDC mismatch');
}
