import { pipeline, Readable } from 'node:stream';
import { createInflate, createInflateRaw } from 'node:zlib';
import { VigilError } from '../errors';
import { LIMITS } from './config';
import { HashWorker } from './hashWorker';
import {
  ByteReader,
  keepOpen,
  MalformedError,
  packet,
  packetBody,
  readPacketHeader,
  readSmallBody,
  rechunk,
  TAG,
  TruncatedError,
} from './packets';
import type { SealedTempFile } from './sealedTemp';

export type Compression = 'none' | 'uncompressed' | 'zip' | 'zlib';

/** The content grew beyond the caller's limit (a decompression bomb, or more than it accepts). */
export class TooLargeError extends Error {}

/** Inflates a compressed packet's data, refusing output beyond `limit`. */
async function* decompress(
  algorithm: number,
  data: AsyncIterable<Buffer>,
  limit: { left: number },
): AsyncGenerator<Buffer> {
  if (algorithm === 0) {
    yield* data;
    return;
  }
  if (algorithm !== 1 && algorithm !== 2) {
    throw new VigilError(
      'UNSUPPORTED',
      algorithm === 3
        ? 'The message is compressed with BZip2, which Vigil does not read; ask for ZIP, ZLIB or no compression.'
        : `The message uses an unknown compression (${algorithm}).`,
    );
  }
  const inflater =
    algorithm === 1
      ? createInflateRaw({ chunkSize: 256 * 1024 })
      : createInflate({ chunkSize: 256 * 1024 });
  const inflated = pipeline(Readable.from(data), inflater, () => undefined);
  try {
    for await (const chunk of inflated as AsyncIterable<Buffer>) {
      limit.left -= chunk.length;
      if (limit.left < 0) throw new TooLargeError();
      yield chunk;
    }
  } finally {
    inflater.destroy();
  }
}

export interface Inner {
  compression: Compression;
  filename: string;
  literalDate: string | null;
  signaturePackets: Buffer[];
  /** The literal data hashed as it passed, with the algorithms the one-pass signatures announced. */
  digests?: { hasher: HashWorker; algorithms: number[] };
}

// openpgp.js hash ids and Node's names for them (MD5 and RIPEMD-160 are refused by openpgp.js anyway).
const NODE_HASHES: Record<number, string> = {
  2: 'sha1',
  8: 'sha256',
  9: 'sha384',
  10: 'sha512',
  11: 'sha224',
  12: 'sha3-256',
  14: 'sha3-512',
};

/**
 * The message inside the encryption, in the forms gpg and Vigil write:
 * [compressed] ( literal | one-pass-signature{n} literal signature{n} ).
 * The literal data goes to `sink`; anything else is refused.
 */
export async function readInner(
  reader: ByteReader,
  sink: SealedTempFile,
  limit: { left: number },
  inner: Inner,
  depth = 0,
): Promise<void> {
  let header = await readPacketHeader(reader);
  if (!header) throw new MalformedError('the encrypted message is empty');
  if (header.tag === TAG.compressedData) {
    if (depth > 0) throw new MalformedError('the message is compressed twice');
    const body = keepOpen(packetBody(reader, header, 'the compressed data'));
    const first = await body.next();
    if (first.done || first.value.length === 0)
      throw new MalformedError('the compressed data is empty');
    const algorithm = first.value[0]!;
    inner.compression =
      algorithm === 0
        ? 'uncompressed'
        : algorithm === 1
          ? 'zip'
          : algorithm === 2
            ? 'zlib'
            : 'none';
    const head: Buffer = first.value;
    async function* compressedBytes(): AsyncGenerator<Buffer> {
      if (head.length > 1) yield head.subarray(1);
      yield* body;
    }
    await readInner(
      new ByteReader(decompress(algorithm, compressedBytes(), limit)),
      sink,
      limit,
      inner,
      depth + 1,
    );
    for (let rest = await body.next(); !rest.done; rest = await body.next()) {
      if (rest.value.length > 0)
        throw new MalformedError('there is data after the end of the compressed message');
    }
    if (await readPacketHeader(reader))
      throw new MalformedError('there is a packet after the compressed data');
    return;
  }
  let onePass = 0;
  const announced = new Set<number>();
  while (header.tag === TAG.onePassSignature) {
    const body = await readSmallBody(reader, header, 'a one-pass signature packet', 64);
    if (body.length !== 13 || body[0] !== 3)
      throw new MalformedError('a one-pass signature packet is not version 3');
    if (NODE_HASHES[body[2]!]) announced.add(body[2]!);
    onePass += 1;
    if (onePass > LIMITS.signatures)
      throw new MalformedError('the message has too many signatures');
    const next = await readPacketHeader(reader);
    if (!next) throw new TruncatedError('the signed message');
    header = next;
  }
  if (header.tag !== TAG.literalData) {
    throw new MalformedError(
      header.tag === TAG.signature
        ? 'the signatures come before the data (an old signing style Vigil does not read)'
        : `a packet of type ${header.tag} stands where the data should be`,
    );
  }
  const literal = new ByteReader(rechunk(packetBody(reader, header, 'the literal data')));
  await literal.readByte('the literal data header');
  const nameLength = await literal.readByte('the literal data header');
  inner.filename = (await literal.read(nameLength, 'the literal data header')).toString('utf8');
  const time = (await literal.read(4, 'the literal data header')).readUInt32BE(0);
  inner.literalDate = time === 0 ? null : new Date(time * 1000).toISOString();
  // Hash the data for the signatures while it passes, on another core, so it need not be read again.
  const algorithms = [...announced];
  const hasher =
    algorithms.length > 0 ? new HashWorker(algorithms.map((a) => NODE_HASHES[a]!)) : undefined;
  if (hasher) inner.digests = { hasher, algorithms };
  const every = (1 << algorithms.length) - 1;
  for (
    let chunk = await literal.readUpTo(1 << 20);
    chunk;
    chunk = await literal.readUpTo(1 << 20)
  ) {
    if (depth === 0) {
      limit.left -= chunk.length;
      if (limit.left < 0) throw new TooLargeError();
    }
    if (hasher) {
      await hasher.add(chunk, every);
      hasher.flush();
    }
    await sink.write(chunk);
  }
  for (let i = 0; i < onePass; i += 1) {
    const next = await readPacketHeader(reader);
    if (!next) throw new TruncatedError('the signatures');
    if (next.tag !== TAG.signature)
      throw new MalformedError(`a packet of type ${next.tag} stands where a signature should be`);
    inner.signaturePackets.push(
      packet(
        TAG.signature,
        await readSmallBody(reader, next, 'a signature packet', LIMITS.signaturePacketBytes),
      ),
    );
  }
  if (depth === 0 && (await readPacketHeader(reader)))
    throw new MalformedError('there is a packet after the message');
  if (depth > 0 && !(await reader.atEnd()))
    throw new MalformedError('there is a packet after the message');
}
